"""A SKU's variant as every list shows it: Chinese names take the full-width colon."""

from __future__ import annotations

from redhome_pos.domain.catalog import Sku, variant_text


def test_chinese_attribute_names_take_the_full_width_colon() -> None:
    assert variant_text({"色号": "#520 烂番茄", "规格": "3.5g"}) == "色号：#520 烂番茄 / 规格：3.5g"


def test_latin_attribute_names_keep_colon_and_space() -> None:
    assert variant_text({"Size": "M", "颜色": "雾霾蓝"}) == "Size: M / 颜色：雾霾蓝"


def test_a_sku_without_variant_says_nothing() -> None:
    assert Sku(None, 1, "MASK-10", 9_900, 9_900).variant_text == ""
