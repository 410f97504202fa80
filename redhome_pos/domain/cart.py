"""The cart at the counter: lines scanned, promotions, discounts, price overrides and the totals.

Amounts are int fen and tax-inclusive. A line's amount is its gross (price × quantity) minus
what promotions saved on it, minus its own discount, minus its share of the order discount.
Promotions come first (``promotions``: the store's rules, the moment the sale is priced at and
whether a member is known; a line with an overridden price takes none); manual discounts then
apply to what the promotions left, and the order discount is spread over the lines with
``money.allocate`` so the lines always add up to the total and a later partial return refunds
exactly what was paid. A line removed after it was scanned stays in the cart as a voided line
(the sale records it) and counts for nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.members import Member
from redhome_pos.domain.money import MAX_AMOUNT_FEN, allocate, percent_of
from redhome_pos.domain.points import Reward
from redhome_pos.domain.promotions.engine import (
    NO_PRICING,
    Pricing,
    PricingLine,
    PromotionBook,
    Saving,
)
from redhome_pos.domain.tax import VatAmount, vat_by_rate

MAX_LINE_QUANTITY = 999  # more than this on one line is a mis-scan or a typo


class CartError(DomainError):
    """A change to the cart breaks a rule (quantity, discount, unknown line)."""


@dataclass(frozen=True, slots=True)
class CartItem:
    """What a scan found: the SKU and the price it sells for now."""

    sku_id: int
    sku_code: str
    title: str
    price_fen: int
    vat_rate_bp: int
    variant: str = ""
    product_id: int = 0  # product, brand and category: what promotions are scoped by
    brand: str = ""
    category: str = ""


@dataclass(frozen=True, slots=True)
class Discount:
    """A discount given as a percentage (basis points) or as an amount in fen."""

    percent_bp: int = 0
    amount_fen: int = 0

    def __post_init__(self) -> None:
        if self.percent_bp and self.amount_fen:
            raise CartError("A discount is either a percentage or an amount, not both")
        if self.percent_bp < 0 or self.amount_fen < 0:
            raise CartError("A discount cannot be negative")
        if self.percent_bp > 10_000:
            raise CartError("A discount cannot be more than 100%")

    def of(self, amount_fen: int) -> int:
        """The discount in fen on ``amount_fen`` (never more than the amount)."""
        off = self.upto(amount_fen)
        if off < self.amount_fen:
            raise CartError("The discount is more than the amount")
        return off

    def upto(self, amount_fen: int) -> int:
        """The discount on ``amount_fen``, an amount cut to what there is: a promotion that
        came after the discount was given may have left less than it."""
        if self.percent_bp:
            return percent_of(amount_fen, self.percent_bp)
        return min(self.amount_fen, max(0, amount_fen))


@dataclass(frozen=True, slots=True)
class CartLine:
    line_no: int
    sku_id: int
    sku_code: str
    title: str
    variant: str
    list_price_fen: int
    unit_price_fen: int
    quantity: int
    vat_rate_bp: int
    discount: Discount | None = None
    note_id: str | None = None
    voided: bool = False
    override_approval_id: int | None = None
    discount_approval_id: int | None = None
    product_id: int = 0
    brand: str = ""
    category: str = ""
    # Lot-tracked goods: the lot scanned (its GS1 code carried it) and its expiry; None when
    # the plain barcode was scanned (checkout then takes the first-expiring lot). Selling an
    # expired lot needs a manager's approval, given with a reason.
    lot: str | None = None
    lot_expiry: date | None = None
    expired_approval_id: int | None = None
    expired_reason: str = ""

    @property
    def gross_fen(self) -> int:
        return self.unit_price_fen * self.quantity

    @property
    def price_overridden(self) -> bool:
        return self.unit_price_fen != self.list_price_fen


@dataclass(frozen=True, slots=True)
class PricedLine:
    line: CartLine
    line_discount_fen: int
    order_discount_fen: int
    promotion_fen: int = 0  # what promotions saved on the line (before manual discounts)
    savings: tuple[Saving, ...] = ()  # the promotions' savings, in their own words
    unit_amounts: tuple[int, ...] = ()  # each unit after promotions, cheapest first
    reward_fen: int = 0  # what points rewards took off the line (after every discount)

    @property
    def gross_fen(self) -> int:
        return self.line.gross_fen

    @property
    def after_promotion_fen(self) -> int:
        """What manual discounts of this line apply to."""
        return self.gross_fen - self.promotion_fen

    @property
    def discount_fen(self) -> int:
        """Manual discounts: the line's own and its share of the order discount."""
        return self.line_discount_fen + self.order_discount_fen

    @property
    def saving_fen(self) -> int:
        return self.promotion_fen + self.discount_fen + self.reward_fen

    @property
    def amount_fen(self) -> int:
        return self.gross_fen - self.promotion_fen - self.discount_fen - self.reward_fen


