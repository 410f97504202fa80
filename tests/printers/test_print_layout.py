"""Column layout in encoding bytes: widths, wrapping, rows (with hypothesis)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from printers.document import Document, Row, Rule, Text
from printers.errors import UnprintableCharacter
from printers.layout import CharWidths, Line, layout, layout_row, wrap

GBK = CharWidths("gbk")
SHOP_TEXT = st.text(
    alphabet=st.sampled_from(list("小红书雅诗兰黛精华露，。（）：￥·×—é abcXYZ0123456789-./")),
    max_size=120,
)


def test_width_is_counted_in_gbk_bytes_not_wcwidth() -> None:
    assert [GBK.of(c) for c in "a口￥·×—é"] == [1, 2, 2, 2, 2, 2, 2]
    assert GBK.text("￥128.00") == 8


@pytest.mark.parametrize("char", ["🎁", "\u00a5", "\x07"])
def test_characters_gbk_cannot_hold_raise_and_name_the_character(char: str) -> None:
    with pytest.raises(UnprintableCharacter) as raised:
        layout(Document("x", (Text(f"礼物{char}"),)), 32, "gbk")
    assert raised.value.params["character"] == char
    assert f"U+{ord(char):04X}" in str(raised.value)


def test_chinese_wraps_per_character_and_punctuation_never_starts_a_line() -> None:
    lines = wrap("小红书线下门店欢迎您，祝您购物愉快。", 10, GBK)
    assert all(GBK.text(line) <= 10 for line in lines)
    assert "".join(lines) == "小红书线下门店欢迎您，祝您购物愉快。"
    assert not any(line[:1] in "，。" for line in lines)


@settings(max_examples=200, deadline=None)
@given(text=SHOP_TEXT, width=st.integers(min_value=4, max_value=48))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = wrap(text, width, GBK)
    assert all(GBK.text(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


@settings(max_examples=200, deadline=None)
@given(
    cells=st.lists(SHOP_TEXT.filter(lambda t: t.strip() == t), min_size=2, max_size=3),
    columns=st.sampled_from([32, 42, 48]),
)
def test_rows_never_exceed_the_paper(cells: list[str], columns: int) -> None:
    for line in layout_row(tuple(cells), columns, GBK):
        assert GBK.text(line) <= columns


@settings(max_examples=100, deadline=None)
@given(text=SHOP_TEXT, columns=st.sampled_from([32, 42, 48]), size=st.sampled_from([1, 2]))
def test_magnified_text_fits_in_columns(text: str, columns: int, size: int) -> None:
    for item in layout(Document("x", (Text(text, "center", size=size), Rule())), columns, "gbk"):
        assert isinstance(item, Line)
        assert GBK.text(item.text) * item.size <= columns


def test_row_puts_amount_at_the_right_edge() -> None:
    (line,) = layout_row(("应付", "￥128.00"), 32, GBK)
    assert line.endswith("￥128.00") and GBK.text(line) == 32


def test_document_round_trips_through_json() -> None:
    from printers.document import Barcode, Cut, DrawerKick, Feed, Picture, QrCode

    document = Document(
        "all",
        (
            Text("标题", "center", True, 2),
            Row(("a", "b", "c"), True),
            Rule("="),
            QrCode("RH1.R", 5),
            Barcode("6901234567892", "EAN13"),
            Picture(b"\x89PNG"),
            Feed(3),
            Cut(),
            DrawerKick(),
        ),
    )
    assert Document.from_json(document.to_json()) == document
