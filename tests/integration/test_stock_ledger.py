"""The stock ledger on a real SQLite file: movements, cached levels, outbox, refusals."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest
from acting_staff import manager_session
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.errors import StockError
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository
from redhome_pos.services import stock as stock_service
from redhome_pos.services.stock import new_movement_id

ALSO_ON_POSTGRES = True


def _sku(database: Database, code: str = "SN-001") -> int:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(
            Product(id=None, title_zh="辣条", brand="卫龙", category="零食")
        )
        sku_id = catalog.add_sku(
            Sku(id=None, product_id=product_id, code=code, price_fen=500, original_price_fen=500)
        )
        uow.commit()
    return sku_id


def _move(sku_id: int, kind: MovementKind, quantity: int) -> StockMovement:
    return StockMovement(
        id=new_movement_id(),
        sku_id=sku_id,
        kind=kind,
        quantity=quantity,
        reason="test",
        staff_id=None,
        terminal_id="T1",
        created_at=datetime.now(UTC),
    )


def test_movements_sum_to_on_hand_and_each_queues_the_new_level(database: Database) -> None:
    sku_id = _sku(database)
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        assert stock.record(_move(sku_id, MovementKind.RECEIVE, 10), allow_negative=False) == 10
        assert stock.record(_move(sku_id, MovementKind.SALE, -3), allow_negative=False) == 7
        assert stock.record(_move(sku_id, MovementKind.RETURN, 1), allow_negative=False) == 8
        uow.commit()
    with database.reading() as session:
        stock = StockRepository(session)
        assert stock.on_hand(sku_id) == 8
        assert stock.ledger_sum(sku_id) == 8
        assert [m.quantity for m in stock.movements(sku_id, 2)] == [1, -3]
        assert stock.level_mismatches() == []
        outbox = [
            (r.topic, r.key, r.payload["on_hand"])
            for r in session.scalars(select(OutboxRow).order_by(OutboxRow.id))
        ]
    assert outbox == [
        ("stock", str(sku_id), 10),
        ("stock", str(sku_id), 7),
        ("stock", str(sku_id), 8),
    ]


def test_stock_below_zero_is_refused_and_changes_nothing(database: Database) -> None:
    sku_id = _sku(database, "SN-XYZ")
    stock_service.receive(database, sku_id, 2, terminal_id="T1", staff=manager_session(database))
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        with pytest.raises(StockError, match="Not enough stock of SN-XYZ: 2 on hand, 3 needed"):
            stock.record(_move(sku_id, MovementKind.SALE, -3), allow_negative=False)
        # The refusal left the transaction as it was: the ledger and level agree.
        assert stock.on_hand(sku_id) == 2
        assert stock.ledger_sum(sku_id) == 2
        assert uow.session.scalar(select(func.count()).select_from(OutboxRow)) == 1
        uow.commit()


def test_stock_below_zero_is_kept_when_the_store_allows_it(database: Database) -> None:
    sku_id = _sku(database)
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        assert stock.record(_move(sku_id, MovementKind.SALE, -2), allow_negative=True) == -2
        uow.commit()
    with database.reading() as session:
        assert StockRepository(session).on_hand(sku_id) == -2


def test_a_rolled_back_unit_of_work_leaves_no_movement_level_or_outbox(database: Database) -> None:
    sku_id = _sku(database)
    with database.unit_of_work() as uow:
        StockRepository(uow.session).record(
            _move(sku_id, MovementKind.RECEIVE, 5), allow_negative=False
        )
    with database.reading() as session:
        assert StockRepository(session).on_hand(sku_id) == 0
        assert session.scalar(select(func.count()).select_from(StockMovementRow)) == 0
        assert session.scalar(select(func.count()).select_from(OutboxRow)) == 0


def test_a_movement_id_is_unique(database: Database) -> None:
    sku_id = _sku(database)
    movement = _move(sku_id, MovementKind.RECEIVE, 1)
    with database.unit_of_work() as uow:
        StockRepository(uow.session).record(movement, allow_negative=False)
        uow.commit()
    with database.unit_of_work() as uow, pytest.raises(Exception, match=r"(?i)unique"):
        StockRepository(uow.session).record(movement, allow_negative=False)
    with database.reading() as session:
        assert StockRepository(session).on_hand(sku_id) == 1


def test_a_missing_cached_level_is_rebuilt_from_the_ledger(database: Database) -> None:
    sku_id = _sku(database)
    stock_service.receive(database, sku_id, 4, terminal_id="T1", staff=manager_session(database))
    with database.unit_of_work() as uow:
        uow.session.execute(StockLevelRow.__table__.delete())
        uow.commit()
    with database.reading() as session:
        (mismatch,) = StockRepository(session).level_mismatches()
    assert (mismatch.sku_code, mismatch.cached, mismatch.ledger) == ("SN-001", None, 4)
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        assert stock.record(_move(sku_id, MovementKind.SALE, -1), allow_negative=False) == 3
        uow.commit()
    with database.reading() as session:
        assert StockRepository(session).level_mismatches() == []


def test_a_level_that_drifted_from_the_ledger_is_found_and_rebuilt(database: Database) -> None:
    sku_id = _sku(database, "DRIFT")
    stock_service.receive(database, sku_id, 4, terminal_id="T1", staff=manager_session(database))
    with database.unit_of_work() as uow:
        uow.session.execute(StockLevelRow.__table__.update().values(on_hand=9))
        uow.commit()
    with database.reading() as session:
        assert [
            (m.sku_code, m.cached, m.ledger) for m in StockRepository(session).level_mismatches()
        ] == [("DRIFT", 9, 4)]
    with database.unit_of_work() as uow:
        assert StockRepository(uow.session).rebuild_level(sku_id) == 4
        uow.commit()
    with database.reading() as session:
        assert StockRepository(session).level_mismatches() == []


def test_ledger_rules_are_checked_before_anything_is_written(database: Database) -> None:
    sku_id = _sku(database)
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        with pytest.raises(StockError, match="must take away"):
            stock.record(_move(sku_id, MovementKind.SALE, 2), allow_negative=True)
        with pytest.raises(StockError, match="No SKU 999"):
            stock.record(_move(999, MovementKind.RECEIVE, 2), allow_negative=True)
        with pytest.raises(StockError, match="No SKU 999"):
            stock.record(_move(999, MovementKind.RECEIVE, 2), allow_negative=False, sku_code="X")
        assert uow.session.scalar(select(func.count()).select_from(StockMovementRow)) == 0


def test_services_receive_adjust_and_count(database: Database) -> None:
    sku_id = _sku(database)
    change = stock_service.receive(
        database, sku_id, 12, terminal_id="T1", reference="PO-1", staff=manager_session(database)
    )
    assert change.on_hand == 12 and change.movement.kind is MovementKind.RECEIVE
    change = stock_service.adjust(
        database, sku_id, -2, reason="damaged", terminal_id="T1", staff=manager_session(database)
    )
    assert change.on_hand == 10
    with pytest.raises(StockError, match="needs a reason"):
        stock_service.adjust(
            database, sku_id, -1, reason=" ", terminal_id="T1", staff=manager_session(database)
        )
    with pytest.raises(StockError, match="Not enough stock"):
        stock_service.adjust(
            database, sku_id, -11, reason="lost", terminal_id="T1", staff=manager_session(database)
        )
    change = stock_service.count(
        database, sku_id, 7, terminal_id="T1", staff=manager_session(database)
    )
    assert change.movement.quantity == -3 and change.on_hand == 7
    with pytest.raises(StockError, match="at least one"):
        stock_service.receive(
            database, sku_id, 0, terminal_id="T1", staff=manager_session(database)
        )
    with database.reading() as session:
        stock = StockRepository(session)
        assert stock.on_hand(sku_id) == stock.ledger_sum(sku_id) == 7
        assert [m.kind for m in stock.movements(sku_id)] == [
            MovementKind.COUNT,
            MovementKind.ADJUST,
            MovementKind.RECEIVE,
        ]


def test_concurrent_sales_from_two_connections_never_lose_a_movement(database: Database) -> None:
    sku_id = _sku(database)
    stock_service.receive(database, sku_id, 100, terminal_id="T1", staff=manager_session(database))
    other = Database(database.url)  # a second terminal on the same file
    errors: list[BaseException] = []

    def sell(db: Database, terminal: str) -> None:
        try:
            for _ in range(25):
                with db.unit_of_work() as uow:
                    movement = _move(sku_id, MovementKind.SALE, -1)
                    movement = StockMovement(**{**_as_dict(movement), "terminal_id": terminal})
                    StockRepository(uow.session).record(movement, allow_negative=False)
                    uow.commit()
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=sell, args=(database, "T1")),
        threading.Thread(target=sell, args=(other, "T2")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.dispose()
    assert errors == []
    with database.reading() as session:
        stock = StockRepository(session)
        assert stock.on_hand(sku_id) == 50
        assert stock.ledger_sum(sku_id) == 50


def _as_dict(movement: StockMovement) -> dict[str, object]:
    return {name: getattr(movement, name) for name in StockMovement.__dataclass_fields__}


ADDING = {MovementKind.RECEIVE, MovementKind.RETURN, MovementKind.TRANSFER_IN}
TAKING = {MovementKind.SALE, MovementKind.ONLINE_FULFILMENT, MovementKind.TRANSFER_OUT}


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    steps=st.lists(
        st.tuples(
            st.sampled_from(sorted(ADDING | TAKING | {MovementKind.ADJUST})),
            st.integers(-30, 30).filter(bool),
            st.booleans(),
        ),
        max_size=25,
    )
)
def test_the_stored_ledger_follows_the_rules_for_any_sequence_of_movements(
    database: Database, steps: list[tuple[MovementKind, int, bool]]
) -> None:
    sku_id = _sku(database, f"H-{new_movement_id()[:12]}")
    expected, accepted = 0, 0
    for kind, quantity, allow_negative in steps:
        wrong_sign = (kind in ADDING and quantity < 0) or (kind in TAKING and quantity > 0)
        below_zero = not allow_negative and expected + quantity < 0
        with database.unit_of_work() as uow:
            stock = StockRepository(uow.session)
            try:
                on_hand = stock.record(_move(sku_id, kind, quantity), allow_negative=allow_negative)
            except StockError:
                assert wrong_sign or below_zero
                continue
            uow.commit()
        assert not (wrong_sign or below_zero)
        expected += quantity
        accepted += 1
        assert on_hand == expected
    with database.reading() as session:
        stock = StockRepository(session)
        assert stock.on_hand(sku_id) == stock.ledger_sum(sku_id) == expected
        assert len(stock.movements(sku_id, 1000)) == accepted
        assert stock.level_mismatches() == []
