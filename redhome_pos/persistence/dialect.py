"""Everything that differs between SQLite and PostgreSQL lives here and nowhere else."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError

from redhome_pos.domain.errors import TextError

SQLITE_BUSY_TIMEOUT_MS = 10_000


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL (None for an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def sqlite_url(path: Path, *, read_only: bool = False) -> str:
    """The URL of a SQLite file; ``read_only`` opens it without ever writing to it, nor
    beside it: with no ``-wal`` file there, as immutable (no ``-wal``/``-shm`` made)."""
    if read_only:
        immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
        return f"sqlite:///file:{path.resolve().as_posix()}?mode=ro{immutable}&uri=true"
    return f"sqlite:///{path}"


def json_text(value: Any) -> str:
    """A JSON column's stored text: orjson's compact form, with keys that are not text (a
    SKU id) written as text, as the standard library does. A sale writes a dozen JSON values
    (its VAT, its lines' unit amounts, the outbox payloads), so this runs on every sale.

    What orjson refuses and the standard library writes (an integer beyond 64 bits, say in
    an answer from the online store kept as it came) is written by the standard library, so
    nothing that was stored before is refused now."""
    try:
        return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()
    except TypeError:
        return json.dumps(value)


def engine_options(url: str) -> dict[str, Any]:
    # JSON columns are written with orjson (``json_text``) and read with the standard library,
    # which reads back exactly whatever either wrote (orjson would read an integer beyond 64
    # bits as a float, and refuse the NaN the standard library used to write).
    json_options = {"json_serializer": json_text}
    if is_sqlite(url):
        return {"connect_args": {"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000}, **json_options}
    return {"pool_pre_ping": True, **json_options}


def install_connection_setup(engine: Engine) -> None:
    """SQLite: WAL, synchronous=FULL, foreign keys, busy timeout on every connection."""
    if engine.dialect.name != "sqlite":
        return
    path = sqlite_path(engine.url.render_as_string(hide_password=False))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if path is not None:
            make_private(path)  # it holds PIN hashes and the online store's tokens
        # Let SQLAlchemy issue BEGIN itself so transactions are explicit.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writing unit of work takes the write lock at its start (BEGIN IMMEDIATE), so two
        # writers that both began by reading never deadlock; readers stay deferred.
        immediate = connection.get_execution_options().get("sqlite_immediate", False)
        statement = "BEGIN IMMEDIATE" if immediate else "BEGIN"
        # Straight to the driver: every unit of work begins here, and SQLAlchemy's execution
        # path costs ten times the statement. Its errors are still raised as SQLAlchemy's.
        driver = connection.connection.dbapi_connection
        try:
            driver.execute(statement)
        except sqlite3.Error as error:
            raise DBAPIError.instance(
                statement, (), error, sqlite3.Error, dialect=connection.dialect
            ) from error


# Control characters no stored text may hold; line breaks and tabs are allowed (notes,
# addresses, the providers' answers kept for the record).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_WRITES = ("INSERT", "UPDATE", "insert", "update")


# Values that are never text, known by their exact type (a subclass is looked at closely).
_NOT_TEXT = frozenset({int, float, bool, type(None), bytes, Decimal, datetime, date, time})


def refuse_control_characters(values: Any) -> None:
    """Raise ``TextError`` when any text in ``values`` (nested too) holds a control character.

    Every statement's parameters pass here, an ``executemany``'s hundreds of thousands of rows
    too (the search index): the texts of a row, or of a list of rows, are gathered by their
    exact type and searched in one go; only what is neither text nor a plain value recurses."""
    if isinstance(values, str):
        _refuse_text(values)
        return
    if isinstance(values, dict):
        values = values.values()
    elif not isinstance(values, (list, tuple)):
        return
    flat: list[Any] = []  # a list of rows opened one level: their values side by side
    for value in values:
        kind = value.__class__
        if kind is tuple or kind is list:
            flat += value
        elif kind is dict:
            flat += value.values()
        else:
            flat.append(value)
    texts = [value for value in flat if value.__class__ is str]
    for odd in [v for v in flat if v.__class__ is not str and v.__class__ not in _NOT_TEXT]:
        refuse_control_characters(odd)  # nested deeper, or a subclass of text
    if texts and _CONTROL.search("".join(texts)):
        for one in texts:
            _refuse_text(one)


def _refuse_text(text: str) -> None:
    found = _CONTROL.search(text)
    if found:
        raise TextError(
            "The text has a control character (U+{codepoint:04X}) that cannot be saved: "
            "remove it and try again",
            codepoint=ord(found.group()),
        )


def install_text_guard(engine: Engine) -> None:
    """Every text written to the database, by any path (ORM, Core, bulk), is refused when it
    holds NUL or another control character: such text breaks receipts, exports and searches."""

    @event.listens_for(engine, "before_cursor_execute")
    def _check(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        if statement.lstrip().startswith(_WRITES):
            refuse_control_characters(parameters)


def make_private(path: Path) -> None:
    """Make a database file readable by its owner only (mode 0600), if it is not yet."""
    try:
        if path.exists() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            os.chmod(path, 0o600)
    except OSError:  # not ours to change: the server's own rights apply
        pass


def sqlite_backup(source: Path, target: Path) -> None:
    """Copy a live SQLite database with the online backup API (consistent under writes)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    os.close(os.open(target, os.O_CREAT | os.O_WRONLY, 0o600))
    make_private(target)
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def integrity_errors(engine: Engine) -> list[str]:
    """Problems the database engine itself finds in its files (empty when healthy)."""
    if engine.dialect.name != "sqlite":
        return []
    with engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA integrity_check").fetchall()
        fk_rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    problems = [str(r[0]) for r in rows if str(r[0]) != "ok"]
    problems += [f"foreign key broken: {tuple(r)}" for r in fk_rows]
    return problems


# Any fixed number: every terminal upgrading the schema of one server takes this lock.
SCHEMA_UPGRADE_LOCK = 0x7265_6468  # "redh"


@contextmanager
def schema_upgrade_lock(engine: Engine) -> Iterator[None]:
    """Hold off other terminals while the schema is upgraded (PostgreSQL: an advisory lock;
    a SQLite file belongs to one terminal and its DDL takes the file's write lock)."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": SCHEMA_UPGRADE_LOCK})
        connection.commit()
        try:
            yield
        finally:
            connection.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": SCHEMA_UPGRADE_LOCK}
            )
            connection.commit()


# What a failed write says about the disk under the database.
DISK_FULL = "disk_full"
READ_ONLY = "read_only"
BUSY = "busy"  # another terminal held what this write needed (deadlock, lock timeout)
_SQLITE_BUSY, _SQLITE_FULL, _SQLITE_READONLY = 5, 13, 8  # primary result codes
_PG_DISK_FULL, _PG_READ_ONLY = ("53100",), ("25006",)
_PG_BUSY = ("40P01", "40001", "55P03")  # deadlock, serialization failure, lock not available


def storage_problem(error: BaseException) -> str | None:
    """``DISK_FULL`` or ``READ_ONLY`` when ``error`` (a driver error, bare or wrapped by
    SQLAlchemy) means the database cannot take any more writes, ``BUSY`` when another
    terminal held what the write needed; None for anything else."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, sqlite3.Error):
        code = getattr(original, "sqlite_errorcode", 0) & 0xFF
        words = str(original).lower()
        if code == _SQLITE_FULL or "database or disk is full" in words:
            return DISK_FULL
        if code == _SQLITE_READONLY or "readonly database" in words:
            return READ_ONLY
        if code == _SQLITE_BUSY or "database is locked" in words:
            return BUSY
        return None
    state = getattr(original, "sqlstate", None)
    if state in _PG_DISK_FULL:
        return DISK_FULL
    if state in _PG_READ_ONLY:
        return READ_ONLY
    if state in _PG_BUSY:
        return BUSY
    return None
