"""Looking after the store database: open with a safe schema upgrade, back up, restore, check.

A schema upgrade never runs on a store database without a backup taken just before it (the
SQLite online backup API, so a running terminal is not disturbed). A restore refuses a file
that is not a REDHOME database and keeps a backup of the database it replaces.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3  # only for its error class: copies go through the dialect module
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine, inspect
from sqlalchemy.exc import DBAPIError

from redhome_pos.config import Config, redact_url
from redhome_pos.domain.errors import DomainError
from redhome_pos.persistence import dialect
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import (
    alembic_config,
    current_revision,
    head_revision,
    up_to_date_revision,
    upgrade,
)
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.persistence.repositories.outbox import STOCK_TOPIC, OutboxRepository
from redhome_pos.persistence.repositories.stock import LevelMismatch, StockRepository

log = logging.getLogger(__name__)

# Tables every REDHOME database has had since the first schema revision.
REQUIRED_TABLES = frozenset({"alembic_version", "products", "skus", "stock_movements"})
AUTOMATIC_BACKUPS_KEPT = 20


class DatabaseAdminError(DomainError):
    """The database cannot be opened, backed up, restored or checked as asked."""


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def open_database(config: Config) -> Database:
    """The store database, its schema brought up to date.

    An existing SQLite database that needs an upgrade is first copied into the backup folder.
    A database written by a newer program, or one that is not a REDHOME database, is refused.
    """
    database = Database(config.database.url)
    try:
        upgrade_schema(database, config.paths.backup_dir)
    except BaseException:
        database.dispose()
        raise
    return database


@dataclass(frozen=True, slots=True)
class SchemaUpgrade:
    """What bringing the schema up to date did."""

    before: str | None  # None: the database was empty
    after: str
    backup: Path | None  # the copy taken before upgrading, if any

    @property
    def changed(self) -> bool:
        return self.before != self.after


def upgrade_schema(database: Database, backup_dir: Path) -> SchemaUpgrade:
    """Bring the schema to the newest revision, first copying a SQLite database that holds
    data into ``backup_dir``. Refuses a database written by a newer program or not ours."""
    path = dialect.sqlite_path(database.url)
    if path is not None:  # a new store: its folder may not exist yet
        path.parent.mkdir(parents=True, exist_ok=True)
    # Terminals sharing one server start together in the morning: one upgrades, the others
    # wait and then find the schema up to date.
    try:
        with dialect.schema_upgrade_lock(database.engine):
            return _upgrade_schema(database, backup_dir, path)
    except DBAPIError as exc:
        raise DatabaseAdminError(
            "The database {url} failed: {problem}",
            url=redact_url(database.url),
            problem=str(exc.orig),
        ) from exc


def _upgrade_schema(database: Database, backup_dir: Path, path: Path | None) -> SchemaUpgrade:
    try:
        newest = up_to_date_revision(database)  # the usual morning: nothing to do
        if newest is not None:
            return SchemaUpgrade(newest, newest, None)
        current = current_revision(database)
        tables = set(inspect(database.engine).get_table_names())
    except DBAPIError as exc:
        raise DatabaseAdminError(
            "Cannot open the database {url}: {problem}",
            url=redact_url(database.url),
            problem=str(exc.orig),
        ) from exc
    if current is None and tables:
        raise DatabaseAdminError(
            "{url} is not a REDHOME database (it has tables but no schema version)",
            url=redact_url(database.url),
        )
    if current is not None and not _known_revision(current):
        raise DatabaseAdminError(
            "The database has schema {revision}, which is newer than this program knows: "
            "update REDHOME POS",
            revision=current,
        )
    head = head_revision()
    if current == head:
        return SchemaUpgrade(current, head, None)
    taken: Path | None = None
    if current is not None and path is not None:
        taken = backup(database, backup_dir / f"auto-{_stamp()}-before-{head}.db")
        log.info("schema upgrade from %s: backup taken in %s", current, taken)
        _prune_automatic_backups(backup_dir)
    elif current is not None:
        log.warning("schema upgrade from %s without a file backup (not SQLite)", current)
    upgrade(database)
    log.info("schema upgraded to %s", head)
    return SchemaUpgrade(current, head, taken)


def _prune_automatic_backups(backup_dir: Path) -> None:
    automatic = sorted(backup_dir.glob("auto-*.db"))
    for old in automatic[:-AUTOMATIC_BACKUPS_KEPT]:
        old.unlink(missing_ok=True)


def backup(database: Database, file: Path, *, overwrite: bool = False) -> Path:
    """Copy the live database into ``file`` (SQLite only); returns the file."""
    source = dialect.sqlite_path(database.url)
    if source is None:
        raise DatabaseAdminError(
            "Backups from here work for SQLite only; back up a database server with its own "
            "tools (pg_dump)"
        )
    file = Path(file)
    if file.exists() and not overwrite:
        raise DatabaseAdminError("{file} exists already: choose another name", file=str(file))
    if file.resolve() == source.resolve():
        raise DatabaseAdminError("A backup cannot overwrite the database itself")
    # Written beside the target first and moved into place whole, so a crash or a full disk
    # never leaves a half backup under the name of a good one.
    partial = file.with_name(f".{file.name}.partial")
    try:
        partial.unlink(missing_ok=True)
        _copy(source, partial)
        os.replace(partial, file)
    except OSError as exc:
        raise _copy_failed(source, file, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return file


def _copy_failed(source: Path, target: Path, exc: Exception) -> DatabaseAdminError:
    return DatabaseAdminError(
        "Cannot copy {source} to {target}: {problem}",
        source=str(source),
        target=str(target),
        problem=str(exc),
    )


def _copy(source: Path, target: Path) -> None:
    try:
        dialect.sqlite_backup(source, target)
    except (OSError, sqlite3.Error) as exc:
        raise _copy_failed(source, target, exc) from exc


def describe_backup(file: Path) -> str:
    """The schema revision of a REDHOME database file; raises if it is not one."""
    from alembic.runtime.migration import MigrationContext

    if not file.is_file():
        raise DatabaseAdminError("{file} does not exist", file=str(file))
    engine = create_engine(dialect.sqlite_url(file, read_only=True))
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            if not REQUIRED_TABLES.issubset(tables):
                raise DatabaseAdminError("{file} is not a REDHOME database", file=str(file))
            version = MigrationContext.configure(connection).get_current_revision()
        problems = dialect.integrity_errors(engine)
    except DBAPIError as exc:
        raise DatabaseAdminError(
            "{file} is not a REDHOME database ({problem})", file=str(file), problem=str(exc.orig)
        ) from exc
    finally:
        engine.dispose()
    if problems:
        raise DatabaseAdminError(
            "{file} is damaged: {problem}", file=str(file), problem="; ".join(problems[:3])
        )
    if not version or not _known_revision(str(version)):
        raise DatabaseAdminError(
            "{file} has schema {revision}, which this program does not know",
            file=str(file),
            revision=str(version),
        )
    return str(version)


def restore(database_url: str, file: Path, backup_dir: Path) -> Path | None:
    """Replace the database at ``database_url`` with the backup ``file``.

    The file must be a sound REDHOME database. What it replaces is first copied into
    ``backup_dir``; that copy's path is returned (None when there was nothing to keep).
    Stop every terminal using the database before restoring.
    """
    target = dialect.sqlite_path(database_url)
    if target is None:
        raise DatabaseAdminError(
            "Restores from here work for SQLite only; restore a database server with its own "
            "tools (pg_restore)"
        )
    file = Path(file)
    describe_backup(file)
    if target.exists() and file.resolve() == target.resolve():
        raise DatabaseAdminError("{file} is the database itself", file=str(file))
    kept: Path | None = None
    if target.exists():
        kept = backup_dir / f"before-restore-{_stamp()}.db"
        _copy(target, kept)
    # Copy through the backup API into the live file, so its journal and any reader stay
    # consistent (a plain file copy under a WAL database would not be).
    _copy(file, target)
    return kept


def unreadable(database: Database, exc: DBAPIError) -> DatabaseAdminError:
    """A database file that SQLite cannot read (damaged, cut short, not a database), in words."""
    return DatabaseAdminError(
        "The database {url} is damaged or is not a REDHOME database ({problem}): restore it "
        "from a backup (redhome-pos db restore FILE)",
        url=redact_url(database.url),
        problem=str(exc.orig),
    )


def check(database: Database) -> list[str]:
    """Every problem found in the database, in words; empty when it is healthy.

    The database engine's own integrity check, the schema version, and the stock ledger:
    every cached level equals the sum of its movements, and no SKU with movements lacks one.
    A file SQLite cannot read at all raises ``DatabaseAdminError`` saying so.
    """
    try:
        return _check(database)
    except DBAPIError as exc:
        raise unreadable(database, exc) from exc


def _check(database: Database) -> list[str]:
    problems = [f"integrity: {problem}" for problem in dialect.integrity_errors(database.engine)]
    current = current_revision(database)
    if current != head_revision():
        problems.append(
            f"schema: at {current or 'nothing'}, this program expects {head_revision()}: "
            "run `redhome-pos db upgrade`"
        )
        return problems
    with database.reading() as session:
        mismatches = StockRepository(session).level_mismatches()
        lot_mismatches = LotRepository(session).mismatches()
    for lot in lot_mismatches:
        shown = "no level" if lot.cached is None else f"{lot.cached} on hand"
        problems.append(
            f"stock: lot {lot.lot_code or '(unknown)'} of SKU id {lot.sku_id} shows {shown} "
            f"but its movements add up to {lot.ledger}"
        )
    for mismatch in mismatches:
        if mismatch.cached is None:
            problems.append(
                f"stock: SKU {mismatch.sku_code} has movements adding up to {mismatch.ledger} "
                "but no stock level"
            )
        else:
            problems.append(
                f"stock: SKU {mismatch.sku_code} shows {mismatch.cached} on hand but its "
                f"movements add up to {mismatch.ledger}"
            )
    return problems


def repair_stock_levels(database: Database) -> list[LevelMismatch]:
    """Set every cached level that differs from its ledger to the ledger sum (the ledger is
    the truth), queueing the corrected on-hand for the online store; returns what was fixed."""
    try:
        return _repair_stock_levels(database)
    except DBAPIError as exc:
        raise unreadable(database, exc) from exc


def _repair_stock_levels(database: Database) -> list[LevelMismatch]:
    with database.unit_of_work() as uow:
        stock = StockRepository(uow.session)
        outbox = OutboxRepository(uow.session)
        fixed = stock.level_mismatches()
        for mismatch in fixed:
            on_hand = stock.rebuild_level(mismatch.sku_id)
            outbox.add(
                STOCK_TOPIC,
                str(mismatch.sku_id),
                {"sku_id": mismatch.sku_id, "on_hand": on_hand, "movement_id": ""},
            )
            log.warning(
                "stock level of %s repaired: %s -> %s", mismatch.sku_code, mismatch.cached, on_hand
            )
        lots = LotRepository(uow.session)
        for lot in lots.mismatches():
            lots.rebuild(lot.sku_id, lot.lot_code)
            log.warning(
                "lot %r of SKU id %s repaired: %s -> %s",
                lot.lot_code, lot.sku_id, lot.cached, lot.ledger,
            )  # fmt: skip
        uow.commit()
    return fixed
