"""Ledger rules: what a stock movement may be, and on-hand never below zero unless allowed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.errors import StockError
from redhome_pos.domain.stock import (
    MovementKind,
    StockMovement,
    check_movement,
    count_difference,
    new_on_hand,
)

ADDING = [MovementKind.RECEIVE, MovementKind.RETURN, MovementKind.TRANSFER_IN, MovementKind.OPENING]
TAKING = [MovementKind.SALE, MovementKind.ONLINE_FULFILMENT, MovementKind.TRANSFER_OUT]
EITHER = [MovementKind.ADJUST, MovementKind.COUNT]


def movement(kind: MovementKind, quantity: int) -> StockMovement:
    return StockMovement(
        id="a" * 32,
        sku_id=1,
        kind=kind,
        quantity=quantity,
        reason="",
        staff_id=None,
        terminal_id="POS-01",
        created_at=datetime.now(UTC),
    )


def test_every_kind_of_movement_has_a_sign_rule() -> None:
    assert set(ADDING + TAKING + EITHER) == set(MovementKind)


@pytest.mark.parametrize("kind", ADDING)
def test_movements_that_add_stock_must_be_positive(kind: MovementKind) -> None:
    check_movement(movement(kind, 3))
    with pytest.raises(StockError, match="must add stock"):
        check_movement(movement(kind, -3))


@pytest.mark.parametrize("kind", TAKING)
def test_movements_that_take_stock_must_be_negative(kind: MovementKind) -> None:
    check_movement(movement(kind, -3))
    with pytest.raises(StockError, match="must take away stock"):
        check_movement(movement(kind, 3))


@pytest.mark.parametrize("kind", EITHER)
def test_adjustments_and_counts_go_either_way(kind: MovementKind) -> None:
    check_movement(movement(kind, 3))
    check_movement(movement(kind, -3))


def test_only_a_count_may_record_no_change() -> None:
    check_movement(movement(MovementKind.COUNT, 0))
    for kind in set(MovementKind) - {MovementKind.COUNT}:
        with pytest.raises(StockError, match="must change the quantity"):
            check_movement(movement(kind, 0))


def test_a_movement_needs_an_id_a_terminal_an_aware_time_and_a_whole_quantity() -> None:
    base = movement(MovementKind.RECEIVE, 1)
    with pytest.raises(StockError, match="needs an id"):
        check_movement(replace(base, id=""))
    with pytest.raises(StockError, match="terminal"):
        check_movement(replace(base, terminal_id=""))
    with pytest.raises(StockError, match="time zone"):
        check_movement(replace(base, created_at=datetime(2026, 1, 1)))
    with pytest.raises(StockError, match="whole number"):
        check_movement(replace(base, quantity=1.5))  # type: ignore[arg-type]
    with pytest.raises(StockError, match="whole number"):
        check_movement(replace(base, quantity=True))
    with pytest.raises(StockError, match="Unknown kind"):
        check_movement(replace(base, kind="gift"))  # type: ignore[arg-type]
    shanghai = timezone(timedelta(hours=8))
    check_movement(replace(base, created_at=datetime(2026, 1, 1, 8, tzinfo=shanghai)))


def test_below_zero_is_refused_with_the_numbers_a_clerk_needs() -> None:
    with pytest.raises(StockError) as caught:
        new_on_hand(2, -3, allow_negative=False, sku_code="LS-520")
    assert str(caught.value) == "Not enough stock of LS-520: 2 on hand, 3 needed"
    assert caught.value.params == {"sku": "LS-520", "on_hand": 2, "wanted": 3}
    assert new_on_hand(2, -3, allow_negative=True) == -1
    assert new_on_hand(2, -2, allow_negative=False) == 0


@given(st.lists(st.integers(min_value=-20, max_value=20), max_size=60))
def test_a_ledger_never_goes_below_zero_and_equals_the_sum_of_what_it_accepted(
    quantities: list[int],
) -> None:
    on_hand, accepted = 0, []
    for quantity in quantities:
        try:
            on_hand = new_on_hand(on_hand, quantity, allow_negative=False)
        except StockError:
            assert on_hand + quantity < 0
            continue
        accepted.append(quantity)
        assert on_hand >= 0
    assert on_hand == sum(accepted)


@given(st.lists(st.integers(min_value=-20, max_value=20), max_size=60))
def test_when_negative_stock_is_allowed_every_movement_counts(quantities: list[int]) -> None:
    on_hand = 0
    for quantity in quantities:
        on_hand = new_on_hand(on_hand, quantity, allow_negative=True)
    assert on_hand == sum(quantities)


@given(st.integers(min_value=-100, max_value=100), st.integers(min_value=0, max_value=100))
def test_a_count_books_the_difference_to_what_was_counted(on_hand: int, counted: int) -> None:
    assert on_hand + count_difference(on_hand, counted) == counted


def test_a_negative_count_is_refused() -> None:
    with pytest.raises(StockError, match="cannot be negative"):
        count_difference(5, -1)
