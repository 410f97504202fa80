"""``redhome-pos report NAME --from DATE --to DATE [--csv FILE]``: a manager report.

Days are the store's business days (its time zone). Without ``--csv`` the report is printed
as a table; ``--list`` names the reports.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from redhome_pos.commands._context import (
    EXIT_CONFIG,
    EXIT_OK,
    load_app_config,
    reports_errors,
    store_database,
)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("report", help="sales, returns, stock and note reports")
    parser.add_argument("name", nargs="?", help="which report (see --list)")
    parser.add_argument("--from", dest="first_day", type=_day, metavar="DATE")
    parser.add_argument("--to", dest="last_day", type=_day, metavar="DATE")
    parser.add_argument("--csv", type=Path, metavar="FILE", help="write the report as CSV")
    parser.add_argument("--list", action="store_true", help="list the reports")
    parser.set_defaults(run=run_report)


@reports_errors
def run_report(args: argparse.Namespace) -> int:
    from redhome_pos.services import reports

    if args.list or not args.name:
        print("\n".join(reports.REPORTS))
        return EXIT_OK if args.list else EXIT_CONFIG
    config = load_app_config(args)
    today = date.today()
    period = reports.ReportPeriod(
        args.first_day or args.last_day or today,
        args.last_day or args.first_day or today,
        config.store.timezone,
    )
    with store_database(config, create=False) as database:
        report = reports.make_report(database, args.name, period)
    if args.csv is not None:
        reports.write_csv(report, args.csv)
        print(f"{len(report.rows)} row(s) written to {args.csv}")
    else:
        print("\n".join(reports.text_lines(report)))
    return EXIT_OK
