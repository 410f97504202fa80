"""Lots (批号) and expiry dates (有效期至) of lot-tracked SKUs: which lots a sale takes.

Plain values and rules, no database. A lot-tracked SKU's stock is kept per lot; the lot
``NO_LOT`` ("") holds units whose lot is not known (stock from before the SKU was tracked, a
delivery booked without its carton label). A sale takes the lot the clerk scanned (its GS1
code carries it) or, when the plain EAN was scanned, first-expiring-first-out (FEFO): lots with
a date by date, then undated lots, then the unknown lot. Expired goods are never taken unless a
manager allowed it; a unit is expired from the day after its expiry date (a cosmetic marked
"有效期至 2026-12-31" may be sold on the 31st).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from redhome_pos.domain.errors import DomainError

NO_LOT = ""
LOT_CODE_MAX = 20  # GS1 AI (10) allows up to 20 characters


class LotError(DomainError):
    """A lot rule refuses the action (expired goods, a malformed lot code)."""


class LotChoice(enum.StrEnum):
    SCAN = "scan"  # the clerk scanned the lot's own code
    FEFO = "fefo"  # the plain barcode was scanned: the lot that expires first
    OVERRIDE = "override"  # expired goods sold with a manager's approval


@dataclass(frozen=True, slots=True)
class LotLevel:
    lot_code: str
    expiry: date | None
    on_hand: int


@dataclass(frozen=True, slots=True)
class LotTake:
    """Units taken from (negative movement) or given back to one lot."""

    lot_code: str
    expiry: date | None
    quantity: int
    chosen_by: LotChoice = LotChoice.FEFO


def is_expired(expiry: date | None, today: date) -> bool:
    return expiry is not None and expiry < today


def expires_within(expiry: date | None, today: date, days: int) -> bool:
    """Not expired yet, but expiring within ``days`` days of ``today`` (inclusive)."""
    return expiry is not None and today <= expiry <= today + timedelta(days=days)


def check_lot_code(code: str) -> str:
    """A lot code as stored: trimmed, at most 20 printable ASCII characters (GS1 AI 10)."""
    value = code.strip()
    if len(value) > LOT_CODE_MAX or not all(" " < ch < "\x7f" for ch in value):
        raise LotError(
            "A lot number is up to 20 letters, digits or signs: {lot}", lot=value[:LOT_CODE_MAX]
        )
    return value


def _fefo_key(level: LotLevel) -> tuple[int, date, str]:
    if level.lot_code == NO_LOT:
        return (2, date.max, "")
    if level.expiry is None:
        return (1, date.max, level.lot_code)
    return (0, level.expiry, level.lot_code)


def fefo_order(levels: Iterable[LotLevel]) -> list[LotLevel]:
    """Lots in the order a sale takes them: dated by date, undated, then the unknown lot."""
    return sorted(levels, key=_fefo_key)


def take_fefo(
    levels: Sequence[LotLevel], quantity: int, today: date, *, allow_expired: bool = False
) -> list[LotTake]:
    """The lots ``quantity`` units come from, first-expiring first; ``quantity`` > 0.

    Expired lots are skipped unless ``allow_expired``; when the units not expired are not
    enough but expired ones are, the sale is refused (``LotError``): the clerk must not hand
    over expired goods without a manager. When the lots record fewer units than asked (stock
    never booked by lot), the rest is taken from the unknown lot.
    """
    if quantity <= 0:
        raise LotError("A lot take needs a positive quantity")
    takes: list[LotTake] = []
    left = quantity
    expired_units = 0
    for level in fefo_order(levels):
        if left == 0:
            break
        if level.on_hand <= 0 or level.lot_code == NO_LOT:
            continue
        if is_expired(level.expiry, today) and not allow_expired:
            expired_units += level.on_hand
            continue
        chosen = LotChoice.OVERRIDE if is_expired(level.expiry, today) else LotChoice.FEFO
        part = min(left, level.on_hand)
        takes.append(LotTake(level.lot_code, level.expiry, part, chosen))
        left -= part
    if left and expired_units:
        unknown = sum(lv.on_hand for lv in levels if lv.lot_code == NO_LOT and lv.on_hand > 0)
        if unknown < left:
            raise LotError(
                "Only expired units are left for {wanted} more: a manager must approve "
                "selling expired goods",
                wanted=left,
            )
    if left:
        unknown_expiry = next((lv.expiry for lv in levels if lv.lot_code == NO_LOT), None)
        takes.append(LotTake(NO_LOT, unknown_expiry, left, LotChoice.FEFO))
    return takes


def take_scanned(
    lot_code: str,
    expiry: date | None,
    quantity: int,
    today: date,
    *,
    allow_expired: bool = False,
) -> LotTake:
    """The take of a lot the clerk scanned; refused when it has expired and no manager allowed
    it. ``expiry`` is the lot's date as recorded, else as its code carries it."""
    if is_expired(expiry, today):
        if not allow_expired:
            assert expiry is not None
            raise LotError(
                "Lot {lot} expired on {expiry}: it cannot be sold without a manager",
                lot=lot_code,
                expiry=expiry.isoformat(),
            )
        return LotTake(lot_code, expiry, quantity, LotChoice.OVERRIDE)
    return LotTake(lot_code, expiry, quantity, LotChoice.SCAN)


def give_back(sold: Sequence[LotTake], quantity: int, *, returned_before: int = 0) -> list[LotTake]:
    """Which lots ``quantity`` returned units go back to: the lots the sale line took, the
    last taken first; ``returned_before`` units of the line already went back the same way."""
    remaining: list[LotTake] = []
    skip = returned_before
    for take in reversed(sold):
        used = min(skip, take.quantity)
        skip -= used
        if take.quantity - used > 0:
            remaining.insert(0, replace(take, quantity=take.quantity - used))
    sold = remaining
    takes: list[LotTake] = []
    left = quantity
    for take in reversed(sold):
        if left == 0:
            break
        part = min(left, take.quantity)
        if part > 0:
            takes.append(LotTake(take.lot_code, take.expiry, part, take.chosen_by))
            left -= part
    if left:
        takes.append(LotTake(NO_LOT, None, left, LotChoice.FEFO))
    return takes


def expired_units(levels: Iterable[LotLevel], today: date) -> int:
    """Units on hand in lots past their date (not to be offered online as sellable)."""
    return sum(lv.on_hand for lv in levels if lv.on_hand > 0 and is_expired(lv.expiry, today))
