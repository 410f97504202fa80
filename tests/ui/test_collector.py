"""Garbage holding Qt objects is collected on the GUI thread only (ui/collector.py): a worker
thread making garbage past every threshold collects nothing; the GUI thread's timer does."""

from __future__ import annotations

import gc
import threading
import weakref
from typing import Any

from PySide6.QtCore import QTimer

from ui.app import application
from ui.collector import MainThreadCollector


class _Cycle:
    """An object in a reference cycle holding a Qt object Python owns."""

    def __init__(self) -> None:
        self.itself = self
        self.timer = QTimer()


def test_a_qt_object_in_a_cycle_is_never_collected_by_a_worker_thread(qtbot: Any) -> None:
    app = application()
    assert isinstance(app.findChild(MainThreadCollector), MainThreadCollector)
    assert not gc.isenabled()
    gc.collect()
    collected_in: list[str] = []
    cycle = _Cycle()
    weakref.finalize(cycle, lambda: collected_in.append(threading.current_thread().name))
    del cycle

    def churn() -> None:  # a database job making garbage, well past every threshold
        for _ in range(100_000):
            waste: list[object] = []
            waste.append(waste)

    worker = threading.Thread(target=churn, name="worker-database")
    worker.start()
    worker.join()
    assert collected_in == []  # the worker collected nothing
    qtbot.waitUntil(lambda: collected_in == [threading.main_thread().name], timeout=3000)
