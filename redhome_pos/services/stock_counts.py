"""Stock counts: full or partial (category, location, SKU list), blind or not, by typing or
scanning, recounts of variances, and posting with a manager's approval as ``count`` movements.

Selling goes on during a count. Each line keeps the ledger's on-hand at its snapshot: taken
when the count starts, and taken again when its SKU is first counted (or recounted), because
what is on the shelf at that moment is what the ledger said then. Posting moves stock by
(counted − on-hand at the snapshot); the ledger keeps every sale, return and delivery made
since, so none of them is lost or counted twice.

Lot-tracked goods may be counted by lot (a GS1 code scanned carries the lot, or the lot is
typed): each lot's on-hand is kept at the same snapshot, and posting sets every lot of the SKU
to what was counted of it (lots not found go to zero; units counted without a lot go to the
unknown lot), so the per-lot movements add up to the SKU's own difference.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from redhome_pos.domain import scan as scan_router
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.catalog import variant_text
from redhome_pos.domain.errors import StockError
from redhome_pos.domain.lots import NO_LOT, check_lot_code
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.manager import StockCountLineRow, StockCountRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting
from redhome_pos.services.staff import use_approval
from redhome_pos.services.stock import new_movement_id

OPEN, POSTED, CANCELLED = "open", "posted", "cancelled"


class CountError(StockError):
    """A stock count cannot be changed or posted as asked."""


@dataclass(frozen=True, slots=True)
class CountLine:
    """One SKU of a count. ``expected`` is None on a blind count's sheet."""

    sku_id: int
    code: str
    title: str
    location: str
    expected: int | None
    counted: int | None
    recount: bool
    lots: tuple[tuple[str, int], ...] = ()  # what was counted per lot, when counted by lot
    variant: str = ""  # 色号：#520 / 尺码：M

    @property
    def variance(self) -> int | None:
        if self.counted is None or self.expected is None:
            return None
        return self.counted - self.expected


@dataclass(frozen=True, slots=True)
class CountPosted:
    count_id: int
    movements: int
    units_added: int
    units_removed: int


