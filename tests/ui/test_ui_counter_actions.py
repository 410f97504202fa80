"""The counter's further actions driven with keys and scans: today's sales with reprint and a
return, price check, void of the last sale, cash in and out with approval."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select
from ui_helpers import log_in, scan

from redhome_pos.persistence.models.counter import CashMovementRow, SaleVoidRow
from redhome_pos.persistence.repositories.print_jobs import PrintJobRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services import shifts as shift_service
from ui.counter_actions import MoreDialog
from ui.dialogs.approval import ApprovalDialog
from ui.dialogs.journal import JournalDialog
from ui.dialogs.price_check import PriceCheckDialog
from ui.dialogs.reason import ReasonDialog
from ui.dialogs.tender import TenderDialog


def _sell(qtbot: Any, shell: Any, *barcodes: str) -> Any:
    sale = shell.sale
    for barcode in barcodes:
        with qtbot.waitSignal(sale.line_added):
            scan(qtbot, shell, barcode)
    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    with qtbot.waitSignal(tender.sale_completed) as completed:
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    return completed.args[0]


def _more(qtbot: Any, shell: Any, digit: Qt.Key) -> Any:
    # Offscreen, closing a dialog leaves no window active; a clerk's screen has the counter's.
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    menu = shell.actions.dialog
    assert isinstance(menu, MoreDialog)
    menu.activateWindow()
    qtbot.waitUntil(menu.isActiveWindow)
    qtbot.keyClick(menu, digit)
    qtbot.waitUntil(lambda: shell.actions.dialog is not menu and shell.actions.dialog is not None)
    return shell.actions.dialog


def _approve(qtbot: Any, shell: Any, code: str = "2001", pin: str = "2222") -> None:
    approval = shell.actions.dialog
    assert isinstance(approval, ApprovalDialog)
    qtbot.keyClicks(approval.code, code)
    qtbot.keyClicks(approval.pin, pin)
    with qtbot.waitSignal(approval.approved):
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)


def _receipt_jobs(store: Any, receipt_no: str) -> int:
    with store.database.reading() as session:
        return len(PrintJobRepository(session).jobs(reference=receipt_no))


def test_todays_sales_found_by_amount_and_product_reprinted_and_returned(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)
    lipstick = _sell(qtbot, shell, store.barcodes["LIP-520"])
    cleanser = _sell(qtbot, shell, store.barcodes["CLN-120"], store.barcodes["MASK-10"])
    journal = _more(qtbot, shell, Qt.Key.Key_1)
    assert isinstance(journal, JournalDialog)
    qtbot.waitUntil(lambda: len(journal.sales) == 2)
    assert journal.sales[0].receipt_no == cleanser.receipt_no  # newest first
    assert journal.table.item(0, 2).text() == "2"  # items
    assert journal.table.item(0, 3).text() == "￥168.00"

    with qtbot.waitSignal(journal.loaded):
        qtbot.keyClicks(journal.field, "128")  # the amount paid
    qtbot.waitUntil(lambda: [s.receipt_no for s in journal.sales] == [lipstick.receipt_no])
    journal.field.clear()
    with qtbot.waitSignal(journal.loaded):
        qtbot.keyClicks(journal.field, "MASK")  # a product on it
    qtbot.waitUntil(lambda: [s.receipt_no for s in journal.sales] == [cleanser.receipt_no])

    before = _receipt_jobs(store, cleanser.receipt_no)
    qtbot.keyClick(journal.field, Qt.Key.Key_Return)  # 小票重打
    qtbot.waitUntil(lambda: _receipt_jobs(store, cleanser.receipt_no) == before + 1)
    with store.database.reading() as session:
        job = PrintJobRepository(session).jobs(reference=cleanser.receipt_no)[0]
    assert "重印" in str(job.document)  # marked as a reprint

    qtbot.keyClick(journal, Qt.Key.Key_F8)  # take goods back from it
    qtbot.waitUntil(lambda: shell.returns.sale is not None)
    assert shell.returns.sale.receipt_no == cleanser.receipt_no
    screen = shell.returns
    assert screen.refund_total.text() == ""
    mask = next(line for line in screen.sale.sold_lines if line.sku_code == "MASK-10")
    screen.set_return_quantity(mask.line_no, 1)
    # The money back and where it goes show before the refund button is pressed.
    assert screen.refund_total.text() == "Refund ￥99.00 → Cash ￥99.00"


def test_a_price_check_leaves_the_cart_alone(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["CLN-120"])
    dialog = _more(qtbot, shell, Qt.Key.Key_2)
    assert isinstance(dialog, PriceCheckDialog)
    with qtbot.waitSignal(dialog.shown):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    assert dialog.price.text() == "￥128.00"
    assert "#520" in dialog.variant.text() and "20" in dialog.detail.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    assert [line.sku_code for line in sale.cart.lines] == ["CLN-120"]


def test_voiding_the_last_sale_with_a_reason_and_a_supervisor(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)
    sold = _sell(qtbot, shell, store.barcodes["LIP-520"])
    dialog = _more(qtbot, shell, Qt.Key.Key_3)
    assert isinstance(dialog, ReasonDialog)
    assert sold.receipt_no in dialog.prompt.text() and "￥128.00" in dialog.prompt.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # no reason chosen: asked for one
    assert dialog.error.isVisible()
    qtbot.mouseClick(dialog.reason_buttons["wrong_entry"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, ApprovalDialog))
    _approve(qtbot, shell)
    qtbot.waitUntil(lambda: "voided" in shell.sale.banner.text())
    assert "Cash ￥128.00" in shell.sale.banner.text()
    with store.database.reading() as session:
        void = session.scalars(select(SaleVoidRow)).one()
        assert void.reason == "wrong_entry" and void.approval_id is not None
        assert StockRepository(session).on_hand(store.sku_ids["LIP-520"]) == 20


def test_cash_in_and_out_count_in_the_expected_cash(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)  # a clerk: a supervisor approves
    dialog = _more(qtbot, shell, Qt.Key.Key_4)
    assert isinstance(dialog, ReasonDialog)
    qtbot.mouseClick(dialog.reason_buttons["change_float"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.field, "200")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, ApprovalDialog))
    _approve(qtbot, shell)
    qtbot.waitUntil(lambda: "￥200.00" in shell.sale.banner.text())

    dialog = _more(qtbot, shell, Qt.Key.Key_5)
    qtbot.mouseClick(dialog.reason_buttons["to_safe"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.field, "50")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, ApprovalDialog))
    _approve(qtbot, shell)
    qtbot.waitUntil(lambda: "￥50.00" in shell.sale.banner.text())

    with store.database.reading() as session:
        moves = {(m.kind, m.amount_fen, m.reason) for m in session.scalars(select(CashMovementRow))}
    assert moves == {("cash_in", 20_000, "change_float"), ("cash_out", 5_000, "to_safe")}
    report = shift_service.x_report(store.database, shell.counter.till, store.staff["2001"])
    assert report.expected_fen["cash"] == 50_000 + 20_000 - 5_000


def test_a_blind_count_note_by_note_closes_the_shift(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell, "2001", "2222")  # a supervisor closes the shift alone
    _sell(qtbot, shell, store.barcodes["CLN-120"])  # ￥69 cash; the float was ￥500
    shell.window.show_screen("shift")
    screen = shell.shift_screen
    with qtbot.waitSignal(screen.report_ready):
        qtbot.mouseClick(screen.x_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.count_button, Qt.MouseButton.LeftButton)
    count = screen.count_dialog
    assert screen.report is None and screen.preview.pixmap().isNull()  # put away: blind
    assert "569" not in " ".join(label.text() for label in count.findChildren(QLabel))
    for value_fen, pieces in ((10_000, "5"), (5_000, "1"), (1_000, "1"), (100, "9")):
        qtbot.keyClicks(count.fields[value_fen], pieces)
    qtbot.waitUntil(lambda: count.total_fen == 56_900)
    qtbot.keyClick(count.fields[100], Qt.Key.Key_Return)
    assert screen.counted["cash"].text() == "569.00"
    with qtbot.waitSignal(screen.report_ready) as z_ready:
        qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    report = z_ready.args[0]
    assert report.kind == "Z" and report.difference_fen["cash"] == 0


def test_todays_sales_show_time_amount_and_the_customer(qtbot: Any, shell: Any, store: Any) -> None:
    from redhome_pos.services import members

    counter = shell.counter
    member = members.enrol(
        counter.database, counter.till, store.staff["1001"], "13812341234", consent=True
    )
    log_in(qtbot, shell)
    walk_in = _sell(qtbot, shell, store.barcodes["MASK-10"])
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    scan(qtbot, shell, members.member_code(counter.till, member))
    qtbot.waitUntil(lambda: shell.sale.cart.member is not None)
    for_member = _sell(qtbot, shell)
    journal = _more(qtbot, shell, Qt.Key.Key_1)
    assert isinstance(journal, JournalDialog)
    qtbot.waitUntil(lambda: len(journal.sales) == 2)
    table = journal.table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[:6] == ["Time", "Receipt", "Items", "Amount", "Paid by", "Customer"]
    rows = {table.item(r, 1).text(): table.item(r, 5).text() for r in range(2)}
    assert rows == {for_member.receipt_no: "138****1234", walk_in.receipt_no: ""}
    assert table.item(0, 0).text() == shell.counter.local_time(for_member.created_at)
