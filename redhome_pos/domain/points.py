"""Member points: earned per yuan paid, redeemed as payment (100 points = ￥1) or for a reward
a manager defines (a gift SKU free, or an amount off a sale), taken back by returns, expiring
by date.

Points live on a ledger like stock: every change is a movement (``earn``, ``redeem``,
``take_back``, ``refund``, ``expire``, ``reward``, ``reward_back``), and a member's balance is
the sum. Points a sale earns
expire on the last day of the twelfth month after the sale. Redeemed and taken-back points
use the oldest points first, so what expires is what is left of the oldest.
"""

from __future__ import annotations

import calendar
import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import MAX_AMOUNT_FEN, format_fen

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
    REWARD = "reward"  # points spent on a reward (a gift, an amount off a sale)
    REWARD_BACK = "reward_back"  # a return gives back a reward's points for its goods
    VOID = "void"  # a voided sale undoes every points movement it made


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


@dataclass(frozen=True, slots=True)
class Reward:
    """What a member may take for points: one unit of ``gift_sku_id`` free (the SKU must be
    in the sale), or ``amount_fen`` off the sale (at most what is left to pay)."""

    code: str
    points: int
    name: str = ""
    gift_sku_id: int | None = None
    gift_title: str = ""  # the gift's title, for the words shown
    gift_code: str = ""  # the gift's SKU code, for the editor
    amount_fen: int = 0
    id: int | None = None
    ended: bool = False

    def __post_init__(self) -> None:
        if not self.code.strip():
            raise PointsError("A reward needs a code")
        if self.points <= 0:
            raise PointsError("A reward costs at least one point")
        if (self.gift_sku_id is None) == (self.amount_fen <= 0):
            raise PointsError("A reward is either a gift SKU or an amount off, not both")
        if self.amount_fen > MAX_AMOUNT_FEN:
            raise PointsError("Impossible amount for a reward")

    @property
    def label(self) -> str:
        """The words the cart, the receipt and the points history show."""
        if self.name.strip():
            return self.name.strip()
        if self.gift_sku_id is not None:
            return f"积分兑换赠品 {self.gift_title}".strip()
        return f"积分抵扣{format_fen(self.amount_fen, sign=False)}"


def reward_points_back(points: int, value_fen: int, returned_fen: int, given_before: int) -> int:
    """Points a return gives back for a reward: the reward's points in proportion to the
    part of its value on the goods returned so far (``returned_fen``), so returning all its
    goods gives back exactly its points, whatever the steps."""
    if points <= 0 or value_fen <= 0:
        return 0
    return max(0, points * min(returned_fen, value_fen) // value_fen - given_before)
