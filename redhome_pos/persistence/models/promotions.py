"""Promotions and members: the rules, member prices, what each sale saved by which rule and
what returns took back; members, their consent and their points ledger.

A member's ``points_balance`` is a cached sum of their ``points_movements`` (like a stock
level), changed in the same transaction as the movement. Each movement has a unique
``reference`` (``earn:<receipt>``, ``redeem:<receipt>``, ``take_back:<return>`` …), so no sale or
return can move a member's points twice, whatever crashes or terminals do. An erased member
keeps the row (the ledger and sales still point at it) without name, phone or hashes.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class PromotionRow(Base):
    """One promotion rule; ``params`` holds the amounts of its kind (see domain.promotions)."""

    __tablename__ = "promotions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    kind: Mapped[str] = mapped_column(String(24))
    scope_kind: Mapped[str] = mapped_column(String(12))
    scope_values: Mapped[list[str]] = mapped_column(JSON, default=list)
    first_day: Mapped[date | None] = mapped_column(Date)
    last_day: Mapped[date | None] = mapped_column(Date)
    start_time: Mapped[str] = mapped_column(String(5), default="")  # HH:MM, store time
    end_time: Mapped[str] = mapped_column(String(5), default="")
    weekdays: Mapped[list[int]] = mapped_column(JSON, default=list)
    member_only: Mapped[bool] = mapped_column(Boolean, default=False)
    priority: Mapped[int] = mapped_column(Integer, default=100)
    stacking: Mapped[str] = mapped_column(String(16), default="stack")
    group_name: Mapped[str] = mapped_column(String(32), default="")
    stores: Mapped[list[str]] = mapped_column(JSON, default=list)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class PromotionStampRow(Base):
    """One row: a number raised with every change of the promotions or member prices, so a
    checkout knows in one read whether the rules it priced with are still those stored."""

    __tablename__ = "promotion_stamp"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class MemberPriceRow(Base):
    """A SKU's price for members."""

    __tablename__ = "member_prices"

    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), primary_key=True)
    price_fen: Mapped[int] = mapped_column(Integer)


class SalePromotionRow(Base):
    """What one promotion saved on one sale; ``deals`` lists its 第N件/买赠 pairings (units
    given a saving and the units that earned it, by line number and slot)."""

    __tablename__ = "sale_promotions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    promotion_id: Mapped[int | None] = mapped_column(ForeignKey("promotions.id"), index=True)
    code: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(60))
    saving_fen: Mapped[int] = mapped_column(Integer)
    deals: Mapped[list[Any]] = mapped_column(JSON, default=list)


class PointsRewardRow(Base):
    """A reward members take for points: a gift SKU free, or an amount off a sale."""

    __tablename__ = "points_rewards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    points: Mapped[int] = mapped_column(Integer)
    gift_sku_id: Mapped[int | None] = mapped_column(ForeignKey("skus.id"))
    amount_fen: Mapped[int] = mapped_column(Integer, default=0)
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class SaleRewardRow(Base):
    """A reward taken in a sale: its points, what it took off, and per line (line number,
    fen) where; a return gives the points back for the goods it returns."""

    __tablename__ = "sale_rewards"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    reward_id: Mapped[int] = mapped_column(ForeignKey("points_rewards.id"))
    code: Mapped[str] = mapped_column(String(32))
    label: Mapped[str] = mapped_column(String(80))
    points: Mapped[int] = mapped_column(Integer)
    value_fen: Mapped[int] = mapped_column(Integer)
    lines: Mapped[list[Any]] = mapped_column(JSON, default=list)


class PromotionClawbackRow(Base):
    """A saving a return took back: the goods that earned a half-price or free unit came
    back while that unit stayed with the customer."""

    __tablename__ = "promotion_clawbacks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    sale_promotion_id: Mapped[int] = mapped_column(ForeignKey("sale_promotions.id"), index=True)
    deal_no: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)


class MemberRow(Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_no: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(60), default="")
    phone_hash: Mapped[str | None] = mapped_column(String(64), unique=True)  # keyed hash
    phone_cipher: Mapped[str | None] = mapped_column(String(200))  # encrypted number
    phone_masked: Mapped[str] = mapped_column(String(20), default="")
    consent_at: Mapped[datetime] = mapped_column(UtcDateTime)
    consent_version: Mapped[str] = mapped_column(String(20))
    consent_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    enrolled_terminal: Mapped[str] = mapped_column(String(32), default="")
    erased_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    points_balance: Mapped[int] = mapped_column(Integer, default=0)


class PointsMovementRow(Base):
    __tablename__ = "points_movements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(16))  # earn|redeem|take_back|refund|expire|adjust
    points: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(80), unique=True)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), index=True)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"), index=True)
    expires_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    terminal_id: Mapped[str] = mapped_column(String(32), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))

    __table_args__ = (Index("ix_points_movements_member", "member_id", "id"),)
