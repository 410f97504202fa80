"""VAT contained in tax-inclusive prices.

Prices include VAT. The receipt shows, per rate, the gross amount and the VAT it contains. VAT
is computed once per rate on the summed gross (not per line and then added up), rounded half up
to the fen, so the receipt's figures agree with what the tax office computes from the totals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from redhome_pos.domain.errors import DomainError


class TaxError(DomainError):
    """A VAT rate is impossible."""


@dataclass(frozen=True, slots=True)
class VatAmount:
    """The VAT contained in ``gross_fen`` at ``rate_bp`` (1 % = 100 basis points)."""

    rate_bp: int
    gross_fen: int
    vat_fen: int

    @property
    def net_fen(self) -> int:
        return self.gross_fen - self.vat_fen


def vat_contained(gross_fen: int, rate_bp: int) -> int:
    """VAT inside a tax-inclusive amount: gross × rate / (1 + rate), rounded half up.

    Negative amounts (refunds) round symmetrically, so a refund of a whole sale gives back
    exactly the VAT the sale contained.
    """
    if rate_bp < 0 or rate_bp > 10_000:
        raise TaxError("Impossible VAT rate: {rate} basis points", rate=rate_bp)
    numerator = abs(gross_fen) * rate_bp
    denominator = 10_000 + rate_bp
    quotient, remainder = divmod(numerator, denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return quotient if gross_fen >= 0 else -quotient


def vat_by_rate(amounts: Iterable[tuple[int, int]]) -> tuple[VatAmount, ...]:
    """Group ``(gross_fen, rate_bp)`` pairs by rate; VAT per rate, highest rate first."""
    gross: dict[int, int] = {}
    for amount_fen, rate_bp in amounts:
        gross[rate_bp] = gross.get(rate_bp, 0) + amount_fen
    return tuple(
        VatAmount(rate, total, vat_contained(total, rate))
        for rate, total in sorted(gross.items(), reverse=True)
    )
