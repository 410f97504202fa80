"""Discounts as Chinese shops say them: "8 折" is the price paid, not the price taken off.

``8`` or ``8 折`` pays 80 %, ``85`` pays 85 %, ``8.5`` pays 85 %, ``9.5`` pays 95 %. One digit
(with or without decimals) is tenths of the price, two digits are hundredths. ``10`` would be
no discount at all and is refused, as is anything that does not leave a price to pay.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from redhome_pos.domain.cart import Discount
from redhome_pos.domain.errors import DomainError


class ZheError(DomainError):
    """What was typed is not a 折 a till can give."""


def paid_percent(text: str) -> Decimal:
    """The share of the price paid, in percent, for a 折 typed as ``text``."""
    raw = text.strip().replace("折", "").replace("％", "%").strip()
    raw = raw.translate(str.maketrans("０１２３４５６７８９．", "0123456789."))
    try:
        value = Decimal(raw)
    except InvalidOperation:
        raise ZheError("Not a discount in 折: {text}", text=text.strip()) from None
    if not value.is_finite() or value <= 0 or value >= 100 or value == 10:
        raise ZheError("A 折 is between 0.1 and 9.9 (or 11 to 99): {text}", text=text.strip())
    paid = value * 10 if value < 10 else value
    if paid != paid.quantize(Decimal("0.01")):
        raise ZheError("Not a discount in 折: {text}", text=text.strip())
    return paid


def zhe_discount(text: str) -> Discount:
    """The discount of a 折: "8 折" takes 20 % off."""
    paid = paid_percent(text)
    return Discount(percent_bp=int((Decimal(100) - paid) * 100))


def zhe_text(discount: Discount) -> str:
    """A percentage discount said as a 折 (``2000`` bp off → ``8``, ``1500`` → ``8.5``)."""
    paid = Decimal(10_000 - discount.percent_bp) / Decimal(1000)
    return format(paid.normalize(), "f")
