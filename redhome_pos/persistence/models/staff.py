"""Staff who log in at the counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class StaffRow(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(16))  # clerk | supervisor | manager
    pin_hash: Mapped[str] = mapped_column(String(200), default="")
    badge_code: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_pins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # Lockouts in a row without a good PIN since: each one lasts longer (see PinState).
    pin_lockouts: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class StaffBadgeRow(Base):
    """A badge issued to a staff member: its id is in the signed badge code. A badge logs in
    only while its row exists and is not revoked (revoked rows are the revocation list)."""

    __tablename__ = "staff_badges"

    badge_id: Mapped[str] = mapped_column(String(16), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    issued_at: Mapped[datetime] = mapped_column(UtcDateTime)
    issued_by: Mapped[int | None] = mapped_column(Integer)
    revoked_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    revoked_by: Mapped[int | None] = mapped_column(Integer)
