"""A PIN pad: large keys for touch, the keyboard works too."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from ui.theme import PIN_KEY_PX


class PinPad(QWidget):
    """Digits, clear and OK. Keys type into ``target`` (the focused field of the form)."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target: QLineEdit | None = None
        grid = QGridLayout(self)
        grid.setSpacing(10)
        keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK"]
        self.buttons: dict[str, QPushButton] = {}
        for index, key in enumerate(keys):
            label = {"C": self.tr("Clear"), "OK": self.tr("OK")}.get(key, key)
            button = QPushButton(label)
            button.setObjectName("pinKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep typing in the field
            button.setAutoDefault(False)  # Enter in a field must not press a key of the pad
            button.setMinimumSize(PIN_KEY_PX + 24, PIN_KEY_PX)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda *_, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button

    def press(self, key: str) -> None:
        if key == "OK":
            self.submitted.emit()
            return
        if self.target is None:
            return
        if key == "C":
            self.target.clear()
        else:
            self.target.insert(key)
