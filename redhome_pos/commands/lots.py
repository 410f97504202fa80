"""``redhome-pos lots ...``: lot tracking from the command line.

``lots track SKU... [--off]`` turns lot tracking on (or off) for SKUs by code (a manager's
staff code and PIN); ``lots show SKU`` prints a SKU's lots with their dates and on-hand;
``lots expiring [--days N] [--json]`` lists lots expired or expiring within N days (the
store's warning days by default), the soonest first, with the value at stake.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from redhome_pos.commands._actor import add_actor_options, audit_command, log_in
from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    open_store_database,
    reports_errors,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("lots", help="lots and expiry dates of lot-tracked goods")
    actions = parser.add_subparsers(dest="lots_action", metavar="ACTION", required=True)
    track = actions.add_parser("track", help="turn lot tracking on (or --off) for SKUs")
    track.add_argument("skus", nargs="+", metavar="SKU")
    track.add_argument("--off", action="store_true", help="turn lot tracking off")
    add_actor_options(track, "the manager")
    show = actions.add_parser("show", help="a SKU's lots, dates and on-hand")
    show.add_argument("sku", metavar="SKU")
    expiring = actions.add_parser("expiring", help="lots expired or expiring soon")
    expiring.add_argument("--days", type=int, help="within this many days (default: the store's)")
    expiring.add_argument("--json", action="store_true", help="print JSON")
    for action in (track, show, expiring):
        action.set_defaults(run=run_lots)


@reports_errors
def run_lots(args: argparse.Namespace) -> int:
    from redhome_pos.domain.audit import AuditAction
    from redhome_pos.domain.money import format_fen
    from redhome_pos.services import lots
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    database = open_store_database(config, create=False)
    till = Till.from_config(config)
    try:
        if args.lots_action == "track":
            staff = log_in(database, till, args)
            changed = lots.set_lot_tracked(database, till, staff, args.skus, not args.off)
            audit_command(
                database, till, AuditAction.LOT_TRACKING, staff, skus=args.skus, on=not args.off
            )
            print(f"lot tracking {'off' if args.off else 'on'} for {changed} SKU(s)")
            return EXIT_OK if changed == len(set(args.skus)) else EXIT_PROBLEM
        if args.lots_action == "show":
            found = lots.sku_lots(database, args.sku)
            if found is None:
                print(f"no SKU {args.sku}, or it is not lot-tracked")
                return EXIT_PROBLEM
            for level in found:
                expiry = level.expiry.isoformat() if level.expiry else "-"
                print(f"{level.lot_code or '(unknown)':<20} {expiry:<10} {level.on_hand:>7}")
            return EXIT_OK
        soon = lots.expiring_soon(database, till, days=args.days)
        today = till.today()
        if args.json:
            rows = [
                {
                    "sku": lot.sku_code,
                    "title": lot.title,
                    "lot": lot.lot_code,
                    "expiry": lot.expiry.isoformat(),
                    "days_left": (lot.expiry - today).days,
                    "on_hand": lot.on_hand,
                    "value_fen": lot.value_fen,
                }
                for lot in soon
            ]
            print(json.dumps(rows, ensure_ascii=False, indent=2))
            return EXIT_OK
        for lot in soon:
            left = (lot.expiry - today).days
            when = "expired" if left < 0 else f"{left} day(s)"
            print(
                f"{lot.sku_code:<16} {lot.lot_code or '(unknown)':<14} {lot.expiry.isoformat()}"
                f"  {when:<10} {lot.on_hand:>6}  {format_fen(lot.value_fen)}  {lot.title}"
            )
        total = sum(lot.value_fen for lot in soon)
        print(f"{len(soon)} lot(s), {format_fen(total)} at stake")
        return EXIT_OK
    finally:
        database.dispose()
