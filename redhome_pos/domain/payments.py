"""The payment-provider port: what the counter asks of WeChat Pay and Alipay, in plain values.

Adapters (in the top-level ``payments`` package) implement :class:`PaymentProvider`. They never
raise for what the provider or the network answered: a time-out, a reset, an HTML page, a bad
or missing signature, an answer naming another order all come back as ``UNKNOWN`` with a
``reason_code`` saying which. They raise :class:`PaymentConfigError` only for a configuration
that cannot work, and ``bill()`` raises :class:`PaymentBillError` when the day's bill cannot be
had. The charge service decides what an answer means for a sale (rule 3 of payments.md:
paid only when a verified answer names our ``out_trade_no`` and our amount).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from redhome_pos.domain.errors import DomainError

#: What both providers accept as a merchant order number (WeChat: 6–32 of these characters).
OUT_TRADE_NO_PATTERN = re.compile(r"[0-9A-Za-z_\-|*]{6,32}")
#: WeChat Pay's limit on ``description`` (bytes of UTF-8); Alipay's ``subject`` allows more.
DESCRIPTION_MAX_BYTES = 127


class PaymentConfigError(DomainError):
    """A payment provider is configured in a way that cannot work (missing or unsafe key)."""


class PaymentBillError(DomainError):
    """The provider's bill for a day could not be had (not generated yet, download failed)."""


class WalletProvider(enum.StrEnum):
    WECHAT = "wechat"
    ALIPAY = "alipay"


class ChargeOutcome(enum.StrEnum):
    PAID = "paid"  # a VERIFIED answer says paid (out_trade_no and amount checked by the service)
    PAYING = "paying"  # the customer is entering a password (USERPAYING, 10003 / WAIT_BUYER_PAY)
    REFUSED = "refused"  # definitively not paid: bad/expired/used code, balance, risk…
    CLOSED = "closed"  # the order is closed / reversed / cancelled at the provider (not paid)
    REFUNDED = "refunded"  # paid, then paid back in full
    UNKNOWN = "unknown"  # time-out, reset, 5xx, SYSTEM_ERROR / 20000, unverifiable or mismatched


class Reason(enum.StrEnum):
    """Our own ``reason_code`` values, for outcomes the provider did not name itself."""

    TIMEOUT = "TIMEOUT"  # connect or read time-out, or the whole-call deadline passed
    CONNECTION = "CONNECTION"  # refused, reset, DNS, TLS
    HTTP_STATUS = "HTTP_STATUS"  # a status the provider does not document for this call
    NOT_PARSEABLE = "NOT_PARSEABLE"  # HTML error page, truncated or malformed JSON/XML
    TOO_LARGE = "TOO_LARGE"  # the answer went past the size cap
    REDIRECT = "REDIRECT"  # a 3xx: never followed
    UNSIGNED = "UNSIGNED"  # the answer carried no signature
    BAD_SIGNATURE = "BAD_SIGNATURE"  # the signature does not verify with the provider's key
    STALE_ANSWER = "STALE_ANSWER"  # a signed answer whose timestamp is far from now (replay)
    MISMATCH = "MISMATCH"  # the answer names another out_trade_no / out_refund_no / amount
    UNEXPECTED_STATE = "UNEXPECTED_STATE"  # a state or code the documents do not list


@dataclass(frozen=True, slots=True)
class ChargeRequest:
    out_trade_no: str  # ours; 6–32 of [0-9A-Za-z_-|*] (fits both providers)
    amount_fen: int
    auth_code: str  # the customer's payment code (never logged or stored in full)
    description: str  # ≤ 127 bytes; e.g. "REDHOME 上海静安店 消费"
    store_code: str
    terminal_id: str
    device_ip: str | None = None

    def __repr__(self) -> str:  # the payment code stays out of logs and tracebacks
        return (
            f"ChargeRequest(out_trade_no={self.out_trade_no!r}, amount_fen={self.amount_fen}, "
            f"auth_code={mask_auth_code(self.auth_code)!r}, store_code={self.store_code!r}, "
            f"terminal_id={self.terminal_id!r})"
        )


