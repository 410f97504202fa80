"""Lots of lot-tracked SKUs: levels per lot, the lots each sale line took, expiry look-ups.

A lot's level is the sum of that lot's movements in the ledger, moved in the same transaction
as the movement (``StockRepository.record_all`` calls :meth:`LotRepository.move`); the per-SKU
level stays the sum of all of a SKU's movements, whatever their lot.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import and_, bindparam, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Subquery

from redhome_pos.domain.lots import NO_LOT, LotChoice, LotLevel, LotTake
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.stock import (
    SaleLineLotRow,
    StockLotLevelRow,
    StockMovementRow,
)
from redhome_pos.persistence.repositories.counter_sql import Prepared, written_columns

_LOTS = StockLotLevelRow.metadata.tables[StockLotLevelRow.__tablename__]
_SKUS = SkuRow.metadata.tables[SkuRow.__tablename__]
_TRACKED = Prepared(select(_SKUS.c.lot_tracked).where(_SKUS.c.id == bindparam("sku")))
_TRACKED_BATCH = 16
_TRACKED_AMONG: dict[int, Prepared] = {}


_LEVELS_AMONG: dict[int, Prepared] = {}


def _for_ids(built: dict[int, Prepared], size: int, make: Callable[[list[Any]], Any]) -> Prepared:
    """The statement ``make`` gives for ``size`` id parameters (``:s0``, ``:s1``, …), built
    once per size: a sale's lines take one statement, whatever their number up to 16."""
    statement = built.get(size)
    if statement is None:
        statement = built[size] = Prepared(make([bindparam(f"s{n}") for n in range(size)]))
    return statement


def _tracked_among(size: int) -> Prepared:
    """``SELECT id FROM skus WHERE lot_tracked AND id IN (:s0, …)``."""
    return _for_ids(
        _TRACKED_AMONG,
        size,
        lambda ids: select(_SKUS.c.id).where(_SKUS.c.lot_tracked.is_(True), _SKUS.c.id.in_(ids)),
    )


def _levels_among(size: int) -> Prepared:
    """Every lot level of the SKUs ``:s0, …``."""
    columns = (_LOTS.c.sku_id, _LOTS.c.lot_code, _LOTS.c.expiry, _LOTS.c.on_hand)
    return _for_ids(
        _LEVELS_AMONG, size, lambda ids: select(*columns).where(_LOTS.c.sku_id.in_(ids))
    )


def _batches(ids: Sequence[int]) -> Iterator[tuple[list[int], dict[str, int]]]:
    """``ids`` in batches of at most 16, each with its statement parameters."""
    for start in range(0, len(ids), _TRACKED_BATCH):
        batch = list(ids[start : start + _TRACKED_BATCH])
        yield batch, {f"s{n}": sku_id for n, sku_id in enumerate(batch)}


_LEVELS_OF = Prepared(
    select(_LOTS.c.lot_code, _LOTS.c.expiry, _LOTS.c.on_hand).where(
        _LOTS.c.sku_id == bindparam("sku")
    )
)
_MOVE_LOT = Prepared(
    update(_LOTS)
    .where(and_(_LOTS.c.sku_id == bindparam("sku"), _LOTS.c.lot_code == bindparam("lot")))
    .values(
        on_hand=_LOTS.c.on_hand + bindparam("quantity"),
        expiry=func.coalesce(_LOTS.c.expiry, bindparam("expiry")),
        updated_at=bindparam("now"),
    )
    .returning(_LOTS.c.on_hand)
)
_ADD_LOT = Prepared(insert(_LOTS), columns=written_columns(_LOTS))
_SALE_LOTS = SaleLineLotRow.metadata.tables[SaleLineLotRow.__tablename__]
_ADD_SALE_LOT = Prepared(insert(_SALE_LOTS), columns=written_columns(_SALE_LOTS))


