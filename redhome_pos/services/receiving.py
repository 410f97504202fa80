"""Receiving deliveries: from a delivery note (CSV) or by scanning, expected against received.

A delivery note is a CSV file with a header naming at least the code column (``code``,
``barcode``, ``sku`` or ``条码``/``编码``) and the quantity column (``quantity``, ``qty`` or
``数量``); UTF-8 (with or without BOM) and GB18030 files are read. Rows that cannot be read
are reported one by one and leave the rest of the note usable.

Posting books one ``receive`` movement per SKU received (one per lot for units received by
lot: a carton's GS1-128 label scanned, or the lot and expiry typed in; units received without
a lot go to the unknown lot); lines whose code names no SKU, and differences between expected
and received, stay on the receiving as its discrepancies.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redhome_pos.domain import scan as scan_router
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.errors import StockError
from redhome_pos.domain.lots import check_lot_code
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.manager import ReceivingLineRow, ReceivingLotRow, ReceivingRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting
from redhome_pos.services.staff import use_approval
from redhome_pos.services.stock import new_movement_id

OPEN, POSTED = "open", "posted"
CODE_COLUMNS = ("code", "barcode", "sku", "sku_code", "条码", "编码", "商品编码")
QUANTITY_COLUMNS = ("quantity", "qty", "expected", "数量")


class ReceivingError(StockError):
    """A delivery cannot be read, received or posted as asked."""


@dataclass(frozen=True, slots=True)
class NoteLine:
    code: str
    quantity: int


@dataclass(frozen=True, slots=True)
class NoteProblem:
    row: int  # line number in the file (the header is line 1)
    problem: str


@dataclass(frozen=True, slots=True)
class ReceivingLine:
    line_no: int
    code: str
    sku_id: int | None
    expected: int
    received: int
    note: str

    @property
    def difference(self) -> int:
        return self.received - self.expected


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReceivingError("The delivery note is neither UTF-8 nor GB18030 text")


def read_delivery_note(data: bytes) -> tuple[list[NoteLine], list[NoteProblem]]:
    """The lines of a delivery note and the rows that could not be read."""
    reader = csv.reader(io.StringIO(_decode(data)))
    header = [h.strip().lower() for h in next(reader, [])]
    code_at = next((header.index(c) for c in CODE_COLUMNS if c in header), None)
    qty_at = next((header.index(c) for c in QUANTITY_COLUMNS if c in header), None)
    if code_at is None or qty_at is None:
        raise ReceivingError(
            "The delivery note needs a code column and a quantity column (found: {columns})",
            columns=", ".join(header),
        )
    lines: list[NoteLine] = []
    problems: list[NoteProblem] = []
    for row_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(code_at, qty_at):
            problems.append(NoteProblem(row_no, "too few columns"))
            continue
        code, text = row[code_at].strip(), row[qty_at].strip()
        if not code:
            problems.append(NoteProblem(row_no, "no code"))
            continue
        try:
            quantity = int(text)
        except ValueError:
            problems.append(NoteProblem(row_no, f"quantity is not a whole number: {text}"))
            continue
        if quantity <= 0:
            problems.append(NoteProblem(row_no, f"quantity must be above zero: {quantity}"))
            continue
        lines.append(NoteLine(code, quantity))
    return lines, problems


def _sku_id(session: Session, code: str) -> int | None:
    catalog = CatalogRepository(session)
    sku = catalog.sku_by_code(code) or catalog.sku_by_barcode(code)
    return None if sku is None else sku.id


def _open(session: Session, receiving_id: int) -> ReceivingRow:
    row = session.get(ReceivingRow, receiving_id)
    if row is None:
        raise ReceivingError("No delivery {receiving_id}", receiving_id=receiving_id)
    if row.state != OPEN:
        raise ReceivingError("Delivery {receiving_id} was already posted", receiving_id=row.id)
    return row


@acting(Permission.COUNT_STOCK)
def start_receiving(
    database: Database,
    till: Till,
    staff: StaffSession,
    *,
    reference: str = "",
    supplier: str = "",
    expected: Sequence[NoteLine] = (),
) -> int:
    """Open a delivery to receive, with the lines its note expects (none when scanning
    without a note); returns its id."""
    with database.unit_of_work() as uow:
        session = uow.session
        row = ReceivingRow(
            reference=reference[:64], supplier=supplier[:100], state=OPEN, created_by=staff.id,
            terminal_id=till.terminal_id, created_at=till.now(),
        )  # fmt: skip
        session.add(row)
        session.flush()
        merged: dict[str, int] = {}
        for line in expected:
            merged[line.code] = merged.get(line.code, 0) + line.quantity
        for line_no, (code, quantity) in enumerate(merged.items(), start=1):
            sku_id = _sku_id(session, code)
            session.add(
                ReceivingLineRow(
                    receiving_id=row.id, line_no=line_no, code=code[:64], sku_id=sku_id,
                    expected=quantity, received=0,
                    note="" if sku_id is not None else "unknown code", movement_id="",
                )
            )  # fmt: skip
        receiving_id = row.id
        uow.commit()
    return receiving_id


@acting(Permission.COUNT_STOCK)
def receive_units(
    database: Database,
    till: Till,
    staff: StaffSession,
    receiving_id: int,
    code: str,
    quantity: int = 1,
    *,
    lot: str | None = None,
    expiry: date | None = None,
) -> ReceivingLine:
    """Count ``quantity`` units of a code as received (a scan counts one); a product not on
    the note gets a line of its own with nothing expected. ``lot``/``expiry`` record which lot
    the units are (a negative ``quantity`` takes back units wrongly counted)."""
    if quantity == 0:
        raise ReceivingError("Nothing to receive")
    lot = None if lot is None else check_lot_code(lot)
    with database.unit_of_work() as uow:
        session = uow.session
        _open(session, receiving_id)
        sku_id = _sku_id(session, code)
        lines = session.scalars(
            select(ReceivingLineRow).where(ReceivingLineRow.receiving_id == receiving_id)
        ).all()
        line = next(
            (
                x
                for x in lines
                if (sku_id is not None and x.sku_id == sku_id)
                or (sku_id is None and x.code == code)
            ),
            None,
        )
        if line is None:
            line = ReceivingLineRow(
                receiving_id=receiving_id, line_no=len(lines) + 1, code=code[:64], sku_id=sku_id,
                expected=0, received=0,
                note="not on the note" if sku_id is not None else "unknown code", movement_id="",
            )  # fmt: skip
            session.add(line)
        if line.received + quantity < 0:
            raise ReceivingError("Cannot receive fewer than zero units of {code}", code=code)
        line.received += quantity
        session.flush()
        if lot:
            _count_lot(session, receiving_id, line.line_no, lot, expiry, quantity, code)
        result = _line(line)
        uow.commit()
    return result


@acting(Permission.COUNT_STOCK)
def receive_scan(
    database: Database,
    till: Till,
    staff: StaffSession,
    receiving_id: int,
    text: str,
    *,
    lot: str | None = None,
    expiry: date | None = None,
) -> ReceivingLine:
    """A scan at the delivery: a product's barcode or code counts one unit; a carton's GS1
    code counts the units it holds (AI 37 with AI 02, else one) into the lot and expiry it
    names. ``lot``/``expiry`` typed by the person apply when the code names none."""
    result = scan_router.route(text)
    code, quantity = text.strip(), 1
    if isinstance(result, scan_router.ProductBarcode):
        with database.reading() as session:
            catalog = CatalogRepository(session)
            code = next((k for k in result.keys if catalog.sku_by_barcode(k)), result.code)
        if result.gs1 is not None:
            lot = result.gs1.lot or lot
            expiry = result.gs1.expiry or expiry
            quantity = result.gs1.count or 1
    elif not isinstance(result, scan_router.SkuCode | scan_router.Unknown):
        raise ReceivingError("This is not a product's code: scan the item or carton")
    return receive_units(
        database, till, staff, receiving_id, code, quantity, lot=lot, expiry=expiry
    )


def _count_lot(
    session: Session,
    receiving_id: int,
    line_no: int,
    lot: str,
    expiry: date | None,
    quantity: int,
    code: str,
) -> None:
    row = session.scalar(
        select(ReceivingLotRow).where(
            ReceivingLotRow.receiving_id == receiving_id,
            ReceivingLotRow.line_no == line_no,
            ReceivingLotRow.lot_code == lot,
        )
    )
    if row is None:
        row = ReceivingLotRow(
            receiving_id=receiving_id, line_no=line_no, lot_code=lot, expiry=expiry, received=0
        )
        session.add(row)
    if row.received + quantity < 0:
        raise ReceivingError(
            "Cannot receive fewer than zero units of {code} lot {lot}", code=code, lot=lot
        )
    row.received += quantity
    if expiry is not None:
        row.expiry = expiry
    session.flush()


@dataclass(frozen=True, slots=True)
class ReceivedLot:
    line_no: int
    lot_code: str
    expiry: date | None
    received: int


def received_lots(database: Database, receiving_id: int) -> list[ReceivedLot]:
    """The lots received so far on a delivery, by line."""
    with database.reading() as session:
        return [
            ReceivedLot(r.line_no, r.lot_code, r.expiry, r.received)
            for r in session.scalars(
                select(ReceivingLotRow)
                .where(ReceivingLotRow.receiving_id == receiving_id, ReceivingLotRow.received > 0)
                .order_by(ReceivingLotRow.line_no, ReceivingLotRow.id)
            )
        ]


def _line(row: ReceivingLineRow) -> ReceivingLine:
    return ReceivingLine(row.line_no, row.code, row.sku_id, row.expected, row.received, row.note)


def receiving_lines(database: Database, receiving_id: int) -> list[ReceivingLine]:
    with database.reading() as session:
        rows = session.scalars(
            select(ReceivingLineRow)
            .where(ReceivingLineRow.receiving_id == receiving_id)
            .order_by(ReceivingLineRow.line_no)
        ).all()
        return [_line(row) for row in rows]


def discrepancies(database: Database, receiving_id: int) -> list[ReceivingLine]:
    """Lines received short, over, not on the note, or whose code names no product."""
    return [
        line
        for line in receiving_lines(database, receiving_id)
        if line.difference != 0 or line.sku_id is None
    ]


@dataclass(frozen=True, slots=True)
class ReceivingPosted:
    receiving_id: int
    movements: int
    units: int
    discrepancies: int


@acting(Permission.RECEIVE_STOCK, approvable=True)
def post_receiving(
    database: Database,
    till: Till,
    staff: StaffSession,
    receiving_id: int,
    *,
    approval_id: int | None = None,
) -> ReceivingPosted:
    """Book what was received into stock (``receive`` movements) and close the delivery."""
    with database.unit_of_work() as uow:
        session = uow.session
        approval = use_approval(session, till, staff, Permission.RECEIVE_STOCK, approval_id)
        row = _open(session, receiving_id)
        lines = session.scalars(
            select(ReceivingLineRow)
            .where(ReceivingLineRow.receiving_id == receiving_id)
            .order_by(ReceivingLineRow.line_no)
        ).all()
        stock = StockRepository(session)
        lots: dict[int, list[ReceivingLotRow]] = {}
        for lot_row in session.scalars(
            select(ReceivingLotRow)
            .where(ReceivingLotRow.receiving_id == receiving_id)
            .order_by(ReceivingLotRow.id)
        ):
            lots.setdefault(lot_row.line_no, []).append(lot_row)
        movements = units = problems = 0
        for line in lines:
            if line.received != line.expected or line.sku_id is None:
                problems += 1
            if line.sku_id is None or line.received <= 0:
                continue
            by_lot = [
                (lot.lot_code, lot.expiry, lot.received)
                for lot in lots.get(line.line_no, ())
                if lot.received > 0
            ]
            unlotted = line.received - sum(quantity for _, _, quantity in by_lot)
            parts = by_lot + ([(None, None, unlotted)] if unlotted > 0 else [])
            for lot_code, expiry, quantity in parts:
                movement = StockMovement(
                    id=new_movement_id(), sku_id=line.sku_id, kind=MovementKind.RECEIVE,
                    quantity=quantity, reason=f"delivery {row.reference}".strip()[:200],
                    staff_id=staff.id, terminal_id=till.terminal_id, created_at=till.now(),
                    reference=f"receiving:{receiving_id}", lot=lot_code, expiry=expiry,
                )  # fmt: skip
                stock.record(movement, allow_negative=True)
                line.movement_id = line.movement_id or movement.id
                movements += 1
            units += line.received
        row.state, row.posted_by, row.posted_at = POSTED, staff.id, till.now()
        audit.record(
            session, till, AuditAction.DELIVERY_RECEIVED, staff.id, receiving_id=receiving_id,
            reference=row.reference, movements=movements, units=units, discrepancies=problems,
            approval_id=approval,
        )  # fmt: skip
        uow.commit()
    return ReceivingPosted(receiving_id, movements, units, problems)


@acting(Permission.COUNT_STOCK)
def receive_note_file(
    database: Database, till: Till, staff: StaffSession, path: Path, *, reference: str = ""
) -> tuple[int, list[NoteProblem]]:
    """Open a delivery from a note file; returns its id and the rows that could not be read."""
    lines, problems = read_delivery_note(path.read_bytes())
    receiving_id = start_receiving(
        database, till, staff, reference=reference or path.stem, expected=lines
    )
    return receiving_id, problems


def open_receivings(database: Database) -> list[tuple[int, str, int]]:
    """(id, reference, lines) of deliveries not posted yet."""
    with database.reading() as session:
        return [
            (int(i), str(ref), int(n))
            for i, ref, n in session.execute(
                select(ReceivingRow.id, ReceivingRow.reference, func.count(ReceivingLineRow.id))
                .outerjoin(ReceivingLineRow, ReceivingLineRow.receiving_id == ReceivingRow.id)
                .where(ReceivingRow.state == OPEN)
                .group_by(ReceivingRow.id, ReceivingRow.reference)
            )
        ]
