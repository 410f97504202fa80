"""Fixtures shared by every test layer: a fresh, migrated store database per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.db"


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    """A real SQLite file, migrated to the newest schema."""
    db = Database(f"sqlite:///{db_path}")
    upgrade(db)
    yield db
    db.dispose()
