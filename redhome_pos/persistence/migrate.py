"""Schema migrations with Alembic, run from code (no alembic.ini needed).

Alembic is imported only when a migration has to be looked at or run: a counter starting on a
database already at the newest revision finds that out from the scripts' text and one query
(``up_to_date_revision``), which keeps Alembic's import and script loading off the start-up.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text

from redhome_pos.persistence.database import Database

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# ``revision = "0016_promotion_stamp"`` / ``down_revision = "0015_split_parcels"`` (or None)
_REVISION_LINE = re.compile(
    r"^(?P<down>down_)?revision\s*(?::[^=\n]*)?=\s*(?:(?P<quote>['\"])(?P<id>[^'\"]+)(?P=quote)|None)\s*$",
    re.MULTILINE,
)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def scripts_head() -> str | None:
    """The newest revision as the scripts' own lines say it, without Alembic: the one revision
    no script names as its ``down_revision``. None when the scripts are not one plain chain
    (a merge, a line written another way): Alembic decides then."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / "versions").glob("*.py"):
        found = {
            m.group("down") is not None: m for m in _REVISION_LINE.finditer(script.read_text())
        }
        if set(found) != {False, True}:
            return None
        revisions.add(found[False].group("id"))
        if found[True].group("id"):
            parents.add(found[True].group("id"))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 and parents <= revisions else None


def up_to_date_revision(database: Database) -> str | None:
    """The database's revision when it is already the newest, found with one query and no
    Alembic; None when that is not plainly so (empty, older, newer, branched: ask Alembic)."""
    head = scripts_head()
    if head is None:
        return None
    with database.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        recorded = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    return head if [row[0] for row in recorded] == [head] else None


def current_revision(database: Database) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with database.engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(database: Database) -> bool:
    return current_revision(database) != head_revision()


def upgrade(database: Database, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (default: the newest)."""
    from alembic import command

    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
