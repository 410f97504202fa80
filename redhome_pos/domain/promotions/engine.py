"""The promotion engine: prices a cart's lines with the rules on now, for this customer.

``PromotionBook`` holds the store's rules, indexed by what they look at (SKU, product, brand,
category, the whole store, bundle SKUs, gift SKUs), so pricing a cart reads only the rules its
goods could meet. ``price`` then

1. keeps the rules on at that moment (schedule in the store's time zone, store, member);
2. drops each rule that saves nothing on the cart by itself (a rule applied after others only
   ever saves less);
3. chooses the combination the rules allow (stacking, exclusivity, groups) that saves the
   customer most: rules of a combination apply in ``priority`` order (then code), each on what
   the earlier ones left; a depth-first search bounded by the rules' savings on their own,
   which visits singletons first, so the choice is never worse than any one allowed rule.
   Up to ``EXACT_RULES`` rules meeting the cart the search weighs every combination. Beyond,
   the rules are parted: rules on the whole store (or on most of the cart) are *wide*; the
   others fall into groups that share no line and no exclusion group, and each such group's
   best combination is found on its own (no choice in one changes what another saves);
   the search then weighs the wide rules over those choices. A big cart with many rules is
   priced in a few milliseconds this way (bench/promotions.py); what it can miss is a local
   saving given up so that a wide 满减 threshold is still reached;
4. places every saving on units, so each line says what it saved and why, in the words of the
   rule's label, and the sale records per unit what was paid (returns refund from that).

Lines are taken in order of SKU code (then line number), never in the order they were scanned,
so scanning order changes nothing. Ties between equally good combinations go to the one found
first in a fixed order of the rules. Pure Python: the database loads the rules, this prices.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import combinations

from redhome_pos.domain.promotions.kinds import Outcome, Pairing, apply_rule
from redhome_pos.domain.promotions.rules import (
    MEMBER_PRICE_CODE,
    MEMBER_PRICE_LABEL,
    Promotion,
    PromotionKind,
    Scope,
    ScopeKind,
    Stacking,
)

SEARCH_BUDGET = 4_000  # rule applications per pricing; beyond it the best found so far stands
MAX_EXCLUSIVE_SETS = 64
EXACT_RULES = 12  # stacking rules weighed in every combination; more are parted (see above)
PART_BUDGET = 64  # rule applications at least for the best combination of one part


@dataclass(frozen=True, slots=True)
class PricingLine:
    """A cart line as the engine sees it (price-overridden and voided lines are left out)."""

    key: int  # the cart's line number
    sku_id: int
    sku_code: str
    unit_price_fen: int
    quantity: int
    product_id: int = 0
    brand: str = ""
    category: str = ""


@dataclass(frozen=True, slots=True)
class Saving:
    """What one promotion took off, in its own words."""

    code: str
    label: str
    amount_fen: int
    promotion_id: int | None = None


@dataclass(frozen=True, slots=True)
class LinePricing:
    key: int
    unit_amounts: tuple[int, ...]  # each unit after promotions, cheapest first
    savings: tuple[Saving, ...]

    @property
    def saving_fen(self) -> int:
        return sum(s.amount_fen for s in self.savings)


@dataclass(frozen=True, slots=True)
class Deal:
    """A 第二件半价 or 买赠 saving ``given`` to units because the ``earners`` were bought:
    (line key, slot) where slot counts the line's units cheapest first."""

    code: str
    earners: tuple[tuple[int, int], ...]
    given: tuple[tuple[int, int, int], ...]  # line key, slot, saving


@dataclass(frozen=True, slots=True)
class Pricing:
    lines: tuple[LinePricing, ...]
    applied: tuple[Saving, ...]  # per promotion, in the order applied
    deals: tuple[Deal, ...] = ()

    @property
    def saving_fen(self) -> int:
        return sum(s.amount_fen for s in self.applied)

    def line(self, key: int) -> LinePricing | None:
        for line in self.lines:
            if line.key == key:
                return line
        return None


NO_PRICING = Pricing((), ())


@dataclass(slots=True)
class _Candidate:
    rule: Promotion
    lines: tuple[int, ...]  # indexes into the engine's line order
    alone_fen: int = 0

    @property
    def order(self) -> tuple[int, str]:
        return (self.rule.priority, self.rule.code)


@dataclass(slots=True)
class _Choice:
    saving_fen: int
    rules: tuple[_Candidate, ...]


