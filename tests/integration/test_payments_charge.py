"""The charge state machine over real HTTP against the payments sandbox, for both providers:
every behaviour ends paid-and-in-one-sale, or not charged / reversed — never charged twice,
never a sale with an unpaid wallet tender (rules 1–7 of payments.md)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from counter_store import Store, make_store
from sqlalchemy import func, select
from wallet_sandbox import FAST, code, sandbox_payments

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from redhome_pos.domain import approvals
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.errors import PermissionDenied, StockError
from redhome_pos.domain.payments import (
    AttemptState,
    ChargeRequest,
    ChargeStatus,
    PaidWithoutSaleError,
    PaymentCancelledError,
    PaymentDeclinedError,
    PaymentError,
    PaymentProvider,
    PaymentUnresolvedError,
    RefundError,
    RefundState,
    WalletProvider,
)
from redhome_pos.domain.sale import ReturnError, ReturnRequest
from redhome_pos.domain.shift import ShiftError
from redhome_pos.domain.staff import Permission
from redhome_pos.domain.tender import Tender, TenderError, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import AuditEventRow, ReturnRow, SaleRow, TenderRow
from redhome_pos.persistence.models.payments import PaymentAttemptRow
from redhome_pos.persistence.repositories.payments import PaymentRepository
from redhome_pos.services import audit, checkout, returns, shifts
from redhome_pos.services.payments import ChargeProgress, Payments, WalletPayment
from redhome_pos.services.staff import Approver, approve

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured
PROVIDERS = [WalletProvider.WECHAT, WalletProvider.ALIPAY]
SANDBOX_NAME = {WalletProvider.WECHAT: "wechat", WalletProvider.ALIPAY: "alipay"}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with start_payments_sandbox() as running:
        yield running


@pytest.fixture(autouse=True)
def sandbox_clock_put_back(sandbox: PaymentsSandboxHandle) -> Iterator[None]:
    """The module's tests share one sandbox: a test that moves its clock puts it back, or
    the moves add up past the five minutes WeChat Pay allows between the two clocks."""
    before = sandbox.clock_offset_s
    yield
    if sandbox.clock_offset_s != before:
        sandbox.advance_clock(before - sandbox.clock_offset_s)


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 10_000)
    return store


@pytest.fixture
def payments(store: Store, sandbox: PaymentsSandboxHandle, tmp_path: Path) -> Payments:
    return sandbox_payments(store.database, store.till, sandbox, tmp_path / "cfg")


def lipstick(store: Store) -> Cart:
    cart = Cart()
    cart.add(store.items["LIP-520"])  # 259.00
    return cart


def charges_at_sandbox(
    sandbox: PaymentsSandboxHandle, provider: WalletProvider, number: str
) -> int:
    order = sandbox.order(SANDBOX_NAME[provider], number)
    return 0 if order is None else int(order["charges"])


def only_attempt(store: Store) -> PaymentAttemptRow:
    with store.database.reading() as session:
        [row] = session.scalars(select(PaymentAttemptRow)).all()
        session.expunge(row)
    return row


def sales_count(store: Store) -> int:
    with store.database.reading() as session:
        return session.scalar(select(func.count()).select_from(SaleRow)) or 0


@pytest.mark.parametrize("provider", PROVIDERS)
def test_instant_success_writes_the_sale_with_the_transaction_id(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    sale = payments.checkout(
        store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
    )
    [tender] = sale.tenders
    attempt = payments.attempt(tender.out_trade_no)
    assert attempt.state is AttemptState.ATTACHED and attempt.sale_id == sale.id
    assert tender.reference == attempt.transaction_id and tender.reference
    order = sandbox.order(SANDBOX_NAME[provider], tender.out_trade_no)
    assert order is not None and order["state"] in ("SUCCESS", "TRADE_SUCCESS")
    assert order["amount_fen"] == 25_900
    assert charges_at_sandbox(sandbox, provider, tender.out_trade_no) == 1
    assert attempt.masked_code.endswith(code(provider)[-4:]) and "*" in attempt.masked_code


def test_the_check_before_charging_leaves_nothing_behind(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle
) -> None:
    """The sale written to check it before the charge is rolled back in the same transaction
    that commits the attempt: sales follow on in number, one sale and one stock movement each,
    the audit chain whole."""
    sold = [
        payments.checkout(
            store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
        )
        for provider in PROVIDERS
    ]
    assert [int(s.receipt_no[-4:]) for s in sold] == [1, 2]
    assert sales_count(store) == 2
    with store.database.reading() as session:
        events = session.scalars(select(AuditEventRow.action)).all()
        attempts = session.scalars(select(PaymentAttemptRow.state)).all()
    assert events.count("sale") == 2
    assert attempts == [AttemptState.ATTACHED.value] * 2
    assert audit.verify(store.database) == []


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("suffix", ["21", "22", "23"])
def test_refusals_take_nothing_and_write_no_sale(
    store: Store, payments: Payments, provider: WalletProvider, suffix: str
) -> None:
    with pytest.raises(PaymentDeclinedError) as refused:
        payments.checkout(
            store.clerk,
            lipstick(store),
            [],
            WalletPayment(provider, code(provider, suffix), 25_900),
        )
    assert "Nothing was taken" in str(refused.value)
    assert only_attempt(store).state == AttemptState.REFUSED.value
    assert sales_count(store) == 0


def kept_by_sandbox(sandbox: PaymentsSandboxHandle, provider: WalletProvider, number: str) -> int:
    """What the customer is out of pocket for this order now: charged, less reversed/refunded."""
    order = sandbox.order(SANDBOX_NAME[provider], number)
    if order is None or not order["charges"]:
        return 0
    reversed_fen = sum(r["amount_fen"] for r in order["reversals"])
    return int(order["amount_fen"]) - reversed_fen - int(order["refunded_fen"])


@pytest.mark.parametrize("provider", PROVIDERS)
def test_password_then_paid_reports_the_seconds_waited(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    heard: list[ChargeProgress] = []
    sale = payments.checkout(
        store.clerk, lipstick(store), [], WalletPayment(provider, code(provider, "0111"), 25_900),
        on_progress=heard.append,
    )  # fmt: skip
    assert heard and all(p.state is AttemptState.PAYING for p in heard)
    assert len(heard) >= 3 and heard[-1].waited_s >= 0.5  # polled every 0.2 s for ~1 s
    assert heard == sorted(heard, key=lambda p: p.waited_s)
    [tender] = sale.tenders
    assert kept_by_sandbox(sandbox, provider, tender.out_trade_no) == 25_900
    assert payments.attempt(tender.out_trade_no).state is AttemptState.ATTACHED


@pytest.mark.parametrize("provider", PROVIDERS)
def test_password_then_given_up_writes_no_sale(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    with pytest.raises(PaymentDeclinedError):
        payments.checkout(
            store.clerk, lipstick(store), [],
            WalletPayment(provider, code(provider, "0112"), 25_900),
        )  # fmt: skip
    attempt = only_attempt(store)
    assert attempt.state == AttemptState.REFUSED.value and attempt.sale_id is None
    assert kept_by_sandbox(sandbox, provider, attempt.out_trade_no) == 0
    assert sales_count(store) == 0


@pytest.mark.parametrize("provider", PROVIDERS)
def test_customer_too_slow_is_reversed_at_the_deadline(
    store: Store, sandbox: PaymentsSandboxHandle, provider: WalletProvider, tmp_path: Path
) -> None:
    short = replace(FAST, charge_deadline_s=1.0)
    payments = sandbox_payments(store.database, store.till, sandbox, tmp_path, short)
    with pytest.raises(PaymentDeclinedError, match="in time"):
        payments.checkout(
            store.clerk, lipstick(store), [],
            WalletPayment(provider, code(provider, "3011"), 25_900),  # 30 s of password
        )  # fmt: skip
    attempt = only_attempt(store)
    assert attempt.state == AttemptState.REVERSED.value
    sandbox.advance_clock(40)  # the customer would have finished by now: still nothing taken
    assert kept_by_sandbox(sandbox, provider, attempt.out_trade_no) == 0
    assert sales_count(store) == 0


@pytest.mark.parametrize("provider", PROVIDERS)
def test_cancel_while_paying_reverses(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    cancel = threading.Event()

    def clerk_cancels(progress: ChargeProgress) -> None:
        if progress.waited_s >= 0.3:
            cancel.set()

    with pytest.raises(PaymentCancelledError):
        payments.checkout(
            store.clerk, lipstick(store), [],
            WalletPayment(provider, code(provider, "3011"), 25_900),
            on_progress=clerk_cancels, cancel=cancel,
        )  # fmt: skip
    attempt = only_attempt(store)
    assert attempt.state == AttemptState.REVERSED.value
    sandbox.advance_clock(40)
    assert kept_by_sandbox(sandbox, provider, attempt.out_trade_no) == 0
    assert sales_count(store) == 0


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize(
    ("suffix", "charged"),
    [("31", False), ("32", True), ("41", True), ("42", False), ("0351", True)],
    ids=["system-error", "system-error-charged", "lost-after", "lost-before", "slow"],
)
def test_unclear_answers_end_paid_once_in_one_sale_or_not_charged(
    store: Store,
    payments: Payments,
    sandbox: PaymentsSandboxHandle,
    provider: WalletProvider,
    suffix: str,
    charged: bool,
) -> None:
    wallet = WalletPayment(provider, code(provider, suffix), 25_900)
    if charged:
        sale = payments.checkout(store.clerk, lipstick(store), [], wallet)
        [tender] = sale.tenders
        assert payments.attempt(tender.out_trade_no).state is AttemptState.ATTACHED
        assert charges_at_sandbox(sandbox, provider, tender.out_trade_no) == 1
        assert kept_by_sandbox(sandbox, provider, tender.out_trade_no) == 25_900
        assert sales_count(store) == 1
    else:
        with pytest.raises(PaymentDeclinedError, match="No clear answer"):
            payments.checkout(store.clerk, lipstick(store), [], wallet)
        attempt = only_attempt(store)
        assert attempt.state == AttemptState.REVERSED.value
        assert kept_by_sandbox(sandbox, provider, attempt.out_trade_no) == 0
        assert sales_count(store) == 0


class Tampering:
    """The real adapter, with every charge/query answer about another amount (as a forged or
    confused answer would be): the service must never take it for paid."""

    def __init__(self, inner: PaymentProvider) -> None:
        self.inner = inner
        self.provider = inner.provider

    def _tamper(self, status: ChargeStatus) -> ChargeStatus:
        if status.amount_fen is None:
            return status
        return replace(status, amount_fen=status.amount_fen + 1)

    def charge(self, request: ChargeRequest) -> ChargeStatus:
        return self._tamper(self.inner.charge(request))

    def query(self, out_trade_no: str) -> ChargeStatus:
        return self._tamper(self.inner.query(out_trade_no))

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


@pytest.mark.parametrize("provider", PROVIDERS)
@pytest.mark.parametrize("field", ["amount", "out_trade_no"])
def test_an_answer_about_another_amount_or_order_is_never_paid(
    store: Store,
    payments: Payments,
    sandbox: PaymentsSandboxHandle,
    provider: WalletProvider,
    field: str,
) -> None:
    inner = payments.providers[provider]
    wrapped = Tampering(inner)
    if field == "out_trade_no":
        wrapped._tamper = lambda s: replace(s, out_trade_no=s.out_trade_no + "X")  # type: ignore[method-assign]
    payments.providers[provider] = wrapped  # type: ignore[assignment]
    with pytest.raises(PaymentDeclinedError, match="No clear answer"):
        payments.checkout(
            store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
        )
    attempt = only_attempt(store)
    assert attempt.state == AttemptState.REVERSED.value and attempt.transaction_id is None
    assert kept_by_sandbox(sandbox, provider, attempt.out_trade_no) == 0  # paid back
    assert sales_count(store) == 0


@pytest.mark.parametrize("provider", PROVIDERS)
def test_split_payment_wallet_pays_part_cash_the_rest(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    cart = lipstick(store)
    cart.add(store.items["BOOK-01"])  # 259.00 + 45.00
    sale = payments.checkout(
        store.clerk, cart, [Tender.cash(10_000)], WalletPayment(provider, code(provider), 20_400)
    )
    assert [(t.kind, t.amount_fen) for t in sale.tenders] == [
        (TenderKind.CASH, 10_000),
        (TenderKind(provider.value), 20_400),
    ]
    assert kept_by_sandbox(sandbox, provider, sale.tenders[1].out_trade_no) == 20_400


def test_a_sale_that_would_be_refused_is_refused_before_charging(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle
) -> None:
    cart = Cart()
    cart.add(store.items["BAG-RED"], 6)  # only 5 in stock
    before = len(sandbox.state()["orders"]["wechat"])
    with pytest.raises(StockError):
        payments.checkout(
            store.clerk, cart, [],
            WalletPayment(WalletProvider.WECHAT, code(WalletProvider.WECHAT), 6 * 12_800),
        )  # fmt: skip
    assert len(sandbox.state()["orders"]["wechat"]) == before  # nothing was sent
    with store.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(PaymentAttemptRow)) == 0
    with pytest.raises(TenderError):  # more than due is refused before anything too
        payments.checkout(
            store.clerk, lipstick(store), [],
            WalletPayment(WalletProvider.WECHAT, code(WalletProvider.WECHAT), 30_000),
        )  # fmt: skip


def test_a_wallet_tender_without_a_confirmed_payment_is_refused_by_checkout(store: Store) -> None:
    with pytest.raises(TenderError, match="confirmed"):
        checkout.checkout(
            store.database, store.till, store.clerk, lipstick(store),
            [Tender(TenderKind.WECHAT, 25_900, "4200000000000000000000000000")],
        )  # fmt: skip
    assert sales_count(store) == 0


@pytest.mark.parametrize("provider", PROVIDERS)
def test_paid_but_sale_not_written_is_kept_for_a_manager_who_refunds_it(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    cart = Cart()
    cart.add(store.items["BAG-RED"], 5)  # the last five bags

    def another_counter_sells_one(progress: ChargeProgress) -> None:
        other = Cart()
        other.add(store.items["BAG-RED"])
        if not heard:
            checkout.checkout(
                store.database, store.till, store.supervisor, other, [Tender.cash(12_800)]
            )
        heard.append(progress)

    heard: list[ChargeProgress] = []
    with pytest.raises(PaidWithoutSaleError) as taken:
        payments.checkout(
            store.clerk, cart, [], WalletPayment(provider, code(provider, "0111"), 64_000),
            on_progress=another_counter_sells_one,
        )  # fmt: skip
    [waiting] = payments.paid_without_sale()
    assert waiting.out_trade_no in str(taken.value) and waiting.state is AttemptState.PAID
    assert waiting.transaction_id and waiting.sale_id is None
    assert kept_by_sandbox(sandbox, provider, waiting.out_trade_no) == 64_000

    refund = payments.refund_attempt(store.manager, waiting.out_trade_no, reason="goods gone")
    assert refund.state is RefundState.SUCCESS and refund.amount_fen == 64_000
    assert payments.attempt(waiting.out_trade_no).state is AttemptState.REFUNDED
    assert payments.paid_without_sale() == []
    assert kept_by_sandbox(sandbox, provider, waiting.out_trade_no) == 0
    with pytest.raises(PermissionDenied):  # a clerk may not
        payments.refund_attempt(store.clerk, waiting.out_trade_no, reason="x")


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_manager_attaches_a_payment_without_a_sale_to_the_goods(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    attempt = payments.charge_only(store.manager, WalletPayment(provider, code(provider), 25_900))
    assert attempt.state is AttemptState.PAID and attempt.purpose == "test"
    [listed] = payments.paid_without_sale()
    sale = payments.pay_with_paid(store.manager, lipstick(store), [], listed.out_trade_no)
    assert sale.tenders[0].out_trade_no == attempt.out_trade_no
    assert payments.attempt(attempt.out_trade_no).receipt_no == sale.receipt_no
    assert payments.paid_without_sale() == []
    with pytest.raises(PaymentError):  # in one sale only
        payments.pay_with_paid(store.manager, lipstick(store), [], listed.out_trade_no)


def code_of(store: Store, sale: Any) -> str:
    """The receipt's signed code, as scanned at the counter for a return."""
    return store.till.receipt_code(sale.receipt_no)


