"""Points rewards: rows to domain rewards and back, and the rewards taken in each sale."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from redhome_pos.domain.points import PointsKind, Reward
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.promotions import (
    PointsMovementRow,
    PointsRewardRow,
    SaleRewardRow,
)


def _reward(row: PointsRewardRow, gift_title: str | None, gift_code: str | None) -> Reward:
    return Reward(
        code=row.code,
        points=row.points,
        name=row.name,
        gift_sku_id=row.gift_sku_id,
        gift_title=gift_title or "",
        gift_code=gift_code or "",
        amount_fen=row.amount_fen,
        id=row.id,
        ended=row.ended_at is not None,
    )


class RewardRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _query(self) -> Select[PointsRewardRow, str, str]:
        return (
            select(PointsRewardRow, ProductRow.title_zh, SkuRow.code)
            .outerjoin(SkuRow, SkuRow.id == PointsRewardRow.gift_sku_id)
            .outerjoin(ProductRow, ProductRow.id == SkuRow.product_id)
        )

    def all(self, *, include_ended: bool = True) -> list[Reward]:
        query = self._query().order_by(PointsRewardRow.points, PointsRewardRow.code)
        if not include_ended:
            query = query.where(PointsRewardRow.ended_at.is_(None))
        return [_reward(*found) for found in self._session.execute(query)]

    def by_code(self, code: str) -> Reward | None:
        found = self._session.execute(self._query().where(PointsRewardRow.code == code)).first()
        return _reward(*found) if found is not None else None

    def save(self, reward: Reward, staff_id: int | None, at: datetime) -> tuple[int, bool]:
        """Insert or update by code; returns the id and whether it was new."""
        row = self._session.scalar(
            select(PointsRewardRow).where(PointsRewardRow.code == reward.code)
        )
        new = row is None
        if row is None:
            row = PointsRewardRow(code=reward.code, created_at=at)
            self._session.add(row)
        row.name = reward.name.strip()
        row.points = reward.points
        row.gift_sku_id = reward.gift_sku_id
        row.amount_fen = reward.amount_fen
        row.ended_at = (row.ended_at or at) if reward.ended else None
        row.updated_at = at
        row.updated_by = staff_id
        self._session.flush()
        return row.id, new

    def add_taken(
        self,
        sale_id: int,
        reward_id: int,
        reward: Reward,
        value_fen: int,
        lines: tuple[tuple[int, int], ...],
    ) -> None:
        self._session.add(
            SaleRewardRow(
                sale_id=sale_id,
                reward_id=reward_id,
                code=reward.code,
                label=reward.label[:80],
                points=reward.points,
                value_fen=value_fen,
                lines=[list(line) for line in lines],
            )
        )
        self._session.flush()

    def taken_in(self, sale_id: int) -> list[SaleRewardRow]:
        return list(
            self._session.scalars(
                select(SaleRewardRow)
                .where(SaleRewardRow.sale_id == sale_id)
                .order_by(SaleRewardRow.id)
            )
        )

    def given_back(self, sale_id: int, code: str) -> int:
        """Points returns gave back so far for reward ``code`` of a sale."""
        return int(
            self._session.scalar(
                select(func.sum(PointsMovementRow.points)).where(
                    PointsMovementRow.sale_id == sale_id,
                    PointsMovementRow.kind == PointsKind.REWARD_BACK.value,
                    PointsMovementRow.reference.like(f"reward_back:%:{code}"),
                )
            )
            or 0
        )
