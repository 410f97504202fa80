"""折 as Chinese shops say it: the share of the price paid."""

from __future__ import annotations

import pytest

from redhome_pos.domain.cart import Discount
from redhome_pos.domain.zhe import ZheError, paid_percent, zhe_discount, zhe_text


@pytest.mark.parametrize(
    ("typed", "off_bp"),
    [
        ("8", 2000),
        ("8折", 2000),
        ("8 折", 2000),
        ("85", 1500),
        ("8.5", 1500),
        ("9.5", 500),
        ("95", 500),
        ("75", 2500),
        ("１", 9000),
        ("0.5", 9500),
        ("8.25", 1750),
    ],
)
def test_a_zhe_is_the_price_paid(typed: str, off_bp: int) -> None:
    assert zhe_discount(typed) == Discount(percent_bp=off_bp)


@pytest.mark.parametrize("typed", ["", "abc", "0", "10", "100", "-8", "8.2555", "120", "nan"])
def test_what_is_not_a_zhe_is_refused(typed: str) -> None:
    with pytest.raises(ZheError):
        paid_percent(typed)


def test_a_percentage_discount_said_back_as_zhe() -> None:
    assert zhe_text(Discount(percent_bp=2000)) == "8"
    assert zhe_text(Discount(percent_bp=1500)) == "8.5"
    assert zhe_text(Discount(percent_bp=1750)) == "8.25"
