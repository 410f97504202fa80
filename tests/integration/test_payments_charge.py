"""The charge state machine over real HTTP against the payments sandbox, for both providers:
every behaviour ends paid-and-in-one-sale, or not charged / reversed — never charged twice,
never a sale with an unpaid wallet tender (rules 1–7 of payments.md)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from counter_store import Store, make_store
from sqlalchemy import func, select
from wallet_sandbox import code, sandbox_payments

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.payments import (
    AttemptState,
    PaymentDeclinedError,
    WalletProvider,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.models.payments import PaymentAttemptRow
from redhome_pos.services import shifts
from redhome_pos.services.payments import Payments, WalletPayment

PROVIDERS = [WalletProvider.WECHAT, WalletProvider.ALIPAY]
SANDBOX_NAME = {WalletProvider.WECHAT: "wechat", WalletProvider.ALIPAY: "alipay"}


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with start_payments_sandbox() as running:
        yield running


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
