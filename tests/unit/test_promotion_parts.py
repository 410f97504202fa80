"""The engine with many rules meeting a cart: the rules are parted (see the engine's
docstring). The properties hold as with few rules, and where no wide rule ties the parts
together the parted search finds what weighing every combination finds."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_promotion_properties import AT, PROPERTY_SETTINGS, SKUS, carts, lines_of, prices, rules

from redhome_pos.domain.promotions import (
    PricingLine,
    Promotion,
    PromotionBook,
    PromotionKind,
    Scope,
    ScopeKind,
    engine,
)

many_rules = st.integers(engine.EXACT_RULES + 1, 24).flatmap(
    lambda n: st.tuples(*(rules(f"P{i:02d}") for i in range(n)))
)


@settings(PROPERTY_SETTINGS, max_examples=100)
@given(many_rules, carts(), prices, st.randoms(use_true_random=False))
def test_many_rules_keep_the_properties(
    promotions: tuple[Promotion, ...], cart: list[tuple[int, int]], price: dict[int, int], rng
) -> None:
    lines = lines_of(cart, price)
    book = PromotionBook(promotions)
    pricing = book.price(lines, AT)
    list_total = sum(x.unit_price_fen * x.quantity for x in lines)
    assert 0 <= list_total - pricing.saving_fen <= list_total
    assert sum(p.saving_fen for p in pricing.lines) == pricing.saving_fen
    for rule in promotions:  # never worse than any one rule
        assert pricing.saving_fen >= PromotionBook([rule]).price(lines, AT).saving_fen
    shuffled = list(cart)
    rng.shuffle(shuffled)
    assert book.price(lines_of(shuffled, price), AT).saving_fen == pricing.saving_fen
    assert PromotionBook(reversed(promotions)).price(lines, AT) == pricing


def _local_rules(rng: random.Random, skus: int) -> tuple[list[Promotion], list[PricingLine]]:
    """Rules on one or both SKUs of a pair (several on the same SKUs, exclusion groups within
    the pair), no rule on the whole store: each pair's rules are a part of their own."""
    lines = [
        PricingLine(n, n, f"S{n:03d}", rng.randrange(3_000, 20_000, 100), rng.randint(2, 4), n)
        for n in range(1, skus + 1)
    ]
    shapes = (
        {"kind": PromotionKind.NTH_ITEM, "nth": 2, "pay_bp": 5000},
        {"kind": PromotionKind.SPECIAL_PRICE, "pay_bp": 8000},
        {"kind": PromotionKind.BUY_GET, "buy_qty": 2, "get_qty": 1},
        {"kind": PromotionKind.THRESHOLD_OFF, "threshold_fen": 5_000, "off_fen": 800},
        {"kind": PromotionKind.THRESHOLD_PERCENT, "min_qty": 2, "pay_bp": 9000},
    )
    found = []
    for n in range(3 * skus):
        pair = rng.randrange(0, skus // 2)
        named = rng.sample((2 * pair + 1, 2 * pair + 2), rng.choice((1, 1, 2)))
        found.append(
            Promotion(
                f"L{n:03d}",
                scope=Scope(ScopeKind.SKU, frozenset(str(i) for i in named)),
                priority=rng.randint(0, 3),
                group=rng.choice(("", "", "", f"g{pair}")),
                **shapes[n % len(shapes)],
            )
        )
    return found, lines


@pytest.mark.parametrize("seed", range(6))
def test_parts_without_a_wide_rule_find_the_best_combination(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(seed)
    promotions, lines = _local_rules(rng, 8)
    parted = PromotionBook(promotions).price(lines, AT)
    exact_rules = engine.EXACT_RULES
    monkeypatch.setattr(engine, "EXACT_RULES", 1_000)
    monkeypatch.setattr(engine, "SEARCH_BUDGET", 10_000_000)
    every = PromotionBook(promotions).price(lines, AT)
    assert parted.saving_fen == every.saving_fen > 0
    saving_alone = [PromotionBook([r]).price(lines, AT).saving_fen > 0 for r in promotions]
    assert sum(saving_alone) > exact_rules  # too many to weigh together: the search parted


def test_a_wide_threshold_is_weighed_over_the_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(99)
    promotions, lines = _local_rules(rng, 8)
    wide = [
        Promotion(f"W{n}", PromotionKind.THRESHOLD_OFF, threshold_fen=t, off_fen=o, group="满减")
        for n, (t, o) in enumerate(((20_000, 2_000), (50_000, 6_000), (100_000, 15_000)))
    ]
    parted = PromotionBook(promotions + wide).price(lines, AT)
    local = PromotionBook(promotions).price(lines, AT)
    assert parted.saving_fen > local.saving_fen  # a 满减 tier is taken on top
    assert sum(1 for s in parted.applied if s.code.startswith("W")) == 1
    assert len(SKUS) == 6  # the property strategies' catalog, shared with this file
