"""``redhome-pos online-store authorize | connect CODE | warehouse-create | status |
opening-stock``.

Connects a store to its online store without the desktop app: ``authorize`` prints the page
the manager opens to approve the program, ``connect`` trades the code from the approval for
tokens and keeps them in the store database (they are never printed), then checks with
``warehouse.list`` that the store's warehouse exists in the online shop and says what to do
when it does not; ``warehouse-create`` creates it (``warehouse.create``, its coverage and its
priority).
"""

from __future__ import annotations

import argparse
import csv
import secrets
from pathlib import Path
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
    parser = subparsers.add_parser(
        "online-store", help="connect the store to its online store, and see the sync state"
    )
    actions = parser.add_subparsers(dest="online_action", metavar="ACTION", required=True)
    authorize = actions.add_parser(
        "authorize", help="print the page to open to approve this program for the store"
    )
    authorize.set_defaults(run=run_authorize)
    connect = actions.add_parser(
        "connect", help="exchange the code from the approval page for tokens and keep them"
    )
    connect.add_argument("code", metavar="CODE")
    add_actor_options(connect, "the manager")
    connect.set_defaults(run=run_connect)
    create = actions.add_parser(
        "warehouse-create",
        help="create the store's warehouse in the online shop (warehouse.create), with the "
        "areas it serves and where it comes first",
    )
    create.add_argument("--name", required=True, help="the warehouse's name (at most 50)")
    create.add_argument(
        "--zone-code", required=True, metavar="TOWN_CODE",
        help="the 12-digit code of the town or street the store is in",
    )  # fmt: skip
    create.add_argument("--address", required=True, help="the street address")
    create.add_argument(
        "--cover", action="append", default=[], metavar="AREA_CODE",
        help="a province, city or district code the warehouse serves (repeat)",
    )  # fmt: skip
    create.add_argument(
        "--first-in", action="append", default=[], metavar="AREA_CODE",
        help="an area where the store's warehouse comes before the shop's others (repeat)",
    )  # fmt: skip
    create.add_argument("--contact-name", default="")
    create.add_argument("--contact-tel", default="")
    add_actor_options(create, "the manager")
    create.set_defaults(run=run_warehouse_create)
    status = actions.add_parser("status", help="online or not, queue, last errors")
    status.set_defaults(run=run_status)
    opening = actions.add_parser(
        "opening-stock",
        help="first connection: take the store's opening stock from the online figures "
        "of its warehouse, or from a count",
    )
    opening.add_argument(
        "--count",
        metavar="CSV",
        type=Path,
        help="take it from a count instead: a CSV file of SKU code and units counted",
    )
    add_actor_options(opening, "the manager")
    opening.set_defaults(run=run_opening_stock)


def _connector(config: Any, database: Any) -> tuple[Any, Any]:
    from sync.red.setup import red_authorizer, red_client
    from sync.token_store import DatabaseTokenStore

    client = red_client(config.online_store)
    tokens = DatabaseTokenStore(database, config.online_store.kind)
    return client, red_authorizer(config.online_store, client, tokens)


@reports_errors
def run_authorize(args: argparse.Namespace) -> int:
    config = load_app_config(args)
    database = open_store_database(config)
    try:
        client, authorizer = _connector(config, database)
        with client:
            print(authorizer.authorization_url(secrets.token_urlsafe(16)))
    finally:
        database.dispose()
    print("Open this page, approve, then run: redhome-pos online-store connect CODE")
    return EXIT_OK


@reports_errors
def run_connect(args: argparse.Namespace) -> int:
    from redhome_pos.services.counter import Till
    from sync.link import check_warehouse, connect_store

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        till = Till.from_config(config)
        staff = log_in(database, till, args)
        tokens = connect_store(
            database, till, staff, config.online_store, args.code, via="command line"
        )
    finally:
        database.dispose()
    name = tokens.seller_name or tokens.seller_id or "the online store"
    print(f"Connected to {name}.")
    print(f"The authorisation runs until {tokens.refresh_expires_at:%Y-%m-%d %H:%M} UTC.")
    database = open_store_database(config)
    try:
        check = check_warehouse(config.online_store, database)
    finally:
        database.dispose()
    print(check.advice)
    return EXIT_OK if check.found else EXIT_PROBLEM


