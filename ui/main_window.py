"""The main window: top bar, navigation, the screens, and a status bar always in view.

Screens are added with ``add_screen`` so the back-office screens slot in beside the counter's.
While nobody is logged in (or the screen is locked) the login screen covers everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.shift import Shift
from redhome_pos.domain.staff import Staff
from ui import words
from ui.session import CounterSession
from ui.status import CounterStatusBar
from ui.theme import scale_for_width


@dataclass
class ScreenEntry:
    key: str
    widget: QWidget
    button: QPushButton


class TopBar(QWidget):
    """Store, terminal, clerk and shift; the lock button."""

    lock_requested = Signal()

    def __init__(
        self,
        store_name: str,
        terminal_id: str,
        session: CounterSession,
        parent: QWidget | None = None,
        timezone: str = "Asia/Shanghai",
    ) -> None:
        super().__init__(parent)
        self.timezone = timezone
        self.setObjectName("topBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        brand = QLabel("REDHOME")
        brand.setObjectName("brand")
        self.store = QLabel(store_name)
        self.terminal = QLabel(self.tr("Terminal {terminal}").format(terminal=terminal_id))
        self.clerk = QLabel()
        self.shift = QLabel()
        self.clock = QLabel()
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.setMinimumHeight(40)
        self.lock_button.clicked.connect(self.lock_requested)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 10, 6)
        row.setSpacing(18)
        for widget in (brand, self.store, self.terminal):
            row.addWidget(widget)
        row.addStretch(1)
        for part in (self.clerk, self.shift, self.clock, self.lock_button):
            row.addWidget(part)
        session.clerk_changed.connect(self.show_clerk)
        session.shift_changed.connect(self.show_shift)
        self.show_clerk(session.clerk)
        self.show_shift(session.shift)
        self._tick()
        timer = QTimer(self)
        timer.timeout.connect(self._tick)
        timer.start(15_000)

    def _tick(self) -> None:
        # The store's clock, as on receipts and reports, whatever the machine's zone is.
        self.clock.setText(datetime.now(ZoneInfo(self.timezone)).strftime("%H:%M"))

    def show_clerk(self, clerk: Staff | None) -> None:
        if clerk is None:
            self.clerk.setText(self.tr("Not logged in"))
        else:
            self.clerk.setText(
                self.tr("{role} {name} · {code}").format(
                    role=words.role(clerk.role.value), name=clerk.name, code=clerk.code
                )
            )
        self.lock_button.setEnabled(clerk is not None)

    def show_shift(self, shift: Shift | None) -> None:
        if shift is None:
            self.shift.setText(self.tr("No shift open"))
        else:
            self.shift.setText(self.tr("Shift #{number}").format(number=shift.id))


class MainWindow(QMainWindow):
    scale_wanted = Signal(float)  # the window crossed the large-screen width

    def __init__(
        self,
        session: CounterSession,
        login: QWidget,
        store_name: str,
        terminal_id: str,
        parent: QWidget | None = None,
        timezone: str = "Asia/Shanghai",
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("REDHOME POS"))
        self.top_bar = TopBar(store_name, terminal_id, session, timezone=timezone)
        self.top_bar.lock_requested.connect(session.lock)

        self.nav = QWidget()
        self.nav.setObjectName("navBar")
        self.nav.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # As wide as its longest label needs (English, large fonts), never narrower than 150.
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(280)
        self.nav_layout = QVBoxLayout(self.nav)
        self.nav_layout.setContentsMargins(0, 8, 0, 8)
        self.nav_layout.setSpacing(2)
        self.nav_layout.addStretch(1)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)

        self.screens = QStackedWidget()
        self.entries: dict[str, ScreenEntry] = {}

        work = QWidget()
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.screens, 1)
        column = QVBoxLayout(work)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.top_bar)
        column.addLayout(body, 1)

        self.login = login
        self.pages = QStackedWidget()
        self.pages.addWidget(work)
        self.pages.addWidget(login)
        self.work = work
        self.setCentralWidget(self.pages)

        self.status = CounterStatusBar(session)
        self.setStatusBar(self.status)
        session.locked.connect(self.show_login)
        session.clerk_changed.connect(self._clerk_changed)
        self.show_login()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.scale_wanted.emit(scale_for_width(self.width()))

    def add_screen(self, key: str, title: str, widget: QWidget, shortcut: str = "") -> None:
        """Adds a screen and its navigation button (``shortcut`` like ``"Ctrl+2"``)."""
        button = QPushButton(f"{title}\n{shortcut}" if shortcut else title)
        button.setObjectName("nav")
        button.setCheckable(True)
        button.setMinimumHeight(56)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda *_, k=key: self.show_screen(k))
        self.nav_group.addButton(button)
        self.nav_layout.insertWidget(self.nav_layout.count() - 1, button)
        self.screens.addWidget(widget)
        self.entries[key] = ScreenEntry(key, widget, button)
        if shortcut:
            action = QShortcut(QKeySequence(shortcut), self)
            action.activated.connect(lambda k=key: self.show_screen(k))
        if len(self.entries) == 1:
            button.setChecked(True)

    def show_screen(self, key: str) -> None:
        entry = self.entries[key]
        entry.button.setChecked(True)
        self.screens.setCurrentWidget(entry.widget)
        activate = getattr(entry.widget, "activate", None)
        if callable(activate):
            activate()

    def current_screen(self) -> QWidget | None:
        """The screen shown; None only before the first screen is added."""
        return self.screens.currentWidget()

    @property
    def is_locked(self) -> bool:
        return self.pages.currentWidget() is self.login

    def show_login(self) -> None:
        reset = getattr(self.login, "reset", None)
        if callable(reset):
            reset(self.session.clerk)
        self.pages.setCurrentWidget(self.login)

    def _clerk_changed(self, clerk: Staff | None) -> None:
        if clerk is None:
            self.show_login()
            return
        self.pages.setCurrentWidget(self.work)
        if self.entries:
            current = self.screens.currentWidget()
            for entry in self.entries.values():
                if entry.widget is current:
                    self.show_screen(entry.key)
