"""Our own codes: signed, short, QR-friendly, and refused when forged or foreign."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redhome_pos.domain.signed_codes import (
    MAX_CODE_LENGTH,
    ParcelCode,
    PickupCode,
    ReceiptCode,
    SignedCodeError,
    StaffBadge,
    looks_signed,
    sign,
    sign_parcel_code,
    sign_pickup_code,
    sign_receipt_code,
    sign_staff_badge,
    verify,
)

SECRET = "k7Q-store-secret-SH001"
STORE = "SH001"
QR_ALPHANUMERIC = re.compile(r"^[0-9A-Z $%*+\-./:]+$")


@pytest.mark.parametrize(
    "code",
    [
        ReceiptCode(STORE, "SH001-01-20261125-0042"),
        ParcelCode(STORE, "P786543219876543210", 2, 3),
        PickupCode(STORE, "P786543219876543210", "482913"),
        StaffBadge(STORE, "S007"),
    ],
)
def test_every_kind_round_trips(code: ReceiptCode | ParcelCode | PickupCode | StaffBadge) -> None:
    text = sign(SECRET, code)
    assert verify(text, secret=SECRET, store=STORE) == code
    assert len(text) <= MAX_CODE_LENGTH
    assert QR_ALPHANUMERIC.match(text)
    assert text.startswith(f"RH1.{code.kind.value}.{STORE}.")
    assert looks_signed(text)


def test_the_helpers_the_counter_and_printing_call() -> None:
    assert verify(sign_receipt_code(SECRET, STORE, "R1"), secret=SECRET, store=STORE) == (
        ReceiptCode(STORE, "R1")
    )
    assert verify(
        sign_parcel_code(SECRET, STORE, "P1", 1, 1), secret=SECRET, store=STORE
    ) == ParcelCode(STORE, "P1", 1, 1)
    assert verify(
        sign_pickup_code(SECRET, STORE, "P1", "0042"), secret=SECRET, store=STORE
    ) == PickupCode(STORE, "P1", "0042")
    assert verify(sign_staff_badge(SECRET, STORE, "M01"), secret=SECRET, store=STORE) == (
        StaffBadge(STORE, "M01")
    )


def test_lower_case_reading_of_a_code_is_still_accepted() -> None:
    text = sign_receipt_code(SECRET, STORE, "R-0042")
    assert verify(text.lower(), secret=SECRET, store=STORE) == ReceiptCode(STORE, "R-0042")


@settings(max_examples=300, deadline=None)
@given(position=st.integers(min_value=0, max_value=200), replacement=st.sampled_from("0AZ9-."))
def test_any_altered_character_is_refused(position: int, replacement: str) -> None:
    text = sign_parcel_code(SECRET, STORE, "P786543219876543210", 1, 2)
    position %= len(text)
    if text[position] == replacement:
        return
    altered = text[:position] + replacement + text[position + 1 :]
    with pytest.raises(SignedCodeError):
        verify(altered, secret=SECRET, store=STORE)


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.replace("0042", "0043"),
        lambda t: t.replace(".R.", ".S."),
        lambda t: t[:-1],
        lambda t: t[:-8],
        lambda t: t.rsplit(".", 1)[0],
        lambda t: t.rsplit(".", 1)[0] + ".",
        lambda t: t + "A",
        lambda t: t.replace("RH1.R.SH001.", "RH1.R.SH001.X."),
    ],
)
def test_tampered_and_truncated_codes_are_refused(edit: object) -> None:
    text = sign_receipt_code(SECRET, STORE, "SH001-0042")
    assert callable(edit)
    with pytest.raises(SignedCodeError, match="forged or damaged"):
        verify(edit(text), secret=SECRET, store=STORE)


def test_a_code_signed_with_another_secret_is_refused() -> None:
    text = sign_receipt_code("somebody-elses-secret", STORE, "SH001-0042")
    with pytest.raises(SignedCodeError, match="forged or damaged"):
        verify(text, secret=SECRET, store=STORE)


def test_a_genuine_code_of_another_store_names_that_store() -> None:
    text = sign_receipt_code("bj-secret", "BJ002", "BJ002-0001")
    with pytest.raises(SignedCodeError) as raised:
        verify(text, secret=SECRET, store=STORE)
    assert raised.value.message == "This code belongs to store BJ002"
    assert raised.value.params == {"store": "BJ002"}


def test_a_newer_version_asks_for_an_update() -> None:
    with pytest.raises(SignedCodeError, match="newer program"):
        verify("RH2.R.SH001.X.AAAA", secret=SECRET, store=STORE)


def test_without_a_secret_nothing_is_signed_or_trusted() -> None:
    text = sign_receipt_code(SECRET, STORE, "R1")
    with pytest.raises(SignedCodeError, match="No code secret"):
        verify(text, secret="", store=STORE)
    with pytest.raises(SignedCodeError, match="No code secret"):
        sign_receipt_code("", STORE, "R1")


@pytest.mark.parametrize(
    ("store", "value"),
    [("sh001", "R1"), (STORE, "r1"), (STORE, "R.1"), (STORE, "R 1"), (STORE, ""), ("", "R1")],
)
def test_values_outside_the_alphabet_are_refused_not_altered(store: str, value: str) -> None:
    with pytest.raises(SignedCodeError):
        sign_receipt_code(SECRET, store, value)


def test_a_code_that_would_not_fit_a_small_qr_is_refused() -> None:
    with pytest.raises(SignedCodeError, match="more than 80"):
        sign_pickup_code(SECRET, "STORE-0123456789", "O" * 40, "9" * 30)


def test_parcel_numbers_must_make_sense() -> None:
    with pytest.raises(SignedCodeError, match="Parcel 4 of 3"):
        sign_parcel_code(SECRET, STORE, "P1", 4, 3)


@settings(max_examples=200, deadline=None)
@given(
    receipt_no=st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,39}", fullmatch=True),
    store=st.from_regex(r"[A-Z0-9][A-Z0-9-]{0,15}", fullmatch=True),
)
def test_receipt_codes_always_fit_and_verify(receipt_no: str, store: str) -> None:
    text = sign_receipt_code(SECRET, store, receipt_no)
    assert len(text) <= MAX_CODE_LENGTH
    assert verify(text, secret=SECRET, store=store) == ReceiptCode(store, receipt_no)
