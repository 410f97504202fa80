"""Print jobs: add, claim, finish, retry, cancel and list the jobs of the print queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from redhome_pos.persistence.models.printing import PrintJobRow

QUEUED = "queued"
PRINTING = "printing"
DONE = "done"
FAILED = "failed"
CANCELLED = "cancelled"
STATUSES = (QUEUED, PRINTING, DONE, FAILED, CANCELLED)


@dataclass(frozen=True)
class PrintJob:
    id: int
    terminal_id: str
    kind: str
    printer: str
    reference: str
    document: dict[str, Any]
    status: str
    attempts: int
    last_error: str
    reprint_of: int | None
    created_at: datetime
    updated_at: datetime
    next_attempt_at: datetime
    printed_at: datetime | None


def _job(row: PrintJobRow) -> PrintJob:
    return PrintJob(
        id=row.id,
        terminal_id=row.terminal_id,
        kind=row.kind,
        printer=row.printer,
        reference=row.reference,
        document=dict(row.document),
        status=row.status,
        attempts=row.attempts,
        last_error=row.last_error,
        reprint_of=row.reprint_of,
        created_at=row.created_at,
        updated_at=row.updated_at,
        next_attempt_at=row.next_attempt_at,
        printed_at=row.printed_at,
    )


class PrintJobRepository:
    """The print queue in the store database; every change happens in the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        kind: str,
        printer: str,
        document: dict[str, Any],
        now: datetime,
        terminal_id: str = "",
        reference: str = "",
        reprint_of: int | None = None,
    ) -> int:
        row = PrintJobRow(
            terminal_id=terminal_id,
            kind=kind,
            printer=printer,
            reference=reference,
            document=document,
            status=QUEUED,
            attempts=0,
            last_error="",
            reprint_of=reprint_of,
            created_at=now,
            updated_at=now,
            next_attempt_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def get(self, job_id: int) -> PrintJob | None:
        row = self._session.get(PrintJobRow, job_id)
        return None if row is None else _job(row)

    def due(self, now: datetime, terminal_id: str = "", limit: int = 10) -> list[tuple[int, str]]:
        """Id and printer of this terminal's queued jobs whose time has come, oldest first."""
        query = (
            select(PrintJobRow.id, PrintJobRow.printer)
            .where(
                PrintJobRow.terminal_id == terminal_id,
                PrintJobRow.status == QUEUED,
                PrintJobRow.next_attempt_at <= now,
            )
            .order_by(PrintJobRow.next_attempt_at, PrintJobRow.id)
            .limit(limit)
        )
        return [(job_id, printer) for job_id, printer in self._session.execute(query)]

    def next_due_at(self, terminal_id: str = "") -> datetime | None:
        query = select(func.min(PrintJobRow.next_attempt_at)).where(
            PrintJobRow.terminal_id == terminal_id, PrintJobRow.status == QUEUED
        )
        value: datetime | None = self._session.scalar(query)
        return value

    def claim(self, job_id: int, now: datetime) -> PrintJob | None:
        """Take a queued job for printing; ``None`` if someone else took or cancelled it."""
        result = self._session.execute(
            update(PrintJobRow)
            .where(PrintJobRow.id == job_id, PrintJobRow.status == QUEUED)
            .values(status=PRINTING, attempts=PrintJobRow.attempts + 1, updated_at=now)
        )
        if getattr(result, "rowcount", 0) != 1:
            return None
        self._session.expire_all()
        return self.get(job_id)

    def finish(self, job_id: int, now: datetime) -> None:
        self._set(job_id, PRINTING, status=DONE, printed_at=now, updated_at=now, last_error="")

    def retry_later(self, job_id: int, error: str, at: datetime, now: datetime) -> None:
        self._set(
            job_id, PRINTING, status=QUEUED, last_error=error, next_attempt_at=at, updated_at=now
        )

    def fail(self, job_id: int, error: str, now: datetime) -> None:
        self._set(job_id, PRINTING, status=FAILED, last_error=error, updated_at=now)

    def cancel(self, job_id: int, now: datetime) -> bool:
        """Cancel a job not printed yet (queued or failed); False if it is done or printing."""
        return self._set_from((QUEUED, FAILED), job_id, status=CANCELLED, updated_at=now)

    def requeue(self, job_id: int, now: datetime) -> bool:
        """Try a failed or cancelled job again now, with a fresh count of attempts."""
        return self._set_from(
            (FAILED, CANCELLED),
            job_id,
            status=QUEUED,
            attempts=0,
            next_attempt_at=now,
            updated_at=now,
        )

    def release_interrupted(self, now: datetime, terminal_id: str = "") -> int:
        """This terminal's jobs left 'printing' by a program that stopped: queue them again."""
        result = self._session.execute(
            update(PrintJobRow)
            .where(PrintJobRow.terminal_id == terminal_id, PrintJobRow.status == PRINTING)
            .values(status=QUEUED, next_attempt_at=now, updated_at=now)
        )
        return int(getattr(result, "rowcount", 0))

    def jobs(
        self,
        *,
        statuses: tuple[str, ...] = (),
        reference: str = "",
        limit: int = 50,
        offset: int = 0,
    ) -> list[PrintJob]:
        """Newest first, optionally only some statuses or one reference (a receipt number)."""
        query = select(PrintJobRow).order_by(PrintJobRow.id.desc()).limit(limit).offset(offset)
        if statuses:
            query = query.where(PrintJobRow.status.in_(statuses))
        if reference:
            query = query.where(PrintJobRow.reference == reference)
        return [_job(row) for row in self._session.scalars(query)]

    def count_by_status(self) -> dict[str, int]:
        query = select(PrintJobRow.status, func.count()).group_by(PrintJobRow.status)
        return {status: int(count) for status, count in self._session.execute(query)}

    def _set(self, job_id: int, expected: str, **values: Any) -> None:
        self._set_from((expected,), job_id, **values)

    def _set_from(self, expected: tuple[str, ...], job_id: int, **values: Any) -> bool:
        result = self._session.execute(
            update(PrintJobRow)
            .where(PrintJobRow.id == job_id, PrintJobRow.status.in_(expected))
            .values(**values)
        )
        self._session.expire_all()
        return int(getattr(result, "rowcount", 0)) == 1
