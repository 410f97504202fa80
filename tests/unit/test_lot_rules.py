"""Lot rules: first-expiring-first-out, expired goods refused, returns to the lots sold."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.lots import (
    NO_LOT,
    LotChoice,
    LotError,
    LotLevel,
    LotTake,
    check_lot_code,
    expired_units,
    expires_within,
    give_back,
    is_expired,
    take_fefo,
    take_scanned,
)

TODAY = date(2026, 12, 5)


def test_expired_from_the_day_after_its_date() -> None:
    assert not is_expired(date(2026, 12, 5), TODAY)  # its last day: still sellable
    assert is_expired(date(2026, 12, 4), TODAY)
    assert not is_expired(None, TODAY)
    assert expires_within(date(2026, 12, 20), TODAY, 30)
    assert not expires_within(date(2027, 2, 1), TODAY, 30)
    assert not expires_within(date(2026, 12, 1), TODAY, 30)  # expired is not "soon"


def test_fefo_takes_dated_lots_by_date_then_undated_then_unknown() -> None:
    levels = [
        LotLevel(NO_LOT, None, 5),
        LotLevel("L-UNDATED", None, 1),
        LotLevel("L2", date(2027, 6, 30), 2),
        LotLevel("L1", date(2027, 1, 31), 1),
    ]
    takes = take_fefo(levels, 6, TODAY)
    assert [(t.lot_code, t.quantity) for t in takes] == [
        ("L1", 1),
        ("L2", 2),
        ("L-UNDATED", 1),
        (NO_LOT, 2),
    ]
    assert {t.chosen_by for t in takes} == {LotChoice.FEFO}


def test_expired_lots_are_skipped_and_only_expired_left_is_refused() -> None:
    levels = [LotLevel("OLD", date(2026, 11, 30), 3), LotLevel("NEW", date(2027, 3, 1), 1)]
    assert [(t.lot_code, t.quantity) for t in take_fefo(levels, 1, TODAY)] == [("NEW", 1)]
    with pytest.raises(LotError, match="expired"):
        take_fefo(levels, 2, TODAY)
    allowed = take_fefo(levels, 2, TODAY, allow_expired=True)
    assert [(t.lot_code, t.quantity, t.chosen_by) for t in allowed] == [
        ("OLD", 2, LotChoice.OVERRIDE)
    ]


def test_short_records_come_from_the_unknown_lot() -> None:
    takes = take_fefo([LotLevel("A", date(2027, 1, 1), 1)], 3, TODAY)
    assert [(t.lot_code, t.quantity) for t in takes] == [("A", 1), (NO_LOT, 2)]


def test_a_scanned_expired_lot_needs_a_manager() -> None:
    with pytest.raises(LotError, match="expired on 2026-12-01"):
        take_scanned("B7", date(2026, 12, 1), 1, TODAY)
    assert take_scanned("B7", date(2026, 12, 1), 1, TODAY, allow_expired=True).chosen_by is (
        LotChoice.OVERRIDE
    )
    assert take_scanned("B7", date(2027, 1, 1), 2, TODAY) == LotTake(
        "B7", date(2027, 1, 1), 2, LotChoice.SCAN
    )


def test_returns_go_back_to_the_lots_sold_last_taken_first() -> None:
    sold = (LotTake("A", date(2027, 1, 1), 2), LotTake("B", date(2027, 2, 1), 1))
    assert [(t.lot_code, t.quantity) for t in give_back(sold, 2)] == [("B", 1), ("A", 1)]
    # After one unit already returned (to B), the next two go to A.
    later = give_back(sold, 2, returned_before=1)
    assert [(t.lot_code, t.quantity) for t in later] == [("A", 2)]


def test_lot_codes_are_checked() -> None:
    assert check_lot_code(" LOT7 ") == "LOT7"
    for bad in ("批号1", "A" * 21, "A\x1dB"):
        with pytest.raises(LotError):
            check_lot_code(bad)


def test_expired_units_count_only_past_dates() -> None:
    levels = [
        LotLevel("OLD", date(2026, 1, 1), 4),
        LotLevel("NEW", date(2027, 1, 1), 9),
        LotLevel(NO_LOT, None, 2),
    ]
    assert expired_units(levels, TODAY) == 4


@given(
    st.lists(
        st.tuples(
            st.integers(0, 9),
            st.one_of(st.none(), st.dates(date(2026, 10, 1), date(2027, 12, 31))),
            st.integers(0, 20),
        ),
        max_size=6,
        unique_by=lambda t: t[0],
    ),
    st.integers(1, 60),
)
def test_fefo_takes_exactly_what_was_asked_and_never_more_than_a_lot_holds(
    raw: list[tuple[int, date | None, int]], quantity: int
) -> None:
    levels = [LotLevel(f"L{n}", expiry, on_hand) for n, expiry, on_hand in raw]
    try:
        takes = take_fefo(levels, quantity, TODAY)
    except LotError:
        fresh = sum(lv.on_hand for lv in levels if not is_expired(lv.expiry, TODAY))
        assert fresh < quantity  # refused only when what is in date is not enough
        return
    assert sum(t.quantity for t in takes) == quantity
    held = {lv.lot_code: lv.on_hand for lv in levels}
    for take in takes:
        assert not is_expired(take.expiry, TODAY) or take.lot_code == NO_LOT
        if take.lot_code != NO_LOT:
            assert take.quantity <= held[take.lot_code]
    dated = [t.expiry for t in takes if t.expiry is not None and t.lot_code != NO_LOT]
    assert dated == sorted(dated)
