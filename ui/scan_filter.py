"""Catches scanner bursts whatever has focus (an application-wide event filter).

Keys go through the scanner-burst state machine: while they could be a scan they are held
back; a complete burst becomes ``scanned(text)``; anything a person typed is handed back to the
focused field unchanged.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

from redhome_pos.domain.scanner_burst import Action, BurstDetector, Decision

_TERMINATOR_KEYS = {
    Qt.Key.Key_Return: "\r",
    Qt.Key.Key_Enter: "\r",
    Qt.Key.Key_Tab: "\t",
}
_KEY_OF_TERMINATOR = {"\r": Qt.Key.Key_Return, "\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}


def _now_ms() -> int:
    return time.monotonic_ns() // 1_000_000


class ScanFilter(QObject):
    scanned = Signal(str)

    def __init__(
        self, max_interval_ms: int = 35, min_length: int = 6, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.detector = BurstDetector(max_interval_ms, min_length)
        self._replaying = False
        self._target: QWidget | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        self.enabled = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self.enabled:
            return False
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.FocusOut):
            self._release_now()  # a click or a focus change: what was held was typed
            return False
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        # Every key fed to the detector is consumed here (held, a scan, or replayed), so a key
        # never travels on to a parent widget and is never fed twice.
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers & ~Qt.KeyboardModifier.ShiftModifier:
            self._release_now()
            return False
        key = Qt.Key(event.key())
        if key in _TERMINATOR_KEYS:
            char = _TERMINATOR_KEYS[key]
        else:
            text = event.text()
            if len(text) != 1 or not text.isprintable():
                self._release_now()  # F-keys, arrows, Backspace: after what was typed before
                return False
            char = text
        if watched is not self._target:
            # A scanner never moves focus in the middle of a burst: what was held is typing.
            self._release_now()
            self._target = watched
        decision = self.detector.feed(char, _now_ms())
        return self._apply(decision, char)

    def _apply(self, decision: Decision, char: str) -> bool:
        if decision.action is Action.HOLD:
            self._arm()
            return True
        if decision.action is Action.SCAN:
            self._timer.stop()
            self.scanned.emit(decision.text)
            return True
        # RELEASE: what was held was typed by a person.
        self._replay(decision.text)
        if decision.terminator:
            self._replay_key(_KEY_OF_TERMINATOR[decision.terminator], "")
            return True
        if self.detector.pending:
            self._arm()
            return True  # the current key was held as the start of a possible new scan
        return True

    def _arm(self) -> None:
        deadline = self.detector.deadline_ms
        if deadline is not None:
            self._timer.start(max(1, deadline - _now_ms() + 1))

    def _flush(self) -> None:
        decision = self.detector.flush(_now_ms())
        if decision.action is Action.RELEASE:
            self._replay(decision.text)
        elif self.detector.pending:
            self._arm()

    def _release_now(self) -> None:
        if self.detector.pending:
            self._timer.stop()
            self._replay(self.detector.flush(10**15).text)

    def _replay(self, text: str) -> None:
        for char in text:
            self._replay_key(Qt.Key.Key_unknown, char)

    def _replay_key(self, key: Qt.Key, text: str) -> None:
        # The keys go back to the widget they were typed into.
        target = self._target if self._target is not None else QApplication.focusWidget()
        modal = QApplication.activeModalWidget()
        if target is None and modal is not None:
            target = modal.focusWidget() or modal
        if target is None:
            return
        self._replaying = True
        try:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                code = key if key != Qt.Key.Key_unknown else _key_for(text)
                QApplication.sendEvent(
                    target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, text)
                )
        finally:
            self._replaying = False


def _key_for(char: str) -> Qt.Key:
    if char.isascii() and char.isalnum():
        return Qt.Key(ord(char.upper()))
    if char == " ":
        return Qt.Key.Key_Space
    return Qt.Key.Key_unknown
