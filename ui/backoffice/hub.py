"""The manager's screens as tabs behind one navigation button, so the navigation fits a
1024×768 screen. Each tab shows only to roles with its permission; scans go to the open tab."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from redhome_pos.domain.staff import Permission, Staff
from ui.backoffice.tables import TAB_STYLE


@dataclass
class HubTab:
    key: str
    widget: QWidget
    permission: Permission


class ManagerHub(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet(TAB_STYLE)
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(lambda _index: self.activate())
        self.entries: dict[str, HubTab] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs)

    def add(self, key: str, title: str, widget: QWidget, permission: Permission) -> None:
        self.entries[key] = HubTab(key, widget, permission)
        self.tabs.addTab(widget, title)

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentWidget(self.entries[key].widget)

    def allowed(self, key: str) -> bool:
        return self.tabs.isTabVisible(self.tabs.indexOf(self.entries[key].widget))

    def gate(self, clerk: Staff | None) -> bool:
        """Shows the tabs ``clerk`` may use; True when there is at least one."""
        any_shown = False
        for tab in self.entries.values():
            shown = clerk is not None and clerk.may(tab.permission)
            self.tabs.setTabVisible(self.tabs.indexOf(tab.widget), shown)
            any_shown = any_shown or shown
        if any_shown and not self.allowed(self.current_key()):
            first = next(t for t in self.entries.values() if self.allowed(t.key))
            self.show_tab(first.key)
        return any_shown

    def current_key(self) -> str:
        current = self.tabs.currentWidget()
        return next((t.key for t in self.entries.values() if t.widget is current), "")

    def activate(self) -> None:
        activate = getattr(self.tabs.currentWidget(), "activate", None)
        if callable(activate):
            activate()

    def handle_scan(self, text: str) -> None:
        handler = getattr(self.tabs.currentWidget(), "handle_scan", None)
        if callable(handler):
            handler(text)
