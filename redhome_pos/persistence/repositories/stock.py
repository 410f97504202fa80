"""The stock repository: the movement ledger and the cached on-hand per SKU."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.errors import StockError
from redhome_pos.domain.lots import NO_LOT, LotError, take_fefo
from redhome_pos.domain.stock import MovementKind, StockMovement, check_movement, new_on_hand
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow
from redhome_pos.persistence.repositories.counter_sql import Prepared, written_columns
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.persistence.repositories.outbox import STOCK_TOPIC, OutboxRepository


@dataclass(frozen=True, slots=True)
class LevelMismatch:
    """A SKU whose cached on-hand differs from its ledger sum (or whose level is missing)."""

    sku_id: int
    sku_code: str
    cached: int | None  # None: no cached level although the ledger has movements
    ledger: int


def _movement(row: StockMovementRow) -> StockMovement:
    return StockMovement(
        id=row.id,
        sku_id=row.sku_id,
        kind=MovementKind(row.kind),
        quantity=row.quantity,
        reason=row.reason,
        staff_id=row.staff_id,
        terminal_id=row.terminal_id,
        created_at=row.created_at,
        reference=row.reference,
        lot=row.lot_code or None,
        expiry=row.expiry,
    )


# Built once: a record() runs inside every sale, so its statements come from the cache.
# The level moves by a relative UPDATE, guarded by the below-zero rule when the store does
# not allow negative stock, so two terminals changing one SKU never overwrite each other.
_LEVELS = StockLevelRow.metadata.tables[StockLevelRow.__tablename__]
_MOVE = (
    update(_LEVELS)
    .where(_LEVELS.c.sku_id == bindparam("sku"))
    .values(on_hand=_LEVELS.c.on_hand + bindparam("quantity"), updated_at=bindparam("now"))
    .returning(_LEVELS.c.on_hand)
)
_MOVE_LEVEL = Prepared(_MOVE)
_MOVE_LEVEL_GUARDED = Prepared(_MOVE.where(_LEVELS.c.on_hand + bindparam("quantity") >= 0))
_MOVEMENTS = StockMovementRow.metadata.tables[StockMovementRow.__tablename__]
_ADD_MOVEMENT = Prepared(insert(_MOVEMENTS), columns=written_columns(_MOVEMENTS))


class StockRepository:
    """Records movements on one session; the caller's unit of work commits them."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def record(self, movement: StockMovement, *, allow_negative: bool, sku_code: str = "") -> int:
        """Add ``movement`` to the ledger, move the cached level with it and queue the new
        on-hand for the online store; returns the new on-hand.

        Refuses (``StockError``, nothing changed) a movement that breaks a ledger rule or
        would take stock below zero when the store does not allow it.
        """
        return self.record_all((movement,), allow_negative=allow_negative, sku_codes=(sku_code,))[0]

    def record_all(
        self,
        movements: Sequence[StockMovement],
        *,
        allow_negative: bool,
        sku_codes: Sequence[str] = (),
    ) -> list[int]:
        """``record`` for several movements of one use case (a sale's lines), in the order
        given (callers sort by SKU so that terminals sharing a server lock rows alike); returns
        the new on-hand after each movement.

        The levels move one guarded statement each; the ledger rows and the outbox rows are
        then written in one statement each. A refused movement raises ``StockError`` before
        any ledger or outbox row is written and changes nothing itself; levels moved by the
        movements before it in the same call stay moved in the caller's transaction, which a
        use case refusing the whole action rolls back (its unit of work does on the error).
        """
        if not movements:
            return []
        for movement in movements:
            check_movement(movement)
        session = self._session
        if session.new or session.dirty or session.deleted:
            session.flush()  # a SKU added in this unit of work must exist before its level
        now = utcnow()
        statement = _MOVE_LEVEL if allow_negative else _MOVE_LEVEL_GUARDED
        levels: list[int] = []
        for index, movement in enumerate(movements):
            moved = statement.first(
                session, {"sku": movement.sku_id, "quantity": movement.quantity, "now": now}
            )
            new_level = None if moved is None else moved.on_hand
            if new_level is None:
                code = sku_codes[index] if index < len(sku_codes) else ""
                new_level = self._first_level_or_refuse(movement, allow_negative, code)
            levels.append(int(new_level))
        lots = LotRepository(session)
        rows: list[dict[str, object]] = []
        for movement in movements:
            for movement_id, lot_code, expiry, quantity in self._lot_parts(lots, movement):
                rows.append(
                    {
                        "id": movement_id,
                        "sku_id": movement.sku_id,
                        "kind": MovementKind(movement.kind).value,
                        "quantity": quantity,
                        "reason": movement.reason,
                        "staff_id": movement.staff_id,
                        "terminal_id": movement.terminal_id,
                        "reference": movement.reference,
                        "created_at": movement.created_at,
                        "lot_code": lot_code,
                        "expiry": expiry,
                    }
                )
        _ADD_MOVEMENT.run_many(session, rows)
        OutboxRepository(session).add_all(
            STOCK_TOPIC,
            [
                (
                    str(movement.sku_id),
                    {"sku_id": movement.sku_id, "on_hand": level, "movement_id": movement.id},
                )
                for movement, level in zip(movements, levels, strict=True)
            ],
        )
        return levels

    @staticmethod
    def _lot_parts(
        lots: LotRepository, movement: StockMovement
    ) -> list[tuple[str, str, date | None, int]]:
        """The ledger rows of ``movement``: (id, lot, expiry, quantity) each. A lot-tracked
        SKU's movement without a lot is split over its lots first-expiring first (units not
        expired before expired ones; what no lot records comes from the unknown lot), and
        every part moves its lot's level."""
        lot = movement.lot
        if not lots.is_tracked(movement.sku_id):
            return [(movement.id, lot or NO_LOT, movement.expiry, movement.quantity)]
        if lot is not None or movement.quantity >= 0:
            parts = [(lot or NO_LOT, movement.expiry, movement.quantity)]
        else:
            levels = lots.levels(movement.sku_id)
            today = movement.created_at.date()
            try:
                takes = take_fefo(levels, -movement.quantity, today)
            except LotError:  # only expired units are left: the ledger records what went
                takes = take_fefo(levels, -movement.quantity, today, allow_expired=True)
            parts = [(take.lot_code, take.expiry, -take.quantity) for take in takes]
        result = []
        for index, (code, expiry, quantity) in enumerate(parts):
            lots.move(movement.sku_id, code, expiry, quantity)
            movement_id = movement.id if index == 0 else uuid.uuid4().hex
            result.append((movement_id, code, expiry, quantity))
        return result

    def _first_level_or_refuse(
        self, movement: StockMovement, allow_negative: bool, sku_code: str
    ) -> int:
        """Either the level exists and the movement would go below zero (refuse), or the SKU
        has no cached level yet: create it from the ledger sum."""
        session = self._session
        sku_id = movement.sku_id
        cached = session.scalar(select(StockLevelRow.on_hand).where(StockLevelRow.sku_id == sku_id))
        known_code = session.scalar(select(SkuRow.code).where(SkuRow.id == sku_id))
        if known_code is None:
            raise StockError("No SKU {sku_id} in the catalog", sku_id=sku_id)
        code = sku_code or known_code
        current = self.ledger_sum(sku_id) if cached is None else cached
        result = new_on_hand(
            current, movement.quantity, allow_negative=allow_negative, sku_code=code
        )
        if cached is not None:  # pragma: no cover - the guarded UPDATE would have matched
            raise StockError("The stock of {sku} changed meanwhile: try again", sku=code)
        session.execute(
            insert(StockLevelRow).values(sku_id=sku_id, on_hand=result, updated_at=utcnow())
        )
        return result

    def on_hand(self, sku_id: int) -> int:
        """The cached on-hand of a SKU (0 for a SKU never stocked)."""
        value = self._session.scalar(
            select(StockLevelRow.on_hand).where(StockLevelRow.sku_id == sku_id)
        )
        return int(value or 0)

    def ledger_sum(self, sku_id: int) -> int:
        """On-hand as the ledger says it: the sum of every movement of the SKU."""
        total = self._session.scalar(
            select(func.coalesce(func.sum(StockMovementRow.quantity), 0)).where(
                StockMovementRow.sku_id == sku_id
            )
        )
        return int(total or 0)

    def movements(self, sku_id: int, limit: int = 50) -> list[StockMovement]:
        """The newest ``limit`` movements of a SKU, newest first."""
        rows = self._session.scalars(
            select(StockMovementRow)
            .where(StockMovementRow.sku_id == sku_id)
            .order_by(StockMovementRow.created_at.desc(), StockMovementRow.id.desc())
            .limit(limit)
        ).all()
        return [_movement(row) for row in rows]

    def level_mismatches(self) -> list[LevelMismatch]:
        """Every SKU whose cached level is not its ledger sum, or that has movements but no
        cached level. Empty when the cache is sound."""
        ledger = (
            select(
                StockMovementRow.sku_id.label("sku_id"),
                func.sum(StockMovementRow.quantity).label("total"),
            )
            .group_by(StockMovementRow.sku_id)
            .subquery()
        )
        # Levels compared with their ledger sum (no movements counts as 0) ...
        with_level = self._session.execute(
            select(SkuRow.id, SkuRow.code, StockLevelRow.on_hand, ledger.c.total)
            .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .outerjoin(ledger, ledger.c.sku_id == SkuRow.id)
            .where(StockLevelRow.on_hand != func.coalesce(ledger.c.total, 0))
        ).all()
        # ... and SKUs with movements that have no level at all.
        without_level = self._session.execute(
            select(SkuRow.id, SkuRow.code, ledger.c.total)
            .join(ledger, ledger.c.sku_id == SkuRow.id)
            .outerjoin(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .where(StockLevelRow.sku_id.is_(None))
        ).all()
        found = [LevelMismatch(r[0], r[1], int(r[2]), int(r[3] or 0)) for r in with_level]
        found += [LevelMismatch(r[0], r[1], None, int(r[2] or 0)) for r in without_level]
        return sorted(found, key=lambda m: m.sku_id)

    def rebuild_level(self, sku_id: int) -> int:
        """Set the cached level of a SKU to its ledger sum; returns it."""
        total = self.ledger_sum(sku_id)
        changed = self._session.execute(
            update(StockLevelRow)
            .where(StockLevelRow.sku_id == sku_id)
            .values(on_hand=total, updated_at=utcnow())
        )
        if getattr(changed, "rowcount", 0) == 0:
            self._session.execute(
                insert(StockLevelRow).values(sku_id=sku_id, on_hand=total, updated_at=utcnow())
            )
        return total
