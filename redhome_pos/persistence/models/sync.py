"""Sync tables: what the sync engine keeps to stay in step with the online store.

Cursors per stream, the store's OAuth tokens, online orders with their lines (and the stock
they hold back for the store to fulfil), the parcels that left with their delivery intents,
the online SKUs last seen, a sync log in words for the manager, and the lease that makes one
terminal the sync engine.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class SyncCursorRow(Base):
    """How far one stream (catalog, orders, …) has read the online store."""

    __tablename__ = "sync_cursors"

    stream: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[datetime | None] = mapped_column(UtcDateTime)
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_success_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class OnlineTokenRow(Base):
    """The store's authorisation with its online store (secrets: never logged)."""

    __tablename__ = "online_tokens"

    store_kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    access_token: Mapped[str] = mapped_column(Text)
    access_expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    refresh_token: Mapped[str] = mapped_column(Text)
    refresh_expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
    seller_id: Mapped[str] = mapped_column(String(64), default="")
    seller_name: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class OnlineSkuRow(Base):
    """An online SKU as last read from the catalog, and the store SKU it maps to."""

    __tablename__ = "online_skus"

    red_sku_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    sku_id: Mapped[int | None] = mapped_column(ForeignKey("skus.id"), index=True)
    red_item_id: Mapped[str] = mapped_column(String(64), default="")
    buyable: Mapped[bool] = mapped_column(Boolean, default=True)
    # Sold online in packs of this many (ipq): its stock comes from the single, never pushed.
    pack_units: Mapped[int] = mapped_column(Integer, default=1)
    online_updated_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    changed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # the read that changed it
    gone_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    # The online figures as last read (the mirror a reconciliation compares the store with;
    # price None: not read since these columns came in).
    title: Mapped[str] = mapped_column(String(200), default="")
    erp_code: Mapped[str] = mapped_column(String(64), default="")
    price_fen: Mapped[int | None] = mapped_column(Integer)
    original_price_fen: Mapped[int | None] = mapped_column(Integer)
    barcodes: Mapped[list[str]] = mapped_column(JSON, default=list)
    mirrored_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class OnlineOrderRow(Base):
    """An online order, upserted by its id; ``ours`` when the store's warehouse fulfils it."""

    __tablename__ = "online_orders"

    order_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    status: Mapped[str] = mapped_column(String(24))
    fulfilment: Mapped[str] = mapped_column(String(8))  # pickup | ship
    warehouse_code: Mapped[str] = mapped_column(String(64), default="")
    ours: Mapped[bool] = mapped_column(Boolean, default=False)
    online_created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    online_updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    # Who receives the parcel: the platform's ciphertexts (only it can open them, by a
    # monitored call when a label is printed) and its masked forms; never the clear text.
    receiver_name_sealed: Mapped[str] = mapped_column(Text, default="")
    receiver_phone_sealed: Mapped[str] = mapped_column(Text, default="")
    receiver_address_sealed: Mapped[str] = mapped_column(Text, default="")
    receiver_name_masked: Mapped[str] = mapped_column(String(100), default="")
    receiver_phone_masked: Mapped[str] = mapped_column(String(32), default="")
    receiver_address_masked: Mapped[str] = mapped_column(String(400), default="")
    receiver_region: Mapped[str] = mapped_column(String(100), default="")
    # The buyer asked to cancel (a refund before shipment is open): stop picking, never hand over.
    cancel_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    paid_fen: Mapped[int] = mapped_column(Integer, default=0)
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (Index("ix_online_orders_ours_status", "ours", "status"),)


class OnlineOrderLineRow(Base):
    """One line of an online order; ``reserved`` units are held back for the store to pick."""

    __tablename__ = "online_order_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("online_orders.order_id"))
    line_no: Mapped[int] = mapped_column(Integer)
    red_sku_id: Mapped[str] = mapped_column(String(64))
    sku_id: Mapped[int | None] = mapped_column(ForeignKey("skus.id"))
    quantity: Mapped[int] = mapped_column(Integer)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    barcode: Mapped[str] = mapped_column(String(64), default="")
    erp_code: Mapped[str] = mapped_column(String(64), default="")
    title: Mapped[str] = mapped_column(String(200), default="")
    reserved: Mapped[int] = mapped_column(Integer, default=0)

    __table_args__ = (
        UniqueConstraint("order_id", "line_no", name="uq_online_order_lines_order_line"),
        Index("ix_online_order_lines_sku_reserved", "sku_id", "reserved"),
    )


class OnlineAfterSaleRow(Base):
    """An after-sale (return, exchange, refund) of an online order, upserted by its id.

    ``received_at``: the store confirmed the returned goods (they were booked back into its
    stock in the same transaction); ``confirm_state`` follows the confirmation call to the
    online store (pending → sent → confirmed), as deliveries do.
    """

    __tablename__ = "online_after_sales"

    returns_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    order_id: Mapped[str] = mapped_column(String(64), index=True)
    return_type: Mapped[int] = mapped_column(Integer)
    status: Mapped[int] = mapped_column(Integer)
    ours: Mapped[bool] = mapped_column(Boolean, default=False)
    applied_at: Mapped[datetime] = mapped_column(UtcDateTime)
    online_updated_at: Mapped[datetime] = mapped_column(UtcDateTime)
    refund_fen: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str] = mapped_column(String(200), default="")
    lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    received_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    confirm_state: Mapped[str] = mapped_column(String(12), default="")
    confirm_error: Mapped[str] = mapped_column(Text, default="")
    fetched_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ParcelRow(Base):
    """One parcel of an online order leaving the store, and the store's intent to tell the
    online store: pending → sent → confirmed (or void when the order was cancelled first).

    An order leaves in one parcel, or in several (a split shipment: part now, the rest later),
    each with its own courier and tracking number. ``sku_ids`` are the online SKUs the parcel
    is told as (the platform records a split by whole SKUs: those whose last units it holds);
    empty when the parcel is the whole order at once.
    """

    __tablename__ = "parcels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("online_orders.order_id"))
    parcel_no: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(12), index=True)
    method: Mapped[str] = mapped_column(String(8))  # pickup | ship
    express_no: Mapped[str] = mapped_column(String(64))
    company_code: Mapped[str] = mapped_column(String(32))
    sku_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    terminal_id: Mapped[str] = mapped_column(String(32), default="")
    requested_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    confirmed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    refused_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (UniqueConstraint("order_id", "parcel_no", name="uq_parcels_order_parcel"),)


class ParcelLineRow(Base):
    """The units of one order line that left in one parcel."""

    __tablename__ = "parcel_lines"

    parcel_id: Mapped[int] = mapped_column(ForeignKey("parcels.id"), primary_key=True)
    line_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    quantity: Mapped[int] = mapped_column(Integer)


class SyncLogRow(Base):
    """One event of the sync in words (English template + params; the UI translates)."""

    __tablename__ = "sync_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    stream: Mapped[str] = mapped_column(String(32))
    level: Mapped[str] = mapped_column(String(8))  # info | warning | error
    template: Mapped[str] = mapped_column(Text)
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class SyncLeaseRow(Base):
    """Which terminal runs the sync engine, until when; an expired lease can be taken over."""

    __tablename__ = "sync_lease"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    holder: Mapped[str] = mapped_column(String(100))
    acquired_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)
