"""Properties of the promotion engine over random carts and random sets of rules (hypothesis).

- the total never goes below zero nor above the list total, and no unit below zero;
- the order of scanning never changes the result (totals, and what each SKU costs);
- adding an item never raises what the rest of the cart costs: with one more item the cart
  costs at most what it cost before plus that item's list price. (Per line this cannot hold
  for a rule that is best for the customer: with 第二件半价 on ￥100, ￥80, ￥60, ￥40, the ￥80
  and ￥40 units are half price; scan a ￥90 and the best pairs make the ￥90 and ￥60 half
  price, so the ￥80 unit costs more than before while the cart as a whole costs less than
  before plus ￥90.)
- the chosen combination is never worse for the customer than any single allowed rule, nor
  than any subset of the rules (more rules never cost the customer more).
"""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redhome_pos.domain.promotions import (
    PricingLine,
    Promotion,
    PromotionBook,
    PromotionKind,
    Scope,
    ScopeKind,
    Stacking,
)

AT = datetime(2026, 5, 20, 6, 0, tzinfo=UTC)
# (sku id, code, product, brand, category)
SKUS = [
    (1, "A-LIP", 10, "RED", "lip"),
    (2, "B-LIP", 10, "RED", "lip"),
    (3, "C-MASK", 11, "RED", "mask"),
    (4, "D-MASK", 12, "BLUE", "mask"),
    (5, "E-BOOK", 13, "BLUE", "book"),
    (6, "F-GIFT", 14, "GIFT", "gift"),
]
PROPERTY_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@st.composite
def scopes(draw: st.DrawFn) -> Scope:
    kind = draw(st.sampled_from(list(ScopeKind)))
    if kind is ScopeKind.STORE:
        return Scope()
    column = {ScopeKind.SKU: 0, ScopeKind.PRODUCT: 2, ScopeKind.BRAND: 3, ScopeKind.CATEGORY: 4}
    values = {str(sku[column[kind]]) for sku in draw(st.lists(st.sampled_from(SKUS), min_size=1))}
    return Scope(kind, frozenset(values))


@st.composite
def rules(draw: st.DrawFn, code: str) -> Promotion:
    kind = draw(st.sampled_from([k for k in PromotionKind if k is not PromotionKind.MEMBER_PRICE]))
    common = {
        "code": code,
        "kind": kind,
        "scope": draw(scopes()),
        "priority": draw(st.integers(0, 3)),
        "stacking": draw(st.sampled_from(list(Stacking))),
        "group": draw(st.sampled_from(["", "", "g1", "g2"])),
    }
    if kind is PromotionKind.THRESHOLD_OFF:
        threshold = draw(st.integers(1, 60_000))
        return Promotion(
            **common,
            threshold_fen=threshold,
            off_fen=draw(st.integers(1, threshold)),
            repeat=draw(st.booleans()),
        )
    if kind is PromotionKind.THRESHOLD_PERCENT:
        by_count = draw(st.booleans())
        return Promotion(
            **common,
            min_qty=draw(st.integers(1, 5)) if by_count else 0,
            threshold_fen=0 if by_count else draw(st.integers(1, 60_000)),
            pay_bp=draw(st.integers(0, 9_999)),
        )
    if kind is PromotionKind.NTH_ITEM:
        return Promotion(**common, nth=draw(st.integers(2, 4)), pay_bp=draw(st.integers(0, 9_999)))
    if kind is PromotionKind.BUY_GET:
        gift = draw(st.one_of(st.none(), st.sampled_from([6, 5])))
        return Promotion(
            **common,
            buy_qty=draw(st.integers(1, 3)),
            get_qty=draw(st.integers(1, 2)),
            gift_sku_id=gift,
        )
    if kind is PromotionKind.BUNDLE:
        skus = draw(
            st.lists(st.sampled_from([1, 2, 3, 4, 5, 6]), min_size=1, max_size=3, unique=True)
        )
        bundle = tuple(sorted((sku, draw(st.integers(1, 2))) for sku in skus))
        if sum(q for _, q in bundle) < 2:
            bundle = ((bundle[0][0], 2),)
        return Promotion(**common, bundle=bundle, price_fen=draw(st.integers(1, 40_000)))
    if draw(st.booleans()):
        return Promotion(**common, price_fen=draw(st.integers(0, 30_000)))
    return Promotion(**common, pay_bp=draw(st.integers(0, 9_999)))


rule_sets = st.integers(0, 5).flatmap(
    lambda n: st.tuples(*(rules(f"P{i}") for i in range(n))) if n else st.just(())
)
prices = st.fixed_dictionaries({sku[0]: st.integers(0, 30_000) for sku in SKUS})


