"""Points rewards: a manager defines them (a gift SKU free, or an amount off a sale, for so
many points); a member takes them at the counter; the sale spends the points in its own
transaction, and a return gives them back for the goods it returns.

Each reward taken moves points once: the movement's reference names the sale and the reward
(``reward:<receipt>:<code>``), unique in the ledger, so no crash or second terminal can spend
them twice. A return gives back the reward's points in proportion to the part of the reward's
value on the goods returned (``domain.points.reward_points_back``), each return under its own
reference (``reward_back:<return>:<code>``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.cart import RewardTaken
from redhome_pos.domain.points import PointsError, PointsKind, Reward, reward_points_back
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.members import MemberRepository
from redhome_pos.persistence.repositories.rewards import RewardRepository
from redhome_pos.persistence.repositories.sales import SaleRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting


def list_rewards(database: Database, *, include_ended: bool = False) -> list[Reward]:
    with database.reading() as session:
        return RewardRepository(session).all(include_ended=include_ended)


@acting(Permission.MANAGE_PROMOTIONS)
def save_reward(
    database: Database,
    till: Till,
    staff: StaffSession,
    *,
    code: str,
    points: int,
    name: str = "",
    gift_sku: str = "",
    amount_fen: int = 0,
) -> Reward:
    """Create the reward ``code``, or change it (a gift by its SKU code, or an amount off)."""
    with database.unit_of_work() as uow:
        gift_id = None
        if gift_sku.strip():
            view = CatalogRepository(uow.session).view_by_code(gift_sku.strip())
            if view is None:
                raise PointsError("No SKU with code {code}", code=gift_sku.strip())
            gift_id = view.sku_id
        reward = Reward(
            code=code.strip(), points=points, name=name, gift_sku_id=gift_id, amount_fen=amount_fen
        )
        reward_id, new = RewardRepository(uow.session).save(reward, staff.id, till.now())
        audit.record(
            uow.session, till, AuditAction.PROMOTION_CHANGE, staff.id,
            code=reward.code, change="reward created" if new else "reward edited",
            label=reward.label, points=reward.points,
        )  # fmt: skip
        uow.commit()
    return replace(reward, id=reward_id)


@acting(Permission.MANAGE_PROMOTIONS)
def end_reward(database: Database, till: Till, staff: StaffSession, code: str) -> None:
    """Stop offering a reward; sales that took it keep it on record."""
    with database.unit_of_work() as uow:
        rewards = RewardRepository(uow.session)
        reward = rewards.by_code(code)
        if reward is None:
            raise PointsError("No reward {code}", code=code)
        rewards.save(replace(reward, ended=True), staff.id, till.now())
        audit.record(
            uow.session, till, AuditAction.PROMOTION_CHANGE, staff.id,
            code=code, change="reward ended", label=reward.label,
        )  # fmt: skip
        uow.commit()


def spend_for_rewards(
    session: Session,
    till: Till,
    staff_id: int,
    sale: Sale,
    sale_id: int,
    member_id: int | None,
    taken: Sequence[RewardTaken],
) -> tuple[tuple[str, int, int], ...]:
    """Inside a sale's transaction: spend the member's points on each reward taken (refused
    when the reward is not offered as the cart has it, takes nothing off, or the points are
    short) and record what it took off; returns (words, fen, points) for the receipt."""
    if not taken:
        return ()
    if member_id is None:
        raise PointsError("Rewards are for members: find the member first")
    rewards = RewardRepository(session)
    members = MemberRepository(session)
    shown = []
    for item in taken:
        stored = rewards.by_code(item.reward.code)
        if stored is None or stored.id is None or stored.ended or not _same(stored, item.reward):
            raise PointsError(
                "Reward {code} is no longer offered as chosen: take it off and choose it again",
                code=item.reward.code,
            )
        if item.value_fen <= 0:
            raise PointsError("Reward {code} takes nothing off this sale", code=stored.code)
        members.move(
            member_id,
            PointsKind.REWARD,
            -stored.points,
            f"reward:{sale.receipt_no}:{stored.code}",
            till.now(),
            terminal_id=till.terminal_id,
            staff_id=staff_id,
            sale_id=sale_id,
        )
        rewards.add_taken(sale_id, stored.id, stored, item.value_fen, item.lines)
        shown.append((stored.label, item.value_fen, stored.points))
    return tuple(shown)


def _same(stored: Reward, chosen: Reward) -> bool:
    return (stored.points, stored.gift_sku_id, stored.amount_fen) == (
        chosen.points,
        chosen.gift_sku_id,
        chosen.amount_fen,
    )


def give_back_for_return(
    session: Session, till: Till, staff_id: int, sale: Sale, return_id: int, return_no: str
) -> None:
    """Inside a return's transaction (after its lines are written): give back each reward's
    points for the part of its value on the goods returned so far."""
    if sale.member_id is None or sale.id is None:
        return
    rewards = RewardRepository(session)
    taken = rewards.taken_in(sale.id)
    if not taken:
        return
    returned = SaleRepository(session).returned_quantities(sale.id)
    quantity = {line.line_no: line.quantity for line in sale.lines}
    for row in taken:
        value_back = sum(
            fen * min(returned.get(line_no, 0), quantity[line_no]) // quantity[line_no]
            for line_no, fen in row.lines
            if quantity.get(line_no)
        )
        back = reward_points_back(
            row.points, row.value_fen, value_back, rewards.given_back(sale.id, row.code)
        )
        if back:
            MemberRepository(session).move(
                sale.member_id,
                PointsKind.REWARD_BACK,
                back,
                f"reward_back:{return_no}:{row.code}",
                till.now(),
                terminal_id=till.terminal_id,
                staff_id=staff_id,
                sale_id=sale.id,
                return_id=return_id,
            )
