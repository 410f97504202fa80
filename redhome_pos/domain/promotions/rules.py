"""Promotion rules as a manager states them: what kind, on which goods, when, for whom, and how
a rule combines with the others.

Kinds (``PromotionKind``):

- ``threshold_off`` 满减: ``off_fen`` off every ``threshold_fen`` spent in scope (``repeat``),
  or once.
- ``threshold_percent`` 满N件折 / 满X元折: ``pay_bp`` of the price on every unit in scope once
  ``min_qty`` units (or ``threshold_fen`` spent) are reached.
- ``nth_item`` 第二件半价: every ``nth`` unit in scope at ``pay_bp`` of its price.
- ``buy_get`` 买赠: for every ``buy_qty`` units bought, ``get_qty`` free: the cheapest units in
  scope, or units of the named ``gift_sku_id`` (which must be in the cart).
- ``bundle`` 组合价: the set ``bundle`` (SKU id, quantity) sold together for ``price_fen``.
- ``special_price`` 限时价: each unit in scope at ``price_fen`` (or ``pay_bp`` of its price).

Any kind may be ``member_only``. ``stacking`` says how a rule combines: ``stack`` (with every
other stacking rule, applied in ``priority`` order on what the earlier ones left),
``exclusive_items`` (the goods in its scope take no other promotion) or ``exclusive_sale``
(no other promotion in the sale). Rules sharing a non-empty ``group`` exclude each other: at
most one of them applies to a sale (满300减50 or 满500减100, whichever is better).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import MAX_AMOUNT_FEN, format_fen

MEMBER_PRICE_CODE = "MEMBER"
MEMBER_PRICE_LABEL = "会员价"


class PromotionError(DomainError):
    """A promotion is stated wrongly (a missing amount, an impossible percentage, no goods)."""


class PromotionsChangedError(PromotionError):
    """A sale's promotion savings are not what the rules stored now give (the rules changed
    after the cart was priced, or the cart is not what the counter priced)."""


class PromotionKind(enum.StrEnum):
    THRESHOLD_OFF = "threshold_off"
    THRESHOLD_PERCENT = "threshold_percent"
    NTH_ITEM = "nth_item"
    BUY_GET = "buy_get"
    BUNDLE = "bundle"
    SPECIAL_PRICE = "special_price"
    MEMBER_PRICE = "member_price"  # the SKUs' own member prices, made into one rule per sale


class Stacking(enum.StrEnum):
    STACK = "stack"
    EXCLUSIVE_ITEMS = "exclusive_items"
    EXCLUSIVE_SALE = "exclusive_sale"


class ScopeKind(enum.StrEnum):
    STORE = "store"
    SKU = "sku"
    PRODUCT = "product"
    BRAND = "brand"
    CATEGORY = "category"


@dataclass(frozen=True, slots=True)
class Scope:
    """The goods a rule looks at: the whole store, or the SKUs, products, brands or
    categories listed (SKUs and products by id, brands and categories by name)."""

    kind: ScopeKind = ScopeKind.STORE
    values: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.kind is not ScopeKind.STORE and not self.values:
            raise PromotionError("Name the {kind}s the promotion is for", kind=self.kind.value)

    def key_of(self, sku_id: int, product_id: int, brand: str, category: str) -> str:
        """The value a line is matched on for this scope kind."""
        if self.kind is ScopeKind.SKU:
            return str(sku_id)
        if self.kind is ScopeKind.PRODUCT:
            return str(product_id)
        if self.kind is ScopeKind.BRAND:
            return brand
        if self.kind is ScopeKind.CATEGORY:
            return category
        return ""

    def covers(self, sku_id: int, product_id: int, brand: str, category: str) -> bool:
        if self.kind is ScopeKind.STORE:
            return True
        return self.key_of(sku_id, product_id, brand, category) in self.values


@dataclass(frozen=True, slots=True)
class Schedule:
    """When a rule is on, in the store's time zone: days ``first_day``..``last_day``
    (either open), on ``weekdays`` (1 = Monday; empty = every day), between ``start`` and
    ``end`` each day (``end`` before ``start`` runs past midnight; both empty = all day)."""

    first_day: date | None = None
    last_day: date | None = None
    start: time | None = None
    end: time | None = None
    weekdays: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise PromotionError("A promotion ends on or after the day it starts")
        if (self.start is None) != (self.end is None):
            raise PromotionError("Give both the hour a promotion starts and the hour it ends")
        if self.start is not None and self.start == self.end:
            raise PromotionError("A promotion's daily hours cannot start and end together")
        if any(day < 1 or day > 7 for day in self.weekdays):
            raise PromotionError("Weekdays run from 1 (Monday) to 7 (Sunday)")

    def is_on(self, at: datetime, timezone: str) -> bool:
        local = at.astimezone(ZoneInfo(timezone))
        day = local.date()
        if self.first_day and day < self.first_day:
            return False
        if self.last_day and day > self.last_day:
            return False
        if self.start is None or self.end is None:
            return not self.weekdays or local.isoweekday() in self.weekdays
        now = local.time().replace(tzinfo=None)
        if self.start < self.end:
            on, weekday = self.start <= now < self.end, local.isoweekday()
        else:  # past midnight: the hours after midnight belong to the day before
            on = now >= self.start or now < self.end
            weekday = local.isoweekday() if now >= self.start else (local.isoweekday() - 2) % 7 + 1
        return on and (not self.weekdays or weekday in self.weekdays)


@dataclass(frozen=True, slots=True)
class Promotion:
    """One rule. ``label`` is the words the cart, the receipt and the reports show for its
    saving (made from the rule when the manager gives none)."""

    code: str
    kind: PromotionKind
    name: str = ""
    scope: Scope = field(default_factory=Scope)
    schedule: Schedule = field(default_factory=Schedule)
    member_only: bool = False
    priority: int = 100
    stacking: Stacking = Stacking.STACK
    group: str = ""
    stores: frozenset[str] = frozenset()  # store codes; empty = every store
    threshold_fen: int = 0
    off_fen: int = 0
    repeat: bool = True
    min_qty: int = 0
    pay_bp: int = 10_000
    nth: int = 0
    buy_qty: int = 0
    get_qty: int = 0
    gift_sku_id: int | None = None
    bundle: tuple[tuple[int, int], ...] = ()  # (sku_id, quantity)
    price_fen: int | None = None
    member_prices: tuple[tuple[int, int], ...] = ()  # MEMBER_PRICE only: (sku_id, price)
    id: int | None = None
    ended: bool = False

    def __post_init__(self) -> None:
        check(self)

    @property
    def label(self) -> str:
        return self.name.strip() or default_label(self)

    def is_active(self, at: datetime, timezone: str, store: str, member: bool) -> bool:
        if self.ended or (self.member_only and not member):
            return False
        if self.stores and store not in self.stores:
            return False
        return self.schedule.is_on(at, timezone)


def _money(value: int, what: str) -> None:
    if value <= 0 or value > MAX_AMOUNT_FEN:
        raise PromotionError("The {what} of a promotion must be more than zero", what=what)


def check(rule: Promotion) -> None:
    """Refuse a rule that cannot be applied as stated."""
    if not rule.code.strip():
        raise PromotionError("A promotion needs a code")
    if not 0 <= rule.pay_bp <= 10_000:
        raise PromotionError("A promotion's percentage runs from 0 to 100%")
    kind = rule.kind
    if kind is PromotionKind.THRESHOLD_OFF:
        _money(rule.threshold_fen, "threshold")
        _money(rule.off_fen, "amount off")
    elif kind is PromotionKind.THRESHOLD_PERCENT:
        if rule.min_qty <= 0 and rule.threshold_fen <= 0:
            raise PromotionError("Give the number of items or the amount that earns the discount")
        if rule.pay_bp >= 10_000:
            raise PromotionError("A discount must take something off the price")
    elif kind is PromotionKind.NTH_ITEM:
        if rule.nth < 2:
            raise PromotionError("The discounted item is the second or a later one")
        if rule.pay_bp >= 10_000:
            raise PromotionError("A discount must take something off the price")
    elif kind is PromotionKind.BUY_GET:
        if rule.buy_qty < 1 or rule.get_qty < 1:
            raise PromotionError("Say how many are bought and how many are free")
    elif kind is PromotionKind.BUNDLE:
        if len(rule.bundle) < 1 or any(qty < 1 for _, qty in rule.bundle):
            raise PromotionError("A bundle names its SKUs and how many of each")
        if len({sku for sku, _ in rule.bundle}) != len(rule.bundle):
            raise PromotionError("Name each SKU of a bundle once, with how many of it")
        if sum(qty for _, qty in rule.bundle) < 2:
            raise PromotionError("A bundle holds at least two items")
        _money(rule.price_fen or 0, "bundle price")
    elif kind is PromotionKind.SPECIAL_PRICE:
        if rule.price_fen is None and rule.pay_bp >= 10_000:
            raise PromotionError("Give the special price or the percentage paid")
        if rule.price_fen is not None and not 0 <= rule.price_fen <= MAX_AMOUNT_FEN:
            raise PromotionError("Impossible special price")


def _zhe(pay_bp: int) -> str:
    """9000 -> "9折", 8500 -> "8.5折", 5000 -> "半价", 0 -> "免费"."""
    if pay_bp == 5000:
        return "半价"
    if pay_bp == 0:
        return "免费"
    tenths = pay_bp / 1000
    return f"{tenths:g}折"


_NUMBERS = "零一二三四五六七八九十"


def _count(n: int) -> str:
    return _NUMBERS[n] if 0 <= n <= 10 else str(n)


def _yuan(fen: int) -> str:
    return format_fen(fen, sign=False).removesuffix(".00")


def default_label(rule: Promotion) -> str:
    """The explanation a customer reads when the manager gave the rule no name."""
    kind = rule.kind
    prefix = "会员" if rule.member_only else ""
    if kind is PromotionKind.THRESHOLD_OFF:
        text = f"满{_yuan(rule.threshold_fen)}减{_yuan(rule.off_fen)}"
        return prefix + (text if rule.repeat else text + "(限一次)")
    if kind is PromotionKind.THRESHOLD_PERCENT:
        need = f"{rule.min_qty}件" if rule.min_qty > 0 else _yuan(rule.threshold_fen)
        return f"{prefix}满{need}{_zhe(rule.pay_bp)}"
    if kind is PromotionKind.NTH_ITEM:
        return f"{prefix}第{_count(rule.nth)}件{_zhe(rule.pay_bp)}"
    if kind is PromotionKind.BUY_GET:
        return f"{prefix}买{_count(rule.buy_qty)}赠{_count(rule.get_qty)}"
    if kind is PromotionKind.BUNDLE:
        return f"{prefix}组合价{_yuan(rule.price_fen or 0)}"
    if kind is PromotionKind.MEMBER_PRICE:
        return MEMBER_PRICE_LABEL
    if rule.price_fen is not None:
        return f"{prefix}限时价{_yuan(rule.price_fen)}"
    return f"{prefix}限时{_zhe(rule.pay_bp)}"
