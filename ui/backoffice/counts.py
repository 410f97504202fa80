"""Stock counts: start a count, scan to count, see the variance, ask for a recount, and post
it (a manager, or a clerk with a manager's approval). Posting books one ``count`` movement per
SKU that differs."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.staff import Permission
from redhome_pos.services import stock_counts
from redhome_pos.services.stock_counts import CountLine, CountPosted, CountRecord
from ui.approval_flow import ask_if_needed
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.dialogs.approval import ApprovalDialog
from ui.errors import describe_error


class CountsScreen(QWidget):
    sheet_loaded = Signal()
    counted = Signal(int, int)  # sku id, counted so far
    posted = Signal(object)  # CountPosted
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.records: list[CountRecord] = []
        self.lines: list[CountLine] = []
        self.count_id: int | None = None
        self.dialog: ApprovalDialog | None = None

        title = QLabel(self.tr("Stock counts"))
        title.setObjectName("title")
        self.choice = QComboBox()
        self.choice.setMinimumHeight(44)
        self.choice.currentIndexChanged.connect(self._chosen)
        self.category = QLineEdit()
        self.category.setPlaceholderText(self.tr("Category (empty: everything)"))
        self.start_button = QPushButton(self.tr("New count"))
        self.start_button.clicked.connect(self.start)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.choice, 2)
        head.addWidget(self.category, 2)
        head.addWidget(self.start_button)

        self.hint = QLabel(self.tr("Scan each unit on the shelf; each scan counts one"))
        self.hint.setObjectName("muted")
        self.sheet = make_table(
            [
                self.tr("Code"),
                self.tr("Product"),
                self.tr("Variant"),
                self.tr("Expected"),
                self.tr("Counted"),
                self.tr("Variance"),
                self.tr("Recount"),
            ],
            stretch=1,
        )
        self.banner = Banner()
        self.quantity = QLineEdit()
        self.quantity.setValidator(QIntValidator(0, 1_000_000, self))
        self.quantity.setPlaceholderText(self.tr("Counted"))
        self.set_button = QPushButton(self.tr("Set counted of the chosen line"))
        self.set_button.clicked.connect(self.set_counted)
        self.recount_button = QPushButton(self.tr("Recount the chosen line"))
        self.recount_button.clicked.connect(self.recount)
        self.cancel_button = QPushButton(self.tr("Cancel count"))
        self.cancel_button.clicked.connect(self.cancel)
        self.post_button = QPushButton(self.tr("Post count"))
        self.post_button.setObjectName("complete")
        self.post_button.clicked.connect(lambda *_: self.post())
        self.summary = QLabel()
        for button in (
            self.start_button,
            self.set_button,
            self.recount_button,
            self.cancel_button,
            self.post_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        actions = QGridLayout()
        actions.addWidget(self.quantity, 0, 0)
        actions.addWidget(self.set_button, 0, 1)
        actions.addWidget(self.recount_button, 0, 2)
        actions.addWidget(self.summary, 1, 0)
        actions.addWidget(self.cancel_button, 1, 1)
        actions.addWidget(self.post_button, 1, 2)
        for number in range(3):
            actions.setColumnStretch(number, 1)

        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.hint)
        column.addWidget(self.sheet, 1)
        column.addWidget(self.banner)
        column.addLayout(actions)
        self._update_actions()

    # -- the counts -----------------------------------------------------------------------------
    def activate(self) -> None:
        self.load_counts()

    def load_counts(self, choose: int | None = None) -> None:
        self.counter.worker.submit(
            partial(stock_counts.counts, self.counter.database, state="open"),
            on_done=lambda records: self._counts(records, choose),
            on_error=self._fail,
        )

    def _counts(self, records: list[CountRecord], choose: int | None) -> None:
        self.records = records
        keep = choose if choose is not None else self.count_id
        self.choice.blockSignals(True)
        self.choice.clear()
        for record in records:
            self.choice.addItem(
                self.heading(record.id, record.name, record.counted, record.lines, record.units),
                record.id,
            )
        ids = [record.id for record in records]
        self.choice.setCurrentIndex(ids.index(keep) if keep in ids else (0 if ids else -1))
        self.choice.blockSignals(False)
        self._chosen()

    def heading(self, count_id: int, name: str, counted: int, lines: int, units: int) -> str:
        """What the count's header says it has: lines counted of the sheet, units counted."""
        return self.tr("#{id} {name} · lines counted: {counted}/{lines} · units: {units}").format(
            id=count_id, name=name, counted=counted, lines=lines, units=units
        )

    def _chosen(self, *_: Any) -> None:
        data = self.choice.currentData()
        self.count_id = int(data) if data is not None else None
        self.load_sheet()

    def load_sheet(self) -> None:
        if self.count_id is None:
            self.lines = []
            self._show_sheet()
            return
        self.counter.worker.submit(
            partial(stock_counts.count_sheet, self.counter.database, self.count_id),
            on_done=self._sheet,
            on_error=self._fail,
        )

    def _sheet(self, lines: list[CountLine]) -> None:
        self.lines = lines
        self._show_sheet()
        self.sheet_loaded.emit()

    def _show_sheet(self) -> None:
        fill(
            self.sheet,
            [
                (
                    line.code,
                    line.title,
                    line.variant,
                    "" if line.expected is None else line.expected,
                    "" if line.counted is None else line.counted,
                    "" if line.variance is None else line.variance,
                    self.tr("Yes") if line.recount else "",
                )
                for line in self.lines
            ],
        )
        counted = sum(1 for line in self.lines if line.counted is not None)
        differ = sum(1 for line in self.lines if line.variance)
        self._update_heading(counted, sum(line.counted or 0 for line in self.lines))
        self.summary.setText(
            self.tr("{counted} of {lines} counted, {differ} differ").format(
                counted=counted, lines=len(self.lines), differ=differ
            )
        )
        self._update_actions()

    def _update_heading(self, counted: int, units: int) -> None:
        """The header follows the scans: the chosen count's lines and units counted so far."""
        index = self.choice.currentIndex()
        record = next((r for r in self.records if r.id == self.count_id), None)
        if index < 0 or record is None:
            return
        self.choice.setItemText(
            index, self.heading(record.id, record.name, counted, len(self.lines), units)
        )

    def _update_actions(self) -> None:
        has = self.count_id is not None
        for widget in (
            self.set_button,
            self.recount_button,
            self.cancel_button,
            self.post_button,
            self.quantity,
        ):
            widget.setEnabled(has)

    def chosen_line(self) -> CountLine | None:
        row = self.sheet.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def choose_code(self, code: str) -> None:
        for row, line in enumerate(self.lines):
            if line.code == code:
                self.sheet.selectRow(row)

    # -- actions --------------------------------------------------------------------------------
    def start(self) -> None:
        clerk = self.counter.session.clerk
        if clerk is None:
            return
        category = self.category.text().strip()
        self.counter.worker.submit(
            partial(
                stock_counts.start_count,
                self.counter.database,
                self.counter.till,
                clerk,
                name=category or self.tr("Whole store"),
                categories=[category] if category else [],
            ),
            on_done=lambda count_id: self.load_counts(choose=count_id),
            on_error=self._fail,
        )

    def handle_scan(self, text: str) -> None:
        clerk = self.counter.session.clerk
        if clerk is None or self.count_id is None:
            self._fail(self.tr("Start or choose a count first"))
            return
        self.counter.worker.submit(
            partial(
                stock_counts.scan_counted,
                self.counter.database,
                self.counter.till,
                clerk,
                self.count_id,
                text.strip(),
            ),
            on_done=self._scanned,
            on_error=self._fail,
        )

    def _scanned(self, result: tuple[int, int]) -> None:
        sku_id, total = result
        self.banner.show_ok(self.tr("Counted {total}").format(total=total))
        self.counted.emit(sku_id, total)
        self.load_sheet()

    def set_counted(self) -> None:
        line = self.chosen_line()
        clerk = self.counter.session.clerk
        if line is None or clerk is None or self.count_id is None or not self.quantity.text():
            self._fail(self.tr("Choose a line and enter what was counted"))
            return
        quantity = int(self.quantity.text())
        self.counter.worker.submit(
            partial(
                stock_counts.record_counted,
                self.counter.database,
                self.counter.till,
                clerk,
                self.count_id,
                line.sku_id,
                quantity,
            ),
            on_done=lambda total: self._scanned((line.sku_id, total)),
            on_error=self._fail,
        )
        self.quantity.clear()

    def recount(self) -> None:
        line = self.chosen_line()
        clerk = self.counter.session.clerk
        if line is None or self.count_id is None or clerk is None:
            return
        self.counter.worker.submit(
            partial(
                stock_counts.request_recount,
                self.counter.database,
                self.counter.till,
                clerk,
                self.count_id,
                [line.sku_id],
            ),
            on_done=lambda _none: self.load_sheet(),
            on_error=self._fail,
        )

    def cancel(self) -> None:
        clerk = self.counter.session.clerk
        if self.count_id is None or clerk is None:
            return
        self.counter.worker.submit(
            partial(
                stock_counts.cancel_count,
                self.counter.database,
                self.counter.till,
                clerk,
                self.count_id,
            ),
            on_done=lambda _none: self.load_counts(),
            on_error=self._fail,
        )

    def post(self, approval_id: int | None = None) -> None:
        clerk = self.counter.session.clerk
        if clerk is None or self.count_id is None:
            return
        if approval_id is None and ask_if_needed(
            self,
            self,
            Permission.POST_COUNT,
            self.tr("Posting a stock count needs a manager's approval."),
            self.post,
            detail={"count_id": self.count_id},
        ):
            return
        self.counter.worker.submit(
            partial(
                stock_counts.post_count,
                self.counter.database,
                self.counter.till,
                clerk,
                self.count_id,
                approval_id=approval_id,
            ),
            on_done=self._posted,
            on_error=self._fail,
        )

    def _posted(self, posted: CountPosted) -> None:
        self.banner.show_ok(
            self.tr("Count posted: {movements} stock changes (+{added} / -{removed})").format(
                movements=posted.movements, added=posted.units_added, removed=posted.units_removed
            )
        )
        self.posted.emit(posted)
        self.count_id = None
        self.load_counts()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
