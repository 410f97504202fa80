"""Points moved by sales and returns, in their own transaction (all or nothing with them).

A sale of a member: points paying part of it are redeemed (refused if the balance is short,
checked and debited in one statement, so two terminals cannot spend the same points), then the
sale earns points on what the rest paid. A return takes back the points its refund earned and
gives back points that paid for the goods. Each movement's reference names its sale or return
once (``earn:<receipt>``…), so a sale or return can never move points twice.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from redhome_pos.domain.members import MemberError
from redhome_pos.domain.points import (
    PointsKind,
    due_to_expire,
    earned_for,
    expiry_of,
    points_for,
    taken_back,
)
from redhome_pos.domain.sale import Sale, business_date
from redhome_pos.domain.tender import Refund, TenderError, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import ReturnRow
from redhome_pos.persistence.models.promotions import MemberRow, PointsMovementRow
from redhome_pos.persistence.repositories.members import MemberRepository
from redhome_pos.services.counter import Till


def expire_due(session: Session, till: Till, member_id: int) -> int:
    """Write off the member's points past their expiry day; returns how many."""
    members = MemberRepository(session)
    lots, spent = members.lots_and_spent(member_id)
    today = business_date(till.now(), till.timezone)
    due = due_to_expire(lots, spent, today)
    if due > 0:
        members.move(
            member_id,
            PointsKind.EXPIRE,
            -due,
            f"expire:{member_id}:{today.isoformat()}",
            till.now(),
            terminal_id=till.terminal_id,
            may_go_below_zero=True,
        )
    return due


def settle_sale(
    session: Session, till: Till, staff_id: int, sale: Sale, sale_id: int, member_id: int | None
) -> Sale:
    """Redeem the points that paid and earn on the rest; the sale comes back with the points
    earned and the balance (for the receipt)."""
    paid_by_points = sum(t.amount_fen for t in sale.tenders if t.kind is TenderKind.POINTS)
    if member_id is None:
        if paid_by_points:
            raise TenderError("Points pay only for a member: find the member first")
        return sale
    members = MemberRepository(session)
    member = members.get(member_id)
    if member is None or member.erased:
        raise MemberError("No member {number}", number=str(member_id))
    expire_due(session, till, member_id)
    now = till.now()
    balance = member.points_balance
    if paid_by_points:
        balance = members.move(
            member_id,
            PointsKind.REDEEM,
            -points_for(paid_by_points),
            f"redeem:{sale.receipt_no}",
            now,
            terminal_id=till.terminal_id,
            staff_id=staff_id,
            sale_id=sale_id,
        )
    earned = earned_for(sale.total_fen - paid_by_points)
    if earned:
        balance = members.move(
            member_id,
            PointsKind.EARN,
            earned,
            f"earn:{sale.receipt_no}",
            now,
            expires_on=expiry_of(sale.business_date),
            terminal_id=till.terminal_id,
            staff_id=staff_id,
            sale_id=sale_id,
        )
    else:
        balance = int(
            session.scalar(select(MemberRow.points_balance).where(MemberRow.id == member_id)) or 0
        )
    return replace(sale, member_id=member_id, points_earned=earned, points_balance=balance)


def settle_return(
    session: Session,
    till: Till,
    staff_id: int,
    sale: Sale,
    return_id: int,
    return_no: str,
    refund_fen: int,
    refunds: tuple[Refund, ...],
) -> None:
    """Take back what the refunded goods earned; give back points that are refunded."""
    if sale.member_id is None or sale.id is None:
        return
    members = MemberRepository(session)
    earned, taken_before = members.sale_points(sale.id)
    refunded_before = int(
        session.scalar(
            select(func.sum(ReturnRow.refund_fen)).where(
                ReturnRow.sale_id == sale.id, ReturnRow.id != return_id
            )
        )
        or 0
    )
    take = taken_back(earned, sale.total_fen, refunded_before, refund_fen, taken_before)
    now = till.now()
    if take:
        members.move(
            sale.member_id,
            PointsKind.TAKE_BACK,
            -take,
            f"take_back:{return_no}",
            now,
            may_go_below_zero=True,  # the member may have spent them: the balance owes them
            terminal_id=till.terminal_id,
            staff_id=staff_id,
            sale_id=sale.id,
            return_id=return_id,
        )
    given = sum(r.amount_fen for r in refunds if r.kind is TenderKind.POINTS)
    if given:
        members.move(
            sale.member_id,
            PointsKind.REFUND,
            points_for(given),
            f"refund:{return_no}",
            now,
            terminal_id=till.terminal_id,
            staff_id=staff_id,
            sale_id=sale.id,
            return_id=return_id,
        )


def settle_void(session: Session, till: Till, staff_id: int, sale: Sale) -> None:
    """A voided sale undoes what it moved on the member's points (earned, paid with, spent on
    rewards), in one movement under ``void:<receipt>`` (once: a sale is voided once)."""
    if sale.member_id is None or sale.id is None:
        return
    moved = int(
        session.scalar(
            select(func.sum(PointsMovementRow.points)).where(
                PointsMovementRow.sale_id == sale.id, PointsMovementRow.return_id.is_(None)
            )
        )
        or 0
    )
    if moved:
        MemberRepository(session).move(
            sale.member_id,
            PointsKind.VOID,
            -moved,
            f"void:{sale.receipt_no}",
            till.now(),
            may_go_below_zero=True,  # the member may have spent what the sale earned
            terminal_id=till.terminal_id,
            staff_id=staff_id,
            sale_id=sale.id,
        )


def expire_all(database: Database, till: Till) -> int:
    """Write off expired points of every member (a daily job); returns the points."""
    with database.unit_of_work() as uow:
        ids = list(uow.session.scalars(select(MemberRow.id).where(MemberRow.erased_at.is_(None))))
        total = sum(expire_due(uow.session, till, member_id) for member_id in ids)
        uow.commit()
    return total
