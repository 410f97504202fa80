"""The promotion kinds on worked examples, their schedules, stacking and the words they show."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from redhome_pos.domain.promotions import (
    PricingLine,
    Promotion,
    PromotionBook,
    PromotionError,
    PromotionKind,
    Schedule,
    Scope,
    ScopeKind,
    Stacking,
)

# 2026-05-20 is a Wednesday; 06:00 UTC is 14:00 in Shanghai.
AT = datetime(2026, 5, 20, 6, 0, tzinfo=UTC)
K = PromotionKind


def line(key: int, sku: int, price: int, qty: int = 1, brand: str = "RED") -> PricingLine:
    return PricingLine(
        key, sku, f"SKU-{sku}", price, qty, product_id=sku, brand=brand, category="lip"
    )


def saving(rules: list[Promotion], lines: list[PricingLine], **kw: object) -> int:
    return PromotionBook(rules).price(lines, AT, **kw).saving_fen  # type: ignore[arg-type]


def test_threshold_off_repeated_or_once() -> None:
    every = Promotion("M", K.THRESHOLD_OFF, threshold_fen=30_000, off_fen=5_000)
    once = Promotion("M1", K.THRESHOLD_OFF, threshold_fen=30_000, off_fen=5_000, repeat=False)
    cart = [line(1, 1, 35_000), line(2, 2, 30_000)]
    assert saving([every], cart) == 10_000
    assert saving([once], cart) == 5_000
    assert saving([every], [line(1, 1, 29_999)]) == 0
    assert every.label == "满300减50" and once.label == "满300减50(限一次)"
    pricing = PromotionBook([every]).price(cart, AT)
    # The saving is shared over the goods in proportion to their price.
    assert [p.saving_fen for p in pricing.lines] == [5_385, 4_615]
    assert [s.label for p in pricing.lines for s in p.savings] == ["满300减50", "满300减50"]


def test_threshold_percent_by_count_and_by_amount() -> None:
    two = Promotion("Z", K.THRESHOLD_PERCENT, min_qty=2, pay_bp=9_000)
    assert two.label == "满2件9折"
    assert saving([two], [line(1, 1, 10_000)]) == 0
    assert saving([two], [line(1, 1, 10_000), line(2, 2, 5_000)]) == 1_500
    by_amount = Promotion("Z2", K.THRESHOLD_PERCENT, threshold_fen=20_000, pay_bp=8_500)
    assert by_amount.label == "满200 8.5折".replace(" ", "")
    assert saving([by_amount], [line(1, 1, 20_000)]) == 3_000


def test_second_item_half_price_goes_to_the_dearest_pairs() -> None:
    half = Promotion(
        "H", K.NTH_ITEM, nth=2, pay_bp=5_000, scope=Scope(ScopeKind.BRAND, frozenset({"RED"}))
    )
    assert half.label == "第二件半价"
    cart = [line(1, 1, 10_000), line(2, 2, 8_000), line(3, 3, 6_000), line(4, 4, 4_000)]
    pricing = PromotionBook([half]).price(cart, AT)
    assert pricing.saving_fen == 4_000 + 2_000  # ￥80 and ￥40 at half price
    assert {p.key: p.saving_fen for p in pricing.lines} == {1: 0, 2: 4_000, 3: 0, 4: 2_000}
    # Two of one SKU: the cheaper unit is the half-price one, and it is the first slot.
    same = PromotionBook([half]).price([line(1, 1, 10_000, qty=2)], AT)
    assert same.lines[0].unit_amounts == (5_000, 10_000)
    assert same.deals[0].given == ((1, 0, 5_000),) and same.deals[0].earners == ((1, 1),)
    other_brand = [line(1, 1, 10_000, brand="BLUE"), line(2, 2, 10_000, brand="BLUE")]
    assert saving([half], other_brand) == 0


def test_buy_two_get_one_cheapest_free_and_a_named_gift() -> None:
    cheapest = Promotion("B", K.BUY_GET, buy_qty=2, get_qty=1)
    assert cheapest.label == "买二赠一"
    cart = [line(1, 1, 10_000), line(2, 2, 9_000), line(3, 3, 8_000), line(4, 4, 3_000)]
    assert saving([cheapest], cart) == 8_000  # groups of three from the dearest: ￥80 free
    gift = Promotion(
        "G",
        K.BUY_GET,
        buy_qty=2,
        get_qty=1,
        gift_sku_id=9,
        scope=Scope(ScopeKind.SKU, frozenset({"1"})),
    )
    mirror = line(5, 9, 2_500)
    assert saving([gift], [line(1, 1, 10_000, qty=2)]) == 0  # the gift is not in the cart
    assert saving([gift], [line(1, 1, 10_000, qty=2), mirror]) == 2_500
    assert saving([gift], [line(1, 1, 10_000, qty=1), mirror]) == 0
    pricing = PromotionBook([gift]).price([line(1, 1, 10_000, qty=2), mirror], AT)
    assert pricing.deals[0].given == ((5, 0, 2_500),)
    assert pricing.deals[0].earners == ((1, 0), (1, 1))


def test_bundle_price_for_each_complete_set() -> None:
    bundle = Promotion("S", K.BUNDLE, bundle=((1, 1), (2, 1)), price_fen=15_000)
    assert bundle.label == "组合价150"
    assert saving([bundle], [line(1, 1, 10_000, qty=3), line(2, 2, 8_000, qty=2)]) == 6_000
    assert saving([bundle], [line(1, 1, 10_000, qty=3)]) == 0
    assert saving([bundle], [line(1, 1, 7_000), line(2, 2, 7_000)]) == 0  # dearer as a set


def test_time_limited_price_by_date_and_hour_in_the_store_zone() -> None:
    afternoon = Schedule(date(2026, 5, 20), date(2026, 5, 20), time(14), time(16))
    flash = Promotion(
        "T",
        K.SPECIAL_PRICE,
        price_fen=6_900,
        schedule=afternoon,
        scope=Scope(ScopeKind.SKU, frozenset({"1"})),
    )
    assert flash.label == "限时价69"
    cart = [line(1, 1, 10_000, qty=2)]
    assert saving([flash], cart) == 6_200
    book = PromotionBook([flash], timezone="Asia/Shanghai")
    assert book.price(cart, datetime(2026, 5, 20, 8, 0, tzinfo=UTC)).saving_fen == 0  # 16:00
    assert book.price(cart, datetime(2026, 5, 19, 6, 0, tzinfo=UTC)).saving_fen == 0
    night = Schedule(start=time(22), end=time(2), weekdays=frozenset({3}))  # Wednesday night
    assert night.is_on(datetime(2026, 5, 20, 15, 0, tzinfo=UTC), "Asia/Shanghai")  # Wed 23:00
    assert night.is_on(datetime(2026, 5, 20, 17, 0, tzinfo=UTC), "Asia/Shanghai")  # Thu 01:00
    assert not night.is_on(datetime(2026, 5, 21, 17, 0, tzinfo=UTC), "Asia/Shanghai")


def test_member_only_rules_and_member_prices() -> None:
    members = Promotion("V", K.THRESHOLD_OFF, threshold_fen=10_000, off_fen=1_000, member_only=True)
    assert members.label == "会员满100减10"
    cart = [line(1, 1, 10_000), line(2, 2, 5_000)]
    book = PromotionBook([members], member_prices={2: 4_000})
    assert book.price(cart, AT).saving_fen == 0
    priced = book.price(cart, AT, member=True)
    # The member price comes first; 满100减10 then counts what it left (￥140).
    assert {s.label: s.amount_fen for s in priced.applied} == {
        "会员价": 1_000,
        "会员满100减10": 1_000,
    }


def test_stacking_groups_and_exclusivity() -> None:
    cart = [line(1, 1, 20_000, qty=2), line(2, 2, 20_000, brand="BLUE")]
    half = Promotion(
        "H",
        K.NTH_ITEM,
        nth=2,
        pay_bp=5_000,
        scope=Scope(ScopeKind.SKU, frozenset({"1"})),
        priority=10,
    )
    off = Promotion("M", K.THRESHOLD_OFF, threshold_fen=30_000, off_fen=5_000, priority=90)
    off_big = Promotion(
        "M2", K.THRESHOLD_OFF, threshold_fen=50_000, off_fen=12_000, priority=90, group="满减"
    )
    off_small = Promotion(
        "M1", K.THRESHOLD_OFF, threshold_fen=30_000, off_fen=5_000, priority=90, group="满减"
    )
    # Stacked: half price (￥100), then 满300减50 twice on the ￥500 left.
    assert saving([half, off], cart) == 10_000 + 5_000
    # One of a group: the better one.
    assert saving([off_small, off_big], cart) == 12_000
    # Goods-exclusive half price: its goods take nothing else; 满减 counts only the rest.
    exclusive = Promotion(
        "H", K.NTH_ITEM, nth=2, pay_bp=5_000, scope=half.scope, stacking=Stacking.EXCLUSIVE_ITEMS
    )
    assert saving([exclusive, off], cart) == 10_000  # ￥200 left elsewhere: no 满300
    # Sale-exclusive: alone, when it is the best on its own.
    alone = Promotion(
        "X", K.THRESHOLD_PERCENT, min_qty=3, pay_bp=7_000, stacking=Stacking.EXCLUSIVE_SALE
    )
    assert saving([alone, half, off], cart) == 18_000


def test_a_rule_is_left_out_when_it_would_cost_the_customer_a_threshold() -> None:
    small = Promotion("H", K.NTH_ITEM, nth=2, pay_bp=9_000, priority=10)  # 第二件9折
    off = Promotion("M", K.THRESHOLD_OFF, threshold_fen=30_000, off_fen=5_000, priority=90)
    cart = [line(1, 1, 15_500, qty=2)]  # ￥310: 9折 on one saves ￥15.50 but breaks 满300
    pricing = PromotionBook([small, off]).price(cart, AT)
    assert [s.code for s in pricing.applied] == ["M"]


def test_ended_store_and_wrong_rules() -> None:
    ended = Promotion("E", K.THRESHOLD_OFF, threshold_fen=100, off_fen=10, ended=True)
    elsewhere = Promotion(
        "W", K.THRESHOLD_OFF, threshold_fen=100, off_fen=10, stores=frozenset({"SH02"})
    )
    assert (
        PromotionBook([ended, elsewhere], store_code="SH01").price([line(1, 1, 500)], AT).saving_fen
        == 0
    )
    for bad in (
        dict(kind=K.THRESHOLD_OFF, threshold_fen=0, off_fen=10),
        dict(kind=K.NTH_ITEM, nth=1, pay_bp=5_000),
        dict(kind=K.BUNDLE, bundle=((1, 1),), price_fen=100),
        dict(kind=K.THRESHOLD_PERCENT, min_qty=2, pay_bp=10_000),
        dict(kind=K.SPECIAL_PRICE),
    ):
        with pytest.raises(PromotionError):
            Promotion("BAD", **bad)  # type: ignore[arg-type]
    with pytest.raises(PromotionError):
        Scope(ScopeKind.BRAND, frozenset())
    with pytest.raises(PromotionError):
        Schedule(date(2026, 5, 2), date(2026, 5, 1))
