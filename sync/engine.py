"""The sync engine: keeps the store and its online store in step, in the background.

Four streams run in this order: the catalog comes in, the online orders come in, deliveries go
out, stock goes out (last, so the figures set after a delivery are the newest). Every stream
keeps its progress in the store database, so the engine can be stopped or killed at any point
and carries on where it was. One terminal per store runs it, under a lease that a crashed
terminal loses when it runs out (at once when the crashed process was on this machine).

When the online store cannot be reached, a run stops at the first failure and the engine waits
longer each time before it tries again; the counter goes on as usual and the outbox grows.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.after_sales import (
    AfterSalePullReport,
    ConfirmReport,
    pull_after_sales,
    push_exchange_shipments,
    push_return_confirmations,
)
from sync.catalog_pull import CatalogPullReport, pull_catalog
from sync.connector import OnlineStore
from sync.errors import AuthError, HttpError, RateLimited, SyncError
from sync.express import push_express_fixes, refresh_couriers
from sync.fulfilment import DeliveryReport, push_deliveries
from sync.order_pull import OrderPullReport, pull_orders
from sync.outbox_push import PushReport
from sync.settings import (
    AFTER_SALES,
    CATALOG,
    CONNECTION,
    DELIVERIES,
    ORDERS,
    STOCK,
    STREAMS,
    SyncSettings,
)
from sync.status import LEASE
from sync.stock_push import StockPushReport, push_stock

log = logging.getLogger(__name__)

# Failures that mean the online store cannot be talked to now: the run stops and waits.
CONNECTION_TROUBLE = (HttpError, RateLimited, AuthError)
MAX_BACKOFF = timedelta(minutes=5)
QUIET_NOTE_EVERY = timedelta(minutes=1)
PRUNE_EVERY = timedelta(hours=1)
NOTICE_EVERY = timedelta(days=1)


@dataclass
class RunReport:
    """What one run did; ``errors`` holds each failed stream's message in words."""

    lease_held: bool = True
    ran: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    catalog: CatalogPullReport | None = None
    orders: OrderPullReport | None = None
    after_sales: AfterSalePullReport | None = None
    confirmations: ConfirmReport | None = None
    express_fixes: PushReport | None = None
    exchanges: PushReport | None = None
    deliveries: DeliveryReport | None = None
    stock: StockPushReport | None = None

    @property
    def ok(self) -> bool:
        return self.lease_held and not self.errors


def default_holder(terminal_id: str) -> str:
    return f"{terminal_id}@{socket.gethostname()}/{os.getpid()}"


def _dead_on_this_machine(holder: str | None) -> bool:
    """Whether ``holder`` names a process of this machine that is no longer running."""
    if holder is None or "@" not in holder or "/" not in holder:
        return False
    host, _, pid_text = holder.rpartition("@")[2].partition("/")
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _reached(stream: str, report: RunReport) -> bool:
    """Whether a stream that went well called the online store at all."""
    if stream == STOCK:
        return report.stock is not None and report.stock.calls > 0
    if stream == DELIVERIES:
        d = report.deliveries
        others = (report.confirmations, report.express_fixes, report.exchanges)
        return (d is not None and d.sent + d.already_delivered + d.void + d.refused > 0) or any(
            r is not None and r.sent > 0 for r in others
        )
    return True


