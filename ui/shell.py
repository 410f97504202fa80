"""The shell: builds the window and its screens for a context and wires them together.

Switching language rebuilds the window (every string is set through ``tr()`` when built);
the clerk stays logged in and the cart is kept.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QDialog

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.shift import Shift
from redhome_pos.domain.staff import StaffSession
from redhome_pos.services import shifts as shift_service
from ui import jobs
from ui.app import apply_scale, current_language, install_language
from ui.context import AppContext
from ui.counter import Counter
from ui.main_window import MainWindow
from ui.scan_filter import ScanFilter
from ui.screens.login import LoginScreen
from ui.screens.notes import NotesScreen
from ui.screens.returns import ReturnsScreen
from ui.screens.sale import SaleScreen
from ui.screens.settings import SettingsScreen
from ui.screens.shift import ShiftScreen
from ui.status import StatusPoller

if TYPE_CHECKING:
    from ui.counter_actions import CounterActions
    from ui.customer_display import CustomerDisplay
    from ui.lot_guard import LotGuard
    from ui.wiring import SaleActions


class Shell(QObject):
    """Owns the window, the counter services and the application-wide scan filter."""

    # Set by ``ui.wiring.wire_screens`` each time the window is built.
    actions: SaleActions
    counter_actions: CounterActions
    customer_display: CustomerDisplay
    lot_guard: LotGuard

    def __init__(
        self, context: AppContext, app: QApplication, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.app = app
        self.scan_filter = ScanFilter(parent=self)
        scanning = getattr(context.config, "scanning", None)
        if scanning is not None:
            self.scan_filter.detector.max_interval_ms = scanning.burst_max_interval_ms
            self.scan_filter.detector.min_length = scanning.burst_min_length
        self.scan_filter.scanned.connect(self.route_scan)
        self.counter = Counter(context, current_language(), self)
        self.window: MainWindow = self._build()
        # Installed once the window is built: building sends thousands of events it need not see.
        app.installEventFilter(self.scan_filter)

    # -- building ------------------------------------------------------------------------------
    def _build(self, cart: Cart | None = None, clerk: StaffSession | None = None) -> MainWindow:
        counter = self.counter
        counter.language = current_language()
        self.login = LoginScreen(
            counter.worker,
            lambda code, pin: jobs.log_in_with_pin(counter.database, counter.till, code, pin),
            lambda badge: jobs.log_in_with_badge(
                counter.database, counter.till, counter.scan_settings(), badge
            ),
            self.context.store_name,
        )
        window = MainWindow(
            counter.session,
            self.login,
            self.context.store_name,
            self.context.terminal_id,
            timezone=self.context.timezone,
        )
        window.scale_wanted.connect(lambda scale: apply_scale(self.app, scale))
        self.login.logged_in.connect(counter.session.log_in)
        self.login.logged_in.connect(lambda _staff: self.refresh_shift())
        self.sale = SaleScreen(counter)
        if cart is not None:
            self.sale.load_cart(cart)
        window.add_screen("sale", self.tr("Sale"), self.sale, "Ctrl+1")
        self.returns = ReturnsScreen(counter)
        window.add_screen("returns", self.tr("Returns"), self.returns, "Ctrl+2")
        self.notes = NotesScreen(counter)
        window.add_screen("notes", self.tr("RED notes"), self.notes, "Ctrl+3")
        self.shift_screen = ShiftScreen(counter)
        window.add_screen("shift", self.tr("Shift"), self.shift_screen, "Ctrl+4")
        from ui.backoffice.screens import add_backoffice_screens

        add_backoffice_screens(self, window)
        self.settings = SettingsScreen(counter)
        window.add_screen("settings", self.tr("Settings"), self.settings, "Ctrl+9")
        self.settings.language_chosen.connect(self.switch_language)
        from ui.wiring import wire_screens

        wire_screens(self, window)
        self.poller = StatusPoller(window.status, counter.slow_worker, counter.database)
        self.poller.poll()
        if clerk is not None:
            counter.session.log_in(clerk)
        window.resize(1024, 768)
        return window

    def refresh_shift(self) -> None:
        """Reads the open shift of this till on the worker; the bars show it."""
        counter = self.counter
        counter.worker.submit(
            partial(shift_service.current_shift, counter.database, counter.till),
            on_done=self._shift_read,
        )

    def _shift_read(self, shift: Shift | None) -> None:
        self.counter.session.set_shift(shift)
        if shift is None:
            self.actions.offer_shift()  # opening the shift is the first thing after login

    def show(self) -> None:
        self.window.show()

    def switch_language(self, language: str) -> None:
        install_language(self.app, language)
        cart = self.sale.cart
        clerk = self.counter.session.clerk
        screen = self.window.current_screen()
        key = next((k for k, e in self.window.entries.items() if e.widget is screen), "sale")
        geometry = self.window.geometry()
        visible = self.window.isVisible()
        old = self.window
        self.window = self._build(cart, clerk)
        self.window.setGeometry(geometry)
        self.window.show_screen(key)
        if visible:
            self.window.show()
        old.close()
        old.deleteLater()

    def stop(self) -> None:
        self.app.removeEventFilter(self.scan_filter)
        self.counter.stop()

    # -- scans ---------------------------------------------------------------------------------
    def route_scan(self, text: str) -> None:
        """A scan goes to the open dialog if it takes scans, else to the login or the screen."""
        modal = QApplication.activeModalWidget()
        if isinstance(modal, QDialog):
            handler = getattr(modal, "handle_scan", None)
            if callable(handler):
                handler(text)
            return
        if self.window.is_locked:
            self.login.log_in_with_badge(text)
            return
        screen = self.window.current_screen()
        handler = getattr(screen, "handle_scan", None)
        if callable(handler):
            handler(text)
        else:
            self.window.show_screen("sale")
            self.sale.handle_scan(text)
