"""Lots at the counter, through the widgets: a GS1 code sells its own lot, a lot expiring
soon is shown, an expired one is taken off unless a manager allows it with a reason."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from ui_helpers import log_in, open_shift, scan

from redhome_pos.domain.gs1 import element_string, element_string_hri
from redhome_pos.domain.lots import LotChoice
from redhome_pos.services import lots
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from ui.dialogs.approval import ApprovalDialog
from ui.dialogs.tender import TenderDialog
from ui.lot_guard import ExpiredDialog

# The counter runs on the real clock and counts days in the store's time zone, which is a day
# ahead of this machine's between 16:00 and 24:00 UTC.
TODAY = datetime.now(ZoneInfo("Asia/Shanghai")).date()
SOON = TODAY + timedelta(days=10)
LATE = TODAY + timedelta(days=300)
PAST = TODAY - timedelta(days=3)


@pytest.fixture
def lot_store(store: Any) -> Any:
    manager = store.staff["3001"]
    db = store.database
    lots.set_lot_tracked(db, Till("SH001", "T1"), manager, ["LIP-520"], True)
    for lot, expiry in (("L-PAST", PAST), ("L-SOON", SOON), ("L-LATE", LATE)):
        stock_service.receive(
            db, store.sku_ids["LIP-520"], 2, terminal_id="T1", staff=manager,
            lot=lot, expiry=expiry,
        )  # fmt: skip
    return store


def gs1(store: Any, lot: str, expiry: date) -> str:
    """The printed form of a lot's GS1 code, as a scanner set to send it would."""
    return element_string_hri(element_string(store.barcodes["LIP-520"], lot=lot, expiry=expiry))


def test_a_gs1_code_sells_its_own_lot_and_one_expiring_soon_is_shown(
    qtbot: Any, shell: Any, lot_store: Any
) -> None:
    log_in(qtbot, shell)
    open_shift(shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, gs1(lot_store, "L-SOON", SOON))
    line = sale.cart.lines[0]
    assert (line.lot, line.lot_expiry) == ("L-SOON", SOON)
    qtbot.waitUntil(lambda: "L-SOON" in sale.banner.text())
    assert "10 days left" in sale.banner.text()

    # The plain barcode: the first-expiring lot in date (L-SOON), on its own line.
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, lot_store.barcodes["LIP-520"])
    assert [(x.lot, x.quantity) for x in sale.cart.lines] == [("L-SOON", 1), (None, 1)]

    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    with qtbot.waitSignal(tender.sale_completed) as completed:
        qtbot.mouseClick(tender.quick["exact"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(tender.complete_button, Qt.MouseButton.LeftButton)
    sold = completed.args[0]
    assert [[(t.lot_code, t.chosen_by) for t in x.lots] for x in sold.lines] == [
        [("L-SOON", LotChoice.SCAN)],
        [("L-SOON", LotChoice.FEFO)],
    ]


def test_an_expired_lot_is_taken_off_the_sale(qtbot: Any, shell: Any, lot_store: Any) -> None:
    log_in(qtbot, shell)
    open_shift(shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, gs1(lot_store, "L-PAST", PAST))
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, ExpiredDialog))
    dialog = shell.actions.dialog
    qtbot.keyClick(dialog.remove_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.cart.is_empty)
    assert "Expired goods taken off" in sale.banner.text()


def test_a_manager_allows_an_expired_lot_with_a_reason(
    qtbot: Any, shell: Any, lot_store: Any
) -> None:
    log_in(qtbot, shell)
    open_shift(shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, gs1(lot_store, "L-PAST", PAST))
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, ExpiredDialog))
    dialog = shell.actions.dialog
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()  # a reason first
    qtbot.keyClicks(dialog.reason, "customer takes it knowingly")
    qtbot.mouseClick(dialog.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, ApprovalDialog))
    approval = shell.actions.dialog
    qtbot.keyClicks(approval.code, "3001")
    qtbot.keyClicks(approval.pin, "3333")
    with qtbot.waitSignal(approval.approved):
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.cart.lines[0].expired_approval_id is not None)
    assert sale.cart.lines[0].expired_reason == "customer takes it knowingly"
    qtbot.waitUntil(lambda: shell.actions.dialog is None)

    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    with qtbot.waitSignal(tender.sale_completed) as completed:
        qtbot.mouseClick(tender.quick["exact"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(tender.complete_button, Qt.MouseButton.LeftButton)
    assert completed.args[0].lines[0].lots[0].chosen_by is LotChoice.OVERRIDE


def test_a_delivery_received_by_lot_in_the_back_office(
    qtbot: Any, shell: Any, lot_store: Any
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    screen = shell.inventory
    shell.window.show_screen("inventory")
    screen.tabs.setCurrentIndex(1)
    screen.reference.setText("DN-LOT-1")
    screen.start_button.click()
    qtbot.waitUntil(lambda: screen.receiving_id is not None)
    new_lot = TODAY + timedelta(days=400)
    with qtbot.waitSignal(screen.received):
        scan(qtbot, shell, gs1(lot_store, "N-1", new_lot))
    # A label without a GS1 code: the lot and date typed first.
    screen.lot_field.setText("N-2")
    screen.expiry_field.setText(new_lot.strftime("%Y/%m/%d"))
    with qtbot.waitSignal(screen.received):
        scan(qtbot, shell, lot_store.barcodes["LIP-520"])
    assert screen.delivery_table.item(0, 6).text() == (
        f"N-1×1 ({new_lot.isoformat()}), N-2×1 ({new_lot.isoformat()})"
    )
    with qtbot.waitSignal(screen.delivery_posted):
        screen.post_button.click()
    with lot_store.database.reading() as session:
        from redhome_pos.persistence.repositories.lots import LotRepository

        found = {
            lv.lot_code: lv.on_hand
            for lv in LotRepository(session).levels(lot_store.sku_ids["LIP-520"])
        }
    assert (found["N-1"], found["N-2"]) == (1, 1)

    # A date typed wrong is refused in words, and nothing is counted.
    screen.start_button.click()
    qtbot.waitUntil(lambda: screen.delivery == [] and screen.receiving_id is not None)
    screen.lot_field.setText("N-3")
    screen.expiry_field.setText("31.13.2027")
    scan(qtbot, shell, lot_store.barcodes["LIP-520"])
    qtbot.waitUntil(lambda: "year-month-day" in screen.banner.text())
    assert screen.delivery == []


def test_the_expiring_soon_list_shows_lots_soonest_first_with_the_value_at_stake(
    qtbot: Any, shell: Any, lot_store: Any
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    screen = shell.inventory
    shell.window.show_screen("inventory")
    panel = screen.expiring
    with qtbot.waitSignal(panel.shown):
        screen.tabs.setCurrentWidget(panel)
    table = panel.table
    rows = [[table.item(r, c).text() for c in (2, 3, 4, 5)] for r in range(table.rowCount())]
    assert rows == [
        ["L-PAST", PAST.isoformat(), "Expired", "2"],
        ["L-SOON", SOON.isoformat(), "10", "2"],
    ]
    assert "Lots: 2 · units: 4 · at stake: ￥512.00 · lots expired: 1" in panel.summary.text()
    panel.days.setValue(400)
    with qtbot.waitSignal(panel.shown):
        panel.refresh_button.click()
    assert table.rowCount() == 3
