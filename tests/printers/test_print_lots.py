"""A lot-tracked line prints which lot was sold and its expiry date (批号 / 有效期至) under the
item, one row per lot; goods not tracked by lot print none."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from test_print_promotions import LIP, SALE, printed

from redhome_pos.domain.lots import NO_LOT, LotChoice, LotTake


def test_each_lot_sold_is_printed_under_its_line() -> None:
    line = replace(
        LIP,
        lots=(
            LotTake("B2611", date(2027, 3, 31), 1, LotChoice.FEFO),
            LotTake("B2612", None, 1, LotChoice.SCAN),
        ),
    )
    lines = printed(replace(SALE, lines=(line,)))
    title = next(i for i, text in enumerate(lines) if text.startswith("口红"))
    assert lines[title + 1].strip() == "批号 B2611 有效期至 2027-03-31"
    assert lines[title + 2].strip() == "批号 B2612"


def test_the_unknown_lot_and_untracked_goods_print_no_lot() -> None:
    unknown = replace(LIP, lots=(LotTake(NO_LOT, None, 2),))
    assert "批号" not in "\n".join(printed(replace(SALE, lines=(unknown,))))
    assert "批号" not in "\n".join(printed(SALE))
