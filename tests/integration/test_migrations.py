"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import current_revision, head_revision, needs_upgrade
from redhome_pos.persistence.models import Base

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured


def test_migrations_from_empty_reach_head_and_match_the_models(database: Database) -> None:
    assert current_revision(database) == head_revision()
    assert not needs_upgrade(database)
    with database.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_sqlite_runs_in_wal_with_full_sync_and_foreign_keys(database: Database) -> None:
    if not database.is_sqlite:
        pytest.skip("about SQLite files")
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert "stock_movements" in inspect(database.engine).get_table_names()
