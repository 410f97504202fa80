"""Promotions and member prices: rows to domain rules and back."""

from __future__ import annotations

import secrets
from datetime import datetime, time
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.promotions.rules import (
    Promotion,
    PromotionKind,
    Schedule,
    Scope,
    ScopeKind,
    Stacking,
)
from redhome_pos.persistence.models.promotions import (
    MemberPriceRow,
    PromotionRow,
    PromotionStampRow,
)
from redhome_pos.persistence.repositories.counter_sql import Prepared

_STAMP = Prepared(select(PromotionStampRow.version).where(PromotionStampRow.id == 1))

# The amounts of each kind, kept in the row's ``params``.
PARAMS = (
    "threshold_fen",
    "off_fen",
    "repeat",
    "min_qty",
    "pay_bp",
    "nth",
    "buy_qty",
    "get_qty",
    "gift_sku_id",
    "price_fen",
)


def _time(text: str) -> time | None:
    return time.fromisoformat(text) if text else None


def to_promotion(row: PromotionRow) -> Promotion:
    params: dict[str, Any] = dict(row.params or {})
    bundle = tuple((int(sku), int(qty)) for sku, qty in params.pop("bundle", ()))
    return Promotion(
        code=row.code,
        kind=PromotionKind(row.kind),
        name=row.name,
        scope=Scope(ScopeKind(row.scope_kind), frozenset(str(v) for v in row.scope_values)),
        schedule=Schedule(
            row.first_day,
            row.last_day,
            _time(row.start_time),
            _time(row.end_time),
            frozenset(int(d) for d in row.weekdays or ()),
        ),
        member_only=row.member_only,
        priority=row.priority,
        stacking=Stacking(row.stacking),
        group=row.group_name,
        stores=frozenset(row.stores or ()),
        bundle=bundle,
        id=row.id,
        ended=row.ended_at is not None,
        **{k: v for k, v in params.items() if k in PARAMS},
    )


def row_values(rule: Promotion) -> dict[str, Any]:
    params: dict[str, Any] = {name: getattr(rule, name) for name in PARAMS}
    if rule.bundle:
        params["bundle"] = [list(item) for item in rule.bundle]
    schedule = rule.schedule
    return {
        "code": rule.code,
        "name": rule.name,
        "kind": rule.kind.value,
        "scope_kind": rule.scope.kind.value,
        "scope_values": sorted(rule.scope.values),
        "first_day": schedule.first_day,
        "last_day": schedule.last_day,
        "start_time": schedule.start.strftime("%H:%M") if schedule.start else "",
        "end_time": schedule.end.strftime("%H:%M") if schedule.end else "",
        "weekdays": sorted(schedule.weekdays),
        "member_only": rule.member_only,
        "priority": rule.priority,
        "stacking": rule.stacking.value,
        "group_name": rule.group,
        "stores": sorted(rule.stores),
        "params": params,
    }


class PromotionRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def all(self, *, include_ended: bool = True) -> list[Promotion]:
        query = select(PromotionRow).order_by(PromotionRow.priority, PromotionRow.code)
        if not include_ended:
            query = query.where(PromotionRow.ended_at.is_(None))
        return [to_promotion(row) for row in self._session.scalars(query)]

    def by_code(self, code: str) -> Promotion | None:
        row = self._row(code)
        return to_promotion(row) if row is not None else None

    def _row(self, code: str) -> PromotionRow | None:
        return self._session.scalar(select(PromotionRow).where(PromotionRow.code == code))

    def save(self, rule: Promotion, staff_id: int | None, at: datetime) -> tuple[int, bool]:
        """Insert or update by code; returns the id and whether it was new."""
        row = self._row(rule.code)
        values = row_values(rule)
        new = row is None
        if row is None:
            row = PromotionRow(created_at=at, **values)
            self._session.add(row)
        else:
            for name, value in values.items():
                setattr(row, name, value)
        row.updated_at = at
        row.updated_by = staff_id
        row.ended_at = at if rule.ended else None
        self._session.flush()
        self._changed()
        return row.id, new

    def end(self, code: str, at: datetime) -> bool:
        row = self._row(code)
        if row is None:
            return False
        row.ended_at = row.ended_at or at
        self._session.flush()
        self._changed()
        return True

    def member_prices(self) -> dict[int, int]:
        rows = self._session.execute(select(MemberPriceRow.sku_id, MemberPriceRow.price_fen))
        return {int(sku): int(price) for sku, price in rows}

    def set_member_price(self, sku_id: int, price_fen: int | None) -> None:
        self._session.execute(delete(MemberPriceRow).where(MemberPriceRow.sku_id == sku_id))
        if price_fen is not None:
            self._session.add(MemberPriceRow(sku_id=sku_id, price_fen=price_fen))
        self._session.flush()
        self._changed()

    def stamp(self) -> int:
        """The rules' version: raised by every change written through this repository."""
        row = _STAMP.first(self._session)  # read at every checkout: prepared
        return int(row[0] or 0) if row is not None else 0

    def _changed(self) -> None:
        raised = self._session.execute(
            update(PromotionStampRow)
            .where(PromotionStampRow.id == 1)
            .values(version=PromotionStampRow.version + 1)
        )
        if not getattr(raised, "rowcount", 0):  # the first change: a number no other
            # database's stamp is likely to share (a book is kept per database address)
            self._session.add(PromotionStampRow(id=1, version=secrets.randbits(30) + 1))
        self._session.flush()
