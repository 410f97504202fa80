"""Settlement with WeChat Pay and Alipay for a manager: a day's provider bills against the
payments and refunds recorded (``services.settlement``, as ``payments reconcile``): per
provider what was paid, refunded, the fees and what it settles; then every line that does not
match — or all of them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.money import format_fen
from redhome_pos.domain.payments import BillLineKind, WalletProvider
from redhome_pos.domain.settlement import (
    Finding,
    ProviderTotals,
    SettlementLine,
    SettlementReport,
    bill_day,
)
from redhome_pos.services.settlement import reconcile_day
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error


class SettlementScreen(QWidget):
    reconciled = Signal(object)  # SettlementReport
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.report: SettlementReport | None = None
        title = QLabel(self.tr("Settlement with WeChat Pay and Alipay"))
        title.setObjectName("title")
        self.day = QLineEdit((bill_day(datetime.now(UTC)) - timedelta(days=1)).isoformat())
        self.day.setPlaceholderText("YYYY-MM-DD")
        self.day.setMaximumWidth(180)
        day_caption = QLabel(self.tr("Bill day (China time)"))
        self.run_button = QPushButton(self.tr("Reconcile"))
        self.run_button.setObjectName("complete")
        self.run_button.setMinimumHeight(48)
        self.run_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.run_button.clicked.connect(lambda *_: self.run())
        self.problems_only = QCheckBox(self.tr("Only what does not match"))
        self.problems_only.setChecked(True)
        self.problems_only.toggled.connect(lambda _on: self.show_lines())
        head = QHBoxLayout()
        head.addWidget(day_caption)
        head.addWidget(self.day)
        head.addWidget(self.run_button)
        head.addStretch(1)
        head.addWidget(self.problems_only)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.banner = Banner()
        self.table = make_table(
            [
                self.tr("Finding"),
                self.tr("Wallet"),
                self.tr("Kind"),
                self.tr("Number"),
                self.tr("Recorded"),
                self.tr("Bill"),
                self.tr("Difference"),
                self.tr("Fee"),
                self.tr("Sale / return"),
            ],
            stretch=8,
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # numbers: both ends show
        # The provider's number gets room for both its ends; the sale or return takes the rest.
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(3, 128)
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addLayout(head)
        column.addWidget(self.banner)
        column.addWidget(self.totals)
        column.addWidget(self.summary)
        column.addWidget(self.table, 1)

    def activate(self) -> None:
        self.run_button.setEnabled(self.counter.payments is not None)
        if self.counter.payments is None:
            self.totals.setText(self.tr("No payment provider is configured at this counter."))

    def run(self) -> None:
        payments = self.counter.payments
        if payments is None:
            return
        try:
            day = date.fromisoformat(self.day.text().strip())
        except ValueError:
            self._fail(self.tr("Type the day as 2026-11-25"))
            return
        self.run_button.setEnabled(False)
        self.summary.setText(self.tr("Fetching the bills…"))
        job = partial(reconcile_day, self.counter.database, payments.providers, day)
        self.counter.slow_worker.submit(job, on_done=self.show_report, on_error=self._fail)

    # -- words ----------------------------------------------------------------------------------
    def wallet_name(self, provider: WalletProvider) -> str:
        return self.tr("WeChat Pay") if provider is WalletProvider.WECHAT else self.tr("Alipay")

    def finding_words(self, finding: Finding) -> str:
        return {
            Finding.MATCHED: self.tr("matches"),
            Finding.REVERSED: self.tr("reversed"),
            Finding.AMOUNT_DIFFERS: self.tr("amount differs"),
            Finding.NOT_IN_BILL: self.tr("not in the bill"),
            Finding.NOT_RECORDED: self.tr("not recorded here"),
        }[finding]

    def totals_words(self, totals: ProviderTotals) -> str:
        name = self.wallet_name(totals.provider)
        if totals.bill_error:
            reason = describe_error(totals.bill_fault) if totals.bill_fault else totals.bill_error
            return self.tr("{wallet}: no bill — {reason}").format(wallet=name, reason=reason)
        return self.tr(
            "{wallet}: bill paid {paid}, refunded {refunded}, fees {fees}, settled {settled} · "
            "recorded paid {ours_paid}, refunded {ours_refunded}"
        ).format(
            wallet=name,
            paid=format_fen(totals.bill_paid_fen),
            refunded=format_fen(totals.bill_refunded_fen),
            fees=format_fen(totals.fees_fen),
            settled=format_fen(totals.settled_fen),
            ours_paid=format_fen(totals.ours_paid_fen),
            ours_refunded=format_fen(totals.ours_refunded_fen),
        )

    # -- showing --------------------------------------------------------------------------------
    def show_report(self, report: SettlementReport) -> None:
        self.report = report
        self.run_button.setEnabled(True)
        self.totals.setText("\n".join(self.totals_words(t) for t in report.totals))
        problems = len(report.problems)
        if report.balanced:
            self.summary.setText(
                self.tr("{day}: every line matches (%n line(s))", "", len(report.lines)).format(
                    day=report.day.isoformat()
                )
            )
        else:
            self.summary.setText(
                self.tr("{day}: lines that do not match: {problems} of {count}").format(
                    day=report.day.isoformat(), problems=problems, count=len(report.lines)
                )
            )
        self.show_lines()
        self.reconciled.emit(report)

    def shown_lines(self) -> list[SettlementLine]:
        if self.report is None:
            return []
        lines = self.report.lines
        return list(self.report.problems if self.problems_only.isChecked() else lines)

    def show_lines(self) -> None:
        def money(fen: int | None) -> str:
            return "" if fen is None else format_fen(fen)

        fill(
            self.table,
            [
                [
                    self.finding_words(line.finding),
                    self.wallet_name(line.provider),
                    self.tr("payment") if line.kind is BillLineKind.PAYMENT else self.tr("refund"),
                    line.out_refund_no or line.out_trade_no,
                    money(line.ours_fen),
                    money(line.bill_fen),
                    money(line.difference_fen) if line.difference_fen else "",
                    money(line.fee_fen) if line.fee_fen else "",
                    self.tr("test payment") if line.receipt_no == "test" else line.receipt_no,
                ]
                for line in self.shown_lines()
            ],
            right=(4, 5, 6, 7),
        )

    def _fail(self, error: object) -> None:
        self.run_button.setEnabled(self.counter.payments is not None)
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
