"""Lots at the counter and in the back office: which lot a sale takes, expiry warnings and
refusals, the expiring-soon list, stock by expiry month, and which SKUs are lot-tracked.

The lot rules are in ``redhome_pos.domain.lots``; the ledger keeps levels per lot in
``persistence.repositories.lots``. Here the rules meet the database and the staff: a sale of
expired goods needs a manager's approval covering the line (its SKU and quantity), given with
a reason, and is audited.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redhome_pos.domain.approvals import ApprovedScope
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.lots import (
    NO_LOT,
    LotChoice,
    LotError,
    LotLevel,
    LotTake,
    expires_within,
    fefo_order,
    is_expired,
    take_fefo,
    take_scanned,
)
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.repositories.lots import ExpiringLot, LotRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting
from redhome_pos.services.staff import use_approval

if TYPE_CHECKING:
    from collections.abc import Sequence

    from redhome_pos.domain.cart import CartLine

__all__ = [
    "ExpiringLot",
    "LotNotice",
    "expiring_soon",
    "lot_notice",
    "parse_expiry",
    "sale_lots",
    "set_lot_tracked",
    "sku_lots",
    "stock_by_expiry_month",
]


@dataclass(frozen=True, slots=True)
class LotNotice:
    """What the counter tells the clerk about a lot-tracked item just scanned."""

    tracked: bool
    lot_code: str = ""  # the lot scanned, or the one the sale will take (FEFO)
    expiry: date | None = None
    chosen_by: LotChoice | None = None
    expired: bool = False  # the scanned lot (or every lot left) is past its date
    expiring_soon: bool = False
    days_left: int | None = None

    @property
    def needs_attention(self) -> bool:
        return self.expired or self.expiring_soon


def lot_notice(
    database: Database,
    till: Till,
    sku_id: int,
    *,
    lot: str | None = None,
    lot_expiry: date | None = None,
) -> LotNotice:
    """The lot a scan of ``sku_id`` sells (the lot scanned, else the first-expiring one) and
    whether it is expired or expiring soon; read-only, for the sale screen's notice."""
    today = till.today()
    with database.reading() as session:
        lots = LotRepository(session)
        if not lots.is_tracked(sku_id):
            return LotNotice(tracked=False)
        levels = lots.levels(sku_id)
    if lot is not None:
        expiry = _recorded_expiry(levels, lot) or lot_expiry
        return _notice(lot, expiry, LotChoice.SCAN, today, till.expiry_warning_days)
    try:
        takes = take_fefo(levels, 1, today)
    except LotError:  # only expired units are left
        first = next(
            (lv for lv in fefo_order(levels) if lv.on_hand > 0 and lv.lot_code != NO_LOT), None
        )
        expiry = first.expiry if first is not None else None
        return LotNotice(
            tracked=True,
            lot_code=first.lot_code if first is not None else "",
            expiry=expiry,
            chosen_by=LotChoice.FEFO,
            expired=True,
            days_left=(expiry - today).days if expiry is not None else None,
        )
    take = takes[0]
    return _notice(take.lot_code, take.expiry, LotChoice.FEFO, today, till.expiry_warning_days)


def _notice(
    lot: str, expiry: date | None, chosen: LotChoice, today: date, warn_days: int
) -> LotNotice:
    return LotNotice(
        tracked=True,
        lot_code=lot,
        expiry=expiry,
        chosen_by=chosen,
        expired=is_expired(expiry, today),
        expiring_soon=expires_within(expiry, today, warn_days),
        days_left=(expiry - today).days if expiry is not None else None,
    )


def _recorded_expiry(levels: Sequence[LotLevel], lot: str) -> date | None:
    return next((lv.expiry for lv in levels if lv.lot_code == lot), None)


