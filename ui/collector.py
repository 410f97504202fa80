"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is passed. When
that is a worker thread (a database job, a sync) and the garbage holds a Qt object owned by
Python (a dialog closed long ago, a timer, a shortcut in a reference cycle), the object is
destroyed in that thread: its destructor takes Qt's signal locks and then waits for the
interpreter lock, while the GUI thread, holding the interpreter lock, waits for the same Qt
locks to connect a signal. Both wait for good and the counter freezes.

So automatic collection is turned off and a timer on the GUI thread collects instead, by the
same thresholds: the youngest generation when enough objects were allocated since the last
collection, the older ones as often as the interpreter itself would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)

    def start(self) -> None:
        gc.disable()
        self._timer.start()

    def stop(self) -> None:
        """Back to the interpreter's own collection (after a UI test, for the tests that run
        no event loop)."""
        self._timer.stop()
        gc.enable()

    def collect_due(self) -> int:
        """Collect the generations past their thresholds; returns how many were collected."""
        young, middle, old = gc.get_count()
        first, second, third = self.thresholds
        if young <= first:
            return 0
        if middle + 1 <= second:
            gc.collect(0)
            return 1
        if old + 1 <= third:
            gc.collect(1)
            return 2
        gc.collect(2)
        return 3


def collect_on_main_thread(app: QObject) -> MainThreadCollector:
    """Start the GUI thread's collector for ``app`` (made once; started again if stopped)."""
    found = app.findChild(MainThreadCollector)
    collector = found if isinstance(found, MainThreadCollector) else MainThreadCollector(app)
    collector.start()
    return collector
