"""Payment tables: every wallet charge attempt and every refund through a provider.

An attempt row is written and committed BEFORE its charge leaves the computer (rule 2 of
payments.md), so a crash at any moment leaves a row that start-up resolves by asking the
provider. ``out_trade_no`` and ``out_refund_no`` are unique: the provider's idempotency keys,
reused on every retry of the same charge or refund, never made anew for it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base, UtcDateTime, utcnow


class PaymentAttemptRow(Base):
    """One charge of a customer's payment code (state: ``domain.payments.AttemptState``)."""

    __tablename__ = "payment_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    out_trade_no: Mapped[str] = mapped_column(String(32), unique=True)
    provider: Mapped[str] = mapped_column(String(16))  # wechat | alipay
    amount_fen: Mapped[int] = mapped_column(Integer)
    terminal_id: Mapped[str] = mapped_column(String(32))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    purpose: Mapped[str] = mapped_column(String(8), default="sale")  # sale | test
    state: Mapped[str] = mapped_column(String(16))
    transaction_id: Mapped[str | None] = mapped_column(String(64))
    masked_code: Mapped[str] = mapped_column(String(32), default="")
    reason_code: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    paid_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), index=True)

    __table_args__ = (Index("ix_payment_attempts_state", "state", "terminal_id"),)


class PaymentRefundRow(Base):
    """Money sent back through the provider to an attempt's payment (state: RefundState)."""

    __tablename__ = "payment_refunds"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    out_refund_no: Mapped[str] = mapped_column(String(64), unique=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("payment_attempts.id"), index=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    state: Mapped[str] = mapped_column(String(16), index=True)
    refund_id: Mapped[str | None] = mapped_column(String(64))
    return_id: Mapped[int | None] = mapped_column(ForeignKey("returns.id"), index=True)
    sale_id: Mapped[int | None] = mapped_column(ForeignKey("sales.id"), index=True)  # a void
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    terminal_id: Mapped[str] = mapped_column(String(32))
    reason_code: Mapped[str] = mapped_column(String(64), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
