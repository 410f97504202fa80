"""The counter's prepared statements keep the session's driver connection only while the
same transaction is open: after a commit or a rollback the next statement begins a new
transaction of the session, so a write is never made outside one (SQLite's driver would
otherwise commit it on its own) and a rollback takes back everything since the last commit.
In a unit of work they run on the unit's own connection, beside the session's ORM writes,
in one transaction whichever of the two begins it."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    Table,
    bindparam,
    func,
    insert,
    select,
)

from redhome_pos.domain.errors import TextError
from redhome_pos.persistence import dialect
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.base import UtcDateTime
from redhome_pos.persistence.models.counter import ReceiptSequenceRow
from redhome_pos.persistence.repositories.counter_sql import Prepared
from redhome_pos.persistence.unit_of_work import DatabaseBusy

ALSO_ON_POSTGRES = True

_ADD = Prepared(
    insert(ReceiptSequenceRow),
    columns=["terminal_id", "business_date", "series", "last_seq"],
)
_COUNT = Prepared(
    select(func.count())
    .select_from(ReceiptSequenceRow)
    .where(ReceiptSequenceRow.terminal_id == bindparam("terminal_id"))
)


def _add(session: object, seq: int) -> None:
    row = {"terminal_id": "T9", "business_date": date(2026, 1, seq), "series": "S"}
    _ADD.run(session, {**row, "last_seq": seq})  # type: ignore[arg-type]


def _stored(database: Database) -> int:
    with database.reading() as session:
        return int(_COUNT.first(session, {"terminal_id": "T9"})[0])


def test_a_rollback_after_a_commit_takes_back_only_what_came_after_it(database: Database) -> None:
    with database.unit_of_work() as uow:
        _add(uow.session, 1)
        uow.session.commit()  # the same session goes on in a new transaction
        _add(uow.session, 2)
        assert _COUNT.first(uow.session, {"terminal_id": "T9"})[0] == 2
        uow.session.rollback()
        _add(uow.session, 3)
        # Nothing is committed: the unit of work rolls back on leaving.
    assert _stored(database) == 1


def test_each_transaction_of_one_session_sees_the_others_commits(database: Database) -> None:
    with database.reading() as session:
        assert _COUNT.first(session, {"terminal_id": "T9"})[0] == 0
        with database.unit_of_work() as uow:
            _add(uow.session, 1)
            uow.commit()
        session.rollback()  # ends the read; the next statement starts a new one
        assert _COUNT.first(session, {"terminal_id": "T9"})[0] == 1


def test_a_savepoint_shares_the_transaction_and_its_rollback_is_partial(
    database: Database,
) -> None:
    with database.unit_of_work() as uow:
        _add(uow.session, 1)
        savepoint = uow.session.begin_nested()
        _add(uow.session, 2)
        savepoint.rollback()
        _add(uow.session, 3)
        uow.commit()
    assert _stored(database) == 2


def _orm_add(uow: object, seq: int) -> None:
    row = ReceiptSequenceRow(
        terminal_id="T9", business_date=date(2026, 2, seq), series="S", last_seq=seq
    )
    uow.session.add(row)  # type: ignore[attr-defined]
    uow.session.flush()  # type: ignore[attr-defined]


def _both(uow: object, prepared_first: bool) -> None:
    """A prepared write (seq 1) and an ORM write (seq 2) in ``uow``: the first begins the
    unit's transaction (the prepared one without the session), the second joins it."""
    if prepared_first:
        _add(uow.session, 1)  # type: ignore[attr-defined]
        _orm_add(uow, 2)
    else:
        _orm_add(uow, 2)
        _add(uow.session, 1)  # type: ignore[attr-defined]


@pytest.mark.parametrize("prepared_first", [True, False])
def test_prepared_and_orm_writes_of_one_unit_commit_together_whichever_comes_first(
    database: Database, prepared_first: bool
) -> None:
    with database.unit_of_work() as uow:
        _both(uow, prepared_first)
        uow.commit()
    assert _stored(database) == 2


@pytest.mark.parametrize("prepared_first", [True, False])
def test_leaving_a_unit_without_commit_takes_back_both_kinds_of_write(
    database: Database, prepared_first: bool
) -> None:
    with database.unit_of_work() as uow:
        _both(uow, prepared_first)
    assert _stored(database) == 0
    with database.unit_of_work() as uow:
        _add(uow.session, 3)  # prepared statements alone: the session never began
    assert _stored(database) == 0


def test_a_session_begun_without_a_statement_still_commits_the_prepared_writes(
    database: Database,
) -> None:
    with database.unit_of_work() as uow:
        uow.session.begin()  # a transaction of the session's, not yet on the connection
        _add(uow.session, 1)
        uow.commit()
    assert _stored(database) == 1
    with database.unit_of_work() as uow:
        uow.session.begin()
        _add(uow.session, 2)
        uow.rollback()
        uow.commit()
    assert _stored(database) == 1


