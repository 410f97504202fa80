"""Several movements of one use case recorded together (a sale's lines): the same ledger,
levels and outbox rows as recording them one by one, and a refusal that writes no row."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.errors import StockError
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository
from redhome_pos.services.stock import new_movement_id

ALSO_ON_POSTGRES = True


def _skus(database: Database, count: int) -> list[int]:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(
            Product(id=None, title_zh="面膜", brand="RED", category="美妆")
        )
        ids = [
            catalog.add_sku(
                Sku(
                    id=None,
                    product_id=product_id,
                    code=f"MM-{n}",
                    price_fen=900,
                    original_price_fen=900,
                )
            )
            for n in range(count)
        ]
        uow.commit()
    return ids


def _move(sku_id: int, quantity: int, kind: MovementKind = MovementKind.SALE) -> StockMovement:
    return StockMovement(
        id=new_movement_id(),
        sku_id=sku_id,
        kind=kind,
        quantity=quantity,
        reason="test",
        staff_id=None,
        terminal_id="T1",
        created_at=datetime.now(UTC),
        reference="R-1",
    )


def _state(database: Database) -> tuple[dict[int, int], list[tuple[int, int]], list[dict]]:
    with database.reading() as session:
        levels = dict(session.execute(select(StockLevelRow.sku_id, StockLevelRow.on_hand)).all())
        ledger = [
            (int(r[0]), int(r[1]))
            for r in session.execute(
                select(StockMovementRow.sku_id, StockMovementRow.quantity).order_by(
                    StockMovementRow.created_at, StockMovementRow.id
                )
            )
        ]
        outbox = [
            dict(p) for p in session.scalars(select(OutboxRow.payload).order_by(OutboxRow.id))
        ]
    return levels, ledger, outbox


def test_movements_recorded_together_give_each_its_own_new_level(database: Database) -> None:
    a, b = _skus(database, 2)
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        stock.record_all(
            [_move(a, 10, MovementKind.RECEIVE), _move(b, 4, MovementKind.RECEIVE)],
            allow_negative=False,
        )
        uow.commit()
    moves = [_move(a, -3), _move(a, -2), _move(b, -4)]
    with database.unit_of_work() as uow:
        levels = StockRepository(uow.session).record_all(moves, allow_negative=False)
        uow.commit()
    assert levels == [7, 5, 0]
    on_hand, ledger, outbox = _state(database)
    assert on_hand == {a: 5, b: 0}
    assert sorted(ledger[-3:]) == sorted([(a, -3), (a, -2), (b, -4)])
    assert outbox[-3:] == [
        {"sku_id": m.sku_id, "on_hand": level, "movement_id": m.id}
        for m, level in zip(moves, [7, 5, 0], strict=True)
    ]


def test_a_refused_movement_in_a_batch_writes_no_ledger_or_outbox_row(database: Database) -> None:
    a, b = _skus(database, 2)
    with database.unit_of_work() as uow:
        StockRepository(uow.session).record_all(
            [_move(a, 5, MovementKind.RECEIVE), _move(b, 1, MovementKind.RECEIVE)],
            allow_negative=False,
        )
        uow.commit()
    before = _state(database)
    with pytest.raises(StockError), database.unit_of_work() as uow:
        StockRepository(uow.session).record_all(
            [_move(a, -1), _move(b, -2)], allow_negative=False, sku_codes=["MM-0", "MM-1"]
        )
        uow.commit()
    assert _state(database) == before
    with database.unit_of_work() as uow:
        session = uow.session
        with pytest.raises(StockError, match="MM-1"):
            StockRepository(session).record_all(
                [_move(a, -1), _move(b, -2)], allow_negative=False, sku_codes=["MM-0", "MM-1"]
            )
        # Nothing of the batch reached the ledger or the outbox before the refusal.
        assert (
            session.scalar(select(StockMovementRow.id).where(StockMovementRow.quantity < 0)) is None
        )
        assert len(session.scalars(select(OutboxRow.id)).all()) == len(before[2])


def test_a_sku_without_a_level_gets_one_from_its_ledger_inside_a_batch(database: Database) -> None:
    (a,) = _skus(database, 1)
    with database.unit_of_work() as uow:
        uow.session.execute(StockLevelRow.__table__.delete())
        levels = StockRepository(uow.session).record_all(
            [_move(a, 3, MovementKind.RECEIVE), _move(a, -1)], allow_negative=False
        )
        uow.commit()
    assert levels == [3, 2]
    assert _state(database)[0] == {a: 2}
