"""Exactly one sync engine per store: terminals racing for a free lease on one database.

Every round frees the lease and lets several terminals (threads with connections of their
own) take it at the same instant: exactly one gets it, the others are told no (never an
error), and the winner keeps it until it runs out or is given back.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from reliability_stores import store_url

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.repositories.sync import SyncRepository

LEASE = "sync-engine"
TTL = timedelta(minutes=2)
TERMINALS = 4
ROUNDS = 15


def take(database: Database, holder: str, now: datetime) -> bool:
    with database.unit_of_work() as uow:
        held = SyncRepository(uow.session).take_lease(LEASE, holder, now=now, ttl=TTL)
        uow.commit()
    return held


def holder_of(database: Database, now: datetime) -> str | None:
    with database.reading() as session:
        return SyncRepository(session).lease_holder(LEASE, now=now)


def race(databases: list[Database], now: datetime) -> tuple[list[str], list[BaseException]]:
    """Every terminal asks for the lease at the same instant."""
    barrier = threading.Barrier(len(databases))
    won: list[str] = []
    failed: list[BaseException] = []

    def terminal(n: int) -> None:
        holder = f"T{n}@till{n}/{100 + n}"
        barrier.wait()
        try:
            if take(databases[n], holder, now):
                won.append(holder)
        except BaseException as exc:  # the test reports it
            failed.append(exc)

    threads = [threading.Thread(target=terminal, args=(n,)) for n in range(len(databases))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return won, failed


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_terminals_racing_for_a_free_lease_get_exactly_one_leader(
    backend: str, tmp_path: Path
) -> None:
    with store_url(backend, tmp_path) as url:
        databases = [Database(url) for _ in range(TERMINALS)]
        try:
            upgrade(databases[0])
            now = datetime(2026, 11, 25, 3, 0, tzinfo=UTC)
            for round_no in range(ROUNDS):
                won, failed = race(databases, now)
                assert failed == [], f"round {round_no}: {failed!r}"
                assert len(won) == 1, f"round {round_no}: {won}"
                leader = won[0]
                assert holder_of(databases[0], now) == leader
                # The others keep being refused while the lease runs, the leader renews it.
                for n in range(TERMINALS):
                    holder = f"T{n}@till{n}/{100 + n}"
                    assert take(databases[n], holder, now + TTL / 2) == (holder == leader)
                # Its terminal crashed: once the lease runs out another terminal takes over.
                later = now + TTL / 2 + TTL + timedelta(seconds=1)
                assert take(databases[1], "T1@till1/101", later)
                with databases[0].unit_of_work() as uow:
                    SyncRepository(uow.session).release_lease(LEASE, "T1@till1/101")
                    SyncRepository(uow.session).release_lease(LEASE, leader)
                    uow.commit()
                assert holder_of(databases[0], later) is None
        finally:
            for database in databases:
                database.dispose()
