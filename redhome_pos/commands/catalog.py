"""``redhome-pos catalog import|export|reindex`` and ``redhome-pos stock import|export``.

CSV files of the catalog (one row per SKU) and of stock on hand; the columns are described in
``redhome_pos/services/catalog_csv.py``. An import is all or nothing unless
``--skip-bad-rows`` is given; then the bad rows go to a report file. An import is done by a
manager (``--staff CODE``, PIN at a prompt or with ``--pin-stdin``) and audited.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from redhome_pos.commands._actor import add_actor_options, audit_command, log_in
from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    open_store_database,
    reports_errors,
    store_database,
)

MAX_ERRORS_SHOWN = 20


def register(subparsers: Any) -> None:
    catalog = subparsers.add_parser("catalog", help="import or export the catalog as CSV")
    actions = catalog.add_subparsers(dest="catalog_action", metavar="ACTION", required=True)
    _import_parser(
        actions, "import a catalog CSV file (new SKUs added, known ones updated)"
    ).set_defaults(run=run_catalog_import)
    export = actions.add_parser("export", help="write the catalog to a CSV file (UTF-8 with BOM)")
    export.add_argument("file", metavar="FILE", type=Path)
    export.set_defaults(run=run_catalog_export)
    reindex = actions.add_parser("reindex", help="build the catalog search index again")
    reindex.set_defaults(run=run_catalog_reindex)

    stock = subparsers.add_parser("stock", help="import counted stock or export on-hand as CSV")
    stock_actions = stock.add_subparsers(dest="stock_action", metavar="ACTION", required=True)
    _import_parser(
        stock_actions, "book counted stock from a CSV file (sku_code, on_hand)"
    ).set_defaults(run=run_stock_import)
    stock_export = stock_actions.add_parser("export", help="write every SKU's on-hand to CSV")
    stock_export.add_argument("file", metavar="FILE", type=Path)
    stock_export.set_defaults(run=run_stock_export)


def _import_parser(actions: Any, help_text: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = actions.add_parser("import", help=help_text)
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument(
        "--skip-bad-rows",
        action="store_true",
        help="import the good rows and write the bad ones to a report file",
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        type=Path,
        help="where the skipped rows go (with --skip-bad-rows)",
    )
    add_actor_options(parser, "the manager")
    return parser


def _print_import(result: Any) -> int:
    if result.skipped:
        print(f"Skipped {len(result.skipped)} bad rows (report: {result.report}):", file=sys.stderr)
        for error in result.skipped[:MAX_ERRORS_SHOWN]:
            print(f"  {error}", file=sys.stderr)
    return EXIT_OK


@reports_errors
def run_catalog_import(args: argparse.Namespace) -> int:
    from redhome_pos.domain.audit import AuditAction
    from redhome_pos.services.catalog_csv import CsvImportError, import_catalog
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        till = Till.from_config(config)
        staff = log_in(database, till, args)
        result = import_catalog(
            database, args.file, staff=staff, skip_bad_rows=args.skip_bad_rows, report=args.report
        )
        audit_command(
            database, till, AuditAction.CATALOG_IMPORT, staff, file=str(args.file),
            rows=result.rows, skipped=len(result.skipped),
        )  # fmt: skip
    except CsvImportError as error:
        return _refused(error)
    finally:
        database.dispose()
    print(
        f"Imported {result.rows - len(result.skipped)} of {result.rows} rows: "
        f"{result.added_products} new products, {result.added_skus} new SKUs, "
        f"{result.updated_skus} SKUs updated."
    )
    return _print_import(result)


@reports_errors
def run_catalog_export(args: argparse.Namespace) -> int:
    from redhome_pos.services.catalog_csv import export_catalog

    config = load_app_config(args)
    with store_database(config, create=False) as database:
        count = export_catalog(database, args.file)
    print(f"Exported {count} SKUs to {args.file}")
    return EXIT_OK


@reports_errors
def run_catalog_reindex(args: argparse.Namespace) -> int:
    from redhome_pos.services.catalog_search import rebuild_index

    config = load_app_config(args)
    with store_database(config) as database:
        terms = rebuild_index(database)
    print(f"Search index rebuilt: {terms} terms.")
    return EXIT_OK


@reports_errors
def run_stock_import(args: argparse.Namespace) -> int:
    from redhome_pos.domain.audit import AuditAction
    from redhome_pos.services.catalog_csv import CsvImportError, import_stock
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        till = Till.from_config(config)
        staff = log_in(database, till, args)
        result = import_stock(
            database,
            args.file,
            terminal_id=config.terminal_id,
            staff=staff,
            skip_bad_rows=args.skip_bad_rows,
            report=args.report,
        )
        audit_command(
            database, till, AuditAction.STOCK_IMPORT, staff, file=str(args.file),
            rows=result.rows, movements=result.stock_movements,
        )  # fmt: skip
    except CsvImportError as error:
        return _refused(error)
    finally:
        database.dispose()
    print(
        f"Read {result.rows} rows: {result.stock_movements} stock counts booked "
        "(SKUs whose count equals their on-hand are left as they are)."
    )
    return _print_import(result)


@reports_errors
def run_stock_export(args: argparse.Namespace) -> int:
    from redhome_pos.services.catalog_csv import export_stock

    config = load_app_config(args)
    with store_database(config, create=False) as database:
        count = export_stock(database, args.file)
    print(f"Exported the on-hand of {count} SKUs to {args.file}")
    return EXIT_OK


def _refused(error: Any) -> int:
    print(f"redhome-pos: {error}", file=sys.stderr)
    for row_error in error.errors[:MAX_ERRORS_SHOWN]:
        print(f"  {row_error}", file=sys.stderr)
    if len(error.errors) > MAX_ERRORS_SHOWN:
        print(f"  … and {len(error.errors) - MAX_ERRORS_SHOWN} more", file=sys.stderr)
    return EXIT_PROBLEM
