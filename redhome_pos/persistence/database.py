"""The store database: engine set-up, sessions and units of work.

Built once in the composition root from the configured URL; nothing here runs at import.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from redhome_pos.persistence import dialect
from redhome_pos.persistence.unit_of_work import UnitOfWork, UnitSession


class Database:
    """One store database (a SQLite file or a PostgreSQL server)."""

    def __init__(self, url: str, *, echo: bool = False) -> None:
        self.url = url
        self.engine: Engine = create_engine(url, echo=echo, **dialect.engine_options(url))
        dialect.install_connection_setup(self.engine)
        dialect.install_text_guard(self.engine)
        self._write_engine = self.engine.execution_options(sqlite_immediate=True)
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            self._write_engine, class_=UnitSession, expire_on_commit=False
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def unit_of_work(self) -> UnitOfWork:
        """A writing unit of work: rolls back on exit unless ``commit()`` was called."""
        return UnitOfWork(self._write_sessions, self._write_engine)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session (for lists, lookups and reports)."""
        session = self._read_sessions()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
