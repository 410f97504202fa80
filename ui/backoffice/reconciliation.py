"""Reconciliation with the online store: run it (with progress, while the counter sells),
filter the differences by class or text, decide per line or for all shown, export CSV, and
look back at earlier runs."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.money import format_fen
from redhome_pos.domain.reconciliation import ALLOWED, DifferenceKind, Resolution
from redhome_pos.services.reconciliation import Decision, RunLine, RunRecord, RunResult
from ui.backoffice import reconcile_jobs
from ui.backoffice.long_jobs import Progress, long_worker
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error

PRICES = {DifferenceKind.PRICE_MISMATCH}


class ReconciliationScreen(QWidget):
    run_finished = Signal(int)  # run id
    lines_loaded = Signal()
    decided = Signal(list)  # Decision list
    exported = Signal(str)  # path
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.worker = long_worker(counter)
        self.run_id: int | None = None
        self.records: list[RunRecord] = []
        self.lines: list[RunLine] = []
        self.variants: dict[int, str] = {}  # sku id: its variant, for the lines shown
        self.running = False
        self.progress = Progress(self)
        self.progress.moved.connect(self._moved)

        title = QLabel(self.tr("Reconciliation with the online store"))
        title.setObjectName("title")
        self.run_button = QPushButton(self.tr("Run reconciliation"))
        self.run_button.setObjectName("complete")
        self.run_button.clicked.connect(self.run)
        self.bar = QProgressBar()
        self.bar.setMinimumHeight(28)
        self.bar.hide()
        self.step = QLabel()
        self.step.setObjectName("muted")
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.run_button)

        self.history = QComboBox()
        self.history.setMinimumHeight(44)
        self.history.currentIndexChanged.connect(self._run_chosen)
        self.kind = QComboBox()
        self.kind.setMinimumHeight(44)
        self.kind.addItem(self.tr("All differences"), None)
        for kind in DifferenceKind:
            self.kind.addItem(self.kind_words(kind), kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self.load_lines())
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Filter by code or title"))
        self.text.textChanged.connect(lambda _t: self.load_lines())
        self.undecided = QCheckBox(self.tr("Undecided only"))
        self.undecided.toggled.connect(lambda _on: self.load_lines())
        filters = QHBoxLayout()
        filters.addWidget(self.history, 3)
        filters.addWidget(self.kind, 2)
        filters.addWidget(self.text, 2)
        filters.addWidget(self.undecided)

        self.table = make_table(
            [
                self.tr("Code"),
                self.tr("Product"),
                self.tr("Variant"),
                self.tr("Kind of difference"),
                self.tr("Store"),
                self.tr("Online"),
                self.tr("At stake"),
                self.tr("Decision"),
            ],
            stretch=1,
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.banner = Banner()

        self.resolution = QComboBox()
        self.resolution.setMinimumHeight(44)
        for resolution in Resolution:
            self.resolution.addItem(self.resolution_words(resolution), resolution.value)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason (required)"))
        self.decide_button = QPushButton(self.tr("Decide for the chosen lines"))
        self.decide_button.clicked.connect(self.decide_chosen)
        self.decide_all_button = QPushButton(self.tr("Decide for all shown"))
        self.decide_all_button.clicked.connect(self.decide_all)
        self.export_button = QPushButton(self.tr("Export CSV"))
        self.export_button.clicked.connect(self.export)
        for button in (
            self.run_button,
            self.decide_button,
            self.decide_all_button,
            self.export_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        actions = QGridLayout()
        actions.addWidget(self.resolution, 0, 0)
        actions.addWidget(self.reason, 0, 1, 1, 2)
        actions.addWidget(self.decide_button, 1, 0)
        actions.addWidget(self.decide_all_button, 1, 1)
        actions.addWidget(self.export_button, 1, 2)
        for number in range(3):
            actions.setColumnStretch(number, 1)

        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.bar)
        column.addWidget(self.step)
        column.addLayout(filters)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)
        column.addWidget(self.banner)
        column.addLayout(actions)
        self._update_actions()

    # -- words ----------------------------------------------------------------------------------
    def kind_words(self, kind: DifferenceKind) -> str:
        return {
            DifferenceKind.STOCK_DRIFT: self.tr("Stock differs"),
            DifferenceKind.PRICE_MISMATCH: self.tr("Price differs"),
            DifferenceKind.BARCODE_MISMATCH: self.tr("Barcode differs"),
            DifferenceKind.MISSING_HERE: self.tr("Not in the store"),
            DifferenceKind.MISSING_ONLINE: self.tr("Not listed online"),
            DifferenceKind.INACTIVE_BUT_STOCKED: self.tr("Not for sale yet stocked"),
        }[kind]

    def resolution_words(self, resolution: Resolution) -> str:
        return {
            Resolution.PUSH_STORE_STOCK: self.tr("Send the store's stock online"),
            Resolution.ACCEPT_ONLINE_STOCK: self.tr("Take the online stock"),
            Resolution.RECOUNT: self.tr("Count it again"),
            Resolution.TAKE_ONLINE_PRICE: self.tr("Take the online price"),
            Resolution.FLAG_HEAD_OFFICE: self.tr("Flag for head office"),
        }[resolution]

    def _figure(self, line: RunLine, value: int | None) -> str:
        if value is None:
            return "-"
        return format_fen(value) if line.difference.kind in PRICES else str(value)

    # -- running --------------------------------------------------------------------------------
    def activate(self) -> None:
        self.load_runs()

    def run(self) -> None:
        clerk = self.counter.session.clerk
        if clerk is None or self.running:
            return
        self.running = True
        self.bar.setRange(0, 0)
        self.bar.show()
        self.step.setText(self.tr("Reading the online store…"))
        self._update_actions()
        self.worker.submit(
            partial(
                reconcile_jobs.run,
                self.counter.context,
                self.counter.till,
                clerk,
                self.progress.report,
            ),
            on_done=self._ran,
            on_error=self._run_failed,
        )

    def _moved(self, step: str, done: int, total: int) -> None:
        words = {
            "catalog": self.tr("Reading the online catalog"),
            "stock": self.tr("Reading the online stock"),
            "compare": self.tr("Comparing"),
        }.get(step, step)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(min(done, max(total, 1)))
        self.step.setText(f"{words} {done}/{total}")

    def _ran(self, result: RunResult) -> None:
        self.running = False
        self.bar.hide()
        self.step.setText(
            self.tr("Run #{run}: {count} differences").format(
                run=result.run_id, count=result.summary.differences
            )
        )
        self.run_finished.emit(result.run_id)
        self.load_runs(choose=result.run_id)

    def _run_failed(self, error: object) -> None:
        self.running = False
        self.bar.hide()
        self.step.clear()
        self._fail(error)

    # -- runs and lines -------------------------------------------------------------------------
    def load_runs(self, choose: int | None = None) -> None:
        self.counter.worker.submit(
            partial(reconcile_jobs.runs, self.counter.database),
            on_done=lambda records: self._runs(records, choose),
            on_error=self._fail,
        )

    def _runs(self, records: list[RunRecord], choose: int | None) -> None:
        self.records = records
        keep = choose if choose is not None else self.run_id
        self.history.blockSignals(True)
        self.history.clear()
        for record in records:
            self.history.addItem(
                self.tr("#{run} {when} · {count} differences, {done} decided").format(
                    run=record.id,
                    when=self.counter.local_time(record.started_at, "%m-%d %H:%M"),
                    count=record.summary.differences,
                    done=record.resolved,
                ),
                record.id,
            )
        ids = [record.id for record in records]
        self.history.setCurrentIndex(ids.index(keep) if keep in ids else (0 if ids else -1))
        self.history.blockSignals(False)
        self._run_chosen()

    def _run_chosen(self, *_: Any) -> None:
        data = self.history.currentData()
        self.run_id = int(data) if data is not None else None
        self.load_lines()

    def set_kind(self, kind: DifferenceKind | None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(None if kind is None else kind.value))

    def load_lines(self) -> None:
        if self.run_id is None:
            self.lines = []
            self._show_lines()
            return
        data = self.kind.currentData()
        self.counter.worker.submit(
            partial(
                reconcile_jobs.lines,
                self.counter.database,
                self.run_id,
                None if data is None else DifferenceKind(data),
                self.text.text().strip(),
                self.undecided.isChecked(),
            ),
            on_done=self._lines,
            on_error=self._fail,
        )

    def _lines(self, found: tuple[list[RunLine], dict[int, str]]) -> None:
        self.lines, self.variants = found
        self._show_lines()
        self.lines_loaded.emit()

    def _show_lines(self) -> None:
        fill(
            self.table,
            [
                (
                    line.difference.sku_code or line.difference.red_sku_id,
                    line.difference.title,
                    self.variants.get(line.difference.sku_id or 0, ""),
                    self.kind_words(line.difference.kind),
                    self._figure(line, line.difference.here),
                    self._figure(line, line.difference.online),
                    format_fen(line.difference.value_fen),
                    "" if line.resolution is None else self.resolution_words(line.resolution),
                )
                for line in self.lines
            ],
        )
        record = next((r for r in self.records if r.id == self.run_id), None)
        if record is None:
            self.summary.setText(self.tr("No reconciliation run yet"))
        else:
            self.summary.setText(
                self.tr(
                    "{here} SKUs in the store, {online} online; {count} differences worth "
                    "{value}; {shown} shown"
                ).format(
                    here=record.summary.skus_here,
                    online=record.summary.skus_online,
                    count=record.summary.differences,
                    value=format_fen(record.summary.value_fen),
                    shown=len(self.lines),
                )
            )
        self._update_actions()

    def _update_actions(self) -> None:
        has = bool(self.lines)
        for widget in (self.decide_button, self.decide_all_button):
            widget.setEnabled(has)
        self.export_button.setEnabled(self.run_id is not None)
        self.run_button.setEnabled(not self.running)

    def choose_code(self, code: str) -> None:
        for row, line in enumerate(self.lines):
            if line.difference.sku_code == code:
                self.table.selectRow(row)

    def chosen_lines(self) -> list[RunLine]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.lines[row] for row in rows if row < len(self.lines)]

    # -- decisions ------------------------------------------------------------------------------
    def decide_chosen(self) -> None:
        self._decide(self.chosen_lines())

    def decide_all(self) -> None:
        self._decide([line for line in self.lines if line.resolution is None])

    def _decide(self, lines: list[RunLine]) -> None:
        clerk = self.counter.session.clerk
        if clerk is None:
            return
        if not lines:
            self._fail(self.tr("Choose the lines to decide on"))
            return
        resolution = Resolution(self.resolution.currentData())
        wrong = [line for line in lines if resolution not in ALLOWED[line.difference.kind]]
        if wrong:
            self._fail(
                self.tr("{decision} does not fit a difference of kind {kind}").format(
                    decision=self.resolution_words(resolution),
                    kind=self.kind_words(wrong[0].difference.kind),
                )
            )
            return
        self.counter.worker.submit(
            partial(
                reconcile_jobs.decide,
                self.counter.database,
                self.counter.till,
                clerk,
                [line.id for line in lines],
                resolution,
                self.reason.text(),
            ),
            on_done=self._decided,
            on_error=self._fail,
        )

    def _decided(self, decisions: list[Decision]) -> None:
        self.banner.show_ok(self.tr("%n line(s) decided", "", len(decisions)))
        self.decided.emit(decisions)
        self.load_runs()

    def export(self) -> None:
        if self.run_id is None:
            return
        context = self.counter.context
        folder = Path(context.preview_dir or Path.home()) / "exports"
        self.counter.worker.submit(
            partial(reconcile_jobs.export, self.counter.database, self.run_id, folder),
            on_done=self._exported,
            on_error=self._fail,
        )

    def _exported(self, path: Path) -> None:
        self.banner.show_ok(self.tr("Saved as {path}").format(path=str(path)))
        self.exported.emit(str(path))

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