class PromotionBook:
    """The store's promotions and member prices, ready to price carts."""

    def __init__(
        self,
        promotions: Iterable[Promotion],
        *,
        member_prices: dict[int, int] | None = None,
        store_code: str = "",
        timezone: str = "Asia/Shanghai",
    ) -> None:
        self.promotions = tuple(sorted(promotions, key=lambda p: (p.priority, p.code)))
        self.member_prices = dict(member_prices or {})
        self.store_code = store_code
        self.timezone = timezone
        self._by_key: dict[tuple[ScopeKind, str], list[Promotion]] = {}
        self._whole_store: list[Promotion] = []
        for rule in self.promotions:
            if rule.ended:
                continue
            keys = self._keys(rule)
            if keys is None:
                self._whole_store.append(rule)
            for key in keys or ():
                self._by_key.setdefault(key, []).append(rule)

    @staticmethod
    def _keys(rule: Promotion) -> list[tuple[ScopeKind, str]] | None:
        """Index keys of a rule; None for a rule that may touch any line."""
        if rule.kind is PromotionKind.BUNDLE:
            return [(ScopeKind.SKU, str(sku)) for sku, _ in rule.bundle]
        if rule.scope.kind is ScopeKind.STORE:
            return None
        keys: list[tuple[ScopeKind, str]] = [(rule.scope.kind, v) for v in rule.scope.values]
        if rule.kind is PromotionKind.BUY_GET and rule.gift_sku_id is not None:
            keys.append((ScopeKind.SKU, str(rule.gift_sku_id)))
        return keys

    def __len__(self) -> int:
        return len(self.promotions)

    # -- pricing ----------------------------------------------------------------------------
    def price(self, lines: Sequence[PricingLine], at: datetime, *, member: bool = False) -> Pricing:
        """The best saving the rules on at ``at`` give these lines (a member or not)."""
        ordered = sorted(
            (line for line in lines if line.quantity > 0), key=lambda x: (x.sku_code, x.key)
        )
        if not ordered:
            return NO_PRICING
        amounts = [[line.unit_price_fen] * line.quantity for line in ordered]
        sku_of = [line.sku_id for line in ordered]
        candidates = []
        for rule, covered in self._rules_for(ordered, at, member):
            candidate = _Candidate(rule, covered)
            candidate.alone_fen = apply_rule(rule, covered, amounts, sku_of).total_fen
            if candidate.alone_fen > 0:
                candidates.append(candidate)
        if not candidates:
            return _result(ordered, amounts, [])
        chosen = _Search(candidates, amounts, sku_of).best()
        return _result(ordered, amounts, chosen.rules, sku_of)

    def _rules_for(
        self, lines: Sequence[PricingLine], at: datetime, member: bool
    ) -> list[tuple[Promotion, tuple[int, ...]]]:
        """The rules on now that meet these lines, each with the lines it touches (found
        through the index: a rule's keys are exactly what it touches)."""
        everything = tuple(range(len(lines)))
        found: dict[str, tuple[Promotion, list[int] | tuple[int, ...]]] = {
            rule.code: (rule, everything) for rule in self._whole_store
        }
        for i, line in enumerate(lines):
            for key in (
                (ScopeKind.SKU, str(line.sku_id)),
                (ScopeKind.PRODUCT, str(line.product_id)),
                (ScopeKind.BRAND, line.brand),
                (ScopeKind.CATEGORY, line.category),
            ):
                for rule in self._by_key.get(key, ()):
                    touched = found.setdefault(rule.code, (rule, []))[1]
                    if isinstance(touched, list) and (not touched or touched[-1] != i):
                        touched.append(i)
        rules = [
            (rule, tuple(touched))
            for rule, touched in found.values()
            if rule.is_active(at, self.timezone, self.store_code, member)
        ]
        if member and self.member_prices:
            prices = tuple(
                (line.sku_id, self.member_prices[line.sku_id])
                for line in lines
                if line.sku_id in self.member_prices
            )
            if prices:
                rule = _member_price_rule(prices)
                rules.append((rule, tuple(i for i, x in enumerate(lines) if _touches(rule, x))))
        return sorted(rules, key=lambda r: (r[0].priority, r[0].code))


def _member_price_rule(prices: tuple[tuple[int, int], ...]) -> Promotion:
    return Promotion(
        code=MEMBER_PRICE_CODE,
        kind=PromotionKind.MEMBER_PRICE,
        name=MEMBER_PRICE_LABEL,
        scope=Scope(ScopeKind.SKU, frozenset(str(sku) for sku, _ in prices)),
        priority=-1,  # a member's own price comes first; promotions work on what it left
        member_only=True,
        member_prices=tuple(sorted(set(prices))),
    )


def _touches(rule: Promotion, line: PricingLine) -> bool:
    if rule.kind is PromotionKind.BUNDLE:
        return any(sku == line.sku_id for sku, _ in rule.bundle)
    if rule.kind is PromotionKind.BUY_GET and line.sku_id == rule.gift_sku_id:
        return True
    return rule.scope.covers(line.sku_id, line.product_id, line.brand, line.category)


