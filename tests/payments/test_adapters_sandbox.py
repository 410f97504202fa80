"""The adapters against the payments sandbox over HTTP, built the way the program builds them:
the sandbox's own configuration lines → config.toml → load_config → build_providers.

Every behaviour the sandbox offers by the code's last digits, for WeChat Pay (APIv3 direct and
partner, APIv2) and Alipay: never PAID unless the sandbox took the money, and every unclear
result resolvable by query and reversal.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import requests

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from payments.setup import build_providers
from payments.wire import CHINA
from redhome_pos.config import AppPaths, load_config
from redhome_pos.domain.payments import (
    BillLineKind,
    ChargeOutcome,
    ChargeRequest,
    PaymentProvider,
    RefundOutcome,
    RefundRequest,
    WalletProvider,
)

FORMS = ("wechat-v3", "wechat-v3-partner", "wechat-v2", "alipay")


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with start_payments_sandbox(bills_anytime=True) as running:
        yield running


def build(sandbox: PaymentsSandboxHandle, form: str, tmp_path: Path) -> PaymentProvider:
    lines = sandbox.config_lines()
    wechat = [line for line in lines["wechat"] if not line.startswith("#")]
    ids = sandbox.wechat
    if form == "wechat-v3-partner":
        wechat = [line for line in wechat if not line.startswith(("mchid", "appid"))]
        wechat += [
            f'sp_mchid = "{ids.sp_mchid}"',
            f'sp_appid = "{ids.sp_appid}"',
            f'sub_mchid = "{ids.sub_mchid}"',
        ]
    if form == "wechat-v2":
        wechat = [line for line in wechat if not line.startswith("api_version")]
        key_file = next(line for line in wechat if line.startswith("merchant_private_key_file"))
        key_path = key_file.split('"')[1]
        wechat += [
            'api_version = "v2"',
            f'client_key_file = "{key_path}"',
            f'client_cert_file = "{key_path}"',
        ]
    text = "\n".join(
        [
            "[payments]",
            "read_timeout_s = 4",
            "call_deadline_s = 5",
            "[payments.wechat]",
            *wechat,
            "[payments.alipay]",
            *lines["alipay"],
        ]
    )
    config_file = tmp_path / "config.toml"
    config_file.write_text(text, encoding="utf-8")
    config = load_config(config_file, env={}, paths=AppPaths.under(tmp_path))
    providers = build_providers(config.payments, requests.Session())
    assert set(providers) == {WalletProvider.WECHAT, WalletProvider.ALIPAY}
    return providers[WalletProvider.ALIPAY if form == "alipay" else WalletProvider.WECHAT]


_numbers = iter(range(100_000, 999_999))


def code(form: str, suffix: str = "00") -> str:
    """A payment code of the provider's form ending in the behaviour's digits (two, or four
    when the two before them give seconds: ``0951`` is a 9-second slow answer)."""
    body, tail = f"{next(_numbers):06d}", suffix.rjust(4, "0")
    if form == "alipay":
        return f"2800{body}00{tail}"  # 16 digits starting 28
    return f"134567{body}00{tail}"  # 18 digits starting 13


def charge(form: str, suffix: str = "00") -> ChargeRequest:
    number = f"RH-{form[:6]}-{next(_numbers)}"
    return ChargeRequest(
        number, 1999, code(form, suffix), "REDHOME 测试 消费", "RH0001", "POS-02", "127.0.0.1"
    )


@pytest.mark.parametrize("form", FORMS)
def test_instant_success(sandbox: PaymentsSandboxHandle, form: str, tmp_path: Path) -> None:
    provider = build(sandbox, form, tmp_path)
    request = charge(form)
    status = provider.charge(request)
    assert status.confirms_payment(request.out_trade_no, 1999), status
    assert status.transaction_id
    queried = provider.query(request.out_trade_no)
    assert queried.confirms_payment(request.out_trade_no, 1999)
    assert queried.transaction_id == status.transaction_id


@pytest.mark.parametrize("form", FORMS)
def test_password_then_paid_or_given_up(
    sandbox: PaymentsSandboxHandle, form: str, tmp_path: Path
) -> None:
    provider = build(sandbox, form, tmp_path)
    paying = charge(form, "11")
    first = provider.charge(paying)
    assert first.outcome is ChargeOutcome.PAYING
    assert provider.query(paying.out_trade_no).outcome is ChargeOutcome.PAYING
    sandbox.advance_clock(6)
    assert provider.query(paying.out_trade_no).confirms_payment(paying.out_trade_no, 1999)

    giving_up = charge(form, "12")
    assert provider.charge(giving_up).outcome is ChargeOutcome.PAYING
    sandbox.advance_clock(6)
    after = provider.query(giving_up.out_trade_no)
    assert after.outcome in (ChargeOutcome.REFUSED, ChargeOutcome.CLOSED), after


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("suffix", ["21", "22", "23"])  # balance, expired code, used code
def test_refusals(sandbox: PaymentsSandboxHandle, form: str, suffix: str, tmp_path: Path) -> None:
    provider = build(sandbox, form, tmp_path)
    status = provider.charge(charge(form, suffix))
    assert status.outcome is ChargeOutcome.REFUSED, status
    assert status.reason_code


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize(
    ("suffix", "charged"),
    [("31", False), ("32", True), ("41", True), ("42", False), ("0951", True)],
    ids=["system-error", "system-error-charged", "lost-after", "lost-before", "slow"],
)
def test_unclear_results_are_unknown_then_resolved_by_query_and_reversal(
    sandbox: PaymentsSandboxHandle, form: str, suffix: str, charged: bool, tmp_path: Path
) -> None:
    provider = build(sandbox, form, tmp_path)
    request = charge(form, suffix)
    status = provider.charge(request)
    assert status.outcome is ChargeOutcome.UNKNOWN, status
    assert status.reason_code
    queried = provider.query(request.out_trade_no)
    if charged:
        assert queried.confirms_payment(request.out_trade_no, 1999), queried
    else:
        assert queried.outcome is not ChargeOutcome.PAID
    reversal = provider.reverse(request.out_trade_no)
    assert reversal.done, reversal
    after = provider.query(request.out_trade_no)
    assert after.outcome is not ChargeOutcome.PAID, after


@pytest.mark.parametrize("form", FORMS)
def test_partial_refunds_never_exceed_the_payment(
    sandbox: PaymentsSandboxHandle, form: str, tmp_path: Path
) -> None:
    provider = build(sandbox, form, tmp_path)
    request = charge(form)
    assert provider.charge(request).outcome is ChargeOutcome.PAID
    first = RefundRequest(request.out_trade_no, request.out_trade_no + "-R1", 500, 1999, "退货")
    assert provider.refund(first).outcome in (RefundOutcome.SUCCESS, RefundOutcome.PROCESSING)
    again = provider.refund(first)  # the same number again: no second refund
    assert again.outcome in (RefundOutcome.SUCCESS, RefundOutcome.PROCESSING), again
    done = provider.refund_query(request.out_trade_no, first.out_refund_no)
    assert (done.outcome, done.refund_fen) == (RefundOutcome.SUCCESS, 500), done
    too_much = RefundRequest(request.out_trade_no, request.out_trade_no + "-R2", 1500, 1999)
    assert provider.refund(too_much).outcome is RefundOutcome.REFUSED
    rest = RefundRequest(request.out_trade_no, request.out_trade_no + "-R3", 1499, 1999)
    assert provider.refund(rest).outcome in (RefundOutcome.SUCCESS, RefundOutcome.PROCESSING)
    missing = provider.refund_query(request.out_trade_no, request.out_trade_no + "-R9")
    assert missing.outcome is RefundOutcome.UNKNOWN


@pytest.mark.parametrize("form", FORMS)
def test_the_days_bill_lists_the_payment_and_the_refund(
    sandbox: PaymentsSandboxHandle, form: str, tmp_path: Path
) -> None:
    provider = build(sandbox, form, tmp_path)
    request = charge(form)
    paid = provider.charge(request)
    assert paid.outcome is ChargeOutcome.PAID
    refund = RefundRequest(request.out_trade_no, request.out_trade_no + "-R1", 700, 1999)
    provider.refund(refund)
    lines = [
        line
        for line in provider.bill(datetime.now(CHINA).date())
        if line.out_trade_no == request.out_trade_no
    ]
    assert [(line.kind, line.amount_fen) for line in lines] == [
        (BillLineKind.PAYMENT, 1999),
        (BillLineKind.REFUND, 700),
    ]
    assert lines[0].transaction_id == paid.transaction_id
    assert lines[1].out_refund_no == refund.out_refund_no
