"""What the outbox holds for a topic is told to the online store oldest first, each row once:
a row taken is done; a row refused stays, its refusal counted and kept, and the sync log says
so once per new reason; trouble reaching the store stops the run with the rest still waiting."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.errors import PlatformError, Unreachable
from sync.outbox_push import push_topic

TOPIC = "test_topic"


def _queue(database: Database, *keys: str) -> None:
    with database.unit_of_work() as uow:
        for key in keys:
            OutboxRepository(uow.session).add(TOPIC, key, {"key": key})
        uow.commit()


def _rows(database: Database) -> dict[str, tuple[bool, int, str]]:
    with database.reading() as session:
        rows = session.execute(
            select(
                OutboxRow.key, OutboxRow.done_at, OutboxRow.attempts, OutboxRow.last_error
            ).where(OutboxRow.topic == TOPIC)
        ).all()
    return {key: (done is not None, attempts, error) for key, done, attempts, error in rows}


def _errors(database: Database) -> list[dict[str, Any]]:
    with database.reading() as session:
        return [e.params for e in SyncRepository(session).recent_log(level="error")]


class Store:
    def __init__(self, refuse: dict[str, str]) -> None:
        self.refuse = refuse
        self.taken: list[str] = []

    def send(self, key: str, payload: dict[str, Any]) -> None:
        assert payload == {"key": key}
        if key in self.refuse:
            raise PlatformError(error_code=9, error_msg=self.refuse[key], method="test")
        self.taken.append(key)


def _push(database: Database, store: Store) -> Any:
    return push_topic(
        database,
        TOPIC,
        store.send,
        stream="orders",
        refusal=lambda key, _payload, reason: (
            "Refused {key}: {reason}",
            {"key": key, "reason": reason},
        ),
    )


def test_taken_rows_are_done_and_a_refusal_waits_logged_once(database: Database) -> None:
    _queue(database, "a", "b", "c")
    store = Store({"b": "no such order"})
    report = _push(database, store)
    assert (report.sent, report.refused) == (3, 1)
    assert store.taken == ["a", "c"]  # oldest first, the refused one does not stop the rest
    rows = _rows(database)
    assert rows["a"][0] and rows["c"][0]
    done, attempts, error = rows["b"]
    assert not done and attempts == 1 and "no such order" in error
    assert [e["key"] for e in _errors(database)] == ["b"]

    report = _push(database, store)  # refused again for the same reason: counted, not logged
    assert (report.sent, report.refused) == (1, 1) and store.taken == ["a", "c"]
    assert _rows(database)["b"][1] == 2 and len(_errors(database)) == 1

    store.refuse["b"] = "order closed"  # a new reason is logged
    _push(database, store)
    assert len(_errors(database)) == 2

    store.refuse.clear()
    report = _push(database, store)
    assert (report.sent, report.refused) == (1, 0)
    assert store.taken == ["a", "c", "b"] and all(done for done, _, _ in _rows(database).values())
    assert _push(database, store).sent == 0  # each row once


def test_trouble_reaching_the_store_stops_the_run(database: Database) -> None:
    _queue(database, "a", "b")

    def unreachable(key: str, payload: dict[str, Any]) -> None:
        raise Unreachable(method="test", detail="connection refused")

    with pytest.raises(Unreachable):
        push_topic(
            database, TOPIC, unreachable, stream="orders",
            refusal=lambda key, _payload, reason: ("Refused {key}", {"key": key}),
        )  # fmt: skip
    assert _rows(database) == {"a": (False, 0, ""), "b": (False, 0, "")}
