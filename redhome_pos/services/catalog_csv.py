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

import csv
import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TextIO

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import parse_barcode
from redhome_pos.domain.catalog import DEFAULT_VAT_RATE_BP, Product, Sku
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import fen_to_yuan_text, parse_fen
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services import catalog_search
from redhome_pos.services.stock import new_movement_id

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
STOCK_COLUMNS = ("sku_code", "title_zh", "variant", "barcode", "on_hand")
STOCK_REQUIRED = ("sku_code", "on_hand")
MAX_FILE_BYTES = 200 * 2**20
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_YES = {"", "1", "y", "yes", "true", "是", "启用"}
_NO = {"0", "n", "no", "false", "否", "停用"}
EXPORT_PAGE = 1000


class CsvImportError(DomainError):
    """A CSV file could not be imported; ``errors`` names each bad row and column."""

    def __init__(self, template: str, errors: Sequence[CsvRowError] = (), **params: Any) -> None:
        self.errors = list(errors)
        super().__init__(template, **params)


@dataclass(frozen=True, slots=True)
class CsvRowError:
    """What is wrong in one cell (or row) of a file; ``line`` counts from 1 = the header."""

    line: int
    column: str
    message: str
    value: str = ""

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    rows: int
    added_products: int = 0
    added_skus: int = 0
    updated_skus: int = 0
    stock_movements: int = 0
    skipped: tuple[CsvRowError, ...] = ()
    report: Path | None = None


@dataclass
class _Row:
    line: int
    cells: dict[str, str]
    raw: list[str] = field(default_factory=list)
    problem: str = ""  # wrong for the row as a whole (too many cells)


class _BadCell(Exception):
    def __init__(self, column: str, message: str, value: str = "") -> None:
        super().__init__(message)
        self.error = (column, message, value)


# --- reading files --------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """The text of a CSV file in UTF-8 (with or without BOM) or GBK."""
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as error:
            raise _encoding_error(error) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        # GB18030 reads every GBK file and the few characters GBK lacks.
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise _encoding_error(error) from error


def _encoding_error(error: UnicodeDecodeError) -> CsvImportError:
    line = error.object[: error.start].count(b"\n") + 1
    return CsvImportError(
        "The file is neither UTF-8 nor GBK (line {line}); save it as CSV UTF-8 and try again",
        [CsvRowError(line, "", "not UTF-8 or GBK text")],
        line=line,
    )


def _read_rows(
    path: Path, columns: Sequence[str], required: Sequence[str]
) -> tuple[list[str], list[_Row]]:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise CsvImportError("The file {file} is too large to import", file=str(path))
        data = path.read_bytes()
    except OSError as error:
        raise CsvImportError(
            "Cannot read {file}: {problem}", file=str(path), problem=error.strerror or str(error)
        ) from error
    text = decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [_clean_header(cell) for cell in next(reader)]
    except StopIteration:
        raise CsvImportError("The file {file} is empty", file=str(path)) from None
    except csv.Error as error:
        raise CsvImportError(
            "The file {file} is not a CSV file: {problem}", file=str(path), problem=str(error)
        ) from error
    problems = [
        CsvRowError(1, name, "unknown column") for name in header if name not in columns
    ] + [CsvRowError(1, name, "required column missing") for name in required if name not in header]
    if len(set(header)) != len(header):
        problems.append(CsvRowError(1, "", "a column appears twice"))
    if problems:
        raise CsvImportError(
            "The header of {file} is wrong: {first}",
            problems,
            file=str(path),
            first=str(problems[0]),
        )
    rows: list[_Row] = []
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise CsvImportError(
                "Line {line} of {file} is broken: {problem}",
                [CsvRowError(reader.line_num, "", str(error))],
                line=reader.line_num,
                file=str(path),
                problem=str(error),
            ) from error
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        problem = ""
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            problem = f"{len(cells)} cells but the header has {len(header)} columns"
        padded = cells + [""] * (len(header) - len(cells))
        rows.append(_Row(line, dict(zip(header, padded, strict=False)), cells, problem))
    return header, rows


def _clean_header(cell: str) -> str:
    return cell.strip().lstrip("\ufeff").lower()


