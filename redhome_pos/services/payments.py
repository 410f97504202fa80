"""The wallet charge as a state machine that survives anything (rules 1–7 of payments.md).

``Payments`` is built once per counter with the providers (``payments.setup.build_providers``)
injected; it is the only code that asks a provider to charge, reverse or refund.

A charge, step by step (``Payments.checkout`` / ``Payments.pay``):

1. every earlier unfinished attempt of this terminal is settled first (``resolve_unfinished``);
   one that stays unclear blocks new charges (never the same code twice while unresolved);
2. the sale is validated by writing it with a stand-in tender and rolling back: stock, shift,
   approvals, lots and the tender sums refuse it BEFORE any money moves;
3. the attempt (provider, ``out_trade_no``, amount, masked code) is committed — steps 1–3 in
   one transaction: the look for unfinished attempts, the sale checked inside a savepoint
   rolled back, the attempt inserted and committed (``_begin``);
4. the charge is sent; while the customer enters the password it is queried every
   ``poll_interval_s`` until ``charge_deadline_s``, ``on_progress`` hearing the seconds waited;
5. paid only when ``ChargeStatus.confirms_payment(out_trade_no, amount)``; the sale is then
   written with the provider's transaction id on its wallet tender, in the same transaction
   that marks the attempt ``attached`` (``services.wallet_tenders``). If that write fails the
   attempt stays ``paid`` with no sale — listed by ``paid_without_sale`` for a manager;
6. refused → nothing taken, ``PaymentDeclinedError``; cancelled, past the deadline or unclear
   past ``reverse_after_s`` → reversed/cancelled, retried every ``reverse_retry_s`` until the
   provider confirms (``PaymentCancelledError`` / ``PaymentDeclinedError``); still unconfirmed
   after ``settle_limit_s`` → ``PaymentUnresolvedError``, the attempt stays and is settled by
   the next ``resolve_unfinished`` (every charge and every start-up runs it).

Refunds (``refund_for_return``, ``refund_attempt``): one ``payment_refunds`` row per refund,
its ``out_refund_no`` committed before the request and reused on every retry; PROCESSING or
unclear answers are queried with ``refund_query`` until confirmed (``settle_refunds``).
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy.orm import Session

from redhome_pos.domain import approvals
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.cart import Cart, CartError
from redhome_pos.domain.payments import (
    UNFINISHED,
    AttemptState,
    ChargeOutcome,
    ChargeRequest,
    ChargeStatus,
    PaidWithoutSaleError,
    PaymentAttempt,
    PaymentCancelledError,
    PaymentDeclinedError,
    PaymentError,
    PaymentProvider,
    PaymentUnresolvedError,
    ProviderRefund,
    RefundError,
    RefundOutcome,
    RefundRequest,
    RefundState,
    RefundStatus,
    WalletProvider,
    fit_description,
    mask_auth_code,
)
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.staff import Permission, Role, StaffSession
from redhome_pos.domain.tender import SettledTender, Tender, TenderKind, settle
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.payments import PaymentRepository
from redhome_pos.persistence.repositories.sales import SaleRepository
from redhome_pos.persistence.repositories.staff import ApprovalRepository
from redhome_pos.services import audit
from redhome_pos.services.checkout import complete_sale_in, open_shift_of
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import authorize
from redhome_pos.services.staff import use_approval

if TYPE_CHECKING:
    from redhome_pos.config.payments import PaymentsConfig

log = logging.getLogger(__name__)

T = TypeVar("T")

#: A sale writer run inside the attaching transaction: given the session and the tenders
#: (the wallet tender carries the transaction id and out_trade_no), it writes the sale.
SaleWriter = Callable[[Session, tuple[Tender, ...]], T]

KIND_OF = {WalletProvider.WECHAT: TenderKind.WECHAT, WalletProvider.ALIPAY: TenderKind.ALIPAY}
PROVIDER_OF = {kind: provider for provider, kind in KIND_OF.items()}
PROVIDER_NAMES = {WalletProvider.WECHAT: "WeChat Pay", WalletProvider.ALIPAY: "Alipay"}

#: Provider reasons a clerk can act on, in words (anything else: the provider's own words).
_REFUSALS = {
    "NOTENOUGH": "balance",
    "ACQ.BUYER_BALANCE_NOT_ENOUGH": "balance",
    "ACQ.BUYER_BANKCARD_BALANCE_NOT_ENOUGH": "balance",
    "AUTHCODEEXPIRE": "code",
    "AUTH_CODE_INVALID": "code",
    "ACQ.PAYMENT_AUTH_CODE_INVALID": "code",
    "AUTH_CODE_ERROR": "code",
    "PAYERROR": "gave_up",
    "TRADE_CLOSED": "gave_up",
    "CLOSED": "gave_up",
    "REVOKED": "gave_up",
}


class CancelSignal(Protocol):
    """What the counter's Cancel button sets (a ``threading.Event`` does)."""

    def is_set(self) -> bool: ...
    def wait(self, timeout: float | None = None) -> bool: ...