@dataclass(frozen=True, slots=True)
class CartTotals:
    lines: tuple[PricedLine, ...]  # the lines that count (voided lines left out)
    subtotal_fen: int  # sum of gross
    line_discount_fen: int
    order_discount_fen: int
    total_fen: int
    vat: tuple[VatAmount, ...]
    promotion_fen: int = 0
    pricing: Pricing = NO_PRICING
    rewards: tuple[RewardTaken, ...] = ()  # points rewards and what each took off

    @property
    def discount_fen(self) -> int:
        """Manual discounts (the promotions' savings are ``promotion_fen``)."""
        return self.line_discount_fen + self.order_discount_fen

    @property
    def reward_fen(self) -> int:
        return sum(taken.value_fen for taken in self.rewards)

    @property
    def saving_fen(self) -> int:
        return self.promotion_fen + self.discount_fen + self.reward_fen


@dataclass(frozen=True, slots=True)
class PromotionContext:
    """How a cart is priced: the store's rules, the moment the sale is priced at (its start,
    so a price does not change under the clerk's hands) and whether a member is known."""

    book: PromotionBook
    at: datetime
    member: bool = False


def discount_bp(discount_fen: int, gross_fen: int) -> int:
    """A discount as basis points of the gross, rounded up (for approval limits)."""
    if gross_fen <= 0:
        return 0 if discount_fen <= 0 else 10_000
    return -((-discount_fen * 10_000) // gross_fen)


@dataclass
class Cart:
    """A sale being rung up. Methods change the cart and return the line they touched."""

    lines: list[CartLine] = field(default_factory=list)
    order_discount: Discount | None = None
    order_discount_approval_id: int | None = None
    promotions: PromotionContext | None = None
    member: Member | None = None  # the customer, when a member was found
    rewards: list[Reward] = field(default_factory=list)  # points rewards the member takes
    _priced: tuple[Any, Pricing] | None = field(default=None, repr=False, compare=False)
    _totalled: tuple[Any, CartTotals] | None = field(default=None, repr=False, compare=False)

    def set_member(self, member: Member | None) -> None:
        """The sale is for ``member`` (or no member): member prices and promotions apply."""
        before = self.member
        self.member = member
        if member is None or before is None or before.id != member.id:
            self.rewards.clear()  # a reward is paid with that member's points
        if self.promotions is not None:
            self.promotions = replace(self.promotions, member=member is not None)

    # -- lines ---------------------------------------------------------------------------
    def add(
        self,
        item: CartItem,
        quantity: int = 1,
        *,
        note_id: str | None = None,
        lot: str | None = None,
        lot_expiry: date | None = None,
    ) -> CartLine:
        """Add a scanned item; the same SKU again (same note, same lot, no override) adds to
        its line. ``lot``/``lot_expiry`` come from a GS1 code that named the lot."""
        if item.price_fen < 0 or item.price_fen > MAX_AMOUNT_FEN:
            raise CartError("Impossible price for {sku}", sku=item.sku_code)
        for line in self.lines:
            if (
                line.sku_id == item.sku_id
                and not line.voided
                and line.note_id == (note_id or line.note_id)
                and not line.price_overridden
                and line.lot == lot
            ):
                return self.set_quantity(line.line_no, line.quantity + quantity)
        self._check_quantity(quantity)
        line = CartLine(
            line_no=max((x.line_no for x in self.lines), default=0) + 1,
            sku_id=item.sku_id,
            sku_code=item.sku_code,
            title=item.title,
            variant=item.variant,
            list_price_fen=item.price_fen,
            unit_price_fen=item.price_fen,
            quantity=quantity,
            vat_rate_bp=item.vat_rate_bp,
            note_id=note_id,
            product_id=item.product_id,
            brand=item.brand,
            category=item.category,
            lot=lot,
            lot_expiry=lot_expiry,
        )
        self.lines.append(line)
        self._sale_grew()
        return line

    def line(self, line_no: int) -> CartLine:
        for line in self.lines:
            if line.line_no == line_no and not line.voided:
                return line
        raise CartError("No line {line_no} in the cart", line_no=line_no)

    def _replace(self, line_no: int, **changes: Any) -> CartLine:
        """Change a line; a change that leaves the cart without valid totals (a discount
        larger than what is left) is refused and undone."""
        old = self.line(line_no)
        new = replace(old, **changes)
        index = self.lines.index(old)
        self.lines[index] = new
        try:
            self._check_discounts()
        except CartError:
            self.lines[index] = old
            raise
        return new

    def _check_discounts(self) -> None:
        """Refuse manual discounts larger than the goods they are on. (A promotion that leaves
        less than a discount given earlier only cuts that discount, in ``totals``.)"""
        live = [line for line in self.lines if not line.voided]
        after = [x.gross_fen - (x.discount.of(x.gross_fen) if x.discount else 0) for x in live]
        if self.order_discount is not None:
            self.order_discount.of(sum(after))

    @staticmethod
    def _check_quantity(quantity: int) -> None:
        if quantity < 1:
            raise CartError("The quantity must be at least 1")
        if quantity > MAX_LINE_QUANTITY:
            raise CartError("At most {limit} of one item per line", limit=MAX_LINE_QUANTITY)

    def set_quantity(self, line_no: int, quantity: int) -> CartLine:
        """Change a line's quantity. More units than an approval was given for void it (the
        line's discount or price then needs approving again), and so does growing the sale
        under a percentage discount on the whole sale."""
        self._check_quantity(quantity)
        line = self.line(line_no)
        if line.discount and line.discount.amount_fen:
            line.discount.of(line.unit_price_fen * quantity)
        if quantity <= line.quantity:
            return self._replace(line_no, quantity=quantity)
        changed = self._replace(
            line_no,
            quantity=quantity,
            discount_approval_id=None,
            override_approval_id=None,
            expired_approval_id=None,
        )
        self._sale_grew()
        return changed

    def _sale_grew(self) -> None:
        if self.order_discount is not None and self.order_discount.percent_bp:
            self.order_discount_approval_id = None

    def remove(self, line_no: int) -> CartLine:
        """Take a line off the sale; it stays recorded as voided."""
        return self._replace(line_no, voided=True)

    def discount_line(
        self, line_no: int, discount: Discount | None, *, approval_id: int | None = None
    ) -> CartLine:
        if discount is not None:
            discount.of(self.after_promotion_fen(line_no))
        return self._replace(line_no, discount=discount, discount_approval_id=approval_id)

    def after_promotion_fen(self, line_no: int) -> int:
        """What is left of a line after promotions: what its manual discount applies to."""
        for priced in self.totals().lines:
            if priced.line.line_no == line_no:
                return priced.after_promotion_fen
        raise CartError("No line {line_no} in the cart", line_no=line_no)

    def override_price(self, line_no: int, price_fen: int, *, approval_id: int | None) -> CartLine:
        """Sell a line at another unit price (needs approval unless the seller may)."""
        if price_fen < 0 or price_fen > MAX_AMOUNT_FEN:
            raise CartError("Impossible price")
        line = self.line(line_no)
        if line.discount and line.discount.amount_fen > price_fen * line.quantity:
            raise CartError("The discount is more than the amount")
        # A discount approved on the old price is not approved on the new one.
        return self._replace(
            line_no,
            unit_price_fen=price_fen,
            override_approval_id=approval_id,
            discount_approval_id=None
            if price_fen != line.unit_price_fen
            else line.discount_approval_id,
        )

    def allow_expired(self, line_no: int, *, reason: str, approval_id: int) -> CartLine:
        """A manager allowed selling this line's goods past their expiry date, for ``reason``
        (checkout checks the approval covers the line's SKU and quantity)."""
        if not reason.strip():
            raise CartError("Say why expired goods are sold")
        return self._replace(line_no, expired_approval_id=approval_id, expired_reason=reason)

    def attribute_note(self, line_no: int, note_id: str | None) -> CartLine:
        """Record the RED note the customer came from for this line."""
        return self._replace(line_no, note_id=note_id)

    def discount_order(self, discount: Discount | None, *, approval_id: int | None = None) -> None:
        """Discount the whole sale (spread over the lines); refused when more than the total."""
        if discount is not None:
            totals = self.totals()
            discount.of(totals.total_fen + totals.order_discount_fen)
        before = (self.order_discount, self.order_discount_approval_id)
        self.order_discount = discount
        self.order_discount_approval_id = approval_id
        try:
            self._check_discounts()
        except CartError:
            self.order_discount, self.order_discount_approval_id = before
            raise

    # -- points rewards --------------------------------------------------------------------
    def add_reward(self, reward: Reward) -> None:
        """The member takes ``reward`` for points (once per sale); a gift reward needs its
        SKU in the sale. Applied after every discount, on what is left to pay."""
        if self.member is None:
            raise CartError("Rewards are for members: find the member first")
        if any(r.code == reward.code for r in self.rewards):
            raise CartError("Reward {code} is already in this sale", code=reward.code)
        self.rewards.append(reward)
        if not {t.reward.code: t.value_fen for t in self.totals().rewards}.get(reward.code):
            self.rewards.pop()
            if reward.gift_sku_id is not None:
                raise CartError("Scan the gift first: it is not in the sale")
            raise CartError("Nothing is left to pay that the reward could take off")

    def remove_reward(self, code: str) -> None:
        self.rewards = [r for r in self.rewards if r.code != code]

    # -- totals --------------------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        return not any(not line.voided for line in self.lines)

    def pricing(self) -> Pricing:
        """What the promotions give the live lines now (worked out once per cart state)."""
        context = self.promotions
        if context is None:
            return NO_PRICING
        lines = self.pricing_lines()
        key = (id(context.book), context.at, context.member, lines)
        if self._priced is not None and self._priced[0] == key:
            return self._priced[1]
        pricing = context.book.price(lines, context.at, member=context.member)
        self._priced = (key, pricing)
        return pricing

    def pricing_lines(self) -> tuple[PricingLine, ...]:
        """The live lines as promotions see them (price-overridden lines take none)."""
        return tuple(
            PricingLine(
                key=line.line_no,
                sku_id=line.sku_id,
                sku_code=line.sku_code,
                unit_price_fen=line.unit_price_fen,
                quantity=line.quantity,
                product_id=line.product_id,
                brand=line.brand,
                category=line.category,
            )
            for line in self.lines
            if not line.voided and not line.price_overridden
        )

    def totals(self) -> CartTotals:
        """What the cart comes to (worked out once per cart state: the counter shows the
        totals after every change, and checkout asks again for the same cart)."""
        # Everything the totals depend on; each part is immutable, or copied into a tuple.
        state = (tuple(self.lines), self.order_discount, tuple(self.rewards), self.promotions)
        if self._totalled is not None and self._totalled[0] == state:
            return self._totalled[1]
        totals = self._work_out_totals()
        self._totalled = (state, totals)
        return totals

    def _work_out_totals(self) -> CartTotals:
        live = [line for line in self.lines if not line.voided]
        pricing = self.pricing()
        promoted = {p.key: p for p in pricing.lines}
        promotion = [promoted[x.line_no].saving_fen if x.line_no in promoted else 0 for x in live]
        after_promotion = [x.gross_fen - p for x, p in zip(live, promotion, strict=True)]
        line_discounts = [
            x.discount.upto(after) if x.discount else 0
            for x, after in zip(live, after_promotion, strict=True)
        ]
        after_line = [a - d for a, d in zip(after_promotion, line_discounts, strict=True)]
        subtotal_after = sum(after_line)
        order_off = self.order_discount.upto(subtotal_after) if self.order_discount else 0
        shares = allocate(order_off, after_line) if live else []
        left = [a - s for a, s in zip(after_line, shares, strict=True)]
        rewards, reward_off = _rewards(self.rewards, live, left)
        priced = tuple(
            PricedLine(
                line,
                d,
                s,
                p,
                promoted[line.line_no].savings if line.line_no in promoted else (),
                promoted[line.line_no].unit_amounts if line.line_no in promoted else (),
                r,
            )
            for line, d, s, p, r in zip(
                live, line_discounts, shares, promotion, reward_off, strict=True
            )
        )
        total = subtotal_after - order_off - sum(reward_off)
        return CartTotals(
            lines=priced,
            subtotal_fen=sum(line.gross_fen for line in live),
            line_discount_fen=sum(line_discounts),
            order_discount_fen=order_off,
            total_fen=total,
            vat=vat_by_rate((p.amount_fen, p.line.vat_rate_bp) for p in priced),
            promotion_fen=sum(promotion),
            pricing=pricing,
            rewards=rewards,
        )

    # -- parking ---------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """A plain-JSON form of the cart (for parking it in the database)."""
        return {
            "lines": [_line_dict(line) for line in self.lines],
            "order_discount": asdict(self.order_discount) if self.order_discount else None,
            "order_discount_approval_id": self.order_discount_approval_id,
            "member": _member_dict(self.member),
            "rewards": [asdict(reward) for reward in self.rewards],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Cart:
        lines = []
        for raw in data["lines"]:
            raw = dict(raw)
            raw["discount"] = Discount(**raw["discount"]) if raw.get("discount") else None
            if isinstance(raw.get("lot_expiry"), str):
                raw["lot_expiry"] = date.fromisoformat(raw["lot_expiry"])
            lines.append(CartLine(**raw))
        order = data.get("order_discount")
        member = data.get("member")
        return cls(
            lines=lines,
            order_discount=Discount(**order) if order else None,
            order_discount_approval_id=data.get("order_discount_approval_id"),
            member=Member(**member) if member else None,
            rewards=[Reward(**reward) for reward in data.get("rewards", ())],
        )


def _line_dict(line: CartLine) -> dict[str, Any]:
    raw = asdict(line)
    if line.lot_expiry is not None:
        raw["lot_expiry"] = line.lot_expiry.isoformat()
    return raw


@dataclass(frozen=True, slots=True)
class RewardTaken:
    """A points reward in the sale: what it took off, in all and per line (line number,
    fen)."""

    reward: Reward
    value_fen: int
    lines: tuple[tuple[int, int], ...] = ()


def _rewards(
    rewards: list[Reward], live: list[CartLine], left: list[int]
) -> tuple[tuple[RewardTaken, ...], list[int]]:
    """What each reward takes off, in the order taken, and per line: a gift reward one unit
    of the first line of its SKU (what that unit has left to pay), an amount off spread over
    the lines in proportion to what each has left (at most all of it)."""
    left = list(left)
    off = [0] * len(live)
    taken = []
    for reward in rewards:
        parts = [0] * len(live)
        if reward.gift_sku_id is not None:
            for i, line in enumerate(live):
                if line.sku_id == reward.gift_sku_id and line.quantity > 0 and left[i] > 0:
                    parts[i] = left[i] // line.quantity or left[i]
                    break
        elif any(left):
            parts = allocate(min(reward.amount_fen, sum(left)), left)
        for i, part in enumerate(parts):
            left[i] -= part
            off[i] += part
        lines = tuple((live[i].line_no, part) for i, part in enumerate(parts) if part)
        taken.append(RewardTaken(reward, sum(parts), lines))
    return tuple(taken), off


def _member_dict(member: Member | None) -> dict[str, Any] | None:
    if member is None:
        return None
    return {
        "id": member.id,
        "member_no": member.member_no,
        "name": member.name,
        "phone_masked": member.phone_masked,
        "points_balance": member.points_balance,
    }
