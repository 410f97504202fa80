"""Log in by PIN and by badge, lock the screen, a wrong PIN, and the language switch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import SECRET, log_in, scan

from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.services.counter import Till
from redhome_pos.services.staff_admin import StaffChange, change_staff


def test_wrong_pin_then_lock_and_badge_login(qtbot: Any, shell: Any, store: Any) -> None:
    window = shell.window
    login = shell.login
    assert window.is_locked
    qtbot.keyClicks(login.staff_code, "1001")
    qtbot.keyClick(login.staff_code, Qt.Key.Key_Return)
    qtbot.keyClicks(login.pin, "0000")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(login.message.isVisible)
    assert login.message.text() == "Unknown staff code or wrong PIN"
    assert window.is_locked
    with store.database.reading() as session:
        row = session.scalars(select(StaffRow).where(StaffRow.code == "1001")).one()
        assert row.failed_pins == 1  # counted towards the lockout

    log_in(qtbot, shell)
    assert shell.counter.session.clerk.code == "1001"
    assert "王小红" in window.top_bar.clerk.text()
    assert "王小红" in window.status.clerk_label.text()

    qtbot.mouseClick(window.top_bar.lock_button, Qt.MouseButton.LeftButton)
    assert window.is_locked
    assert "王小红" in login.locked_by.text()  # who locked it stays in view

    # A manager's badge needs the PIN as well (the default rule): the badge fills in the
    # staff code and the PIN is asked for.
    till = Till("SH001", "T1", code_secret=SECRET)
    manager, supervisor = store.staff["3001"], store.staff["2001"]
    badges = {
        person.code: change_staff(
            store.database, till, manager, StaffChange(person.id, badge=True)
        ).badge_code
        for person in (manager, supervisor)
    }
    scan(qtbot, shell, badges["3001"], target=login.staff_code)
    qtbot.waitUntil(login.message.isVisible)
    assert login.message.text() == "张店长: type your PIN as well"
    assert login.staff_code.text() == "3001" and window.is_locked
    login.staff_code.clear()

    # The supervisor scans their badge at the lock screen; a plain badge is refused.
    scan(qtbot, shell, "RH-STAFF-2001", target=login.staff_code)
    qtbot.waitUntil(lambda: "only the badges" in login.message.text())
    scan(qtbot, shell, badges["2001"], target=login.staff_code)
    qtbot.waitUntil(lambda: not window.is_locked)
    assert shell.counter.session.clerk.code == "2001"
    assert login.staff_code.text() == ""  # the badge never lands in the field


def test_switching_to_chinese_keeps_the_clerk_and_the_cart(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["MASK-10"])
    shell.window.show_screen("settings")
    qtbot.mouseClick(shell.settings.language_buttons["zh_CN"], Qt.MouseButton.LeftButton)
    window = shell.window
    assert not window.is_locked
    assert window.current_screen() is shell.settings
    assert shell.counter.language == "zh_CN"
    assert window.top_bar.lock_button.text() == "锁屏"
    assert [line.sku_code for line in shell.sale.cart.lines] == ["MASK-10"]
    assert shell.sale.buttons["pay"].text() == "收款\nF12"
    qtbot.mouseClick(shell.settings.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert shell.window.top_bar.lock_button.text() == "Lock"
