"""The payment port's own rules: order numbers both providers accept, descriptions cut on a
character boundary, payment codes masked wherever a request is printed, and what counts as a
confirmed payment."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.payments import (
    DESCRIPTION_MAX_BYTES,
    ChargeOutcome,
    ChargeRequest,
    ChargeStatus,
    PaymentBillError,
    PaymentConfigError,
    fit_description,
    is_valid_out_trade_no,
    mask_auth_code,
)


def test_out_trade_no_fits_both_providers() -> None:
    assert is_valid_out_trade_no("S01T02-20250101-000123")
    assert is_valid_out_trade_no("a_b|c*d")
    assert is_valid_out_trade_no("x" * 32)
    assert not is_valid_out_trade_no("12345")  # shorter than 6
    assert not is_valid_out_trade_no("x" * 33)  # longer than WeChat allows
    assert not is_valid_out_trade_no("S01 T02")  # space
    assert not is_valid_out_trade_no("订单000001")
    assert not is_valid_out_trade_no("abcdef\n")


@given(st.text(max_size=200))
def test_description_never_exceeds_the_byte_limit_nor_splits_a_character(text: str) -> None:
    cut = fit_description(text)
    assert len(cut.encode("utf-8")) <= DESCRIPTION_MAX_BYTES
    assert text.startswith(cut)
    if len(text.encode("utf-8")) <= DESCRIPTION_MAX_BYTES:
        assert cut == text
    else:  # nothing more would fit: the next character would cross the limit
        next_char = text[len(cut)]
        assert len((cut + next_char).encode("utf-8")) > DESCRIPTION_MAX_BYTES


def test_description_in_chinese_is_cut_between_characters() -> None:
    text = "REDHOME 上海静安店 消费" + "好" * 60
    cut = fit_description(text)
    assert cut.endswith("好")
    assert len(cut.encode("utf-8")) in (125, 126, 127)


def test_payment_code_never_printed_in_full() -> None:
    code = "134567890123456789"
    request = ChargeRequest("S01-000001", 100, code, "REDHOME", "S01", "T02")
    assert code not in repr(request)
    assert code not in str(request)
    assert "13************6789" in repr(request)
    assert mask_auth_code(code) == "13************6789"
    assert mask_auth_code("12345") == "*****"


def test_confirms_payment_only_for_paid_same_order_same_amount() -> None:
    paid = ChargeStatus(ChargeOutcome.PAID, "S01-000001", amount_fen=1999, transaction_id="42")
    assert paid.confirms_payment("S01-000001", 1999)
    assert not paid.confirms_payment("S01-000002", 1999)
    assert not paid.confirms_payment("S01-000001", 1998)
    no_amount = ChargeStatus(ChargeOutcome.PAID, "S01-000001")
    assert not no_amount.confirms_payment("S01-000001", 1999)
    for outcome in ChargeOutcome:
        if outcome is not ChargeOutcome.PAID:
            status = ChargeStatus(outcome, "S01-000001", amount_fen=1999)
            assert not status.confirms_payment("S01-000001", 1999)


def test_payment_errors_are_domain_errors_with_readable_messages() -> None:
    error = PaymentConfigError(
        "The {provider} key file {path} cannot be read", provider="WeChat Pay", path="/k.pem"
    )
    assert isinstance(error, DomainError)
    assert str(error) == "The WeChat Pay key file /k.pem cannot be read"
    assert isinstance(PaymentBillError("The bill is not ready yet"), DomainError)
