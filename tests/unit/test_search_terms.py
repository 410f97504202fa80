"""Search terms of product text: every Chinese suffix with its pinyin and initials."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from redhome_pos.persistence.search_index import (
    INNER,
    PINYIN,
    VARIANT,
    WORD_START,
    matches_variant,
    product_terms,
    query_words,
    words,
)


def test_words_split_chinese_runs_from_latin_and_digits() -> None:
    assert words("完美日记 小细跟口红 #507") == ["完美日记", "小细跟口红", "507"]
    assert words("ＬＩＰ　Ｓｔｉｃｋ") == ["lip", "stick"]  # full-width, any case
    assert words("T恤 XL") == ["t", "恤", "xl"]
    assert words("'; DROP TABLE skus; --") == ["drop", "table", "skus"]
    assert query_words("口红 口红") == ["口红"]


def test_every_suffix_of_a_chinese_word_with_pinyin_and_initials() -> None:
    terms = product_terms("口红收纳盒")
    assert terms["口红收纳盒"] == WORD_START
    assert terms["收纳盒"] == INNER and terms["盒"] == INNER
    assert terms["kouhongshounahe"] == WORD_START + PINYIN
    assert terms["khsnh"] == WORD_START + PINYIN
    assert terms["snh"] == INNER + PINYIN
    assert terms["shounahe"] == INNER + PINYIN


def test_the_best_rank_of_a_term_wins_and_variants_rank_after_the_title() -> None:
    terms = product_terms("小细跟口红", "Velvet Lipstick", "口红", variants=["#01 正红"])
    assert terms["口红"] == WORD_START  # inner in the title, a whole word in the category
    assert terms["lipstick"] == WORD_START
    assert terms["正红"] == WORD_START + VARIANT
    assert "zhenghong" not in terms  # no pinyin for variant values
    assert terms["01"] == WORD_START + VARIANT


def test_a_sku_variant_matches_a_query_word() -> None:
    assert matches_variant(["正红"], {"色号": "#01 正红"})
    assert matches_variant(["xl"], {"尺码": "XL"})
    assert not matches_variant(["豆沙"], {"色号": "#01 正红"})
    assert not matches_variant(["正红"], None)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="口红面膜精华防晒霜小细跟卫衣咖啡", min_size=1, max_size=12))
def test_any_substring_of_a_chinese_title_is_a_prefix_of_one_of_its_terms(title: str) -> None:
    terms = list(product_terms(title))
    for start in range(len(title)):
        for end in range(start + 1, len(title) + 1):
            piece = title[start:end]
            assert any(term.startswith(piece) for term in terms), piece
