"""A day at the counter on a real SQLite file: sale, partial return, exchange, Z report."""

from __future__ import annotations

import pytest
from counter_store import Store, make_store
from sqlalchemy import func, select
from wallet_double import instant_payments, wallet_checkout

from redhome_pos.domain import approvals
from redhome_pos.domain.cart import Cart, Discount
from redhome_pos.domain.errors import StockError
from redhome_pos.domain.sale import ReturnError, ReturnRequest
from redhome_pos.domain.shift import ShiftError
from redhome_pos.domain.signed_codes import sign_receipt_code
from redhome_pos.domain.staff import Permission
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow, TenderRow
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories import StockRepository
from redhome_pos.services import audit, checkout, parking, returns, shifts
from redhome_pos.services.staff import Approver, approve

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database)


def on_hand(store: Store, code: str) -> int:
    with store.database.reading() as session:
        return StockRepository(session).on_hand(store.items[code].sku_id)


def test_sale_return_exchange_and_z_report(store: Store) -> None:
    db, till, clerk, sup = store.database, store.till, store.clerk, store.supervisor
    shifts.open_shift(db, till, clerk, 50_000)

    # A sale: 2 lipsticks (one scanned twice), a mask voided after scanning, a book from a note.
    cart = Cart()
    cart.add(store.items["LIP-520"])
    cart.add(store.items["LIP-520"])
    mask = cart.add(store.items["MASK-10"])
    cart.remove(mask.line_no)
    cart.add(store.items["BOOK-01"], note_id="note-64a1")
    cart.discount_order(Discount(amount_fen=1_000))  # ￥10 off: within the clerk's limit
    totals = cart.totals()
    assert totals.total_fen == 2 * 25_900 + 4_500 - 1_000 == 55_300
    payments = instant_payments(db, till)
    sale = wallet_checkout(payments, clerk, cart, TenderKind.WECHAT, 30_000, [Tender.cash(30_000)])
    assert sale.receipt_no == "RH01-T1-20261125-0001"
    assert sale.change_fen == 4_700
    assert [(t.kind, t.amount_fen) for t in sale.tenders] == [
        (TenderKind.CASH, 25_300),
        (TenderKind.WECHAT, 30_000),
    ]
    wechat = sale.tenders[1]
    assert wechat.reference.startswith("4200") and wechat.out_trade_no  # transaction id
    assert sum(line.amount_fen for line in sale.sold_lines) == sale.total_fen
    assert [line.voided for line in sale.lines] == [False, True, False]
    assert sale.lines[2].note_id == "note-64a1"
    assert on_hand(store, "LIP-520") == 18
    assert on_hand(store, "MASK-10") == 30
    assert on_hand(store, "BOOK-01") == 9

    # Found again by the signed code printed on the receipt.
    code = sign_receipt_code(till.code_secret, till.store_code, sale.receipt_no)
    assert checkout.find_sale(db, code, till=till).receipt_no == sale.receipt_no

    # Partial return of one lipstick by the supervisor, refunded to the original tenders.
    lip = sale.lines[0]
    one_lip = returns.return_items(
        db, till, sup, code, [ReturnRequest(lip.line_no, 1)], reason="colour",
        payments=payments,
    )  # fmt: skip
    # The order discount took 920 fen off the lipsticks (largest remainder), so each
    # lipstick cost 25,440; the last tender (WeChat, 30,000) is refunded first, through
    # WeChat Pay to the original payment, with its own refund number.
    assert lip.amount_fen == 50_880
    assert one_lip.refund_fen == 25_440
    assert one_lip.return_no == "RH01-T1-20261125-R0001"
    assert [(r.kind, r.amount_fen) for r in one_lip.refunds] == [(TenderKind.WECHAT, 25_440)]
    assert one_lip.refunds[0].reference == f"{wechat.out_trade_no}R1"
    [sent] = one_lip.provider_refunds
    assert (sent.state.value, sent.amount_fen, sent.out_trade_no) == (
        "success",
        25_440,
        wechat.out_trade_no,
    )
    assert on_hand(store, "LIP-520") == 19
    with pytest.raises(ReturnError):  # only one more lipstick can come back
        returns.return_items(db, till, sup, code, [ReturnRequest(lip.line_no, 2)], reason="x")

    # Exchange: the other lipstick (damaged) for two bags; the difference is paid by card.
    new_cart = Cart()
    new_cart.add(store.items["BAG-RED"], 2)
    approval = approve(
        db, till, clerk, Permission.REFUND, Approver("2001", "2222"),
        covers=approvals.refund(sale.receipt_no, 25_440),
    )  # fmt: skip
    exchanged, new_sale = returns.exchange(
        db,
        till,
        clerk,
        code,
        [ReturnRequest(lip.line_no, 1, damaged=True)],
        new_cart,
        [Tender(TenderKind.CARD, 25_600 - 25_440)],
        reason="broken",
        approval_id=approval,
    )
    assert one_lip.refund_fen + exchanged.refund_fen == lip.amount_fen  # never a fen drifts
    assert new_sale.receipt_no == "RH01-T1-20261125-0002"
    assert on_hand(store, "LIP-520") == 19  # damaged: came back, written off
    assert on_hand(store, "BAG-RED") == 3
    assert [(t.kind, t.amount_fen) for t in new_sale.tenders] == [
        (TenderKind.CASH, 25_440),
        (TenderKind.CARD, 160),
    ]

    # The book line was all that is left to return; the lipsticks are used up.
    with pytest.raises(ReturnError):
        returns.return_items(
            db, till, sup, sale.receipt_no, [ReturnRequest(lip.line_no, 1)], reason="x"
        )

    # Parking survives a "restart" (a new Database object on the same file).
    park_cart = Cart()
    park_cart.add(store.items["MASK-10"], 2)
    parked_id = parking.park(db, till, clerk, park_cart, "顾客去取钱包")
    db2 = Database(db.engine.url.render_as_string(hide_password=False))
    [parked] = parking.parked(db2, till)
    assert parked.label == "顾客去取钱包"
    assert (parked.total_fen, parked.items) == (19_800, 2)  # listed with amount and items
    recalled = parking.recall(db2, till, clerk, parked_id)
    assert recalled.totals().total_fen == 19_800
    assert parking.parked(db2, till) == []
    db2.dispose()

    shifts.cash_out(db, till, sup, 20_000, "to the safe")
    x = shifts.x_report(db, till, clerk)
    assert x.kind == "X" and x.figures.sales == 2

    z = shifts.close_shift(db, till, sup, {"cash": 55_200, "card": 160, "wechat": 4_560})
    # float + sale cash - exchange refund + exchange credit - cash out
    assert z.expected_fen["cash"] == 50_000 + 25_300 - 25_440 + 25_440 - 20_000
    assert z.difference_fen == {
        "cash": -100,
        "card": 0,
        "wechat": 0,
        "alipay": 0,
        "ext_wechat": 0,
        "ext_alipay": 0,
    }
    assert z.figures.sales == 2
    assert z.figures.sales_fen == 55_300 + 25_600
    assert z.figures.discount_fen == 1_000
    assert z.figures.returns == 2
    assert z.figures.refunds_fen == lip.amount_fen
    by_staff = {s.name: (s.sales, s.sales_fen, s.refunds_fen) for s in z.figures.by_staff}
    assert by_staff["王小红"] == (2, 80_900, 25_440)
    assert by_staff["李主管"] == (0, 0, 25_440)

    # The Z report is stored and reads back the same; the closed shift takes no sale.
    assert shifts.shift_report(db, z.id or 0) == z
    assert shifts.z_report(db, z.shift_id) == z
    with pytest.raises(ShiftError):
        checkout.checkout(db, till, clerk, recalled, [Tender.cash(19_800)])

    # The ledger and tenders agree with the figures.
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(SaleRow)) == 2
        tender_sum = session.scalar(select(func.sum(TenderRow.amount_fen)))
        assert tender_sum == 55_300 + 25_600 - 50_880
        reasons = session.scalars(
            select(StockMovementRow.reason).where(
                StockMovementRow.sku_id == store.items["LIP-520"].sku_id
            )
        ).all()
        assert sorted(reasons) == sorted(["", "sale", "colour", "broken", "damaged"])
        assert session.scalar(select(func.count()).select_from(OutboxRow)) >= 8
    assert check(db) == []
    assert audit.verify(db) == []


