"""Payments taken without a sale (rule 5 of payments.md), for a manager: the customer paid but
no sale holds the money — the sale could not be written, or it was a test payment. Each is
attached to the sale rung up on the sale screen (the goods the customer paid for), or refunded
to the customer through its provider with a reason. Nothing here is ever lost silently."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.payments import PaymentAttempt, WalletProvider
from redhome_pos.domain.sale import Sale
from ui.backoffice.panels import explained_title, lay_out_money_list, tall_button
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error


class UnsoldPaymentsScreen(QWidget):
    listed = Signal(list)  # PaymentAttempt list
    attached = Signal(object)  # the Sale now holding the payment
    refunded = Signal(object)  # ProviderRefund
    failed = Signal(str)

    def __init__(
        self, counter: Counter, cart_source: Callable[[], Cart], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.counter = counter
        self.cart_source = cart_source
        self.attempts: list[PaymentAttempt] = []
        heading = explained_title(
            self.tr("Payments taken without a sale"),
            self.tr(
                "The customer paid, but no sale holds the payment. Attach it to the sale rung "
                "up on the sale screen, or refund it to the customer."
            ),
        )
        self.table = make_table(
            [
                self.tr("Time"),
                self.tr("Wallet"),
                self.tr("Amount"),
                self.tr("Order number"),
                self.tr("Provider's number"),
                self.tr("Terminal"),
                self.tr("Kind"),
            ],
            stretch=4,
        )
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # numbers: both ends show
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Reason for the refund (required)"))
        self.refresh_button = tall_button(self.tr("Refresh"), self.refresh)
        self.attach_button = tall_button(self.tr("Attach to the sale in the cart"), self.attach)
        self.refund_button = tall_button(self.tr("Refund to the customer"), self.refund)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.banner = Banner()
        lay_out_money_list(
            self, heading, self.banner, self.state, self.table,
            refresh=self.refresh_button, actions=[self.attach_button],
            reason=self.reason, with_reason=self.refund_button,
        )  # fmt: skip

    def wallet_name(self, provider: WalletProvider) -> str:
        return self.tr("WeChat Pay") if provider is WalletProvider.WECHAT else self.tr("Alipay")

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        payments = self.counter.payments
        for button in (self.attach_button, self.refund_button, self.refresh_button):
            button.setEnabled(payments is not None)
        if payments is None:
            self.state.setText(self.tr("No payment provider is configured at this counter."))
            self.show_attempts([])
            return
        self.counter.worker.submit(
            payments.paid_without_sale, on_done=self.show_attempts, on_error=self._fail
        )

    def show_attempts(self, attempts: list[PaymentAttempt]) -> None:
        self.attempts = attempts
        if self.counter.payments is not None:
            self.state.setText(
                self.tr("Payments waiting for a manager: {count}").format(count=len(attempts))
                if attempts
                else self.tr("Every payment taken is in a sale.")
            )
        fill(
            self.table,
            [
                [
                    self.counter.local_time(a.paid_at or a.created_at, "%m-%d %H:%M"),
                    self.wallet_name(a.provider),
                    format_fen(a.amount_fen - a.refunded_fen),
                    a.out_trade_no,
                    a.transaction_id or "",
                    a.terminal_id,
                    self.tr("test payment") if a.purpose == "test" else self.tr("sale"),
                ]
                for a in attempts
            ],
            right=(2,),
        )
        if attempts:
            self.table.selectRow(0)
        self.listed.emit(attempts)

    def chosen(self) -> PaymentAttempt | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.attempts):
            self._fail(self.tr("Choose a payment in the list first"))
            return None
        return self.attempts[rows[0].row()]

    def attach(self) -> None:
        """The payment pays the sale rung up on the sale screen (its total must be the
        payment's amount: the goods the customer paid for)."""
        payments, clerk, attempt = self.counter.payments, self.counter.session.clerk, self.chosen()
        if payments is None or clerk is None or attempt is None:
            return
        cart = self.cart_source()
        total = cart.totals().total_fen
        if cart.is_empty or total != attempt.amount_fen:
            self._fail(
                self.tr(
                    "Ring up what the customer paid for on the sale screen first: the cart's "
                    "total {cart} must be the payment's {amount}"
                ).format(cart=format_fen(total), amount=format_fen(attempt.amount_fen))
            )
            return
        job = partial(payments.pay_with_paid, clerk, cart, (), attempt.out_trade_no)
        self.counter.payment_worker.submit(job, on_done=self._attached, on_error=self._fail)

    def _attached(self, sale: Sale) -> None:
        self.banner.show_ok(
            self.tr("The payment now pays sale {receipt}").format(receipt=sale.receipt_no)
        )
        self.attached.emit(sale)
        self.refresh()

    def refund(self) -> None:
        payments, clerk, attempt = self.counter.payments, self.counter.session.clerk, self.chosen()
        if payments is None or clerk is None or attempt is None:
            return
        reason = self.reason.text().strip()
        if not reason:
            self._fail(self.tr("Say why the payment is refunded"))
            return
        job = partial(payments.refund_attempt, clerk, attempt.out_trade_no, reason=reason)
        self.counter.payment_worker.submit(job, on_done=self._refunded, on_error=self._fail)

    def _refunded(self, refund: object) -> None:
        self.reason.clear()
        state = getattr(getattr(refund, "state", None), "value", "")
        self.banner.show_ok(
            self.tr("Refunded to the customer through the provider")
            if state == "success"
            else self.tr("Refund sent; the provider has not confirmed it yet")
        )
        self.refunded.emit(refund)
        self.refresh()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
