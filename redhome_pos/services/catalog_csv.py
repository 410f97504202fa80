"""Catalog and stock as CSV files, for spreadsheets and other systems.

Catalog file, one row per SKU (header in English; columns in any order; only ``sku_code``,
``title_zh`` and ``price`` are required):

==================  =========================================================================
``sku_code``        the SKU code (the online store's erpCode); a known code updates that SKU
``title_zh``        Chinese product title
``title_en``        English product title
``brand``           brand
``category``        category (彩妆, 护肤, 服饰 …)
``variant``         attributes as ``name=value`` pairs joined by ``;``: ``色号=#01 正红;尺码=M``
``price``           shelf price in yuan: ``89``, ``89.90``, ``￥1,280.00``
``original_price``  the crossed-out price in yuan (empty: the price)
``vat_rate``        VAT in percent: ``13``, ``9``, ``6.5%`` (empty: 13)
``barcodes``        EAN-13/EAN-8/UPC codes or internal codes, separated by spaces
``red_item_id``     RED item id; rows with the same one are variants of one product
``red_sku_id``      RED SKU id
``active``          ``yes``/``no`` (also 1/0, true/false, 是/否; empty: yes)
``location``        shelf location
==================  =========================================================================

Rows without a ``red_item_id`` that share brand, titles and category are one product.

Stock file: ``sku_code`` and ``on_hand`` (the counted quantity); ``title_zh``, ``variant`` and
``barcode`` may be present for the person counting and are not read. Each difference to the
on-hand in the store is booked as a ``count`` movement through the stock ledger.

Files may be UTF-8 (with or without BOM) or GBK; exports are UTF-8 with BOM so that
spreadsheet programs show the Chinese. A file imports whole or not at all; with
``skip_bad_rows`` the good rows are imported and the bad ones written to a report file.
Cells that a spreadsheet would run as a formula are written with a leading apostrophe.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import lookup_keys, parse_barcode
from redhome_pos.domain.catalog import DEFAULT_VAT_RATE_BP, Product, Sku, clean_title
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import fen_to_yuan_text, parse_fen
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.catalog_upsert import CatalogEntry, CatalogUpsert
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.services.csv_files import (
    BadCell,
    CsvImportError,
    CsvRow,
    CsvRowError,
    ImportResult,
    barcodes_of,
    cell_text,
    export_rows,
    read_rows,
    refused,
    row_error,
    variant_text,
    write_report,
)
from redhome_pos.services.sessions import acting
from redhome_pos.services.stock_csv import export_stock, import_stock

__all__ = [
    "CATALOG_COLUMNS",
    "CsvImportError",
    "CsvRowError",
    "ImportResult",
    "export_catalog",
    "export_stock",
    "import_catalog",
    "import_stock",
]

CATALOG_COLUMNS = (
    "sku_code",
    "title_zh",
    "title_en",
    "brand",
    "category",
    "variant",
    "price",
    "original_price",
    "vat_rate",
    "barcodes",
    "red_item_id",
    "red_sku_id",
    "active",
    "location",
)
CATALOG_REQUIRED = ("sku_code", "title_zh", "price")
_YES = {"", "1", "y", "yes", "true", "是", "启用"}
_NO = {"0", "n", "no", "false", "否", "停用"}


# --- catalog import -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _CatalogLine:
    line: int
    product: Product
    sku: Sku
    raw: list[str]

    @property
    def product_key(self) -> tuple[str, ...]:
        p = self.product
        if p.red_item_id:
            return ("red", p.red_item_id)
        return ("text", p.brand, p.title_zh, p.title_en, p.category)


def _parse_catalog_row(row: CsvRow) -> _CatalogLine:
    if row.problem:
        raise row.problem
    code = cell_text(row, "sku_code")
    if not code:
        raise BadCell("sku_code", "a SKU code is required")
    if len(code) > 64 or any(ch.isspace() for ch in code):
        raise BadCell("sku_code", "a SKU code has at most 64 characters and no spaces", code)
    title = clean_title(cell_text(row, "title_zh"))
    if not title:
        raise BadCell("title_zh", "a Chinese title is required")
    for column, limit in (("title_zh", 200), ("title_en", 200), ("brand", 100), ("category", 100)):
        if len(cell_text(row, column)) > limit:
            value = cell_text(row, column)[:40]
            raise BadCell(column, "at most {limit} characters", value, limit=limit)
    price = _money(row, "price")
    original = _money(row, "original_price") if cell_text(row, "original_price") else price
    return _CatalogLine(
        row.line,
        Product(
            id=None,
            title_zh=title,
            brand=clean_title(cell_text(row, "brand")),
            category=clean_title(cell_text(row, "category")),
            vat_rate_bp=_vat(row),
            title_en=clean_title(cell_text(row, "title_en")),
            red_item_id=cell_text(row, "red_item_id") or None,
        ),
        Sku(
            id=None,
            product_id=0,
            code=code,
            price_fen=price,
            original_price_fen=original,
            variant=_variant(row),
            red_sku_id=cell_text(row, "red_sku_id") or None,
            active=_active(row),
            location=cell_text(row, "location")[:40],
            barcodes=_barcodes(row),
        ),
        row.raw,
    )


def _money(row: CsvRow, column: str) -> int:
    text = cell_text(row, column)
    if not text:
        raise BadCell(column, "a price is required")
    try:
        return parse_fen(text)
    except DomainError as error:
        raise BadCell.of(column, error, text) from error


def _vat(row: CsvRow) -> int:
    text = cell_text(row, "vat_rate").rstrip("%").strip()
    if not text:
        return DEFAULT_VAT_RATE_BP
    try:
        basis_points = Decimal(text) * 100
    except InvalidOperation:
        raise BadCell("vat_rate", "a VAT rate in percent, such as 13", text) from None
    if basis_points != basis_points.to_integral_value() or not 0 <= basis_points <= 10000:
        raise BadCell("vat_rate", "a VAT rate in percent between 0 and 100", text)
    return int(basis_points)


def _variant(row: CsvRow) -> dict[str, str]:
    text = cell_text(row, "variant")
    variant: dict[str, str] = {}
    for part in text.replace("；", ";").split(";"):
        if not part.strip():
            continue
        name, sep, value = part.replace("＝", "=").partition("=")
        if not sep or not name.strip() or not value.strip():
            raise BadCell("variant", "variant attributes are name=value pairs joined by ;", text)
        variant[name.strip()] = value.strip()
    return variant


def _barcodes(row: CsvRow) -> tuple[str, ...]:
    codes: list[str] = []
    for text in cell_text(row, "barcodes").replace(",", " ").replace(";", " ").split():
        try:
            codes.append(parse_barcode(text).code)
        except DomainError as error:
            raise BadCell.of("barcodes", error, text) from error
    return tuple(dict.fromkeys(codes))


def _active(row: CsvRow) -> bool:
    text = cell_text(row, "active").lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise BadCell("active", "yes or no", text)


@acting(Permission.EDIT_CATALOG)
def import_catalog(
    database: Database,
    path: Path,
    *,
    staff: StaffSession,
    skip_bad_rows: bool = False,
    report: Path | None = None,
) -> ImportResult:
    """Add new SKUs (and products) and update known ones from a catalog CSV file.

    Without ``skip_bad_rows`` any bad row stops the import and nothing changes
    (``CsvImportError`` lists every bad row found). With it, the good rows are imported and
    the bad ones are written to ``report`` (default: next to the file).
    """
    _, rows = read_rows(path, CATALOG_COLUMNS, CATALOG_REQUIRED)
    errors: list[CsvRowError] = []
    lines: list[_CatalogLine] = []
    raw_by_line = {row.line: row.raw for row in rows}
    seen_codes: dict[str, int] = {}
    seen_barcodes: dict[str, int] = {}
    for row in rows:
        try:
            parsed = _parse_catalog_row(row)
            _check_unique(parsed, seen_codes, seen_barcodes)
        except BadCell as bad:
            errors.append(row_error(row, bad))
            continue
        lines.append(parsed)
    entries = [CatalogEntry(line.line, line.product, line.sku, line.product_key) for line in lines]
    with database.unit_of_work() as uow:
        upsert = CatalogUpsert(uow.session)
        # Every row is checked against the store before anything is written, so the
        # report names every problem and a refused file leaves no trace.
        clashes = upsert.check(entries)
        errors += [CsvRowError(c.line, c.column, c.template, c.value, c.params) for c in clashes]
        if errors and not skip_bad_rows:
            raise refused(path, errors)
        clashing = {c.line for c in clashes}
        try:
            done = upsert.write([e for e in entries if e.line not in clashing])
        except IntegrityError as error:
            raise CsvImportError(
                "{file} clashes with the catalog in the store; nothing was imported",
                file=path.name,
            ) from error
        uow.commit()
    errors.sort(key=lambda e: e.line)
    written = write_report(path, report, errors, raw_by_line) if errors else None
    return ImportResult(
        len(rows),
        done.added_products,
        done.added_skus,
        done.updated_skus,
        0,
        tuple(errors),
        written,
    )


def _check_unique(parsed: _CatalogLine, codes: dict[str, int], barcodes: dict[str, int]) -> None:
    code = parsed.sku.code
    if code in codes:
        raise BadCell(
            "sku_code",
            "SKU code {code} is already on line {line}",
            code,
            code=code,
            line=codes[code],
        )
    # A UPC-A and its 13-digit form with a leading zero are the same barcode.
    forms = {barcode: lookup_keys(barcode) for barcode in parsed.sku.barcodes}
    for barcode, keys in forms.items():
        for key in keys:
            if key in barcodes:
                raise BadCell(
                    "barcodes",
                    "barcode {barcode} is already on line {line}",
                    barcode,
                    barcode=barcode,
                    line=barcodes[key],
                )
    codes[code] = parsed.line
    for keys in forms.values():
        for key in keys:
            barcodes[key] = parsed.line


def _vat_text(basis_points: int) -> str:
    return str((Decimal(basis_points) / 100).normalize())


def export_catalog(database: Database, path: Path) -> int:
    """Write the whole catalog to ``path`` (UTF-8 with BOM); returns the number of SKUs."""

    def rows(session: Session, page: list[tuple[SkuRow, ProductRow]]) -> list[list[str]]:
        barcodes = barcodes_of(session, [sku.id for sku, _ in page])
        return [
            [
                sku.code,
                product.title_zh,
                product.title_en,
                product.brand,
                product.category,
                variant_text(sku.variant),
                fen_to_yuan_text(sku.price_fen),
                fen_to_yuan_text(sku.original_price_fen),
                _vat_text(product.vat_rate_bp),
                " ".join(barcodes.get(sku.id, [])),
                product.red_item_id or "",
                sku.red_sku_id or "",
                "yes" if sku.active else "no",
                sku.location,
            ]
            for sku, product in page
        ]

    return export_rows(database, path, CATALOG_COLUMNS, rows)
