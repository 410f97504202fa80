"""The sales of one till and business day, summed up for the counter's 今日流水."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from redhome_pos.domain.journal import SaleSummary
from redhome_pos.persistence.models.counter import (
    ReturnRow,
    SaleLineRow,
    SaleRow,
    SaleVoidRow,
    TenderRow,
)
from redhome_pos.persistence.models.promotions import MemberRow
from redhome_pos.persistence.models.staff import StaffRow


class JournalRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def day(self, terminal_id: str, business_date: date, limit: int = 500) -> list[SaleSummary]:
        """The day's sales at ``terminal_id``, newest first (at most ``limit``)."""
        session = self.session
        rows = session.execute(
            select(SaleRow.id, SaleRow.receipt_no, SaleRow.created_at, SaleRow.total_fen,
                   StaffRow.name, MemberRow.name.label("member_name"), MemberRow.phone_masked)
            .join(StaffRow, StaffRow.id == SaleRow.staff_id)
            .outerjoin(MemberRow, MemberRow.id == SaleRow.member_id)
            .where(SaleRow.terminal_id == terminal_id, SaleRow.business_date == business_date)
            .order_by(SaleRow.created_at.desc(), SaleRow.id.desc())
            .limit(limit)
        ).all()  # fmt: skip
        ids = [row.id for row in rows]
        if not ids:
            return []
        lines: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
        for sale_id, title, code, quantity in session.execute(
            select(SaleLineRow.sale_id, SaleLineRow.title, SaleLineRow.sku_code,
                   SaleLineRow.quantity)
            .where(SaleLineRow.sale_id.in_(ids), SaleLineRow.voided.is_(False))
            .order_by(SaleLineRow.sale_id, SaleLineRow.line_no)
        ):  # fmt: skip
            lines[sale_id].append((title, code, quantity))
        kinds: dict[int, list[str]] = defaultdict(list)
        for paid_for, kind in session.execute(
            select(TenderRow.sale_id, TenderRow.kind)
            .where(TenderRow.sale_id.in_(ids), TenderRow.amount_fen > 0)
            .order_by(TenderRow.id)
        ):
            if paid_for is not None and kind not in kinds[paid_for]:
                kinds[paid_for].append(kind)
        voided = set(
            session.scalars(select(SaleVoidRow.sale_id).where(SaleVoidRow.sale_id.in_(ids)))
        )
        returned = set(session.scalars(select(ReturnRow.sale_id).where(ReturnRow.sale_id.in_(ids))))
        return [
            SaleSummary(
                sale_id=row.id,
                receipt_no=row.receipt_no,
                created_at=row.created_at,
                total_fen=row.total_fen,
                items=sum(quantity for _t, _c, quantity in lines[row.id]),
                titles=tuple(title for title, _c, _q in lines[row.id]),
                sku_codes=tuple(code for _t, code, _q in lines[row.id]),
                clerk=row.name,
                tender_kinds=tuple(kinds[row.id]),
                voided=row.id in voided,
                returned=row.id in returned,
                customer=row.member_name or row.phone_masked or "",
            )
            for row in rows
        ]
