"""The promotion engine: prices a cart's lines with the rules on now, for this customer.

``PromotionBook`` holds the store's rules, indexed by what they look at (SKU, product, brand,
category, the whole store, bundle SKUs, gift SKUs), so pricing a cart reads only the rules its
goods could meet. ``price`` then

1. keeps the rules on at that moment (schedule in the store's time zone, store, member);
2. drops each rule that saves nothing on the cart by itself (a rule applied after others only
   ever saves less);
3. chooses the combination the rules allow (stacking, exclusivity, groups) that saves the
   customer most, exactly: rules of a combination apply in ``priority`` order (then code),
   each on what the earlier ones left. The search is a branch and bound over the rules in
   that order (take the rule, or leave it), whose bound is proven: a rule never saves more
   than it saves alone on what is left at that point (amounts only go down, and no kind saves
   more on less), and of an exclusion group one rule at most; a rule that spreads its saving
   over every line in play (a store-wide 满减) leaves every later rule but a 满减 its share
   less to save, and the bound counts that too (``_spread_bound``). Whenever the rules still open
   fall into parts that share no line and no exclusion group (a store-wide 满减 ties every
   line together until it is taken or left), each part's best is found on its own and they
   add up; nothing is decided part by part while a rule on the whole store can still
   change what a line's saving is worth. Singletons are weighed first, so the choice is
   never worse than any one allowed rule. A 30-line cart with 500 rules is priced in a few
   milliseconds (bench/promotions.py). ``SEARCH_BUDGET`` only stops a pathological rule
   book (it counts rule applications; the best found so far then stands);
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
from operator import attrgetter

from redhome_pos.domain.promotions.kinds import Outcome, Pairing, apply_rule, saving_of
from redhome_pos.domain.promotions.rules import (
    MEMBER_PRICE_CODE,
    MEMBER_PRICE_LABEL,
    Promotion,
    PromotionKind,
    Scope,
    ScopeKind,
    Stacking,
)

SEARCH_BUDGET = 200_000  # rule applications per pricing; beyond it the best found so far stands
MAX_EXCLUSIVE_SETS = 64


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
    mask: int  # the lines as bits (``_mask``)
    alone_fen: int = 0  # what it saves alone from the amounts now (at most, when not fresh)
    fresh: bool = True  # False: a rule applied since lowered its lines; worked out when needed
    rank: int = 0  # its place in the order rules apply in (priority, then code)


def _mask(lines: Iterable[int]) -> int:
    return sum(1 << i for i in set(lines))


_in_order = attrgetter("rank")

# A rule of a combination, with what it took off when the search applied it (None when the
# search only weighed it: ``_result`` applies it then).
_Taken = tuple[_Candidate, Outcome | None]


def _taken_in_order(taken: _Taken) -> int:
    return taken[0].rank


@dataclass(slots=True)
class _Choice:
    saving_fen: int
    rules: tuple[_Taken, ...]


class PromotionBook:
    """The store's promotions and member prices, ready to price carts."""

    def __init__(
        self,
        promotions: Iterable[Promotion],
        *,
        member_prices: dict[int, int] | None = None,
        store_code: str = "",
        timezone: str = "Asia/Shanghai",
        version: int = 0,
    ) -> None:
        self.promotions = tuple(sorted(promotions, key=lambda p: (p.priority, p.code)))
        self.version = version  # the stored rules' stamp this book was read at
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
        for rank, (rule, covered) in enumerate(self._rules_for(ordered, at, member)):
            candidate = _Candidate(rule, covered, _mask(covered), rank=rank)
            candidate.alone_fen = saving_of(rule, covered, amounts, sku_of)
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
    """Finds the allowed combination of candidates that saves most: exactly, by branch and
    bound (see the module's docstring)."""

    def __init__(
        self, candidates: list[_Candidate], amounts: list[list[int]], sku_of: list[int]
    ) -> None:
        self.candidates = sorted(candidates, key=_in_order)
        self.amounts = amounts
        self.sku_of = sku_of
        self.budget = SEARCH_BUDGET
        self.best_choice = _Choice(0, ())
        # What a rule may save beyond its share, in fen: rounding, two a unit (_spread_bound).
        self.slack = {c.rank: 2 * sum(len(amounts[i]) for i in c.lines) + 2 for c in candidates}
        every_line = _mask(range(len(amounts)))
        # Rules that may spread a saving over every line in play (_spread_bound).
        self.wide = frozenset(
            c.rank for c in candidates if c.rule.kind in _SPREAD and c.mask == every_line
        )

    def _consider(self, saving_fen: int, rules: tuple[_Taken, ...]) -> None:
        if saving_fen > self.best_choice.saving_fen:
            self.best_choice = _Choice(saving_fen, tuple(sorted(rules, key=_taken_in_order)))

    def best(self) -> _Choice:
        for candidate in self.candidates:  # every single rule first
            self._consider(candidate.alone_fen, ((candidate, None),))
        stacking = [c for c in self.candidates if c.rule.stacking is Stacking.STACK]
        exclusive = [c for c in self.candidates if c.rule.stacking is Stacking.EXCLUSIVE_ITEMS]
        self._greedy(stacking)
        spent = sum(map(sum, self.amounts))  # the cart's cost now; a rule taken lowers it
        for chosen in self._exclusive_sets(exclusive):
            taken = {i for c in chosen for i in c.lines}
            groups = {c.rule.group for c in chosen if c.rule.group}
            rest = [
                c if not taken.intersection(c.lines) else self._narrowed(c, taken)
                for c in stacking
                if not c.rule.group or c.rule.group not in groups
            ]
            rest = [c for c in rest if c.lines and c.alone_fen > 0]
            base = sum(c.alone_fen for c in chosen)
            found = self._solve(rest, self.amounts, self.best_choice.saving_fen - base, spent)
            if found is not None:
                self._consider(base + found[0], tuple((c, None) for c in chosen) + found[1])
        return self.best_choice

    def _greedy(self, stacking: list[_Candidate]) -> None:
        """A first combination to beat, found cheaply: every stacking rule in order that
        still saves, of each exclusion group the one saving most alone (it only makes the
        search's floor higher sooner; the search itself stays exact)."""
        best_of_group: dict[str, _Candidate] = {}
        for c in stacking:
            held = best_of_group.get(c.rule.group)
            if c.rule.group and (held is None or c.alone_fen > held.alone_fen):
                best_of_group[c.rule.group] = c
        amounts, saving, chosen = self.amounts, 0, list[_Taken]()
        for c in stacking:
            if c.rule.group and best_of_group[c.rule.group] is not c:
                continue
            self.budget -= 1
            outcome = apply_rule(c.rule, c.lines, amounts, self.sku_of)
            if outcome.total_fen > 0:
                amounts = _lowered(amounts, outcome)
                saving += outcome.total_fen
                chosen.append((c, outcome))
        self._consider(saving, tuple(chosen))

    def _narrowed(self, candidate: _Candidate, taken: set[int]) -> _Candidate:
        """A rule on the lines a goods-exclusive rule left it, with what it saves there."""
        lines = tuple(i for i in candidate.lines if i not in taken)
        saving = saving_of(candidate.rule, lines, self.amounts, self.sku_of) if lines else 0
        return _Candidate(candidate.rule, lines, _mask(lines), saving, rank=candidate.rank)

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

    def _solve(
        self, rules: list[_Candidate], amounts: list[list[int]], need: int, spent: int
    ) -> _Found | None:
        """The combination of ``rules`` (in rule order, each one's ``alone_fen`` at least what
        it can save from ``amounts`` on) that saves most, if it saves more than ``need``;
        None when none does (``spent``: what the cart costs at ``amounts``). Exact: a branch
        is cut only when the bound proves it cannot beat ``need`` or what was found already."""
        freshened = self._freshen(rules, amounts, need, spent)
        if freshened is None:
            return None
        rules, bound = freshened
        if len(rules) <= 1:  # a fresh rule's ``alone_fen`` is exactly what it saves from here
            if rules and rules[0].alone_fen > max(need, 0):
                return rules[0].alone_fen, ((rules[0], None),)
            return (0, ()) if need < 0 else None
        parts = _parts(rules)
        if len(parts) > 1:  # no shared line, no shared group: the best of each adds up
            bounds = [_bound(part) for part in parts]
            left = sum(bounds)
            total, chosen = 0, tuple[_Taken, ...]()
            for part, bound in zip(parts, bounds, strict=True):
                left -= bound
                found = self._solve(part, amounts, need - total - left, spent)
                if found is None:
                    return None
                total, chosen = total + found[0], chosen + found[1]
            return total, chosen
        result: _Found | None = (0, ()) if need < 0 else None
        floor = max(need, 0)
        first, rest = rules[0], rules[1:]
        group = first.rule.group
        # Taking ``first`` saves exactly its (fresh) ``alone_fen``, and the rest at most their
        # figures now: a branch that cannot beat the floor is left before applying anything.
        if group:
            bound = first.alone_fen + _bound([c for c in rest if c.rule.group != group])
        if self.budget > 0 and bound > floor:
            self.budget -= 1
            outcome = apply_rule(first.rule, first.lines, amounts, self.sku_of)
            saving = outcome.total_fen
            if saving > 0:
                lowered = _lowered(amounts, outcome)
                after = self._rebound(rest, first.rule.group, outcome, lowered)
                found = self._solve(after, lowered, floor - saving, spent - saving)
                if found is not None:
                    result = (saving + found[0], ((first, outcome), *found[1]))
                    floor = result[0]
        found = self._solve(rest, amounts, floor, spent)
        return found if found is not None else result

    def _rebound(
        self, rules: list[_Candidate], group: str, outcome: Outcome, lowered: list[list[int]]
    ) -> list[_Candidate]:
        """The rules still allowed after one in ``group`` applied; those whose lines it
        lowered are marked to be worked out again (``_freshen``)."""
        touched = 0
        for li in {li for li, _, _ in outcome.savings}:
            touched |= 1 << li
        kept = []
        for c in rules:
            if group and c.rule.group == group:
                continue
            if c.mask & touched and c.fresh:
                c = _Candidate(c.rule, c.lines, c.mask, c.alone_fen, False, c.rank)
            kept.append(c)
        return kept

    def _freshen(
        self, rules: list[_Candidate], amounts: list[list[int]], need: int, spent: int
    ) -> tuple[list[_Candidate], int] | None:
        """``rules`` each with what it saves from ``amounts`` (rules that save nothing left
        out) and their bound, or None as soon as the bound shows they cannot save more than
        ``need``: the rules whose lines were lowered are worked out again dearest first (a
        rule's old figure stays a bound, since amounts only go down)."""
        bound = _bound(rules)
        if bound <= need and need >= 0:
            return None
        stale = sorted(
            (i for i, c in enumerate(rules) if not c.fresh), key=lambda i: -rules[i].alone_fen
        )
        if not stale:
            return self._spread_bound(rules, bound, need, spent)
        current = list(rules)
        for i in stale:
            c = current[i]
            self.budget -= 1
            saving = saving_of(c.rule, c.lines, amounts, self.sku_of)
            current[i] = _Candidate(c.rule, c.lines, c.mask, saving, True, c.rank)
            # A rule in no group counts in full; one in a group only as its group's most.
            bound = _bound(current) if c.rule.group else bound - (c.alone_fen - saving)
            if need >= 0 and bound <= need:
                return None
        return self._spread_bound([c for c in current if c.alone_fen > 0], bound, need, spent)

    def _spread_bound(
        self, rules: list[_Candidate], bound: int, need: int, spent: int
    ) -> tuple[list[_Candidate], int] | None:
        """``rules`` and ``bound``, the bound made lower when rules among them spread a saving
        over every line in play (a store-wide 满减 or 满X打折); None when that shows they cannot
        save more than ``need``.

        Such a rule takes from every unit of its lines its share ρ = s/A of what they cost (s
        its saving, A their cost when it applies; each unit loses its share rounded down at
        least). A rule of any other kind but a 满减 then saves at most (1 − ρ) of its figure, give
        or take two fen a unit: a percentage, a special price, a free unit and a bundle's excess
        all shrink with what the units cost (a 满减's tier does not, nor is a rule in an
        exclusion group scaled here). The combinations are told apart by the first spreading
        rule they take: none (the rest's figures bound them), or ``t``: with F the figures of
        the later rules that scale, t and they save at most s + (1 − s/A)·F + slack, and since
        s is at most t's figure and A at most ``spent``, what the cart costs now, at most
        F + slack + figure·(1 − F/A)."""
        if need < 0 or len(rules) < 2:
            return rules, bound
        every = 0
        for c in rules:
            every |= c.mask
        wide, slack_of = self.wide, self.slack
        # One pass in rule order over the figures: of the rules in no group, all of them and
        # those of kinds that scale (with their slack), summed so far; of each group, its most
        # and its most but for spreading rules; and where each spreading rule stands.
        total = scaling = slack = spread_alone = 0
        group_most: dict[str, int] = {}
        group_plain: dict[str, int] = {}
        spreaders: list[tuple[_Candidate, int, int]] = []
        for c in rules:
            rule, figure = c.rule, c.alone_fen
            spreading = c.rank in wide and c.mask == every
            group = rule.group
            if group:
                if figure > group_most.get(group, 0):
                    group_most[group] = figure
                if not spreading and figure > group_plain.get(group, 0):
                    group_plain[group] = figure
            else:
                total += figure
                if spreading:
                    spread_alone += figure
                if rule.kind is not PromotionKind.THRESHOLD_OFF:
                    scaling += figure
                    slack += slack_of[c.rank]
            if spreading:
                spreaders.append((c, scaling, slack))
        if not spreaders:
            return rules, bound
        in_groups = sum(group_most.values())
        # No spreading rule taken: the others' figures.
        best = total - spread_alone + sum(group_plain.get(g, 0) for g in group_most)
        if best >= bound:
            return rules, bound
        for t, scaling_to_t, slack_to_t in spreaders:
            group = t.rule.group
            later = scaling - scaling_to_t  # F: the figures after t that scale
            kept = 1 - later / spent if later < spent else 0.0
            value = (
                (in_groups - group_most[group] if group else in_groups - t.alone_fen)
                + total
                + (slack - slack_to_t)
                + int(t.alone_fen * kept)
                + 1  # the float's rounding
            )
            if value > best:
                best = value
                if best >= bound:
                    return rules, bound
        if best <= need:
            return None
        return rules, best