def _cell(row: _Row, column: str) -> str:
    value = row.cells.get(column, "").strip()
    # A leading apostrophe is how an export kept a formula-looking value from running.
    if value.startswith("'") and value[1:2] in _FORMULA_START:
        value = value[1:]
    return value


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


def _parse_catalog_row(row: _Row) -> _CatalogLine:
    if row.problem:
        raise _BadCell("", row.problem)
    code = _cell(row, "sku_code")
    if not code:
        raise _BadCell("sku_code", "a SKU code is required")
    if len(code) > 64 or any(ch.isspace() for ch in code):
        raise _BadCell("sku_code", "a SKU code has at most 64 characters and no spaces", code)
    title = _cell(row, "title_zh")
    if not title:
        raise _BadCell("title_zh", "a Chinese title is required")
    for column, limit in (("title_zh", 200), ("title_en", 200), ("brand", 100), ("category", 100)):
        if len(_cell(row, column)) > limit:
            raise _BadCell(column, f"at most {limit} characters", _cell(row, column)[:40])
    price = _money(row, "price")
    original = _money(row, "original_price") if _cell(row, "original_price") else price
    return _CatalogLine(
        row.line,
        Product(
            id=None,
            title_zh=title,
            brand=_cell(row, "brand"),
            category=_cell(row, "category"),
            vat_rate_bp=_vat(row),
            title_en=_cell(row, "title_en"),
            red_item_id=_cell(row, "red_item_id") or None,
        ),
        Sku(
            id=None,
            product_id=0,
            code=code,
            price_fen=price,
            original_price_fen=original,
            variant=_variant(row),
            red_sku_id=_cell(row, "red_sku_id") or None,
            active=_active(row),
            location=_cell(row, "location")[:40],
            barcodes=_barcodes(row),
        ),
        row.raw,
    )


def _money(row: _Row, column: str) -> int:
    text = _cell(row, column)
    if not text:
        raise _BadCell(column, "a price is required")
    try:
        return parse_fen(text)
    except DomainError as error:
        raise _BadCell(column, error.message, text) from error


def _vat(row: _Row) -> int:
    text = _cell(row, "vat_rate").rstrip("%").strip()
    if not text:
        return DEFAULT_VAT_RATE_BP
    try:
        basis_points = Decimal(text) * 100
    except InvalidOperation:
        raise _BadCell("vat_rate", "a VAT rate in percent, such as 13", text) from None
    if basis_points != basis_points.to_integral_value() or not 0 <= basis_points <= 10000:
        raise _BadCell("vat_rate", "a VAT rate in percent between 0 and 100", text)
    return int(basis_points)


def _variant(row: _Row) -> dict[str, str]:
    text = _cell(row, "variant")
    variant: dict[str, str] = {}
    for part in text.replace("；", ";").split(";"):
        if not part.strip():
            continue
        name, sep, value = part.replace("＝", "=").partition("=")
        if not sep or not name.strip() or not value.strip():
            raise _BadCell("variant", "variant attributes are name=value pairs joined by ;", text)
        variant[name.strip()] = value.strip()
    return variant


def _barcodes(row: _Row) -> tuple[str, ...]:
    codes: list[str] = []
    for text in _cell(row, "barcodes").replace(",", " ").replace(";", " ").split():
        try:
            codes.append(parse_barcode(text).code)
        except DomainError as error:
            raise _BadCell("barcodes", error.message, text) from error
    return tuple(dict.fromkeys(codes))


def _active(row: _Row) -> bool:
    text = _cell(row, "active").lower()
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise _BadCell("active", "yes or no", text)


def _error(row: _Row, bad: _BadCell) -> CsvRowError:
    column, message, value = bad.error
    return CsvRowError(row.line, column, message, value)