@pytest.mark.parametrize("provider", PROVIDERS)
def test_returns_refund_partly_then_wholly_to_the_original_payment(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    cart = Cart()
    cart.add(store.items["MASK-10"], 3)  # 3 × 99.00
    sale = payments.checkout(store.clerk, cart, [], WalletPayment(provider, code(provider), 29_700))
    number = sale.tenders[0].out_trade_no
    first = returns.return_items(
        store.database, store.till, store.supervisor, code_of(store, sale),
        [ReturnRequest(1, 1)], reason="colour", payments=payments,
    )  # fmt: skip
    assert [(r.kind.value, r.amount_fen, r.reference) for r in first.refunds] == [
        (provider.value, 9_900, f"{number}R1")
    ]
    [sent] = first.provider_refunds
    assert sent.state is RefundState.SUCCESS and sent.refund_id
    assert kept_by_sandbox(sandbox, provider, number) == 19_800
    rest = returns.return_items(
        store.database, store.till, store.supervisor, code_of(store, sale),
        [ReturnRequest(1, 2)], reason="colour", payments=payments,
    )  # fmt: skip
    assert [r.reference for r in rest.refunds] == [f"{number}R2"]
    assert rest.provider_refunds[0].state is RefundState.SUCCESS
    assert kept_by_sandbox(sandbox, provider, number) == 0
    order = sandbox.order(SANDBOX_NAME[provider], number)
    assert order is not None and [r["out_refund_no"] for r in order["refunds"]] == [
        f"{number}R1",
        f"{number}R2",
    ]
    with pytest.raises(ReturnError):  # nothing is left to return or refund
        returns.return_items(
            store.database, store.till, store.supervisor, code_of(store, sale),
            [ReturnRequest(1, 1)], reason="again", payments=payments,
        )  # fmt: skip


def test_a_return_needs_the_provider_or_a_managers_cash(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle
) -> None:
    sale = payments.checkout(
        store.clerk, lipstick(store), [],
        WalletPayment(WalletProvider.ALIPAY, code(WalletProvider.ALIPAY), 25_900),
    )  # fmt: skip
    request = [ReturnRequest(1, 1)]
    with pytest.raises(RefundError, match="not connected"):
        returns.return_items(
            store.database, store.till, store.supervisor, code_of(store, sale), request, reason="x"
        )
    with pytest.raises(RefundError, match="manager"):
        returns.return_items(
            store.database, store.till, store.supervisor, code_of(store, sale), request,
            reason="x", refund_to_cash=True,
        )  # fmt: skip
    cash = returns.return_items(
        store.database, store.till, store.manager, code_of(store, sale), request,
        reason="customer has no phone", refund_to_cash=True,
    )  # fmt: skip
    assert [(r.kind, r.amount_fen) for r in cash.refunds] == [(TenderKind.CASH, 25_900)]
    assert kept_by_sandbox(sandbox, WalletProvider.ALIPAY, sale.tenders[0].out_trade_no) == 25_900
    with store.database.reading() as session:
        details = session.scalars(
            select(AuditEventRow.detail).where(AuditEventRow.action == "refund")
        ).all()
    assert details[-1]["cash_instead_of"] == ["alipay"]


def test_wechat_refund_processing_is_queried_until_done(store: Store, tmp_path: Path) -> None:
    with start_payments_sandbox(refund_delay_s=1.0) as slow_refunds:
        payments = sandbox_payments(store.database, store.till, slow_refunds, tmp_path)
        provider = WalletProvider.WECHAT
        sale = payments.checkout(
            store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
        )
        voided = checkout.void_last_sale(
            store.database, store.till, store.manager, reason="wrong goods", payments=payments
        )
        assert voided.voided
        number = sale.tenders[0].out_trade_no
        [refund] = payments.settle_refunds([f"{number}R1"])
        assert refund.state is RefundState.SUCCESS
        order = slow_refunds.order("wechat", number)
        assert order is not None and order["refunded_fen"] == 25_900
        assert [r["done"] for r in order["refunds"]] == [True]


def test_a_refund_the_provider_refuses_is_kept_and_paid_in_cash_by_a_manager(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle
) -> None:
    provider = WalletProvider.WECHAT
    sale = payments.checkout(
        store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
    )
    number = sale.tenders[0].out_trade_no
    assert payments.providers[provider].reverse(number).done  # paid back out of band
    returned = returns.return_items(
        store.database, store.till, store.supervisor, code_of(store, sale),
        [ReturnRequest(1, 1)], reason="colour", payments=payments,
    )  # fmt: skip
    [refused] = returned.provider_refunds
    assert refused.state is RefundState.REFUSED
    assert payments.refunds_waiting() == [refused]  # listed: money still owed
    with pytest.raises(RefundError, match="manager"):
        payments.refund_in_cash(store.supervisor, refused.out_refund_no, reason="x")
    # Cash leaves a drawer in a shift: with the shift closed, nothing is paid or recorded.
    counted = shifts.x_report(store.database, store.till, store.manager).figures.expected_fen()
    shifts.close_shift(store.database, store.till, store.manager, counted)
    with pytest.raises(ShiftError, match="No shift is open"):
        payments.refund_in_cash(store.manager, refused.out_refund_no, reason="paid at desk")
    assert payments.refunds_waiting() == [refused]
    shifts.open_shift(store.database, store.till, store.manager, 10_000)
    paid = payments.refund_in_cash(store.manager, refused.out_refund_no, reason="paid at desk")
    assert paid.state is RefundState.CASH and payments.refunds_waiting() == []
    with store.database.reading() as session:
        rows = session.execute(
            select(TenderRow.kind, TenderRow.amount_fen).where(TenderRow.return_id.is_not(None))
        ).all()
    assert sorted(rows) == sorted([("wechat", -25_900), ("wechat", 25_900), ("cash", -25_900)])
    with pytest.raises(RefundError):  # once only
        payments.refund_in_cash(store.manager, refused.out_refund_no, reason="again")


def test_a_refund_still_on_its_way_is_asked_about_again_until_done(
    store: Store, tmp_path: Path
) -> None:
    """The returns screen's "ask again": one question per call, never a second refund."""
    with start_payments_sandbox(refund_delay_s=1.5) as slow_refunds:
        quick_limit = replace(FAST, settle_limit_s=0.2)
        payments = sandbox_payments(store.database, store.till, slow_refunds, tmp_path, quick_limit)
        provider = WalletProvider.WECHAT
        sale = payments.checkout(
            store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
        )
        returned = returns.return_items(
            store.database, store.till, store.supervisor, code_of(store, sale),
            [ReturnRequest(1, 1)], reason="colour", payments=payments,
        )  # fmt: skip
        [waiting] = returned.provider_refunds
        assert waiting.state is RefundState.PROCESSING
        [asked] = payments.check_refunds([waiting.out_refund_no])
        assert asked.state is RefundState.PROCESSING  # still travelling: said so, not re-sent
        time.sleep(1.6)
        [done] = payments.check_refunds([waiting.out_refund_no])
        assert done.state is RefundState.SUCCESS and done.refund_id
        order = slow_refunds.order("wechat", sale.tenders[0].out_trade_no)
        assert order is not None and len(order["refunds"]) == 1
        assert order["refunded_fen"] == 25_900
        assert payments.check_refunds([waiting.out_refund_no]) == [done]  # settled: left alone


@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_refused_refund_paid_in_cash_with_a_managers_approval(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    """The payment was paid back outside the counter first: the provider refuses the return's
    refund (Alipay's "trade state not valid" found closed on asking), a manager's approval
    pays it in cash."""
    sale = payments.checkout(
        store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
    )
    assert payments.providers[provider].reverse(sale.tenders[0].out_trade_no).done
    returned = returns.return_items(
        store.database, store.till, store.supervisor, code_of(store, sale),
        [ReturnRequest(1, 1)], reason="colour", payments=payments,
    )  # fmt: skip
    [refused] = returned.provider_refunds
    assert refused.state is RefundState.REFUSED
    scope = approvals.refund(sale.receipt_no, 25_900)
    by_supervisor = approve(
        store.database, store.till, store.clerk, Permission.REFUND, Approver("2001", "2222"),
        covers=scope,
    )  # fmt: skip
    with pytest.raises(RefundError, match="manager"):
        payments.refund_in_cash(
            store.clerk, refused.out_refund_no, reason="x", approval_id=by_supervisor
        )
    too_little = approve(
        store.database, store.till, store.clerk, Permission.REFUND, Approver("3001", "3333"),
        covers=approvals.refund(sale.receipt_no, 100),
    )  # fmt: skip
    with pytest.raises(PermissionDenied):
        payments.refund_in_cash(
            store.clerk, refused.out_refund_no, reason="x", approval_id=too_little
        )
    by_manager = approve(
        store.database, store.till, store.clerk, Permission.REFUND, Approver("3001", "3333"),
        covers=scope,
    )  # fmt: skip
    paid = payments.refund_in_cash(
        store.clerk, refused.out_refund_no, reason="paid at the counter", approval_id=by_manager
    )
    assert paid.state is RefundState.CASH and payments.refunds_waiting() == []
    with pytest.raises(RefundError):  # paid once only
        payments.refund_in_cash(
            store.clerk, refused.out_refund_no, reason="again", approval_id=by_manager
        )
    with store.database.reading() as session:
        details = session.scalars(
            select(AuditEventRow.detail).where(AuditEventRow.action == "payment")
        ).all()
    assert details[-1]["cash_instead"] == refused.out_refund_no
    assert details[-1]["approval_id"] == by_manager


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_exchange_for_less_refunds_the_rest_to_the_original_payment(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    sale = payments.checkout(
        store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
    )
    number = sale.tenders[0].out_trade_no
    cheaper = Cart()
    cheaper.add(store.items["BOOK-01"])  # 45.00 for the 259.00 lipstick
    returned, new_sale = returns.exchange(
        store.database, store.till, store.supervisor, code_of(store, sale), [ReturnRequest(1, 1)],
        cheaper, [], reason="wrong shade", payments=payments,
    )  # fmt: skip
    assert new_sale.change_fen == 0  # no cash handed out for a wallet payment
    assert [(t.kind, t.amount_fen) for t in new_sale.tenders] == [(TenderKind.CASH, 4_500)]
    assert sorted((r.kind.value, r.amount_fen) for r in returned.refunds) == sorted(
        [("cash", 4_500), (provider.value, 21_400)]
    )
    [sent] = returned.provider_refunds
    assert sent.state is RefundState.SUCCESS and sent.out_trade_no == number
    assert kept_by_sandbox(sandbox, provider, number) == 4_500  # the book's price stays paid


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_exchanges_difference_paid_by_a_payment_code(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    """The cash-paid book (45.00) swapped for the lipstick (259.00): 214.00 charged to the
    customer's code, the return and the new sale written with the payment attached."""
    book = Cart()
    book.add(store.items["BOOK-01"])
    old = checkout.checkout(store.database, store.till, store.clerk, book, [Tender.cash(4_500)])
    returned, new_sale = returns.exchange_paid_by_wallet(
        store.database, store.till, store.supervisor, code_of(store, old), [ReturnRequest(1, 1)],
        lipstick(store), [], WalletPayment(provider, code(provider), 21_400),
        reason="wanted the lipstick", payments=payments,
    )  # fmt: skip
    assert returned.refund_fen == 4_500 and returned.credited_fen == 4_500
    assert [(t.kind.value, t.amount_fen) for t in new_sale.tenders] == [
        ("cash", 4_500),
        (provider.value, 21_400),
    ]
    wallet = new_sale.tenders[1]
    attempt = payments.attempt(wallet.out_trade_no)
    assert attempt.state is AttemptState.ATTACHED and attempt.sale_id == new_sale.id
    assert wallet.reference == attempt.transaction_id
    assert charges_at_sandbox(sandbox, provider, wallet.out_trade_no) == 1
    assert kept_by_sandbox(sandbox, provider, wallet.out_trade_no) == 21_400
    assert sales_count(store) == 2
    with store.database.reading() as session:
        details = session.scalars(
            select(AuditEventRow.detail).where(AuditEventRow.action == "refund")
        ).all()
    assert [d.get("exchange") for d in details] == [new_sale.receipt_no]


@pytest.mark.parametrize("provider", PROVIDERS)
def test_an_exchange_whose_charge_is_refused_writes_neither_return_nor_sale(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle, provider: WalletProvider
) -> None:
    book = Cart()
    book.add(store.items["BOOK-01"])
    old = checkout.checkout(store.database, store.till, store.clerk, book, [Tender.cash(4_500)])
    with pytest.raises(PaymentDeclinedError, match="balance"):
        returns.exchange_paid_by_wallet(
            store.database, store.till, store.supervisor, code_of(store, old),
            [ReturnRequest(1, 1)], lipstick(store), [],
            WalletPayment(provider, code(provider, "21"), 21_400),
            reason="x", payments=payments,
        )  # fmt: skip
    assert sales_count(store) == 1
    with store.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(ReturnRow)) == 0
    assert only_attempt(store).state == AttemptState.REFUSED.value
    # The same exchange then paid: once, in one sale.
    returned, new_sale = returns.exchange_paid_by_wallet(
        store.database, store.till, store.supervisor, code_of(store, old), [ReturnRequest(1, 1)],
        lipstick(store), [], WalletPayment(provider, code(provider), 21_400),
        reason="x", payments=payments,
    )  # fmt: skip
    assert returned.refund_fen == 4_500 and new_sale.total_fen == 25_900


def test_an_exchange_never_hands_a_wallet_refund_out_as_cash_change(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle
) -> None:
    """Paying the new goods in full by card or by code, beyond what the wallet-paid return
    leaves to pay, would give the refund back as cash change: refused, nothing charged."""
    provider = WalletProvider.WECHAT
    old = payments.checkout(
        store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
    )
    both = lipstick(store)
    both.add(store.items["BOOK-01"])  # 304.00 for the 259.00 lipstick back: 45.00 to pay
    sent_before = len(sandbox.state()["orders"]["wechat"])
    with pytest.raises(RefundError, match="same way"):
        returns.exchange_paid_by_wallet(
            store.database, store.till, store.supervisor, code_of(store, old),
            [ReturnRequest(1, 1)], both, [], WalletPayment(provider, code(provider), 30_400),
            reason="x", payments=payments,
        )  # fmt: skip
    with pytest.raises(RefundError, match="same way"):
        returns.exchange(
            store.database, store.till, store.supervisor, code_of(store, old),
            [ReturnRequest(1, 1)], both, [Tender(TenderKind.CARD, 30_400, "REF12345")],
            reason="x", payments=payments,
        )  # fmt: skip
    assert len(sandbox.state()["orders"]["wechat"]) == sent_before + 0
    assert sales_count(store) == 1
    returned, new_sale = returns.exchange_paid_by_wallet(
        store.database, store.till, store.supervisor, code_of(store, old), [ReturnRequest(1, 1)],
        both, [], WalletPayment(provider, code(provider), 4_500), reason="x", payments=payments,
    )  # fmt: skip
    assert new_sale.change_fen == 0 and returned.provider_refunds == ()
    assert kept_by_sandbox(sandbox, provider, old.tenders[0].out_trade_no) == 25_900


def test_an_exchange_that_would_be_refused_is_refused_before_charging(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle
) -> None:
    book = Cart()
    book.add(store.items["BOOK-01"])
    old = checkout.checkout(store.database, store.till, store.clerk, book, [Tender.cash(4_500)])
    bags = Cart()
    bags.add(store.items["BAG-RED"], 6)  # only 5 in stock
    sent_before = len(sandbox.state()["orders"]["wechat"])
    with pytest.raises(StockError):
        returns.exchange_paid_by_wallet(
            store.database, store.till, store.supervisor, code_of(store, old),
            [ReturnRequest(1, 1)], bags, [],
            WalletPayment(WalletProvider.WECHAT, code(WalletProvider.WECHAT), 6 * 12_800 - 4_500),
            reason="x", payments=payments,
        )  # fmt: skip
    with pytest.raises(ReturnError):  # more back than was sold: refused before charging too
        returns.exchange_paid_by_wallet(
            store.database, store.till, store.supervisor, code_of(store, old),
            [ReturnRequest(1, 2)], lipstick(store), [],
            WalletPayment(WalletProvider.WECHAT, code(WalletProvider.WECHAT), 21_400),
            reason="x", payments=payments,
        )  # fmt: skip
    with pytest.raises(TenderError):  # a charge for less than the difference
        returns.exchange_paid_by_wallet(
            store.database, store.till, store.supervisor, code_of(store, old),
            [ReturnRequest(1, 1)], lipstick(store), [],
            WalletPayment(WalletProvider.WECHAT, code(WalletProvider.WECHAT), 20_000),
            reason="x", payments=payments,
        )  # fmt: skip
    assert len(sandbox.state()["orders"]["wechat"]) == sent_before  # nothing was sent
    with store.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(PaymentAttemptRow)) == 0
        assert session.scalar(select(func.count()).select_from(ReturnRow)) == 0
    assert sales_count(store) == 1


def test_an_exchange_for_less_without_the_provider_gives_cash_only_by_a_manager(
    store: Store, payments: Payments
) -> None:
    provider = WalletProvider.ALIPAY
    sale = payments.checkout(
        store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
    )
    cheaper = Cart()
    cheaper.add(store.items["BOOK-01"])
    with pytest.raises(RefundError, match="manager"):
        returns.exchange(
            store.database, store.till, store.supervisor, code_of(store, sale),
            [ReturnRequest(1, 1)], cheaper, [], reason="x",
        )  # fmt: skip
    _, new_sale = returns.exchange(
        store.database, store.till, store.manager, code_of(store, sale), [ReturnRequest(1, 1)],
        cheaper, [], reason="customer wants cash",
    )  # fmt: skip
    assert new_sale.change_fen == 25_900 - 4_500


def test_a_charge_while_earlier_payments_are_settled_waits_then_says_so(
    store: Store, payments: Payments, sandbox: PaymentsSandboxHandle
) -> None:
    provider = WalletProvider.WECHAT
    with store.database.unit_of_work() as uow:  # left by a crash: never reached the provider
        PaymentRepository(uow.session).add_attempt(
            out_trade_no="RHT1CRASHED000001", provider=provider, amount_fen=100,
            terminal_id=store.till.terminal_id, staff_id=store.clerk.id, masked_code="13**0000",
            purpose="sale", at=store.till.now(),
        )  # fmt: skip
        uow.commit()
    sandbox.switch("slow", provider="wechat", method="query", seconds=3)
    settling = threading.Thread(target=payments.resolve_unfinished)
    settling.start()
    time.sleep(0.2)
    started = time.monotonic()
    with pytest.raises(PaymentUnresolvedError, match="try again"):
        payments.checkout(
            store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
        )
    assert time.monotonic() - started < 3  # told at once, not frozen behind the settling
    settling.join(timeout=30)
    assert payments.attempt("RHT1CRASHED000001").state is AttemptState.REVERSED
    sale = payments.checkout(
        store.clerk, lipstick(store), [], WalletPayment(provider, code(provider), 25_900)
    )
    assert sale.tenders[0].out_trade_no
