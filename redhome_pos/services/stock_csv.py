"""Stock on hand as CSV: export every SKU's on-hand, import counted quantities.

The columns are described in ``catalog_csv``. Each difference between a counted quantity and
the store's on-hand is booked as a ``count`` movement through the stock ledger.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services.csv_files import (
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
from redhome_pos.services.stock import new_movement_id

STOCK_COLUMNS = ("sku_code", "title_zh", "variant", "barcode", "on_hand")
STOCK_REQUIRED = ("sku_code", "on_hand")


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
        barcodes = barcodes_of(session, ids)
        return [
            [
                sku.code,
                product.title_zh,
                variant_text(sku.variant),
                (barcodes.get(sku.id) or [""])[0],
                str(levels.get(sku.id, 0)),
            ]
            for sku, product in page
        ]

    return export_rows(database, path, STOCK_COLUMNS, rows)


@acting(Permission.ADJUST_STOCK)
def import_stock(
    database: Database,
    path: Path,
    *,
    terminal_id: str,
    staff: StaffSession,
    skip_bad_rows: bool = False,
    report: Path | None = None,
) -> ImportResult:
    """Book counted stock from a file: each SKU's difference becomes a ``count`` movement."""
    _, rows = read_rows(path, STOCK_COLUMNS, STOCK_REQUIRED)
    errors: list[CsvRowError] = []
    counted: list[tuple[int, str, int]] = []
    seen: dict[str, int] = {}
    for row in rows:
        code = cell_text(row, "sku_code")
        text = cell_text(row, "on_hand")
        if row.problem:
            errors.append(row_error(row, row.problem))
        elif not code:
            errors.append(CsvRowError(row.line, "sku_code", "a SKU code is required"))
        elif code in seen:
            errors.append(
                CsvRowError(
                    row.line,
                    "sku_code",
                    "SKU {code} is already on line {line}",
                    params={"code": code, "line": seen[code]},
                )
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
                errors.append(
                    CsvRowError(
                        line, "sku_code", "no SKU {code} in the catalog", code, {"code": code}
                    )
                )
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
                staff_id=staff.id,
                terminal_id=terminal_id,
                created_at=now,
                reference=f"line {line}",
            )
            stock.record(movement, allow_negative=False, sku_code=code)
            movements += 1
        if errors and not skip_bad_rows:
            raise refused(path, errors)
        uow.commit()
    errors.sort(key=lambda e: e.line)
    raw_by_line = {row.line: row.raw for row in rows}
    written = write_report(path, report, errors, raw_by_line) if errors else None
    return ImportResult(len(rows), 0, 0, 0, movements, tuple(errors), written)
