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
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Boolean, Date, DateTime, Integer, Numeric, Time, TypeDecorator
from sqlalchemy.engine import Dialect
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

from redhome_pos.persistence.dialect import refuse_control_characters
from redhome_pos.persistence.unit_of_work import UNIT_CONNECTION


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
        driver, plan = self._plan(session)
        values = plan.parameters(params or {})
        plan.refuse_control_characters(values)  # the driver's cursor: no engine event sees it
        cursor = driver.cursor()
        try:
            cursor.execute(plan.sql, values)
        except plan.errors as error:
            raise plan.wrapped(error, values) from error
        finally:
            cursor.close()

    def run_many(self, session: Session, rows: Sequence[dict[str, Any]]) -> None:
        """The same write for each of ``rows``, in one driver call."""
        if not rows:
            return
        driver, plan = self._plan(session)
        values = [plan.parameters(row) for row in rows]
        plan.refuse_control_characters(*values)
        cursor = driver.cursor()
        try:
            cursor.executemany(plan.sql, values)
        except plan.errors as error:
            raise plan.wrapped(error, values) from error
        finally:
            cursor.close()

    def _plan(self, session: Session) -> tuple[Any, _Plan]:
        driver, dialect, kind = _driver(session)
        plan = self._plans.get(kind)
        if plan is None:
            plan = self._plans[kind] = _Plan(self._statement, dialect, self._columns)
        return driver, plan

    def _run(self, session: Session, params: dict[str, Any], *, one: bool) -> list[Any]:
        driver, plan = self._plan(session)
        values = plan.parameters(params)
        if plan.writes:
            plan.refuse_control_characters(values)
        cursor = driver.cursor()
        try:
            cursor.execute(plan.sql, values)
            found = [cursor.fetchone()] if one else cursor.fetchall()
        except plan.errors as error:
            raise plan.wrapped(error, values) from error
        finally:
            cursor.close()
        return [plan.row(row) for row in found if row is not None]


def _picker(keys: Sequence[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the items of ``keys``, as a tuple, from what it is given."""
    if not keys:
        return lambda _given: ()
    if len(keys) == 1:
        key = keys[0]
        return lambda given: (given[key],)
    return itemgetter(*keys)


_NOT_TEXT = (Integer, Boolean, Date, DateTime, Time, Numeric)


def _never_text(type_: Any) -> bool:
    stored = type_.impl_instance if isinstance(type_, TypeDecorator) else type_
    return isinstance(stored, _NOT_TEXT)


_DRIVER = "redhome_counter_driver"


def _driver(session: Session) -> tuple[Any, Dialect, tuple[str, str]]:
    """The driver connection of the session's transaction (beginning it if needed), its
    dialect and kind of database (the key of the statements compiled for it).

    A unit of work's session is bound to the unit's own connection: the statements run on
    it, in its transaction (begun here if none is open). Inside a savepoint, and for other
    sessions, the session is asked (it emits SAVEPOINT, or begins, when first asked), and
    since asking costs more than most counter statements the answer is kept on the session
    for as long as the same transaction or savepoint is open."""
    nested = session.get_nested_transaction()
    unit = session.info.get(UNIT_CONNECTION)
    if unit is not None and nested is None:
        connection = unit[0]
        if not connection.in_transaction():
            connection.begin()
        return unit[1], unit[2], unit[3]
    transaction = nested or session.get_transaction()
    kept = session.info.get(_DRIVER)
    if kept is not None and kept[0] is transaction and transaction.is_active:
        return kept[1:]  # type: ignore[no-any-return]
    connection = session.connection()  # begins the session's transaction if needed
    dialect = connection.dialect
    transaction = session.get_nested_transaction() or session.get_transaction()
    kept = (
        transaction,
        connection.connection.dbapi_connection,
        dialect,
        (dialect.name, dialect.driver),
    )
    session.info[_DRIVER] = kept
    return kept[1:]


class _Plan:
    """One statement compiled for one database: its SQL, parameter order and converters."""

    __slots__ = (
        "_dialect", "_fixed", "_last", "_names", "_pick", "_positional", "_processed",
        "_results", "_row_type", "_texts", "errors", "sql", "writes",
    )  # fmt: skip

    def __init__(self, statement: Executable, dialect: Dialect, columns: list[str] | None) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=columns)  # type: ignore[attr-defined]
        self.sql: str = compiled.string
        self.writes = self.sql.lstrip().upper().startswith(("INSERT", "UPDATE"))
        self._dialect = dialect
        self.errors: type[Exception] = dialect.loaded_dbapi.Error
        self._positional = dialect.positional
        names: tuple[str, ...] = tuple(compiled.positiontup or compiled.binds)
        self._fixed: dict[str, Any] = {}  # values written into the statement (a limit, a 0)
        self._names = names
        # The values in the statement's order are picked from the given ones in one call;
        # only the few whose type converts them (dates, JSON, flags) are then converted.
        self._pick = _picker(names)
        # Per converted parameter: its place, its converter, what it makes of None, and
        # whether its values are immutable (numbers, flags, dates), so that the value last
        # converted may be remembered: a sale gives one moment to a dozen rows.
        self._processed: list[tuple[int, int, Any, Any, bool]] = []
        for index, name in enumerate(names):
            bind = compiled.binds[name]
            if not bind.required and (columns is None or name not in columns):
                self._fixed[name] = bind.value
            process = bind.type._cached_bind_processor(dialect)
            if process is not None:
                slot = len(self._processed)
                self._processed.append(
                    (slot, index, process, process(None), _never_text(bind.type))
                )
        self._last: list[tuple[Any, Any]] = [(None, None)] * len(self._processed)
        # The parameters that may hold text: a number, a flag or a date cannot hold a control
        # character.
        texts = [
            index for index, name in enumerate(names) if not _never_text(compiled.binds[name].type)
        ]
        self._texts = _picker(texts) if texts else None
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
        """The driver's parameters: a tuple in the statement's order, or a dict by name."""
        values = self._pick({**self._fixed, **params} if self._fixed else params)
        if self._processed:
            converted = list(values)
            last = self._last
            for slot, index, process, if_none, immutable in self._processed:
                value = converted[index]
                if value is None:
                    converted[index] = if_none
                elif not immutable:
                    converted[index] = process(value)
                else:
                    # One tuple per slot, replaced whole: threads sharing the plan never see
                    # a value beside another one's conversion.
                    seen = last[slot]
                    if seen[0] is value:
                        converted[index] = seen[1]
                    else:
                        converted[index] = process(value)
                        last[slot] = (value, converted[index])
            values = tuple(converted)
        return values if self._positional else dict(zip(self._names, values, strict=True))

    def refuse_control_characters(self, *rows: Any) -> None:
        """``TextError`` when a text parameter among the values of ``rows`` (one statement's,
        or an ``executemany``'s) holds a control character; their texts are searched in one
        go."""
        if self._texts is None:
            return  # numbers, flags and dates only
        pick = self._texts
        if not self._positional:
            rows = tuple(tuple(row[name] for name in self._names) for row in rows)
        refuse_control_characters(tuple(text for row in rows for text in pick(row)))

    def wrapped(self, error: Exception, values: Any) -> StatementError:
        """The driver's ``error`` raised as SQLAlchemy raises it."""
        dialect = self._dialect
        return DBAPIError.instance(self.sql, values, error, self.errors, dialect=dialect)

    def row(self, values: Sequence[Any]) -> Any:
        if not self._results:
            return self._row_type._make(values)
        converted = list(values)
        for index, process in self._results:
            converted[index] = process(converted[index])
        return self._row_type._make(converted)
