"""点钞: the drawer counted note by note at shift close, blind — nothing here says what the
drawer should hold; the expected cash and the difference are on the Z report afterwards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.money import format_fen

# Notes and coins of the renminbi in a drawer, in fen.
DENOMINATIONS_FEN = (10_000, 5_000, 2_000, 1_000, 500, 100, 50, 10)


class CashCountDialog(QDialog):
    """After ``accept``: ``total_fen`` is the cash counted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Count the cash"))
        self.total_fen = 0
        hint = QLabel(
            self.tr(
                "Blind count: enter how many of each note and coin are in the drawer. "
                "What the drawer should hold is shown only on the Z report."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("muted")
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        self.fields: dict[int, QLineEdit] = {}
        for row, value_fen in enumerate(DENOMINATIONS_FEN):
            name = QLabel(format_fen(value_fen).replace(".00", "") + " ×")
            field = QLineEdit()
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            field.setPlaceholderText("0")
            field.setMinimumHeight(40)
            field.textChanged.connect(lambda _text: self._show_total())
            self.fields[value_fen] = field
            grid.addWidget(name, row // 2, (row % 2) * 2)
            grid.addWidget(field, row // 2, (row % 2) * 2 + 1)
        self.total = QLabel()
        self.total.setObjectName("amountDue")
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.error = QLabel()
        self.error.setObjectName("banner")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Use this count"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel (Esc)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(grid)
        layout.addWidget(self.total)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._show_total()

    def _counts(self) -> dict[int, int] | None:
        counts = {}
        for value_fen, field in self.fields.items():
            text = field.text().strip() or "0"
            if not text.isdigit():
                return None
            counts[value_fen] = int(text)
        return counts

    def _show_total(self) -> None:
        counts = self._counts()
        if counts is None:
            self.error.setText(self.tr("Enter whole numbers of notes and coins"))
            self.error.show()
            return
        self.error.hide()
        self.total_fen = sum(value * count for value, count in counts.items())
        self.total.setText(self.tr("Counted: {amount}").format(amount=format_fen(self.total_fen)))

    def accept(self) -> None:
        if self._counts() is None:
            return
        super().accept()
