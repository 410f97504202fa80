"""今日流水: the till's sales of the day as a clerk looks one up — by the time on the clock, the
amount paid, or a product on it — to print its receipt again or take goods back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import parse_fen


@dataclass(frozen=True, slots=True)
class SaleSummary:
    """One sale of the day, as listed."""

    sale_id: int
    receipt_no: str
    created_at: datetime  # UTC
    total_fen: int
    items: int  # units sold (voided lines left out)
    titles: tuple[str, ...]
    sku_codes: tuple[str, ...]
    clerk: str
    tender_kinds: tuple[str, ...]
    voided: bool = False
    returned: bool = False
    customer: str = ""  # the member it was sold to (name or masked phone), "" for a walk-in


def matches(summary: SaleSummary, query: str, timezone: str) -> bool:
    """True when ``query`` finds the sale: ``14:3`` the time it was rung up (the store's
    clock), ``128`` or ``128.50`` its total in yuan, anything else a product's title, SKU code
    or the receipt number."""
    text = query.strip()
    if not text:
        return True
    local = summary.created_at.astimezone(ZoneInfo(timezone)).strftime("%H:%M")
    if ":" in text or "：" in text:
        return local.startswith(text.replace("：", ":"))
    try:
        amount_fen = parse_fen(text)
    except DomainError:
        amount_fen = None
    if amount_fen is not None and amount_fen == summary.total_fen:
        return True
    folded = text.casefold()
    return folded in summary.receipt_no.casefold() or any(
        folded in value.casefold() for value in summary.titles + summary.sku_codes
    )
