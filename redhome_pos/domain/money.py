"""Money as integer fen (分): parsing what people type, formatting for display.

Everything in the program holds amounts as ``int`` fen. ``Decimal`` appears only here, to read
what a person typed; floats never.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from redhome_pos.domain.errors import MoneyError

CURRENCY_SIGN = "￥"  # U+FFE5: the sign Chinese printers and receipts use
MAX_AMOUNT_FEN = 10**12  # ten billion yuan: anything above is a typo

_SIGNS = "￥¥元$"
MAX_TEXT_LENGTH = 40  # longer input is not an amount anyone typed
# ASCII digits only (after NFKC): other scripts' digits are not amounts at this counter.
_NUMBER = re.compile(r"^[+-]?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)?(\.[0-9]*)?$")


def _normalize(text: str) -> str:
    # NFKC turns full-width digits, comma, full stop and minus into ASCII.
    text = unicodedata.normalize("NFKC", text).strip()
    text = text.replace("。", ".").replace("，", ",").replace("−", "-")
    text = text.replace(" ", "").replace("\u00a0", "")
    for sign in _SIGNS:
        text = text.replace(sign, "")
    text = text.replace("RMB", "").replace("CNY", "").replace("rmb", "").replace("cny", "")
    return text


def parse_fen(text: str, *, allow_negative: bool = False, allow_zero: bool = True) -> int:
    """Read an amount typed by a person (``128``, ``128.5``, ``￥1,280.00``, ``１２８``) as fen.

    Raises ``MoneyError`` with a message naming what is wrong: not a number, more than two
    decimals, negative, or absurdly large.
    """
    if not isinstance(text, str):
        raise MoneyError("Not an amount: {text}", text=repr(text))
    raw = text
    if len(text) > MAX_TEXT_LENGTH:
        raise MoneyError("Not an amount: {text}", text=text[:MAX_TEXT_LENGTH] + "…")
    text = _normalize(text)
    if not text or text in {"+", "-", ".", "+.", "-."} or not _NUMBER.match(text):
        raise MoneyError("Not an amount: {text}", text=raw.strip() or '""')
    if "." in text and len(text.split(".", 1)[1]) > 2:
        raise MoneyError("At most two decimals (fen): {text}", text=raw.strip())
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only numbers
        raise MoneyError("Not an amount: {text}", text=raw.strip()) from exc
    fen = int(value * 100)
    if fen < 0 and not allow_negative:
        raise MoneyError("The amount cannot be negative: {text}", text=raw.strip())
    if fen == 0 and not allow_zero:
        raise MoneyError("The amount must be more than zero")
    if abs(fen) > MAX_AMOUNT_FEN:
        raise MoneyError("The amount is too large: {text}", text=raw.strip())
    return fen


def format_fen(fen: int, *, sign: bool = True, grouping: bool = False) -> str:
    """``12800`` → ``￥128.00``; negative amounts as ``-￥5.00``."""
    if not isinstance(fen, int) or isinstance(fen, bool):
        raise TypeError(f"money must be int fen, got {type(fen).__name__}")
    yuan, cents = divmod(abs(fen), 100)
    whole = f"{yuan:,}" if grouping else str(yuan)
    body = f"{whole}.{cents:02d}"
    prefix = CURRENCY_SIGN if sign else ""
    return f"-{prefix}{body}" if fen < 0 else f"{prefix}{body}"


def fen_to_yuan_text(fen: int) -> str:
    """``12850`` → ``128.50`` (for CSV files and the online store's text fields)."""
    return format_fen(fen, sign=False)


def percent_of(amount_fen: int, basis_points: int) -> int:
    """``basis_points`` (1 % = 100) of an amount, rounded half up to the fen."""
    if basis_points < 0:
        raise MoneyError("A percentage cannot be negative")
    numerator = amount_fen * basis_points
    quotient, remainder = divmod(abs(numerator), 10_000)
    if remainder * 2 >= 10_000:
        quotient += 1
    return quotient if numerator >= 0 else -quotient


def allocate(total_fen: int, weights: list[int]) -> list[int]:
    """Split ``total_fen`` over ``weights`` proportionally; the parts add up exactly.

    Largest remainder method: no fen is lost or created, and equal weights get parts that
    differ by at most one fen (earlier lines first).
    """
    if not weights:
        if total_fen:
            raise MoneyError("Nothing to allocate the amount to")
        return []
    if any(w < 0 for w in weights):
        raise MoneyError("Allocation weights cannot be negative")
    basis = sum(weights)
    if basis == 0:
        weights = [1] * len(weights)
        basis = len(weights)
    sign = -1 if total_fen < 0 else 1
    amount = abs(total_fen)
    parts = [amount * w // basis for w in weights]
    remainders = [(amount * w % basis, -i) for i, w in enumerate(weights)]
    short = amount - sum(parts)
    for _, neg_index in sorted(remainders, reverse=True)[:short]:
        parts[-neg_index] += 1
    return [sign * p for p in parts]