def sale_lots(
    session: Session,
    till: Till,
    staff: StaffSession,
    line: CartLine,
    levels: list[LotLevel] | None = None,
) -> tuple[tuple[LotTake, ...], list[tuple[AuditAction, dict[str, Any]]]]:
    """In checkout's transaction: the lots a cart line takes, and the audit events of expired
    goods sold. An untracked SKU takes none. Expired goods are refused (``LotError``) unless
    the line carries a manager's approval covering its SKU and quantity. ``levels``: the
    SKU's lot levels, when the caller read them with the other lines'."""
    lots = LotRepository(session)
    if not lots.is_tracked(line.sku_id):
        return (), []
    today = till.today()
    if levels is None:
        levels = lots.levels(line.sku_id)
    allowed = line.expired_approval_id is not None
    if line.lot is not None:
        expiry = _recorded_expiry(levels, line.lot) or line.lot_expiry
        takes = [take_scanned(line.lot, expiry, line.quantity, today, allow_expired=allowed)]
    else:
        takes = take_fefo(levels, line.quantity, today, allow_expired=allowed)
    events: list[tuple[AuditAction, dict[str, Any]]] = []
    expired = [t for t in takes if t.chosen_by is LotChoice.OVERRIDE]
    if expired:
        approval = use_approval(
            session, till, staff, Permission.SELL_EXPIRED, line.expired_approval_id,
            within=ApprovedScope(sku=line.sku_code, quantity=line.quantity), alone=False,
        )  # fmt: skip
        for take in expired:
            assert take.expiry is not None
            events.append(
                (
                    AuditAction.EXPIRED_SOLD,
                    {
                        "sku": line.sku_code,
                        "lot": take.lot_code,
                        "expiry": take.expiry.isoformat(),
                        "quantity": take.quantity,
                        "reason": line.expired_reason,
                        "approval_id": approval,
                    },
                )
            )
    return tuple(takes), events


@acting(Permission.EDIT_CATALOG)
def set_lot_tracked(
    database: Database, till: Till, staff: StaffSession, sku_codes: Sequence[str], tracked: bool
) -> int:
    """Turn lot tracking on or off for SKUs by code; returns how many changed. Stock already
    on hand stays in the unknown lot until it is counted or received by lot."""
    with database.unit_of_work() as uow:
        ids = list(uow.session.scalars(select(SkuRow.id).where(SkuRow.code.in_(list(sku_codes)))))
        changed = LotRepository(uow.session).set_tracked(ids, tracked)
        audit.record(
            uow.session, till, AuditAction.LOT_TRACKING, staff.id,
            skus=len(ids), tracked=tracked,
        )  # fmt: skip
        uow.commit()
    return changed


def expiring_soon(
    database: Database, till: Till, *, days: int | None = None, limit: int | None = None
) -> list[ExpiringLot]:
    """Lots on hand that are expired or expire within ``days`` (the store's warning days by
    default), the soonest first, with the value at stake."""
    until = till.today() + timedelta(days=till.expiry_warning_days if days is None else days)
    with database.reading() as session:
        return LotRepository(session).expiring(until, limit=limit)


def stock_by_expiry_month(database: Database) -> list[tuple[str, int, int]]:
    """(month "YYYY-MM", "—" for undated, units, value in fen) of lot-tracked stock."""
    with database.reading() as session:
        return LotRepository(session).stock_by_expiry_month()


def sku_lots(database: Database, sku_code: str) -> list[LotLevel] | None:
    """A lot-tracked SKU's lots, first-expiring first (None: no such SKU, or not tracked)."""
    with database.reading() as session:
        sku_id = session.scalar(select(SkuRow.id).where(SkuRow.code == sku_code))
        lots = LotRepository(session)
        if sku_id is None or not lots.is_tracked(sku_id):
            return None
        return fefo_order(lots.levels(sku_id))


def parse_expiry(text: str) -> date | None:
    """An expiry date as staff type it: 2027-01-31, 2027/1/31, 2027.01.31 or 20270131
    (empty: none). ``LotError`` for anything else."""
    value = text.strip()
    if not value:
        return None
    parts = value.replace("/", "-").replace(".", "-").split("-")
    try:
        if len(parts) == 1 and len(value) == 8 and value.isdigit():
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[0]) == 4:
            return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        pass
    raise LotError("Give the expiry date as year-month-day, e.g. 2027-01-31: {text}", text=value)