def import_catalog(
    database: Database,
    path: Path,
    *,
    skip_bad_rows: bool = False,
    report: Path | None = None,
) -> ImportResult:
    """Add new SKUs (and products) and update known ones from a catalog CSV file.

    Without ``skip_bad_rows`` any bad row stops the import and nothing changes
    (``CsvImportError`` lists every bad row found). With it, the good rows are imported and
    the bad ones are written to ``report`` (default: next to the file).
    """
    _, rows = _read_rows(path, CATALOG_COLUMNS, CATALOG_REQUIRED)
    errors: list[CsvRowError] = []
    lines: list[_CatalogLine] = []
    raw_by_line = {row.line: row.raw for row in rows}
    seen_codes: dict[str, int] = {}
    seen_barcodes: dict[str, int] = {}
    for row in rows:
        try:
            parsed = _parse_catalog_row(row)
            _check_unique(parsed, seen_codes, seen_barcodes)
        except _BadCell as bad:
            errors.append(_error(row, bad))
            continue
        lines.append(parsed)
    # The good rows are written even when others are bad, so that the report names every
    # problem (a barcode taken in the store, say); without skip_bad_rows it is rolled back.
    with database.unit_of_work() as uow:
        counts, write_errors = _write_catalog(uow.session, lines)
        errors += write_errors
        if errors and not skip_bad_rows:
            raise _refused(path, errors)
        uow.commit()
    errors.sort(key=lambda e: e.line)
    written = _write_report(path, report, errors, raw_by_line) if errors else None
    return ImportResult(len(rows), *counts, 0, tuple(errors), written)


def _check_unique(parsed: _CatalogLine, codes: dict[str, int], barcodes: dict[str, int]) -> None:
    code = parsed.sku.code
    if code in codes:
        raise _BadCell("sku_code", f"SKU code {code} is already on line {codes[code]}", code)
    for barcode in parsed.sku.barcodes:
        if barcode in barcodes:
            raise _BadCell(
                "barcodes", f"barcode {barcode} is already on line {barcodes[barcode]}", barcode
            )
    codes[code] = parsed.line
    for barcode in parsed.sku.barcodes:
        barcodes[barcode] = parsed.line


def _refused(path: Path, errors: list[CsvRowError]) -> CsvImportError:
    errors.sort(key=lambda e: e.line)
    return CsvImportError(
        "{count} rows of {file} have errors, nothing was imported; first: {first}",
        errors,
        count=len(errors),
        file=path.name,
        first=str(errors[0]),
    )


def _write_catalog(
    session: Session, lines: list[_CatalogLine]
) -> tuple[tuple[int, int, int], list[CsvRowError]]:
    """Write every row, each in its own savepoint so that one refused row leaves no trace
    and the others can still be checked (the caller decides whether to commit)."""
    repo = CatalogRepository(session)
    products: dict[tuple[str, ...], int] = {}
    added_products = added_skus = updated = 0
    errors: list[CsvRowError] = []
    touched: list[int] = []
    for line in lines:
        savepoint = session.begin_nested()
        known = dict(products)
        try:
            sku_id, new_product, new_sku = _write_line(session, repo, products, line)
            session.flush()
        except DomainError as error:
            savepoint.rollback()
            products.clear()
            products.update(known)
            errors.append(CsvRowError(line.line, "", error.message))
            continue
        except IntegrityError:
            savepoint.rollback()
            products.clear()
            products.update(known)
            errors.append(
                CsvRowError(line.line, "", "a code or RED id of this row belongs to another SKU")
            )
            continue
        savepoint.commit()
        touched.append(sku_id)
        added_products += new_product
        added_skus += new_sku
        updated += not new_sku
    catalog_search.index_skus(session, touched)
    return (added_products, added_skus, updated), errors


def _write_line(
    session: Session,
    repo: CatalogRepository,
    products: dict[tuple[str, ...], int],
    line: _CatalogLine,
) -> tuple[int, bool, bool]:
    """Write one row; returns the SKU id, whether a product and whether a SKU was added."""
    existing = session.scalar(select(SkuRow).where(SkuRow.code == line.sku.code))
    key = line.product_key
    product_id = products.get(key)
    new_product = False
    if existing is not None:
        product_id = existing.product_id
    if product_id is None and line.product.red_item_id:
        product_id = session.scalar(
            select(ProductRow.id).where(ProductRow.red_item_id == line.product.red_item_id)
        )
    if product_id is None:
        product_id = repo.add_product(line.product)
        new_product = True
    else:
        _update_product(session, product_id, line.product)
    products[key] = product_id
    if existing is None:
        sku_id = repo.add_sku(_with_product(line.sku, product_id))
        return sku_id, new_product, True
    _update_sku(session, repo, existing, line.sku)
    return existing.id, new_product, False