@reports_errors
def run_warehouse_create(args: argparse.Namespace) -> int:
    from redhome_pos.services.counter import Till
    from sync.link import create_store_warehouse

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        till = Till.from_config(config)
        staff = log_in(database, till, args)
        check = create_store_warehouse(
            database, till, staff, config.online_store, name=args.name,
            zone_code=args.zone_code, address=args.address, cover=args.cover,
            first_in=args.first_in, contact_name=args.contact_name,
            contact_tel=args.contact_tel,
        )  # fmt: skip
    finally:
        database.dispose()
    print(check.advice)
    return EXIT_OK if check.found else EXIT_PROBLEM


@reports_errors
def run_status(args: argparse.Namespace) -> int:
    from sync.status import sync_status

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        status = sync_status(database, recent=10)
    finally:
        database.dispose()
    online = {None: "not tried yet", True: "online", False: "OFFLINE"}[status.online]
    print(f"online store: {online}")
    print(f"waiting: {status.stock_queue} stock changes, {status.deliveries_waiting} deliveries")
    for stream in status.streams:
        when = (
            f"{stream.last_success_at:%Y-%m-%d %H:%M:%S} UTC" if stream.last_success_at else "never"
        )
        print(
            f"  {stream.stream}: last success {when}"
            + (f"; {stream.last_error}" if stream.last_error else "")
        )
    if status.last_error:
        print(f"last error: {status.last_error}")
    for entry in status.recent:
        print(f"  {entry.at:%m-%d %H:%M} {entry.level:7} {entry.message}")
    return EXIT_OK if status.online is not False else EXIT_PROBLEM


@reports_errors
def run_opening_stock(args: argparse.Namespace) -> int:
    from redhome_pos.domain.audit import AuditAction
    from redhome_pos.services.counter import Till
    from sync.opening import opening_from_count, opening_from_online
    from sync.red.setup import red_online_store
    from sync.token_store import DatabaseTokenStore

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        till = Till.from_config(config)
        staff = log_in(database, till, args)
        if args.count is not None:
            counted = _read_count(database, args.count)
            report = opening_from_count(
                database, counted, terminal_id=config.terminal_id, staff=staff
            )
        else:
            online = config.online_store
            client, _ = _connector(config, database)
            with client:
                tokens = DatabaseTokenStore(database, online.kind)
                store = red_online_store(online, client, tokens)
                report = opening_from_online(
                    database, store, terminal_id=config.terminal_id, staff=staff
                )
        audit_command(
            database, till, AuditAction.OPENING_STOCK, staff, source=report.source,
            skus=report.skus, added=report.units_added, removed=report.units_removed,
        )  # fmt: skip
    finally:
        database.dispose()
    source = "the online store" if report.source == "online" else "the count"
    print(
        f"Opening stock of {report.skus} SKUs taken from {source}: "
        f"{report.units_added} units added, {report.units_removed} removed."
    )
    return EXIT_OK


def _read_count(database: Any, path: Path) -> dict[int, int]:
    """SKU id → units from a CSV of ``code,units`` lines (a header line is allowed)."""
    from redhome_pos.persistence.repositories.catalog import CatalogRepository
    from sync.opening import OpeningStockError

    counted: dict[int, int] = {}
    with path.open(encoding="utf-8-sig", newline="") as file, database.reading() as session:
        catalog = CatalogRepository(session)
        for number, row in enumerate(csv.reader(file), start=1):
            if not row or not "".join(row).strip():
                continue
            code, units = [*row, ""][:2]
            if number == 1 and not units.strip().lstrip("-").isdigit():
                continue  # the header
            sku = catalog.sku_by_code(code)
            if sku is None or sku.id is None or not units.strip().lstrip("-").isdigit():
                raise OpeningStockError(
                    "Line {line} of {file}: no SKU {code}, or {units} is not a number of units",
                    line=number,
                    file=str(path),
                    code=code,
                    units=units,
                )
            counted[sku.id] = int(units)
    return counted