@dataclass(frozen=True, slots=True)
class ChargeTimings:
    """The ``[payments]`` deadlines, in seconds (see ``config.payments.PaymentsConfig``)."""

    charge_deadline_s: float = 60.0  # the customer's time to enter the password
    poll_interval_s: float = 3.0  # between queries while paying or unclear
    reverse_after_s: float = 15.0  # no reversal sooner after the charge (WeChat's advice)
    reverse_retry_s: float = 10.0  # between reversal or refund-query attempts
    settle_limit_s: float = 120.0  # a call keeps retrying this long, then leaves it for later

    @classmethod
    def from_config(cls, config: PaymentsConfig) -> ChargeTimings:
        return cls(
            charge_deadline_s=config.charge_deadline_s,
            poll_interval_s=config.poll_interval_s,
            reverse_after_s=config.reverse_after_s,
            reverse_retry_s=config.reverse_retry_s,
            settle_limit_s=max(120.0, config.charge_deadline_s + 2 * config.reverse_after_s),
        )


@dataclass(frozen=True, slots=True)
class WalletPayment:
    """The wallet part of a payment: the code the clerk scanned and the amount it pays."""

    provider: WalletProvider
    code: str = field(repr=False)
    amount_fen: int

    def __repr__(self) -> str:
        return (
            f"WalletPayment({self.provider.value}, {mask_auth_code(self.code)}, {self.amount_fen})"
        )


@dataclass(frozen=True, slots=True)
class ChargeProgress:
    """Told to ``on_progress`` while waiting: the UI shows "等待顾客输入支付密码…" and the
    seconds; ``state`` is ``paying`` (customer entering the password), ``unknown`` (asking the
    provider what happened) or ``reversing`` (cancelling)."""

    out_trade_no: str
    provider: WalletProvider
    amount_fen: int
    state: AttemptState
    waited_s: float


ProgressCallback = Callable[[ChargeProgress], None]


@dataclass(frozen=True, slots=True)
class ResolveReport:
    """What ``resolve_unfinished`` did: each attempt as it stands afterwards."""

    attempts: tuple[PaymentAttempt, ...]
    refunds: tuple[ProviderRefund, ...] = ()
    seconds: float = 0.0

    @property
    def still_unfinished(self) -> tuple[PaymentAttempt, ...]:
        return tuple(a for a in self.attempts if a.state in UNFINISHED)


def new_out_trade_no(till: Till, at: datetime) -> str:
    """Ours, unique: ``RH`` + terminal + time + random (≤ 32 of [0-9A-Za-z], both providers)."""
    terminal = re.sub(r"[^0-9A-Za-z]", "", till.terminal_id)[:8]
    return f"RH{terminal}{at:%y%m%d%H%M%S}{secrets.token_hex(4)}"


def _declined(status: ChargeStatus) -> PaymentDeclinedError:
    kind = _REFUSALS.get(status.reason_code or "", "")
    if kind == "balance":
        return PaymentDeclinedError(
            "Payment refused: the customer's balance is not enough. Nothing was taken"
        )
    if kind == "code":
        return PaymentDeclinedError(
            "Payment refused: the payment code has expired or was already used. Ask the "
            "customer to refresh the code and scan again. Nothing was taken"
        )
    if kind == "gave_up":
        return PaymentDeclinedError("The customer did not complete the payment. Nothing was taken")
    return PaymentDeclinedError(
        "Payment refused ({code}): {detail}. Nothing was taken",
        code=status.reason_code or "?",
        detail=status.reason or "",
    )


