"""Member points: earned per yuan paid, redeemed as payment (100 points = ￥1), taken back by
returns, expiring by date.

Points live on a ledger like stock: every change is a movement (``earn``, ``redeem``,
``take_back``, ``refund``, ``expire``), and a member's balance is the sum. Points a sale earns
expire on the last day of the twelfth month after the sale. Redeemed and taken-back points
use the oldest points first, so what expires is what is left of the oldest.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable
from datetime import date

from redhome_pos.domain.errors import DomainError

POINT_VALUE_FEN = 1  # 100 points pay ￥1
POINTS_PER_YUAN = 1  # earned per whole yuan paid (not counting what points paid)
EXPIRY_MONTHS = 12


class PointsError(DomainError):
    """Points cannot be redeemed or moved as asked."""


class PointsKind(enum.StrEnum):
    EARN = "earn"
    REDEEM = "redeem"
    TAKE_BACK = "take_back"  # a return takes back what its goods earned
    REFUND = "refund"  # a return gives back points that paid for the goods
    EXPIRE = "expire"


def earned_for(paid_fen: int) -> int:
    """Points earned by ``paid_fen`` paid with anything but points."""
    return max(0, paid_fen) // 100 * POINTS_PER_YUAN


def points_for(amount_fen: int) -> int:
    """Points needed to pay ``amount_fen``."""
    return amount_fen // POINT_VALUE_FEN


def expiry_of(earned_on: date) -> date:
    """The last day of the twelfth month after ``earned_on``."""
    month = earned_on.month - 1 + EXPIRY_MONTHS
    year, month = earned_on.year + month // 12, month % 12 + 1
    return date(year, month, calendar.monthrange(year, month)[1])


def taken_back(
    earned: int, total_fen: int, refunded_before_fen: int, refund_fen: int, taken_before: int
) -> int:
    """Points a return takes back: the sale's points in proportion to the money refunded, so
    returning everything takes back exactly what the sale earned, whatever the steps."""
    if earned <= 0 or total_fen <= 0:
        return 0
    refunded = min(total_fen, refunded_before_fen + refund_fen)
    return max(0, earned * refunded // total_fen - taken_before)


def due_to_expire(lots: Iterable[tuple[int, date]], spent: int, today: date) -> int:
    """Points to expire today: what is left of the lots (points earned, expiry day) past
    their day once ``spent`` (everything redeemed, taken back or expired so far) has used the
    oldest lots first."""
    left_to_use = spent
    due = 0
    for points, expires_on in sorted(lots, key=lambda lot: lot[1]):
        used = min(points, left_to_use)
        left_to_use -= used
        if expires_on < today:
            due += points - used
    return due
