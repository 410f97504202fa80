"""Fixtures shared by every test layer: a fresh, migrated store database per test."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The test run never touches the real user's configuration, data or logs: the platform's
# user folders (XDG on Linux) point into a temporary folder removed at the end of the run.
_USER_FOLDERS = tempfile.mkdtemp(prefix="redhome-test-user-")
for _variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
    os.environ[_variable] = os.path.join(_USER_FOLDERS, _variable.lower())


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_USER_FOLDERS, ignore_errors=True)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


# A test module that sets ``ALSO_ON_POSTGRES = True`` runs its ``database`` tests twice when
# REDHOME_TEST_POSTGRES_URL names a server (scripts/test starts one): on SQLite and on
# PostgreSQL, each PostgreSQL test in a fresh schema of its own.
POSTGRES_URL = os.environ.get("REDHOME_TEST_POSTGRES_URL", "")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if (
        POSTGRES_URL
        and "database_backend" in metafunc.fixturenames
        and getattr(metafunc.module, "ALSO_ON_POSTGRES", False)
    ):
        metafunc.parametrize("database_backend", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def database_backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


def _postgres_database() -> Iterator[Database]:
    from sqlalchemy import create_engine, make_url, text

    schema = f"test_{uuid.uuid4().hex[:16]}"
    admin = create_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    db = Database(url.render_as_string(hide_password=False))
    try:
        upgrade(db)
        yield db
    finally:
        db.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def database(db_path: Path, database_backend: str) -> Iterator[Database]:
    """A real SQLite file (or a fresh PostgreSQL schema, see above), migrated to the newest
    schema."""
    if database_backend == "postgresql":
        yield from _postgres_database()
        return
    db = Database(f"sqlite:///{db_path}")
    upgrade(db)
    yield db
    db.dispose()
