"""Catalog search on a real SQLite file: Chinese of any length, pinyin, English, codes."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, inspect, select, update

from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.persistence.bulk_load import NewProduct, load_catalog
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services.catalog_search import (
    count_matches,
    index_skus,
    rebuild_index,
    search,
    search_catalog,
)
from redhome_pos.services.demo_catalog import load_demo_store

ALSO_ON_POSTGRES = True  # runs on PostgreSQL too when REDHOME_TEST_POSTGRES_URL is set

EAN = {
    "lipstick": (make_ean13("690123456789"), make_ean13("690123456780")),
    "box": (make_ean13("690234567890"),),
}


def _product(title: str, brand: str, category: str, *, title_en: str = "") -> Product:
    return Product(id=None, title_zh=title, brand=brand, category=category, title_en=title_en)


def _sku(code: str, *, barcodes: tuple[str, ...] = (), active: bool = True, **variant: str) -> Sku:
    return Sku(
        id=None,
        product_id=0,
        code=code,
        price_fen=8900,
        original_price_fen=9900,
        variant=variant,
        barcodes=barcodes,
        active=active,
    )


SHOP = [
    NewProduct(
        _product("完美日记 小细跟口红", "完美日记", "彩妆", title_en="Velvet Matte Lipstick"),
        [
            (_sku("LIP-01", barcodes=(EAN["lipstick"][0],), 色号="#01 正红"), 5),
            (_sku("LIP-02", barcodes=(EAN["lipstick"][1],), 色号="#05 豆沙"), 0),
            (_sku("LIP-03", 色号="#12 枫叶"), 7),
        ],
    ),
    NewProduct(
        _product("野兽派 口红收纳盒", "野兽派", "家居", title_en="Lipstick Organiser"),
        [(_sku("BOX-01", barcodes=EAN["box"], 颜色="透明"), 3)],
    ),
    NewProduct(
        _product("薇诺娜 清透防晒霜", "薇诺娜", "护肤", title_en="Clear Sunscreen"),
        [(_sku("SUN-30", 规格="30ml"), 4), (_sku("SUN-50", 规格="50ml"), 4)],
    ),
    NewProduct(_product("珀莱雅 保湿面霜", "珀莱雅", "护肤"), [(_sku("CRM-01"), 2)]),
    NewProduct(_product("太平鸟 宽松连帽卫衣", "太平鸟", "服饰"), [(_sku("HOOD-M", 尺码="M"), 1)]),
    NewProduct(
        _product("停产 丝绒口红", "旧品牌", "彩妆"),
        [(_sku("OLD-01", active=False), 0)],
    ),
]


@pytest.fixture
def shop(database: Database) -> Database:
    load_catalog(database, SHOP, terminal_id="T1")
    return database


def _codes(database: Database, query: str, **paging: int) -> list[str]:
    return [view.code for view in search_catalog(database, query, **paging).results]


def test_one_character_chinese_finds_every_product_holding_it(shop: Database) -> None:
    found = _codes(shop, "霜")
    assert set(found) == {"SUN-30", "SUN-50", "CRM-01"}
    assert _codes(shop, "盒") == ["BOX-01"]


def test_two_character_chinese_finds_word_starts_before_inner_substrings(shop: Database) -> None:
    found = _codes(shop, "口红")
    # 口红收纳盒 starts with 口红; 小细跟口红 and 丝绒口红 hold it inside; the inactive last.
    assert found == ["BOX-01", "LIP-01", "LIP-02", "LIP-03", "OLD-01"]


def test_longer_chinese_and_several_words(shop: Database) -> None:
    assert _codes(shop, "小细跟口红") == ["LIP-01", "LIP-02", "LIP-03"]
    assert _codes(shop, "细跟口") == ["LIP-01", "LIP-02", "LIP-03"]
    assert _codes(shop, "完美日记 口红") == ["LIP-01", "LIP-02", "LIP-03"]
    assert _codes(shop, "野兽派 防晒") == []


def test_pinyin_initials_and_full_pinyin(shop: Database) -> None:
    assert _codes(shop, "khs") == ["BOX-01"]  # 口红收(纳盒)
    assert set(_codes(shop, "kh")) == {"BOX-01", "LIP-01", "LIP-02", "LIP-03", "OLD-01"}
    assert _codes(shop, "kouhongshouna") == ["BOX-01"]
    assert set(_codes(shop, "fangshai")) == {"SUN-30", "SUN-50"}
    assert _codes(shop, "xxgkh") == ["LIP-01", "LIP-02", "LIP-03"]
    assert _codes(shop, "WEIYI") == ["HOOD-M"]


def test_english_words_by_prefix_and_in_any_case(shop: Database) -> None:
    assert _codes(shop, "lipstick") == ["LIP-01", "LIP-02", "LIP-03", "BOX-01"]
    assert set(_codes(shop, "SUNSCR")) == {"SUN-30", "SUN-50"}
    assert set(_codes(shop, "ｌｉｐ")) >= {"LIP-01", "BOX-01"}  # full-width letters


def test_an_exact_barcode_or_code_comes_first(shop: Database) -> None:
    page = search_catalog(shop, EAN["lipstick"][1])
    assert [v.code for v in page.results] == ["LIP-02"]
    assert page.results[0].barcode == EAN["lipstick"][1]
    assert _codes(shop, "box-01") == ["BOX-01"]
    assert _codes(shop, " SUN-50 ") == ["SUN-50"]


def test_results_show_price_variant_and_stock_on_hand(shop: Database) -> None:
    view = search_catalog(shop, "LIP-03").results[0]
    assert view.title_zh == "完美日记 小细跟口红"
    assert view.variant_text == "色号：#12 枫叶"
    assert (view.price_fen, view.original_price_fen, view.on_hand) == (8900, 9900, 7)
    assert view.active and view.barcode is None


def test_pages_follow_each_other_without_gaps_or_repeats(database: Database) -> None:
    load_demo_store(database, skus=600, seed=5)
    with database.reading() as session:
        everything = search(session, "hu", limit=500)  # 护肤, 壶, 湖… plenty of matches
        total = count_matches(session, "hu")
        assert 20 < len(everything.results) == total < 500
        assert not everything.has_more
        pages = []
        offset = 0
        while True:
            page = search(session, "hu", offset=offset, limit=7)
            pages.extend(v.sku_id for v in page.results)
            offset += 7
            if not page.has_more:
                break
        assert pages == [v.sku_id for v in everything.results]
        assert len(set(pages)) == len(pages)


def test_index_follows_new_and_changed_skus(shop: Database) -> None:
    with shop.unit_of_work() as uow:
        repo = CatalogRepository(uow.session)
        product_id = repo.add_product(_product("三顿半 冷萃咖啡", "三顿半", "饮品"))
        sku_id = repo.add_sku(dataclasses.replace(_sku("COF-01"), product_id=product_id))
        uow.commit()
    assert _codes(shop, "咖啡") == []  # not indexed yet: writers call index_skus
    with shop.unit_of_work() as uow:
        index_skus(uow.session, [sku_id])
        uow.commit()
    assert _codes(shop, "咖啡") == ["COF-01"]
    assert _codes(shop, "lengcui") == ["COF-01"]
    with shop.unit_of_work() as uow:
        uow.session.execute(
            update(ProductRow).where(ProductRow.id == product_id).values(title_zh="三顿半 冻干咖啡")
        )
        index_skus(uow.session, [sku_id])
        uow.commit()
    assert _codes(shop, "冷萃") == []
    assert _codes(shop, "冻干") == ["COF-01"]
    # Taken off sale: found still, but after everything on sale.
    with shop.unit_of_work() as uow:
        lip = uow.session.scalars(select(SkuRow.id).where(SkuRow.code.like("LIP-%"))).all()
        uow.session.execute(update(SkuRow).where(SkuRow.id.in_(lip)).values(active=False))
        index_skus(uow.session, lip)
        uow.commit()
    assert _codes(shop, "口红")[0] == "BOX-01"
    assert _codes(shop, "小细跟") == ["LIP-01", "LIP-02", "LIP-03"]
    assert _codes(shop, "kh")[0] == "BOX-01"


def test_rebuilding_the_index_gives_the_same_results(shop: Database) -> None:
    before = [_codes(shop, q) for q in ("口红", "霜", "kh", "lip", "fangshai")]
    assert rebuild_index(shop) > 0
    assert [_codes(shop, q) for q in ("口红", "霜", "kh", "lip", "fangshai")] == before


@pytest.mark.parametrize(
    "hostile",
    [
        "'; DROP TABLE skus; --",
        "口红' OR '1'='1",
        "%",
        "_",
        "\\",
        "\U0010ffff",
        "\x00",
        "口" * 500,
        "=cmd|' /C calc'!A0",
    ],
)
def test_hostile_queries_are_harmless(shop: Database, hostile: str) -> None:
    page = search_catalog(shop, hostile)
    assert len(page.results) <= 50
    assert "OLD-01" not in [v.code for v in page.results] or "口红" in hostile
    assert "skus" in inspect(shop.engine).get_table_names()
    assert len(_codes(shop, "霜")) == 3


def test_empty_query_and_empty_page(shop: Database) -> None:
    assert search_catalog(shop, "   ").results == ()
    assert search_catalog(shop, "口红", limit=0).results == ()
    assert search_catalog(shop, "口红", offset=100).results == ()
    assert not search_catalog(shop, "口红", offset=100).has_more


def test_demo_store_search_finds_only_real_matches(database: Database) -> None:
    load_demo_store(database, skus=2000, seed=1)
    with database.reading() as session:
        page = search(session, "面膜", limit=50)
        assert page.results and page.has_more
        assert all("面膜" in view.title_zh for view in page.results)
        lipsticks = search(session, "kouhong", limit=50).results
        assert lipsticks and all("口红" in view.title_zh for view in lipsticks)


def test_variant_values_find_their_sku_first(shop: Database) -> None:
    assert _codes(shop, "正红") == ["LIP-01", "LIP-02", "LIP-03"]
    assert _codes(shop, "口红 豆沙") == ["LIP-02", "LIP-01", "LIP-03"]
    assert _codes(shop, "dousha") == []  # no pinyin for variant values
    assert _codes(shop, "防晒 50ml") == ["SUN-50", "SUN-30"]
    # The product's own text ranks before variant values.
    assert _codes(shop, "透明")[0] == "BOX-01"


def test_the_demo_store_loads_once_with_ledger_and_levels_in_step(database: Database) -> None:
    from redhome_pos.domain.errors import CatalogError
    from redhome_pos.persistence.admin import check

    loaded = load_demo_store(database, skus=500, seed=9)
    assert (loaded.skus, loaded.barcodes >= 500) == (500, True)
    assert check(database) == []
    with database.reading() as session:
        opening = session.scalar(
            select(func.sum(StockMovementRow.quantity)).where(StockMovementRow.kind == "opening")
        )
        on_hand = session.scalar(select(func.sum(StockLevelRow.on_hand)))
        assert opening == on_hand > 0
    with pytest.raises(CatalogError):
        load_demo_store(database, skus=10, seed=9)
    # A batch that repeats a code already in the store is refused before anything is written.
    with pytest.raises(CatalogError, match="RH000001-01"):
        load_catalog(
            database,
            [NewProduct(_product("重复", "", ""), [(_sku("RH000001-01"), 1)])],
            terminal_id="T1",
        )
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(SkuRow)) == 500
    # New products added one by one afterwards get ids after the loaded ones.
    with database.unit_of_work() as uow:
        product_id = CatalogRepository(uow.session).add_product(_product("新品", "", ""))
        uow.commit()
    assert product_id > loaded.products
