"""Reports on promotions and members: sales by promotion with what each cost, the members'
share of sales, and the points the store owes its members."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from redhome_pos.domain.points import POINT_VALUE_FEN, PointsKind
from redhome_pos.persistence.models.counter import SaleLineRow, SaleRow, SaleVoidRow
from redhome_pos.persistence.models.promotions import (
    MemberRow,
    PointsMovementRow,
    PromotionClawbackRow,
    SalePromotionRow,
)


def _counted(first_day: date, last_day: date) -> tuple[ColumnElement[bool], ...]:
    voided = select(SaleVoidRow.sale_id).where(SaleVoidRow.sale_id == SaleRow.id).exists()
    return (~voided, SaleRow.business_date >= first_day, SaleRow.business_date <= last_day)


def promotions_rows(session: Session, first_day: date, last_day: date) -> list[tuple[Any, ...]]:
    """Per promotion: its words, sales, units it lowered, what it cost (savings less what
    returns kept back) and what the goods it touched brought in."""
    counted = _counted(first_day, last_day)
    given = session.execute(
        select(
            SalePromotionRow.code,
            SalePromotionRow.label,
            func.count(func.distinct(SalePromotionRow.sale_id)),
            func.sum(SalePromotionRow.saving_fen),
        )
        .join(SaleRow, SaleRow.id == SalePromotionRow.sale_id)
        .where(*counted)
        .group_by(SalePromotionRow.code, SalePromotionRow.label)
    ).all()
    kept = dict(
        session.execute(
            select(SalePromotionRow.code, func.sum(PromotionClawbackRow.amount_fen))
            .join(SalePromotionRow, SalePromotionRow.id == PromotionClawbackRow.sale_promotion_id)
            .join(SaleRow, SaleRow.id == SalePromotionRow.sale_id)
            .where(*counted)
            .group_by(SalePromotionRow.code)
        ).all()
    )
    units: dict[str, int] = defaultdict(int)
    revenue: dict[str, int] = defaultdict(int)
    for quantity, amount, savings in session.execute(
        select(SaleLineRow.quantity, SaleLineRow.amount_fen, SaleLineRow.savings)
        .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
        .where(SaleLineRow.savings.is_not(None), SaleLineRow.voided.is_(False), *counted)
    ):
        for code, _label, _fen in savings or ():
            units[code] += int(quantity)
            revenue[code] += int(amount)
    rows = [
        (
            code,
            label,
            int(sales),
            units[code],
            int(saved or 0) - int(kept.get(code) or 0),
            revenue[code],
        )
        for code, label, sales, saved in given
    ]
    rows.sort(key=lambda row: (-row[4], row[0]))
    return rows


def member_share_rows(session: Session, first_day: date, last_day: date) -> list[tuple[Any, ...]]:
    """Sales and revenue of members and of other customers, with each one's share."""
    member = case((SaleRow.member_id.is_(None), "others"), else_="members")
    found = dict(
        (who, (int(n), int(t or 0)))
        for who, n, t in session.execute(
            select(member, func.count(SaleRow.id), func.sum(SaleRow.total_fen))
            .where(*_counted(first_day, last_day))
            .group_by(member)
        )
    )
    total = sum(t for _, t in found.values())
    rows = []
    for who in ("members", "others"):
        sales, revenue = found.get(who, (0, 0))
        share = f"{revenue * 100 / total:.1f}%" if total else "0.0%"
        rows.append((who, sales, revenue, share))
    return rows


def points_rows(session: Session, start: datetime, end: datetime) -> list[tuple[Any, ...]]:
    """Points moved in the period by kind, and what members hold now (the liability)."""
    moved = dict(
        session.execute(
            select(PointsMovementRow.kind, func.sum(PointsMovementRow.points))
            .where(PointsMovementRow.created_at >= start, PointsMovementRow.created_at < end)
            .group_by(PointsMovementRow.kind)
        ).all()
    )
    rows: list[tuple[Any, ...]] = [
        (
            kind.value,
            int(moved.get(kind.value) or 0),
            int(moved.get(kind.value) or 0) * POINT_VALUE_FEN,
        )
        for kind in PointsKind
    ]
    held = int(
        session.scalar(
            select(func.sum(MemberRow.points_balance)).where(MemberRow.points_balance > 0)
        )
        or 0
    )
    members = int(
        session.scalar(select(func.count(MemberRow.id)).where(MemberRow.points_balance > 0)) or 0
    )
    rows.append((f"held now by {members} members", held, held * POINT_VALUE_FEN))
    return rows
