"""The outbox: what a committed change must still tell the online store."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.repositories.counter_sql import Prepared, written_columns

STOCK_TOPIC = "stock"

# A Core insert built once: the outbox gets a row inside every sale and stock change.
_OUTBOX = OutboxRow.metadata.tables[OutboxRow.__tablename__]
_ADD = insert(_OUTBOX).values(attempts=0, last_error="", done_at=None).returning(_OUTBOX.c.id)
_ADD_ALL = Prepared(insert(_OUTBOX), columns=written_columns(_OUTBOX))


class OutboxRepository:
    """Adds outbox rows in the caller's transaction, so they commit with the change."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, topic: str, key: str, payload: dict[str, Any]) -> int:
        """Queue ``payload`` under ``topic``/``key``; returns the new row's id."""
        values = {"topic": topic, "key": key, "payload": dict(payload), "created_at": utcnow()}
        return int(self._session.execute(_ADD, values).scalar_one())

    def add_all(self, topic: str, rows: Sequence[tuple[str, dict[str, Any]]]) -> None:
        """Queue several ``(key, payload)`` rows under ``topic`` in one statement."""
        if not rows:
            return
        now = utcnow()
        _ADD_ALL.run_many(
            self._session,
            [
                {
                    "topic": topic,
                    "key": key,
                    "payload": dict(payload),
                    "created_at": now,
                    "attempts": 0,
                    "last_error": "",
                    "done_at": None,
                }
                for key, payload in rows
            ],
        )

    def pending_count(self, topic: str | None = None) -> int:
        """How many rows are not sent yet (all topics, or one)."""
        query = select(func.count()).select_from(OutboxRow).where(OutboxRow.done_at.is_(None))
        if topic is not None:
            query = query.where(OutboxRow.topic == topic)
        return int(self._session.scalar(query) or 0)
