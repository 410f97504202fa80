"""Returns of promoted goods: what a return takes back from a broken 第N件 or 买赠 deal.

The rule, as the counter states it:

1. Each unit is refunded what was paid for it. Promotions placed their savings on units when
   the sale was made: 限时价, 会员价 and 满件折 on each unit they lowered; 第二件半价 and 买赠
   on the half-price or free unit; 满减, 满额折 and 组合价 shared over the units that took part
   in proportion to their price. Within a line the cheapest units come back first, so
   returning one of two 第二件半价 items refunds the half-price one, and a returned gift
   refunds nothing.
2. A broken 满减 threshold or bundle takes nothing back: each unit carries its own share of
   the saving, and the goods kept keep theirs.
3. A broken deal does: when goods that earned a half-price or free unit come back and that
   unit stays with the customer, its saving is kept back from the refund (bring the gift back,
   or keep it and pay for it). Never more than the refund; what could not be kept back yet
   is kept back from the next return of the sale, and returning the discounted unit later
   gives back what was kept for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from redhome_pos.domain.promotions.engine import Deal


@dataclass(frozen=True, slots=True)
class SaleDeal:
    """A deal of a sale as recorded: its row, its number there, and what was kept back so far."""

    record_id: int
    deal_no: int
    deal: Deal
    kept_back_fen: int = 0


@dataclass(frozen=True, slots=True)
class KeptBack:
    record_id: int
    deal_no: int
    amount_fen: int  # taken from this refund (negative: given back)


def _returned(unit: tuple[int, int], returned: Mapping[int, int]) -> bool:
    line_no, slot = unit
    return slot < returned.get(line_no, 0)


def kept_back(
    deals: Sequence[SaleDeal], returned_after: Mapping[int, int], refund_fen: int
) -> list[KeptBack]:
    """What this return keeps back (or gives back) per deal; ``returned_after`` is units
    returned per line number once this return is done, ``refund_fen`` what its units paid."""
    result = []
    room = refund_fen
    for item in deals:
        deal = item.deal
        broken = any(_returned(unit, returned_after) for unit in deal.earners)
        kept = sum(
            s for line_no, slot, s in deal.given if not _returned((line_no, slot), returned_after)
        )
        due = kept if broken else 0
        change = due - item.kept_back_fen
        if change > 0:
            change = min(change, room)
        if change:
            room -= change
            result.append(KeptBack(item.record_id, item.deal_no, change))
    return result
