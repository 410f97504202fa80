"""Lots on a real database: levels per lot equal their movements, sales take the scanned lot
or the first-expiring one, expired goods need a manager, returns and voids go back to the lot
sold, and `db check` proves the lot levels."""

from __future__ import annotations

from datetime import date

import pytest
from counter_store import Store, make_store
from sqlalchemy import func, select

from redhome_pos.domain.approvals import ApprovedScope
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.lots import NO_LOT, LotChoice, LotError
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.staff import Permission
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.admin import check, repair_stock_levels
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.counter import AuditEventRow as AuditRow
from redhome_pos.persistence.models.stock import StockLotLevelRow, StockMovementRow
from redhome_pos.persistence.repositories import StockRepository
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.services import checkout, lots, returns, shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.staff import Approver, approve

ALSO_ON_POSTGRES = True

LIP = "LIP-520"  # 20 on hand from make_store, booked before tracking (the unknown lot)


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    lots.set_lot_tracked(database, store.till, store.manager, [LIP], True)
    sku = store.items[LIP].sku_id
    for lot, expiry, quantity in (
        ("L-OLD", date(2026, 11, 20), 2),  # expired on the test clock's day (2026-11-25)
        ("L-SOON", date(2026, 12, 10), 3),
        ("L-LATE", date(2027, 9, 30), 5),
    ):
        stock_service.receive(
            database, sku, quantity, terminal_id="T1", staff=store.manager,
            lot=lot, expiry=expiry, reference="PO-1",
        )  # fmt: skip
    shifts.open_shift(database, store.till, store.clerk, 10_000)
    return store


def levels(store: Store) -> dict[str, int]:
    with store.database.reading() as session:
        found = LotRepository(session).levels(store.items[LIP].sku_id)
    return {lv.lot_code: lv.on_hand for lv in found}


def on_hand(store: Store) -> int:
    with store.database.reading() as session:
        return StockRepository(session).on_hand(store.items[LIP].sku_id)


def pay(store: Store, cart: Cart) -> Tender:
    return Tender.cash(cart.totals().total_fen)


def test_receiving_by_lot_keeps_levels_per_lot_and_the_sku_level_is_their_sum(
    store: Store,
) -> None:
    assert levels(store) == {NO_LOT: 20, "L-OLD": 2, "L-SOON": 3, "L-LATE": 5}
    assert on_hand(store) == 30
    assert check(store.database) == []


def test_a_plain_barcode_sells_the_first_expiring_lot_not_expired(store: Store) -> None:
    db, till = store.database, store.till
    notice = lots.lot_notice(db, till, store.items[LIP].sku_id)
    assert (notice.lot_code, notice.chosen_by, notice.expiring_soon) == (
        "L-SOON",
        LotChoice.FEFO,
        True,
    )
    assert notice.days_left == 15
    cart = Cart()
    cart.add(store.items[LIP], 4)
    sale = checkout.checkout(db, till, store.clerk, cart, [pay(store, cart)])
    taken = [(t.lot_code, t.quantity, t.chosen_by) for t in sale.lines[0].lots]
    assert taken == [("L-SOON", 3, LotChoice.FEFO), ("L-LATE", 1, LotChoice.FEFO)]
    assert levels(store)["L-SOON"] == 0 and levels(store)["L-LATE"] == 4
    assert levels(store)["L-OLD"] == 2  # expired: never taken without a manager
    # The sale as stored knows its lots (the receipt prints them).
    stored = checkout.find_sale(db, sale.receipt_no)
    assert stored.lines[0].lots == sale.lines[0].lots
    assert check(db) == []


def test_a_scanned_lot_is_the_lot_sold(store: Store) -> None:
    cart = Cart()
    cart.add(store.items[LIP], 2, lot="L-LATE", lot_expiry=date(2027, 9, 30))
    sale = checkout.checkout(store.database, store.till, store.clerk, cart, [pay(store, cart)])
    assert [(t.lot_code, t.chosen_by) for t in sale.lines[0].lots] == [("L-LATE", LotChoice.SCAN)]
    assert levels(store)["L-LATE"] == 3 and levels(store)["L-SOON"] == 3


