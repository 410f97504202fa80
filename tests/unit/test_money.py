"""Money: what a person types becomes exact integer fen, and fen format as ￥128.00."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.errors import MoneyError
from redhome_pos.domain.money import (
    MAX_AMOUNT_FEN,
    allocate,
    fen_to_yuan_text,
    format_fen,
    parse_fen,
    percent_of,
)

FULL_WIDTH = str.maketrans("0123456789.,", "０１２３４５６７８９．，")
amounts = st.integers(min_value=0, max_value=MAX_AMOUNT_FEN)


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("128", 12800),
        ("128.5", 12850),
        ("128.50", 12850),
        ("￥128.50", 12850),
        ("¥1,280.00", 128000),
        ("１２８", 12800),
        ("１２８．５０", 12850),
        ("１，２８０", 128000),
        (" 99 元 ", 9900),
        ("RMB 3.2", 320),
        ("0.01", 1),
        (".5", 50),
        ("12.", 1200),
        ("0", 0),
        ("+7", 700),
    ],
)
def test_what_people_type_is_read_as_fen(typed: str, fen: int) -> None:
    assert parse_fen(typed) == fen


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("", "Not an amount"),
        ("   ", "Not an amount"),
        ("abc", "Not an amount"),
        ("12abc", "Not an amount"),
        ("1.2.3", "Not an amount"),
        ("1,28", "Not an amount"),
        ("12,34,567", "Not an amount"),
        ("1e5", "Not an amount"),
        ("NaN", "Not an amount"),
        ("inf", "Not an amount"),
        ("٣", "Not an amount"),  # Arabic-Indic digit
        ("-", "Not an amount"),
        (".", "Not an amount"),
        ("128.505", "At most two decimals"),
        ("0.001", "At most two decimals"),
        ("1.230", "At most two decimals"),
        ("-5", "cannot be negative"),
        ("－5", "cannot be negative"),  # full-width minus
        ("10000000001", "too large"),
        ("9" * 500, "Not an amount"),
    ],
)
def test_garbage_three_decimals_negatives_and_huge_amounts_are_refused(
    typed: str, problem: str
) -> None:
    with pytest.raises(MoneyError, match=problem):
        parse_fen(typed)


def test_negatives_and_zero_follow_the_callers_rule() -> None:
    assert parse_fen("-5.5", allow_negative=True) == -550
    assert parse_fen("-￥5.00", allow_negative=True) == -500
    with pytest.raises(MoneyError, match="more than zero"):
        parse_fen("0.00", allow_zero=False)


def test_format() -> None:
    assert format_fen(12800) == "￥128.00"
    assert format_fen(5) == "￥0.05"
    assert format_fen(-500) == "-￥5.00"
    assert format_fen(12345678, grouping=True) == "￥123,456.78"
    assert format_fen(12850, sign=False) == "128.50"
    assert fen_to_yuan_text(7) == "0.07"
    with pytest.raises(TypeError):
        format_fen(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        format_fen(True)


@given(amounts, st.booleans(), st.booleans())
def test_format_then_parse_gives_the_same_fen(fen: int, sign: bool, grouping: bool) -> None:
    assert parse_fen(format_fen(fen, sign=sign, grouping=grouping)) == fen


@given(st.integers(min_value=-MAX_AMOUNT_FEN, max_value=MAX_AMOUNT_FEN))
def test_negative_amounts_round_trip_when_allowed(fen: int) -> None:
    assert parse_fen(format_fen(fen), allow_negative=True) == fen


@given(amounts, st.booleans())
def test_full_width_digits_read_like_ascii(fen: int, grouping: bool) -> None:
    text = format_fen(fen, sign=False, grouping=grouping)
    assert parse_fen(text.translate(FULL_WIDTH)) == fen


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=1, max_value=9))
def test_a_third_decimal_is_always_refused(yuan: int, third: int) -> None:
    with pytest.raises(MoneyError, match="At most two decimals"):
        parse_fen(f"{yuan}.0{third}{third}")


@given(st.text(max_size=30))
def test_any_text_is_either_an_amount_or_a_money_error(text: str) -> None:
    try:
        fen = parse_fen(text)
    except MoneyError:
        return
    assert isinstance(fen, int) and 0 <= fen <= MAX_AMOUNT_FEN


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=10))
def test_letters_are_never_an_amount(text: str) -> None:
    with pytest.raises(MoneyError):
        parse_fen(text)


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=10000))
def test_percent_of_rounds_half_up_like_exact_arithmetic(amount: int, basis_points: int) -> None:
    exact_times_2 = 2 * amount * basis_points
    expected = (abs(exact_times_2) + 10_000) // 20_000
    assert percent_of(amount, basis_points) == (expected if amount >= 0 else -expected)


@given(
    st.integers(min_value=-(10**9), max_value=10**9),
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=20),
)
def test_allocate_loses_and_creates_no_fen(total: int, weights: list[int]) -> None:
    parts = allocate(total, weights)
    assert sum(parts) == total
    assert len(parts) == len(weights)
    if sum(weights) > 0:
        for part, weight in zip(parts, weights, strict=True):
            share = abs(total) * weight / sum(weights)
            assert abs(abs(part) - share) < 1


def test_allocate_refuses_nonsense() -> None:
    assert allocate(0, []) == []
    with pytest.raises(MoneyError):
        allocate(5, [])
    with pytest.raises(MoneyError):
        allocate(5, [1, -1])
    assert allocate(10, [0, 0, 0]) == [4, 3, 3]
