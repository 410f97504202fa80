"""Who is at the counter and which shift is open: shown everywhere, changed in one place."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from redhome_pos.domain.shift import Shift
from redhome_pos.domain.staff import StaffSession
from redhome_pos.services.sessions import not_logged_in


class CounterSession(QObject):
    """The clerk and the shift of this terminal; signals tell the top bar and status bar."""

    clerk_changed = Signal(object)  # StaffSession | None
    shift_changed = Signal(object)  # Shift | None
    locked = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clerk: StaffSession | None = None
        self.shift: Shift | None = None

    def log_in(self, clerk: StaffSession) -> None:
        self.clerk = clerk
        self.clerk_changed.emit(clerk)

    def acting(self, fail: Callable[[object], None]) -> StaffSession | None:
        """The clerk, for a change to the store; with nobody logged in, ``fail`` is told the
        refusal the services would give and the answer is None."""
        if self.clerk is None:
            fail(not_logged_in())
        return self.clerk

    def log_out(self) -> None:
        self.clerk = None
        self.clerk_changed.emit(None)
        self.locked.emit()

    def lock(self) -> None:
        """Locks the screen; the clerk stays the owner of the sale until someone else logs in."""
        self.locked.emit()

    def set_shift(self, shift: Shift | None) -> None:
        self.shift = shift
        self.shift_changed.emit(shift)
