"""The money a clerk sees and gives: 折, 减金额 and 改价 in the discount dialog, the shift opened
before anything is sold, banners that belong to their scan, amounts in yuan."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select
from ui_helpers import log_in, scan

from redhome_pos.domain.tender import TenderError, settle
from redhome_pos.persistence.models.counter import SaleLineRow
from ui.cart_table import CartModel
from ui.dialogs.approval import ApprovalDialog
from ui.dialogs.discount import DiscountDialog, DiscountKind
from ui.dialogs.open_shift import OpenShiftDialog
from ui.dialogs.tender import TenderDialog
from ui.errors import describe_error


def _scan_line(qtbot: Any, shell: Any, barcode: str) -> None:
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, barcode)


def _pay_exact(qtbot: Any, shell: Any) -> Any:
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    with qtbot.waitSignal(tender.sale_completed) as completed:
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)  # Enter: exact cash
    qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    return completed.args[0]


def _fill(button: Any) -> str:
    image = button.grab().toImage()
    return image.pixelColor(QPoint(image.width() // 2, 6)).name()


def test_the_chosen_scope_and_kind_look_pressed_and_9_zhe_pays_90_percent(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)
    sale = shell.sale
    _scan_line(qtbot, shell, store.barcodes["LIP-520"])  # ￥128.00
    qtbot.keyClick(sale.table, Qt.Key.Key_F4)
    dialog = shell.actions.dialog
    assert isinstance(dialog, DiscountDialog)
    line_button, order_button = dialog.scope_buttons
    zhe_button, amount_button, _price = dialog.mode_buttons
    assert line_button.isChecked() and zhe_button.isChecked()
    # Pressed buttons are painted apart from the others, not only marked in the model.
    assert _fill(line_button) != _fill(order_button)
    assert _fill(zhe_button) != _fill(amount_button)
    qtbot.keyClicks(dialog.field, "9")  # 9 折: within a clerk's own limit
    qtbot.waitUntil(lambda: "￥115.20" in dialog.preview.text())  # typed keys pass the scan filter
    assert "￥12.80" in dialog.preview.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    totals = sale.cart.totals()
    assert totals.total_fen == 11_520
    model = sale.model
    assert model.headerData(CartModel.DISCOUNT, Qt.Orientation.Horizontal) == "Savings"
    assert model.index(0, CartModel.DISCOUNT).data() == "-￥12.80"


def test_85_zhe_on_the_whole_order_and_yuan_off(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell, "2001", "2222")  # a supervisor: 20 % without approval
    sale = shell.sale
    _scan_line(qtbot, shell, store.barcodes["LIP-520"])
    _scan_line(qtbot, shell, store.barcodes["CLN-120"])  # 128 + 69 = 197
    qtbot.keyClick(sale.table, Qt.Key.Key_F4)
    dialog = shell.actions.dialog
    qtbot.mouseClick(dialog.scope_buttons[1], Qt.MouseButton.LeftButton)
    assert dialog.scope_buttons[1].isChecked() and not dialog.scope_buttons[0].isChecked()
    assert not dialog.mode_buttons[DiscountKind.PRICE].isEnabled()  # a price is one line's
    qtbot.keyClicks(dialog.field, "85")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    assert sale.cart.totals().total_fen == 19_700 - 2_955  # 15 % off

    sale.table.selectRow(1)
    qtbot.keyClick(sale.table, Qt.Key.Key_F4)
    dialog = shell.actions.dialog
    qtbot.mouseClick(dialog.mode_buttons[DiscountKind.AMOUNT], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.field, "10")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    line = sale.cart.lines[1]
    assert line.discount is not None and line.discount.amount_fen == 1_000

    qtbot.keyClick(sale.table, Qt.Key.Key_F4)
    dialog = shell.actions.dialog
    qtbot.keyClicks(dialog.field, "10")  # 10 折 is no discount: refused in words
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert shell.actions.dialog is dialog and dialog.error.isVisible()
    assert "10" in dialog.error.text()
    qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)


def test_a_price_change_needs_a_supervisor_and_is_sold_at_that_price(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)  # a clerk may not change prices alone
    sale = shell.sale
    _scan_line(qtbot, shell, store.barcodes["CLN-120"])  # ￥69.00
    qtbot.keyClick(sale.table, Qt.Key.Key_F11)
    dialog = shell.actions.dialog
    assert isinstance(dialog, DiscountDialog)
    assert dialog.mode_buttons[DiscountKind.PRICE].isChecked()
    qtbot.keyClicks(dialog.field, "59")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    approval = shell.actions.dialog
    assert isinstance(approval, ApprovalDialog)
    assert sale.cart.lines[0].unit_price_fen == 6_900  # nothing changed before approval
    qtbot.keyClicks(approval.code, "2001")
    qtbot.keyClicks(approval.pin, "2222")
    with qtbot.waitSignal(approval.approved):
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    assert sale.cart.lines[0].unit_price_fen == 5_900
    assert sale.model.index(0, CartModel.PRICE).data() == "￥59.00"
    sold = _pay_exact(qtbot, shell)
    with store.database.reading() as session:
        row = session.scalars(select(SaleLineRow).where(SaleLineRow.sale_id == sold.id)).one()
        assert row.amount_fen == 5_900


def test_nothing_is_sold_before_the_shift_is_opened_with_its_float(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell, float_text=None)  # the offer put off with Esc
    sale = shell.sale
    with qtbot.waitSignal(sale.scan_failed) as failed:
        scan(qtbot, shell, store.barcodes["LIP-520"])
    assert "open the shift" in failed.args[0]
    assert sale.cart.is_empty
    dialog = shell.actions.dialog
    assert isinstance(dialog, OpenShiftDialog)  # offered again, where the clerk looks
    scan(qtbot, shell, store.barcodes["LIP-520"])  # a scan into the offer is not sold
    assert dialog.error.isVisible() and sale.cart.is_empty
    qtbot.keyClicks(dialog.field, "300")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    assert shell.counter.session.shift.float_fen == 30_000
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    _scan_line(qtbot, shell, store.barcodes["LIP-520"])
    assert not sale.cart.is_empty


def test_an_error_banner_goes_with_the_next_good_scan_and_the_next_sale(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)
    sale = shell.sale
    good = store.barcodes["MASK-10"]
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    with qtbot.waitSignal(sale.scan_failed):
        scan(qtbot, shell, wrong)
    assert sale.banner.is_error
    _scan_line(qtbot, shell, good)
    assert not sale.banner.is_error
    with qtbot.waitSignal(sale.scan_failed):
        scan(qtbot, shell, wrong)
    assert sale.banner.is_error
    _pay_exact(qtbot, shell)
    assert not sale.banner.is_error  # the next customer does not see the last one's error


def test_amounts_in_messages_are_in_yuan(qtbot: Any, shell: Any) -> None:
    try:
        settle(10_000, ())
    except TenderError as error:
        assert describe_error(error) == "￥100.00 still to pay"
    else:
        raise AssertionError("an unpaid sale was settled")


def test_the_empty_sale_asks_for_a_scan_and_takes_a_typed_code(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    assert shell.window.top_bar.clerk.text().startswith("Store manager ")  # not "Clerk"
    assert shell.window.status.clerk_label.text().startswith("Store manager: ")
    sale = shell.sale
    assert sale.empty_hint.isVisible() and sale.empty_hint.text() == "Scan the product barcode"
    qtbot.mouseClick(sale.code_entry, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(sale.line_added):
        qtbot.keyClicks(sale.code_entry, "CLN-120")
        qtbot.keyClick(sale.code_entry, Qt.Key.Key_Return)
    assert [line.sku_code for line in sale.cart.lines] == ["CLN-120"]
    assert not sale.empty_hint.isVisible()