@st.composite
def carts(draw: st.DrawFn) -> list[tuple[int, int]]:
    """(sku id, quantity) in scanning order; a SKU at most once (the cart merges scans)."""
    chosen = draw(st.lists(st.sampled_from([s[0] for s in SKUS]), max_size=6, unique=True))
    return [(sku, draw(st.integers(1, 4))) for sku in chosen]


def lines_of(cart: list[tuple[int, int]], price: dict[int, int]) -> list[PricingLine]:
    by_id = {s[0]: s for s in SKUS}
    return [
        PricingLine(
            key=n,
            sku_id=sku,
            sku_code=by_id[sku][1],
            unit_price_fen=price[sku],
            quantity=qty,
            product_id=by_id[sku][2],
            brand=by_id[sku][3],
            category=by_id[sku][4],
        )
        for n, (sku, qty) in enumerate(cart, start=1)
    ]


def total(book: PromotionBook, lines: list[PricingLine]) -> int:
    pricing = book.price(lines, AT)
    return sum(x.unit_price_fen * x.quantity for x in lines) - pricing.saving_fen


@PROPERTY_SETTINGS
@given(rule_sets, carts(), prices)
def test_total_stays_between_zero_and_the_list_total(
    promotions: tuple[Promotion, ...], cart: list[tuple[int, int]], price: dict[int, int]
) -> None:
    lines = lines_of(cart, price)
    pricing = PromotionBook(promotions).price(lines, AT)
    list_total = sum(x.unit_price_fen * x.quantity for x in lines)
    assert 0 <= list_total - pricing.saving_fen <= list_total
    by_key = {x.key: x for x in lines}
    for priced in pricing.lines:
        line = by_key[priced.key]
        assert len(priced.unit_amounts) == line.quantity
        assert all(0 <= amount <= line.unit_price_fen for amount in priced.unit_amounts)
        assert sum(priced.unit_amounts) == line.unit_price_fen * line.quantity - priced.saving_fen
    assert sum(p.saving_fen for p in pricing.lines) == pricing.saving_fen
    assert all(s.amount_fen > 0 for s in pricing.applied)


@PROPERTY_SETTINGS
@given(rule_sets, carts(), prices, st.randoms(use_true_random=False))
def test_scanning_order_never_changes_the_result(
    promotions: tuple[Promotion, ...], cart: list[tuple[int, int]], price: dict[int, int], rng
) -> None:
    book = PromotionBook(promotions)
    shuffled = list(cart)
    rng.shuffle(shuffled)

    def per_sku(order: list[tuple[int, int]]) -> dict[int, tuple[tuple[int, ...], int]]:
        lines = lines_of(order, price)
        pricing = book.price(lines, AT)
        sku_of = {x.key: x.sku_id for x in lines}
        return {sku_of[p.key]: (p.unit_amounts, p.saving_fen) for p in pricing.lines}

    assert per_sku(cart) == per_sku(shuffled)
    assert total(book, lines_of(cart, price)) == total(book, lines_of(shuffled, price))


@PROPERTY_SETTINGS
@given(rule_sets, carts(), prices, st.sampled_from([s[0] for s in SKUS]), st.integers(1, 3))
def test_adding_an_item_never_raises_what_the_rest_costs(
    promotions: tuple[Promotion, ...],
    cart: list[tuple[int, int]],
    price: dict[int, int],
    sku: int,
    qty: int,
) -> None:
    book = PromotionBook(promotions)
    before = total(book, lines_of(cart, price))
    more = dict(cart)
    more[sku] = more.get(sku, 0) + qty
    after = total(book, lines_of(list(more.items()), price))
    assert after <= before + price[sku] * qty


@PROPERTY_SETTINGS
@given(rule_sets, carts(), prices, st.data())
def test_the_choice_is_never_worse_than_a_single_rule_or_any_subset(
    promotions: tuple[Promotion, ...],
    cart: list[tuple[int, int]],
    price: dict[int, int],
    data: st.DataObject,
) -> None:
    lines = lines_of(cart, price)
    best = PromotionBook(promotions).price(lines, AT).saving_fen
    for rule in promotions:
        assert best >= PromotionBook([rule]).price(lines, AT).saving_fen
    subset = (
        data.draw(st.lists(st.sampled_from(promotions), unique_by=lambda r: r.code))
        if (promotions)
        else []
    )
    assert best >= PromotionBook(subset).price(lines, AT).saving_fen


@PROPERTY_SETTINGS
@given(rule_sets, carts(), prices)
def test_pricing_is_deterministic(
    promotions: tuple[Promotion, ...], cart: list[tuple[int, int]], price: dict[int, int]
) -> None:
    lines = lines_of(cart, price)
    assert PromotionBook(promotions).price(lines, AT) == PromotionBook(reversed(promotions)).price(
        lines, AT
    )
