"""``redhome-pos audit verify``: walk the audit chain; exit 1 if any row was edited or deleted."""

from __future__ import annotations

import argparse
from typing import Any

from redhome_pos.commands._context import EXIT_OK, EXIT_PROBLEM, load_app_config, reports_errors


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("audit", help="check the audit log")
    actions = parser.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify", help="check that no audit event was edited or deleted (exit 1 if one was)"
    )
    verify.set_defaults(run=run_verify)


@reports_errors
def run_verify(args: argparse.Namespace) -> int:
    from redhome_pos.commands._context import open_store_database
    from redhome_pos.services import audit

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        breaks = audit.verify(database)
        head = audit.head(database)
    finally:
        database.dispose()
    if not breaks:
        count = head.seq if head else 0
        print(f"The audit log is intact: {count} events.")
        return EXIT_OK
    for found in breaks:
        print(f"event {found.seq}: {found.problem}")
    print(f"The audit log was tampered with: {len(breaks)} problem(s).")
    return EXIT_PROBLEM
