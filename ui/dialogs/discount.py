"""A discount on the selected line or on the whole order, as a percentage or an amount."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.cart import Discount
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import parse_fen
from ui.errors import describe_error
from ui.pin_pad import PinPad


def _choice(texts: list[str], parent: QWidget) -> tuple[QButtonGroup, list[QPushButton]]:
    group = QButtonGroup(parent)
    buttons = []
    for index, text in enumerate(texts):
        button = QPushButton(text)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        group.addButton(button, index)
        buttons.append(button)
    buttons[0].setChecked(True)
    return group, buttons


class DiscountDialog(QDialog):
    """After ``accept``: ``whole_order`` and ``discount`` say what the clerk asked for."""

    def __init__(self, line_title: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discount"))
        self.discount: Discount | None = None
        self.whole_order = line_title is None
        self.scope, scope_buttons = _choice(
            [
                self.tr("Line: {title}").format(title=line_title or "—"),
                self.tr("Whole order"),
            ],
            self,
        )
        if line_title is None:
            scope_buttons[0].setEnabled(False)
            scope_buttons[1].setChecked(True)
        self.mode, mode_buttons = _choice(
            [self.tr("Percent off (%)"), self.tr("Amount off (￥)")], self
        )
        self.field = QLineEdit()
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.setStyleSheet("font-size: 28px;")
        self.field.setMinimumHeight(56)
        self.error = QLabel()
        self.error.setObjectName("banner")
        self.error.setWordWrap(True)
        self.error.hide()
        self.pad = pad = PinPad()
        pad.target = self.field
        pad.buttons["C"].setText(".")
        pad.buttons["C"].clicked.disconnect()
        pad.buttons["C"].clicked.connect(lambda: self.field.insert("."))
        pad.submitted.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        scope_row = QHBoxLayout()
        for button in scope_buttons:
            scope_row.addWidget(button)
        mode_row = QHBoxLayout()
        for button in mode_buttons:
            mode_row.addWidget(button)
        layout.addLayout(scope_row)
        layout.addLayout(mode_row)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(pad)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        self.field.setFocus()

    def set_percent(self, percent_text: str, *, whole_order: bool = False) -> None:
        """Fill the dialog as a clerk would (used by touch-free flows and tests)."""
        self.scope.button(1 if whole_order else 0).setChecked(True)
        self.mode.button(0).setChecked(True)
        self.field.setText(percent_text)

    def accept(self) -> None:
        text = self.field.text().strip()
        try:
            if self.mode.checkedId() == 0:
                try:
                    percent = Decimal(text)
                except InvalidOperation:
                    raise DomainError("Not a percentage: {text}", text=text) from None
                if percent <= 0 or percent > 100 or percent != percent.quantize(Decimal("0.01")):
                    raise DomainError("A percentage is more than 0 and at most 100")
                self.discount = Discount(percent_bp=int(percent * 100))
            else:
                self.discount = Discount(amount_fen=parse_fen(text, allow_zero=False))
        except DomainError as error:
            self.error.setText(describe_error(error))
            self.error.show()
            return
        self.whole_order = self.scope.checkedId() == 1
        super().accept()
