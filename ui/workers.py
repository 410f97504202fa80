"""Background work off the GUI thread: a worker thread with a queue.

A job is a plain function with plain arguments (ids, dataclasses, strings); it opens its own
unit of work in the worker thread. Its result, or its error, comes back to the GUI thread as a
signal. The GUI never waits on the network, a printer or a slow query.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from functools import partial
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)

Job = tuple[int, Callable[..., Any], tuple[Any, ...]]


class Worker(QObject):
    """One background thread running jobs in order; ``finished``/``failed`` report back."""

    finished = Signal(int, object)  # job id, result
    failed = Signal(int, object)  # job id, the exception

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: queue.Queue[Job | None] = queue.Queue()
        self._ids = itertools.count(1)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[Any], None] | None]
        ] = {}
        self._thread = threading.Thread(target=self._run, name=f"worker-{name}", daemon=True)
        self.finished.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self._thread.start()

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Any], None] | None = None,
    ) -> int:
        """Queue ``function(*args)``; ``on_done``/``on_error`` run later on the GUI thread."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._jobs.put((job_id, function, args))
        return job_id

    def pending(self) -> int:
        return self._jobs.qsize()

    def stop(self) -> None:
        self._jobs.put(None)
        self._thread.join(timeout=5)

    def _run(self) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            job_id, function, args = job
            try:
                result = function(*args)
            except Exception as error:  # reported to the GUI, never swallowed
                name = getattr(getattr(function, "func", function), "__name__", "job")
                log.warning("background job %s failed: %s", name, error)
                self.failed.emit(job_id, error)
            else:
                self.finished.emit(job_id, result)

    def _deliver_result(self, job_id: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(job_id, (None, None))
        if on_done is not None and _still_shown(on_done):
            on_done(result)

    def _deliver_error(self, job_id: int, error: object) -> None:
        _, on_error = self._callbacks.pop(job_id, (None, None))
        if on_error is not None and _still_shown(on_error):
            on_error(error)


class LatestOnly:
    """Runs only the newest request of a kind (search as you type): older results are dropped."""

    def __init__(self, worker: Worker) -> None:
        self._worker = worker
        self._latest = 0

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None],
        on_error: Callable[[Any], None] | None = None,
    ) -> None:
        self._latest += 1
        ticket = self._latest

        def deliver(result: Any) -> None:
            if ticket == self._latest:
                on_done(result)

        self._worker.submit(function, *args, on_done=deliver, on_error=on_error)


def _still_shown(callback: object, depth: int = 0) -> bool:
    """False when the screen a callback would fill was closed (and deleted) while the job ran.

    A dialog closed during a slow query must not be written to: its widgets are gone. The
    owner is the widget of a bound method, or a widget the callback's closure holds (looked
    for through wrappers such as ``LatestOnly``'s, a few levels deep).
    """
    while isinstance(callback, partial):
        callback = callback.func
    owners: list[object] = [getattr(callback, "__self__", None)]
    for cell in getattr(callback, "__closure__", None) or ():
        try:
            owners.append(cell.cell_contents)
        except ValueError:  # a cell not yet filled
            continue
    for owner in owners:
        if isinstance(owner, QObject):
            if not shiboken6.isValid(owner):
                log.debug("a result came back for a closed screen; dropped")
                return False
        elif callable(owner) and depth < 3 and not _still_shown(owner, depth + 1):
            return False
    return True