@dataclass(frozen=True, slots=True)
class ChargeStatus:
    outcome: ChargeOutcome
    out_trade_no: str
    amount_fen: int | None = None  # the order total the provider states
    transaction_id: str | None = None  # WeChat transaction_id / Alipay trade_no
    paid_at: datetime | None = None  # UTC
    reason_code: str | None = None  # provider's code, or a :class:`Reason`
    reason: str | None = None  # provider's message or ours, for logs and managers

    def confirms_payment(self, out_trade_no: str, amount_fen: int) -> bool:
        """True only for a PAID answer about this very order and this very amount (rule 3)."""
        return (
            self.outcome is ChargeOutcome.PAID
            and self.out_trade_no == out_trade_no
            and self.amount_fen == amount_fen
        )


@dataclass(frozen=True, slots=True)
class ReversalStatus:
    done: bool  # confirmed: the order is closed or the money went back
    retry: bool  # the provider asks to call again (retry_flag=Y, SYSTEM_ERROR/USERPAYING, network)
    reason_code: str | None = None
    reason: str | None = None


class RefundOutcome(enum.StrEnum):
    SUCCESS = "success"
    PROCESSING = "processing"  # accepted, money on its way: query later
    REFUSED = "refused"  # definitive (e.g. exceeds what is left, trade not found)
    UNKNOWN = "unknown"  # time-out / system error / unverifiable: query with the same out_refund_no


@dataclass(frozen=True, slots=True)
class RefundRequest:
    out_trade_no: str
    out_refund_no: str  # the idempotency key (one per partial refund, reused on retry)
    refund_fen: int
    total_fen: int  # the original charge's total
    reason: str = ""
    transaction_id: str | None = None


@dataclass(frozen=True, slots=True)
class RefundStatus:
    outcome: RefundOutcome
    out_refund_no: str
    refund_fen: int | None = None
    refund_id: str | None = None
    reason_code: str | None = None
    reason: str | None = None


class BillLineKind(enum.StrEnum):
    PAYMENT = "payment"
    REFUND = "refund"


@dataclass(frozen=True, slots=True)
class BillLine:
    provider: WalletProvider
    kind: BillLineKind
    out_trade_no: str
    transaction_id: str
    amount_fen: int  # payment amount, or refund amount (positive)
    fee_fen: int  # provider's fee (手续费), 0 when not stated
    at: datetime  # UTC
    out_refund_no: str | None = None
    refund_id: str | None = None


class PaymentProvider(Protocol):
    provider: WalletProvider

    def charge(self, request: ChargeRequest) -> ChargeStatus: ...
    def query(self, out_trade_no: str) -> ChargeStatus: ...
    def reverse(self, out_trade_no: str) -> ReversalStatus: ...
    def refund(self, request: RefundRequest) -> RefundStatus: ...
    def refund_query(self, out_trade_no: str, out_refund_no: str) -> RefundStatus: ...
    def bill(self, day: date) -> list[BillLine]: ...


def is_valid_out_trade_no(value: str) -> bool:
    """Whether ``value`` is a merchant order number both providers accept."""
    return OUT_TRADE_NO_PATTERN.fullmatch(value) is not None


def fit_description(text: str, max_bytes: int = DESCRIPTION_MAX_BYTES) -> str:
    """``text`` cut to at most ``max_bytes`` of UTF-8, never inside a character."""
    data = text.encode("utf-8")
    if len(data) <= max_bytes:
        return text
    return data[:max_bytes].decode("utf-8", errors="ignore")


def mask_auth_code(code: str) -> str:
    """A payment code as it may appear in logs: first two and last four digits."""
    if len(code) <= 6:
        return "*" * len(code)
    return f"{code[:2]}{'*' * (len(code) - 6)}{code[-4:]}"


