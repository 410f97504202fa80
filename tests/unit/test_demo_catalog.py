"""The demo catalog generator: deterministic, realistic and internally consistent."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redhome_pos.domain.barcodes import has_valid_check_digit, parse_barcode
from redhome_pos.services.demo_catalog import iter_demo_catalog

RED_ID = re.compile(r"^[0-9a-f]{24}$")


def test_the_same_seed_gives_the_same_catalog_and_another_seed_another() -> None:
    first = list(iter_demo_catalog(500, seed=7))
    again = list(iter_demo_catalog(500, seed=7))
    other = list(iter_demo_catalog(500, seed=8))
    assert first == again
    assert [i.barcodes for i in first] != [i.barcodes for i in other]
    assert [i.red_sku_id for i in first] != [i.red_sku_id for i in other]


def test_a_smaller_catalog_is_the_start_of_a_larger_one() -> None:
    small = list(iter_demo_catalog(137, seed=3))
    large = list(iter_demo_catalog(1000, seed=3))
    assert small == large[:137]


def test_exactly_the_number_of_skus_asked_for() -> None:
    assert list(iter_demo_catalog(0, seed=1)) == []
    assert len(list(iter_demo_catalog(1, seed=1))) == 1
    assert len(list(iter_demo_catalog(2345, seed=1))) == 2345
    with pytest.raises(ValueError):
        list(iter_demo_catalog(-1, seed=1))


def test_codes_barcodes_and_red_ids_are_unique_and_well_formed() -> None:
    items = list(iter_demo_catalog(20_000, seed=1))
    barcodes = [code for item in items for code in item.barcodes]
    assert len(set(barcodes)) == len(barcodes)
    assert len({i.sku_code for i in items}) == len(items)
    assert len({i.red_sku_id for i in items}) == len(items)
    for code in barcodes:
        assert len(code) == 13 and code.startswith("69")
        assert has_valid_check_digit(code)
        assert parse_barcode(code).symbology.value == "ean13"
    for item in items:
        assert RED_ID.match(item.red_sku_id) and RED_ID.match(item.red_item_id)
        assert parse_barcode(item.sku_code).code == item.sku_code  # a valid internal code


def test_variants_of_one_product_share_it_and_differ_from_each_other() -> None:
    items = list(iter_demo_catalog(5000, seed=2))
    by_product: dict[int, list] = {}
    for item in items:
        by_product.setdefault(item.product_no, []).append(item)
    for variants in by_product.values():
        assert len({(v.red_item_id, v.title_zh, v.brand, v.category) for v in variants}) == 1
        assert len({tuple(v.variant.items()) for v in variants}) == len(variants)
    # Product numbers run without gaps, product by product.
    assert list(by_product) == list(range(1, len(by_product) + 1))


def test_a_realistic_redhome_assortment() -> None:
    items = list(iter_demo_catalog(5000, seed=1))
    categories = Counter(i.category for i in items)
    assert {"彩妆", "护肤", "服饰", "零食", "家居"} <= set(categories)
    lipsticks = [i for i in items if "口红" in i.title_zh and i.category == "彩妆"]
    assert lipsticks and all("色号" in i.variant for i in lipsticks)
    hoodies = [i for i in items if "卫衣" in i.title_zh]
    assert hoodies and all("尺码" in i.variant for i in hoodies)
    assert any(i.title_en for i in items)
    assert any(not i.title_en for i in items)
    assert all(re.search(r"[\u4e00-\u9fff]", i.title_zh) for i in items)
    for item in items:
        assert 0 < item.price_fen <= item.original_price_fen
        assert isinstance(item.price_fen, int) and item.initial_stock >= 0
    assert sum(1 for i in items if i.initial_stock == 0) < len(items) // 3


@settings(max_examples=25, deadline=None)
@given(skus=st.integers(min_value=0, max_value=300), seed=st.integers(0, 10**6))
def test_any_size_and_seed_gives_valid_unique_barcodes(skus: int, seed: int) -> None:
    items = list(iter_demo_catalog(skus, seed))
    assert len(items) == skus
    codes = [code for item in items for code in item.barcodes]
    assert len(set(codes)) == len(codes)
    assert all(has_valid_check_digit(code) for code in codes)
