"""Reports for a manager: sales by day, hour, category, staff and tender; top SKUs; sales
attributed to RED notes; with a bar chart, the table, and CSV export. Reports are made on the
long-job worker, so the counter keeps selling."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.money import format_fen
from redhome_pos.services import reports
from redhome_pos.services.reports import Report, ReportPeriod
from ui.backoffice.bars import BarChart
from ui.backoffice.long_jobs import long_worker
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error

SHOWN = (
    "sales_by_day",
    "sales_by_hour",
    "sales_by_category",
    "sales_by_staff",
    "sales_by_tender",
    "top_skus",
    "notes",
    "stock_by_expiry",
    "promotions",
    "members",
    "points",
    "online_orders",
)


def export_report(report: Report, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{report.name}-{report.period.first_day}-{report.period.last_day}.csv"
    reports.write_csv(report, path)
    return path


def chart_of(report: Report) -> tuple[list[tuple[str, int]], bool]:
    """The bars of a report: its first column against its first money column (else its
    first count), summed per label; promotions by their words against what each cost."""
    money = [i for i, name in enumerate(report.columns) if name.endswith("_fen")]
    revenue = [i for i in money if "revenue" in report.columns[i] or "net" in report.columns[i]]
    counts = [i for i, name in enumerate(report.columns) if name in ("sales", "units")]
    at = (revenue or money or counts or [len(report.columns) - 1])[0]
    by_sku = report.columns[:2] == ("sku", "title")
    label_at = 1 if report.name in ("notes", "promotions") else 0
    if report.name == "promotions":  # what each promotion cost, in its own words
        at = report.columns.index("cost_fen")
    totals: dict[str, int] = {}
    for row in report.rows:
        if by_sku:  # the product and its variant (色号：#520), else its code
            variant = row[2] if report.columns[2:3] == ("variant",) else ""
            label = f"{row[1]} {variant or row[0]}"
        else:
            label = str(row[label_at])
        value = row[at] if isinstance(row[at], int) else 0
        totals[label] = totals.get(label, 0) + value
    return list(totals.items()), at in money


class ReportsScreen(QWidget):
    shown = Signal(object)  # Report
    exported = Signal(str)
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.worker = long_worker(counter)
        self.report: Report | None = None

        title = QLabel(self.tr("Reports"))
        title.setObjectName("title")
        self.which = QComboBox()
        self.which.setMinimumHeight(44)
        for name in SHOWN:
            self.which.addItem(self.report_words(name), name)
        day = counter.till.today()  # the store's date, not the machine's
        today = QDate(day.year, day.month, day.day)
        self.first = QDateEdit(today.addDays(-6))
        self.last = QDateEdit(today)
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumHeight(44)
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("complete")
        self.show_button.clicked.connect(self.make)
        self.export_button = QPushButton(self.tr("Export CSV"))
        self.export_button.clicked.connect(self.export)
        self.export_button.setEnabled(False)
        for button in (self.show_button, self.export_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.which, 2)
        head.addWidget(self.first, 1)
        head.addWidget(QLabel("–"))
        head.addWidget(self.last, 1)
        head.addWidget(self.show_button)
        head.addWidget(self.export_button)

        self.chart = BarChart()
        self.table = make_table([self.tr("No report yet")])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.chart)
        split.addWidget(self.table)
        split.setSizes([300, 300])
        self.banner = Banner()
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(split, 1)
        column.addWidget(self.banner)

    def report_words(self, name: str) -> str:
        return {
            "sales_by_day": self.tr("Sales by day"),
            "sales_by_hour": self.tr("Sales by hour"),
            "sales_by_category": self.tr("Sales by category"),
            "sales_by_staff": self.tr("Sales by staff"),
            "sales_by_tender": self.tr("Payments by tender"),
            "top_skus": self.tr("Top SKUs"),
            "notes": self.tr("Sales from RED notes"),
            "stock_by_expiry": self.tr("Stock by expiry month"),
            "promotions": self.tr("Sales by promotion"),
            "members": self.tr("Members' share of sales"),
            "points": self.tr("Points moved and owed"),
            "online_orders": self.tr("Online orders (receivers masked)"),
        }.get(name, name)

    def column_words(self, name: str) -> str:
        return {
            "day": self.tr("Day"),
            "hour": self.tr("Hour"),
            "category": self.tr("Category"),
            "staff": self.tr("Staff number"),
            "name": self.tr("Name"),
            "tender": self.tr("Tender"),
            "payments": self.tr("Payments"),
            "taken_fen": self.tr("Taken"),
            "refunded_fen": self.tr("Refunded"),
            "net_fen": self.tr("Net"),
            "sku": self.tr("Code"),
            "title": self.tr("Product"),
            "variant": self.tr("Variant"),
            "note": self.tr("Note"),
            "sales": self.tr("Sales"),
            "units": self.tr("Units"),
            "discount_fen": self.tr("Discounts"),
            "revenue_fen": self.tr("Revenue"),
            "returned_units": self.tr("Units returned"),
            "net_revenue_fen": self.tr("Net revenue"),
            "promotion": self.tr("Code"),
            "label": self.tr("Promotion"),
            "cost_fen": self.tr("Cost"),
            "customers": self.tr("Customers"),
            "share": self.tr("Share"),
            "points": self.tr("Movement"),
            "count": self.tr("Points"),
            "month": self.tr("Expiry month"),
            "value_fen": self.tr("Value"),
            "lot": self.tr("Lot"),
            "expiry": self.tr("Expiry date"),
            "on_hand": self.tr("On hand"),
            "order": self.tr("Order"),
            "created": self.tr("Created"),
            "status": self.tr("Status"),
            "fulfilment": self.tr("Kind"),
            "cancel_requested": self.tr("Cancel asked"),
            "receiver": self.tr("Receiver (masked)"),
            "paid_fen": self.tr("Paid"),
        }.get(name, name)

    def set_period(self, first: date, last: date) -> None:
        self.first.setDate(QDate(first.year, first.month, first.day))
        self.last.setDate(QDate(last.year, last.month, last.day))

    def choose(self, name: str) -> None:
        self.which.setCurrentIndex(self.which.findData(name))

    def make(self) -> None:
        first = self.first.date().toPython()
        last = self.last.date().toPython()
        assert isinstance(first, date) and isinstance(last, date)
        period = ReportPeriod(first, last, self.counter.context.timezone)
        self.show_button.setEnabled(False)
        self.worker.submit(
            partial(reports.make_report, self.counter.database, self.which.currentData(), period),
            on_done=self._made,
            on_error=self._fail,
        )

    def value_words(self, report: Report, value: object) -> object:
        """The words a report's first column holds (who, which movement), translated."""
        if report.name not in ("members", "points") or not isinstance(value, str):
            return value
        held = re.fullmatch(r"held now by (\d+) members", value)
        if held:
            return self.tr("Held now by {count} members").format(count=held.group(1))
        return {
            "members": self.tr("Members"),
            "others": self.tr("Other customers"),
            "earn": self.tr("Earned"),
            "redeem": self.tr("Paid with"),
            "take_back": self.tr("Taken back by a return"),
            "refund": self.tr("Given back by a return"),
            "expire": self.tr("Expired"),
            "reward": self.tr("Spent on a reward"),
            "reward_back": self.tr("Given back for a reward's goods"),
            "void": self.tr("Undone by a void"),
        }.get(value, value)

    def _made(self, report: Report) -> None:
        self.show_button.setEnabled(True)
        self.report = report
        # Shown (and charted) in the manager's words; exported as made.
        report = replace(
            report,
            rows=[(self.value_words(report, row[0]), *row[1:]) for row in report.rows],
        )
        self.table.setColumnCount(len(report.columns))
        self.table.setHorizontalHeaderLabels([self.column_words(c) for c in report.columns])
        wide = next(
            (i for i, c in enumerate(report.columns) if c in ("title", "name", "note", "receiver")),
            0,
        )
        header = self.table.horizontalHeader()
        for number in range(len(report.columns)):
            header.setSectionResizeMode(
                number,
                QHeaderView.ResizeMode.Stretch
                if number == wide
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        fill(
            self.table,
            [
                tuple(
                    format_fen(v) if c.endswith("_fen") and isinstance(v, int) else v
                    for c, v in zip(report.columns, row, strict=True)
                )
                for row in report.rows
            ],
        )
        bars, money = chart_of(report)
        self.chart.show_bars(bars, money=money)
        self.export_button.setEnabled(True)
        if not report.rows:
            self.banner.show_ok(self.tr("Nothing sold in this period"))
        self.shown.emit(report)

    def export(self) -> None:
        if self.report is None:
            return
        folder = Path(self.counter.context.preview_dir or Path.home()) / "exports"
        self.worker.submit(
            partial(export_report, self.report, folder),
            on_done=self._exported,
            on_error=self._fail,
        )

    def _exported(self, path: Path) -> None:
        self.banner.show_ok(self.tr("Saved as {path}").format(path=str(path)))
        self.exported.emit(str(path))

    def _fail(self, error: object) -> None:
        self.show_button.setEnabled(True)
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
