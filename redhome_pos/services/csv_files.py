"""CSV files as a store sees them: read in UTF-8 (with or without BOM) or GBK, errors per row
and column, a report of skipped rows, and exports that spreadsheets open safely.

Used by the catalog and stock imports and exports (``catalog_csv``, ``stock_csv``).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TextIO

from charset_normalizer import from_bytes
from sqlalchemy import select
from sqlalchemy.orm import Session

from redhome_pos.domain.errors import DomainError
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow

MAX_FILE_BYTES = 200 * 2**20
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXPORT_PAGE = 1000


class CsvImportError(DomainError):
    """A CSV file could not be imported; ``errors`` names each bad row and column."""

    def __init__(self, template: str, errors: Sequence[CsvRowError] = (), **params: Any) -> None:
        self.errors = list(errors)
        super().__init__(template, **params)


@dataclass(frozen=True, slots=True)
class CsvRowError:
    """What is wrong in one cell (or row) of a file; ``line`` counts from 1 = the header.

    ``template`` is an English message with ``{name}`` fields filled from ``params``, like a
    ``DomainError``'s: the screens translate the template, then fill it."""

    line: int
    column: str
    template: str
    value: str = ""
    params: Mapping[str, object] = field(default_factory=dict, compare=False)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        where = f"line {self.line}" + (f", column {self.column}" if self.column else "")
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an import did; ``skipped`` rows are also in the ``report`` file."""

    rows: int
    added_products: int = 0
    added_skus: int = 0
    updated_skus: int = 0
    stock_movements: int = 0
    skipped: tuple[CsvRowError, ...] = ()
    report: Path | None = None


class BadCell(Exception):
    """A cell (column, message template, value, the template's fields) that stops its row from
    being imported."""

    def __init__(self, column: str, template: str, value: str = "", **params: object) -> None:
        super().__init__(template.format(**params))
        self.column, self.template, self.value, self.params = column, template, value, params

    @classmethod
    def of(cls, column: str, error: DomainError, value: str = "") -> BadCell:
        """A domain error's message (its template and fields) as a cell's problem."""
        return cls(column, error.template, value, **error.params)


@dataclass
class CsvRow:
    line: int
    cells: dict[str, str]
    raw: list[str] = field(default_factory=list)
    problem: BadCell | None = None  # wrong for the row as a whole (too many cells)


# --- reading files --------------------------------------------------------------------------


GB_FAMILY = frozenset({"gb18030", "gbk", "gb2312", "hz"})
_CHAOS_MARGIN = 0.01  # GB18030 must read as cleanly as the best guess


def decode(data: bytes) -> str:
    """The text of a CSV file in UTF-8 (with or without BOM) or GB18030/GBK.

    GB18030 decodes most byte strings without an error, so a file in Big5, Shift-JIS, EUC-KR,
    Windows-1252 or UTF-16 would be read as nonsense: when a file is not UTF-8, its encoding
    is detected (charset-normalizer) and the file is read as GB18030 only when that reads it
    as cleanly as the best guess; otherwise it is refused.
    """
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
        text = data.decode("gb18030")
    except UnicodeDecodeError as error:
        raise _encoding_error(error) from error
    guesses = list(from_bytes(data))
    best = min((match.chaos for match in guesses), default=None)
    if best is None or not any(
        match.encoding in GB_FAMILY and match.chaos <= best + _CHAOS_MARGIN for match in guesses
    ):
        likely = guesses[0].encoding if guesses else "unknown"
        raise CsvImportError(
            "The file's encoding is not recognised (it looks like {encoding}): save it as "
            "CSV UTF-8 and try again",
            [
                CsvRowError(
                    1, "", "encoding {encoding}, not UTF-8 or GBK", params={"encoding": likely}
                )
            ],
            encoding=likely,
        )
    return text


def _encoding_error(error: UnicodeDecodeError) -> CsvImportError:
    line = error.object[: error.start].count(b"\n") + 1
    return CsvImportError(
        "The file is neither UTF-8 nor GBK (line {line}); save it as CSV UTF-8 and try again",
        [CsvRowError(line, "", "not UTF-8 or GBK text")],
        line=line,
    )


def read_rows(
    path: Path, columns: Sequence[str], required: Sequence[str]
) -> tuple[list[str], list[CsvRow]]:
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
            first=problems[0],
        )
    rows: list[CsvRow] = []
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            raise CsvImportError(
                "Line {line} of {file} is broken: {problem}",
                [
                    CsvRowError(
                        reader.line_num, "", "broken CSV: {problem}", params={"problem": str(error)}
                    )
                ],
                line=reader.line_num,
                file=str(path),
                problem=str(error),
            ) from error
        line = reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        problem = _control_character(header, cells)
        if (
            problem is None
            and len(cells) > len(header)
            and any(c.strip() for c in cells[len(header) :])
        ):
            problem = BadCell(
                "",
                "{cells} cells but the header has {columns} columns",
                cells=len(cells),
                columns=len(header),
            )
        padded = cells + [""] * (len(header) - len(cells))
        rows.append(CsvRow(line, dict(zip(header, padded, strict=False)), cells, problem))
    return header, rows


def _control_character(header: Sequence[str], cells: Sequence[str]) -> BadCell | None:
    """What is wrong when a cell holds a NUL or another control character (a line break
    inside a quoted cell too): such text would break receipts, labels and searches."""
    for name, cell in zip(header, cells, strict=False):
        for char in cell:
            if unicodedata.category(char) == "Cc":
                return BadCell(
                    "",
                    "column {name} has a control character (U+{code})",
                    name=name,
                    code=f"{ord(char):04X}",
                )
    return None


def _clean_header(cell: str) -> str:
    return cell.strip().lstrip("\ufeff").lower()


def cell_text(row: CsvRow, column: str) -> str:
    value = row.cells.get(column, "").strip()
    # A leading apostrophe is how an export kept a formula-looking value from running.
    if value.startswith("'") and value[1:2] in FORMULA_START:
        value = value[1:]
    return value


def row_error(row: CsvRow, bad: BadCell) -> CsvRowError:
    return CsvRowError(row.line, bad.column, bad.template, bad.value, bad.params)


def refused(path: Path, errors: list[CsvRowError]) -> CsvImportError:
    errors.sort(key=lambda e: e.line)
    return CsvImportError(
        "{count} rows of {file} have errors, nothing was imported; first: {first}",
        errors,
        count=len(errors),
        file=path.name,
        first=errors[0],
    )


def write_report(
    path: Path, report: Path | None, errors: list[CsvRowError], raw: dict[int, list[str]]
) -> Path:
    target = report or path.with_name(path.stem + ".skipped.csv")
    with target.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["line", "column", "error", "value", "row"])
        for error in errors:
            row = raw.get(error.line, [])
            writer.writerow(
                safe_cells(
                    [str(error.line), error.column, error.message, error.value, ",".join(row)]
                )
            )
    return target


# --- writing files --------------------------------------------------------------------------


def safe_cells(cells: Sequence[str]) -> list[str]:
    """Cells a spreadsheet would run as a formula get a leading apostrophe (numbers stay)."""
    return [
        "'" + cell if cell.startswith(FORMULA_START) and not _is_number(cell) else cell
        for cell in cells
    ]


def _is_number(text: str) -> bool:
    try:
        Decimal(text)
    except InvalidOperation:
        return False
    return text.strip() == text


def skus_in_pages(session: Session) -> Iterator[list[tuple[SkuRow, ProductRow]]]:
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


def barcodes_of(session: Session, sku_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for sku_id, code in session.execute(
        select(BarcodeRow.sku_id, BarcodeRow.code)
        .where(BarcodeRow.sku_id.in_(sku_ids))
        .order_by(BarcodeRow.sku_id, BarcodeRow.code)
    ):
        found.setdefault(sku_id, []).append(code)
    return found


def export_rows(
    database: Database,
    path: Path,
    header: Sequence[str],
    rows_of: Callable[[Session, list[tuple[SkuRow, ProductRow]]], list[list[str]]],
) -> int:
    written = 0
    with database.reading() as session, _open_export(path) as file:
        writer = csv.writer(file)
        writer.writerow(header)
        for page in skus_in_pages(session):
            for cells in rows_of(session, page):
                writer.writerow(safe_cells(cells))
                written += 1
    return written


def _open_export(path: Path) -> TextIO:
    return path.open("w", encoding="utf-8-sig", newline="")


def variant_text(variant: dict[str, str] | None) -> str:
    return ";".join(f"{name}={value}" for name, value in (variant or {}).items())
