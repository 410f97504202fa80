"""What a manager's approval covers: the line, the quantity and the value approved.

An approval of a discount, a price override or a refund names what was approved (the SKU and
quantity of the line, the discount in fen and as a share of the line, the unit price, the
receipt and the money back). Using it for more than that is not approved: more units, a
deeper discount, another price, another sale or more money back all need a new approval.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

from redhome_pos.domain.cart import Cart, CartLine, Discount, discount_bp
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.staff import Staff, may_discount


class ApprovalScopeError(DomainError):
    """An approval is asked for without saying what it covers."""


@dataclass(frozen=True, slots=True)
class ApprovedScope:
    """The limits of one approval (``None``: not part of it)."""

    sku: str | None = None  # the line's SKU code; None for the whole sale
    quantity: int | None = None  # units on the line when approved (more are not covered)
    price_fen: int | None = None  # the unit price approved (exactly this one)
    discount_fen: int | None = None  # the most discount, in fen
    percent_bp: int | None = None  # the deepest discount, in basis points of what it is off
    receipt_no: str | None = None  # a refund: the sale it is for
    refund_fen: int | None = None  # a refund: the most money back

    def to_dict(self) -> dict[str, Any]:
        return {key: value for key, value in asdict(self).items() if value is not None}

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> ApprovedScope | None:
        if not data:
            return None
        known = {f.name for f in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in known})

    def covers(self, use: ApprovedScope) -> bool:
        """True when ``use`` stays within what was approved."""
        if use.sku != self.sku or use.receipt_no != self.receipt_no:
            return False
        if use.price_fen is not None and use.price_fen != self.price_fen:
            return False
        for name in ("quantity", "discount_fen", "percent_bp", "refund_fen"):
            used, limit = getattr(use, name), getattr(self, name)
            if used is not None and (limit is None or used > limit):
                return False
        return True


def line_discount(cart: Cart, line_no: int, discount: Discount) -> ApprovedScope:
    """A discount on one line as it stands: its SKU, its quantity, and what the discount takes
    off what promotions left of the line (as checkout weighs it)."""
    line = cart.line(line_no)
    base = cart.after_promotion_fen(line_no)
    off = discount.upto(base)
    return ApprovedScope(
        sku=line.sku_code,
        quantity=line.quantity,
        discount_fen=off,
        percent_bp=discount_bp(off, base),
    )


def order_discount(cart: Cart, discount: Discount) -> ApprovedScope:
    """A discount on the whole sale as it stands (after promotions and line discounts)."""
    totals = cart.totals()
    base = totals.subtotal_fen - totals.promotion_fen - totals.line_discount_fen
    off = discount.upto(base)
    return ApprovedScope(discount_fen=off, percent_bp=discount_bp(off, base))


def price_override(line: CartLine, price_fen: int) -> ApprovedScope:
    """Another unit price for one line, for the units on it now."""
    return ApprovedScope(sku=line.sku_code, quantity=line.quantity, price_fen=price_fen)


def refund(receipt_no: str, refund_fen: int) -> ApprovedScope:
    """Money back on one sale, up to ``refund_fen``."""
    return ApprovedScope(receipt_no=receipt_no, refund_fen=refund_fen)


def unapproved_discounts(cart: Cart, seller: Staff) -> list[int | None]:
    """The discounts beyond ``seller``'s own limit that have no approval (any more): line
    numbers, and ``None`` for the discount on the whole sale."""
    totals = cart.totals()
    waiting: list[int | None] = [
        priced.line.line_no
        for priced in totals.lines
        if priced.line_discount_fen
        and priced.line.discount_approval_id is None
        and not may_discount(
            seller, discount_bp(priced.line_discount_fen, priced.after_promotion_fen)
        )
    ]
    base = totals.subtotal_fen - totals.promotion_fen - totals.line_discount_fen
    if (
        totals.order_discount_fen
        and cart.order_discount_approval_id is None
        and not may_discount(seller, discount_bp(totals.order_discount_fen, base))
    ):
        waiting.append(None)
    return waiting