def _with_product(sku: Sku, product_id: int) -> Sku:
    return Sku(
        id=None,
        product_id=product_id,
        code=sku.code,
        price_fen=sku.price_fen,
        original_price_fen=sku.original_price_fen,
        variant=sku.variant,
        red_sku_id=sku.red_sku_id,
        active=sku.active,
        location=sku.location,
        barcodes=sku.barcodes,
    )


def _update_product(session: Session, product_id: int, product: Product) -> None:
    row = session.get(ProductRow, product_id)
    if row is None:  # pragma: no cover - ids come from this session
        return
    row.title_zh = product.title_zh
    row.title_en = product.title_en
    row.brand = product.brand
    row.category = product.category
    row.vat_rate_bp = product.vat_rate_bp
    if product.red_item_id:
        row.red_item_id = product.red_item_id


def _update_sku(session: Session, repo: CatalogRepository, row: SkuRow, sku: Sku) -> None:
    row.price_fen = sku.price_fen
    row.original_price_fen = sku.original_price_fen
    row.variant = dict(sku.variant)
    row.active = sku.active
    row.location = sku.location
    if sku.red_sku_id:
        row.red_sku_id = sku.red_sku_id
    # The file lists the SKU's barcodes: codes no longer listed are removed.
    session.execute(
        delete(BarcodeRow).where(BarcodeRow.sku_id == row.id, BarcodeRow.code.not_in(sku.barcodes))
    )
    repo.add_barcodes(row.id, sku.barcodes)
    session.flush()


def _write_report(
    path: Path, report: Path | None, errors: list[CsvRowError], raw: dict[int, list[str]]
) -> Path:
    target = report or path.with_name(path.stem + ".skipped.csv")
    with target.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["line", "column", "error", "value", "row"])
        for error in errors:
            row = raw.get(error.line, [])
            writer.writerow(
                _safe([str(error.line), error.column, error.message, error.value, ",".join(row)])
            )
    return target


# --- catalog export -------------------------------------------------------------------------


def _safe(cells: Sequence[str]) -> list[str]:
    """Cells a spreadsheet would run as a formula get a leading apostrophe (numbers stay)."""
    return [
        "'" + cell if cell.startswith(_FORMULA_START) and not _is_number(cell) else cell
        for cell in cells
    ]


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return text.strip() == text


def _skus_in_pages(session: Session) -> Iterator[list[tuple[SkuRow, ProductRow]]]:
    last_id = 0
    while True:
        page = session.execute(
            select(SkuRow, ProductRow)
            .join(ProductRow, ProductRow.id == SkuRow.product_id)
            .where(SkuRow.id > last_id)
            .order_by(SkuRow.id)
            .limit(EXPORT_PAGE)
        ).all()
        if not page:
            return
        yield [(sku, product) for sku, product in page]
        last_id = page[-1][0].id
        session.expunge_all()  # keep memory flat however large the catalog


