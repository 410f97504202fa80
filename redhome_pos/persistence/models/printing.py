"""The print queue: every receipt, report, label and drawer kick waiting for a printer.

A job holds the printer-independent document as JSON, so it can be printed, retried and
reprinted without the data it was made from. ``status`` moves queued → printing → done, or to
failed (after its attempts, or an error that retrying cannot fix) or cancelled. Each terminal
prints its own jobs (``terminal_id``): counters sharing one database all name a "receipt" printer.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class PrintJobRow(Base):
    __tablename__ = "print_jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(32), default="")
    kind: Mapped[str] = mapped_column(String(24))
    printer: Mapped[str] = mapped_column(String(64))
    reference: Mapped[str] = mapped_column(String(64), default="")
    document: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    reprint_of: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    printed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (
        Index("ix_print_jobs_due", "terminal_id", "status", "next_attempt_at"),
        Index("ix_print_jobs_reference", "reference"),
    )
