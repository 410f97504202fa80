"""``redhome-pos shift report --z SHIFT_ID`` or ``--report REPORT_ID``: print a stored report."""

from __future__ import annotations

import argparse
from typing import Any

from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    reports_errors,
    store_database,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("shift", help="shift reports")
    actions = parser.add_subparsers(dest="shift_action", metavar="ACTION", required=True)
    report = actions.add_parser("report", help="print a stored X or Z report again")
    which = report.add_mutually_exclusive_group(required=True)
    which.add_argument("--z", type=int, metavar="SHIFT_ID", help="the Z report of a shift")
    which.add_argument("--report", type=int, metavar="REPORT_ID", help="a report by its id")
    report.set_defaults(run=run_report)


@reports_errors
def run_report(args: argparse.Namespace) -> int:
    from redhome_pos.services import shifts
    from redhome_pos.services.shift_text import report_lines

    config = load_app_config(args)
    with store_database(config) as database:
        if args.z is not None:
            report = shifts.z_report(database, args.z)
        else:
            report = shifts.shift_report(database, args.report)
    if report is None:
        print("No such report (a shift still open has no Z report yet).")
        return EXIT_PROBLEM
    print("\n".join(report_lines(report, config.store.timezone)))
    return EXIT_OK
