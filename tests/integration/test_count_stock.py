"""Stock counts: partial and full scopes, blind sheets, scan to count, recounts, posting with
approval, and selling during the count without losing a sale."""

from __future__ import annotations

import pytest
from counter_store import Store, make_store
from sqlalchemy import select, update

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.staff import Permission
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.counter import AuditEventRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories import StockRepository
from redhome_pos.services import checkout, shifts, stock_counts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.staff import Approver, approve
from redhome_pos.services.stock_counts import CountError


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 10_000)
    return store


def on_hand(store: Store, code: str) -> int:
    with store.database.reading() as session:
        return StockRepository(session).on_hand(store.items[code].sku_id)


def sell(store: Store, code: str, units: int) -> None:
    cart = Cart()
    for _ in range(units):
        cart.add(store.items[code])
    total = cart.totals().total_fen
    checkout.checkout(store.database, store.till, store.clerk, cart, [Tender.cash(total)])


def count_movements(store: Store) -> list[tuple[str, int]]:
    ids = {item.sku_id: code for code, item in store.items.items()}
    with store.database.reading() as session:
        rows = session.execute(
            select(StockMovementRow.sku_id, StockMovementRow.quantity).where(
                StockMovementRow.kind == "count"
            )
        ).all()
    return sorted((ids[sku], quantity) for sku, quantity in rows)


def test_sales_during_a_count_are_not_lost(store: Store) -> None:
    db, till, clerk, manager = store.database, store.till, store.clerk, store.manager
    count_id = stock_counts.start_count(db, till, clerk, name="evening count")
    assert len(stock_counts.count_sheet(db, count_id)) == 4  # a full count: every SKU

    # LIP: 20 on hand; 3 went missing. The shelf is counted (17), then 2 are sold.
    stock_counts.record_counted(db, till, clerk, count_id, store.items["LIP-520"].sku_id, 17)
    sell(store, "LIP-520", 2)
    # MASK: 30 on hand; 4 are sold before the shelf is counted, which shows 26 (all there).
    sell(store, "MASK-10", 4)
    stock_counts.record_counted(db, till, clerk, count_id, store.items["MASK-10"].sku_id, 26)
    # BOOK: 10 on hand, counted by scanning 11 units (one was never booked in).
    for _ in range(11):
        stock_counts.scan_counted(db, till, clerk, count_id, "BOOK-01")
    # BAG is not counted: left as it is.

    posted = stock_counts.post_count(db, till, manager, count_id)
    assert (posted.movements, posted.units_added, posted.units_removed) == (2, 1, 3)
    assert on_hand(store, "LIP-520") == 17 - 2
    assert on_hand(store, "MASK-10") == 26
    assert on_hand(store, "BOOK-01") == 11
    assert on_hand(store, "BAG-RED") == 5
    assert count_movements(store) == [("BOOK-01", 1), ("LIP-520", -3)]
    with db.reading() as session:
        assert (
            StockRepository(session).level_mismatches() == []
        )  # the cache is still the ledger sum
        events = session.scalars(
            select(AuditEventRow.action).where(AuditEventRow.action == "stock_count_posted")
        ).all()
    assert len(events) == 1
    with pytest.raises(CountError):  # posted once
        stock_counts.post_count(db, till, manager, count_id)


def test_partial_blind_count_with_recount_and_approval(store: Store) -> None:
    db, till, clerk, manager = store.database, store.till, store.clerk, store.manager
    count_id = stock_counts.start_count(
        db, till, clerk, sku_codes=["LIP-520", "BAG-RED"], blind=True
    )
    clerk_sheet = stock_counts.count_sheet(db, count_id, for_manager=False)
    assert [(line.code, line.expected) for line in clerk_sheet] == [
        ("BAG-RED", None),
        ("LIP-520", None),
    ]
    lip, bag = store.items["LIP-520"].sku_id, store.items["BAG-RED"].sku_id
    stock_counts.record_counted(db, till, clerk, count_id, lip, 15)
    stock_counts.record_counted(db, till, clerk, count_id, bag, 5)
    variances = stock_counts.variances(db, count_id)
    assert [(line.code, line.variance) for line in variances] == [("LIP-520", -5)]

    # A variance is counted again before posting; posting waits for it.
    stock_counts.request_recount(db, till, manager, count_id, [lip])
    with pytest.raises(CountError):
        stock_counts.post_count(db, till, manager, count_id)
    stock_counts.record_counted(db, till, clerk, count_id, lip, 19)

    # A clerk posts only with a manager's approval.
    with pytest.raises(PermissionDenied):
        stock_counts.post_count(db, till, clerk, count_id)
    approval = approve(db, till, clerk, Permission.POST_COUNT, Approver("3001", "3333"))
    posted = stock_counts.post_count(db, till, clerk, count_id, approval_id=approval)
    assert posted.movements == 1
    assert on_hand(store, "LIP-520") == 19
    assert count_movements(store) == [("LIP-520", -1)]


def test_count_by_category_and_zero_uncounted(store: Store) -> None:
    db, till, clerk, manager = store.database, store.till, store.clerk, store.manager
    count_id = stock_counts.start_count(db, till, clerk, categories=["test"])
    assert len(stock_counts.count_sheet(db, count_id)) == 4
    stock_counts.record_counted(db, till, clerk, count_id, store.items["MASK-10"].sku_id, 30)
    posted = stock_counts.post_count(db, till, manager, count_id, zero_uncounted=True)
    assert posted.units_removed == 20 + 10 + 5
    assert [on_hand(store, c) for c in ("LIP-520", "MASK-10", "BOOK-01", "BAG-RED")] == [
        0,
        30,
        0,
        0,
    ]
    with pytest.raises(CountError):
        stock_counts.start_count(db, till, clerk, sku_codes=["NOPE"])
    with pytest.raises(CountError):
        stock_counts.scan_counted(db, till, clerk, count_id, "LIP-520")  # posted already


def test_count_by_location_leaves_retired_skus_out_unless_named(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    stock_service.adjust(
        db,
        store.items["BAG-RED"].sku_id,
        -5,
        reason="sold out",
        terminal_id="T1",
        staff=store.manager,
    )
    with db.unit_of_work() as uow:
        uow.session.execute(update(SkuRow).values(location="A-01"))
        uow.session.execute(
            update(SkuRow).where(SkuRow.code.in_(["BOOK-01", "BAG-RED"])).values(active=False)
        )
        uow.commit()
    # BOOK-01 is retired but still has 10 on hand: it is counted with its shelf; BAG-RED is
    # retired with nothing on hand: left out, unless named by its code.
    count_id = stock_counts.start_count(db, till, clerk, locations=["A-01"])
    codes = [line.code for line in stock_counts.count_sheet(db, count_id)]
    assert codes == ["BOOK-01", "LIP-520", "MASK-10"]
    named = stock_counts.start_count(db, till, clerk, locations=["A-01"], sku_codes=["BAG-RED"])
    assert len(stock_counts.count_sheet(db, named)) == 4