# --- the charge state machine's states and the clerk's errors (services.payments) ------------


class AttemptState(enum.StrEnum):
    """Where a charge attempt stands; only the service moves it (rules 2–5 of payments.md).

    ``created`` is written and committed before the charge leaves; it may or may not have
    reached the provider. ``paying``: the provider answered "customer entering the password".
    ``unknown``: no clear answer (time-out, lost answer, system error, mismatch). ``reversing``:
    we decided to reverse/cancel and the provider has not confirmed yet. ``paid``: a verified
    answer confirmed our ``out_trade_no`` and amount, and no sale holds it (yet) — a manager
    sees these. ``attached``: paid and in exactly one sale. ``refused``: definitively not paid.
    ``reversed``: closed or paid back by a reversal. ``refunded``: paid, no sale, paid back by
    a manager's refund.
    """

    CREATED = "created"
    PAYING = "paying"
    UNKNOWN = "unknown"
    REVERSING = "reversing"
    PAID = "paid"
    ATTACHED = "attached"
    REFUSED = "refused"
    REVERSED = "reversed"
    REFUNDED = "refunded"

    @property
    def unfinished(self) -> bool:
        """Still needs the provider: resolved on start-up before a new charge is taken."""
        return self in UNFINISHED


UNFINISHED = frozenset(
    {AttemptState.CREATED, AttemptState.PAYING, AttemptState.UNKNOWN, AttemptState.REVERSING}
)


class RefundState(enum.StrEnum):
    """A refund through the provider: ``created`` is committed before the request leaves;
    ``processing`` (accepted, or no clear answer) is queried with the same ``out_refund_no``
    until ``success``; ``refused`` is final and shown to a manager (money still owed)."""

    CREATED = "created"
    PROCESSING = "processing"
    SUCCESS = "success"
    REFUSED = "refused"
    CASH = "cash"  # refused by the provider, paid in cash instead with a manager's approval


class PaymentError(DomainError):
    """A wallet payment did not go through, or cannot be taken now; the message says why."""


class PaymentDeclinedError(PaymentError):
    """The provider definitively refused the charge: nothing was taken."""


class PaymentCancelledError(PaymentError):
    """The clerk cancelled while the customer was paying: the order was reversed."""


class PaymentUnresolvedError(PaymentError):
    """The result is not clear yet; the attempt stays recorded and is settled later."""


class PaidWithoutSaleError(PaymentError):
    """The money was taken but the sale could not be written: a manager sees the attempt."""


class RefundError(DomainError):
    """A refund through the provider could not be done (yet); the message says why."""


@dataclass(frozen=True, slots=True)
class PaymentAttempt:
    """A charge attempt as recorded (``payment_attempts``)."""

    id: int
    out_trade_no: str
    provider: WalletProvider
    amount_fen: int
    terminal_id: str
    staff_id: int
    purpose: str  # "sale" (the counter) or "test" (a manager's test payment)
    state: AttemptState
    transaction_id: str | None
    masked_code: str
    reason_code: str
    reason: str
    created_at: datetime
    updated_at: datetime
    paid_at: datetime | None = None
    sale_id: int | None = None
    receipt_no: str | None = None  # the sale's, once attached
    refunded_fen: int = 0  # refunds through the provider not refused (success or on the way)


@dataclass(frozen=True, slots=True)
class ProviderRefund:
    """A refund through the provider as recorded (``payment_refunds``)."""

    id: int
    out_refund_no: str
    out_trade_no: str
    provider: WalletProvider
    amount_fen: int
    state: RefundState
    refund_id: str | None
    reason_code: str
    reason: str
    return_id: int | None = None
    sale_id: int | None = None
    created_at: datetime | None = None  # when the refund was written (UTC)
    receipt_no: str | None = None  # the receipt of the sale its payment paid, if any
