"""The audit log table: appending to the hash chain and reading it back in order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.audit import GENESIS_HASH, AuditEvent, event_hash
from redhome_pos.persistence.models.base import Base
from redhome_pos.persistence.models.counter import AuditEventRow
from redhome_pos.persistence.repositories.counter_sql import Prepared, written_columns

_EVENTS = Base.metadata.tables["audit_events"]
_HEAD = Base.metadata.tables["audit_head"]
# Built once: every sale appends an event.
_TAKE_SEQ = Prepared(
    update(_HEAD)
    .where(_HEAD.c.id == 1)
    .values(seq=_HEAD.c.seq + 1)
    .returning(_HEAD.c.seq, _HEAD.c.hash)
)
_ADD_EVENT = Prepared(insert(_EVENTS), columns=written_columns(_EVENTS))
_MOVE_HEAD = Prepared(update(_HEAD).where(_HEAD.c.id == 1).values(hash=bindparam("digest")))


def _event(row: AuditEventRow) -> AuditEvent:
    return AuditEvent(
        seq=row.seq,
        created_at=row.created_at,
        action=row.action,
        staff_id=row.staff_id,
        terminal_id=row.terminal_id,
        detail=dict(row.detail),
        prev_hash=row.prev_hash,
        hash=row.hash,
    )


class AuditRepository:
    """Appends in the caller's transaction. A writing unit of work holds the write lock
    (SQLite) and ``seq`` is the primary key (every database), so the chain never forks."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def recorded_head(self) -> tuple[int, str]:
        """The (seq, hash) the head row holds: the newest event ever appended."""
        row = self._session.execute(
            select(_HEAD.c.seq, _HEAD.c.hash).where(_HEAD.c.id == 1)
        ).first()
        return (int(row[0]), str(row[1])) if row else (0, GENESIS_HASH)

    def head(self) -> AuditEvent | None:
        row = self._session.scalar(select(AuditEventRow).order_by(AuditEventRow.seq.desc()))
        return _event(row) if row else None

    def append(
        self,
        action: str,
        staff_id: int | None,
        terminal_id: str,
        at: datetime,
        detail: dict[str, Any],
        key: bytes = b"",
    ) -> AuditEvent:
        # Taking the next number updates the head row: on a shared server a second terminal
        # waits here for the first one's commit and then reads the new head.
        session = self._session
        head = _TAKE_SEQ.first(session)
        if head is None:
            raise RuntimeError("the audit head row is missing: run `redhome-pos db upgrade`")
        seq, prev_hash = int(head[0]), str(head[1])
        # Microseconds survive every backend; the hash covers exactly what is stored.
        digest = event_hash(prev_hash, seq, at, action, staff_id, terminal_id, detail, key)
        _ADD_EVENT.run(
            session,
            {
                "seq": seq,
                "created_at": at,
                "action": action,
                "staff_id": staff_id,
                "terminal_id": terminal_id,
                "detail": detail,
                "prev_hash": prev_hash,
                "hash": digest,
            },
        )
        _MOVE_HEAD.run(session, {"digest": digest})
        return AuditEvent(seq, at, action, staff_id, terminal_id, detail, prev_hash, digest)

    def event(self, seq: int) -> AuditEvent | None:
        row = self._session.scalar(select(AuditEventRow).where(AuditEventRow.seq == seq))
        return _event(row) if row else None

    def hash_of(self, seq: int) -> str | None:
        return self._session.scalar(select(AuditEventRow.hash).where(AuditEventRow.seq == seq))

    def events(self, batch: int = 1000) -> Iterator[AuditEvent]:
        """Every event in order, read in batches (the log grows without bound)."""
        last = 0
        while True:
            rows = self._session.scalars(
                select(AuditEventRow)
                .where(AuditEventRow.seq > last)
                .order_by(AuditEventRow.seq)
                .limit(batch)
            ).all()
            if not rows:
                return
            for row in rows:
                yield _event(row)
            last = rows[-1].seq

    def of_action(self, action: str, limit: int = 100) -> list[AuditEvent]:
        rows = self._session.scalars(
            select(AuditEventRow)
            .where(AuditEventRow.action == action)
            .order_by(AuditEventRow.seq.desc())
            .limit(limit)
        )
        return [_event(r) for r in rows]
