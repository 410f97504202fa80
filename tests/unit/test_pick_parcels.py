"""Picking an online order into parcels (ui/backoffice/picking.py): what is still to send, the
next parcel's units, and whether a part parcel finishes a product (the online store records a
split shipment by whole products)."""

from __future__ import annotations

from datetime import UTC, datetime

from redhome_pos.persistence.repositories.sync import StoredOnlineOrder, StoredOrderLine
from ui.backoffice.picking import PickList, PickOutcome

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
ORDER = StoredOnlineOrder(
    order_id="P1", status="awaiting_shipment", fulfilment="ship", warehouse_code="RH_SH_001",
    ours=True, online_created_at=NOW, online_updated_at=NOW,
    lines=(
        StoredOrderLine(1, "red-a", 11, 3, 100, title="A"),
        StoredOrderLine(2, "red-b", 12, 1, 100, title="B"),
    ),
)  # fmt: skip


def test_a_part_parcel_must_finish_a_product() -> None:
    pick = PickList(ORDER)
    assert [pick.pick(11).outcome for _ in range(2)] == [PickOutcome.PICKED] * 2
    assert pick.parcel == {1: 2} and not pick.complete and pick.units_left == 2
    assert not pick.finishes_a_product  # two of three A: nothing finished
    pick.pick(12)
    assert pick.finishes_a_product and pick.parcel == {1: 2, 2: 1}


def test_after_a_parcel_left_only_the_rest_is_picked() -> None:
    pick = PickList(ORDER)
    pick.pick(12)
    pick.pick(11)
    pick.parcel_left({1: 1, 2: 1})  # B and one A left in parcel 1
    assert pick.picked == {} and not pick.packed
    assert pick.wanted(1) == 2 and pick.wanted(2) == 0 and pick.units_left == 2
    assert pick.pick(12).outcome is PickOutcome.SURPLUS  # B has all gone
    pick.pick(11)
    assert not pick.finishes_a_product
    pick.pick(11)
    assert pick.complete and pick.finishes_a_product and pick.parcel == {1: 2}
    assert pick.pick(11).outcome is PickOutcome.SURPLUS