def _barcodes_of(session: Session, sku_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for sku_id, code in session.execute(
        select(BarcodeRow.sku_id, BarcodeRow.code)
        .where(BarcodeRow.sku_id.in_(sku_ids))
        .order_by(BarcodeRow.sku_id, BarcodeRow.code)
    ):
        found.setdefault(sku_id, []).append(code)
    return found


def _vat_text(basis_points: int) -> str:
    return str((Decimal(basis_points) / 100).normalize())


def _export(
    database: Database,
    path: Path,
    header: Sequence[str],
    rows_of: Callable[[Session, list[tuple[SkuRow, ProductRow]]], list[list[str]]],
) -> int:
    written = 0
    with database.reading() as session, _open_export(path) as file:
        writer = csv.writer(file)
        writer.writerow(header)
        for page in _skus_in_pages(session):
            for cells in rows_of(session, page):
                writer.writerow(_safe(cells))
                written += 1
    return written


def _open_export(path: Path) -> TextIO:
    return path.open("w", encoding="utf-8-sig", newline="")


def _variant_text(variant: dict[str, str] | None) -> str:
    return ";".join(f"{name}={value}" for name, value in (variant or {}).items())


def export_catalog(database: Database, path: Path) -> int:
    """Write the whole catalog to ``path`` (UTF-8 with BOM); returns the number of SKUs."""

    def rows(session: Session, page: list[tuple[SkuRow, ProductRow]]) -> list[list[str]]:
        barcodes = _barcodes_of(session, [sku.id for sku, _ in page])
        return [
            [
                sku.code,
                product.title_zh,
                product.title_en,
                product.brand,
                product.category,
                _variant_text(sku.variant),
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

    return _export(database, path, CATALOG_COLUMNS, rows)


# --- stock ----------------------------------------------------------------------------------


def export_stock(database: Database, path: Path) -> int:
    """Write every SKU's on-hand to ``path``, ready to be counted and imported again."""

    def rows(session: Session, page: list[tuple[SkuRow, ProductRow]]) -> list[list[str]]:
        ids = [sku.id for sku, _ in page]
        levels = dict(
            session.execute(
                select(StockLevelRow.sku_id, StockLevelRow.on_hand).where(
                    StockLevelRow.sku_id.in_(ids)
                )
            ).all()
        )
        barcodes = _barcodes_of(session, ids)
        return [
            [
                sku.code,
                product.title_zh,
                _variant_text(sku.variant),
                (barcodes.get(sku.id) or [""])[0],
                str(levels.get(sku.id, 0)),
            ]
            for sku, product in page
        ]

    return _export(database, path, STOCK_COLUMNS, rows)


def import_stock(
    database: Database,
    path: Path,
    *,
    terminal_id: str,
    staff_id: int | None = None,
    skip_bad_rows: bool = False,
    report: Path | None = None,
) -> ImportResult:
    """Book counted stock from a file: each SKU's difference becomes a ``count`` movement."""
    _, rows = _read_rows(path, STOCK_COLUMNS, STOCK_REQUIRED)
    errors: list[CsvRowError] = []
    counted: list[tuple[int, str, int]] = []
    seen: dict[str, int] = {}
    for row in rows:
        code = _cell(row, "sku_code")
        text = _cell(row, "on_hand")
        if row.problem:
            errors.append(CsvRowError(row.line, "", row.problem))
        elif not code:
            errors.append(CsvRowError(row.line, "sku_code", "a SKU code is required"))
        elif code in seen:
            errors.append(
                CsvRowError(row.line, "sku_code", f"SKU {code} is already on line {seen[code]}")
            )
        elif not (text.isascii() and text.isdigit()):
            errors.append(CsvRowError(row.line, "on_hand", "a counted quantity of 0 or more", text))
        else:
            seen[code] = row.line
            counted.append((row.line, code, int(text)))
    now = datetime.now(UTC)
    movements = 0
    with database.unit_of_work() as uow:
        session = uow.session
        stock = StockRepository(session)
        for line, code, quantity in counted:
            sku_id = session.scalar(select(SkuRow.id).where(SkuRow.code == code))
            if sku_id is None:
                errors.append(CsvRowError(line, "sku_code", f"no SKU {code} in the catalog", code))
                continue
            difference = quantity - stock.on_hand(sku_id)
            if difference == 0:
                continue
            movement = StockMovement(
                id=new_movement_id(),
                sku_id=sku_id,
                kind=MovementKind.COUNT,
                quantity=difference,
                reason=f"stock import {path.name}"[:200],
                staff_id=staff_id,
                terminal_id=terminal_id,
                created_at=now,
                reference=f"line {line}",
            )
            stock.record(movement, allow_negative=False, sku_code=code)
            movements += 1
        if errors and not skip_bad_rows:
            raise _refused(path, errors)
        uow.commit()
    errors.sort(key=lambda e: e.line)
    raw_by_line = {row.line: row.raw for row in rows}
    written = _write_report(path, report, errors, raw_by_line) if errors else None
    return ImportResult(len(rows), 0, 0, 0, movements, tuple(errors), written)