class Payments:
    """The charge state machine of one counter, over the injected providers."""

    def __init__(
        self,
        database: Database,
        till: Till,
        providers: Mapping[WalletProvider, PaymentProvider],
        timings: ChargeTimings | None = None,
        *,
        description: str = "",
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.database = database
        self.till = till
        self.providers = dict(providers)
        self.timings = timings or ChargeTimings()
        self.description = description or f"REDHOME {till.store_code} 消费"
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()  # one charge or settlement at a time on this counter

    # -- what is configured -----------------------------------------------------------------
    def configured(self, provider: WalletProvider) -> bool:
        return provider in self.providers

    def provider(self, provider: WalletProvider) -> PaymentProvider:
        found = self.providers.get(provider)
        if found is None:
            if provider is WalletProvider.WECHAT:
                raise PaymentError(
                    "This counter is not connected to WeChat Pay: use the payment terminal"
                )
            raise PaymentError("This counter is not connected to Alipay: use the payment terminal")
        return found

    # -- charging ---------------------------------------------------------------------------
    @contextmanager
    def _charging(self) -> Iterator[None]:
        """The counter's one charge at a time; while earlier attempts are being settled (at
        start-up, by the provider's pace) a new charge waits at most ``poll_interval_s`` × 3,
        then the clerk is told to try again instead of a frozen screen."""
        if not self._lock.acquire(timeout=max(1.0, 3 * self.timings.poll_interval_s)):
            raise PaymentUnresolvedError(
                "Earlier payments are still being settled with the provider: try again in a moment"
            )
        try:
            yield
        finally:
            self._lock.release()

    def checkout(
        self,
        staff: StaffSession,
        cart: Cart,
        tenders: Sequence[Tender],
        wallet: WalletPayment,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelSignal | None = None,
    ) -> Sale:
        """Sell ``cart`` paid by ``tenders`` (cash, card, earlier confirmed wallet payments)
        plus ``wallet`` charged now for its amount. Returns the committed sale; raises
        ``PaymentDeclinedError``, ``PaymentCancelledError``, ``PaymentUnresolvedError``,
        ``PaidWithoutSaleError`` or any error of the sale's own checks (before charging)."""
        if cart.is_empty:
            raise CartError("The cart is empty")
        settle(
            cart.totals().total_fen, [*tenders, Tender(KIND_OF[wallet.provider], wallet.amount_fen)]
        )

        def write(session: Session, paid: tuple[Tender, ...]) -> Sale:
            total = cart.totals().total_fen
            required = self.till.card_reference_required
            settlement = settle(total, paid, card_reference_required=required)
            return complete_sale_in(session, self.till, staff, cart, settlement)

        return self.pay(staff, tenders, wallet, write, on_progress=on_progress, cancel=cancel)

    def pay(
        self,
        staff: StaffSession,
        tenders: Sequence[Tender],
        wallet: WalletPayment,
        write: SaleWriter[T],
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelSignal | None = None,
    ) -> T:
        """The general form of ``checkout`` (exchanges use it): ``write(session, tenders)``
        writes the sale inside the caller-independent transaction that attaches the payment.
        It is first run once with a card stand-in for the wallet and rolled back, so that
        whatever would refuse the sale refuses it before the customer is charged."""
        staff = authorize(self.database, staff, Permission.SELL)
        provider = self.provider(wallet.provider)
        if wallet.amount_fen <= 0:
            raise PaymentError("A payment must be more than zero")
        stand_in = Tender(TenderKind.CARD, wallet.amount_fen, reference="validation")

        def validate(session: Session) -> None:
            write(session, (*tenders, stand_in))

        with self._charging():
            attempt = self._begin(staff, wallet, purpose="sale", validate=validate)
            status = self._charge(provider, attempt, wallet.code, on_progress, cancel)
            return self._attach(attempt, status, wallet, tenders, write)

    def charge_only(
        self,
        staff: StaffSession,
        wallet: WalletPayment,
        *,
        on_progress: ProgressCallback | None = None,
        cancel: CancelSignal | None = None,
    ) -> PaymentAttempt:
        """A manager's test payment (``redhome-pos payments charge``): the same state machine,
        no sale. A paid test stays ``paid`` (listed with the others without a sale) until
        refunded with ``refund_attempt``. Declines and reversals raise as for a sale."""
        staff = authorize(self.database, staff, Permission.SETTINGS)
        provider = self.provider(wallet.provider)
        if wallet.amount_fen <= 0:
            raise PaymentError("A payment must be more than zero")
        with self._charging():
            attempt = self._begin(staff, wallet, purpose="test")
            status = self._charge(provider, attempt, wallet.code, on_progress, cancel)
            at = self.till.now()
            with self.database.unit_of_work() as uow:
                PaymentRepository(uow.session).move(
                    attempt.out_trade_no, AttemptState.PAID, at,
                    transaction_id=status.transaction_id or "",
                    paid_at=status.paid_at or at, reason_code="", reason="test payment",
                )  # fmt: skip
                audit.record(
                    uow.session, self.till, AuditAction.PAYMENT, staff.id,
                    test_charge=attempt.out_trade_no, provider=wallet.provider.value,
                    amount_fen=wallet.amount_fen, transaction_id=status.transaction_id,
                )  # fmt: skip
                uow.commit()
            return self.attempt(attempt.out_trade_no)

    def _begin(
        self,
        staff: StaffSession,
        wallet: WalletPayment,
        *,
        purpose: str,
        validate: Callable[[Session], None] | None = None,
    ) -> PaymentAttempt:
        """Rule 2: the attempt is committed before anything leaves the computer.

        One transaction does what must come before a charge: it finds whether this terminal
        still has an unfinished attempt (then, outside it, those are settled with the provider
        first and it starts again), runs ``validate`` (the sale written and rolled back to a
        savepoint: rule 1) and commits the new attempt — one write lock, one commit."""
        for _ in range(2):
            at = self.till.now()
            number = new_out_trade_no(self.till, at)
            with self.database.unit_of_work() as uow:
                repo = PaymentRepository(uow.session)
                if not repo.has_unfinished(self.till.terminal_id):
                    if validate is not None:
                        savepoint = uow.session.begin_nested()
                        try:
                            validate(uow.session)
                        finally:
                            savepoint.rollback()
                    attempt_id = repo.add_attempt(
                        out_trade_no=number, provider=wallet.provider,
                        amount_fen=wallet.amount_fen, terminal_id=self.till.terminal_id,
                        staff_id=staff.id, masked_code=mask_auth_code(wallet.code),
                        purpose=purpose, at=at,
                    )  # fmt: skip
                    uow.commit()
                    return PaymentAttempt(
                        id=attempt_id, out_trade_no=number, provider=wallet.provider,
                        amount_fen=wallet.amount_fen, terminal_id=self.till.terminal_id,
                        staff_id=staff.id, purpose=purpose, state=AttemptState.CREATED,
                        transaction_id=None, masked_code=mask_auth_code(wallet.code),
                        reason_code="", reason="", created_at=at, updated_at=at,
                    )  # fmt: skip
            self._settle_before_new_charge()
        raise PaymentUnresolvedError(
            "Earlier payments are still being settled with the provider: try again in a moment"
        )

    def _charge(
        self,
        provider: PaymentProvider,
        attempt: PaymentAttempt,
        code: str,
        on_progress: ProgressCallback | None,
        cancel: CancelSignal | None,
    ) -> ChargeStatus:
        """Charge, poll, and decide: returns only a status confirming this payment; every
        other end raises after the attempt's state was committed."""
        number, amount = attempt.out_trade_no, attempt.amount_fen
        timings = self.timings
        request = ChargeRequest(
            number, amount, code, fit_description(self.description),
            self.till.store_code, self.till.terminal_id,
        )  # fmt: skip
        started = self._clock()
        status = provider.charge(request)
        state = AttemptState.CREATED
        queries = 0
        while True:
            waited = self._clock() - started
            if status.confirms_payment(number, amount):
                return status
            outcome = status.outcome
            if outcome in (ChargeOutcome.REFUSED, ChargeOutcome.CLOSED, ChargeOutcome.REFUNDED):
                self._move(attempt, AttemptState.REFUSED, status)
                raise _declined(status)
            seen = AttemptState.PAYING if outcome is ChargeOutcome.PAYING else AttemptState.UNKNOWN
            if seen is not state:
                state = seen
                self._move(attempt, state, status)
            if cancel is not None and cancel.is_set():
                self._reverse_now(provider, attempt, started, on_progress)
                raise PaymentCancelledError(
                    "The payment was cancelled: nothing was taken from the customer, or it "
                    "was paid back"
                )
            # Rule 4: an unclear answer is first asked about, never reversed unasked.
            asked = queries > 0 or state is AttemptState.PAYING
            too_long = waited >= timings.charge_deadline_s or (
                state is AttemptState.UNKNOWN and waited >= timings.reverse_after_s
            )
            if asked and too_long:
                self._reverse_now(provider, attempt, started, on_progress)
                if state is AttemptState.PAYING:
                    raise PaymentDeclinedError(
                        "The customer did not enter the password in time: the payment was "
                        "cancelled and nothing was taken"
                    )
                raise PaymentDeclinedError(
                    "No clear answer from the provider: the payment was reversed, so the "
                    "customer keeps (or gets back) the money. Scan a fresh code to try again"
                )
            if on_progress is not None:
                on_progress(ChargeProgress(number, attempt.provider, amount, state, waited))
            self._pause(timings.poll_interval_s, cancel)
            status = provider.query(number)
            queries += 1

    def _pause(self, seconds: float, cancel: CancelSignal | None) -> None:
        if cancel is not None:
            cancel.wait(seconds)
        else:
            self._sleep(seconds)

    def _reverse_now(
        self,
        provider: PaymentProvider,
        attempt: PaymentAttempt,
        started: float,
        on_progress: ProgressCallback | None,
    ) -> None:
        """Reverse/cancel until confirmed or ``settle_limit_s``; raises
        ``PaymentUnresolvedError`` (attempt left ``reversing``) or, when the provider will not
        reverse a paid order, ``PaidWithoutSaleError`` (attempt ``paid``, for a refund)."""
        self._move(attempt, AttemptState.REVERSING, None)
        while True:
            waited = self._clock() - started
            if waited >= self.timings.reverse_after_s:
                result = self._reverse_once(provider, attempt)
                if result is not None:
                    return
            if waited >= self.timings.settle_limit_s:
                raise self._unresolved(attempt)
            if on_progress is not None:
                on_progress(
                    ChargeProgress(
                        attempt.out_trade_no,
                        attempt.provider,
                        attempt.amount_fen,
                        AttemptState.REVERSING,
                        waited,
                    )
                )
            pause = (
                self.timings.reverse_retry_s
                if waited >= self.timings.reverse_after_s
                else min(self.timings.poll_interval_s, self.timings.reverse_after_s - waited)
            )
            self._sleep(max(0.0, pause))

    def _reverse_once(
        self, provider: PaymentProvider, attempt: PaymentAttempt
    ) -> AttemptState | None:
        """One reversal call; the attempt's final state when the provider settled it."""
        result = provider.reverse(attempt.out_trade_no)
        if result.done:
            self._move_plain(attempt, AttemptState.REVERSED, result.reason_code, result.reason)
            return AttemptState.REVERSED
        if result.retry:
            log.info("reversal of %s to be retried: %s", attempt.out_trade_no, result.reason_code)
            return None
        # Refused for good (e.g. past the window): what is the order now?
        status = provider.query(attempt.out_trade_no)
        if status.confirms_payment(attempt.out_trade_no, attempt.amount_fen):
            self._mark_paid(attempt, status, f"not reversible: {result.reason_code}")
            raise PaidWithoutSaleError(
                "The payment {number} was taken and could not be reversed: a manager must "
                "refund it (payments paid without a sale)",
                number=attempt.out_trade_no,
            )
        if status.outcome in (ChargeOutcome.CLOSED, ChargeOutcome.REFUSED, ChargeOutcome.REFUNDED):
            self._move_plain(attempt, AttemptState.REVERSED, status.reason_code, status.reason)
            return AttemptState.REVERSED
        return None

    def _unresolved(self, attempt: PaymentAttempt) -> PaymentUnresolvedError:
        return PaymentUnresolvedError(
            "The payment {number} has no clear result yet. It is being settled with the "
            "provider: do not charge the customer again until it is (payments status)",
            number=attempt.out_trade_no,
        )

    def _attach(
        self,
        attempt: PaymentAttempt,
        status: ChargeStatus,
        wallet: WalletPayment,
        tenders: Sequence[Tender],
        write: SaleWriter[T],
    ) -> T:
        """Rule 5: the sale and the attempt's ``attached`` in one transaction, or the attempt
        committed as ``paid`` with no sale (the error says why) for a manager."""
        at = self.till.now()
        transaction_id = status.transaction_id or ""
        paid = Tender(
            KIND_OF[wallet.provider], wallet.amount_fen, reference=transaction_id,
            payment_code=wallet.code, out_trade_no=attempt.out_trade_no,
        )  # fmt: skip
        try:
            with self.database.unit_of_work() as uow:
                PaymentRepository(uow.session).move(
                    attempt.out_trade_no, AttemptState.PAID, at,
                    transaction_id=transaction_id, paid_at=status.paid_at or at,
                    reason_code="", reason="",
                )  # fmt: skip
                result = write(uow.session, (*tenders, paid))
                uow.commit()
            return result
        except Exception as error:
            self._mark_paid(attempt, status, f"sale not written: {error}")
            raise PaidWithoutSaleError(
                "The customer paid {amount} fen ({number}) but the sale could not be written: "
                "{detail}. A manager finds the payment under payments paid without a sale",
                amount=wallet.amount_fen,
                number=attempt.out_trade_no,
                detail=str(error),
            ) from error

    # -- state writes -----------------------------------------------------------------------
    def _move(
        self, attempt: PaymentAttempt, state: AttemptState, status: ChargeStatus | None
    ) -> None:
        self._move_plain(
            attempt, state,
            status.reason_code if status is not None else None,
            status.reason if status is not None else None,
        )  # fmt: skip

    def _move_plain(
        self, attempt: PaymentAttempt, state: AttemptState, code: str | None, reason: str | None
    ) -> None:
        with self.database.unit_of_work() as uow:
            PaymentRepository(uow.session).move(
                attempt.out_trade_no, state, self.till.now(), reason_code=code or "",
                reason=reason or "",
            )  # fmt: skip
            uow.commit()

    def _mark_paid(self, attempt: PaymentAttempt, status: ChargeStatus, reason: str) -> None:
        at = self.till.now()
        with self.database.unit_of_work() as uow:
            PaymentRepository(uow.session).move(
                attempt.out_trade_no, AttemptState.PAID, at,
                transaction_id=status.transaction_id or "", paid_at=status.paid_at or at,
                reason_code="PAID_NO_SALE", reason=reason,
            )  # fmt: skip
            uow.commit()

    # -- reading ----------------------------------------------------------------------------
    def attempt(self, out_trade_no: str) -> PaymentAttempt:
        with self.database.reading() as session:
            found = PaymentRepository(session).get(out_trade_no)
        if found is None:
            raise PaymentError("No payment with order number {number}", number=out_trade_no)
        return found

    def unfinished(self, *, all_terminals: bool = False) -> list[PaymentAttempt]:
        """Attempts still waiting for the provider (this terminal's, or every terminal's)."""
        terminal = None if all_terminals else self.till.terminal_id
        with self.database.reading() as session:
            return PaymentRepository(session).in_states(UNFINISHED, terminal_id=terminal)

    def paid_without_sale(self) -> list[PaymentAttempt]:
        """Rule 5: payments taken that no sale holds (every terminal), for a manager to attach
        to a sale (``pay_with_paid``) or refund (``refund_attempt``)."""
        with self.database.reading() as session:
            found = PaymentRepository(session).in_states([AttemptState.PAID])
        return [a for a in found if a.refunded_fen < a.amount_fen]

    def recent(self, limit: int = 50) -> list[PaymentAttempt]:
        with self.database.reading() as session:
            return PaymentRepository(session).recent(limit)

    # -- start-up and later: settling what is unclear ---------------------------------------
    def _settle_before_new_charge(self) -> None:
        """This terminal's open attempts settled first (usually none: one indexed query)."""
        with self.database.reading() as session:
            open_ones = PaymentRepository(session).in_states(
                UNFINISHED, terminal_id=self.till.terminal_id, totals=False
            )
        if not open_ones:
            return
        left = self._resolve(all_terminals=False).still_unfinished
        if left:
            raise self._unresolved(left[0])

    def resolve_unfinished(self, *, all_terminals: bool = False) -> ResolveReport:
        """Settle every unfinished attempt (and refund) with its provider — run on start-up
        before the counter takes a charge, and before every charge. Query: confirmed paid →
        ``paid`` (no sale is attached: a manager decides); refused/closed → ``refused`` /
        ``reversed``; paying, unclear or not found → reversed (confirmed) or left
        ``reversing`` for the next run. Never raises for a provider's answer."""
        with self._lock:
            return self._resolve(all_terminals=all_terminals)

    def _resolve(self, *, all_terminals: bool) -> ResolveReport:
        started = self._clock()
        done: list[PaymentAttempt] = []
        for attempt in self.unfinished(all_terminals=all_terminals):
            provider = self.providers.get(attempt.provider)
            if provider is None:
                done.append(attempt)  # its provider is no longer configured: left as it is
                continue
            try:
                self._resolve_one(provider, attempt)
            except PaymentError as error:
                log.warning("payment %s: %s", attempt.out_trade_no, error)
            done.append(self.attempt(attempt.out_trade_no))
        refunds = self._settle_refunds(None, all_terminals=all_terminals)
        return ResolveReport(tuple(done), tuple(refunds), self._clock() - started)

    def _resolve_one(self, provider: PaymentProvider, attempt: PaymentAttempt) -> None:
        if attempt.state is not AttemptState.REVERSING:
            status = provider.query(attempt.out_trade_no)
            if status.confirms_payment(attempt.out_trade_no, attempt.amount_fen):
                self._mark_paid(attempt, status, "found paid when settled after a restart")
                return
            if status.outcome in (ChargeOutcome.REFUSED, ChargeOutcome.CLOSED):
                self._move(attempt, AttemptState.REFUSED, status)
                return
            if status.outcome is ChargeOutcome.REFUNDED:
                self._move(attempt, AttemptState.REVERSED, status)
                return
            self._move(attempt, AttemptState.REVERSING, status)
        age = (self.till.now() - _utc(attempt.created_at)).total_seconds()
        if age < self.timings.reverse_after_s:
            self._sleep(self.timings.reverse_after_s - age)
        self._reverse_once(provider, attempt)

    # -- a manager's decisions on payments without a sale -----------------------------------
    def pay_with_paid(
        self,
        staff: StaffSession,
        cart: Cart,
        tenders: Sequence[Tender],
        out_trade_no: str,
    ) -> Sale:
        """Attach a payment taken without a sale to the sale of ``cart`` (the goods the
        customer paid for): ``tenders`` pay the rest. Manager only; audited."""
        staff = authorize(self.database, staff, Permission.REFUND)
        attempt = self.attempt(out_trade_no)
        if attempt.state is not AttemptState.PAID or attempt.refunded_fen:
            raise PaymentError(
                "The payment {number} is not a payment without a sale", number=out_trade_no
            )
        paid = Tender(
            KIND_OF[attempt.provider], attempt.amount_fen, reference=attempt.transaction_id or "",
            out_trade_no=attempt.out_trade_no,
        )  # fmt: skip
        with self._lock, self.database.unit_of_work() as uow:
            total = cart.totals().total_fen
            required = self.till.card_reference_required
            settlement = settle(total, [*tenders, paid], card_reference_required=required)
            sale = complete_sale_in(uow.session, self.till, staff, cart, settlement)
            audit.record(
                uow.session, self.till, AuditAction.PAYMENT, staff.id,
                attached=out_trade_no, receipt_no=sale.receipt_no,
                amount_fen=attempt.amount_fen,
            )  # fmt: skip
            uow.commit()
        return sale

    def refund_attempt(
        self, staff: StaffSession, out_trade_no: str, *, reason: str, amount_fen: int | None = None
    ) -> ProviderRefund:
        """Pay back a payment no sale holds (a paid-without-sale attempt or a test payment),
        whole or ``amount_fen`` of it, through its provider. Manager only; audited."""
        staff = authorize(self.database, staff, Permission.REFUND)
        if not reason.strip():
            raise RefundError("A refund needs a reason")
        attempt = self.attempt(out_trade_no)
        if attempt.state is not AttemptState.PAID:
            raise RefundError(
                "Only a payment without a sale can be refunded here; a sale's payment is "
                "refunded by returning its goods"
            )
        amount = attempt.amount_fen - attempt.refunded_fen if amount_fen is None else amount_fen
        self.provider(attempt.provider)
        with self._lock:
            with self.database.unit_of_work() as uow:
                number = self._new_refund(uow.session, staff, attempt, amount, reason=reason)
                audit.record(
                    uow.session, self.till, AuditAction.PAYMENT, staff.id,
                    refund=number, out_trade_no=out_trade_no, refund_fen=amount,
                    reason=reason,
                )  # fmt: skip
                uow.commit()
            refunds = self._settle_refunds([number], all_terminals=True)
        return refunds[0]

    # -- refunds ----------------------------------------------------------------------------
    def _new_refund(
        self,
        session: Session,
        staff: StaffSession,
        attempt: PaymentAttempt,
        amount_fen: int,
        *,
        reason: str,
        return_id: int | None = None,
        sale_id: int | None = None,
    ) -> str:
        """A refund row (committed by the caller before the request): never more than left."""
        repo = PaymentRepository(session)
        fresh = repo.get(attempt.out_trade_no, for_update=True)
        assert fresh is not None
        left = fresh.amount_fen - fresh.refunded_fen
        if amount_fen <= 0 or amount_fen > left:
            raise RefundError(
                "A refund of {amount} fen is more than the {left} fen left of payment {number}",
                amount=amount_fen, left=left, number=attempt.out_trade_no,
            )  # fmt: skip
        number = f"{attempt.out_trade_no}R{repo.refund_count(attempt.id) + 1}"
        repo.add_refund(
            attempt=fresh, out_refund_no=number, amount_fen=amount_fen, staff_id=staff.id,
            terminal_id=self.till.terminal_id, at=self.till.now(), reason=reason,
            return_id=return_id, sale_id=sale_id,
        )  # fmt: skip
        return number

    def plan_wallet_refunds(
        self,
        session: Session,
        staff: StaffSession,
        sale_id: int,
        kind: TenderKind,
        amount_fen: int,
        *,
        reason: str,
        return_id: int | None = None,
        void_of: int | None = None,
    ) -> list[tuple[str, str, int]]:
        """Inside a return's or void's transaction: refund rows for ``amount_fen`` of the
        sale's ``kind`` payments, the last payment first, none beyond what is left of it.
        Returns ``(out_trade_no, out_refund_no, fen)`` per row; the caller commits, then calls
        ``settle_refunds`` with the numbers."""
        self.provider(PROVIDER_OF[kind])
        repo = PaymentRepository(session)
        attempts = [a for a in repo.of_sale(sale_id) if a.provider is PROVIDER_OF[kind]]
        rows: list[tuple[str, str, int]] = []
        due = amount_fen
        for attempt in reversed(attempts):
            portion = min(due, attempt.amount_fen - attempt.refunded_fen)
            if portion <= 0:
                continue
            number = self._new_refund(
                session, staff, attempt, portion, reason=reason, return_id=return_id,
                sale_id=void_of,
            )  # fmt: skip
            rows.append((attempt.out_trade_no, number, portion))
            due -= portion
            if not due:
                break
        if due:
            raise RefundError(
                "The refund is more than what is left of the sale's {kind} payments",
                kind=kind.value,
            )
        return rows

    def settle_refunds(self, out_refund_nos: Sequence[str]) -> list[ProviderRefund]:
        """Send each refund and query it until the provider confirms it (or
        ``settle_limit_s`` passes: it stays ``processing`` for ``resolve_unfinished``)."""
        with self._lock:
            return self._settle_refunds(list(out_refund_nos), all_terminals=True)

    def check_refunds(self, out_refund_nos: Sequence[str]) -> list[ProviderRefund]:
        """Ask the provider once about each refund not settled yet (the returns screen's
        "ask again"): an unsent one is sent, one on its way queried; success and refusals are
        recorded, one still on its way stays ``processing``. Returns them as they now stand."""
        with self._lock:
            return self._settle_refunds(list(out_refund_nos), all_terminals=True, once=True)

    def _settle_refunds(
        self, numbers: Sequence[str] | None, *, all_terminals: bool, once: bool = False
    ) -> list[ProviderRefund]:
        with self.database.reading() as session:
            repo = PaymentRepository(session)
            if numbers is None:
                todo = repo.refunds(
                    states=[RefundState.CREATED, RefundState.PROCESSING],
                    terminal_id=None if all_terminals else self.till.terminal_id,
                )
            else:
                todo = repo.refunds(out_refund_nos=numbers)
            totals = {r.out_trade_no: repo.get(r.out_trade_no) for r in todo}
        for refund in todo:
            if refund.state in (RefundState.SUCCESS, RefundState.REFUSED, RefundState.CASH):
                continue
            provider = self.providers.get(refund.provider)
            attempt = totals[refund.out_trade_no]
            if provider is None or attempt is None:
                continue
            self._settle_refund(provider, attempt, refund, once=once)
        with self.database.reading() as session:
            return PaymentRepository(session).refunds(
                out_refund_nos=[r.out_refund_no for r in todo]
            )

    def _settle_refund(
        self,
        provider: PaymentProvider,
        attempt: PaymentAttempt,
        refund: ProviderRefund,
        *,
        once: bool = False,
    ) -> None:
        request = RefundRequest(
            attempt.out_trade_no, refund.out_refund_no, refund.amount_fen, attempt.amount_fen,
            reason=refund.reason, transaction_id=attempt.transaction_id,
        )  # fmt: skip
        started = self._clock()
        # A refund that may have left already is asked about first; a new one is sent.
        status = (
            provider.refund(request)
            if refund.state is RefundState.CREATED
            else provider.refund_query(attempt.out_trade_no, refund.out_refund_no)
        )
        while True:
            if status.outcome is RefundOutcome.SUCCESS and status.refund_fen in (
                None,
                refund.amount_fen,
            ):
                self._move_refund(refund, RefundState.SUCCESS, status)
                return
            if status.outcome is RefundOutcome.REFUSED:
                if refund.state is RefundState.PROCESSING and status.reason_code in _NOT_FOUND:
                    # Asked about a refund the provider never got: send it (same number).
                    status = provider.refund(request)
                    refund = replace(refund, state=RefundState.CREATED)
                    continue
                self._move_refund(refund, RefundState.REFUSED, status)
                return
            if refund.state is not RefundState.PROCESSING:
                refund = replace(refund, state=RefundState.PROCESSING)
                self._move_refund(refund, RefundState.PROCESSING, status)
            if once or self._clock() - started >= self.timings.settle_limit_s:
                return
            self._sleep(min(self.timings.poll_interval_s, self.timings.reverse_retry_s))
            status = (
                provider.refund(request)  # an unclear send: sending again is safe (same key)
                if status.outcome is RefundOutcome.UNKNOWN
                else provider.refund_query(attempt.out_trade_no, refund.out_refund_no)
            )

    def _move_refund(
        self, refund: ProviderRefund, state: RefundState, status: RefundStatus
    ) -> None:
        with self.database.unit_of_work() as uow:
            PaymentRepository(uow.session).move_refund(
                refund.out_refund_no, state, self.till.now(), refund_id=status.refund_id,
                reason_code=status.reason_code or "", reason=status.reason or "",
            )  # fmt: skip
            if state is RefundState.SUCCESS:
                self._finish_refunded_attempt(uow.session, refund)
            uow.commit()

    def _finish_refunded_attempt(self, session: Session, refund: ProviderRefund) -> None:
        """A payment without a sale refunded in full is ``refunded``."""
        repo = PaymentRepository(session)
        attempt = repo.get(refund.out_trade_no)
        if (
            attempt is not None
            and attempt.state is AttemptState.PAID
            and attempt.refunded_fen >= attempt.amount_fen
        ):
            repo.move(attempt.out_trade_no, AttemptState.REFUNDED, self.till.now())

    def refund_in_cash(
        self,
        staff: StaffSession,
        out_refund_no: str,
        *,
        reason: str,
        approval_id: int | None = None,
    ) -> ProviderRefund:
        """A refund the provider refused for good, paid in cash instead: a manager, or anyone
        with a manager's approval of that refund (``approval_id``), with a reason, audited.
        The wallet refund's tender is taken back and a cash refund written on the same return
        (or void) in the open shift, so the drawer and the wallet add up."""
        staff = authorize(
            self.database, staff, Permission.REFUND, approval_given=approval_id is not None
        )
        if staff.role is not Role.MANAGER and approval_id is None:
            raise RefundError(
                "This sale was paid by WeChat Pay or Alipay: a refund in cash instead needs a "
                "manager's approval"
            )
        if not reason.strip():
            raise RefundError("A refund needs a reason")
        with self._lock, self.database.unit_of_work() as uow:
            repo = PaymentRepository(uow.session)
            found = repo.refunds(out_refund_nos=[out_refund_no])
            if not found or found[0].state is not RefundState.REFUSED:
                raise RefundError("Only a refund the provider refused can be paid in cash instead")
            refund = found[0]
            amount = refund.amount_fen
            if staff.role is not Role.MANAGER:
                self._manager_approves_cash(uow.session, staff, refund, approval_id)
            shift = open_shift_of(uow.session, self.till)
            SaleRepository(uow.session).add_tenders(
                shift.id,
                (
                    SettledTender(
                        KIND_OF[refund.provider], amount, amount, out_refund_no,
                        out_trade_no=refund.out_trade_no,
                    ),
                    SettledTender(TenderKind.CASH, -amount, -amount, out_refund_no),
                ),
                sale_id=refund.sale_id,
                return_id=refund.return_id,
            )  # fmt: skip
            repo.move_refund(out_refund_no, RefundState.CASH, self.till.now(), reason=reason)
            audit.record(
                uow.session, self.till, AuditAction.PAYMENT, staff.id,
                cash_instead=out_refund_no, out_trade_no=refund.out_trade_no,
                refund_fen=amount, reason=reason, approval_id=approval_id,
            )  # fmt: skip
            uow.commit()
            return repo.refunds(out_refund_nos=[out_refund_no])[0]

    def _manager_approves_cash(
        self, session: Session, staff: StaffSession, refund: ProviderRefund, approval_id: int | None
    ) -> None:
        """A manager's approval (not a supervisor's) of this refund's amount on its sale,
        consumed in the caller's transaction; ``RefundError`` otherwise."""
        if approval_id is None or (
            ApprovalRepository(session).approver_role(approval_id) is not Role.MANAGER
        ):
            raise RefundError(
                "This sale was paid by WeChat Pay or Alipay: a refund in cash instead needs a "
                "manager's approval"
            )
        attempt = PaymentRepository(session).get(refund.out_trade_no)
        receipt = attempt.receipt_no if attempt is not None else None
        scope = approvals.refund(receipt or refund.out_trade_no, refund.amount_fen)
        use_approval(
            session, self.till, staff, Permission.REFUND, approval_id, within=scope, alone=False
        )

    def refunds_of_return(self, return_id: int) -> list[ProviderRefund]:
        with self.database.reading() as session:
            return PaymentRepository(session).refunds(return_id=return_id)

    def refunds_waiting(self) -> list[ProviderRefund]:
        """Refunds not confirmed (on their way) or refused (money still owed: a manager)."""
        with self.database.reading() as session:
            return PaymentRepository(session).refunds(
                states=[RefundState.CREATED, RefundState.PROCESSING, RefundState.REFUSED]
            )


_NOT_FOUND = frozenset({"REFUNDNOTEXIST", "RESOURCE_NOT_EXISTS", "ORDER_NOT_EXIST", "NOT_FOUND"})


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def describe_refund(refund: ProviderRefund) -> dict[str, Any]:
    """A refund through the provider as plain data (commands print it as JSON): when it was
    written and the receipt of the sale whose payment it pays back, for the manager who settles
    a refused one."""
    return {
        "out_refund_no": refund.out_refund_no,
        "out_trade_no": refund.out_trade_no,
        "provider": refund.provider.value,
        "amount_fen": refund.amount_fen,
        "state": refund.state.value,
        "refund_id": refund.refund_id,
        "reason_code": refund.reason_code,
        "reason": refund.reason,
        "receipt_no": refund.receipt_no,
        "created_at": _utc(refund.created_at).isoformat() if refund.created_at else None,
    }


def describe_attempt(attempt: PaymentAttempt) -> dict[str, Any]:
    """An attempt as plain data (commands print it as JSON)."""
    return {
        "out_trade_no": attempt.out_trade_no,
        "provider": attempt.provider.value,
        "amount_fen": attempt.amount_fen,
        "state": attempt.state.value,
        "transaction_id": attempt.transaction_id,
        "code": attempt.masked_code,
        "terminal": attempt.terminal_id,
        "purpose": attempt.purpose,
        "receipt_no": attempt.receipt_no,
        "refunded_fen": attempt.refunded_fen,
        "reason_code": attempt.reason_code,
        "reason": attempt.reason,
        "created_at": attempt.created_at.isoformat(),
        "paid_at": attempt.paid_at.isoformat() if attempt.paid_at else None,
    }
