"""The engine with many rules meeting a cart: the search splits them into parts that share no
line and no exclusion group once no rule ties them together (see the engine's docstring). The
properties hold as with few rules, and the search finds what weighing every allowed
combination finds (``exhaustive``, written here apart from the engine), with rules on the
whole store among them too."""

from __future__ import annotations

import itertools
import random
from unittest import mock

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
    Stacking,
    engine,
)
from redhome_pos.domain.promotions.kinds import apply_rule

many_rules = st.integers(13, 24).flatmap(
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


def touched_by(rule: Promotion, ordered: list[PricingLine]) -> tuple[int, ...]:
    """The lines (indexes into ``ordered``) a rule may lower."""
    if rule.kind is PromotionKind.BUNDLE:
        return tuple(i for i, x in enumerate(ordered) if x.sku_id in {s for s, _ in rule.bundle})
    return tuple(
        i
        for i, x in enumerate(ordered)
        if rule.scope.covers(x.sku_id, x.product_id, x.brand, x.category)
        or (rule.kind is PromotionKind.BUY_GET and x.sku_id == rule.gift_sku_id)
    )


def exhaustive(promotions: list[Promotion], lines: list[PricingLine]) -> int:
    """The most any allowed combination saves, every combination weighed: a rule excluding
    the sale alone; else goods-exclusive rules on lines apart (each saving what it saves
    alone) with any stacking rules on the other lines, applied in priority order on what the
    earlier ones left; one rule of an exclusion group at most."""
    ordered = sorted(lines, key=lambda x: (x.sku_code, x.key))
    amounts = [[x.unit_price_fen] * x.quantity for x in ordered]
    sku_of = [x.sku_id for x in ordered]
    on = [
        (rule, touched_by(rule, ordered))
        for rule in sorted(promotions, key=lambda r: (r.priority, r.code))
        if rule.is_active(AT, "Asia/Shanghai", "", False)
    ]

    def alone(rule: Promotion, touched: tuple[int, ...]) -> int:
        return apply_rule(rule, touched, amounts, sku_of).total_fen

    best = max([alone(r, t) for r, t in on], default=0)
    exclusive = [(r, t) for r, t in on if r.stacking is Stacking.EXCLUSIVE_ITEMS]
    stacking = [(r, t) for r, t in on if r.stacking is Stacking.STACK]
    for size in range(len(exclusive) + 1):
        for chosen in itertools.combinations(exclusive, size):
            taken = [i for _, t in chosen for i in t]
            groups = [r.group for r, _ in chosen if r.group]
            if len(set(taken)) < len(taken) or len(set(groups)) < len(groups):
                continue
            base = sum(alone(r, t) for r, t in chosen)
            rest = [(r, tuple(i for i in t if i not in taken)) for r, t in stacking]

            best = max(best, base + _every(rest, sku_of, 0, amounts, 0, frozenset(groups)))
    return best


def _every(
    rest: list[tuple[Promotion, tuple[int, ...]]],
    sku_of: list[int],
    k: int,
    now: list[list[int]],
    saved: int,
    used: frozenset[str],
) -> int:
    """The most the stacking rules from the ``k``-th on save, taking or leaving each."""
    if k == len(rest):
        return saved
    rule, touched = rest[k]
    found = _every(rest, sku_of, k + 1, now, saved, used)
    if touched and not (rule.group and rule.group in used):
        outcome = apply_rule(rule, touched, now, sku_of)
        lowered = [list(units) for units in now]
        for li, ui, saving in outcome.savings:
            lowered[li][ui] -= saving
        taken = used | {rule.group} if rule.group else used
        found = max(found, _every(rest, sku_of, k + 1, lowered, saved + outcome.total_fen, taken))
    return found


@pytest.mark.parametrize("seed", range(6))
def test_parts_without_a_wide_rule_find_the_best_combination(seed: int) -> None:
    rng = random.Random(seed)
    promotions, lines = _local_rules(rng, 6)
    promotions = promotions[:16]
    found = PromotionBook(promotions).price(lines, AT)
    assert found.saving_fen == exhaustive(promotions, lines) > 0


store_wide = st.lists(
    st.tuples(
        st.integers(5_000, 60_000), st.integers(100, 9_000), st.booleans(), st.integers(0, 3)
    ),
    min_size=1,
    max_size=3,
)


def _store_wide(tiers: list[tuple[int, int, bool, int]], group: str, percent: bool) -> list:
    """满减 tiers, or 满X打折 tiers (the same figures read as a threshold and a share kept)."""
    if percent:
        return [
            Promotion(
                f"W{n}",
                PromotionKind.THRESHOLD_PERCENT,
                threshold_fen=threshold,
                pay_bp=10_000 - off,
                priority=priority,
                group=group,
            )
            for n, (threshold, off, _repeat, priority) in enumerate(tiers)
        ]
    return [
        Promotion(
            f"W{n}",
            PromotionKind.THRESHOLD_OFF,
            threshold_fen=threshold,
            off_fen=min(off, threshold),
            repeat=repeat,
            priority=priority,
            group=group,
        )
        for n, (threshold, off, repeat, priority) in enumerate(tiers)
    ]


@settings(PROPERTY_SETTINGS, max_examples=60)
@given(st.integers(0, 2**32 - 1), store_wide, st.sampled_from(["满减", ""]), st.booleans())
def test_the_best_combination_with_rules_on_the_whole_store(
    seed: int, tiers: list[tuple[int, int, bool, int]], group: str, percent: bool
) -> None:
    """Store-wide tiers (满减, or a share off above a threshold) over many rules on a few SKUs
    each: giving up a small saving on a line can keep a tier, and a tier taken lowers every
    line the later rules work on; the engine finds exactly what weighing every combination
    finds."""
    rng = random.Random(seed)
    local, lines = _local_rules(rng, 6)
    promotions = local[: 14 - len(tiers)] + _store_wide(tiers, group, percent)
    assert PromotionBook(promotions).price(lines, AT).saving_fen == exhaustive(promotions, lines)


@settings(PROPERTY_SETTINGS, max_examples=60)
@given(
    st.integers(3, 11).flatmap(lambda n: st.tuples(*(rules(f"Q{i:02d}") for i in range(n)))),
    carts(),
    prices,
)
def test_any_rules_find_the_best_combination(
    promotions: tuple[Promotion, ...], cart: list[tuple[int, int]], price: dict[int, int]
) -> None:
    lines = lines_of(cart, price)
    found = PromotionBook(promotions).price(lines, AT).saving_fen
    assert found == exhaustive(list(promotions), lines)


def test_a_wide_threshold_is_weighed_over_the_parts() -> None:
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


def _units(cart: list[tuple[int, int]], price: dict[int, int]) -> tuple[list, list[list[int]]]:
    ordered = sorted(lines_of(cart, price), key=lambda x: (x.sku_code, x.key))
    return ordered, [[x.unit_price_fen] * x.quantity for x in ordered]


@settings(PROPERTY_SETTINGS, max_examples=500)
@given(rules("R"), carts(), prices, st.randoms(use_true_random=False))
def test_a_saving_never_grows_when_an_amount_shrinks(
    rule: Promotion, cart: list[tuple[int, int]], price: dict[int, int], rng
) -> None:
    """What the search's bound stands on: a rule applied after others (amounts lowered) never
    saves more than it saves alone."""
    ordered, amounts = _units(cart, price)
    touched, sku_of = touched_by(rule, ordered), [x.sku_id for x in ordered]
    lowered = [[rng.randint(0, amount) for amount in units] for units in amounts]
    before = apply_rule(rule, touched, amounts, sku_of).total_fen
    assert apply_rule(rule, touched, lowered, sku_of).total_fen <= before


@settings(PROPERTY_SETTINGS, max_examples=500)
@given(rules("R"), carts(), prices, st.integers(0, 10_000), st.randoms(use_true_random=False))
def test_a_saving_shrinks_with_the_share_a_spread_takes(
    rule: Promotion, cart: list[tuple[int, int]], price: dict[int, int], share_bp: int, rng
) -> None:
    """A store-wide 满减 or 满X打折 spreads saving s over every unit in proportion to its cost
    (A in all): any rule but a 满减 then saves at most (1 - s/A) of what it saved before, give
    or take two fen a unit, whatever else lowered the units too (the search's spread bound)."""
    ordered, amounts = _units(cart, price)
    touched, sku_of = touched_by(rule, ordered), [x.sku_id for x in ordered]
    spent = sum(map(sum, amounts))
    if not touched or not spent or rule.kind is PromotionKind.THRESHOLD_OFF:
        return
    store_wide = Promotion(
        "W",
        PromotionKind.THRESHOLD_OFF,
        threshold_fen=1,
        off_fen=max(1, spent * share_bp // 10_000),
        repeat=False,
    )
    everything = tuple(range(len(ordered)))
    spread = apply_rule(store_wide, everything, amounts, sku_of)
    lowered = [list(units) for units in amounts]
    for li, ui, saving in spread.savings:
        lowered[li][ui] -= saving
    more = [
        [rng.randint(0, amount) if rng.random() < 0.2 else amount for amount in units]
        for units in lowered
    ]
    before = apply_rule(rule, touched, amounts, sku_of).total_fen
    after = apply_rule(rule, touched, more, sku_of).total_fen
    units = sum(len(amounts[i]) for i in touched)
    kept = 1 - spread.total_fen / spent
    assert after <= before * kept + 2 * units + 2


def _checking_kept_outcomes(kept: list[int]) -> object:
    """``engine._result`` that also applies every chosen rule again, in order, and checks the
    pricing is the same as with the outcomes the search kept (counted in ``kept``)."""
    real = engine._result

    def both(lines, amounts, rules, sku_of=()):  # type: ignore[no-untyped-def]
        kept.append(sum(outcome is not None for _, outcome in rules))
        found = real(lines, amounts, rules, sku_of)
        assert found == real(lines, amounts, [(c, None) for c, _ in rules], sku_of)
        return found

    return mock.patch.object(engine, "_result", both)


@settings(PROPERTY_SETTINGS, max_examples=150)
@given(many_rules, carts(), prices)
def test_the_outcomes_the_search_keeps_are_what_applying_again_gives(
    promotions: tuple[Promotion, ...], cart: list[tuple[int, int]], price: dict[int, int]
) -> None:
    with _checking_kept_outcomes([]):
        PromotionBook(promotions).price(lines_of(cart, price), AT)


@pytest.mark.parametrize("seed", range(12))
def test_kept_outcomes_with_store_wide_tiers(seed: int) -> None:
    rng = random.Random(seed)
    local, lines = _local_rules(rng, 6)
    tiers = [(rng.randint(5_000, 60_000), rng.randint(100, 9_000), True, rng.randint(0, 3))]
    promotions = local[:13] + _store_wide(tiers, "满减", percent=bool(seed % 2))
    kept: list[int] = []
    with _checking_kept_outcomes(kept):
        PromotionBook(promotions).price(lines, AT)
    assert kept and kept[0] > 0  # the search's own outcomes were used