# Kinds that spread their saving over their units in proportion to what each costs.
_SPREAD = frozenset({PromotionKind.THRESHOLD_OFF, PromotionKind.THRESHOLD_PERCENT})

_Found = tuple[int, tuple[_Taken, ...]]


def _bound(rules: list[_Candidate]) -> int:
    """At most what ``rules`` can save together: each at most its own bound, and one rule of
    an exclusion group at most."""
    total = 0
    groups: dict[str, int] = {}
    for c in rules:
        group = c.rule.group
        if group:
            groups[group] = max(groups.get(group, 0), c.alone_fen)
        else:
            total += c.alone_fen
    return total + sum(groups.values())


def _parts(candidates: list[_Candidate]) -> list[list[_Candidate]]:
    """The candidates in groups that share no line and no exclusion group, in rule order."""
    every_line = 0
    for candidate in candidates:
        every_line |= candidate.mask
    if any(candidate.mask == every_line for candidate in candidates):
        return [candidates]  # a rule on every line in play (a store-wide 满减) ties them all
    parts: list[tuple[int, set[str], list[_Candidate]]] = []
    for candidate in candidates:
        mask, group = candidate.mask, candidate.rule.group
        joined: list[_Candidate] = [candidate]
        groups = {group} if group else set()
        kept = []
        for part in parts:
            if part[0] & mask or (group and group in part[1]):
                mask |= part[0]
                groups |= part[1]
                joined = part[2] + joined
            else:
                kept.append(part)
        kept.append((mask, groups, joined))
        parts = kept
    if len(parts) == 1:
        return [candidates]
    return [sorted(part[2], key=_in_order) for part in parts]


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
    rules: Sequence[_Taken],
    sku_of: Sequence[int] = (),
) -> Pricing:
    """Apply the chosen rules in order and say, per line and per promotion, what was saved.
    A rule the search applied keeps what it took off then: the rules before it that touch its
    lines are the ones chosen with it, so its lines stood as they stand here."""
    per_line: list[dict[str, int]] = [{} for _ in lines]
    applied: list[Saving] = []
    pairings: list[tuple[str, Pairing]] = []
    for candidate, known in sorted(rules, key=_taken_in_order):
        rule = candidate.rule
        outcome = known if known is not None else apply_rule(rule, candidate.lines, amounts, sku_of)
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
