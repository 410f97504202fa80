"""Counter tables: sales and their lines and tenders, returns, shifts, cash, approvals, audit.

Sales, lines, tenders, returns and audit events are only ever inserted. A voided sale gets a
``sale_voids`` row; a shift's open/closed state lives on the shift row, where ``open_terminal``
is the terminal id while the shift is open and NULL once closed: its unique constraint allows
one open shift per terminal on every database.
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


class ShiftRow(Base):
    __tablename__ = "shifts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(32), index=True)
    open_terminal: Mapped[str | None] = mapped_column(String(32), unique=True)
    opened_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    float_fen: Mapped[int] = mapped_column(Integer)
    closed_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class ShiftReportRow(Base):
    """An X or Z report as it was printed (figures and counts frozen as JSON)."""

    __tablename__ = "shift_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(1))  # X | Z
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    report: Mapped[dict[str, Any]] = mapped_column(JSON)


class ReceiptSequenceRow(Base):
    """The last receipt number used per terminal, business day and series (sale/return)."""

    __tablename__ = "receipt_sequences"

    terminal_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    business_date: Mapped[date] = mapped_column(Date, primary_key=True)
    series: Mapped[str] = mapped_column(String(1), primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)


class ApprovalRow(Base):
    """A PIN entered by someone allowed to, for one action of someone who is not."""

    __tablename__ = "approvals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action: Mapped[str] = mapped_column(String(32))
    approver_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    requested_by: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    terminal_id: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # an approval is for one action


class SaleRow(Base):
    __tablename__ = "sales"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    receipt_no: Mapped[str] = mapped_column(String(64), unique=True)
    terminal_id: Mapped[str] = mapped_column(String(32))
    business_date: Mapped[date] = mapped_column(Date)
    seq: Mapped[int] = mapped_column(Integer)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    subtotal_fen: Mapped[int] = mapped_column(Integer)
    discount_fen: Mapped[int] = mapped_column(Integer)
    total_fen: Mapped[int] = mapped_column(Integer)
    change_fen: Mapped[int] = mapped_column(Integer)
    vat: Mapped[list[dict[str, int]]] = mapped_column(JSON)
    promotion_fen: Mapped[int] = mapped_column(Integer, default=0)  # saved by promotions
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)

    __table_args__ = (
        UniqueConstraint("terminal_id", "business_date", "seq", name="uq_sales_terminal_seq"),
    )


class SaleLineRow(Base):
    __tablename__ = "sale_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    line_no: Mapped[int] = mapped_column(Integer)
    sku_id: Mapped[int] = mapped_column(ForeignKey("skus.id"), index=True)
    sku_code: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    variant: Mapped[str] = mapped_column(String(200), default="")
    quantity: Mapped[int] = mapped_column(Integer)
    list_price_fen: Mapped[int] = mapped_column(Integer)
    unit_price_fen: Mapped[int] = mapped_column(Integer)
    discount_fen: Mapped[int] = mapped_column(Integer)
    amount_fen: Mapped[int] = mapped_column(Integer)
    vat_rate_bp: Mapped[int] = mapped_column(Integer)
    note_id: Mapped[str | None] = mapped_column(String(64), index=True)
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    override_approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    discount_approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    # Promotions: what they saved on the line, in their words ([code, label, fen] each), and
    # each unit's amount after them, cheapest first ([amount, count] runs): returns refund
    # units from this, the cheapest first.
    promotion_fen: Mapped[int] = mapped_column(Integer, default=0)
    savings: Mapped[list[Any] | None] = mapped_column(JSON)
    unit_amounts: Mapped[list[Any] | None] = mapped_column(JSON)


class SaleVoidRow(Base):
    __tablename__ = "sale_voids"

    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ReturnRow(Base):
    __tablename__ = "returns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_no: Mapped[str] = mapped_column(String(64), unique=True)
    sale_id: Mapped[int] = mapped_column(ForeignKey("sales.id"), index=True)
    terminal_id: Mapped[str] = mapped_column(String(32))
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    reason: Mapped[str] = mapped_column(String(200), default="")
    refund_fen: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ReturnLineRow(Base):
    __tablename__ = "return_lines"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    return_id: Mapped[int] = mapped_column(ForeignKey("returns.id"), index=True)
    sale_line_id: Mapped[int] = mapped_column(ForeignKey("sale_lines.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer)
    refund_fen: Mapped[int] = mapped_column(Integer)
    damaged: Mapped[bool] = mapped_column(Boolean, default=False)


class TenderRow(Base):
    """Money in (a sale's tender, positive) or out (a refund, negative), per kind."""

    __tablename__ = "tenders"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), index=True)
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"), index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Integer)
    tendered_fen: Mapped[int] = mapped_column(Integer)
    reference: Mapped[str] = mapped_column(String(64), default="")  # provider transaction id
    payment_code: Mapped[str] = mapped_column(String(64), default="")
    # Wallet tenders: the provider and our order number of the payment (or refunded payment).
    provider: Mapped[str] = mapped_column(String(16), default="")
    out_trade_no: Mapped[str] = mapped_column(String(32), default="", index=True)


class CashMovementRow(Base):
    __tablename__ = "cash_movements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shifts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # cash_in | cash_out | drawer_open
    amount_fen: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(String(200), default="")
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    approval_id: Mapped[int | None] = mapped_column(ForeignKey("approvals.id"))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class ParkedCartRow(Base):
    __tablename__ = "parked_carts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    terminal_id: Mapped[str] = mapped_column(String(32), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    label: Mapped[str] = mapped_column(String(100), default="")
    parked_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    cart: Mapped[dict[str, Any]] = mapped_column(JSON)


class AuditEventRow(Base):
    __tablename__ = "audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    action: Mapped[str] = mapped_column(String(32))
    staff_id: Mapped[int | None] = mapped_column(Integer)
    terminal_id: Mapped[str] = mapped_column(String(32))
    detail: Mapped[dict[str, Any]] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_audit_events_action", "action", "seq"),)


class AuditHeadRow(Base):
    """The newest event of the audit chain, in one row (id 1).

    Appending updates this row first, so concurrent appends from several terminals on one
    server queue on its row lock instead of forking the chain; ``audit verify`` also compares
    it with the newest event, which finds deleted newest events.
    """

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))