def test_stock_never_goes_below_zero_and_the_sale_is_not_written(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    shifts.open_shift(db, till, clerk, 0)
    cart = Cart()
    cart.add(store.items["BOOK-01"])
    cart.add(store.items["BAG-RED"], 6)  # only 5 in stock
    with pytest.raises(StockError):
        checkout.checkout(db, till, clerk, cart, [Tender.cash(100_000)])
    assert on_hand(store, "BOOK-01") == 10
    cart.set_quantity(2, 5)
    sale = checkout.checkout(db, till, clerk, cart, [Tender.cash(100_000)])
    assert sale.receipt_no.endswith("-0001")  # the failed attempt used no number


def test_void_last_sale_needs_approval_and_puts_everything_back(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    shifts.open_shift(db, till, clerk, 10_000)
    cart = Cart()
    cart.add(store.items["MASK-10"], 3)
    payments = instant_payments(db, till)
    sale = wallet_checkout(payments, clerk, cart, TenderKind.ALIPAY, 29_700)
    assert on_hand(store, "MASK-10") == 27
    from redhome_pos.domain.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        checkout.void_last_sale(db, till, clerk, reason="wrong customer")
    approval = approve(db, till, clerk, Permission.VOID, Approver("3001", "3333"))
    voided = checkout.void_last_sale(
        db, till, clerk, reason="wrong customer", approval_id=approval, payments=payments
    )
    [paid_back] = payments.settle_refunds([f"{sale.tenders[0].out_trade_no}R1"])  # done already
    assert (paid_back.state.value, paid_back.amount_fen) == ("success", 29_700)
    assert voided.voided and voided.receipt_no == sale.receipt_no
    assert on_hand(store, "MASK-10") == 30
    with pytest.raises(ShiftError):
        checkout.void_last_sale(db, till, store.manager, reason="again")
    z = shifts.close_shift(db, till, store.manager, {"cash": 10_000})
    assert z.figures.sales == 0 and z.figures.voids == 1 and z.figures.voided_fen == 29_700
    assert z.expected_fen["alipay"] == 0
    assert z.difference_fen["cash"] == 0


def test_one_open_shift_per_terminal(store: Store) -> None:
    shifts.open_shift(store.database, store.till, store.clerk, 0)
    with pytest.raises(ShiftError):
        shifts.open_shift(store.database, store.till, store.supervisor, 0)
