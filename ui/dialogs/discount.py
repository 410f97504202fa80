"""A discount as Chinese counters give it: 打折 (the share paid, "8" = 8 折 = pay 80 %),
减金额 (yuan off) or 改价 (another unit price, one line only, with approval), on the selected
line or the whole order. The chosen scope and kind stay visibly pressed; a preview says what
the customer pays."""

from __future__ import annotations

import enum
from dataclasses import dataclass

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
from redhome_pos.domain.money import format_fen, parse_fen
from redhome_pos.domain.zhe import zhe_discount
from ui.errors import describe_error
from ui.pin_pad import PinPad


class DiscountKind(enum.IntEnum):
    ZHE = 0  # 打折: the share paid
    AMOUNT = 1  # 减金额: yuan off
    PRICE = 2  # 改价: a new unit price for the line


@dataclass(frozen=True)
class DiscountBases:
    """What the preview works from: the selected line (after promotions) and the order."""

    line_title: str | None = None
    line_fen: int = 0
    unit_price_fen: int = 0
    quantity: int = 1
    order_fen: int = 0


def _choice(texts: list[str], parent: QWidget) -> tuple[QButtonGroup, list[QPushButton]]:
    group = QButtonGroup(parent)
    buttons = []
    for index, text in enumerate(texts):
        button = QPushButton(text)
        button.setObjectName("choice")
        button.setCheckable(True)
        button.setAutoDefault(False)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        group.addButton(button, index)
        buttons.append(button)
    buttons[0].setChecked(True)
    return group, buttons


class DiscountDialog(QDialog):
    """After ``accept``: ``whole_order``, ``kind`` and either ``discount`` or ``price_fen``."""

    def __init__(
        self,
        bases: DiscountBases,
        parent: QWidget | None = None,
        *,
        kind: DiscountKind = DiscountKind.ZHE,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Discount or price change"))
        self.bases = bases
        self.discount: Discount | None = None
        self.price_fen: int | None = None
        self.kind = kind
        self.whole_order = bases.line_title is None
        self.scope, self.scope_buttons = _choice(
            [
                self.tr("This line: {title}").format(title=bases.line_title or "—"),
                self.tr("Whole order"),
            ],
            self,
        )
        self.scope_buttons[0].setToolTip(bases.line_title or "")
        if bases.line_title is None:
            self.scope_buttons[0].setEnabled(False)
            self.scope_buttons[1].setChecked(True)
        self.mode, self.mode_buttons = _choice(
            [self.tr("Discount (折)"), self.tr("Amount off (￥)"), self.tr("Change price")], self
        )
        self.mode.button(int(kind)).setChecked(True)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.field.setStyleSheet("font-size: 28px;")
        self.field.setMinimumHeight(56)
        self.field.returnPressed.connect(self.accept)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("font-size: 18px;")
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
        for row_buttons in (self.scope_buttons, self.mode_buttons):
            row = QHBoxLayout()
            for button in row_buttons:
                row.addWidget(button)
            layout.addLayout(row)
        for widget in (self.hint, self.field, self.preview, self.error, pad, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(520)
        self.scope.idClicked.connect(lambda _id: self._changed())
        self.mode.idClicked.connect(lambda _id: self._changed(clear=True))
        self.field.textChanged.connect(lambda _text: self._show_preview())
        self._changed()
        self.field.setFocus()

    # -- what is chosen -----------------------------------------------------------------------
    @property
    def chosen_kind(self) -> DiscountKind:
        return DiscountKind(self.mode.checkedId())

    @property
    def chosen_whole_order(self) -> bool:
        return self.scope.checkedId() == 1

    def _changed(self, *, clear: bool = False) -> None:
        # A price is changed on one line only.
        price_button = self.mode_buttons[DiscountKind.PRICE]
        price_button.setEnabled(not self.chosen_whole_order and self.bases.line_title is not None)
        if self.chosen_kind is DiscountKind.PRICE and not price_button.isEnabled():
            self.mode_buttons[DiscountKind.ZHE].setChecked(True)
        hints = {
            DiscountKind.ZHE: self.tr("Type the 折: 8 = 8折 (pay 80%), 85 = 85折, 9.5 = 95折"),
            DiscountKind.AMOUNT: self.tr("Type the yuan taken off, e.g. 20"),
            DiscountKind.PRICE: self.tr("Type the new unit price in yuan (list price {price})"),
        }
        self.hint.setText(
            hints[self.chosen_kind].format(price=format_fen(self.bases.unit_price_fen))
        )
        if clear:
            self.field.clear()
        self.error.hide()
        self._show_preview()
        self.field.setFocus()

    def _base_fen(self) -> int:
        return self.bases.order_fen if self.chosen_whole_order else self.bases.line_fen

    def _read(self) -> tuple[Discount | None, int | None]:
        text = self.field.text().strip()
        kind = self.chosen_kind
        if kind is DiscountKind.ZHE:
            return zhe_discount(text), None
        if kind is DiscountKind.AMOUNT:
            return Discount(amount_fen=parse_fen(text, allow_zero=False)), None
        return None, parse_fen(text)

    def _show_preview(self) -> None:
        if not self.field.text().strip():
            self.preview.setText("")
            return
        try:
            discount, price_fen = self._read()
        except DomainError:
            self.preview.setText("")
            return
        if price_fen is not None:
            paid = price_fen * self.bases.quantity
            base = self.bases.unit_price_fen * self.bases.quantity
        else:
            base = self._base_fen()
            assert discount is not None
            paid = base - discount.upto(base)
        self.preview.setText(
            self.tr("Customer pays {paid}, saves {saved}").format(
                paid=format_fen(paid), saved=format_fen(base - paid)
            )
        )

    # -- what the clerk does ------------------------------------------------------------------
    def choose(self, *, kind: DiscountKind, whole_order: bool = False) -> None:
        """Press the scope and kind buttons as a clerk would."""
        self.scope.button(1 if whole_order else 0).click()
        self.mode.button(int(kind)).click()

    def accept(self) -> None:
        try:
            discount, price_fen = self._read()
        except DomainError as error:
            self.error.setText(describe_error(error))
            self.error.show()
            return
        self.discount, self.price_fen = discount, price_fen
        self.kind = self.chosen_kind
        self.whole_order = self.chosen_whole_order
        super().accept()
