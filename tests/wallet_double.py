"""An in-process wallet provider that confirms every charge at once, for tests about what
happens after a payment (returns, reports, receipts). The charge state machine itself is tested
over real HTTP against the payments sandbox (tests/payments/test_charge_*.py)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from datetime import UTC, date, datetime

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.payments import (
    BillLine,
    ChargeOutcome,
    ChargeRequest,
    ChargeStatus,
    RefundOutcome,
    RefundRequest,
    RefundStatus,
    ReversalStatus,
    WalletProvider,
)
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.staff import StaffSession
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.services.counter import Till
from redhome_pos.services.payments import ChargeTimings, Payments, WalletPayment

_ids = itertools.count(1)


class InstantWallet:
    """Charges are paid at once; refunds succeed at once; every call is kept in ``calls``."""

    def __init__(self, provider: WalletProvider) -> None:
        self.provider = provider
        self.orders: dict[str, ChargeStatus] = {}
        self.refunds: dict[str, RefundStatus] = {}
        self.calls: list[tuple[str, str]] = []

    def charge(self, request: ChargeRequest) -> ChargeStatus:
        self.calls.append(("charge", request.out_trade_no))
        status = ChargeStatus(
            ChargeOutcome.PAID, request.out_trade_no, request.amount_fen,
            f"4200{next(_ids):012d}", datetime.now(UTC),
        )  # fmt: skip
        self.orders[request.out_trade_no] = status
        return status

    def query(self, out_trade_no: str) -> ChargeStatus:
        self.calls.append(("query", out_trade_no))
        return self.orders.get(out_trade_no) or ChargeStatus(
            ChargeOutcome.UNKNOWN, out_trade_no, reason_code="ORDER_NOT_EXIST"
        )

    def reverse(self, out_trade_no: str) -> ReversalStatus:
        self.calls.append(("reverse", out_trade_no))
        self.orders.pop(out_trade_no, None)
        return ReversalStatus(True, False, "REVERSED")

    def refund(self, request: RefundRequest) -> RefundStatus:
        self.calls.append(("refund", request.out_refund_no))
        status = self.refunds.get(request.out_refund_no) or RefundStatus(
            RefundOutcome.SUCCESS, request.out_refund_no, request.refund_fen,
            f"5030{next(_ids):012d}",
        )  # fmt: skip
        self.refunds[request.out_refund_no] = status
        return status

    def refund_query(self, out_trade_no: str, out_refund_no: str) -> RefundStatus:
        self.calls.append(("refund_query", out_refund_no))
        return self.refunds[out_refund_no]

    def bill(self, day: date) -> list[BillLine]:
        return []


def instant_payments(database: Database, till: Till) -> Payments:
    providers = {p: InstantWallet(p) for p in WalletProvider}
    timings = ChargeTimings(1.0, 0.01, 0.0, 0.01, 2.0)
    return Payments(database, till, providers, timings)


def wallet_checkout(
    payments: Payments,
    staff: StaffSession,
    cart: Cart,
    kind: TenderKind,
    amount_fen: int,
    others: Sequence[Tender] = (),
) -> Sale:
    """Sell ``cart`` with ``amount_fen`` charged to the wallet ``kind`` and ``others``."""
    provider = WalletProvider.WECHAT if kind is TenderKind.WECHAT else WalletProvider.ALIPAY
    code = "134567890123456700" if kind is TenderKind.WECHAT else "2834567890123400"
    return payments.checkout(staff, cart, others, WalletPayment(provider, code, amount_fen))
