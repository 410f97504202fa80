"""Pieces every template shares: the store header, amounts, rates and local times."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from printers.document import DocumentBuilder
from printers.templates.data import StoreHeader, TenderLine, VatLine
from redhome_pos.domain.money import format_fen

__all__ = ["format_fen", "local_time", "rate", "signed_fen"]


def local_time(moment: datetime, timezone: str) -> str:
    """``2026-11-25 16:05:09`` in the store's time zone."""
    return moment.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M:%S")


def signed_fen(amount_fen: int) -> str:
    """``-￥10.00`` for a deduction, ``￥10.00`` otherwise."""
    return "-" + format_fen(-amount_fen) if amount_fen < 0 else format_fen(amount_fen)


def rate(rate_bp: int) -> str:
    """A rate in basis points as printed: 1300 → ``13%``, 650 → ``6.5%``."""
    whole, rest = divmod(rate_bp, 100)
    return f"{whole}%" if rest == 0 else f"{whole}.{rest:02d}".rstrip("0") + "%"


def store_header(builder: DocumentBuilder, store: StoreHeader, heading: str) -> None:
    builder.text(store.name, "center", bold=True, size=2)
    if store.address:
        builder.text(store.address, "center")
    builder.text(heading, "center", bold=True)
    builder.rule()


def vat_rows(builder: DocumentBuilder, vat: tuple[VatLine, ...]) -> None:
    for line in vat:
        builder.row(f"其中增值税 {rate(line.rate_bp)}", format_fen(line.vat_fen))


def tender_rows(builder: DocumentBuilder, tenders: tuple[TenderLine, ...]) -> None:
    for tender in tenders:
        builder.row(tender.label, format_fen(tender.amount_fen))
        if tender.reference:
            builder.text(f"  {tender.reference_label} {tender.reference}")
