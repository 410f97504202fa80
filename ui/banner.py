"""A non-modal message line over the cart: red for a failed scan, amber for a warning, green
for a good one.

It never takes focus, so the next scan works at once; it hides itself after a while.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget


class Banner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setMinimumHeight(44)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_error(self, text: str, timeout_ms: int = 8000) -> None:
        self._show("banner", "✖ " + text, timeout_ms)

    def show_warning(self, text: str, timeout_ms: int = 6000) -> None:
        """Amber: something to tell the customer or check (a lot close to its date), not a
        failure; the scan went through."""
        self._show("bannerWarn", "⚠ " + text, timeout_ms)

    def show_ok(self, text: str, timeout_ms: int = 2500) -> None:
        self._show("bannerOk", "✔ " + text, timeout_ms)

    @property
    def is_error(self) -> bool:
        return self.isVisible() and self.objectName() == "banner"

    def _show(self, name: str, text: str, timeout_ms: int) -> None:
        if self.objectName() != name:
            self.setObjectName(name)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setText(text)
        self.show()
        self._timer.start(timeout_ms)