@dataclass(frozen=True, slots=True)
class ExpiringLot:
    """A lot on hand that has expired or expires soon, with the value at stake."""

    sku_id: int
    sku_code: str
    title: str
    lot_code: str
    expiry: date
    on_hand: int
    price_fen: int

    @property
    def value_fen(self) -> int:
        return self.on_hand * self.price_fen


@dataclass(frozen=True, slots=True)
class LotMismatch:
    sku_id: int
    lot_code: str
    cached: int | None
    ledger: int


class LotRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # -- flags and levels ------------------------------------------------------------------
    def is_tracked(self, sku_id: int) -> bool:
        memo = self._memo()
        if sku_id not in memo:
            row = _TRACKED.first(self._session, {"sku": sku_id})
            memo[sku_id] = bool(row is not None and row.lot_tracked)
        return memo[sku_id]

    def tracked_among(self, sku_ids: Sequence[int]) -> set[int]:
        """Which of ``sku_ids`` are lot-tracked, in one statement (a sale's lines); the answer
        is remembered for the rest of the session's unit of work."""
        memo = self._memo()
        unknown = sorted({sku_id for sku_id in sku_ids if sku_id not in memo})
        for batch, params in _batches(unknown):
            rows = _tracked_among(len(batch)).all(self._session, params)
            found = {int(row.id) for row in rows}
            memo.update({sku_id: sku_id in found for sku_id in batch})
        return {sku_id for sku_id in sku_ids if memo[sku_id]}

    def _memo(self) -> dict[int, bool]:
        memo: dict[int, bool] = self._session.info.setdefault("lot_tracked", {})
        return memo

    def set_tracked(self, sku_ids: Sequence[int], tracked: bool) -> int:
        if not sku_ids:
            return 0
        self._memo().clear()
        result = self._session.execute(
            update(SkuRow).where(SkuRow.id.in_(list(sku_ids))).values(lot_tracked=tracked)
        )
        if tracked:  # stock already on hand: each lot's level from its movements so far
            for sku_id, lot_code in self._session.execute(
                select(StockMovementRow.sku_id, StockMovementRow.lot_code)
                .where(StockMovementRow.sku_id.in_(list(sku_ids)))
                .distinct()
            ).all():
                self.rebuild(sku_id, lot_code)
        return int(getattr(result, "rowcount", 0) or 0)

    def track_categories(self, categories: Sequence[str]) -> int:
        """Turn lot tracking on for every SKU of the product categories, in bulk (a store's
        whole catalog at once); stock on hand starts in each SKU's unknown lot. Returns how
        many SKUs were turned on."""
        session = self._session
        products = select(ProductRow.id).where(ProductRow.category.in_(list(categories)))
        turned = select(SkuRow.id).where(
            SkuRow.product_id.in_(products), SkuRow.lot_tracked.is_(False)
        )
        sku_ids = list(session.scalars(turned))
        if not sku_ids:
            return 0
        self._memo().clear()
        session.execute(update(SkuRow).where(SkuRow.id.in_(turned)).values(lot_tracked=True))
        totals = (
            select(
                StockMovementRow.sku_id,
                StockMovementRow.lot_code,
                func.max(StockMovementRow.expiry),
                func.sum(StockMovementRow.quantity),
                bindparam("now", utcnow(), type_=StockLotLevelRow.updated_at.type),
            )
            .join(SkuRow, SkuRow.id == StockMovementRow.sku_id)
            .where(SkuRow.product_id.in_(products))
            .where(
                ~select(StockLotLevelRow.sku_id)
                .where(StockLotLevelRow.sku_id == StockMovementRow.sku_id)
                .exists()
            )
            .group_by(StockMovementRow.sku_id, StockMovementRow.lot_code)
        )
        session.execute(
            insert(StockLotLevelRow).from_select(
                ["sku_id", "lot_code", "expiry", "on_hand", "updated_at"], totals
            )
        )
        return len(sku_ids)

    def levels(self, sku_id: int) -> list[LotLevel]:
        rows = _LEVELS_OF.all(self._session, {"sku": sku_id})
        return [LotLevel(r.lot_code, r.expiry, int(r.on_hand)) for r in rows]

    def levels_among(self, sku_ids: Sequence[int]) -> dict[int, list[LotLevel]]:
        """``levels`` of several SKUs (a sale's tracked lines), in one statement per 16."""
        found: dict[int, list[LotLevel]] = {sku_id: [] for sku_id in sku_ids}
        for batch, params in _batches(sorted(found)):
            for r in _levels_among(len(batch)).all(self._session, params):
                found[int(r.sku_id)].append(LotLevel(r.lot_code, r.expiry, int(r.on_hand)))
        return found

    def move(self, sku_id: int, lot_code: str, expiry: date | None, quantity: int) -> int:
        """Move one lot's level by ``quantity`` (creating it); returns its new on-hand."""
        now = utcnow()
        params = {"sku": sku_id, "lot": lot_code, "quantity": quantity, "expiry": expiry}
        moved = _MOVE_LOT.first(self._session, {**params, "now": now})
        if moved is not None:
            return int(moved.on_hand)
        _ADD_LOT.run(
            self._session,
            {
                "sku_id": sku_id,
                "lot_code": lot_code,
                "expiry": expiry,
                "on_hand": quantity,
                "updated_at": now,
            },
        )
        return quantity

    # -- sales -------------------------------------------------------------------------------
    def add_sale_lots(self, sale_id: int, lots: Sequence[tuple[int, LotTake]]) -> None:
        """Record which lots each sale line took (``(line_no, take)`` pairs)."""
        _ADD_SALE_LOT.run_many(
            self._session,
            [
                {
                    "sale_id": sale_id,
                    "line_no": line_no,
                    "lot_code": take.lot_code,
                    "expiry": take.expiry,
                    "quantity": take.quantity,
                    "chosen_by": LotChoice(take.chosen_by).value,
                }
                for line_no, take in lots
            ],
        )

    def sale_lots(self, sale_id: int) -> dict[int, tuple[LotTake, ...]]:
        rows = self._session.execute(
            select(SaleLineLotRow)
            .where(SaleLineLotRow.sale_id == sale_id)
            .order_by(SaleLineLotRow.id)
        ).scalars()
        found: dict[int, list[LotTake]] = {}
        for row in rows:
            found.setdefault(row.line_no, []).append(
                LotTake(row.lot_code, row.expiry, row.quantity, LotChoice(row.chosen_by))
            )
        return {line_no: tuple(takes) for line_no, takes in found.items()}

    # -- checks ------------------------------------------------------------------------------
    def _ledger_by_lot(self) -> Subquery:
        return (
            select(
                StockMovementRow.sku_id.label("sku_id"),
                StockMovementRow.lot_code.label("lot_code"),
                func.sum(StockMovementRow.quantity).label("total"),
                func.max(StockMovementRow.expiry).label("expiry"),
            )
            .join(SkuRow, SkuRow.id == StockMovementRow.sku_id)
            .where(SkuRow.lot_tracked.is_(True))
            .group_by(StockMovementRow.sku_id, StockMovementRow.lot_code)
            .subquery()
        )

    def mismatches(self) -> list[LotMismatch]:
        """Lots whose level is not the sum of their movements (or that have no level)."""
        ledger = self._ledger_by_lot()
        on = and_(
            StockLotLevelRow.sku_id == ledger.c.sku_id,
            StockLotLevelRow.lot_code == ledger.c.lot_code,
        )
        found = [
            LotMismatch(r[0], r[1], None if r[2] is None else int(r[2]), int(r[3] or 0))
            for r in self._session.execute(
                select(ledger.c.sku_id, ledger.c.lot_code, StockLotLevelRow.on_hand, ledger.c.total)
                .outerjoin(StockLotLevelRow, on)
                .where(
                    (StockLotLevelRow.on_hand.is_(None))
                    | (StockLotLevelRow.on_hand != ledger.c.total)
                )
            )
        ]
        # Levels with no movements at all must hold nothing.
        found += [
            LotMismatch(r[0], r[1], int(r[2]), 0)
            for r in self._session.execute(
                select(StockLotLevelRow.sku_id, StockLotLevelRow.lot_code, StockLotLevelRow.on_hand)
                .outerjoin(ledger, on)
                .where(ledger.c.sku_id.is_(None), StockLotLevelRow.on_hand != 0)
            )
        ]
        return sorted(found, key=lambda m: (m.sku_id, m.lot_code))

    def rebuild(self, sku_id: int, lot_code: str) -> int:
        """Set one lot's level to the sum of its movements; returns it."""
        total, expiry = self._session.execute(
            select(
                func.coalesce(func.sum(StockMovementRow.quantity), 0),
                func.max(StockMovementRow.expiry),
            ).where(StockMovementRow.sku_id == sku_id, StockMovementRow.lot_code == lot_code)
        ).one()
        current = self._session.get(StockLotLevelRow, (sku_id, lot_code))
        if current is None:
            self._session.add(
                StockLotLevelRow(
                    sku_id=sku_id,
                    lot_code=lot_code,
                    expiry=expiry,
                    on_hand=int(total),
                    updated_at=utcnow(),
                )
            )
        else:
            current.on_hand = int(total)
        return int(total)

    # -- expiry ------------------------------------------------------------------------------
    def expiring(self, until: date, *, limit: int | None = None) -> list[ExpiringLot]:
        """Lots with stock on hand whose expiry is on or before ``until`` (expired ones too),
        the soonest first."""
        statement = (
            select(
                SkuRow.id,
                SkuRow.code,
                ProductRow.title_zh,
                StockLotLevelRow.lot_code,
                StockLotLevelRow.expiry,
                StockLotLevelRow.on_hand,
                SkuRow.price_fen,
            )
            .join(SkuRow, SkuRow.id == StockLotLevelRow.sku_id)
            .join(ProductRow, ProductRow.id == SkuRow.product_id)
            .where(
                StockLotLevelRow.expiry.is_not(None),
                StockLotLevelRow.expiry <= until,
                StockLotLevelRow.on_hand > 0,
            )
            .order_by(StockLotLevelRow.expiry, SkuRow.code, StockLotLevelRow.lot_code)
        )
        if limit is not None:
            statement = statement.limit(limit)
        return [
            ExpiringLot(r[0], r[1], r[2], r[3], r[4] or until, int(r[5]), int(r[6]))
            for r in self._session.execute(statement)
        ]

    def expired_units_by_sku(self, today: date) -> dict[int, int]:
        rows = self._session.execute(
            select(StockLotLevelRow.sku_id, func.sum(StockLotLevelRow.on_hand))
            .where(StockLotLevelRow.expiry < today, StockLotLevelRow.on_hand > 0)
            .group_by(StockLotLevelRow.sku_id)
        )
        return {int(r[0]): int(r[1]) for r in rows}

    def stock_by_expiry_month(self) -> list[tuple[str, int, int]]:
        """(month "YYYY-MM" or "—" for no date, units, value in fen) of lot stock on hand."""
        rows = self._session.execute(
            select(StockLotLevelRow.expiry, StockLotLevelRow.on_hand, SkuRow.price_fen)
            .join(SkuRow, SkuRow.id == StockLotLevelRow.sku_id)
            .where(StockLotLevelRow.on_hand > 0)
        )
        months: dict[str, list[int]] = {}
        for expiry, on_hand, price in rows:
            key = "—" if expiry is None else f"{expiry.year:04d}-{expiry.month:02d}"
            bucket = months.setdefault(key, [0, 0])
            bucket[0] += int(on_hand)
            bucket[1] += int(on_hand) * int(price)
        ordered = sorted(months.items(), key=lambda kv: (kv[0] == "—", kv[0]))
        return [(month, units, value) for month, (units, value) in ordered]


__all__ = ["NO_LOT", "ExpiringLot", "LotMismatch", "LotRepository"]