class _Search:
    """Finds the allowed combination of candidates that saves most."""

    def __init__(
        self, candidates: list[_Candidate], amounts: list[list[int]], sku_of: list[int]
    ) -> None:
        self.candidates = sorted(candidates, key=lambda c: c.order)
        self.amounts = amounts
        self.sku_of = sku_of
        self.budget = SEARCH_BUDGET
        self.best_choice = _Choice(0, ())

    def _consider(self, saving_fen: int, rules: tuple[_Candidate, ...]) -> None:
        if saving_fen > self.best_choice.saving_fen:
            self.best_choice = _Choice(saving_fen, tuple(sorted(rules, key=lambda c: c.order)))

    def best(self) -> _Choice:
        for candidate in self.candidates:  # every single rule first
            self._consider(candidate.alone_fen, (candidate,))
        stacking = [c for c in self.candidates if c.rule.stacking is Stacking.STACK]
        exclusive = [c for c in self.candidates if c.rule.stacking is Stacking.EXCLUSIVE_ITEMS]
        for chosen in self._exclusive_sets(exclusive):
            taken = {i for c in chosen for i in c.lines}
            groups = {c.rule.group for c in chosen if c.rule.group}
            rest = [
                _Candidate(c.rule, tuple(i for i in c.lines if i not in taken), c.alone_fen)
                for c in stacking
            ]
            rest = [c for c in rest if c.lines]
            base = sum(c.alone_fen for c in chosen)
            self._stack(rest, base, tuple(chosen), groups)
        return self.best_choice

    @staticmethod
    def _exclusive_sets(exclusive: list[_Candidate]) -> list[tuple[_Candidate, ...]]:
        """Sets of goods-exclusive rules that can go together (no shared line, no shared
        group), the empty set first; at most ``MAX_EXCLUSIVE_SETS``."""
        sets: list[tuple[_Candidate, ...]] = [()]
        for size in range(1, len(exclusive) + 1):
            for chosen in combinations(exclusive, size):
                lines = [i for c in chosen for i in c.lines]
                groups = [c.rule.group for c in chosen if c.rule.group]
                if len(set(lines)) == len(lines) and len(set(groups)) == len(groups):
                    sets.append(chosen)
                if len(sets) >= MAX_EXCLUSIVE_SETS:
                    return sets
        return sets

    def _stack(
        self,
        rest: list[_Candidate],
        base_fen: int,
        fixed: tuple[_Candidate, ...],
        groups: set[str],
    ) -> None:
        forced: frozenset[str] = frozenset()
        if len(rest) > EXACT_RULES:
            rest, forced = self._parted(rest, groups)
        bound = [0] * (len(rest) + 1)
        for i in range(len(rest) - 1, -1, -1):
            bound[i] = bound[i + 1] + rest[i].alone_fen

        def visit(i: int, amounts: list[list[int]], saving: int, chosen: tuple[_Candidate, ...],
                  used: frozenset[str]) -> None:  # fmt: skip
            self._consider(base_fen + saving, fixed + chosen)
            if i == len(rest) or self.budget <= 0:
                return
            if base_fen + saving + bound[i] <= self.best_choice.saving_fen:
                return
            candidate = rest[i]
            group = candidate.rule.group
            if not group or group not in used:
                self.budget -= 1
                outcome = apply_rule(candidate.rule, candidate.lines, amounts, self.sku_of)
                if outcome.total_fen > 0:
                    visit(
                        i + 1,
                        _lowered(amounts, outcome),
                        saving + outcome.total_fen,
                        (*chosen, candidate),
                        used | {group} if group else used,
                    )
                    if candidate.rule.code in forced:
                        return
            visit(i + 1, amounts, saving, chosen, used)

        visit(0, self.amounts, 0, (), frozenset(groups))

    def _parted(
        self, rest: list[_Candidate], groups: set[str]
    ) -> tuple[list[_Candidate], frozenset[str]]:
        """Many rules: each part's best combination is chosen on its own; returns those rules
        (to be taken whenever they still save) with the wide rules (to be weighed)."""
        line_count = len(self.amounts)
        rest = [c for c in rest if not c.rule.group or c.rule.group not in groups]
        wide = [
            c
            for c in rest
            if (c.rule.scope.kind is ScopeKind.STORE and c.rule.kind is not PromotionKind.BUNDLE)
            or 2 * len(c.lines) > line_count
        ]
        local = [c for c in rest if c not in wide]
        kept: list[_Candidate] = []
        parts = _parts(local)
        budget = max(PART_BUDGET, self.budget // max(1, len(parts)))
        for part in parts:
            kept += _best_of(part, self.amounts, self.sku_of, budget)
        narrowed = sorted(kept + wide, key=lambda c: c.order)
        return narrowed, frozenset(c.rule.code for c in kept)


def _parts(candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """The candidates in groups that share no line and no exclusion group, in rule order."""
    parent = list(range(len(candidates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[object, int] = {}
    for i, candidate in enumerate(candidates):
        keys: list[object] = list(candidate.lines)
        if candidate.rule.group:
            keys.append(("group", candidate.rule.group))
        for key in keys:
            if key in owner:
                parent[root(i)] = root(owner[key])
            else:
                owner[key] = i
    parts: dict[int, list[_Candidate]] = {}
    for i, candidate in enumerate(candidates):
        parts.setdefault(root(i), []).append(candidate)
    return [sorted(part, key=lambda c: c.order) for part in parts.values()]


def _best_of(
    part: list[_Candidate], amounts: list[list[int]], sku_of: list[int], budget: int
) -> list[_Candidate]:
    """The combination of one part's rules that saves most (a rule alone: itself), weighing
    at most ``budget`` rule applications."""
    if len(part) == 1:
        return part
    best: tuple[int, tuple[_Candidate, ...]] = (0, ())
    bound = [0] * (len(part) + 1)
    for i in range(len(part) - 1, -1, -1):
        bound[i] = bound[i + 1] + part[i].alone_fen

    def visit(i: int, amounts: list[list[int]], saving: int, chosen: tuple[_Candidate, ...],
              used: frozenset[str]) -> None:  # fmt: skip
        nonlocal best, budget
        if saving > best[0]:
            best = (saving, chosen)
        if i == len(part) or budget <= 0 or saving + bound[i] <= best[0]:
            return
        candidate = part[i]
        group = candidate.rule.group
        if not group or group not in used:
            budget -= 1
            outcome = apply_rule(candidate.rule, candidate.lines, amounts, sku_of)
            if outcome.total_fen > 0:
                visit(
                    i + 1,
                    _lowered(amounts, outcome),
                    saving + outcome.total_fen,
                    (*chosen, candidate),
                    used | {group} if group else used,
                )
        visit(i + 1, amounts, saving, chosen, used)

    visit(0, amounts, 0, (), frozenset())
    return list(best[1])


def _lowered(amounts: list[list[int]], outcome: Outcome) -> list[list[int]]:
    new = list(amounts)
    copied: set[int] = set()
    for li, ui, saving in outcome.savings:
        if li not in copied:
            new[li] = list(new[li])
            copied.add(li)
        new[li][ui] -= saving
    return new


def _result(
    lines: Sequence[PricingLine],
    amounts: list[list[int]],
    rules: Sequence[_Candidate],
    sku_of: Sequence[int] = (),
) -> Pricing:
    """Apply the chosen rules in order and say, per line and per promotion, what was saved."""
    per_line: list[dict[str, int]] = [{} for _ in lines]
    applied: list[Saving] = []
    pairings: list[tuple[str, Pairing]] = []
    for candidate in sorted(rules, key=lambda c: c.order):
        rule = candidate.rule
        outcome = apply_rule(rule, candidate.lines, amounts, sku_of)
        if outcome.total_fen <= 0:
            continue
        amounts = _lowered(amounts, outcome)
        for li, _, saving in outcome.savings:
            per_line[li][rule.code] = per_line[li].get(rule.code, 0) + saving
        applied.append(Saving(rule.code, rule.label, outcome.total_fen, rule.id))
        pairings.extend((rule.code, p) for p in outcome.pairings)
    labels = {s.code: s for s in applied}
    slots = [_slots(units) for units in amounts]
    priced = tuple(
        LinePricing(
            key=line.key,
            unit_amounts=tuple(sorted(amounts[li])),
            savings=tuple(
                Saving(code, labels[code].label, fen, labels[code].promotion_id)
                for code, fen in per_line[li].items()
            ),
        )
        for li, line in enumerate(lines)
    )
    deals = tuple(
        Deal(
            code,
            tuple((lines[li].key, slots[li][ui]) for li, ui in p.earners),
            tuple((lines[li].key, slots[li][ui], s) for li, ui, s in p.given),
        )
        for code, p in pairings
    )
    return Pricing(priced, tuple(applied), deals)


def _slots(units: list[int]) -> list[int]:
    """For each unit of a line, its place when the line's units go cheapest first."""
    order = sorted(range(len(units)), key=lambda ui: (units[ui], ui))
    slot = [0] * len(units)
    for place, ui in enumerate(order):
        slot[ui] = place
    return slot