def _levels(session: Session, sku_ids: Iterable[int]) -> dict[int, int]:
    ids = list(sku_ids)
    found: dict[int, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found.update(
            session.execute(
                select(StockLevelRow.sku_id, StockLevelRow.on_hand).where(
                    StockLevelRow.sku_id.in_(chunk)
                )
            ).all()
        )
    return {sku_id: int(found.get(sku_id, 0)) for sku_id in ids}


@acting(Permission.COUNT_STOCK)
def open_count_in(
    session: Session,
    till: Till,
    staff: StaffSession,
    *,
    name: str,
    scope: Mapping[str, Any] | None = None,
    blind: bool = False,
) -> int:
    """A new open count with no lines yet, in the caller's transaction."""
    row = StockCountRow(
        name=name[:100], scope=dict(scope or {}), blind=blind, state=OPEN, snapshot_at=till.now(),
        created_by=staff.id, terminal_id=till.terminal_id,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row.id


def add_skus_in(
    session: Session, count_id: int, sku_ids: Sequence[int], *, recount: bool = False
) -> None:
    """Put SKUs on an open count (snapshot now); a SKU already on it is marked for recount
    when ``recount``. Works in chunks, so a full count of a large store fits SQLite's limits."""
    _open(session, count_id)
    session.flush()
    for start in range(0, len(sku_ids), 500):
        chunk = list(dict.fromkeys(sku_ids[start : start + 500]))
        present = {
            line.sku_id: line
            for line in session.scalars(
                select(StockCountLineRow).where(
                    StockCountLineRow.count_id == count_id, StockCountLineRow.sku_id.in_(chunk)
                )
            )
        }
        new = [sku_id for sku_id in chunk if sku_id not in present]
        levels = _levels(session, new)
        if new:
            session.execute(
                insert(StockCountLineRow),
                [
                    {
                        "count_id": count_id,
                        "sku_id": sku_id,
                        "on_hand_at_snapshot": levels[sku_id],
                        "recount": recount,
                        "reason": "",
                        "movement_id": "",
                    }
                    for sku_id in new
                ],
            )
        if recount:
            for line in present.values():
                line.recount, line.counted = True, None
    session.flush()


def _open(session: Session, count_id: int) -> StockCountRow:
    row = session.get(StockCountRow, count_id)
    if row is None:
        raise CountError("No stock count {count_id}", count_id=count_id)
    if row.state != OPEN:
        raise CountError("Stock count {count_id} is {state}", count_id=count_id, state=row.state)
    return row


@acting(Permission.COUNT_STOCK)
def start_count(
    database: Database,
    till: Till,
    staff: StaffSession,
    *,
    name: str = "",
    categories: Sequence[str] = (),
    locations: Sequence[str] = (),
    sku_codes: Sequence[str] = (),
    blind: bool = False,
) -> int:
    """Start a count of every active or stocked SKU, or only those in the categories,
    locations or SKU codes given; returns its id."""
    scope = {"categories": list(categories), "locations": list(locations), "skus": list(sku_codes)}
    with database.unit_of_work() as uow:
        session = uow.session
        query = (
            select(SkuRow.id)
            .join(ProductRow, ProductRow.id == SkuRow.product_id)
            .outerjoin(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
        )
        # Retired SKUs with nothing on hand are left out, unless named by code.
        in_use = SkuRow.active.is_(True) | (func.coalesce(StockLevelRow.on_hand, 0) != 0)
        if categories or locations:
            in_scope = in_use & (
                ProductRow.category.in_(list(categories)) | SkuRow.location.in_(list(locations))
            )
            query = query.where(in_scope | SkuRow.code.in_(list(sku_codes)))
        elif sku_codes:
            query = query.where(SkuRow.code.in_(list(sku_codes)))
        else:
            query = query.where(in_use)
        sku_ids = list(session.scalars(query.order_by(SkuRow.id)))
        if sku_codes:
            known = set(session.scalars(select(SkuRow.code).where(SkuRow.code.in_(sku_codes))))
            unknown = [c for c in sku_codes if c not in known]
            if unknown:
                raise CountError("No SKU {code} in the catalog", code=unknown[0])
        count_id = open_count_in(
            session, till, staff, name=name or "stock count", scope=scope, blind=blind
        )
        add_skus_in(session, count_id, sku_ids)
        uow.commit()
    return count_id


@acting(Permission.COUNT_STOCK)
def record_counted(
    database: Database,
    till: Till,
    staff: StaffSession,
    count_id: int,
    sku_id: int,
    quantity: int,
    *,
    add: bool = False,
    lot: str | None = None,
    expiry: date | None = None,
) -> int:
    """Set (or, with ``add``, add to) what was counted of a SKU — of one of its lots, with
    ``lot`` — and return its counted total.

    A SKU not on the count joins it. Its snapshot is taken afresh when its counting begins.
    """
    if quantity < 0 and not add:
        raise CountError("A counted quantity cannot be negative: {counted}", counted=quantity)
    lot = None if lot is None else check_lot_code(lot)
    with database.unit_of_work() as uow:
        session = uow.session
        _open(session, count_id)
        line = session.scalar(
            select(StockCountLineRow).where(
                StockCountLineRow.count_id == count_id, StockCountLineRow.sku_id == sku_id
            )
        )
        if line is None:
            if CatalogRepository(session).sku(sku_id) is None:
                raise CountError("No SKU {sku_id} in the catalog", sku_id=sku_id)
            add_skus_in(session, count_id, [sku_id])
            return_line = session.scalar(
                select(StockCountLineRow).where(
                    StockCountLineRow.count_id == count_id, StockCountLineRow.sku_id == sku_id
                )
            )
            assert return_line is not None
            line = return_line
        if line.counted is None:
            line.on_hand_at_snapshot = StockRepository(session).on_hand(sku_id)
            lots = LotRepository(session)
            line.lot_snapshot = (
                {lv.lot_code: lv.on_hand for lv in lots.levels(sku_id) if lv.on_hand}
                if lots.is_tracked(sku_id)
                else None
            )
            line.lot_counts = None
        if lot:
            counts = dict(line.lot_counts or {})
            before = int(counts.get(lot, [None, 0])[1])
            now_counted = before + quantity if add else quantity
            if now_counted < 0:
                raise CountError(
                    "A counted quantity cannot be negative: {counted}", counted=now_counted
                )
            known = expiry.isoformat() if expiry else counts.get(lot, [None, 0])[0]
            counts[lot] = [known, now_counted]
            line.lot_counts = counts
            total = (line.counted or 0) + now_counted - before
        else:
            total = (line.counted or 0) + quantity if add else quantity
        if total < 0:
            raise CountError("A counted quantity cannot be negative: {counted}", counted=total)
        line.counted, line.counted_at, line.counted_by = total, till.now(), staff.id
        line.recount = False
        uow.commit()
    return total


@acting(Permission.COUNT_STOCK)
def scan_counted(
    database: Database, till: Till, staff: StaffSession, count_id: int, code: str, quantity: int = 1
) -> tuple[int, int]:
    """Count one scanned unit (or ``quantity``) of the SKU a barcode or SKU code names — a
    GS1 code counts into the lot it names, ``quantity`` or the units it says it holds;
    returns (sku_id, counted so far)."""
    lot: str | None = None
    expiry: date | None = None
    keys: tuple[str, ...] = (code,)
    routed = scan_router.route(code)
    if isinstance(routed, scan_router.ProductBarcode):
        keys = (*routed.keys, code)
        if routed.gs1 is not None:
            lot, expiry = routed.gs1.lot, routed.gs1.expiry
            quantity = routed.gs1.count or quantity
    with database.reading() as session:
        catalog = CatalogRepository(session)
        sku = next(
            (found for key in keys if (found := catalog.sku_by_barcode(key)) is not None),
            None,
        ) or catalog.sku_by_code(code)
    if sku is None or sku.id is None:
        raise CountError("No product has the code {code}", code=code)
    return sku.id, record_counted(
        database, till, staff, count_id, sku.id, quantity, add=True, lot=lot, expiry=expiry
    )


@acting(Permission.COUNT_STOCK)
def request_recount(
    database: Database, till: Till, staff: StaffSession, count_id: int, sku_ids: Sequence[int]
) -> None:
    """Ask for the SKUs to be counted again (their counts are cleared)."""
    with database.unit_of_work() as uow:
        add_skus_in(uow.session, count_id, sku_ids, recount=True)
        uow.commit()


def count_sheet(database: Database, count_id: int, *, for_manager: bool = True) -> list[CountLine]:
    """The lines of a count by location and code; a blind count hides the expected figures
    unless ``for_manager``."""
    with database.reading() as session:
        count = session.get(StockCountRow, count_id)
        if count is None:
            raise CountError("No stock count {count_id}", count_id=count_id)
        hide = count.blind and not for_manager
        rows = session.execute(
            select(
                StockCountLineRow, SkuRow.code, ProductRow.title_zh, SkuRow.location, SkuRow.variant
            )
            .join(SkuRow, SkuRow.id == StockCountLineRow.sku_id)
            .join(ProductRow, ProductRow.id == SkuRow.product_id)
            .where(StockCountLineRow.count_id == count_id)
            .order_by(SkuRow.location, SkuRow.code)
        ).all()
        return [
            CountLine(
                line.sku_id,
                code,
                title,
                location,
                None if hide else line.on_hand_at_snapshot,
                line.counted,
                line.recount,
                tuple(sorted((lot, int(v[1])) for lot, v in (line.lot_counts or {}).items())),
                variant_text(dict(variant or {})),
            )
            for line, code, title, location, variant in rows
        ]


def variances(database: Database, count_id: int) -> list[CountLine]:
    """Counted lines whose count differs from the ledger at their snapshot."""
    return [line for line in count_sheet(database, count_id) if line.variance]


@acting(Permission.POST_COUNT, approvable=True)
def post_count(
    database: Database,
    till: Till,
    staff: StaffSession,
    count_id: int,
    *,
    approval_id: int | None = None,
    reason: str = "stock count",
    zero_uncounted: bool = False,
) -> CountPosted:
    """Post a count: one ``count`` movement per counted SKU that differs. Uncounted SKUs
    are left as they are, or set to zero with ``zero_uncounted`` (a full count). Refused
    while a recount is pending; needs ``post_count`` (or a manager's approval)."""
    with database.unit_of_work() as uow:
        session = uow.session
        approval = use_approval(session, till, staff, Permission.POST_COUNT, approval_id)
        count = _open(session, count_id)
        lines = session.scalars(
            select(StockCountLineRow)
            .where(StockCountLineRow.count_id == count_id)
            .order_by(StockCountLineRow.sku_id)
        ).all()
        pending = [line.sku_id for line in lines if line.recount]
        if pending:
            raise CountError(
                "{skus} SKU(s) still wait for a recount in count {count_id}",
                skus=len(pending),
                count_id=count_id,
            )
        stock = StockRepository(session)
        posted = CountPosted(count_id, 0, 0, 0)
        now = till.now()
        for line in lines:
            counted = line.counted
            if counted is None:
                if not zero_uncounted:
                    continue
                counted = 0
                line.on_hand_at_snapshot = stock.on_hand(line.sku_id)
            quantity = counted - line.on_hand_at_snapshot
            parts = _lot_parts(line, counted) if line.lot_counts else [(None, None, quantity)]
            if quantity == 0 and not any(part for _, _, part in parts):
                continue
            for lot, expiry, part in parts:
                movement = StockMovement(
                    id=new_movement_id(), sku_id=line.sku_id, kind=MovementKind.COUNT,
                    quantity=part, reason=reason[:200], staff_id=staff.id,
                    terminal_id=till.terminal_id, created_at=now, reference=f"count:{count_id}",
                    lot=lot, expiry=expiry,
                )  # fmt: skip
                # What was counted is what is there: a count is booked even below zero.
                stock.record(movement, allow_negative=True)
                line.movement_id = line.movement_id or movement.id
            posted = CountPosted(
                count_id,
                posted.movements + 1,
                posted.units_added + max(quantity, 0),
                posted.units_removed + max(-quantity, 0),
            )
        count.state, count.posted_by, count.posted_at = POSTED, staff.id, now
        count.approval_id = approval
        audit.record(
            session, till, AuditAction.STOCK_COUNT_POSTED, staff.id, count_id=count_id,
            movements=posted.movements, units_added=posted.units_added,
            units_removed=posted.units_removed, approval_id=approval,
        )  # fmt: skip
        uow.commit()
    return posted


def _lot_parts(line: StockCountLineRow, counted: int) -> list[tuple[str | None, date | None, int]]:
    """A SKU counted by lot: one count movement per lot that differs from its snapshot (lots
    not found go to zero; units counted without a lot go to the unknown lot)."""
    snapshot = {str(k): int(v) for k, v in (line.lot_snapshot or {}).items()}
    counts = line.lot_counts or {}
    target = {str(lot): int(value[1]) for lot, value in counts.items()}
    target[NO_LOT] = target.get(NO_LOT, 0) + counted - sum(target.values())
    parts: list[tuple[str | None, date | None, int]] = []
    for lot in sorted(set(snapshot) | set(target)):
        difference = target.get(lot, 0) - snapshot.get(lot, 0)
        if difference:
            written = counts.get(lot, [None])[0]
            expiry = date.fromisoformat(written) if written else None
            parts.append((lot, expiry, difference))
    return parts


@acting(Permission.POST_COUNT)
def cancel_count(database: Database, till: Till, staff: StaffSession, count_id: int) -> None:
    """Drop an open count: nothing it counted is booked."""
    with database.unit_of_work() as uow:
        _open(uow.session, count_id).state = CANCELLED
        audit.record(
            uow.session, till, AuditAction.STOCK_COUNT_CANCELLED, staff.id, count_id=count_id
        )  # fmt: skip
        uow.commit()


@dataclass(frozen=True, slots=True)
class CountRecord:
    id: int
    name: str
    state: str
    blind: bool
    snapshot_at: datetime
    lines: int
    counted: int  # lines counted
    units: int = 0  # units counted over those lines


def counts(database: Database, *, state: str | None = None) -> list[CountRecord]:
    with database.reading() as session:
        per = dict(
            session.execute(
                select(StockCountLineRow.count_id, func.count()).group_by(
                    StockCountLineRow.count_id
                )
            ).all()
        )
        done = {
            count_id: (int(lines), int(units or 0))
            for count_id, lines, units in session.execute(
                select(
                    StockCountLineRow.count_id, func.count(), func.sum(StockCountLineRow.counted)
                )
                .where(StockCountLineRow.counted.is_not(None))
                .group_by(StockCountLineRow.count_id)
            )
        }
        query = select(StockCountRow).order_by(StockCountRow.id.desc())
        if state is not None:
            query = query.where(StockCountRow.state == state)
        return [
            CountRecord(
                r.id,
                r.name,
                r.state,
                r.blind,
                r.snapshot_at,
                int(per.get(r.id, 0)),
                *done.get(r.id, (0, 0)),
            )
            for r in session.scalars(query)
        ]
