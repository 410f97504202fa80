"""Our widgets keep Qt's own methods: an attribute named like one (``screen``, ``scroll``)
hides it, and Qt code that asks a panel for its screen, or scrolls it, then fails."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QWidget

QT_METHODS = {
    name
    for name in dir(QWidget)
    if callable(getattr(QWidget, name, None)) and not isinstance(getattr(QWidget, name), Signal)
}


def test_no_widget_of_the_window_hides_a_qt_method(shell: Any) -> None:
    widgets = [shell.window, *shell.window.findChildren(QWidget)]
    hiding = sorted(
        f"{type(widget).__name__}.{name}"
        for widget in widgets
        for name in getattr(widget, "__dict__", {})
        if name in QT_METHODS
    )
    assert hiding == []


def test_the_wallet_refunds_panel_knows_its_screen_and_the_shift_screen_scrolls(
    shell: Any,
) -> None:
    assert isinstance(shell.returns.wallet_refunds.screen(), QScreen)
    shell.shift_screen.scroll(0, 0)  # QWidget.scroll, not a scroll area put in its place
