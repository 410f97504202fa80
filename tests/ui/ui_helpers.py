"""Driving the counter app the way a clerk does."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from redhome_pos.domain.staff import ScryptCost
from redhome_pos.services import shifts as shift_service

SECRET = "test-secret-of-the-store"

CHEAP = ScryptCost(n=2**4, r=1, p=1)  # PIN hashing cost for tests only


def log_in(
    qtbot: Any, shell: Any, code: str = "1001", pin: str = "1111", *, float_text: str | None = "500"
) -> None:
    """Log in with the PIN pad; the shift opening offered at a till with no open shift is
    answered with ``float_text`` counted (``None``: Esc, the shift stays closed)."""
    login = shell.login
    login.staff_code.clear()
    qtbot.keyClicks(login.staff_code, code)
    qtbot.keyClick(login.staff_code, Qt.Key.Key_Return)
    for digit in pin:
        qtbot.mouseClick(login.pad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(login.pad.buttons["OK"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not shell.window.is_locked)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None or _offered(shell))
    dialog = shell.actions.dialog
    if not _offered(shell):
        return
    if float_text is None:
        qtbot.keyClick(dialog.field, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: shell.actions.dialog is None)
        return
    qtbot.keyClicks(dialog.field, float_text)
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)


def _offered(shell: Any) -> bool:
    from ui.dialogs.open_shift import OpenShiftDialog

    return isinstance(getattr(shell.actions, "dialog", None), OpenShiftDialog)


def open_shift(shell: Any, float_fen: int = 50_000) -> None:
    """A shift open at the till (logging in has usually opened it already)."""
    counter = shell.counter
    clerk = counter.session.clerk
    if shift_service.current_shift(counter.database, counter.till) is None:
        shift_service.open_shift(counter.database, counter.till, clerk, float_fen)
    shell.refresh_shift()


def scan(qtbot: Any, shell: Any, text: str, target: QWidget | None = None) -> None:
    """A scanner burst: fast keys and Enter into the widget a clerk's focus would be in."""
    if target is None:
        dialog = getattr(getattr(shell, "actions", None), "dialog", None)
        if dialog is not None:
            target = dialog.focusWidget() or dialog
        else:
            screen = shell.window.current_screen()
            target = screen.focusWidget() or screen
    qtbot.keyClicks(target, text)
    qtbot.keyClick(target, Qt.Key.Key_Return)


def type_chinese(widget: QWidget, text: str) -> None:
    """keyClicks aborts on non-ASCII offscreen: commit the text as an input method does."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
