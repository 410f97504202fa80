"""Telling the online store what the outbox holds for one topic: oldest first, each row once.

A row the store takes is marked done; a row it refuses stays, with the refusal counted and
kept, to be tried again on the next run (the sync log says so once per new reason). Trouble
reaching the store is raised and stops the run: the rows not sent yet wait for the next one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.errors import PlatformError


@dataclass
class PushReport:
    sent: int = 0
    refused: int = 0


# What the sync log says of a refusal: its template and fields, from the row's key, its payload
# and the store's reason.
Refusal = Callable[[str, dict[str, Any], str], tuple[str, dict[str, Any]]]


def push_topic(
    database: Database,
    topic: str,
    send: Callable[[str, dict[str, Any]], None],
    *,
    stream: str,
    refusal: Refusal,
    should_stop: Callable[[], bool] = lambda: False,
) -> PushReport:
    """``send(key, payload)`` for each waiting row of ``topic``; a ``PlatformError`` it raises
    is the store's refusal of that row, logged in ``stream`` in the words ``refusal`` gives."""
    report = PushReport()
    with database.reading() as session:
        rows = session.execute(
            select(OutboxRow.id, OutboxRow.key, OutboxRow.payload, OutboxRow.last_error)
            .where(OutboxRow.topic == topic, OutboxRow.done_at.is_(None))
            .order_by(OutboxRow.id)
        ).all()
    for row_id, key, payload, last_error in rows:
        if should_stop():
            break
        report.sent += 1
        try:
            send(key, payload)
        except PlatformError as refused:
            report.refused += 1
            with database.unit_of_work() as uow:
                uow.session.execute(
                    update(OutboxRow).where(OutboxRow.id == row_id)
                    .values(attempts=OutboxRow.attempts + 1, last_error=refused.message)
                )  # fmt: skip
                if last_error != refused.message:
                    template, fields = refusal(key, payload, refused.message)
                    SyncRepository(uow.session).log(stream, "error", template, **fields)
                uow.commit()
            continue
        with database.unit_of_work() as uow:
            uow.session.execute(
                update(OutboxRow).where(OutboxRow.id == row_id).values(done_at=datetime.now(UTC))
            )
            uow.commit()
    return report
