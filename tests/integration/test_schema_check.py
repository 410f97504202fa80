"""The start-up's schema check: a database already at the newest revision is recognised from
the migration scripts' text and one query, without importing Alembic; anything else (older,
empty) goes to Alembic as before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sqlalchemy import text

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import head_revision, scripts_head, up_to_date_revision


def test_the_scripts_text_names_the_head_alembic_names(database: Database) -> None:
    assert scripts_head() == head_revision()
    assert up_to_date_revision(database) == head_revision()


def test_an_older_or_empty_database_is_left_to_alembic(database: Database, tmp_path: Path) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0015_split_parcels'"))
    assert up_to_date_revision(database) is None
    empty = Database(f"sqlite:///{tmp_path / 'empty.db'}")
    assert up_to_date_revision(empty) is None
    empty.dispose()


def test_opening_an_up_to_date_store_does_not_import_alembic(db_path: Path, tmp_path: Path) -> None:
    from redhome_pos.persistence.migrate import upgrade

    ready = Database(f"sqlite:///{db_path}")
    upgrade(ready)
    ready.dispose()
    check = (
        "import sys\n"
        "from pathlib import Path\n"
        "from redhome_pos.persistence.admin import upgrade_schema\n"
        "from redhome_pos.persistence.database import Database\n"
        f"database = Database('sqlite:///{db_path}')\n"
        f"done = upgrade_schema(database, Path({str(tmp_path / 'backups')!r}))\n"
        "print(done.changed, 'alembic' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", check], check=True, capture_output=True, text=True
    ).stdout.split()
    assert shown == ["False", "False"]
