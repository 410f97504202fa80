"""The counter's hot statements (a scan's lookup, a sale's rows), compiled once per kind of
database and run on the session's own driver connection, inside the session's transaction.

A sale writes about a dozen small rows and a scan reads one; SQLAlchemy's work for each
execution costs several times the indexed statement itself. The statements are still built
and compiled by SQLAlchemy for the database in use (SQLite or PostgreSQL), and values still
pass through the columns' own type processors (JSON, dates, UTC times, booleans), so rows
are stored and read exactly as through SQLAlchemy; a driver error is raised as SQLAlchemy
raises it.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection, Dialect
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

from redhome_pos.persistence.dialect import refuse_control_characters


def written_columns(table: Any) -> list[str]:
    """The columns an INSERT into ``table`` gives: all but a generated integer key."""
    generated = table.autoincrement_column
    return [c.key for c in table.columns if c is not generated]


class Prepared:
    """One statement; ``columns`` names the values an INSERT writes (every one is given)."""

    __slots__ = ("_columns", "_plans", "_statement")

    def __init__(self, statement: Executable, *, columns: Sequence[str] | None = None) -> None:
        self._statement = statement
        self._columns = list(columns) if columns is not None else None
        self._plans: dict[tuple[str, str], _Plan] = {}

    def first(self, session: Session, params: dict[str, Any] | None = None) -> Any | None:
        """The first row (a SELECT, or a write with RETURNING), or None."""
        rows = self._run(session, params or {}, one=True)
        return rows[0] if rows else None

    def all(self, session: Session, params: dict[str, Any] | None = None) -> list[Any]:
        return self._run(session, params or {}, one=False)

    def run(self, session: Session, params: dict[str, Any] | None = None) -> None:
        """A write without RETURNING."""
        connection, plan = self._plan(session)
        values = plan.parameters(params or {})
        refuse_control_characters(values)  # the driver's cursor: no engine event sees it
        cursor = connection.connection.cursor()
        try:
            cursor.execute(plan.sql, values)
        except connection.dialect.loaded_dbapi.Error as error:
            raise _wrapped(error, plan, values, connection.dialect) from error
        finally:
            cursor.close()

    def run_many(self, session: Session, rows: Sequence[dict[str, Any]]) -> None:
        """The same write for each of ``rows``, in one driver call."""
        if not rows:
            return
        connection, plan = self._plan(session)
        values = [plan.parameters(row) for row in rows]
        refuse_control_characters(values)
        cursor = connection.connection.cursor()
        try:
            cursor.executemany(plan.sql, values)
        except connection.dialect.loaded_dbapi.Error as error:
            raise _wrapped(error, plan, values, connection.dialect) from error
        finally:
            cursor.close()

    def _plan(self, session: Session) -> tuple[Connection, _Plan]:
        connection = session.connection()  # begins the session's transaction if needed
        dialect = connection.dialect
        key = (dialect.name, dialect.driver)
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plans[key] = _Plan(self._statement, dialect, self._columns)
        return connection, plan

    def _run(self, session: Session, params: dict[str, Any], *, one: bool) -> list[Any]:
        connection, plan = self._plan(session)
        values = plan.parameters(params)
        if plan.writes:
            refuse_control_characters(values)
        cursor = connection.connection.cursor()
        try:
            cursor.execute(plan.sql, values)
            found = [cursor.fetchone()] if one else cursor.fetchall()
        except connection.dialect.loaded_dbapi.Error as error:
            raise _wrapped(error, plan, values, connection.dialect) from error
        finally:
            cursor.close()
        return [plan.row(row) for row in found if row is not None]


def _wrapped(error: Exception, plan: _Plan, values: Any, dialect: Dialect) -> StatementError:
    return DBAPIError.instance(plan.sql, values, error, dialect.loaded_dbapi.Error, dialect=dialect)


class _Plan:
    """One statement compiled for one database: its SQL, parameter order and converters."""

    __slots__ = (
        "_binds", "_fixed", "_names", "_positional", "_results", "_row_type", "sql", "writes",
    )  # fmt: skip

    def __init__(self, statement: Executable, dialect: Dialect, columns: list[str] | None) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=columns)  # type: ignore[attr-defined]
        self.sql: str = compiled.string
        self.writes = self.sql.lstrip().upper().startswith(("INSERT", "UPDATE"))
        self._positional = dialect.positional
        self._names: tuple[str, ...] = tuple(compiled.positiontup or compiled.binds)
        self._binds: dict[str, Any] = {}
        self._fixed: dict[str, Any] = {}  # values written into the statement (a limit, a 0)
        for name in self._names:
            bind = compiled.binds[name]
            if not bind.required and (columns is None or name not in columns):
                self._fixed[name] = bind.value
            process = bind.type._cached_bind_processor(dialect)
            if process is not None:
                self._binds[name] = process
        # A column SQLAlchemy would fill from its Python default must be given instead.
        filled = compiled.insert_prefetch + compiled.update_prefetch
        missing = [c.key for c in filled if columns is None or c.key not in columns]
        if missing:
            raise ValueError(f"give every column a value: {missing} are missing")
        results = compiled._result_columns
        processors = [c.type._cached_result_processor(dialect, None) for c in results]
        self._results = [(i, p) for i, p in enumerate(processors) if p is not None]
        # Rows read by column name, as SQLAlchemy's rows are.
        self._row_type: Any = namedtuple(  # type: ignore[misc]
            "CounterRow", [c.keyname for c in results] or ["unused"], rename=True
        )

    def parameters(self, params: dict[str, Any]) -> Any:
        binds = self._binds
        given = {**self._fixed, **params} if self._fixed else params
        values = {
            name: binds[name](given[name]) if name in binds else given[name] for name in self._names
        }
        return tuple(values[name] for name in self._names) if self._positional else values

    def row(self, values: Sequence[Any]) -> Any:
        if not self._results:
            return self._row_type._make(values)
        converted = list(values)
        for index, process in self._results:
            converted[index] = process(converted[index])
        return self._row_type._make(converted)
