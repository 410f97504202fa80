"""A return found by scanning the receipt's code, refunded with a supervisor's approval."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import SECRET, log_in, open_shift, scan

from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.signed_codes import sign_receipt_code
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.models.counter import ApprovalRow, ReturnLineRow, ReturnRow
from redhome_pos.persistence.repositories.print_jobs import PrintJobRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services.checkout import checkout
from ui.dialogs.approval import ApprovalDialog


def test_a_return_by_receipt_code_with_approval(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    open_shift(shell)
    counter = shell.counter
    clerk = counter.session.clerk
    cart = Cart()
    cart.add(
        CartItem(store.sku_ids["LIP-520"], "LIP-520", "小红书限定丝绒雾面口红", 12_800, 1300), 2
    )
    sold = checkout(counter.database, counter.till, clerk, cart, [Tender.cash(30_000)])

    # The customer brings the receipt back: its code is scanned on the sale screen.
    receipt_code = sign_receipt_code(SECRET, "SH001", sold.receipt_no)
    screen = shell.returns
    with qtbot.waitSignal(screen.sale_found):
        scan(qtbot, shell, receipt_code)
    assert shell.window.current_screen() is screen
    assert sold.receipt_no in screen.summary.text()
    screen.set_return_quantity(1, 1)
    qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    approval = screen.dialog
    assert isinstance(approval, ApprovalDialog)  # a clerk may not refund alone
    qtbot.keyClicks(approval.code, "2001")
    qtbot.keyClicks(approval.pin, "2222")
    with qtbot.waitSignal(screen.return_done) as done:
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    result = done.args[0]
    assert result.refund_fen == 12_800

    with store.database.reading() as session:
        row = session.scalars(select(ReturnRow)).one()
        assert (row.return_no, row.refund_fen) == (result.return_no, 12_800)
        assert row.approval_id is not None
        approval_row = session.get(ApprovalRow, row.approval_id)
        assert approval_row is not None and approval_row.approver_id == store.staff["2001"].id
        assert session.scalars(select(ReturnLineRow.quantity)).all() == [1]
        assert StockRepository(session).on_hand(store.sku_ids["LIP-520"]) == 19

    def return_receipt_queued() -> bool:
        with store.database.reading() as session:
            jobs = PrintJobRepository(session).jobs()
        return any(j.kind == "return_receipt" and j.reference == result.return_no for j in jobs)

    qtbot.waitUntil(return_receipt_queued)


def test_an_exchange_pays_only_the_difference(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell, "2001", "2222")  # a supervisor may refund alone
    open_shift(shell)
    counter = shell.counter
    cart = Cart()
    cart.add(CartItem(store.sku_ids["CLN-120"], "CLN-120", "氨基酸温和洁面乳 120ml", 6_900, 1300))
    sold = checkout(
        counter.database, counter.till, counter.session.clerk, cart, [Tender.cash(6_900)]
    )

    # The customer swaps the cleanser (69.00) for a lipstick (128.00): 59.00 to pay.
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    screen = shell.returns
    shell.window.show_screen("returns")
    with qtbot.waitSignal(screen.sale_found):  # the receipt's code, scanned
        scan(qtbot, shell, sign_receipt_code(SECRET, "SH001", sold.receipt_no))
    screen.set_return_quantity(1, 1)
    qtbot.mouseClick(screen.exchange_button, Qt.MouseButton.LeftButton)
    tender = shell.actions.dialog
    assert tender is not None and tender.due_fen == 5_900
    with qtbot.waitSignal(tender.sale_completed) as completed:
        qtbot.mouseClick(tender.quick["10000"], Qt.MouseButton.LeftButton)
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    new_sale = completed.args[0]
    assert new_sale.change_fen == 4_100
    assert shell.sale.cart.is_empty
    with store.database.reading() as session:
        returned = session.scalars(select(ReturnRow)).one()
        assert returned.refund_fen == 6_900 and returned.sale_id == sold.id
        stock = StockRepository(session)
        assert stock.on_hand(store.sku_ids["CLN-120"]) == 20  # sold one, took it back
        assert stock.on_hand(store.sku_ids["LIP-520"]) == 19
