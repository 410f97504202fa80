"""``redhome-pos audit verify [--code CODE]``: walk the audit chain with the store's key and
compare it with the anchors written at each Z report; exit 1 if anything was edited, deleted
or started again. Reads only: a missing database is reported, never created."""

from __future__ import annotations

import argparse
from typing import Any

from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    existing_database,
    load_app_config,
    reports_errors,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("audit", help="check the audit log")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="check that no audit event was edited or deleted, against the Z reports' "
        "anchors (exit 1 if one was)",
    )
    verify.add_argument(
        "--code", metavar="CODE", help="also check the audit code printed on a Z receipt"
    )
    verify.set_defaults(run=run_verify)


@reports_errors
def run_verify(args: argparse.Namespace) -> int:
    from redhome_pos.config.keys import AUDIT_KEY, store_key
    from redhome_pos.services import audit
    from redhome_pos.services.counter import anchor_file

    config = load_app_config(args)
    key = store_key(config.paths, AUDIT_KEY)
    database = existing_database(config)
    try:
        check = audit.verify_log(database, key, anchor_file(config), config.store.code)
        code_ok = audit.code_matches(database, key, args.code) if args.code else True
    finally:
        database.dispose()
    if not code_ok:
        print(f"The Z receipt's audit code {args.code} does not match the log.")
    if not check.breaks and code_ok:
        print(
            f"The audit log is intact: {check.count} events, "
            f"checked against {check.anchors} Z report anchor(s)."
        )
        if check.unkeyed:
            print(f"The first {check.unkeyed} events were written before the store had a key.")
        return EXIT_OK
    for found in check.breaks:
        print(f"event {found.seq}: {found.problem}")
    print(f"The audit log was tampered with: {len(check.breaks) + (not code_ok)} problem(s).")
    return EXIT_PROBLEM
