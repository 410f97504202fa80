"""VAT contained in tax-inclusive prices, per rate, rounded half up."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.tax import TaxError, vat_by_rate, vat_contained

rates = st.sampled_from([0, 300, 600, 900, 1300])


def test_known_figures() -> None:
    assert vat_contained(11_300, 1300) == 1_300
    assert vat_contained(10_000, 1300) == 1_150  # 1150.44
    assert vat_contained(100, 1300) == 12  # 11.504 -> 12
    assert vat_contained(10_900, 900) == 900
    assert vat_contained(0, 1300) == 0
    assert vat_contained(-10_000, 1300) == -1_150


@given(st.integers(-(10**10), 10**10), rates)
def test_vat_is_the_exact_share_rounded_half_up(gross: int, rate: int) -> None:
    exact = Fraction(abs(gross) * rate, 10_000 + rate)
    vat = abs(vat_contained(gross, rate))
    assert abs(vat - exact) <= Fraction(1, 2)
    assert vat - exact != Fraction(-1, 2)  # a half rounds up
    assert vat_contained(-gross, rate) == -vat_contained(gross, rate)


@given(st.lists(st.tuples(st.integers(0, 10**7), rates), max_size=30))
def test_vat_per_rate_is_computed_on_the_rate_total(amounts: list[tuple[int, int]]) -> None:
    result = vat_by_rate(amounts)
    assert [v.rate_bp for v in result] == sorted({r for _, r in amounts}, reverse=True)
    for v in result:
        gross = sum(a for a, r in amounts if r == v.rate_bp)
        assert v.gross_fen == gross
        assert v.vat_fen == vat_contained(gross, v.rate_bp)
        assert v.net_fen + v.vat_fen == gross


def test_impossible_rates() -> None:
    with pytest.raises(TaxError):
        vat_contained(100, -1)
    with pytest.raises(TaxError):
        vat_contained(100, 10_001)
