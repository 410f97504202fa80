"""``redhome-pos scan TEXT`` and ``redhome-pos scan --image FILE``: what the till makes of a code.

For support staff checking a troublesome label, and for scripted tests: prints the kind of
code, its parsed fields, the product or RED note it finds, or the error in words. Checking a
code does not count as a customer's scan of a note. Payment codes are shown masked. Exit code
0 when every code was read and found, 1 when one is unknown, refused or finds nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, is_dataclass
from typing import TYPE_CHECKING, Any

from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    open_store_database,
    reports_errors,
)

if TYPE_CHECKING:
    from redhome_pos.domain.catalog import SkuView
    from redhome_pos.domain.scan import ScanResult, ScanSettings
    from redhome_pos.services.scanning import ScanOutcome, ScanService


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "scan", help="say what a scanned code is and what it finds (a product, a RED note, …)"
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("text", nargs="?", metavar="TEXT", help="the code as the scanner sent it")
    source.add_argument("--image", metavar="FILE", help="a picture holding QR codes or barcodes")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.add_argument(
        "--offline", action="store_true", help="do not follow xhslink.com short links"
    )
    parser.set_defaults(run=run_scan)


@reports_errors
def run_scan(args: argparse.Namespace) -> int:
    from redhome_pos.domain.scan import ScanError
    from redhome_pos.services.scanning import ScanService, scan_settings
    from sync.short_links import ShortLinkResolver

    config = load_app_config(args)
    settings = scan_settings(config)
    database = open_store_database(config)
    resolver = None if args.offline else ShortLinkResolver()
    try:
        service = ScanService(database, settings, resolve_short_link=resolver)
        if args.image is None:
            reports = [_report(service, settings, args.text)]
        else:
            from redhome_pos.services.image_scan import scan_image_file

            reports = []
            for found in scan_image_file(args.image, settings):
                if found.error is not None:
                    reports.append(_error_report(found.text, found.error))
                else:
                    reports.append(
                        _report(service, settings, found.text, symbology=found.symbology)
                    )
    except ScanError as error:
        if not args.json:
            raise
        reports = [_error_report(args.text or args.image, error)]
    finally:
        if resolver is not None:
            resolver.close()
        database.dispose()
    _print(reports, as_json=args.json, image=args.image is not None)
    usable = reports and not any(r["error"] or r["kind"] == "unknown" for r in reports)
    return EXIT_OK if usable else EXIT_PROBLEM


def _report(
    service: ScanService, settings: ScanSettings, text: str, *, symbology: str = ""
) -> dict[str, Any]:
    from redhome_pos.domain.scan import ScanError, route

    try:
        outcome = service.scan(text, record=False)
    except ScanError as error:
        report = _error_report(text, error, symbology)
        try:
            # Read but not usable (a product the catalog lacks, say): still say what it is.
            result = route(text, settings)
        except ScanError:
            return report
        return {**report, "kind": result.kind.value, "fields": _fields(result)}
    return _outcome_report(text, outcome, symbology)


def _outcome_report(text: str, outcome: ScanOutcome, symbology: str) -> dict[str, Any]:
    note = None
    if outcome.note_id is not None:
        note = {
            "note_id": outcome.note_id,
            "products": [_product(view) for view in outcome.note_products],
        }
    return {
        "input": _shown_input(outcome.result, text),
        "symbology": symbology,
        "kind": outcome.result.kind.value,
        "fields": _fields(outcome.result),
        "product": None if outcome.sku is None else _product(outcome.sku),
        "note": note,
        "hint": outcome.hint_text,
        "error": None,
    }


def _error_report(text: str, error: Exception, symbology: str = "") -> dict[str, Any]:
    return {
        "input": text,
        "symbology": symbology,
        "kind": None,
        "fields": {},
        "product": None,
        "note": None,
        "hint": "",
        "error": str(error),
    }


def _fields(result: ScanResult) -> dict[str, Any]:
    from redhome_pos.domain.scan import PaymentCode, StoreCode, Unknown

    if isinstance(result, PaymentCode):
        return {"wallet": result.wallet.value, "code": result.masked}
    if isinstance(result, StoreCode):
        return {"code_kind": result.code.kind.value, **asdict(result.code)}
    if isinstance(result, Unknown):
        return {"message": result.message}
    assert is_dataclass(result)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(result).items()}


def _shown_input(result: ScanResult, text: str) -> str:
    from redhome_pos.domain.scan import PaymentCode

    return result.masked if isinstance(result, PaymentCode) else text


def _product(view: SkuView) -> dict[str, Any]:
    from redhome_pos.domain.money import format_fen

    return {
        "sku_id": view.sku_id,
        "sku_code": view.code,
        "title": view.title_zh,
        "variant": view.variant_text,
        "price_fen": view.price_fen,
        "price": format_fen(view.price_fen),
        "on_hand": view.on_hand,
        "active": view.active,
    }


def _print(reports: list[dict[str, Any]], *, as_json: bool, image: bool) -> None:
    if as_json:
        payload: Any = reports if image else reports[0]
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if image and not reports:
        print("No code was found in the picture.")
    for number, report in enumerate(reports, start=1):
        if image:
            print(f"code {number} ({report['symbology']}): {report['input']}")
        for line in _text_lines(report):
            print(("  " if image else "") + line)


def _text_lines(report: dict[str, Any]) -> list[str]:
    if report["error"] and report["kind"] is None:
        return [f"error: {report['error']}"]
    lines = [f"kind: {report['kind']}"]
    lines += [f"{name}: {_plain(value)}" for name, value in report["fields"].items()]
    if report["product"] is not None:
        lines.append("product: " + _product_line(report["product"]))
    if report["note"] is not None:
        products = report["note"]["products"]
        lines.append(f"note: {report['note']['note_id']} ({len(products)} linked products)")
        lines += ["  - " + _product_line(product) for product in products]
    if report["hint"]:
        lines.append(f"hint: {report['hint']}")
    if report["error"]:
        lines.append(f"error: {report['error']}")
    return lines


def _product_line(product: dict[str, Any]) -> str:
    variant = f" {product['variant']}" if product["variant"] else ""
    sold = "" if product["active"] else " [no longer sold]"
    return (
        f"{product['title']}{variant} ({product['sku_code']}) {product['price']}, "
        f"on hand {product['on_hand']}{sold}"
    )


def _plain(value: Any) -> str:
    return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
