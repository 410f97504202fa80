"""``redhome-pos db upgrade | backup FILE | restore FILE | check``: look after the database."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from redhome_pos.commands._actor import add_actor_options, log_in
from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    existing_database,
    load_app_config,
    reports_errors,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "db", help="upgrade, back up, restore or check the store database"
    )
    actions = parser.add_subparsers(dest="db_action", metavar="ACTION", required=True)

    upgrade = actions.add_parser(
        "upgrade", help="bring the schema up to date (a backup is taken first)"
    )
    upgrade.set_defaults(run=run_upgrade)

    backup = actions.add_parser("backup", help="copy the database into FILE, even while in use")
    backup.add_argument("file", metavar="FILE", type=Path)
    backup.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    backup.set_defaults(run=run_backup)

    restore = actions.add_parser(
        "restore",
        help="replace the database with the backup FILE (what it replaces is kept); "
        "stop the app on every terminal first; a manager (--staff CODE) once the store has one",
    )
    restore.add_argument("file", metavar="FILE", type=Path)
    add_actor_options(restore, "the manager")
    restore.set_defaults(run=run_restore)

    check = actions.add_parser(
        "check", help="integrity check, and every stock level equals its ledger (exit 1 if not)"
    )
    check.add_argument(
        "--repair-levels",
        action="store_true",
        help="set stock levels that differ from their ledger to the ledger sum, then check",
    )
    check.set_defaults(run=run_check)


@reports_errors
def run_upgrade(args: argparse.Namespace) -> int:
    from redhome_pos.persistence.admin import upgrade_schema
    from redhome_pos.persistence.database import Database

    config = load_app_config(args)
    database = Database(config.database.url)
    try:
        done = upgrade_schema(database, config.paths.backup_dir)
    finally:
        database.dispose()
    if not done.changed:
        print(f"The database is up to date (schema {done.after}).")
    elif done.before is None:
        print(f"Created a new database (schema {done.after}).")
    else:
        print(f"Upgraded the database from schema {done.before} to {done.after}.")
    if done.backup is not None:
        print(f"Backup taken before the upgrade: {done.backup}")
    return EXIT_OK


@reports_errors
def run_backup(args: argparse.Namespace) -> int:
    from redhome_pos.persistence.admin import backup

    config = load_app_config(args)
    database = existing_database(config)
    try:
        file = backup(database, args.file, overwrite=args.force)
    finally:
        database.dispose()
    print(f"Backup written to {file}")
    return EXIT_OK


@reports_errors
def run_restore(args: argparse.Namespace) -> int:
    from redhome_pos.domain.errors import PermissionDenied
    from redhome_pos.domain.staff import Role
    from redhome_pos.persistence import dialect
    from redhome_pos.persistence.admin import describe_backup, restore
    from redhome_pos.services.counter import Till
    from redhome_pos.services.staff import has_manager

    config = load_app_config(args)
    revision = describe_backup(args.file)
    till = Till.from_config(config)
    manager = None
    target = dialect.sqlite_path(config.database.url)
    if target is not None and target.is_file():
        current = existing_database(config)
        try:  # a store with a manager: only a manager replaces its data
            if has_manager(current):
                manager = log_in(current, till, args)
                if manager.role is not Role.MANAGER:
                    raise PermissionDenied(
                        "{name} ({role}) may not restore the database: a manager does",
                        name=manager.name,
                        role=manager.role.value,
                    )
        finally:
            current.dispose()
    kept = restore(config.database.url, args.file, config.paths.backup_dir)
    _audit_restore(config, till, manager, args.file, revision, kept)
    print(f"Restored the database from {args.file} (schema {revision}).")
    if kept is not None:
        print(f"The database it replaced is kept in {kept}")
    return EXIT_OK


def _audit_restore(
    config: Any, till: Any, manager: Any, file: Path, revision: str, kept: Path | None
) -> None:
    """The restore, in the restored log (naming the manager by code: ids may differ between
    the two databases), and a restore anchor beside the backups."""
    from redhome_pos.domain.audit import AuditAction
    from redhome_pos.persistence.database import Database
    from redhome_pos.persistence.repositories.staff import StaffRepository
    from redhome_pos.services import audit

    restored = Database(config.database.url)
    try:
        staff_id = None
        if manager is not None:
            with restored.reading() as session:
                found = StaffRepository(session).by_code(manager.code)
            staff_id = found.id if found is not None else None
        audit.record_action(
            restored, till, AuditAction.DATABASE_RESTORE, staff_id,
            via="command line", staff_code=manager.code if manager else None,
            file=file.name, schema=revision, kept=kept.name if kept else None,
        )  # fmt: skip
        audit.anchor_restore(restored, till)
    finally:
        restored.dispose()


@reports_errors
def run_check(args: argparse.Namespace) -> int:
    from redhome_pos.persistence.admin import check, repair_stock_levels

    config = load_app_config(args)
    database = existing_database(config)
    try:
        if args.repair_levels:
            for fixed in repair_stock_levels(database):
                shown = "none" if fixed.cached is None else fixed.cached
                print(f"Repaired SKU {fixed.sku_code}: level {shown} -> {fixed.ledger}")
        problems = check(database)
    finally:
        database.dispose()
    if not problems:
        print(
            "The database is sound: integrity checked, every stock level (and every lot's) "
            "equals its ledger."
        )
        return EXIT_OK
    print(f"{len(problems)} problem(s) found:")
    for problem in problems:
        print(f"  - {problem}")
    return EXIT_PROBLEM
