"""The customer display (客显) follows the sale: lines and savings as scanned, the payment code
asked for while paying, the change and the receipt's QR once paid; shown as configured."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from ui_helpers import log_in, scan

from ui.customer_display import CustomerDisplay
from ui.dialogs.tender import TenderDialog


def _clerk_with_a_second_screen(qtbot: Any, shell: Any) -> CustomerDisplay:
    """A clerk logged in and the display shown; the clerk's window keeps the keys (the
    offscreen platform activates a window shown, which a desktop does not do for one shown
    without activating)."""
    log_in(qtbot, shell)
    display = shell.customer_display
    assert display.place("on")
    qtbot.waitUntil(display.isVisible)
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    return display


def test_the_customer_sees_the_lines_the_payment_and_the_change(
    qtbot: Any, shell: Any, store: Any
) -> None:
    display = _clerk_with_a_second_screen(qtbot, shell)
    assert display.state == CustomerDisplay.WELCOME
    sale = shell.sale
    for code in ("LIP-520", "LIP-520", "CLN-120"):
        with qtbot.waitSignal(sale.line_added):
            scan(qtbot, shell, store.barcodes[code])
    qtbot.waitUntil(lambda: display.total.text() == "￥325.00")  # shown after the clerk's
    assert display.state == CustomerDisplay.CART
    assert display.lines.rowCount() == 2
    assert display.lines.item(0, 0).text() == "小红书限定丝绒雾面口红\n色号：#520 烂番茄"
    assert display.lines.item(0, 1).text() == "2 × ￥128.00"
    assert display.total.text() == "￥325.00"
    assert display.items.text() == "3 items"

    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    assert display.state == CustomerDisplay.PAYING
    assert display.ask.text() == "Please show your payment code"
    assert display.due.text() == "￥325.00"
    with qtbot.waitSignal(tender.sale_completed):
        qtbot.keyClicks(tender.cash_field, "500")
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    assert display.state == CustomerDisplay.THANKS
    assert display.change.text() == "￥175.00" and display.change.isVisibleTo(display)
    assert not display.qr.pixmap().isNull()  # the receipt's code, for a return later
    qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)  # next customer
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    assert display.state == CustomerDisplay.THANKS  # stays until the next scan
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["MASK-10"])
    qtbot.waitUntil(lambda: display.total.text() == "￥99.00")
    assert display.state == CustomerDisplay.CART
    assert display.items.text() == "1 item"  # the English catalog's plural forms
    display.hide()


def test_a_display_on_no_screen_catches_up_when_shown(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    display = shell.customer_display
    sale = shell.sale
    for code in ("LIP-520", "CLN-120"):
        with qtbot.waitSignal(sale.line_added):
            scan(qtbot, shell, store.barcodes[code])
    qtbot.wait(50)
    # One screen: the display is not drawn, and works nothing out for each scan.
    assert display.state == CustomerDisplay.WELCOME and display.lines.rowCount() == 0
    assert display.place("on")
    qtbot.waitUntil(display.isVisible)
    assert display.state == CustomerDisplay.CART and display.lines.rowCount() == 2
    assert display.total.text() == "￥197.00"
    display.hide()


def test_paying_is_not_undone_by_a_cart_change_not_yet_shown(
    qtbot: Any, shell: Any, store: Any
) -> None:
    display = _clerk_with_a_second_screen(qtbot, shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    qtbot.keyClick(sale.table, Qt.Key.Key_F12)  # at once: the scan's update may still wait
    assert isinstance(shell.actions.dialog, TenderDialog)
    qtbot.wait(50)
    assert display.state == CustomerDisplay.PAYING and display.due.text() == "￥128.00"
    shell.actions.dialog.reject()
    qtbot.waitUntil(lambda: display.state == CustomerDisplay.CART)
    display.hide()


def test_shown_only_as_configured(qtbot: Any, shell: Any) -> None:
    display = shell.customer_display
    assert not display.isVisible()  # auto with one screen: nothing to show it on
    assert display.place("off") is False and not display.isVisible()
    assert display.place("on") is True
    qtbot.waitUntil(display.isVisible)
    display.hide()
