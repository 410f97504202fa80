"""The manager's screens behind one navigation button, so the navigation fits a 1024×768
screen: a choice of screens wrapping onto a second row when they do not fit in one (no choice
scrolls out of sight), the chosen screen below. Each choice shows only to roles with its
permission; scans go to the screen shown."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QButtonGroup, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from redhome_pos.domain.staff import Permission, Staff
from ui.flow_layout import FlowLayout


@dataclass
class HubTab:
    key: str
    widget: QWidget
    permission: Permission
    button: QPushButton


class ManagerHub(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = QWidget()
        self.choices.setObjectName("hubChoices")
        self._flow = FlowLayout(self.choices)
        self._flow.setContentsMargins(9, 0, 9, 0)  # in line with the screens below
        self.choices.setStyleSheet("QPushButton#choice { padding: 4px 9px; }")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.stack = QStackedWidget()
        self.stack.currentChanged.connect(lambda _index: self.activate())
        self.entries: dict[str, HubTab] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.choices)
        column.addWidget(self.stack, 1)
        # The next and previous screen from the keyboard, as a tab widget's own keys.
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+Tab", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self.step(step))

    def add(self, key: str, title: str, widget: QWidget, permission: Permission) -> None:
        button = QPushButton(title)
        button.setObjectName("choice")
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda *_: self.show_tab(key))
        self._group.addButton(button)
        self._flow.addWidget(button)
        self.entries[key] = HubTab(key, widget, permission, button)
        self.stack.addWidget(widget)
        if self.stack.count() == 1:
            button.setChecked(True)

    def show_tab(self, key: str) -> None:
        entry = self.entries[key]
        entry.button.setChecked(True)
        self.stack.setCurrentWidget(entry.widget)

    def step(self, by: int) -> None:
        """Show the next (``by`` 1) or previous (-1) screen this person may use."""
        keys = [key for key in self.entries if self.allowed(key)]
        if keys:
            at = keys.index(self.current_key()) if self.current_key() in keys else 0
            self.show_tab(keys[(at + by) % len(keys)])

    def allowed(self, key: str) -> bool:
        return not self.entries[key].button.isHidden()

    def gate(self, clerk: Staff | None) -> bool:
        """Shows the tabs ``clerk`` may use; True when there is at least one."""
        any_shown = False
        for tab in self.entries.values():
            shown = clerk is not None and clerk.may(tab.permission)
            tab.button.setHidden(not shown)
            any_shown = any_shown or shown
        if any_shown and not self.allowed(self.current_key()):
            first = next(t for t in self.entries.values() if self.allowed(t.key))
            self.show_tab(first.key)
        return any_shown

    def current_key(self) -> str:
        current = self.stack.currentWidget()
        return next((t.key for t in self.entries.values() if t.widget is current), "")

    def activate(self) -> None:
        activate = getattr(self.stack.currentWidget(), "activate", None)
        if callable(activate):
            activate()

    def handle_scan(self, text: str) -> None:
        handler = getattr(self.stack.currentWidget(), "handle_scan", None)
        if callable(handler):
            handler(text)
