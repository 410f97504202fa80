"""Refunds still owed to customers, from any day, for a manager: refunds through WeChat Pay /
Alipay the provider has not confirmed yet (on their way: ask the provider again) or refused
(the customer has not had the money back: a manager pays it in cash instead, audited, and the
drawer opens). The returns screen shows the refunds of the return just made; this screen shows
every one still open, whenever it was made."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QWidget,
)

from redhome_pos.domain import approvals
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.payments import ProviderRefund, RefundState, WalletProvider
from redhome_pos.domain.staff import Permission, Role
from ui.approval_flow import ask_if_needed
from ui.backoffice.panels import explained_title, lay_out_money_list, tall_button
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error

_ON_ITS_WAY = (RefundState.CREATED, RefundState.PROCESSING)


class RefundsWaitingScreen(QWidget):
    listed = Signal(list)  # ProviderRefund list, as shown
    asked = Signal(list)  # ProviderRefund list as the provider now says they stand
    paid_in_cash = Signal(object)  # the ProviderRefund paid in cash
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.dialog: QDialog | None = None  # an approval being asked for
        self.refunds: list[ProviderRefund] = []
        heading = explained_title(
            self.tr("Refunds still owed to customers"),
            self.tr(
                "Refunds through WeChat Pay or Alipay that the provider has not confirmed, or "
                "refused: the customer has not had this money back yet. Ask the provider "
                "again, or pay a refused refund in cash instead (a manager)."
            ),
        )
        self.table = make_table(
            [
                self.tr("Time"),
                self.tr("Receipt"),
                self.tr("Wallet"),
                self.tr("Amount"),
                self.tr("Refund no."),
                self.tr("State"),
                self.tr("Waiting"),
            ],
            stretch=5,
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # numbers: both ends show
        # The refund number is shown whole below the list; the state (with the provider's
        # reason) wraps onto a second line rather than being cut.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(4, 150)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_chosen)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for paying in cash (required)"))
        self.refresh_button = tall_button(self.tr("Refresh"), self.refresh)
        self.ask_button = tall_button(self.tr("Ask the provider again"), self.ask_again)
        self.cash_button = tall_button(
            self.tr("Pay in cash instead (manager)"), lambda: self.pay_in_cash()
        )
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.banner = Banner()
        lay_out_money_list(
            self, heading, self.banner, self.state, self.table, below=[self.detail],
            refresh=self.refresh_button, actions=[self.ask_button],
            reason=self.reason, with_reason=self.cash_button,
        )  # fmt: skip

    # -- the list ---------------------------------------------------------------------------
    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        payments = self.counter.payments
        for button in (self.refresh_button, self.ask_button, self.cash_button):
            button.setEnabled(payments is not None)
        if payments is None:
            self.state.setText(self.tr("No payment provider is configured at this counter."))
            self.show_refunds([])
            return
        self.counter.worker.submit(
            payments.refunds_waiting, on_done=self.show_refunds, on_error=self._fail
        )

    def show_refunds(self, refunds: list[ProviderRefund]) -> None:
        chosen = self._chosen_number()
        self.refunds = list(refunds)
        if self.counter.payments is not None:
            self.state.setText(
                self.tr("Refunds waiting: {count}").format(count=len(refunds))
                if refunds
                else self.tr(
                    "No refund is owed: every refund through WeChat Pay or Alipay is confirmed "
                    "by the provider or was paid in cash."
                )
            )
        now = self.counter.till.now()
        fill(
            self.table,
            [
                [
                    self.counter.local_time(r.created_at, "%Y-%m-%d %H:%M") if r.created_at else "",
                    r.receipt_no or "",
                    self.wallet_name(r.provider),
                    format_fen(r.amount_fen),
                    r.out_refund_no,
                    self.state_words(r),
                    self.age(r.created_at, now),
                ]
                for r in self.refunds
            ],
            right=(3, 6),
        )
        numbers = [r.out_refund_no for r in self.refunds]
        if self.refunds:
            self.table.selectRow(numbers.index(chosen) if chosen in numbers else 0)
        self._show_chosen()
        self.listed.emit(self.refunds)

    def wallet_name(self, provider: WalletProvider) -> str:
        return self.tr("WeChat Pay") if provider is WalletProvider.WECHAT else self.tr("Alipay")

    def state_words(self, refund: ProviderRefund) -> str:
        if refund.state is RefundState.REFUSED:
            why = refund.reason or refund.reason_code
            return (
                self.tr("Refused: {reason}").format(reason=why)
                if why
                else self.tr("Refused by the provider")
            )
        return self.tr("Refunding")

    def age(self, at: datetime | None, now: datetime) -> str:
        if at is None:
            return ""
        minutes = max(0, int((now - at).total_seconds() // 60))
        if minutes < 60:
            return self.tr("{n} min").format(n=minutes)
        if minutes < 48 * 60:
            return self.tr("{n} h").format(n=minutes // 60)
        return self.tr("{n} days").format(n=minutes // (24 * 60))

    def _chosen_number(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.refunds):
            return ""
        return self.refunds[rows[0].row()].out_refund_no

    def chosen(self) -> ProviderRefund | None:
        number = self._chosen_number()
        found = next((r for r in self.refunds if r.out_refund_no == number), None)
        if found is None:
            self._fail(self.tr("Choose a refund in the list first"))
        return found

    def _show_chosen(self) -> None:
        number = self._chosen_number()
        refund = next((r for r in self.refunds if r.out_refund_no == number), None)
        self.detail.setText("" if refund is None else self.describe(refund))
        self.ask_button.setEnabled(refund is not None and refund.state in _ON_ITS_WAY)
        self.cash_button.setEnabled(refund is not None and refund.state is RefundState.REFUSED)

    def describe(self, refund: ProviderRefund) -> str:
        wallet, amount = self.wallet_name(refund.provider), format_fen(refund.amount_fen)
        number = refund.out_refund_no
        if refund.state is RefundState.REFUSED:
            return self.tr(
                "{wallet} refused the refund of {amount} ({reason}): the customer has not had "
                "this money back. A manager can pay it in cash instead: hand over {amount}. "
                "Refund no. {number}"
            ).format(
                wallet=wallet,
                amount=amount,
                reason=refund.reason or refund.reason_code or "?",
                number=number,
            )
        return self.tr(
            "{wallet}: {amount} is on its way back to the customer, not confirmed by the "
            "provider yet. Ask the provider again. Refund no. {number}"
        ).format(wallet=wallet, amount=amount, number=number)

    # -- ask again --------------------------------------------------------------------------
    def ask_again(self) -> None:
        payments, refund = self.counter.payments, self.chosen()
        if payments is None or refund is None:
            return
        if refund.state not in _ON_ITS_WAY:
            self._fail(
                self.tr(
                    "The provider refused this refund for good: asking again does not change "
                    "it. Pay it in cash instead"
                )
            )
            return
        self.ask_button.setEnabled(False)
        self.counter.payment_worker.submit(
            partial(payments.check_refunds, [refund.out_refund_no]),
            on_done=self._asked,
            on_error=self._fail_and_reshow,
        )

    def _asked(self, fresh: list[ProviderRefund]) -> None:
        for refund in fresh:
            self.banner.show_ok(self._told(refund))
        self.asked.emit(fresh)
        self.refresh()

    def _told(self, refund: ProviderRefund) -> str:
        wallet, amount = self.wallet_name(refund.provider), format_fen(refund.amount_fen)
        if refund.state is RefundState.SUCCESS:
            return self.tr(
                "{wallet}: {amount} refunded to the customer's original payment — done"
            ).format(wallet=wallet, amount=amount)
        if refund.state is RefundState.REFUSED:
            return self.tr(
                "{wallet} refused the refund of {amount}: a manager can pay it in cash instead"
            ).format(wallet=wallet, amount=amount)
        return self.tr("{wallet}: {amount} is still on its way; ask again later").format(
            wallet=wallet, amount=amount
        )

    # -- pay in cash ------------------------------------------------------------------------
    def pay_in_cash(self, approval_id: int | None = None) -> None:
        payments, clerk, refund = self.counter.payments, self.counter.session.clerk, self.chosen()
        if payments is None or clerk is None or refund is None:
            return
        if refund.state is not RefundState.REFUSED:
            self._fail(
                self.tr(
                    "Only a refund the provider refused can be paid in cash instead: ask the "
                    "provider about this one again"
                )
            )
            return
        reason = self.reason.text().strip()
        if not reason:
            self._fail(self.tr("Say why the refund is paid in cash"))
            return
        receipt = refund.receipt_no or refund.out_trade_no
        if approval_id is None and ask_if_needed(
            self,
            self.window(),
            Permission.REFUND,
            self.tr("Paying a refused refund in cash instead needs a manager's approval."),
            lambda approval: self.pay_in_cash(approval),
            needed=clerk.role is not Role.MANAGER,
            detail={"receipt_no": receipt, "cash_instead": refund.out_refund_no},
            covers=approvals.refund(receipt, refund.amount_fen),
        ):
            return
        self.cash_button.setEnabled(False)
        job = partial(
            payments.refund_in_cash,
            clerk,
            refund.out_refund_no,
            reason=reason,
            approval_id=approval_id,
        )
        self.counter.payment_worker.submit(
            job, on_done=self._paid_in_cash, on_error=self._fail_and_reshow
        )

    def _paid_in_cash(self, paid: ProviderRefund) -> None:
        """The cash goes out of the drawer: it opens, and the clerk is told how much."""
        queue = self.counter.context.print_queue
        if queue is not None:
            self.counter.slow_worker.submit(queue.kick_drawer, on_error=self._fail)
        self.reason.clear()
        self.banner.show_ok(
            self.tr("Hand {amount} in cash to the customer (refund no. {number})").format(
                amount=format_fen(paid.amount_fen), number=paid.out_refund_no
            ),
            timeout_ms=30_000,
        )
        self.paid_in_cash.emit(paid)
        self.refresh()

    def _fail_and_reshow(self, error: object) -> None:
        self._fail(error)
        self._show_chosen()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