def test_an_expired_lot_is_refused_and_nothing_is_written(store: Store) -> None:
    db = store.database
    before = (on_hand(store), levels(store))
    notice = lots.lot_notice(db, store.till, store.items[LIP].sku_id, lot="L-OLD")
    assert notice.expired and notice.days_left == -5
    cart = Cart()
    cart.add(store.items[LIP], lot="L-OLD", lot_expiry=date(2026, 11, 20))
    with pytest.raises(LotError, match="expired on 2026-11-20"):
        checkout.checkout(db, store.till, store.clerk, cart, [pay(store, cart)])
    assert (on_hand(store), levels(store)) == before


def test_a_manager_may_allow_an_expired_lot_with_a_reason_and_it_is_audited(
    store: Store,
) -> None:
    db, till = store.database, store.till
    cart = Cart()
    line = cart.add(store.items[LIP], lot="L-OLD", lot_expiry=date(2026, 11, 20))
    approval = approve(
        db, till, store.clerk, Permission.SELL_EXPIRED, Approver("3001", "3333"),
        covers=ApprovedScope(sku=LIP, quantity=1),
    )  # fmt: skip
    cart.allow_expired(line.line_no, reason="员工内购，顾客知情", approval_id=approval)
    cart.set_quantity(line.line_no, 2)  # more units than approved: the approval is void
    assert cart.line(line.line_no).expired_approval_id is None
    with pytest.raises(LotError):
        checkout.checkout(db, till, store.clerk, cart, [pay(store, cart)])
    # An approval for one unit does not cover two, even when put back on the line.
    cart.allow_expired(line.line_no, reason="员工内购，顾客知情", approval_id=approval)
    with pytest.raises(PermissionDenied):
        checkout.checkout(db, till, store.clerk, cart, [pay(store, cart)])
    cart.set_quantity(line.line_no, 1)
    sale = checkout.checkout(db, till, store.clerk, cart, [pay(store, cart)])
    assert sale.lines[0].lots[0].chosen_by is LotChoice.OVERRIDE
    assert levels(store)["L-OLD"] == 1
    with db.reading() as session:
        events = session.scalars(
            select(AuditRow.detail).where(AuditRow.action == AuditAction.EXPIRED_SOLD.value)
        ).all()
    assert len(events) == 1
    assert events[0]["lot"] == "L-OLD"
    assert events[0]["reason"] == "员工内购，顾客知情"


def test_returns_and_voids_go_back_to_the_lots_sold(store: Store) -> None:
    db, till = store.database, store.till
    cart = Cart()
    cart.add(store.items[LIP], 4)  # 3 from L-SOON, 1 from L-LATE
    sale = checkout.checkout(db, till, store.clerk, cart, [pay(store, cart)])
    returns.return_items(
        db,
        till,
        store.supervisor,
        till.receipt_code(sale.receipt_no),
        [ReturnRequest(1, 1)],
        reason="不合适",
    )
    assert levels(store)["L-LATE"] == 5  # the last lot taken comes back first
    returns.return_items(
        db,
        till,
        store.supervisor,
        till.receipt_code(sale.receipt_no),
        [ReturnRequest(1, 2)],
        reason="不合适",
    )
    assert levels(store)["L-SOON"] == 2
    assert check(db) == []

    cart = Cart()
    cart.add(store.items[LIP], 2, lot="L-LATE")
    checkout.checkout(db, till, store.clerk, cart, [pay(store, cart)])
    assert levels(store)["L-LATE"] == 3
    checkout.void_last_sale(db, till, store.supervisor, reason="收银错误")
    assert levels(store)["L-LATE"] == 5
    assert check(db) == []


def test_stock_taken_without_a_lot_leaves_first_expiring_first(store: Store) -> None:
    sku = store.items[LIP].sku_id
    stock_service.adjust(
        store.database, sku, -4, reason="damaged", terminal_id="T1", staff=store.manager
    )
    assert levels(store)["L-SOON"] == 0 and levels(store)["L-LATE"] == 4
    with store.database.reading() as session:
        parts = session.execute(
            select(StockMovementRow.lot_code, StockMovementRow.quantity).where(
                StockMovementRow.reason == "damaged"
            )
        ).all()
    assert sorted(parts) == [("L-LATE", -1), ("L-SOON", -3)]
    assert check(store.database) == []


