"""今日流水: today's sales at this till, found by time (``14:3``), amount (``128``) or product as
the clerk types; the chosen sale's receipt is printed again (小票重打) or its goods taken back."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.journal import SaleSummary
from redhome_pos.domain.money import format_fen
from redhome_pos.services import journal
from ui import words
from ui.backoffice.tables import fill, make_table
from ui.counter import Counter
from ui.errors import describe_error

DEBOUNCE_MS = 150


class JournalDialog(QDialog):
    reprint_requested = Signal(str)  # receipt number
    return_requested = Signal(str)  # receipt number
    loaded = Signal()

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.sales: list[SaleSummary] = []
        self.setWindowTitle(self.tr("Today's sales"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            self.tr("Find by time (14:30), amount (128) or product; empty: every sale today")
        )
        self.field.setMinimumHeight(48)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self.field.textChanged.connect(lambda _text: self._timer.start(DEBOUNCE_MS))
        self.field.returnPressed.connect(self.reprint)
        self._timer.timeout.connect(self.load)
        self.table: QTableWidget = make_table(
            [
                self.tr("Time"),
                self.tr("Receipt"),
                self.tr("Items"),
                self.tr("Amount"),
                self.tr("Paid by"),
                self.tr("Customer"),
                self.tr("Products sold"),
                self.tr("Cashier"),
            ],
            stretch=6,
        )
        self.table.itemDoubleClicked.connect(lambda _item: self.reprint())
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.reprint_button = QPushButton(self.tr("Reprint receipt (Enter)"))
        self.reprint_button.clicked.connect(self.reprint)
        self.return_button = QPushButton(self.tr("Return goods (F8)"))
        self.return_button.clicked.connect(self.start_return)
        close = QPushButton(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        for button in (self.reprint_button, self.return_button, close):
            button.setAutoDefault(False)
            button.setMinimumHeight(52)
        QShortcut(QKeySequence("F8"), self, self.start_return)
        QShortcut(QKeySequence("Down"), self, lambda: self._move(+1))
        QShortcut(QKeySequence("Up"), self, lambda: self._move(-1))
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.reprint_button, self.return_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        screen = parent.window().size() if parent is not None else None
        if screen is not None:
            self.resize(int(screen.width() * 0.85), int(screen.height() * 0.8))
        self.setMinimumSize(760, 480)
        self.load()

    def load(self) -> None:
        self.counter.worker.submit(
            partial(
                journal.todays_sales, self.counter.database, self.counter.till, self.field.text()
            ),
            on_done=self.show_sales,
            on_error=lambda error: self.status.setText(describe_error(error)),
        )

    def show_sales(self, sales: list[SaleSummary]) -> None:
        self.sales = sales
        rows = []
        for sale in sales:
            state = ""
            if sale.voided:
                state = self.tr(" (voided)")
            elif sale.returned:
                state = self.tr(" (returns)")
            products = "、".join(sale.titles[:3]) + ("…" if len(sale.titles) > 3 else "")
            rows.append(
                [
                    self.counter.local_time(sale.created_at),
                    sale.receipt_no,
                    sale.items,
                    format_fen(sale.total_fen) + state,
                    "、".join(words.tender_kind(kind) for kind in sale.tender_kinds),
                    sale.customer,
                    products,
                    sale.clerk,
                ]
            )
        fill(self.table, rows, right=(3,))
        total = sum(s.total_fen for s in sales if not s.voided)
        self.status.setText(
            self.tr("%n sale(s), {amount}", "", len(sales)).format(amount=format_fen(total))
            if sales
            else self.tr("No sale found today")
        )
        if sales:
            self.table.selectRow(0)
        self.loaded.emit()

    def _move(self, step: int) -> None:
        if not self.sales:
            return
        row = max(0, min(len(self.sales) - 1, self.table.currentRow() + step))
        self.table.selectRow(row)

    def chosen(self) -> SaleSummary | None:
        row = self.table.currentRow()
        return self.sales[row] if 0 <= row < len(self.sales) else None

    def reprint(self) -> None:
        sale = self.chosen()
        if sale is not None:
            self.reprint_requested.emit(sale.receipt_no)
            self.status.setText(
                self.tr("Receipt {receipt} is printing again").format(receipt=sale.receipt_no)
            )

    def start_return(self) -> None:
        sale = self.chosen()
        if sale is not None:
            self.return_requested.emit(sale.receipt_no)
            self.accept()