class SyncEngine:
    """Runs the streams once (``run_once``) or in a background thread (``start``/``stop``)."""

    def __init__(
        self,
        database: Database,
        store: OnlineStore,
        settings: SyncSettings,
        *,
        clock: Callable[[], datetime] = utcnow,
        holder: str | None = None,
        notice: Callable[[], str | None] | None = None,
    ) -> None:
        """``notice`` gives words the manager must see about the connection itself (such as
        an authorisation about to run out); it is asked once a run and logged once a day."""
        self.database = database
        self.store = store
        self.settings = settings
        self.holder = holder or default_holder(settings.terminal_id)
        self._clock = clock
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._run_lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._last_run: dict[str, datetime] = {}
        self._failures = 0
        self._retry_at: datetime | None = None
        self._quiet_since: dict[str, datetime] = {}
        self._notice = notice
        self._noticed: tuple[str, datetime] | None = None
        self._next_prune: datetime | None = None
        self._lease_until: datetime | None = None

    # --- running ------------------------------------------------------------------------

    def run_once(self) -> RunReport:
        """Run every stream once, now."""
        return self._run(list(STREAMS))

    def run_due(self) -> RunReport:
        """Run the streams whose turn has come (all of them after a wake-up)."""
        now = self._clock()
        if self._retry_at is not None and now < self._retry_at and not self._wake.is_set():
            return RunReport(ran=[])
        every = {
            CATALOG: self.settings.catalog_every,
            ORDERS: self.settings.orders_every,
            AFTER_SALES: self.settings.orders_every,
            DELIVERIES: self.settings.deliveries_every,
            STOCK: self.settings.stock_every,
        }
        woken = self._wake.is_set()
        self._wake.clear()
        due = [
            stream
            for stream in STREAMS
            if (woken and stream in (DELIVERIES, STOCK))
            or stream not in self._last_run
            or now - self._last_run[stream] >= every[stream]
        ]
        return self._run(due) if due else RunReport(ran=[])

    def start(self) -> None:
        """Run in a background thread until ``stop``."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="sync-engine", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Ask the background thread to finish its call in flight and stop."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def wake(self) -> None:
        """Something was queued (a sale, a delivery): push soon rather than on the next tick."""
        self._wake.set()

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def _loop(self) -> None:
        try:
            while not self._stop.is_set():
                try:
                    self.run_due()
                except Exception:  # the engine must outlive a bug in one run
                    log.exception("sync run failed")
                    self._write_log(CONNECTION, "error", "The sync stopped on an internal error")
                self._wake.wait(self.settings.idle_wait_s)
        finally:
            self._release_lease()

    # --- one run ------------------------------------------------------------------------

    def _run(self, streams: list[str]) -> RunReport:
        report = RunReport()
        with self._run_lock:
            for stream in streams:
                if self._stop.is_set() and self._thread is not None:
                    break
                if not self._take_lease():
                    report.lease_held = False
                    break
                if not self._run_stream(stream, report):
                    break
            self._log_notice()
            self._prune_log()
        return report

    def _run_stream(self, stream: str, report: RunReport) -> bool:
        """Run one stream; False when the online store is out of reach (the run stops)."""
        stopping = self._stop.is_set
        settings = self.settings
        started = self._clock()
        try:
            if stream == CATALOG:
                report.catalog = pull_catalog(
                    self.database, self.store, settings, now=started, should_stop=stopping
                )
                refresh_couriers(self.database, self.store, now=started)
            elif stream == ORDERS:
                report.orders = pull_orders(
                    self.database, self.store, settings, now=started, should_stop=stopping
                )
            elif stream == AFTER_SALES:
                report.after_sales = pull_after_sales(
                    self.database, self.store, settings, now=started, should_stop=stopping
                )
            elif stream == DELIVERIES:
                report.deliveries = push_deliveries(
                    self.database, self.store, settings, should_stop=stopping
                )
                # Returned goods received here and corrected tracking numbers are told to the
                # online store the same way.
                report.confirmations = push_return_confirmations(
                    self.database, self.store, should_stop=stopping
                )
                report.express_fixes = push_express_fixes(
                    self.database, self.store, should_stop=stopping
                )
                report.exchanges = push_exchange_shipments(
                    self.database, self.store, should_stop=stopping
                )
            elif stream == STOCK:
                report.stock = push_stock(
                    self.database, self.store, settings, now=self._clock, should_stop=stopping
                )
        except CONNECTION_TROUBLE as error:
            self._quiet_since.pop(stream, None)
            report.errors[stream] = error.message
            self._record(stream, error, offline=True)
            self._back_off()
            return False
        except SyncError as error:
            self._quiet_since.pop(stream, None)
            # An answer came but could not be used (unreadable, refused, unsafe): this stream
            # failed, the others can still go on; it is tried again at its usual time.
            self._last_run[stream] = started
            report.errors[stream] = error.message
            self._record(stream, error, offline=False)
            return True
        report.ran.append(stream)
        self._last_run[stream] = started
        reached = _reached(stream, report)
        # A stream with nothing to do is noted once a minute, not every few seconds: the
        # counters share the database and each note is a write.
        quiet = self._quiet_since.get(stream)
        if reached or quiet is None or started - quiet >= QUIET_NOTE_EVERY:
            self._record(stream, None, offline=False, reached=reached)
            self._quiet_since[stream] = started
        if reached:
            self._quiet_since.pop(stream, None)
        self._failures = 0
        self._retry_at = None
        return True

    def _back_off(self) -> None:
        self._failures += 1
        wait = timedelta(seconds=self.settings.idle_wait_s) * (2 ** min(self._failures, 10))
        self._retry_at = self._clock() + min(wait, MAX_BACKOFF)

    def _record(
        self, stream: str, error: SyncError | None, *, offline: bool, reached: bool = True
    ) -> None:
        """Note how the stream went; the connection's state changes only when the online
        store was actually called (a stream with nothing to send says nothing about it)."""
        at = self._clock()
        message = "" if error is None else error.message
        with self.database.unit_of_work() as uow:
            repo = SyncRepository(uow.session)
            before = repo.cursor(stream).last_error
            was_offline = bool(repo.cursor(CONNECTION).last_error)
            repo.record_run(stream, at=at, error=message)
            if offline or reached:
                repo.record_run(CONNECTION, at=at, error=message if offline else "")
            # The log tells what changed, not every failed try; it keeps the error's template
            # and values so the UI can show it in the clerk's language.
            if error is not None and message != before:
                params = {name: str(value) for name, value in error.params.items()}
                repo.log(stream, "error", error.template, **params)
            if offline and not was_offline:
                repo.log(CONNECTION, "warning", "The online store is out of reach; changes wait")
            if not offline and reached and was_offline:
                repo.log(CONNECTION, "info", "The online store is reachable again")
            uow.commit()

    def _write_log(self, stream: str, level: str, template: str) -> None:
        try:
            with self.database.unit_of_work() as uow:
                SyncRepository(uow.session).log(stream, level, template)
                uow.commit()
        except Exception:  # pragma: no cover - the database itself is failing
            log.exception("could not write the sync log")

    def _log_notice(self) -> None:
        if self._notice is None:
            return
        try:
            words = self._notice()
        except SyncError:
            return
        now = self._clock()
        if not words:
            self._noticed = None
            return
        if self._noticed is not None:
            said, at = self._noticed
            if said == words and now - at < NOTICE_EVERY:
                return
        self._noticed = (words, now)
        self._write_log(CONNECTION, "warning", words)

    def _prune_log(self) -> None:
        now = self._clock()
        if self._next_prune is not None and now < self._next_prune:
            return
        self._next_prune = now + PRUNE_EVERY
        with self.database.unit_of_work() as uow:
            SyncRepository(uow.session).prune_log()
            uow.commit()

    # --- the lease ----------------------------------------------------------------------

    def _take_lease(self) -> bool:
        now = self._clock()
        # While more than half the lease is left it is ours for sure: no write needed.
        if self._lease_until is not None and now < self._lease_until - self.settings.lease_ttl / 2:
            return True
        with self.database.unit_of_work() as uow:
            repo = SyncRepository(uow.session)
            current = repo.lease_holder(LEASE, now=now)
            dead = current if current != self.holder and _dead_on_this_machine(current) else None
            held = repo.take_lease(
                LEASE, self.holder, now=now, ttl=self.settings.lease_ttl, take_over_from=dead
            )
            uow.commit()
        self._lease_until = now + self.settings.lease_ttl if held else None
        return held

    def _release_lease(self) -> None:
        self._lease_until = None
        with self.database.unit_of_work() as uow:
            SyncRepository(uow.session).release_lease(LEASE, self.holder)
            uow.commit()

    def close(self) -> None:
        """Stop the background thread (if any) and give the lease back."""
        self.stop()
        self._release_lease()