def test_db_check_finds_a_lot_level_that_drifted_and_repair_puts_it_back(store: Store) -> None:
    db = store.database
    sku = store.items[LIP].sku_id
    with db.unit_of_work() as uow:
        row = uow.session.get(StockLotLevelRow, (sku, "L-LATE"))
        assert row is not None
        row.on_hand = 99
        uow.commit()
    problems = check(db)
    assert len(problems) == 1 and "L-LATE" in problems[0] and "99" in problems[0]
    repair_stock_levels(db)
    assert check(db) == [] and levels(store)["L-LATE"] == 5


def test_expiring_soon_list_and_stock_by_expiry_month(store: Store) -> None:
    soon = lots.expiring_soon(store.database, store.till)
    assert [(x.lot_code, x.on_hand, x.value_fen) for x in soon] == [
        ("L-OLD", 2, 2 * 25_900),
        ("L-SOON", 3, 3 * 25_900),
    ]
    months = lots.stock_by_expiry_month(store.database)
    assert months == [
        ("2026-11", 2, 2 * 25_900),
        ("2026-12", 3, 3 * 25_900),
        ("2027-09", 5, 5 * 25_900),
        ("—", 20, 20 * 25_900),
    ]


def test_untracked_goods_write_no_lot_rows(store: Store) -> None:
    cart = Cart()
    cart.add(store.items["MASK-10"], 2)
    sale = checkout.checkout(store.database, store.till, store.clerk, cart, [pay(store, cart)])
    assert sale.lines[0].lots == ()
    with store.database.reading() as session:
        mask_lots = session.scalar(
            select(func.count())
            .select_from(StockLotLevelRow)
            .where(StockLotLevelRow.sku_id == store.items["MASK-10"].sku_id)
        )
    assert mask_lots == 0


def test_a_delivery_received_by_carton_labels_and_typed_lots_books_each_lot(
    store: Store,
) -> None:
    from redhome_pos.domain.barcodes import make_ean13
    from redhome_pos.domain.gs1 import element_string, element_string_hri
    from redhome_pos.persistence.repositories.catalog import CatalogRepository
    from redhome_pos.services import receiving

    db, till, manager = store.database, store.till, store.manager
    gtin = make_ean13("690000000520")
    with db.unit_of_work() as uow:
        CatalogRepository(uow.session).add_barcodes(store.items[LIP].sku_id, [gtin])
        uow.commit()
    delivery = receiving.start_receiving(db, till, manager, reference="DN-7")
    # A carton of 12 of lot C1 (GS1-128 with its count), scanned with the separator character.
    carton = element_string(gtin, lot="C1", expiry=date(2027, 5, 31), count=12)
    receiving.receive_scan(db, till, manager, delivery, "]C1" + carton)
    # Two loose units of the same lot, printed form.
    loose = element_string_hri(element_string(gtin, lot="C1", expiry=date(2027, 5, 31)))
    receiving.receive_scan(db, till, manager, delivery, loose)
    receiving.receive_scan(db, till, manager, delivery, loose)
    # A unit whose label has no GS1 code: the lot and date typed in.
    receiving.receive_scan(db, till, manager, delivery, gtin, lot="T9", expiry=date(2027, 8, 1))
    # A plain scan with nothing typed: the unknown lot.
    receiving.receive_scan(db, till, manager, delivery, LIP)
    lines = receiving.receiving_lines(db, delivery)
    assert [(line.code, line.received) for line in lines] == [(gtin, 16)]
    assert [(x.lot_code, x.expiry, x.received) for x in receiving.received_lots(db, delivery)] == [
        ("C1", date(2027, 5, 31), 14),
        ("T9", date(2027, 8, 1), 1),
    ]
    posted = receiving.post_receiving(db, till, manager, delivery)
    assert (posted.movements, posted.units) == (3, 16)
    got = levels(store)
    assert (got["C1"], got["T9"], got[NO_LOT]) == (14, 1, 21)
    assert check(db) == []


