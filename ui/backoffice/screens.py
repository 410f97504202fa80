"""Slots the back-office screens into the main window (``add_screen``): online orders, online
returns, stock counts and inventory for everyone; the manager's screens (reconciliation, reports,
promotions, members, note links, staff, store settings) as tabs behind one button, each only
for the roles whose permission it needs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from redhome_pos.domain.staff import Permission, Staff
from ui.backoffice.after_sales import AfterSalesScreen
from ui.backoffice.counts import CountsScreen
from ui.backoffice.hub import ManagerHub
from ui.backoffice.inventory import InventoryScreen
from ui.backoffice.members import MembersScreen
from ui.backoffice.notes import NotesManagerScreen
from ui.backoffice.orders import OrdersScreen
from ui.backoffice.promotions import PromotionsScreen
from ui.backoffice.reconciliation import ReconciliationScreen
from ui.backoffice.refunds_waiting import RefundsWaitingScreen
from ui.backoffice.reports import ReportsScreen
from ui.backoffice.rewards import RewardsScreen
from ui.backoffice.settlement import SettlementScreen
from ui.backoffice.staff import StaffScreen
from ui.backoffice.store_settings import StoreSettingsScreen
from ui.backoffice.unsold_payments import UnsoldPaymentsScreen
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.shell import Shell

# screen key -> the permission a clerk needs to see it (None: everyone logged in)
NEEDS: dict[str, Permission | None] = {
    "orders": None,
    "after-sales": None,
    "counts": None,
    "inventory": None,
}


# Listed so that pyside6-lupdate finds the titles; ``_t`` translates them when shown.
TITLES = (
    QT_TRANSLATE_NOOP("BackOffice", "Reconciliation"),
    QT_TRANSLATE_NOOP("BackOffice", "Reports"),
    QT_TRANSLATE_NOOP("BackOffice", "Note links"),
    QT_TRANSLATE_NOOP("BackOffice", "Staff"),
    QT_TRANSLATE_NOOP("BackOffice", "Store settings"),
    QT_TRANSLATE_NOOP("BackOffice", "Promotions"),
    QT_TRANSLATE_NOOP("BackOffice", "Members"),
    QT_TRANSLATE_NOOP("BackOffice", "Points rewards"),
    QT_TRANSLATE_NOOP("BackOffice", "Manager"),
    QT_TRANSLATE_NOOP("BackOffice", "Paid, no sale"),
    QT_TRANSLATE_NOOP("BackOffice", "Refunds owed"),
    QT_TRANSLATE_NOOP("BackOffice", "Settlement"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("BackOffice", text)


def show_manager_tab(shell: Shell, key: str) -> None:
    """Opens the manager's screens at one tab (tests and the screenshots use it)."""
    shell.manager.show_tab(key)  # type: ignore[attr-defined]
    shell.window.show_screen("manager")


