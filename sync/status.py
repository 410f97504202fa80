"""What the UI shows about the sync: online or not, each stream's last success, the queue,
and the last error in words."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.sync import PENDING, SENT, SyncLogEntry, SyncRepository
from sync.settings import CONNECTION, STOCK_TOPIC, STREAMS

LEASE = "engine"


@dataclass(frozen=True, slots=True)
class StreamStatus:
    stream: str
    last_success_at: datetime | None
    last_attempt_at: datetime | None
    last_error: str


@dataclass(frozen=True, slots=True)
class SyncStatus:
    """A snapshot for the status bar and the sync screen (plain values, safe across threads).

    ``online`` is None until the engine has tried once.
    """

    online: bool | None
    connected_at: datetime | None
    streams: tuple[StreamStatus, ...]
    stock_queue: int  # stock changes not yet sent (rows; one SKU may have several)
    deliveries_waiting: int
    last_error: str
    engine_holder: str | None
    recent: tuple[SyncLogEntry, ...] = field(default=())

    @property
    def queue_length(self) -> int:
        return self.stock_queue + self.deliveries_waiting


def sync_status(database: Database, *, recent: int = 20, now: datetime | None = None) -> SyncStatus:
    with database.reading() as session:
        repo = SyncRepository(session)
        outbox = OutboxRepository(session)
        connection = repo.cursor(CONNECTION)
        streams = tuple(
            StreamStatus(c.stream, c.last_success_at, c.last_attempt_at, c.last_error)
            for c in (repo.cursor(name) for name in STREAMS)
        )
        errors = [s for s in streams if s.last_error and s.last_attempt_at is not None]
        newest_error = max(errors, key=lambda s: s.last_attempt_at or utcnow(), default=None)
        last_error = connection.last_error or (newest_error.last_error if newest_error else "")
        return SyncStatus(
            online=None if connection.last_attempt_at is None else not connection.last_error,
            connected_at=connection.last_success_at,
            streams=streams,
            stock_queue=outbox.pending_count(STOCK_TOPIC),
            deliveries_waiting=len(repo.deliveries([PENDING, SENT])),
            last_error=last_error,
            engine_holder=repo.lease_holder(LEASE, now=now or utcnow()),
            recent=tuple(repo.recent_log(recent)),
        )
