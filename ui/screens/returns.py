"""Returns: find the sale by receipt number or its scanned code, choose what comes back,
refund it (with a supervisor's approval when the clerk may not refund alone)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain import approvals
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.payments import ProviderRefund, RefundState
from redhome_pos.domain.sale import ReturnRequest, Sale, refund_for
from redhome_pos.domain.staff import Permission, Role
from redhome_pos.domain.tender import plan_refund
from redhome_pos.services import returns as return_service
from redhome_pos.services.returns import ReturnResult
from ui import jobs, words
from ui.approval_flow import ask_if_needed
from ui.banner import Banner
from ui.counter import Counter
from ui.dialogs.approval import ApprovalDialog
from ui.errors import describe_error
from ui.receipts import print_return


class ReturnsScreen(QWidget):
    sale_found = Signal(object)  # Sale
    return_done = Signal(object)  # ReturnResult
    # An exchange: receipt no, the lines coming back, reason, refund (fen), approval id or None.
    exchange_requested = Signal(str, object, str, int, object)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.sale: Sale | None = None
        self.returned: dict[int, int] = {}
        self.named_by = ""  # what named the sale: the receipt's code as scanned, or its number
        self.dialog: ApprovalDialog | None = None
        self.banner = Banner()

        self.receipt_field = QLineEdit()
        self.receipt_field.setPlaceholderText(
            self.tr("Receipt number, or scan the code on the receipt")
        )
        self.receipt_field.returnPressed.connect(self.find_sale)
        find = QPushButton(self.tr("Find sale"))
        find.clicked.connect(self.find_sale)
        top = QHBoxLayout()
        top.addWidget(self.receipt_field, 1)
        top.addWidget(find)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Product"),
                self.tr("Sold"),
                self.tr("Paid"),
                self.tr("Return"),
                self.tr("Damaged"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                self.tr("Customer changed their mind"),
                self.tr("Wrong shade or size"),
                self.tr("Faulty product"),
            ]
        )
        self.to_cash = QCheckBox(self.tr("Refund in cash"))
        self.refund_button = QPushButton(self.tr("Refund"))
        self.refund_button.setObjectName("pay")
        self.refund_button.setMinimumHeight(64)
        self.refund_button.setEnabled(False)
        self.refund_button.clicked.connect(lambda: self.refund())
        self.to_cash.toggled.connect(lambda _on: self.show_refund())
        self.refund_total = QLabel()
        self.refund_total.setWordWrap(True)
        self.refund_total.setStyleSheet("font-size: 20px;")
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Reason")))
        bottom.addWidget(self.reason, 1)
        bottom.addWidget(self.to_cash)
        self.exchange_button = QPushButton(self.tr("Exchange for the cart"))
        self.exchange_button.setMinimumHeight(64)
        self.exchange_button.setEnabled(False)
        self.exchange_button.clicked.connect(lambda: self.refund(exchange=True))
        bottom.addWidget(self.exchange_button)
        bottom.addWidget(self.refund_button)

        self.wallet_refunds = WalletRefundsPanel(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.wallet_refunds)
        # The money back and where it goes, on a line of its own: beside the buttons it was
        # squeezed into a narrow column at 1024 px.
        layout.addWidget(self.refund_total)
        layout.addLayout(bottom)

    def activate(self) -> None:
        self.receipt_field.setFocus()

    def handle_scan(self, text: str) -> None:
        """A receipt code scanned here finds its sale."""
        self.receipt_field.setText(text.strip())
        self.find_sale()

    def find_sale(self) -> None:
        text = self.receipt_field.text().strip()
        if not text:
            return
        self.counter.worker.submit(
            partial(jobs.sale_for_return, self.counter.database, self.counter.till, text),
            on_done=partial(self._found, text),
            on_error=lambda error: self.banner.show_error(describe_error(error)),
        )

    def _found(self, text: str, found: tuple[Sale, dict[int, int]]) -> None:
        self.show_sale(found)
        # What was scanned or typed goes to the return: the receipt's signed code proves the
        # receipt is at the counter; a number typed by hand needs a manager.
        self.named_by = text

    def show_sale(self, found: tuple[Sale, dict[int, int]]) -> None:
        sale, returned = found
        self.wallet_refunds.show_refunds((), "", "")
        self.named_by = sale.receipt_no
        self.sale, self.returned = sale, returned
        when = self.counter.local_time(sale.created_at, "%Y-%m-%d %H:%M")
        self.summary.setText(
            self.tr("Sale {receipt} · {time} · {total} · clerk {clerk}").format(
                receipt=sale.receipt_no,
                time=when,
                total=format_fen(sale.total_fen),
                clerk=sale.staff.name,
            )
        )
        lines = sale.sold_lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            left = line.quantity - returned.get(line.line_no, 0)
            title = f"{line.title}\n{line.variant}" if line.variant else line.title
            self.table.setItem(row, 0, QTableWidgetItem(title))
            sold = QTableWidgetItem(str(line.quantity))
            sold.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, sold)
            paid = QTableWidgetItem(format_fen(line.amount_fen))
            paid.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, paid)
            spin = QSpinBox()
            spin.setRange(0, max(0, left))
            spin.setMinimumHeight(44)
            spin.setMinimumWidth(96)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            spin.setEnabled(left > 0)
            spin.valueChanged.connect(lambda _value: self.show_refund())
            self.table.setCellWidget(row, 3, spin)
            damaged = QCheckBox()
            holder = QWidget()  # centres the box in its cell, a full touch target
            box = QHBoxLayout(holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(damaged, 0, Qt.AlignmentFlag.AlignCenter)
            self.table.setCellWidget(row, 4, holder)
        self.table.resizeRowsToContents()
        self.show_refund()
        self.refund_button.setEnabled(bool(lines))
        self.exchange_button.setEnabled(bool(lines))
        self.sale_found.emit(sale)

    def set_return_quantity(self, line_no: int, quantity: int) -> None:
        if self.sale is None:
            return
        for row, line in enumerate(self.sale.sold_lines):
            if line.line_no == line_no:
                spin = self.table.cellWidget(row, 3)
                assert isinstance(spin, QSpinBox)
                spin.setValue(quantity)

    def requests(self) -> list[ReturnRequest]:
        if self.sale is None:
            return []
        wanted = []
        for row, line in enumerate(self.sale.sold_lines):
            spin = self.table.cellWidget(row, 3)
            holder = self.table.cellWidget(row, 4)
            damaged = holder.findChild(QCheckBox) if holder is not None else None
            if isinstance(spin, QSpinBox) and spin.value() > 0:
                is_damaged = isinstance(damaged, QCheckBox) and damaged.isChecked()
                wanted.append(ReturnRequest(line.line_no, spin.value(), is_damaged))
        return wanted

    def show_refund(self) -> None:
        """The money back and where it goes, before the refund button is pressed."""
        wanted = self.requests()
        if self.sale is None or not wanted:
            self.refund_total.setText("")
            return
        try:
            total = self.refund_fen(wanted)
        except DomainError as error:
            self.refund_total.setText(describe_error(error))
            return
        if self.returned and not self.to_cash.isChecked():
            # Earlier returns took their share back already; the service splits what is left.
            goes = self.tr("to the sale's payments")
        else:
            try:
                refunds = plan_refund(
                    total, self.sale.tenders, {}, to_cash=self.to_cash.isChecked()
                )
            except DomainError as error:
                self.refund_total.setText(describe_error(error))
                return
            goes = "、".join(
                f"{words.tender_kind(r.kind.value)} {format_fen(r.amount_fen)}" for r in refunds
            )
        self.refund_total.setText(
            self.tr("Refund {amount} → {where}").format(amount=format_fen(total), where=goes)
        )

    def refund_fen(self, wanted: list[ReturnRequest]) -> int:
        """What the chosen lines give back (as the return will work it out)."""
        if self.sale is None:
            return 0
        by_no = {line.line_no: line for line in self.sale.lines}
        return sum(
            refund_for(by_no[r.line_no], r.quantity, self.returned.get(r.line_no, 0))
            for r in wanted
        )

    def refund(self, approval_id: int | None = None, *, exchange: bool = False) -> None:
        clerk = self.counter.session.clerk
        sale = self.sale
        wanted = self.requests()
        if clerk is None or sale is None:
            return
        if not wanted:
            self.banner.show_error(self.tr("Choose how many of which product come back"))
            return
        if approval_id is None and ask_if_needed(
            self,
            self.window(),
            Permission.REFUND,
            self.tr("A refund needs a supervisor's approval."),
            lambda approval: self.refund(approval, exchange=exchange),
            detail={"receipt_no": sale.receipt_no},
            covers=approvals.refund(sale.receipt_no, self.refund_fen(wanted)),
        ):
            return
        if exchange:
            self.exchange_requested.emit(
                self.named_by or sale.receipt_no,
                tuple(wanted),
                self.reason.currentText(),
                self.refund_fen(wanted),
                approval_id,
            )
            return
        job = partial(
            return_service.return_items,
            self.counter.database,
            self.counter.till,
            clerk,
            self.named_by or sale.receipt_no,
            tuple(wanted),
            reason=self.reason.currentText(),
            approval_id=approval_id,
            refund_to_cash=self.to_cash.isChecked(),
            payments=self.counter.payments,  # wallet payments refunded through the provider
        )
        self.counter.worker.submit(
            job,
            on_done=self._returned,
            on_error=lambda error: self.banner.show_error(describe_error(error)),
        )

    def clear(self) -> None:
        self.table.setRowCount(0)
        self.sale = None
        self.summary.clear()
        self.refund_total.clear()
        self.receipt_field.clear()
        self.refund_button.setEnabled(False)
        self.exchange_button.setEnabled(False)

    def _returned(self, result: ReturnResult) -> None:
        assert self.sale is not None
        print_return(self.counter, result, self.sale, self.reason.currentText())
        self.banner.show_ok(
            self.tr("Return {number}: refund {amount}").format(
                number=result.return_no, amount=format_fen(result.refund_fen)
            ),
            timeout_ms=15_000,
        )
        self.wallet_refunds.show_refunds(
            result.provider_refunds, self.sale.receipt_no, self.reason.currentText()
        )
        self.return_done.emit(result)
        self.clear()


class WalletRefundsPanel(QFrame):
    """How the money of a return went back through WeChat Pay / Alipay, in words: done, still
    on its way (ask the provider again), or refused (a manager pays it in cash instead)."""

    changed = Signal(object)  # tuple[ProviderRefund, ...] as they now stand

    def __init__(self, screen: ReturnsScreen) -> None:
        super().__init__(screen)
        self.returns = screen  # not ``screen``: that is QWidget.screen()
        self.refunds: tuple[ProviderRefund, ...] = ()
        self.receipt_no = ""
        self.reason = ""
        self.setObjectName("walletRefunds")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self.tr("Money back through WeChat Pay / Alipay"))
        self.title.setStyleSheet("font-weight: bold;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.ask_button = QPushButton(self.tr("Ask the provider again"))
        self.ask_button.setMinimumHeight(48)
        self.ask_button.clicked.connect(self.ask_again)
        self.cash_button = QPushButton(self.tr("Pay in cash instead (manager)"))
        self.cash_button.setMinimumHeight(48)
        self.cash_button.clicked.connect(lambda: self.pay_in_cash())
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.ask_button)
        buttons.addWidget(self.cash_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addLayout(buttons)
        self.hide()

    def show_refunds(
        self, refunds: tuple[ProviderRefund, ...], receipt_no: str, reason: str
    ) -> None:
        self.refunds, self.receipt_no, self.reason = tuple(refunds), receipt_no, reason
        self._show()

    def _show(self) -> None:
        self.setVisible(bool(self.refunds))
        self.text.setText("\n".join(self.describe(r) for r in self.refunds))
        self.ask_button.setVisible(any(r.state in _ON_ITS_WAY for r in self.refunds))
        self.cash_button.setVisible(any(r.state is RefundState.REFUSED for r in self.refunds))
        self.ask_button.setEnabled(True)
        self.cash_button.setEnabled(True)

    def describe(self, refund: ProviderRefund) -> str:
        wallet = words.tender_kind(refund.provider.value)
        amount = format_fen(refund.amount_fen)
        if refund.state is RefundState.SUCCESS:
            return self.tr(
                "{wallet}: {amount} refunded to the customer's original payment — done "
                "(refund no. {number})"
            ).format(wallet=wallet, amount=amount, number=refund.out_refund_no)
        if refund.state is RefundState.CASH:
            return self.tr(
                "{wallet}: {amount} paid to the customer in cash instead (refund no. {number})"
            ).format(wallet=wallet, amount=amount, number=refund.out_refund_no)
        if refund.state is RefundState.REFUSED:
            return self.tr(
                "{wallet} refused the refund of {amount} ({reason}): the customer has not had "
                "this money back. A manager can pay it in cash instead (refund no. {number})"
            ).format(
                wallet=wallet,
                amount=amount,
                reason=refund.reason or refund.reason_code or "?",
                number=refund.out_refund_no,
            )
        return self.tr(
            "{wallet}: {amount} is on its way back to the customer, not confirmed by the "
            "provider yet (refund no. {number}). Ask the provider again in a minute; the "
            "counter also asks by itself when it next starts"
        ).format(wallet=wallet, amount=amount, number=refund.out_refund_no)

    def ask_again(self) -> None:
        payments = self.returns.counter.payments
        waiting = [r.out_refund_no for r in self.refunds if r.state in _ON_ITS_WAY]
        if payments is None or not waiting:
            return
        self.ask_button.setEnabled(False)
        self.returns.counter.worker.submit(
            partial(payments.check_refunds, waiting),
            on_done=self._updated,
            on_error=self._failed,
        )

    def pay_in_cash(self, approval_id: int | None = None) -> None:
        payments = self.returns.counter.payments
        clerk = self.returns.counter.session.clerk
        refused = [r for r in self.refunds if r.state is RefundState.REFUSED]
        if payments is None or clerk is None or not refused:
            return
        refund = refused[0]
        if approval_id is None and ask_if_needed(
            self.returns,
            self.window(),
            Permission.REFUND,
            self.tr("Paying a refused refund in cash instead needs a manager's approval."),
            lambda approval: self.pay_in_cash(approval),
            needed=clerk.role is not Role.MANAGER,
            detail={"receipt_no": self.receipt_no, "cash_instead": refund.out_refund_no},
            covers=approvals.refund(self.receipt_no, refund.amount_fen),
        ):
            return
        self.cash_button.setEnabled(False)
        self.returns.counter.worker.submit(
            partial(
                payments.refund_in_cash,
                clerk,
                refund.out_refund_no,
                reason=self.reason or self.tr("The provider refused the refund"),
                approval_id=approval_id,
            ),
            on_done=self._paid_in_cash,
            on_error=self._failed,
        )

    def _paid_in_cash(self, paid: ProviderRefund) -> None:
        """The cash goes out of the drawer: it opens."""
        queue = self.returns.counter.context.print_queue
        if queue is not None:
            self.returns.counter.slow_worker.submit(queue.kick_drawer, on_error=self._failed)
        self._updated([paid])

    def _updated(self, fresh: list[ProviderRefund]) -> None:
        now = {r.out_refund_no: r for r in fresh}
        self.refunds = tuple(now.get(r.out_refund_no, r) for r in self.refunds)
        self._show()
        self.changed.emit(self.refunds)

    def _failed(self, error: object) -> None:
        self._show()
        self.returns.banner.show_error(describe_error(error))


_ON_ITS_WAY = (RefundState.CREATED, RefundState.PROCESSING)
