"""RED notes the store has met: which products a note is about, how often it was scanned,
and the short links seen at the counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class NoteLinkRow(Base):
    """A note is about this SKU: linked once by staff, shared by every till."""

    __tablename__ = "note_links"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    note_id: Mapped[str] = mapped_column(String(64))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    linked_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    linked_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (
        UniqueConstraint("note_id", "sku_id", name="uq_note_links_note_sku"),
        Index("ix_note_links_sku_id", "sku_id"),
    )


class NoteScanRow(Base):
    """How often customers showed a note at the counter, linked to products or not yet."""

    __tablename__ = "note_scans"

    note_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    scan_count: Mapped[int] = mapped_column(Integer, default=0)
    first_scanned_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_scanned_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (Index("ix_note_scans_count", "scan_count"),)


class ShortLinkRow(Base):
    """An ``xhslink.com`` link seen at the counter, and the note it led to once resolved."""

    __tablename__ = "short_links"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    note_id: Mapped[str | None] = mapped_column(String(64))
    scan_count: Mapped[int] = mapped_column(Integer, default=0)
    first_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
