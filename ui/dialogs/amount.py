"""Enter a number (quantity) or an amount of money, by keypad or keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import parse_fen
from ui.errors import describe_error
from ui.pin_pad import PinPad


class AmountDialog(QDialog):
    """``money=True`` reads yuan as fen (``value`` is fen); otherwise a whole number."""

    def __init__(
        self,
        title: str,
        prompt: str,
        *,
        money: bool,
        initial: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.money = money
        self.value = 0
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.field = QLineEdit(initial)
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.setStyleSheet("font-size: 28px;")
        self.field.setMinimumHeight(56)
        self.field.selectAll()
        self.error = QLabel()
        self.error.setObjectName("banner")
        self.error.setWordWrap(True)
        self.error.hide()
        self.pad = PinPad()
        self.pad.target = self.field
        self.pad.submitted.connect(self.accept)
        if money:
            dot = self.pad.buttons["C"]
            dot.setText(".")
            dot.clicked.disconnect()
            dot.clicked.connect(lambda: self.field.insert("."))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(self.pad)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)

    def accept(self) -> None:
        text = self.field.text().strip()
        try:
            if self.money:
                self.value = parse_fen(text)
            else:
                if not text.isdigit():
                    raise DomainError("Enter a whole number")
                self.value = int(text)
        except DomainError as error:
            self.error.setText(describe_error(error))
            self.error.show()
            self.field.selectAll()
            return
        super().accept()
