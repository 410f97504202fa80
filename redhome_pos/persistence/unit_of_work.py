"""Unit of work: one transaction per user action; rolled back unless committed."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from redhome_pos.domain.errors import DomainError
from redhome_pos.persistence import dialect


class StorageError(DomainError):
    """The database could not take a write (disk full, read-only, or another terminal held
    what it needed): nothing was saved."""


class DiskFull(StorageError):
    template = (
        "The disk of the store database is full, so nothing was saved. "
        "Free some space (or call the manager), then try again."
    )


class DatabaseReadOnly(StorageError):
    template = (
        "The store database is read-only, so nothing was saved. "
        "Call the manager to make it writable, then try again."
    )


class DatabaseBusy(StorageError):
    template = "Another counter was saving at the same moment, so nothing was saved. Try again."


_STORAGE_ERRORS: dict[str, type[StorageError]] = {
    dialect.DISK_FULL: DiskFull,
    dialect.READ_ONLY: DatabaseReadOnly,
    dialect.BUSY: DatabaseBusy,
}


# ``session.info`` key of the unit of work's own connection: (connection, driver connection,
# dialect, kind of database). The counter's prepared statements run on it directly.
UNIT_CONNECTION = "redhome_unit_connection"


class UnitSession(Session):
    """A unit of work's session: bound to the unit's connection, whose transaction the
    counter's prepared statements may have begun without the session (see ``UnitOfWork``).
    Committing or rolling back the session ends that transaction too."""

    def _unit_connection(self) -> Connection | None:
        unit = self.info.get(UNIT_CONNECTION)
        return None if unit is None else unit[0]

    def commit(self) -> None:
        connection = self._unit_connection()
        pending = self.new or self.dirty or self.deleted
        if connection is not None and not self.in_transaction() and not pending:
            if connection.in_transaction():
                connection.commit()  # only prepared statements wrote
            return
        super().commit()  # controlling the connection's transaction, it commits it too
        if connection is not None and connection.in_transaction():
            connection.commit()  # begun by a statement while the session had not connected

    def rollback(self) -> None:
        super().rollback()
        connection = self._unit_connection()
        if connection is not None and connection.in_transaction():
            connection.rollback()


class UnitOfWork:
    """Opens a session for one use case. ``commit()`` makes the work permanent; leaving the
    ``with`` block without it (or with an exception) rolls everything back.

    The unit holds one connection for its whole life and its session is bound to it: the
    counter's prepared statements (``repositories.counter_sql``) run on that connection's
    transaction directly, begun at the first of them; ORM work on the session joins the same
    transaction. A sale that writes through prepared statements only is then committed on
    the connection, without the session's transaction machinery (which cost about as much
    as a sale's rows).
    """

    def __init__(self, session_factory: sessionmaker[UnitSession], engine: Engine) -> None:
        self._session_factory = session_factory
        self._engine = engine
        self._session: Session | None = None
        self._connection: Connection | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        connection = self._engine.connect()
        try:
            session = self._session_factory(bind=connection, join_transaction_mode="control_fully")
            dialect = connection.dialect
            session.info[UNIT_CONNECTION] = (
                connection,
                connection.connection.dbapi_connection,
                dialect,
                (dialect.name, dialect.driver),
            )
        except BaseException:
            connection.close()
            raise
        self._connection, self._session = connection, session
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        connection = self._connection
        try:
            session.rollback()
        finally:
            session.close()
            if connection is not None:
                connection.close()
            self._session = self._connection = None
        problem = dialect.storage_problem(exc) if isinstance(exc, DBAPIError) else None
        if problem is not None:
            raise _STORAGE_ERRORS[problem]() from exc

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    def flush(self) -> None:
        self.session.flush()