def test_text_with_a_control_character_is_refused_one_row_or_many(database: Database) -> None:
    row = {"business_date": date(2026, 1, 1), "series": "S", "last_seq": 1}
    with database.unit_of_work() as uow:
        with pytest.raises(TextError, match=r"U\+0000"):
            _ADD.run(uow.session, {**row, "terminal_id": "T\x009"})
        with pytest.raises(TextError, match=r"U\+001B"):
            _ADD.run_many(
                uow.session, [{**row, "terminal_id": "T9"}, {**row, "terminal_id": "T\x1b9"}]
            )
        uow.commit()
    assert _stored(database) == 0


def test_a_write_that_cannot_take_the_lock_says_another_counter_was_saving(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # SQLite only: the unit of work takes the write lock as it begins (BEGIN IMMEDIATE).
    monkeypatch.setattr(dialect, "SQLITE_BUSY_TIMEOUT_MS", 200)
    database = Database(f"sqlite:///{db_path}")
    upgrade(database)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another terminal is saving
    try:
        busy = pytest.raises(DatabaseBusy, match="Another counter was saving")
        with busy, database.unit_of_work() as uow:
            _add(uow.session, 1)
            uow.commit()
    finally:
        other.execute("ROLLBACK")
        other.close()
    with database.unit_of_work() as uow:  # the lock is free again: the write goes through
        _add(uow.session, 1)
        uow.commit()
    assert _stored(database) == 1
    database.dispose()


_SHAPES = MetaData()
_TWINS = [
    Table(
        name,
        _SHAPES,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("at", UtcDateTime),
        Column("day", Date),
        Column("doc", JSON),
        Column("flag", Boolean),
    )
    for name in ("counter_sql_prepared", "counter_sql_core")
]


def test_values_are_stored_as_sqlalchemy_stores_them_a_repeated_one_too(
    database: Database,
) -> None:
    # One moment given to several rows (a sale's), other moments between them, None in each
    # converted column: the prepared rows are the rows SQLAlchemy itself writes.
    moment = datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=UTC)
    other = datetime(2026, 3, 1, 12, 0, tzinfo=timezone(timedelta(hours=8)))
    rows = [
        {"id": n, "at": at, "day": day, "doc": doc, "flag": flag}
        for n, (at, day, doc, flag) in enumerate(
            [
                (moment, date(2026, 3, 1), None, True),
                (moment, date(2026, 3, 1), [1, "二"], False),
                (other, None, {"a": 1}, None),
                (moment, date(2026, 3, 2), None, True),
                (None, date(2026, 3, 1), [], False),
                (moment + timedelta(microseconds=1), date(2026, 3, 1), None, True),
            ],
            start=1,
        )
    ]
    _SHAPES.create_all(database.engine)
    try:
        prepared, core = _TWINS
        write = Prepared(insert(prepared), columns=["id", "at", "day", "doc", "flag"])
        with database.unit_of_work() as uow:
            write.run_many(uow.session, rows[:3])
            for row in rows[3:]:
                write.run(uow.session, row)
            uow.session.execute(insert(core), rows)
            uow.commit()
        with database.engine.connect() as connection:
            stored = [
                connection.exec_driver_sql(
                    f"SELECT id, at, day, CAST(doc AS TEXT), flag FROM {table.name} ORDER BY id"
                ).all()
                for table in _TWINS
            ]
        assert stored[0] == stored[1]
        assert len(stored[0]) == len(rows)
    finally:
        _SHAPES.drop_all(database.engine)


def test_json_values_read_back_as_written_those_orjson_refuses_too(database: Database) -> None:
    # An answer kept as it came may hold an integer beyond 64 bits: orjson refuses to write
    # it and would read it as a float; the column gives back the same integer.
    documents = [
        {"order": 2**70, "items": [{"qty": 1}]},
        {7: "键不是文本"},  # a key that is not text is written as text, as before
        ["二", 1.5, None, True],
    ]
    expected = [
        {"order": 2**70, "items": [{"qty": 1}]},
        {"7": "键不是文本"},
        ["二", 1.5, None, True],
    ]
    _SHAPES.create_all(database.engine)
    try:
        prepared, _core = _TWINS
        write = Prepared(insert(prepared), columns=["id", "at", "day", "doc", "flag"])
        rows = [
            {"id": n, "at": None, "day": None, "doc": doc, "flag": None}
            for n, doc in enumerate(documents, start=1)
        ]
        with database.unit_of_work() as uow:
            write.run_many(uow.session, rows)
            uow.commit()
        with database.reading() as session:
            stored = list(session.scalars(select(prepared.c.doc).order_by(prepared.c.id)))
        assert stored == expected
        assert isinstance(stored[0]["order"], int)
    finally:
        _SHAPES.drop_all(database.engine)
