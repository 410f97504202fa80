"""Picking an online order by scanning each item: plain Python, no Qt, so it is easy to test.

Each scan names a SKU; it is checked against the order's lines. A SKU the order does not hold
is a wrong item, one more than ordered is a surplus item; neither is counted.
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

    def wanted(self, line_no: int) -> int:
        line = next(line for line in self.order.lines if line.line_no == line_no)
        return line.quantity

    def picked_of(self, line_no: int) -> int:
        return self.picked.get(line_no, 0)

    @property
    def complete(self) -> bool:
        return all(self.picked_of(line.line_no) >= line.quantity for line in self.order.lines)

    @property
    def units_left(self) -> int:
        return sum(
            max(0, line.quantity - self.picked_of(line.line_no)) for line in self.order.lines
        )

    def pick(self, sku_id: int) -> PickResult:
        lines = [line for line in self.order.lines if line.sku_id == sku_id]
        if not lines:
            return PickResult(PickOutcome.WRONG_ITEM)
        for line in lines:
            if self.picked_of(line.line_no) < line.quantity:
                self.picked[line.line_no] = self.picked_of(line.line_no) + 1
                return PickResult(PickOutcome.PICKED, line.line_no, line.title)
        return PickResult(PickOutcome.SURPLUS, lines[0].line_no, lines[0].title)
