"""The status bar: online/offline, items waiting to sync, printer state, clerk and shift.

The numbers are read by a background job every few seconds; the bar never queries on the GUI
thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from redhome_pos.domain.shift import Shift
from redhome_pos.domain.staff import Staff
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.print_jobs import (
    FAILED,
    PRINTING,
    QUEUED,
    PrintJobRepository,
)
from sync.status import sync_status
from ui import words
from ui.session import CounterSession
from ui.theme import ERROR_INK
from ui.workers import Worker


@dataclass(frozen=True)
class StatusSnapshot:
    online: bool | None  # None: the sync engine has not tried yet (or there is no online store)
    waiting_to_sync: int
    printer_waiting: int
    printer_failed: int


def read_status(database: Database) -> StatusSnapshot:
    """Runs in the worker thread: the sync engine's last word and the print queue's counts."""
    sync = sync_status(database, recent=0)
    with database.reading() as session:
        counts = PrintJobRepository(session).count_by_status()
    return StatusSnapshot(
        online=sync.online,
        waiting_to_sync=sync.queue_length,
        printer_waiting=counts.get(QUEUED, 0) + counts.get(PRINTING, 0),
        printer_failed=counts.get(FAILED, 0),
    )


class CounterStatusBar(QStatusBar):
    def __init__(self, session: CounterSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.online_label = QLabel()
        self.sync_label = QLabel()
        self.printer_label = QLabel()
        self.clerk_label = QLabel()
        self.shift_label = QLabel()
        for label in (
            self.online_label,
            self.sync_label,
            self.printer_label,
            self.clerk_label,
            self.shift_label,
        ):
            self.addPermanentWidget(label)
        session.clerk_changed.connect(self.show_clerk)
        session.shift_changed.connect(self.show_shift)
        self.show_clerk(session.clerk)
        self.show_shift(session.shift)
        self.show_status(StatusSnapshot(None, 0, 0, 0))

    def show_status(self, status: StatusSnapshot) -> None:
        if status.online is None:
            self.online_label.setText(self.tr("● Offline mode"))
            self.online_label.setStyleSheet("color: #6B6B6B;")
        elif status.online:
            self.online_label.setText(self.tr("● Online"))
            self.online_label.setStyleSheet("color: #1B7F3B;")
        else:
            self.online_label.setText(self.tr("● Offline"))
            self.online_label.setStyleSheet(f"color: {ERROR_INK};")
        self.sync_label.setText(
            self.tr("Waiting to sync: {count}").format(count=status.waiting_to_sync)
        )
        if status.printer_failed:
            self.printer_label.setText(
                self.tr("Printer: {count} failed").format(count=status.printer_failed)
            )
            self.printer_label.setStyleSheet(f"color: {ERROR_INK};")
        elif status.printer_waiting:
            self.printer_label.setText(
                self.tr("Printer: {count} waiting").format(count=status.printer_waiting)
            )
            self.printer_label.setStyleSheet("color: #8A5A00;")
        else:
            self.printer_label.setText(self.tr("Printer: ready"))
            self.printer_label.setStyleSheet("")

    def show_clerk(self, clerk: Staff | None) -> None:
        if clerk is None:
            self.clerk_label.setText(self.tr("Clerk: nobody logged in"))
        else:
            self.clerk_label.setText(
                self.tr("{role}: {name} ({code})").format(
                    role=words.role(clerk.role.value), name=clerk.name, code=clerk.code
                )
            )

    def show_shift(self, shift: Shift | None) -> None:
        if shift is None:
            self.shift_label.setText(self.tr("Shift: closed"))
        else:
            self.shift_label.setText(self.tr("Shift: #{number} open").format(number=shift.id))


class StatusPoller:
    """Asks the worker for a fresh snapshot every ``interval_ms``."""

    def __init__(
        self, bar: CounterStatusBar, worker: Worker, database: Database, interval_ms: int = 5000
    ) -> None:
        self._bar = bar
        self._worker = worker
        self._database = database
        self._busy = False
        self.timer = QTimer(bar)
        self.timer.timeout.connect(self.poll)
        self.timer.start(interval_ms)

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._worker.submit(read_status, self._database, on_done=self._show, on_error=self._failed)

    def _show(self, status: StatusSnapshot) -> None:
        self._busy = False
        self._bar.show_status(status)

    def _failed(self, _error: object) -> None:
        self._busy = False
