"""Action buttons with their F-key printed on them."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from ui.theme import TOUCH_PX


def action_button(
    parent: QWidget,
    title: str,
    key: str,
    slot: Callable[[], None],
    *,
    object_name: str = "",
    height: int = TOUCH_PX + 8,
) -> QPushButton:
    """A touch-sized button reading ``title`` over ``key``; the key works from the screen."""
    button = QPushButton(f"{title}\n{key}" if key else title, parent)
    if object_name:
        button.setObjectName(object_name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # focus stays where scans and typing go
    button.setMinimumHeight(height)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    button.clicked.connect(lambda *_: slot())
    if key:
        shortcut = QShortcut(QKeySequence(key), parent)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(partial(_press_if_enabled, button, slot))
    return button


def _press_if_enabled(button: QPushButton, slot: Callable[[], None]) -> None:
    # A slot must return None: PySide6 mishandles a bool returned to a signal.
    if button.isEnabled():
        slot()
