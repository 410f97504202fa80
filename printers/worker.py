"""The print worker: prints due jobs of the queue on its own thread, retrying with back-off.

A printer that is off, out of paper or silent costs a job one attempt and a wait; the worker
moves on to the jobs of other printers. An error that retrying cannot fix (text the printer
cannot hold, a wrong setting) fails the job at once, visibly, for a person to fix and retry.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

from printers import volatile
from printers.document import Document
from printers.errors import PrinterNotReady, PrintError, PrinterUnreachable
from printers.printing import TransportFactory, print_document
from printers.profile import PrinterProfile
from printers.queue import Clock, utc_now
from printers.transports import open_transport
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.print_jobs import PrintJob, PrintJobRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backoff:
    """Wait ``first_s``, then twice as long each time, up to ``longest_s``; give up after
    ``max_attempts`` (the job stays, failed, for a person to retry)."""

    first_s: float = 5.0
    longest_s: float = 300.0
    max_attempts: int = 20

    def delay(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.longest_s, self.first_s * 2 ** max(0, attempts - 1)))


class PrintWorker:
    """Prints this terminal's due jobs; ``run_once`` from a test, or ``start`` a thread."""

    def __init__(
        self,
        database: Database,
        printers: Mapping[str, PrinterProfile],
        *,
        terminal_id: str = "",
        transports: TransportFactory = open_transport,
        backoff: Backoff | None = None,
        clock: Clock = utc_now,
        idle_wait_s: float = 2.0,
    ) -> None:
        self.database = database
        self.printers = dict(printers)
        self.terminal_id = terminal_id
        self.transports = transports
        self.backoff = backoff or Backoff()
        self.clock = clock
        self.idle_wait_s = idle_wait_s
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def recover(self) -> int:
        """At start-up: jobs a stopped program left half-printed go back in the queue."""
        with self.database.unit_of_work() as uow:
            count = PrintJobRepository(uow.session).release_interrupted(
                self.clock(), self.terminal_id
            )
            uow.commit()
        return count

    def run_once(self, limit: int = 20) -> int:
        """Print every job due now; a printer that fails is skipped for the rest of the round.

        Returns how many jobs were tried.
        """
        with self.database.reading() as session:
            due = PrintJobRepository(session).due(self.clock(), self.terminal_id, limit)
        broken: set[str] = set()
        tried = 0
        for job_id, printer in due:
            if printer in broken:
                continue  # tried again with the failed job, after its back-off
            with self.database.unit_of_work() as uow:
                job = PrintJobRepository(uow.session).claim(job_id, self.clock())
                uow.commit()
            if job is None:
                continue
            tried += 1
            if not self._print(job):
                broken.add(job.printer)
        return tried

    def _print(self, job: PrintJob) -> bool:
        profile = self.printers.get(job.printer)
        if profile is None:
            self._record(job, "fail", f"No printer named {job.printer} in the settings")
            return False
        try:
            document = volatile.held(self.database, job.id) or Document.from_json(job.document)
            print_document(document, profile, self.transports)
        except (PrinterUnreachable, PrinterNotReady) as error:
            log.warning("print job %s: %s", job.id, error.message)
            outcome = "fail" if job.attempts >= self.backoff.max_attempts else "retry"
            self._record(job, outcome, error.message)
            return False
        except PrintError as error:
            # The document or the settings are wrong: retrying prints the same wrong thing.
            log.warning("print job %s failed: %s", job.id, error.message)
            self._record(job, "fail", error.message)
            return True
        except Exception as error:  # a bug must not stop the worker; the job stays visible
            log.exception("print job %s crashed", job.id)
            self._record(job, "fail", f"Unexpected error: {error}")
            return True
        self._record(job, "done", "")
        return True

    def _record(
        self, job: PrintJob, outcome: str, error: str, delay_attempts: int | None = None
    ) -> None:
        now = self.clock()
        with self.database.unit_of_work() as uow:
            jobs = PrintJobRepository(uow.session)
            if outcome == "done":
                jobs.finish(job.id, now)
                volatile.forget(self.database, job.id)
            elif outcome == "retry":
                at = now + self.backoff.delay(job.attempts)
                jobs.retry_later(job.id, error, at, now)
            else:
                jobs.fail(job.id, error, now)
            uow.commit()

    def wake(self) -> None:
        self._wake.set()

    def start(self) -> None:
        if self._thread is not None:
            return
        self.recover()
        self._stopping.clear()
        self._thread = threading.Thread(target=self._loop, name="print-worker", daemon=True)
        self._thread.start()

    def stop(self, timeout_s: float = 10.0) -> None:
        self._stopping.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            self._thread = None

    def _loop(self) -> None:
        while not self._stopping.is_set():
            try:
                self.run_once()
            except Exception:  # the database may be busy for a moment; try again next round
                log.exception("print worker round failed")
            self._wake.wait(self._next_wait())
            self._wake.clear()

    def _next_wait(self) -> float:
        with self.database.reading() as session:
            next_at = PrintJobRepository(session).next_due_at(self.terminal_id)
        if next_at is None:
            return self.idle_wait_s
        seconds = (next_at - self.clock()).total_seconds()
        return max(0.05, min(self.idle_wait_s, seconds))