def test_a_payment_code_is_not_received_as_a_product(store: Store) -> None:
    from redhome_pos.services import receiving
    from redhome_pos.services.receiving import ReceivingError

    delivery = receiving.start_receiving(store.database, store.till, store.manager)
    with pytest.raises(ReceivingError):
        receiving.receive_scan(
            store.database, store.till, store.manager, delivery, "134567890123456789"
        )


def test_reports_of_stock_by_expiry_month_and_expiring_lots(store: Store) -> None:
    from redhome_pos.services import reports

    period = reports.ReportPeriod(date(2026, 11, 1), date(2026, 12, 31))
    by_month = reports.make_report(store.database, "stock_by_expiry", period)
    assert by_month.rows[0] == ("2026-11", 2, 2 * 25_900)
    assert by_month.rows[-1][0] == "—"
    expiring = reports.make_report(store.database, "expiring_lots", period)
    assert [(r[2], r[3], r[4]) for r in expiring.rows] == [
        ("L-OLD", "2026-11-20", 2),
        ("L-SOON", "2026-12-10", 3),
    ]


def test_a_count_by_lot_sets_each_lot_to_what_was_found(store: Store) -> None:
    from redhome_pos.domain.barcodes import make_ean13
    from redhome_pos.domain.gs1 import element_string
    from redhome_pos.persistence.repositories.catalog import CatalogRepository
    from redhome_pos.services import stock_counts

    db, till, manager = store.database, store.till, store.manager
    gtin = make_ean13("690000000520")
    with db.unit_of_work() as uow:
        CatalogRepository(uow.session).add_barcodes(store.items[LIP].sku_id, [gtin])
        uow.commit()
    count = stock_counts.start_count(db, till, manager, name="lots", sku_codes=[LIP])
    # On the shelf: 2 of L-SOON, 5 of L-LATE, none of L-OLD (thrown away), 1 of a lot the
    # ledger never heard of, and 20 units with no readable lot.
    for _ in range(2):
        stock_counts.scan_counted(db, till, manager, count, element_string(gtin, lot="L-SOON"))
    stock_counts.scan_counted(db, till, manager, count, element_string(gtin, lot="L-LATE", count=5))
    stock_counts.scan_counted(
        db, till, manager, count, element_string(gtin, lot="X1", expiry=date(2027, 2, 1))
    )
    stock_counts.record_counted(db, till, manager, count, store.items[LIP].sku_id, 20, add=True)
    sheet = stock_counts.count_sheet(db, count)
    assert (sheet[0].counted, sheet[0].lots) == (28, (("L-LATE", 5), ("L-SOON", 2), ("X1", 1)))
    stock_counts.post_count(db, till, manager, count)
    assert levels(store) == {NO_LOT: 20, "L-OLD": 0, "L-SOON": 2, "L-LATE": 5, "X1": 1}
    assert on_hand(store) == 28
    assert check(db) == []


def test_the_demo_store_tracks_beauty_and_food_by_lot(database: Database) -> None:
    from hand_clock import Clock

    from redhome_pos.services.counter import Till
    from redhome_pos.services.demo_catalog import load_demo_store
    from redhome_pos.services.demo_lots import DATED_PER_CATEGORY, add_demo_lots

    load_demo_store(database, skus=600, seed=7)
    till = Till("RH01", "T1", clock=Clock())
    dated = add_demo_lots(database, till)
    assert dated == 4 * DATED_PER_CATEGORY
    with database.reading() as session:
        tracked = session.scalar(
            select(func.count()).select_from(SkuRow).where(SkuRow.lot_tracked.is_(True))
        )
        untracked_categories = set(
            session.scalars(
                select(ProductRow.category)
                .join(SkuRow, SkuRow.product_id == ProductRow.id)
                .where(SkuRow.lot_tracked.is_(False))
            )
        )
    assert tracked and not untracked_categories & {"彩妆", "护肤", "零食", "饮品"}
    soon = lots.expiring_soon(database, till)
    assert len(soon) == 2 * dated  # each dated SKU: one lot expired, one expiring soon
    assert check(database) == []
