"""Scan errors, a discount that needs approval, and park and recall, through the widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from ui_helpers import log_in, open_shift, scan, type_chinese

from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.persistence.models.counter import ApprovalRow, ParkedCartRow, SaleLineRow
from ui.dialogs.approval import ApprovalDialog
from ui.dialogs.discount import DiscountDialog
from ui.dialogs.recall import ParkDialog, RecallDialog
from ui.dialogs.tender import TenderDialog


def test_a_wrong_check_digit_shows_the_banner_and_keeps_focus(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)
    sale = shell.sale
    sale.activate()
    focus_before = QApplication.focusWidget()
    good = store.barcodes["LIP-520"]
    wrong = good[:-1] + str((int(good[-1]) + 1) % 10)
    with qtbot.waitSignal(sale.scan_failed) as failed:
        scan(qtbot, shell, wrong)
    assert "check digit" in failed.args[0].lower() or "scan again" in failed.args[0].lower()
    assert sale.banner.is_error
    assert QApplication.activeModalWidget() is None  # no dialog: the banner is not modal
    assert QApplication.focusWidget() is focus_before
    assert sale.cart.is_empty
    # The next scan works at once.
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, good)
    assert len(sale.cart.totals().lines) == 1


def test_an_unknown_code_says_so(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    unknown = make_ean13("690123499999")
    with qtbot.waitSignal(shell.sale.scan_failed) as failed:
        scan(qtbot, shell, unknown)
    assert f"No product has the code {unknown}" in failed.args[0]


def test_a_discount_above_the_clerks_limit_needs_a_managers_pin(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)  # a clerk: 10 % without approval
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    qtbot.keyClick(sale.table, Qt.Key.Key_F4)
    dialog = shell.actions.dialog
    assert isinstance(dialog, DiscountDialog)
    qtbot.keyClicks(dialog.field, "8")  # 8 折: the customer pays 80 %
    qtbot.mouseClick(dialog.pad.buttons["OK"], Qt.MouseButton.LeftButton)
    approval = shell.actions.dialog
    assert isinstance(approval, ApprovalDialog)
    assert sale.cart.totals().discount_fen == 0  # nothing given before the approval
    # A wrong PIN is refused and the dialog stays.
    qtbot.keyClicks(approval.code, "3001")
    qtbot.keyClicks(approval.pin, "9999")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: approval.error.isVisible())
    assert "wrong PIN" in approval.error.text()
    for digit in "3333":
        qtbot.mouseClick(approval.pad.buttons[digit], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(approval.approved) as approved:
        qtbot.mouseClick(approval.pad.buttons["OK"], Qt.MouseButton.LeftButton)
    approval_id = approved.args[0]
    totals = sale.cart.totals()
    assert totals.discount_fen == 2_560 and totals.total_fen == 10_240
    assert sale.cart.lines[0].discount_approval_id == approval_id

    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    with qtbot.waitSignal(tender.sale_completed) as completed:
        qtbot.mouseClick(tender.quick["exact"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(tender.complete_button, Qt.MouseButton.LeftButton)
    sold = completed.args[0]
    with store.database.reading() as session:
        approval_row = session.get(ApprovalRow, approval_id)
        assert approval_row is not None
        assert approval_row.action == "discount_above_limit"
        assert approval_row.approver_id == store.staff["3001"].id
        assert approval_row.requested_by == store.staff["1001"].id
        assert approval_row.used_at is not None  # the sale consumed it
        line = session.scalars(select(SaleLineRow).where(SaleLineRow.sale_id == sold.id)).one()
        assert (line.discount_fen, line.amount_fen) == (2_560, 10_240)


def test_park_and_recall(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["MASK-10"])
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["CLN-120"])
    parked_total = sale.cart.totals().total_fen
    qtbot.keyClick(sale.table, Qt.Key.Key_F5)
    note = shell.actions.dialog
    assert isinstance(note, ParkDialog)
    type_chinese(note.field, "顾客去取钱")
    qtbot.keyClick(note.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: sale.cart.is_empty)
    with store.database.reading() as session:
        rows = session.scalars(select(ParkedCartRow)).all()
        assert len(rows) == 1

    # Another customer in between.
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    qtbot.keyClick(sale.table, Qt.Key.Key_F6)
    assert shell.actions.dialog is None  # refused while a sale is under way
    assert sale.banner.is_error
    qtbot.keyClick(sale.table, Qt.Key.Key_Delete)
    assert sale.cart.is_empty

    qtbot.keyClick(sale.table, Qt.Key.Key_F6)
    dialog = shell.actions.dialog
    assert isinstance(dialog, RecallDialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    listed = dialog.list.item(0).text()  # amount, items and the note to tell sales apart
    assert "2 items" in listed and "￥168.00" in listed and "顾客去取钱" in listed
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not sale.cart.is_empty)
    assert sale.cart.totals().total_fen == parked_total
    assert [line.sku_code for line in sale.cart.lines] == ["MASK-10", "CLN-120"]
    with store.database.reading() as session:
        assert session.scalars(select(ParkedCartRow)).all() == []  # it left the parked list


def test_search_as_you_type_in_chinese_and_add_with_enter(
    qtbot: Any, shell: Any, store: Any
) -> None:
    from ui_helpers import type_chinese

    from redhome_pos.services.catalog_search import rebuild_index

    rebuild_index(store.database)
    log_in(qtbot, shell)
    sale = shell.sale
    qtbot.keyClick(sale.table, Qt.Key.Key_F2)
    overlay = sale.search
    assert overlay.isVisible()
    with qtbot.waitSignal(overlay.results_shown) as shown:
        type_chinese(overlay.field, "口红")
    assert shown.args == [1]
    assert overlay.model.rows[0].code == "LIP-520"
    assert overlay.model.data(overlay.model.index(0, 2)) == "20"  # stock shown
    assert (
        overlay.model.data(overlay.model.index(0, 0)) == "小红书限定丝绒雾面口红\n色号：#520 烂番茄"
    )
    with qtbot.waitSignal(sale.line_added):
        qtbot.keyClick(overlay.field, Qt.Key.Key_Return)
    assert not overlay.isVisible()
    assert [line.sku_code for line in sale.cart.lines] == ["LIP-520"]

    # Pinyin initials find it too (洁面乳: jmr).
    qtbot.keyClick(sale.table, Qt.Key.Key_F2)
    overlay.field.clear()
    with qtbot.waitSignal(overlay.results_shown):
        qtbot.keyClicks(overlay.field, "jmr")
    assert [view.code for view in overlay.model.rows] == ["CLN-120"]
    qtbot.keyClick(overlay.field, Qt.Key.Key_Escape)
    assert not overlay.isVisible()


def test_f1_lists_the_keys(qtbot: Any, shell: Any) -> None:
    from PySide6.QtWidgets import QDialogButtonBox, QLabel

    from ui.dialogs.keys_help import KeysHelpDialog

    log_in(qtbot, shell)
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F1)
    assert isinstance(shell.actions.dialog, KeysHelpDialog)
    dialog = shell.actions.dialog
    assert "F12" in [label.text() for label in dialog.findChildren(QLabel)]
    close = dialog.findChild(QDialogButtonBox).buttons()[0]
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
