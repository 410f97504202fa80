"""Unit of work: one transaction per user action; rolled back unless committed."""

from __future__ import annotations

from types import TracebackType

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


class UnitOfWork:
    """Opens a session for one use case. ``commit()`` makes the work permanent; leaving the
    ``with`` block without it (or with an exception) rolls everything back.

    Repositories are attached by ``persistence.repositories`` as attributes built on the
    session, so services reach them as ``uow.catalog``, ``uow.stock`` and so on.
    """

    def __init__(self, session_factory: sessionmaker[Session]) -> None:
        self._session_factory = session_factory
        self._session: Session | None = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self._session

    def __enter__(self) -> UnitOfWork:
        self._session = self._session_factory()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        session = self.session
        try:
            session.rollback()
        finally:
            session.close()
            self._session = None
        problem = dialect.storage_problem(exc) if isinstance(exc, DBAPIError) else None
        if problem is not None:
            raise _STORAGE_ERRORS[problem]() from exc

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    def flush(self) -> None:
        self.session.flush()
