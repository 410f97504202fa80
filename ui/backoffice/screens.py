"""Slots the back-office screens into the main window (``add_screen``) and shows each one's
navigation button only to the roles whose permission it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from redhome_pos.domain.staff import Permission, Staff
from ui.backoffice.counts import CountsScreen
from ui.backoffice.inventory import InventoryScreen
from ui.backoffice.notes import NotesManagerScreen
from ui.backoffice.orders import OrdersScreen
from ui.backoffice.reconciliation import ReconciliationScreen
from ui.backoffice.reports import ReportsScreen
from ui.backoffice.staff import StaffScreen
from ui.backoffice.store_settings import StoreSettingsScreen
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.shell import Shell

# screen key -> the permission a clerk needs to see it (None: everyone logged in)
NEEDS: dict[str, Permission | None] = {
    "orders": None,
    "counts": None,
    "inventory": None,
    "reconciliation": Permission.RECONCILE,
    "note-links": Permission.RECONCILE,  # a manager's view of the notes
    "reports": Permission.RECONCILE,  # the managers' figures
    "staff": Permission.MANAGE_STAFF,
    "store-settings": Permission.SETTINGS,
}


def add_backoffice_screens(shell: Shell, window: MainWindow) -> None:
    counter = shell.counter
    orders = OrdersScreen(counter)
    shell.orders = orders  # type: ignore[attr-defined]
    window.add_screen(
        "orders", QCoreApplication.translate("BackOffice", "Online orders"), orders, "Ctrl+5"
    )
    counts = CountsScreen(counter)
    shell.counts = counts  # type: ignore[attr-defined]
    window.add_screen(
        "counts", QCoreApplication.translate("BackOffice", "Stock counts"), counts, "Ctrl+6"
    )
    inventory = InventoryScreen(counter)
    shell.inventory = inventory  # type: ignore[attr-defined]
    window.add_screen("inventory", QCoreApplication.translate("BackOffice", "Inventory"), inventory)
    reconciliation = ReconciliationScreen(counter)
    shell.reconciliation = reconciliation  # type: ignore[attr-defined]
    window.add_screen(
        "reconciliation",
        QCoreApplication.translate("BackOffice", "Reconciliation"),
        reconciliation,
        "Ctrl+7",
    )
    note_links = NotesManagerScreen(counter)
    shell.note_links = note_links  # type: ignore[attr-defined]
    window.add_screen(
        "note-links", QCoreApplication.translate("BackOffice", "Note links"), note_links
    )
    reports = ReportsScreen(counter)
    shell.reports = reports  # type: ignore[attr-defined]
    window.add_screen("reports", QCoreApplication.translate("BackOffice", "Reports"), reports)
    staff = StaffScreen(counter)
    shell.staff_screen = staff  # type: ignore[attr-defined]
    window.add_screen("staff", QCoreApplication.translate("BackOffice", "Staff"), staff)
    store_settings = StoreSettingsScreen(counter)
    shell.store_settings = store_settings  # type: ignore[attr-defined]
    window.add_screen(
        "store-settings",
        QCoreApplication.translate("BackOffice", "Store settings"),
        store_settings,
        "Ctrl+8",
    )
    gate = NavGate(window)
    counter.session.clerk_changed.connect(gate.show_for)
    gate.show_for(counter.session.clerk)


class NavGate(QObject):
    """Shows a screen's button only to those allowed; it lives and dies with its window, so a
    rebuilt window (language switch) leaves no connection to a deleted button behind."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def show_for(self, clerk: Staff | None) -> None:
        for key, permission in NEEDS.items():
            entry = self.window.entries.get(key)
            if entry is not None:
                entry.button.setVisible(
                    permission is None or (clerk is not None and clerk.may(permission))
                )
