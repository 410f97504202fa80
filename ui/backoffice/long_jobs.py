"""Long back-office jobs (a reconciliation run, a report) run on their own worker, so the
counter's database worker stays free and the clerk keeps selling. Progress comes back to the
GUI thread through a signal (only numbers cross)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ui.counter import Counter
from ui.workers import Worker


class Progress(QObject):
    """``moved(step, done, total)`` may be emitted from the worker thread; Qt queues it."""

    moved = Signal(str, int, int)

    def report(self, step: str, done: int, total: int) -> None:
        self.moved.emit(step, done, total)


def long_worker(counter: Counter) -> Worker:
    """One long-job worker per counter (kept across a language switch), stopped on quit."""
    worker = getattr(counter, "long_worker", None)
    if isinstance(worker, Worker):
        return worker
    worker = Worker("long-jobs", counter)
    counter.long_worker = worker  # type: ignore[attr-defined]
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(worker.stop)
    return worker
