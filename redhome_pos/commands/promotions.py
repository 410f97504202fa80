"""``redhome-pos promotions list | import FILE | export FILE``: the store's promotions.

``list`` prints each rule with its words, kind, scope, days and state; ``import`` creates or
updates rules from a CSV file, all or none (a manager: ``--staff CODE``, PIN on a prompt or
``--pin-stdin``); ``export`` writes every rule as CSV (see ``services.promotions_csv``).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from redhome_pos.commands._actor import add_actor_options, log_in
from redhome_pos.commands._context import (
    EXIT_OK,
    load_app_config,
    reports_errors,
    store_database,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("promotions", help="list, import or export promotions")
    actions = parser.add_subparsers(dest="promotions_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every promotion and whether it is on")
    listing.add_argument("--all", action="store_true", help="ended promotions too")
    listing.set_defaults(run=run_list)
    importing = actions.add_parser("import", help="create or update promotions from CSV")
    importing.add_argument("file", metavar="FILE", type=Path)
    add_actor_options(importing, "the manager")
    importing.set_defaults(run=run_import)
    exporting = actions.add_parser("export", help="write every promotion as CSV")
    exporting.add_argument("file", metavar="FILE", type=Path)
    exporting.set_defaults(run=run_export)


@reports_errors
def run_list(args: argparse.Namespace) -> int:
    from redhome_pos.services import promotions
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    till = Till.from_config(config)
    with store_database(config, create=False) as database:
        rules = promotions.list_promotions(database, include_ended=args.all)
    now = till.now()
    for rule in rules:
        schedule = rule.schedule
        days = f"{schedule.first_day or '…'}..{schedule.last_day or '…'}"
        hours = (
            f" {schedule.start:%H:%M}-{schedule.end:%H:%M}"
            if schedule.start and schedule.end
            else ""
        )
        state = "ended" if rule.ended else ("on" if schedule.is_on(now, till.timezone) else "off")
        scope = rule.scope.kind.value + (f"({len(rule.scope.values)})" if rule.scope.values else "")
        member = " members" if rule.member_only else ""
        print(
            f"{rule.code:<12} {state:<5} {rule.label:<16} {rule.kind.value:<17} {scope:<12} "
            f"{days}{hours}{member}  p{rule.priority} {rule.stacking.value}"
            + (f" [{rule.group}]" if rule.group else "")
        )
    print(f"{len(rules)} promotion(s)")
    return EXIT_OK


@reports_errors
def run_import(args: argparse.Namespace) -> int:
    from redhome_pos.services.counter import Till
    from redhome_pos.services.promotions_csv import import_promotions

    config = load_app_config(args)
    till = Till.from_config(config)
    with store_database(config) as database:
        staff = log_in(database, till, args)
        count = import_promotions(database, till, staff, args.file)
    print(f"{count} promotion(s) imported from {args.file}")
    return EXIT_OK


@reports_errors
def run_export(args: argparse.Namespace) -> int:
    from redhome_pos.services.promotions_csv import export_promotions

    config = load_app_config(args)
    with store_database(config, create=False) as database:
        count = export_promotions(database, args.file)
    print(f"{count} promotion(s) written to {args.file}")
    return EXIT_OK
