"""Picking an online order by scanning each item: plain Python, no Qt, so it is easy to test.

Each scan names a SKU; it is checked against the order's lines. A SKU the order does not hold
is a wrong item, one more than still to send is a surplus item; neither is counted. What is
picked goes in the next parcel: all that is still to send, or part of it (a split shipment,
the rest later); units that left in earlier parcels (``shipped``) are not picked again.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from redhome_pos.persistence.repositories.sync import StoredOnlineOrder


class PickOutcome(enum.StrEnum):
    PICKED = "picked"
    WRONG_ITEM = "wrong_item"
    SURPLUS = "surplus"


@dataclass(frozen=True, slots=True)
class PickResult:
    outcome: PickOutcome
    line_no: int | None = None
    title: str = ""


@dataclass
class PickList:
    """The units picked per order line so far."""

    order: StoredOnlineOrder
    picked: dict[int, int] = field(default_factory=dict)
    packed: bool = False
    shipped: dict[int, int] = field(default_factory=dict)  # units that left in parcels

    def wanted(self, line_no: int) -> int:
        """Units of the line still to send."""
        line = next(line for line in self.order.lines if line.line_no == line_no)
        return max(0, line.quantity - self.shipped.get(line_no, 0))

    def picked_of(self, line_no: int) -> int:
        return self.picked.get(line_no, 0)

    @property
    def complete(self) -> bool:
        """Everything still to send is picked (the parcel finishes the order)."""
        return all(
            self.picked_of(line.line_no) >= self.wanted(line.line_no) for line in self.order.lines
        )

    @property
    def units_left(self) -> int:
        return sum(
            max(0, self.wanted(line.line_no) - self.picked_of(line.line_no))
            for line in self.order.lines
        )

    @property
    def parcel(self) -> dict[int, int]:
        """What the next parcel holds: the picked units per line."""
        return {line_no: units for line_no, units in self.picked.items() if units > 0}

    @property
    def finishes_a_product(self) -> bool:
        """Whether the parcel holds the last units of at least one product not finished before:
        the online store records a split shipment by whole products."""
        lines = self.order.lines
        for sku in {line.red_sku_id for line in lines}:
            mine = [line for line in lines if line.red_sku_id == sku]
            before = all(self.shipped.get(x.line_no, 0) >= x.quantity for x in mine)
            after = all(
                self.shipped.get(x.line_no, 0) + self.picked_of(x.line_no) >= x.quantity
                for x in mine
            )
            if after and not before:
                return True
        return False

    def parcel_left(self, shipped: dict[int, int]) -> None:
        """A parcel left: what it held is shipped, the next one starts empty."""
        self.shipped = dict(shipped)
        self.picked = {}
        self.packed = False

    def pick(self, sku_id: int) -> PickResult:
        lines = [line for line in self.order.lines if line.sku_id == sku_id]
        if not lines:
            return PickResult(PickOutcome.WRONG_ITEM)
        for line in lines:
            if self.picked_of(line.line_no) < self.wanted(line.line_no):
                self.picked[line.line_no] = self.picked_of(line.line_no) + 1
                return PickResult(PickOutcome.PICKED, line.line_no, line.title)
        return PickResult(PickOutcome.SURPLUS, lines[0].line_no, lines[0].title)
