"""Catalog tables: products, SKUs, barcodes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class ProductRow(Base):
    __tablename__ = "products"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title_zh: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200), default="")
    brand: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[str] = mapped_column(String(100), default="", index=True)
    vat_rate_bp: Mapped[int] = mapped_column(Integer, default=1300)
    red_item_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    skus: Mapped[list[SkuRow]] = relationship(back_populates="product")


class SkuRow(Base):
    __tablename__ = "skus"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    variant: Mapped[dict[str, str]] = mapped_column(JSON, default=dict)
    price_fen: Mapped[int] = mapped_column(Integer)
    original_price_fen: Mapped[int] = mapped_column(Integer)
    red_sku_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    location: Mapped[str] = mapped_column(String(40), default="")
    # Lot-tracked: its stock is kept per lot (批号) with an expiry date, sold first-expiring first.
    lot_tracked: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    product: Mapped[ProductRow] = relationship(back_populates="skus")
    barcodes: Mapped[list[BarcodeRow]] = relationship(back_populates="sku")


class BarcodeRow(Base):
    __tablename__ = "barcodes"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"))
    symbology: Mapped[str] = mapped_column(String(16))

    sku: Mapped[SkuRow] = relationship(back_populates="barcodes")

    __table_args__ = (Index("ix_barcodes_sku_id", "sku_id"),)
