"""The status bar: online/offline, items waiting to sync, printer state, clerk and shift.

The numbers are read by a background job every few seconds; the bar never queries on the GUI
thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget
from sqlalchemy import func, select, text

from redhome_pos.domain.shift import Shift
from redhome_pos.domain.staff import Staff
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from ui.session import CounterSession
from ui.workers import Worker


@dataclass(frozen=True)
class StatusSnapshot:
    online: bool | None  # None: no online store configured
    waiting_to_sync: int
    printer_waiting: int
    printer_failed: int


def read_status(database: Database, online: bool | None) -> StatusSnapshot:
    """Runs in the worker thread."""
    with database.reading() as session:
        waiting = session.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.done_at.is_(None))
        )
        printer_waiting = printer_failed = 0
        try:
            rows = session.execute(
                text("SELECT status, count(*) FROM print_jobs GROUP BY status")
            ).all()
        except Exception:  # the print queue's table is not in this database yet
            rows = []
        for status, count in rows:
            if status in {"queued", "pending", "printing", "retry"}:
                printer_waiting += int(count)
            elif status in {"failed", "error"}:
                printer_failed += int(count)
    return StatusSnapshot(online, int(waiting or 0), printer_waiting, printer_failed)


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
            self.online_label.setStyleSheet("color: #9E0F24;")
        self.sync_label.setText(
            self.tr("Waiting to sync: {count}").format(count=status.waiting_to_sync)
        )
        if status.printer_failed:
            self.printer_label.setText(
                self.tr("Printer: {count} failed").format(count=status.printer_failed)
            )
            self.printer_label.setStyleSheet("color: #9E0F24;")
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
                self.tr("Clerk: {name} ({code})").format(name=clerk.name, code=clerk.code)
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
        self.online: bool | None = None
        self.timer = QTimer(bar)
        self.timer.timeout.connect(self.poll)
        self.timer.start(interval_ms)

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        self._worker.submit(
            read_status, self._database, self.online, on_done=self._show, on_error=self._failed
        )

    def _show(self, status: StatusSnapshot) -> None:
        self._busy = False
        self._bar.show_status(status)

    def _failed(self, _error: object) -> None:
        self._busy = False
