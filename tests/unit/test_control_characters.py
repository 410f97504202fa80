"""The text guard every write passes (``refuse_control_characters``): whatever shape the
parameters take — one value, a row, an ``executemany``'s rows as tuples or dicts, JSON already
turned to text, text nested deeper, a subclass of text — a control character anywhere is
refused and clean parameters pass."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pytest

from redhome_pos.domain.errors import TextError
from redhome_pos.persistence.dialect import refuse_control_characters


class Kind(StrEnum):
    SALE = "sale"
    BAD = "sa\x07le"


CLEAN: list[Any] = [
    "口红 #520\n第二行\t制表",
    ("RH01", 3, 1.5, True, None, b"\x00bytes are not text", Decimal("1.10"), date(2026, 1, 1)),
    [("词", 1, 2, 3), ("ci", 4, 5, 6)] * 1000,
    [{"term": "kouhong", "rank": 1}, {"term": "口红", "rank": 0}],
    {"payload": '{"sku_id": 1}', "at": datetime(2026, 1, 1, tzinfo=UTC)},
    [("nested", ["deeper", ("deepest", Kind.SALE)])],
    ("RH01", None, "口红"),
]


@pytest.mark.parametrize("values", CLEAN, ids=range(len(CLEAN)))
def test_clean_parameters_pass(values: Any) -> None:
    refuse_control_characters(values)


DIRTY: list[Any] = [
    "口红\x00",
    ("RH01", 3, "bad\x1b[2J"),
    [("词", 1), ("ci", 2)] * 500 + [("坏\x7f", 3)],
    [{"term": "ok"}, {"term": "no\x08"}],
    {"payload": '{"note": "\\u0007 is fine escaped"}', "title": "\x0bvertical tab"},
    [("nested", ["deeper", ("deepest\x01",)])],
    [("a subclass of text", Kind.BAD)],
    ("row", Kind.BAD),
    ("RH01", "坏\x00"),
    ("ok", ["deep\x02"]),
]


@pytest.mark.parametrize("values", DIRTY, ids=range(len(DIRTY)))
def test_a_control_character_anywhere_is_refused(values: Any) -> None:
    with pytest.raises(TextError, match="control character"):
        refuse_control_characters(values)
