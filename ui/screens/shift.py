"""Shift: open with a float, X report (shift so far), close with a cash count and a Z report.

Reports are previewed as the receipt printer will print them and sent to the print queue.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from printers.templates.data import ShiftReportData
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen, parse_fen
from redhome_pos.domain.shift import Shift, ShiftReport
from redhome_pos.domain.staff import Permission
from redhome_pos.domain.tender import TenderKind
from redhome_pos.services import shifts as shift_service
from ui.approval_flow import ask_if_needed
from ui.banner import Banner
from ui.counter import Counter
from ui.dialogs.approval import ApprovalDialog
from ui.dialogs.cash_count import CashCountDialog
from ui.errors import describe_error
from ui.receipts import print_shift_report, shift_report_data, shift_report_preview, store_header


class ShiftScreen(QWidget):
    report_ready = Signal(object)  # ShiftReport (X or Z)
    shift_changed = Signal()

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.report: ShiftReport | None = None
        self.report_data: ShiftReportData | None = None
        self.dialog: ApprovalDialog | None = None
        self.count_dialog: CashCountDialog | None = None

        self.banner = Banner()
        self.state = QLabel()
        self.state.setObjectName("title")
        self.state.setWordWrap(True)

        self.float_field = QLineEdit()
        self.float_field.setPlaceholderText(self.tr("Float in the drawer, e.g. 500"))
        self.open_button = self._button(self.tr("Open shift"), self.open_shift)
        self.open_box = open_box = QGroupBox(self.tr("Open a shift"))
        open_row = QHBoxLayout(open_box)
        open_row.addWidget(self.float_field, 1)
        open_row.addWidget(self.open_button)

        self.counted: dict[str, QLineEdit] = {}
        count_box = QGroupBox(self.tr("Count the drawer and close"))
        form = QFormLayout(count_box)
        names = {
            TenderKind.CASH: self.tr("Cash counted"),
            TenderKind.CARD: self.tr("Card slips"),
            TenderKind.WECHAT: self.tr("WeChat Pay"),
            TenderKind.ALIPAY: self.tr("Alipay"),
            TenderKind.EXTERNAL_WECHAT: self.tr("WeChat Pay on the terminal"),
            TenderKind.EXTERNAL_ALIPAY: self.tr("Alipay on the terminal"),
        }
        blind = QLabel(
            self.tr("Blind count: what the drawer should hold shows on the Z report, after.")
        )
        blind.setObjectName("muted")
        blind.setWordWrap(True)
        form.addRow(blind)
        for kind, name in names.items():
            field = QLineEdit()
            field.setPlaceholderText("0.00")
            field.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.counted[kind.value] = field
            if kind is TenderKind.CASH:
                self.count_button = self._button(self.tr("Count notes"), self.count_cash)
                cash_row = QHBoxLayout()
                cash_row.addWidget(field, 1)
                cash_row.addWidget(self.count_button)
                form.addRow(name, cash_row)
            else:
                form.addRow(name, field)
        self.x_button = self._button(self.tr("X report (shift so far)"), self.x_report)
        self.close_button = self._button(self.tr("Close shift with Z report"), self.close_shift)
        self.print_button = self._button(self.tr("Print report"), self.print_report)
        self.print_button.setEnabled(False)
        form.addRow(self.close_button)

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self.banner)
        left.addWidget(self.state)
        left.addWidget(open_box)
        left.addWidget(count_box)
        report_row = QHBoxLayout()
        report_row.addWidget(self.x_button)
        report_row.addWidget(self.print_button)
        left.addLayout(report_row)
        left.addStretch(1)

        self.preview = QLabel(self.tr("The report preview appears here."))
        self.preview.setObjectName("muted")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.scroll_area = scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(360)

        row = QHBoxLayout(self)
        row.setContentsMargins(12, 12, 12, 12)
        row.setSpacing(16)
        row.addLayout(left, 5)
        row.addWidget(scroll, 4)
        counter.session.shift_changed.connect(self.show_shift)
        self.show_shift(counter.session.shift)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(52)
        button.clicked.connect(lambda *_: slot())  # type: ignore[operator]
        return button

    def show_shift(self, shift: Shift | None) -> None:
        if shift is None:
            self.state.setText(self.tr("No shift is open at this till."))
        else:
            opened = self.counter.local_time(shift.opened_at)
            self.state.setText(
                self.tr("Shift #{number} open since {time}, float {amount}").format(
                    number=shift.id, time=opened, amount=format_fen(shift.float_fen)
                )
            )
        self.open_box.setVisible(shift is None)  # room for the count while a shift is open
        self.open_button.setEnabled(shift is None)
        self.float_field.setEnabled(shift is None)
        self.x_button.setEnabled(shift is not None)
        self.close_button.setEnabled(shift is not None)
        self.count_button.setEnabled(shift is not None)
        for field in self.counted.values():
            field.setEnabled(shift is not None)

    def _fail(self, error: object) -> None:
        self.banner.show_error(describe_error(error))

    # -- opening ----------------------------------------------------------------------------------
    def open_shift(self) -> None:
        clerk = self.counter.session.clerk
        if clerk is None:
            return
        try:
            float_fen = parse_fen(self.float_field.text() or "0")
        except DomainError as error:
            self._fail(error)
            return
        self.counter.worker.submit(
            partial(
                shift_service.open_shift, self.counter.database, self.counter.till, clerk, float_fen
            ),
            on_done=self._opened,
            on_error=self._fail,
        )

    def _opened(self, shift: Shift) -> None:
        self.float_field.clear()
        self.counter.session.set_shift(shift)
        self.banner.show_ok(self.tr("Shift #{number} is open").format(number=shift.id))
        self.shift_changed.emit()

    # -- reports ----------------------------------------------------------------------------------
    def x_report(self) -> None:
        clerk = self.counter.session.clerk
        if clerk is None:
            return
        self.counter.worker.submit(
            partial(shift_service.x_report, self.counter.database, self.counter.till, clerk),
            on_done=self.show_report,
            on_error=self._fail,
        )

    def close_shift(self, approval_id: int | None = None) -> None:
        clerk = self.counter.session.clerk
        if clerk is None:
            return
        try:
            counted = {kind: parse_fen(field.text() or "0") for kind, field in self.counted.items()}
        except DomainError as error:
            self._fail(error)
            return
        if approval_id is None and ask_if_needed(
            self,
            self.window(),
            Permission.CLOSE_SHIFT,
            self.tr("Closing the shift needs a supervisor."),
            self.close_shift,
        ):
            return
        self.counter.worker.submit(
            partial(
                shift_service.close_shift,
                self.counter.database,
                self.counter.till,
                clerk,
                counted,
                approval_id=approval_id,
            ),
            on_done=self._closed,
            on_error=self._fail,
        )

    # -- the blind count ------------------------------------------------------------------------
    def count_cash(self) -> None:
        """点钞 note by note; an X report on the screen is put away first (the count is blind)."""
        self._hide_report()
        self.count_dialog = dialog = CashCountDialog(parent=self.window())
        dialog.accepted.connect(lambda: self._counted(dialog))
        dialog.open()

    def _counted(self, dialog: CashCountDialog) -> None:
        total = dialog.total_fen
        self.counted[TenderKind.CASH.value].setText(format_fen(total, sign=False))

    def _hide_report(self) -> None:
        self._preview_full = QPixmap()
        self.preview.setPixmap(QPixmap())
        self.preview.setText(self.tr("The report preview appears here."))
        self.report = None
        self.report_data = None
        self.print_button.setEnabled(False)

    def _closed(self, report: ShiftReport) -> None:
        for field in self.counted.values():
            field.clear()
        self.show_report(report)
        self.counter.session.set_shift(None)
        self.print_report()
        self.shift_changed.emit()

    def show_report(self, report: ShiftReport) -> None:
        shift = self.counter.session.shift
        opened = shift.opened_at if shift is not None else report.created_at
        clerk = self.counter.session.clerk
        self.report = report
        self.report_data = shift_report_data(
            report, opened, store_header(self.counter), clerk.name if clerk else ""
        )
        self.print_button.setEnabled(True)
        self.counter.slow_worker.submit(
            shift_report_preview, self.report_data, on_done=self._show_preview, on_error=self._fail
        )
        self.report_ready.emit(report)

    def _show_preview(self, png: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self._preview_full = pixmap
        self._fit_preview()

    def _fit_preview(self) -> None:
        pixmap = getattr(self, "_preview_full", None)
        if pixmap is None or pixmap.isNull():
            return
        width = max(200, self.scroll_area.viewport().width() - 8)
        self.preview.setPixmap(
            pixmap.scaledToWidth(
                min(width, pixmap.width()), Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._fit_preview()

    def print_report(self) -> None:
        if self.report_data is not None:
            print_shift_report(self.counter, self.report_data)
            self.banner.show_ok(self.tr("The report is printing"))
