"""Stock tables: the movement ledger and the cached level per SKU."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class StockMovementRow(Base):
    __tablename__ = "stock_movements"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    kind: Mapped[str] = mapped_column(String(24))
    quantity: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    terminal_id: Mapped[str] = mapped_column(String(32))
    reference: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # The lot (批号) moved, for lot-tracked SKUs ("" for none or not known) and its expiry.
    lot_code: Mapped[str] = mapped_column(String(20), default="", server_default="")
    expiry: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        Index("ix_stock_movements_sku_created", "sku_id", "created_at"),
        Index("ix_stock_movements_created", "created_at"),
    )


class StockLevelRow(Base):
    """On-hand per SKU, kept equal to the ledger sum in the same transaction."""

    __tablename__ = "stock_levels"

    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), primary_key=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class StockLotLevelRow(Base):
    """On-hand per lot of a lot-tracked SKU: the sum of that lot's movements. The lot ""
    holds units whose lot is not known (stock from before tracking, a short count)."""

    __tablename__ = "stock_lot_levels"

    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), primary_key=True)
    lot_code: Mapped[str] = mapped_column(String(20), primary_key=True)
    expiry: Mapped[date | None] = mapped_column(Date, index=True)
    on_hand: Mapped[int] = mapped_column(Integer, default=0)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class SaleLineLotRow(Base):
    """Which lots a sale line took (a line of a lot-tracked SKU may span lots)."""

    __tablename__ = "sale_line_lots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    lot_code: Mapped[str] = mapped_column(String(20))
    expiry: Mapped[date | None] = mapped_column(Date)
    quantity: Mapped[int] = mapped_column(Integer)
    chosen_by: Mapped[str] = mapped_column(String(12))  # scan | fefo | override
