"""A counter action that needs a reason (and an amount, for cash in or out): the reasons are
buttons with a code each (stored as the code, shown in words); the amount is typed in yuan."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import parse_fen
from ui.errors import describe_error
from ui.pin_pad import PinPad


class ReasonDialog(QDialog):
    """After ``accept``: ``reason`` (a code of ``reasons``) and ``amount_fen`` (0 without)."""

    def __init__(
        self,
        title: str,
        prompt: str,
        reasons: dict[str, str],
        *,
        amount: bool = False,
        ok_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.reason = ""
        self.amount_fen = 0
        self.asks_amount = amount
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.prompt.setStyleSheet("font-size: 18px;")
        self.reasons = QButtonGroup(self)
        self.codes = list(reasons)
        grid = QGridLayout()
        grid.setSpacing(8)
        self.reason_buttons: dict[str, QPushButton] = {}
        for index, (code, text) in enumerate(reasons.items()):
            button = QPushButton(text)
            button.setObjectName("choice")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.reasons.addButton(button, index)
            self.reason_buttons[code] = button
            grid.addWidget(button, index // 2, index % 2)
        self.field = QLineEdit()
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.setStyleSheet("font-size: 28px;")
        self.field.setMinimumHeight(56)
        self.field.setPlaceholderText(self.tr("Amount in yuan"))
        self.field.returnPressed.connect(self.accept)
        self.field.setVisible(amount)
        self.error = QLabel()
        self.error.setObjectName("banner")
        self.error.setWordWrap(True)
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(grid)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        if amount:
            self.pad = PinPad()
            self.pad.target = self.field
            dot = self.pad.buttons["C"]
            dot.setText(".")
            dot.clicked.disconnect()
            dot.clicked.connect(lambda: self.field.insert("."))
            self.pad.submitted.connect(self.accept)
            layout.addWidget(self.pad)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text or self.tr("OK (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)

    def choose(self, code: str) -> None:
        self.reason_buttons[code].click()

    def accept(self) -> None:
        checked = self.reasons.checkedId()
        if checked < 0:
            self._say(self.tr("Choose a reason"))
            return
        amount_fen = 0
        if self.asks_amount:
            try:
                amount_fen = parse_fen(self.field.text().strip(), allow_zero=False)
            except DomainError as error:
                self._say(describe_error(error))
                return
        self.reason = self.codes[checked]
        self.amount_fen = amount_fen
        super().accept()

    def _say(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
