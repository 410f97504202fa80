"""A completed sale, its receipt number, and what of it can still be returned.

A sale is frozen once completed: a return or a void is recorded beside it, never by editing it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.lots import LotTake
from redhome_pos.domain.money import allocate
from redhome_pos.domain.promotions.engine import Saving
from redhome_pos.domain.tax import VatAmount
from redhome_pos.domain.tender import SettledTender

SALE_SERIES = "S"
RETURN_SERIES = "R"


class ReturnError(DomainError):
    """A return asks for more than can be returned, or names no sale."""


@dataclass(frozen=True, slots=True)
class StaffRef:
    id: int
    code: str
    name: str


@dataclass(frozen=True, slots=True)
class SaleLine:
    line_no: int
    sku_id: int
    sku_code: str
    title: str
    variant: str
    quantity: int
    list_price_fen: int
    unit_price_fen: int
    discount_fen: int  # line discount plus its share of the order discount (manual)
    amount_fen: int  # what the customer paid for this line (gross - promotion - discount)
    vat_rate_bp: int
    note_id: str | None = None
    voided: bool = False
    id: int | None = None
    override_approval_id: int | None = None
    discount_approval_id: int | None = None
    promotion_fen: int = 0  # saved by promotions, before the manual discount
    savings: tuple[Saving, ...] = ()  # the promotions' savings, in their words
    unit_amounts: tuple[int, ...] = ()  # each unit after promotions, cheapest first
    lots: tuple[LotTake, ...] = ()  # lot-tracked goods: the lots the line took


@dataclass(frozen=True, slots=True)
class Sale:
    """A completed sale as the receipt shows it."""

    receipt_no: str
    terminal_id: str
    staff: StaffRef
    created_at: datetime  # UTC
    business_date: date
    lines: tuple[SaleLine, ...]  # voided lines included, marked
    tenders: tuple[SettledTender, ...]
    subtotal_fen: int
    discount_fen: int
    total_fen: int
    vat: tuple[VatAmount, ...]
    change_fen: int
    shift_id: int
    id: int | None = None
    voided: bool = False
    promotion_fen: int = 0  # saved by promotions (``discount_fen`` is the manual discounts)
    member_id: int | None = None
    points_earned: int = 0
    points_balance: int | None = None  # the member's balance after the sale
    rewards: tuple[tuple[str, int, int], ...] = ()  # points rewards: words, fen off, points

    @property
    def sold_lines(self) -> tuple[SaleLine, ...]:
        return tuple(line for line in self.lines if not line.voided)

    @property
    def paid_fen(self) -> int:
        return sum(t.amount_fen for t in self.tenders)


def business_date(at: datetime, timezone: str) -> date:
    """The store's business day for a UTC instant (receipt numbers, Z reports)."""
    return at.astimezone(ZoneInfo(timezone)).date()


def receipt_number(
    store_code: str, terminal_id: str, day: date, seq: int, series: str = SALE_SERIES
) -> str:
    """``{store}-{terminal}-{yyyymmdd}-{seq:04d}``; returns carry an ``R`` before the number."""
    prefix = "" if series == SALE_SERIES else series
    # The date's fields written out (strftime costs ten times as much; one runs per sale).
    ymd = f"{day.year:04d}{day.month:02d}{day.day:02d}"
    return f"{store_code}-{terminal_id}-{ymd}-{prefix}{seq:04d}"


def unit_refunds(line: SaleLine) -> list[int]:
    """What each unit of a line cost the customer, cheapest first; the units add up to the
    line's amount. Promotions may have left units at different amounts (第二件半价, a free
    gift unit): the manual discount is spread over them in proportion, and a return takes
    the cheapest first, so returning one of two 第二件半价 items refunds the half-price one."""
    if len(line.unit_amounts) == line.quantity:
        return allocate(line.amount_fen, list(line.unit_amounts))
    return allocate(line.amount_fen, [1] * line.quantity)


def refund_for(line: SaleLine, quantity: int, already_returned: int) -> int:
    """The refund for returning ``quantity`` more units of ``line`` at the price paid.

    Units are refunded in order, cheapest first, so returning a line bit by bit gives back
    exactly its amount.
    """
    if quantity < 1:
        raise ReturnError("Return at least one")
    if line.voided:
        raise ReturnError("Line {line_no} was voided, nothing to return", line_no=line.line_no)
    if already_returned + quantity > line.quantity:
        raise ReturnError(
            "Only {left} of {sku} can still be returned",
            left=line.quantity - already_returned,
            sku=line.sku_code,
        )
    units = unit_refunds(line)
    return sum(units[already_returned : already_returned + quantity])


@dataclass(frozen=True, slots=True)
class ReturnRequest:
    """Return ``quantity`` units of the sale line ``line_no``; ``damaged`` keeps them off sale."""

    line_no: int
    quantity: int
    damaged: bool = False


def check_return(
    sale: Sale, requests: Sequence[ReturnRequest], returned: dict[int, int]
) -> list[tuple[SaleLine, ReturnRequest, int]]:
    """Each requested line with its refund; ``returned`` maps line_no to units returned so far."""
    if not requests:
        raise ReturnError("Choose at least one line to return")
    by_no = {line.line_no: line for line in sale.lines}
    seen: dict[int, int] = {}
    result = []
    for request in requests:
        line = by_no.get(request.line_no)
        if line is None:
            raise ReturnError("No line {line_no} on this sale", line_no=request.line_no)
        before = returned.get(line.line_no, 0) + seen.get(line.line_no, 0)
        result.append((line, request, refund_for(line, request.quantity, before)))
        seen[line.line_no] = seen.get(line.line_no, 0) + request.quantity
    return result
