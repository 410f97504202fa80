"""What one rule takes off the units it may touch, kind by kind.

The engine holds the cart as units: ``amounts[line][unit]`` is what each unit costs after the
rules applied before. A rule reads the amounts of its lines and says which units it lowers and
by how much (``UnitSaving``); pair rules (第二件半价, 买赠) also say which units earned each
discounted one (``Pairing``), for returns.

Each kind gives the customer the most its wording allows: 第二件半价 pairs the units from the
dearest down, so the discounted unit of every pair is as dear as it can be; 买赠 frees the
cheapest unit of each group taken from the dearest down; a bundle takes its dearest units.
A saving never grows when an amount shrinks, which bounds the engine's search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redhome_pos.domain.money import allocate, percent_of
from redhome_pos.domain.promotions.rules import Promotion, PromotionKind

Unit = tuple[int, int, int]  # amount, line index, unit index
UnitSaving = tuple[int, int, int]  # line index, unit index, saving in fen


@dataclass(frozen=True, slots=True)
class Pairing:
    """Units ``given`` a saving because the ``earners`` were bought with them."""

    earners: tuple[tuple[int, int], ...]  # (line index, unit index)
    given: tuple[UnitSaving, ...]


@dataclass(frozen=True, slots=True)
class Outcome:
    savings: list[UnitSaving]
    pairings: list[Pairing]

    @property
    def total_fen(self) -> int:
        return sum(s for _, _, s in self.savings)


NOTHING = Outcome([], [])


def units_of(amounts: Sequence[Sequence[int]], lines: Sequence[int]) -> list[Unit]:
    return [(amount, li, ui) for li in lines for ui, amount in enumerate(amounts[li])]


def dearest_first(units: list[Unit]) -> list[Unit]:
    # Ties go by line (lines are in a fixed order of SKU code, not of scanning) and unit.
    return sorted(units, key=lambda u: (-u[0], u[1], u[2]))


def _spread(saving_fen: int, units: Sequence[Unit]) -> list[UnitSaving]:
    """A saving shared over units in proportion to what each costs (no fen lost)."""
    if saving_fen <= 0 or not units:
        return []
    parts = allocate(saving_fen, [u[0] for u in units])
    return [(li, ui, part) for (_, li, ui), part in zip(units, parts, strict=True) if part]


def _threshold_off(rule: Promotion, units: list[Unit]) -> Outcome:
    spent = sum(u[0] for u in units)
    if spent < rule.threshold_fen:
        return NOTHING
    times = spent // rule.threshold_fen if rule.repeat else 1
    return Outcome(_spread(min(times * rule.off_fen, spent), units), [])


def _threshold_percent(rule: Promotion, units: list[Unit]) -> Outcome:
    spent = sum(u[0] for u in units)
    if rule.min_qty > 0 and len(units) < rule.min_qty:
        return NOTHING
    if rule.min_qty <= 0 and spent < rule.threshold_fen:
        return NOTHING
    return Outcome(_spread(spent - percent_of(spent, rule.pay_bp), units), [])


def _nth_item(rule: Promotion, units: list[Unit]) -> Outcome:
    ordered = dearest_first(units)
    savings: list[UnitSaving] = []
    pairings: list[Pairing] = []
    n = rule.nth
    for end in range(n - 1, len(ordered), n):
        amount, li, ui = ordered[end]
        off = amount - percent_of(amount, rule.pay_bp)
        if off <= 0:
            continue
        savings.append((li, ui, off))
        earners = tuple((e[1], e[2]) for e in ordered[end - n + 1 : end])
        pairings.append(Pairing(earners, ((li, ui, off),)))
    return Outcome(savings, pairings)


def _free(given: Sequence[Unit], earners: Sequence[Unit]) -> Pairing | None:
    free = tuple((li, ui, amount) for amount, li, ui in given if amount > 0)
    return Pairing(tuple((e[1], e[2]) for e in earners), free) if free else None


def _buy_get_cheapest(rule: Promotion, units: list[Unit]) -> Outcome:
    ordered = dearest_first(units)
    size = rule.buy_qty + rule.get_qty
    pairings = []
    for start in range(0, len(ordered) - size + 1, size):
        group = ordered[start : start + size]
        pairing = _free(group[rule.buy_qty :], group[: rule.buy_qty])
        if pairing is not None:
            pairings.append(pairing)
    return Outcome([g for p in pairings for g in p.given], pairings)


def _buy_get_gift(rule: Promotion, bought: list[Unit], gifts: list[Unit]) -> Outcome:
    bought = dearest_first(bought)
    gifts = dearest_first(gifts)
    times = len(bought) // rule.buy_qty
    pairings = []
    for n in range(min(times, len(gifts) // rule.get_qty)):
        pairing = _free(
            gifts[n * rule.get_qty : (n + 1) * rule.get_qty],
            bought[n * rule.buy_qty : (n + 1) * rule.buy_qty],
        )
        if pairing is not None:
            pairings.append(pairing)
    return Outcome([g for p in pairings for g in p.given], pairings)


def _bundle(rule: Promotion, units_by_sku: dict[int, list[Unit]]) -> Outcome:
    price = rule.price_fen or 0
    ordered = {sku: dearest_first(units_by_sku.get(sku, [])) for sku, _ in rule.bundle}
    sets = min(len(ordered[sku]) // qty for sku, qty in rule.bundle)
    savings: list[UnitSaving] = []
    for n in range(sets):
        members = [u for sku, qty in rule.bundle for u in ordered[sku][n * qty : (n + 1) * qty]]
        worth = sum(u[0] for u in members)
        if worth <= price:
            break  # later sets hold cheaper units: none of them saves either
        savings.extend(_spread(worth - price, members))
    return Outcome(savings, [])


def _unit_price(
    units: list[Unit], price_of: dict[int, int] | None, rule: Promotion, sku_of: Sequence[int]
) -> Outcome:
    savings = []
    for amount, li, ui in units:
        if price_of is not None:
            new = price_of.get(sku_of[li], amount)
        elif rule.price_fen is not None:
            new = rule.price_fen
        else:
            new = percent_of(amount, rule.pay_bp)
        if new < amount:
            savings.append((li, ui, amount - new))
    return Outcome(savings, [])


def saving_of(
    rule: Promotion,
    lines: Sequence[int],
    amounts: Sequence[Sequence[int]],
    sku_of: Sequence[int],
) -> int:
    """What ``apply_rule`` would take off in all, worked out without placing it on units for
    the threshold kinds (the engine's bound reads it often on wide rules)."""
    kind = rule.kind
    if kind is PromotionKind.THRESHOLD_OFF or kind is PromotionKind.THRESHOLD_PERCENT:
        spent = sum(map(sum, map(amounts.__getitem__, lines)))
        if kind is PromotionKind.THRESHOLD_OFF:
            if spent < rule.threshold_fen:
                return 0
            times = spent // rule.threshold_fen if rule.repeat else 1
            return min(times * rule.off_fen, spent)
        if rule.min_qty > 0 and sum(map(len, map(amounts.__getitem__, lines))) < rule.min_qty:
            return 0
        if rule.min_qty <= 0 and spent < rule.threshold_fen:
            return 0
        return max(0, spent - percent_of(spent, rule.pay_bp))
    return apply_rule(rule, lines, amounts, sku_of).total_fen


def apply_rule(
    rule: Promotion,
    lines: Sequence[int],
    amounts: Sequence[Sequence[int]],
    sku_of: Sequence[int],
) -> Outcome:
    """What ``rule`` takes off, on ``lines`` (indexes into ``amounts``), given the amounts
    now. ``sku_of`` is each line's SKU id (gifts, bundles and member prices go by SKU)."""
    kind = rule.kind
    if kind is PromotionKind.BUNDLE:
        by_sku: dict[int, list[Unit]] = {}
        for li in lines:
            by_sku.setdefault(sku_of[li], []).extend(units_of(amounts, (li,)))
        return _bundle(rule, by_sku)
    if kind is PromotionKind.BUY_GET and rule.gift_sku_id is not None:
        gift_lines = [li for li in lines if sku_of[li] == rule.gift_sku_id]
        bought_lines = [li for li in lines if sku_of[li] != rule.gift_sku_id]
        return _buy_get_gift(rule, units_of(amounts, bought_lines), units_of(amounts, gift_lines))
    units = units_of(amounts, lines)
    if kind is PromotionKind.THRESHOLD_OFF:
        return _threshold_off(rule, units)
    if kind is PromotionKind.THRESHOLD_PERCENT:
        return _threshold_percent(rule, units)
    if kind is PromotionKind.NTH_ITEM:
        return _nth_item(rule, units)
    if kind is PromotionKind.BUY_GET:
        return _buy_get_cheapest(rule, units)
    if kind is PromotionKind.MEMBER_PRICE:
        return _unit_price(units, dict(rule.member_prices), rule, sku_of)
    return _unit_price(units, None, rule, sku_of)
