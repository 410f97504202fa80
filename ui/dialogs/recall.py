"""Choose a parked sale to bring back to the counter."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.money import format_fen
from redhome_pos.services import parking
from redhome_pos.services.parking import ParkedCart
from ui.counter import Counter
from ui.errors import describe_error


class RecallDialog(QDialog):
    chosen = Signal(int)  # parked cart id

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.setWindowTitle(self.tr("Recall a parked sale"))
        self.list = QListWidget()
        self.list.setStyleSheet("QListWidget::item { min-height: 56px; padding: 4px; }")
        self.list.itemActivated.connect(lambda _item: self.accept())
        self.empty = QLabel(self.tr("Loading…"))
        self.empty.setObjectName("muted")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Recall (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.setMinimumSize(460, 360)
        counter.worker.submit(
            partial(parking.parked, counter.database, counter.till),
            on_done=self.show_parked,
            on_error=lambda error: self.empty.setText(describe_error(error)),
        )

    def show_parked(self, carts: list[ParkedCart]) -> None:
        self.list.clear()
        for cart in carts:
            when = self.counter.local_time(cart.parked_at)
            text = self.tr(
                "#{number}  parked at {time}  ·  %n item(s)  ·  {amount}", "", cart.items
            ).format(number=cart.id, time=when, amount=format_fen(cart.total_fen))
            if cart.label:
                text += f"\n{cart.label}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, cart.id)
            self.list.addItem(item)
        self.empty.setText("" if carts else self.tr("No parked sales at this till"))
        self.empty.setVisible(not carts)
        if carts:
            self.list.setCurrentRow(len(carts) - 1)
            self.list.setFocus()

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen.emit(int(item.data(Qt.ItemDataRole.UserRole)))
        super().accept()


class ParkDialog(QDialog):
    """F5: a note to find the sale again by (顾客去取钱, 试色中…); Enter parks it."""

    def __init__(self, total_fen: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Park the sale"))
        self.note = ""
        prompt = QLabel(
            self.tr("Park this sale of {amount}. A note helps to find it again (optional):").format(
                amount=format_fen(total_fen)
            )
        )
        prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setMaxLength(100)
        self.field.setMinimumHeight(48)
        self.field.setPlaceholderText(self.tr("e.g. customer fetching a wallet"))
        self.field.returnPressed.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Park (Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.field)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        self.note = self.field.text().strip()
        super().accept()
