"""Manager tables: reconciliation runs and their differences, stock counts, deliveries received.

Reconciliation lines keep the decision taken on them (who, why, when, and the movement or
outbox row it made). A count line keeps the ledger's on-hand at the moment its SKU was first
counted, so movements during the count are accounted for when it is posted.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class ReconciliationRunRow(Base):
    __tablename__ = "reconciliation_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    finished_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    terminal_id: Mapped[str] = mapped_column(String(32))
    skus_here: Mapped[int] = mapped_column(Integer)
    skus_online: Mapped[int] = mapped_column(Integer)
    differences: Mapped[int] = mapped_column(Integer)
    value_fen: Mapped[int] = mapped_column(Integer)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class ReconciliationLineRow(Base):
    __tablename__ = "reconciliation_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("reconciliation_runs.id"))
    kind: Mapped[str] = mapped_column(String(24))
    sku_id: Mapped[int | None] = mapped_column(ForeignKey("skus.id"))
    red_sku_id: Mapped[str] = mapped_column(String(64), default="")
    sku_code: Mapped[str] = mapped_column(String(64), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    here: Mapped[int | None] = mapped_column(Integer)
    online: Mapped[int | None] = mapped_column(Integer)
    value_fen: Mapped[int] = mapped_column(Integer, default=0)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    resolution: Mapped[str | None] = mapped_column(String(24))
    resolved_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    resolution_reason: Mapped[str] = mapped_column(String(200), default="")
    resolution_ref: Mapped[str] = mapped_column(String(64), default="")

    __table_args__ = (Index("ix_reconciliation_lines_run_kind", "run_id", "kind"),)


class StockCountRow(Base):
    __tablename__ = "stock_counts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), default="")
    scope: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(12), index=True)  # open | posted | cancelled
    snapshot_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    terminal_id: Mapped[str] = mapped_column(String(32))
    posted_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    posted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class StockCountLineRow(Base):
    __tablename__ = "stock_count_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    count_id: Mapped[int] = mapped_column(ForeignKey("stock_counts.id"))
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    on_hand_at_snapshot: Mapped[int] = mapped_column(Integer)
    counted: Mapped[int | None] = mapped_column(Integer)
    counted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    counted_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    recount: Mapped[bool] = mapped_column(Boolean, default=False)
    reason: Mapped[str] = mapped_column(String(200), default="")
    movement_id: Mapped[str] = mapped_column(String(32), default="")
    # Lot-tracked goods counted by lot: each lot's on-hand when counting began
    # ({lot: units}) and what was counted of each ({lot: [expiry or None, units]}).
    lot_snapshot: Mapped[dict[str, int] | None] = mapped_column(JSON)
    lot_counts: Mapped[dict[str, list[Any]] | None] = mapped_column(JSON)

    __table_args__ = (UniqueConstraint("count_id", "sku_id", name="uq_stock_count_lines_sku"),)


class ReceivingRow(Base):
    """A delivery being received: from a delivery note, or scanned without one."""

    __tablename__ = "receivings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(64), default="")  # delivery note number
    supplier: Mapped[str] = mapped_column(String(100), default="")
    state: Mapped[str] = mapped_column(String(12), index=True)  # open | posted
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    terminal_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    posted_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    posted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ReceivingLineRow(Base):
    __tablename__ = "receiving_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receiving_id: Mapped[int] = mapped_column(ForeignKey("receivings.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(64))  # as on the note or scanned
    sku_id: Mapped[int | None] = mapped_column(ForeignKey("skus.id"))
    expected: Mapped[int] = mapped_column(Integer, default=0)
    received: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(200), default="")
    movement_id: Mapped[str] = mapped_column(String(32), default="")

    __table_args__ = (UniqueConstraint("receiving_id", "line_no", name="uq_receiving_lines_line"),)


class ReceivingLotRow(Base):
    """Units of a delivery line received by lot (the carton's GS1 label, or typed in)."""

    __tablename__ = "receiving_lots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receiving_id: Mapped[int] = mapped_column(ForeignKey("receivings.id"))
    line_no: Mapped[int] = mapped_column(Integer)
    lot_code: Mapped[str] = mapped_column(String(20))
    expiry: Mapped[date | None] = mapped_column(Date)
    received: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("receiving_id", "line_no", "lot_code", name="uq_receiving_lots_lot"),
    )
