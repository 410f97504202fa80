"""Store databases for the reliability tests: a SQLite file, or a fresh schema on the
PostgreSQL server named by REDHOME_TEST_POSTGRES_URL (scripts/test starts one)."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, make_url, text
from sqlalchemy.exc import OperationalError

POSTGRES_URL = os.environ.get("REDHOME_TEST_POSTGRES_URL", "")

needs_postgres = pytest.mark.skipif(
    not POSTGRES_URL, reason="no PostgreSQL server configured (scripts/test starts one)"
)


@contextmanager
def postgres_schema_url() -> Iterator[str]:
    """The URL of a fresh, empty schema on the test server; dropped afterwards."""
    schema = f"rel_{uuid.uuid4().hex[:16]}"
    admin = create_engine(POSTGRES_URL)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        _drop_schema(admin, schema)
        admin.dispose()


def _drop_schema(admin: Engine, schema: str) -> None:
    """Drop the schema; the server backend of a terminal killed mid-transaction may still be
    finishing (it notices its client is gone only when it next answers), so a deadlock with
    it is waited out and tried again."""
    for attempt in range(10):
        try:
            with admin.begin() as connection:
                connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
            return
        except OperationalError:
            if attempt == 9:
                raise
            time.sleep(1.0)


@contextmanager
def store_url(backend: str, folder: Path) -> Iterator[str]:
    """An empty store database of ``backend`` ("sqlite" or "postgresql")."""
    if backend == "postgresql":
        if not POSTGRES_URL:
            pytest.skip("no PostgreSQL server configured (scripts/test starts one)")
        with postgres_schema_url() as url:
            yield url
    else:
        yield f"sqlite:///{folder / 'store.db'}"


def fingerprint(database: object) -> dict[str, tuple[int, str]]:
    """Every table's row count and a digest of all its rows: equal fingerprints mean that
    nothing in the store changed."""
    import hashlib

    from sqlalchemy import func, select

    from redhome_pos.persistence.database import Database
    from redhome_pos.persistence.models import Base

    assert isinstance(database, Database)
    result: dict[str, tuple[int, str]] = {}
    with database.reading() as session:
        for table in Base.metadata.sorted_tables:
            order = list(table.primary_key.columns) or list(table.columns)
            rows = session.execute(select(table).order_by(*order)).all()
            count = session.scalar(select(func.count()).select_from(table)) or 0
            digest = hashlib.sha256(repr([tuple(r) for r in rows]).encode()).hexdigest()
            result[table.name] = (int(count), digest)
    return result
