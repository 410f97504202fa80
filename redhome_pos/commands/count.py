"""``redhome-pos count ...``: stock counts from the command line.

``count start [--category C] [--location L] [--sku CODE] [--blind]`` (no filter: a full count),
``count enter COUNT CODE QUANTITY`` (a typed count) or ``count scan COUNT CODE`` (one unit),
``count sheet COUNT``, ``count recount COUNT CODE...``, ``count post COUNT [--zero-uncounted]``.
Every action names the staff member (``--staff CODE``); the PIN is read from standard input
(``--pin-stdin``) or typed at a prompt.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from redhome_pos.commands._actor import add_actor_options, log_in
from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    open_store_database,
    reports_errors,
)

if TYPE_CHECKING:
    from redhome_pos.persistence.database import Database


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("count", help="stock counts")
    actions = parser.add_subparsers(dest="count_action", metavar="ACTION", required=True)
    start = actions.add_parser("start", help="start a count (full, or by category/location/SKU)")
    start.add_argument("--name", default="")
    start.add_argument("--category", action="append", default=[])
    start.add_argument("--location", action="append", default=[])
    start.add_argument("--sku", action="append", default=[], metavar="CODE")
    start.add_argument("--blind", action="store_true", help="hide the expected figures")
    enter = actions.add_parser("enter", help="enter what was counted of a code")
    enter.add_argument("count_id", type=int)
    enter.add_argument("code")
    enter.add_argument("quantity", type=int)
    scan = actions.add_parser("scan", help="count one unit of a scanned code")
    scan.add_argument("count_id", type=int)
    scan.add_argument("code")
    sheet = actions.add_parser("sheet", help="print a count's sheet with variances")
    sheet.add_argument("count_id", type=int)
    recount = actions.add_parser("recount", help="ask for codes to be counted again")
    recount.add_argument("count_id", type=int)
    recount.add_argument("codes", nargs="+")
    post = actions.add_parser("post", help="post a count as stock movements")
    post.add_argument("count_id", type=int)
    post.add_argument("--zero-uncounted", action="store_true", help="uncounted SKUs become 0")
    for action in (start, enter, scan, recount, post):
        add_actor_options(action)
    for action in (start, enter, scan, sheet, recount, post):
        action.set_defaults(run=run_count)


def _sku_id(database: Database, code: str) -> int:
    from redhome_pos.persistence.repositories.catalog import CatalogRepository
    from redhome_pos.services.stock_counts import CountError

    with database.reading() as session:
        catalog = CatalogRepository(session)
        sku = catalog.sku_by_code(code) or catalog.sku_by_barcode(code)
    if sku is None or sku.id is None:
        raise CountError("No product has the code {code}", code=code)
    return sku.id


@reports_errors
def run_count(args: argparse.Namespace) -> int:
    from redhome_pos.services import stock_counts
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    database = open_store_database(config)
    till = Till.from_config(config)
    action = args.count_action
    try:
        if action == "sheet":
            return _print_sheet(database, args.count_id)
        staff = log_in(database, till, args)
        if action == "start":
            count_id = stock_counts.start_count(
                database, till, staff, name=args.name, categories=args.category,
                locations=args.location, sku_codes=args.sku, blind=args.blind,
            )  # fmt: skip
            lines = stock_counts.count_sheet(database, count_id)
            print(f"count {count_id} started: {len(lines)} SKU(s)")
        elif action == "enter":
            sku_id = _sku_id(database, args.code)
            total = stock_counts.record_counted(
                database, till, staff, args.count_id, sku_id, args.quantity
            )
            print(f"{args.code}: {total}")
        elif action == "scan":
            _, total = stock_counts.scan_counted(database, till, staff, args.count_id, args.code)
            print(f"{args.code}: {total}")
        elif action == "recount":
            ids = [_sku_id(database, code) for code in args.codes]
            stock_counts.request_recount(database, till, staff, args.count_id, ids)
            print(f"{len(ids)} SKU(s) to count again")
        else:
            posted = stock_counts.post_count(
                database, till, staff, args.count_id, zero_uncounted=args.zero_uncounted
            )
            print(
                f"count {posted.count_id} posted: {posted.movements} movement(s), "
                f"+{posted.units_added} / -{posted.units_removed} units"
            )
        return EXIT_OK
    finally:
        database.dispose()


def _print_sheet(database: Database, count_id: int) -> int:
    from redhome_pos.services import stock_counts

    lines = stock_counts.count_sheet(database, count_id)
    for line in lines:
        expected = "-" if line.expected is None else str(line.expected)
        counted = (
            "recount" if line.recount else ("-" if line.counted is None else str(line.counted))
        )
        variance = "" if line.variance in (None, 0) else f"{line.variance:+d}"
        print(
            f"{line.location:<8} {line.code:<16} {expected:>6} {counted:>8} {variance:>6}"
            f"  {line.title}"
        )
    return EXIT_OK if not any(line.variance for line in lines) else EXIT_PROBLEM
