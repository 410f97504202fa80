"""The background worker: results come back on the GUI thread, never to a closed screen."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout

from ui.workers import LatestOnly, Worker


class _Screen(QDialog):
    def __init__(self) -> None:
        super().__init__()
        self.label = QLabel(self)
        QVBoxLayout(self).addWidget(self.label)

    def show_result(self, text: str) -> None:
        self.label.setText(text)


def _slow(gate: threading.Event, text: str) -> str:
    gate.wait(5)
    return text


def _closed_while_working(qtbot: Any, submit: Any) -> None:
    """The screen is deleted while its job runs; the job's answer then arrives."""
    worker = Worker("test")
    try:
        screen = _Screen()
        gate = threading.Event()
        submit(worker, screen, gate)
        screen.deleteLater()
        qtbot.waitUntil(lambda: not _alive(screen))
        done = threading.Event()
        worker.submit(done.set)  # queued after the slow job: its answer came back first
        gate.set()
        qtbot.waitUntil(done.is_set)
        qtbot.wait(50)  # the queued deliveries run; a write to the deleted label would raise
    finally:
        worker.stop()


def _alive(widget: QDialog) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))


def test_an_answer_for_a_closed_screen_is_dropped(qtbot: Any) -> None:
    _closed_while_working(
        qtbot,
        lambda worker, screen, gate: worker.submit(_slow, gate, "late", on_done=screen.show_result),
    )


def test_an_answer_for_a_closed_screen_through_a_lambda_or_latest_only_is_dropped(
    qtbot: Any,
) -> None:
    def by_lambda(worker: Worker, screen: _Screen, gate: threading.Event) -> None:
        worker.submit(_slow, gate, "late", on_done=lambda text: screen.label.setText(text))

    def by_latest(worker: Worker, screen: _Screen, gate: threading.Event) -> None:
        LatestOnly(worker).submit(_slow, gate, "late", on_done=screen.show_result)

    _closed_while_working(qtbot, by_lambda)
    _closed_while_working(qtbot, by_latest)


def test_an_answer_for_an_open_screen_arrives(qtbot: Any) -> None:
    worker = Worker("test")
    try:
        screen = _Screen()
        qtbot.addWidget(screen)
        gate = threading.Event()
        gate.set()
        worker.submit(_slow, gate, "在这里", on_done=screen.show_result)
        qtbot.waitUntil(lambda: screen.label.text() == "在这里")
        errors: list[object] = []
        worker.submit(int, "not a number", on_error=errors.append)
        qtbot.waitUntil(lambda: bool(errors))
        assert isinstance(errors[0], ValueError)
    finally:
        worker.stop()
