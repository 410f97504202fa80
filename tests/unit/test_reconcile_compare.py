"""The pure comparison: what counts as a difference, what does not (reservations, unsent
pushes, the store's own barcodes, retired SKUs), summaries, filters and allowed decisions."""

from __future__ import annotations

from typing import Any, TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.reconciliation import (
    DifferenceKind,
    OnlineSkuFigures,
    ReconciliationError,
    Resolution,
    StoreSkuFigures,
    check_resolution,
    filter_and_sort,
    reconcile,
)

Figures = TypeVar("Figures", StoreSkuFigures, OnlineSkuFigures)


def replace(figures: Figures, **changes: Any) -> Figures:
    return figures._replace(**changes)


HERE = StoreSkuFigures(
    sku_id=1, code="LIP-520", title="口红 #520", red_sku_id="r1", price_fen=25_900,
    original_price_fen=29_900, active=True, on_hand=10, barcodes=frozenset({"6901234567892"}),
)  # fmt: skip
ONLINE = OnlineSkuFigures(
    red_sku_id="r1", title="口红 #520", price_fen=25_900, original_price_fen=29_900,
    buyable=True, barcodes=("6901234567892",), total=10, available=10, occupied=0,
)  # fmt: skip


def kinds(here: list[StoreSkuFigures], online: list[OnlineSkuFigures]) -> list[DifferenceKind]:
    return [d.kind for d in reconcile(here, online)[0]]


def test_matching_figures_are_no_difference() -> None:
    assert kinds([HERE], [ONLINE]) == []


def test_units_of_paid_orders_are_off_the_online_total_and_not_drift() -> None:
    # Two units of a paid online order still on the shelf: the online store took them off its
    # total at payment (its stock documents), so the store's figure leaves them out too.
    here = replace(HERE, reserved=2, held_online=2)
    online = replace(ONLINE, total=8, available=8, occupied=0)
    assert kinds([here], [online]) == []
    # The plain on-hand online would sell them twice: that is drift, shown with what is held.
    differences, _ = reconcile([here], [replace(online, total=10, available=10)])
    [drift] = differences
    assert (drift.here, drift.online, drift.value_fen) == (8, 10, 2 * 25_900)
    assert drift.detail["held_for_paid_orders_here"] == 2
    assert drift.detail["free_here"] == 8 and drift.detail["available_online"] == 10
    # Units an unpaid order occupies online stay in the total: not drift either.
    assert kinds([HERE], [replace(ONLINE, available=7, occupied=3)]) == []


def test_an_unsent_push_is_not_drift_and_unread_stock_is_not_compared() -> None:
    assert kinds([replace(HERE, push_pending=True)], [replace(ONLINE, total=3)]) == []
    assert kinds([HERE], [replace(ONLINE, total=None)]) == []


def test_each_kind() -> None:
    assert kinds([HERE], [replace(ONLINE, original_price_fen=1)]) == [DifferenceKind.PRICE_MISMATCH]
    assert kinds([HERE], [replace(ONLINE, barcodes=("6900000000001",))]) == [
        DifferenceKind.BARCODE_MISMATCH
    ]
    # The store's own extra barcodes are not a difference.
    assert kinds([replace(HERE, barcodes=HERE.barcodes | {"RH-0001"})], [ONLINE]) == []
    assert kinds([HERE], [replace(ONLINE, buyable=False)]) == [DifferenceKind.INACTIVE_BUT_STOCKED]
    assert kinds([replace(HERE, active=False, on_hand=0)], [replace(ONLINE, total=0)]) == []
    assert kinds([HERE], []) == [DifferenceKind.MISSING_ONLINE]
    assert kinds([replace(HERE, red_sku_id=None)], []) == [DifferenceKind.MISSING_ONLINE]
    assert kinds([replace(HERE, active=False, on_hand=0)], []) == []  # retired
    assert kinds([replace(HERE, active=False)], []) == [DifferenceKind.INACTIVE_BUT_STOCKED]
    assert kinds([], [ONLINE]) == [DifferenceKind.MISSING_HERE]


def test_summary_filter_sort_and_decisions() -> None:
    cheap = replace(HERE, sku_id=2, code="MASK-10", title="面膜", red_sku_id="r2", price_fen=100)
    differences, summary = reconcile(
        [HERE, cheap],
        [replace(ONLINE, total=7), replace(ONLINE, red_sku_id="r2", total=9, price_fen=90,
                                           original_price_fen=29_900)],
    )  # fmt: skip
    assert summary.count_by_kind["stock_drift"] == 2
    assert summary.value_by_kind_fen["stock_drift"] == 3 * 25_900 + 1 * 100
    assert summary.differences == 3 and summary.skus_here == 2
    by_value = filter_and_sort(differences, sort="value")
    assert by_value[0].sku_code == "LIP-520"
    assert [d.kind for d in filter_and_sort(differences, text="面膜")] == [
        DifferenceKind.PRICE_MISMATCH,
        DifferenceKind.STOCK_DRIFT,
    ]
    assert filter_and_sort(differences, kinds=[DifferenceKind.PRICE_MISMATCH], text="lip") == []
    with pytest.raises(ReconciliationError):
        filter_and_sort(differences, sort="colour")
    check_resolution(DifferenceKind.STOCK_DRIFT, Resolution.ACCEPT_ONLINE_STOCK)
    with pytest.raises(ReconciliationError):
        check_resolution(DifferenceKind.MISSING_HERE, Resolution.PUSH_STORE_STOCK)


@given(
    st.lists(
        st.tuples(st.integers(0, 50), st.integers(0, 50), st.booleans(), st.booleans()),
        max_size=30,
    )
)
def test_drift_is_found_exactly_where_the_totals_differ(
    rows: list[tuple[int, int, bool, bool]],
) -> None:
    here, online = [], []
    for n, (mine, theirs, listed, pending) in enumerate(rows):
        red = f"r{n}"
        here.append(replace(HERE, sku_id=n, code=f"S{n:03d}", red_sku_id=red, on_hand=mine,
                            push_pending=pending))  # fmt: skip
        if listed:
            online.append(replace(ONLINE, red_sku_id=red, total=theirs))
    differences, summary = reconcile(here, online)
    drift = {d.sku_id for d in differences if d.kind is DifferenceKind.STOCK_DRIFT}
    expected = {n for n, (m, t, listed, p) in enumerate(rows) if listed and not p and m != t}
    assert drift == expected
    missing = {d.sku_id for d in differences if d.kind is DifferenceKind.MISSING_ONLINE}
    assert missing == {n for n, row in enumerate(rows) if not row[2]}
    assert summary.differences == len(differences)
