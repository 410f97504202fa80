"""``redhome-pos notes …``: the store's RED note links, for the manager.

``notes unlinked`` lists notes customers showed that no product is linked to yet, most scanned
first; ``notes report`` gives sales, units and revenue per note per business day;
``notes link NOTE SKU…`` and ``notes unlink NOTE SKU`` change the links (NOTE is the link or the
note id, SKU a SKU code or barcode).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from redhome_pos.commands._context import (
    EXIT_OK,
    load_app_config,
    reports_errors,
    store_database,
)

if TYPE_CHECKING:
    from redhome_pos.config import Config
    from redhome_pos.services.scanning import ScanService


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("notes", help="RED notes: links to products, report")
    actions = parser.add_subparsers(dest="notes_action", metavar="ACTION", required=True)

    unlinked = actions.add_parser("unlinked", help="notes scanned but linked to no product")
    unlinked.add_argument("--limit", type=int, default=50)
    unlinked.add_argument("--json", action="store_true")
    unlinked.set_defaults(run=run_unlinked)

    report = actions.add_parser("report", help="sales, units and revenue per note per day")
    report.add_argument("--from", dest="first", type=date.fromisoformat, metavar="YYYY-MM-DD")
    report.add_argument("--to", dest="last", type=date.fromisoformat, metavar="YYYY-MM-DD")
    report.add_argument("--json", action="store_true")
    report.set_defaults(run=run_report)

    link = actions.add_parser("link", help="link a note to products")
    link.add_argument("note", metavar="NOTE")
    link.add_argument("skus", nargs="+", metavar="SKU")
    link.set_defaults(run=run_link)

    unlink = actions.add_parser("unlink", help="remove a product from a note")
    unlink.add_argument("note", metavar="NOTE")
    unlink.add_argument("skus", nargs="+", metavar="SKU")
    unlink.set_defaults(run=run_unlink)


@reports_errors
def run_unlinked(args: argparse.Namespace) -> int:
    with _opened(args) as (service, _config):
        notes = service.unlinked_notes(args.limit)
    if args.json:
        rows = [
            {
                "note_id": n.note_id,
                "scan_count": n.scan_count,
                "first_scanned_at": n.first_scanned_at.isoformat(),
                "last_scanned_at": n.last_scanned_at.isoformat(),
            }
            for n in notes
        ]
        _dump(rows)
    elif not notes:
        print("Every note scanned so far is linked to products.")
    else:
        for n in notes:
            print(f"{n.note_id}  scanned {n.scan_count}x, last {n.last_scanned_at:%Y-%m-%d %H:%M}")
    return EXIT_OK


@reports_errors
def run_report(args: argparse.Namespace) -> int:
    from redhome_pos.domain.money import format_fen

    with _opened(args) as (service, config):
        today = datetime.now(ZoneInfo(config.store.timezone)).date()
        last = args.last or today
        first = args.first or last - timedelta(days=6)
        rows = service.attribution(first, last)
    if args.json:
        _dump(
            [
                {
                    "business_date": r.business_date.isoformat(),
                    "note_id": r.note_id,
                    "sales": r.sales,
                    "units": r.units,
                    "revenue_fen": r.revenue_fen,
                    "returned_units": r.returned_units,
                    "refunded_fen": r.refunded_fen,
                    "net_revenue_fen": r.net_revenue_fen,
                }
                for r in rows
            ]
        )
        return EXIT_OK
    print(f"Sales attributed to RED notes, {first} to {last}")
    if not rows:
        print("No sale lines carry a note in these days.")
    for r in rows:
        returned = (
            f"  ({r.returned_units} returned, net {format_fen(r.net_revenue_fen)})"
            if r.returned_units
            else ""
        )
        print(
            f"{r.business_date}  {r.note_id}  {r.sales} sales  {r.units} units  "
            f"{format_fen(r.revenue_fen)}{returned}"
        )
    return EXIT_OK


@reports_errors
def run_link(args: argparse.Namespace) -> int:
    with _opened(args) as (service, _config):
        note_id = _note_id(args.note)
        sku_ids = [_sku_id(service, text) for text in args.skus]
        added = service.link_note(note_id, sku_ids, staff_id=None)
    print(f"Note {note_id}: {added} product(s) linked, {len(sku_ids) - added} already were.")
    return EXIT_OK


@reports_errors
def run_unlink(args: argparse.Namespace) -> int:
    with _opened(args) as (service, _config):
        note_id = _note_id(args.note)
        removed = sum(service.unlink_note(note_id, _sku_id(service, t)) for t in args.skus)
    print(f"Note {note_id}: {removed} product(s) unlinked.")
    return EXIT_OK


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[tuple[ScanService, Config]]:
    """The scan service on the configured database, closed when the command ends."""
    from redhome_pos.services.scanning import ScanService, scan_settings

    config = load_app_config(args)
    with store_database(config) as database:
        yield ScanService(database, scan_settings(config)), config


def _note_id(text: str) -> str:
    from redhome_pos.domain.scan import NoteLink, ScanError, route

    if re.fullmatch(r"[0-9a-f]{24}", text):
        return text  # a bare note id, as `notes unlinked` lists them
    result = route(text)
    if isinstance(result, NoteLink):
        return result.note_id
    raise ScanError("{text} is not a RED note link or note id", text=text[:60])


def _sku_id(service: ScanService, text: str) -> int:
    from redhome_pos.domain.scan import ProductBarcode, ScanError, SkuCode, VariableMeasure, route

    result = route(text)
    if not isinstance(result, ProductBarcode | SkuCode | VariableMeasure):
        raise ScanError("{text} is not a product code", text=text[:60])
    return service.find_product(result).sku_id


def _dump(payload: Any) -> None:
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