def add_backoffice_screens(shell: Shell, window: MainWindow) -> None:
    counter = shell.counter
    orders = OrdersScreen(counter)
    shell.orders = orders  # type: ignore[attr-defined]
    title = QCoreApplication.translate("BackOffice", "Online orders")
    window.add_screen("orders", title, orders, "Ctrl+5")
    button = window.entries["orders"].button
    orders.open_count.connect(
        lambda count: button.setText(f"{title} ({count})\nCtrl+5" if count else f"{title}\nCtrl+5")
    )
    orders.refresh()  # the count shows (and new orders announce themselves) from the start
    after_sales = AfterSalesScreen(counter)
    shell.after_sales = after_sales  # type: ignore[attr-defined]
    window.add_screen(
        "after-sales", QCoreApplication.translate("BackOffice", "Online returns"), after_sales
    )
    counts = CountsScreen(counter)
    shell.counts = counts  # type: ignore[attr-defined]
    window.add_screen(
        "counts", QCoreApplication.translate("BackOffice", "Stock counts"), counts, "Ctrl+6"
    )
    inventory = InventoryScreen(counter)
    shell.inventory = inventory  # type: ignore[attr-defined]
    window.add_screen(
        "inventory", QCoreApplication.translate("BackOffice", "Inventory"), inventory, "Ctrl+8"
    )
    hub = ManagerHub()
    shell.manager = hub  # type: ignore[attr-defined]
    reconciliation = ReconciliationScreen(counter)
    shell.reconciliation = reconciliation  # type: ignore[attr-defined]
    hub.add("reconciliation", _t("Reconciliation"), reconciliation, Permission.RECONCILE)
    reports = ReportsScreen(counter)
    shell.reports = reports  # type: ignore[attr-defined]
    hub.add("reports", _t("Reports"), reports, Permission.RECONCILE)
    promotions = PromotionsScreen(counter)
    shell.promotions = promotions  # type: ignore[attr-defined]
    hub.add("promotions", _t("Promotions"), promotions, Permission.MANAGE_PROMOTIONS)
    promotions.saved.connect(lambda _rule: shell.sale.promotions.reload())
    members = MembersScreen(counter)
    shell.members = members  # type: ignore[attr-defined]
    hub.add("members", _t("Members"), members, Permission.MANAGE_PROMOTIONS)
    points_rewards = RewardsScreen(counter)
    shell.points_rewards = points_rewards  # type: ignore[attr-defined]
    hub.add("points-rewards", _t("Points rewards"), points_rewards, Permission.MANAGE_PROMOTIONS)
    add_payment_screens(shell, hub)
    note_links = NotesManagerScreen(counter)
    shell.note_links = note_links  # type: ignore[attr-defined]
    hub.add("note-links", _t("Note links"), note_links, Permission.RECONCILE)
    staff = StaffScreen(counter)
    shell.staff_screen = staff  # type: ignore[attr-defined]
    hub.add("staff", _t("Staff"), staff, Permission.MANAGE_STAFF)
    store_settings = StoreSettingsScreen(counter)
    shell.store_settings = store_settings  # type: ignore[attr-defined]
    hub.add("store-settings", _t("Store settings"), store_settings, Permission.SETTINGS)
    window.add_screen("manager", _t("Manager"), hub, "Ctrl+7")
    gate = NavGate(window, hub)
    counter.session.clerk_changed.connect(gate.show_for)
    gate.show_for(counter.session.clerk)


def add_payment_screens(shell: Shell, hub: ManagerHub) -> None:
    """Payments no sale holds (attached to the sale in the cart, or refunded), refunds still
    owed to customers (asked about again, or paid in cash) and the settlement with the
    providers' bills."""
    from ui.receipts import print_sale

    counter = shell.counter
    unsold = UnsoldPaymentsScreen(counter, lambda: shell.sale.cart)
    shell.unsold_payments = unsold  # type: ignore[attr-defined]
    hub.add("unsold-payments", _t("Paid, no sale"), unsold, Permission.REFUND)

    def attached(sale: object) -> None:
        shell.sale.new_sale()
        print_sale(counter, sale, open_drawer=False)  # type: ignore[arg-type]

    unsold.attached.connect(attached)
    refunds = RefundsWaitingScreen(counter)
    shell.refunds_waiting = refunds  # type: ignore[attr-defined]
    hub.add("refunds-waiting", _t("Refunds owed"), refunds, Permission.REFUND)
    settlement = SettlementScreen(counter)
    shell.settlement = settlement  # type: ignore[attr-defined]
    hub.add("settlement", _t("Settlement"), settlement, Permission.RECONCILE)


class NavGate(QObject):
    """Shows a screen's button only to those allowed; it lives and dies with its window, so a
    rebuilt window (language switch) leaves no connection to a deleted button behind."""

    def __init__(self, window: MainWindow, hub: ManagerHub) -> None:
        super().__init__(window)
        self.window = window
        self.hub = hub

    def show_for(self, clerk: Staff | None) -> None:
        for key, permission in NEEDS.items():
            entry = self.window.entries.get(key)
            if entry is not None:
                entry.button.setVisible(
                    permission is None or (clerk is not None and clerk.may(permission))
                )
        self.window.entries["manager"].button.setVisible(self.hub.gate(clerk))
