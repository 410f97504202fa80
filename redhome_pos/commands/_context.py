"""What every command needs first: the configuration, the log and the store database.

``load_app_config(args)`` reads ``--config FILE`` (or the default file, created with a new
scanning secret on first start) and starts the log; ``open_store_database(config)`` opens the
database with its schema brought up to date (a backup is taken first). ``reports_errors``
turns the errors a person can act on into one clear line and an exit code, not a traceback.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from redhome_pos.config import (
    AppPaths,
    Config,
    ConfigError,
    default_config,
    keys,
    load_config,
    write_config,
)
from redhome_pos.domain.errors import DomainError
from redhome_pos.logging_setup import setup_logging

if TYPE_CHECKING:  # the database layer loads only when a command opens the database
    from redhome_pos.persistence.database import Database

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1  # the command ran and found or met a problem
EXIT_CONFIG = 2  # the configuration or the command line is wrong


def load_app_config(args: argparse.Namespace, *, demo: bool = False) -> Config:
    """The configuration for this run, with the log started.

    ``--config FILE`` must name an existing file. Without it (and without ``REDHOME_CONFIG``)
    the default file is used; on the very first start it is written with the defaults and a
    new per-store scanning secret, so signed receipts and badges stay valid across runs.
    """
    paths = AppPaths.demo() if demo else AppPaths.default()
    explicit = getattr(args, "config", None)
    path = Path(explicit) if explicit else None
    if path is None and not os.environ.get("REDHOME_CONFIG") and not paths.config_file.exists():
        write_config(default_config(paths), paths.config_file)
    config = load_config(path, paths=paths)
    keys.use_paths(config.paths)  # tokens in the database are encrypted with its keys
    setup_logging(config)
    _warn_if_readable(config.paths.config_file)
    log.info("started: %s (config %s)", getattr(args, "command", None), config.paths.config_file)
    return config


def _warn_if_readable(file: Path) -> None:
    """The configuration holds the store's secrets: say so when others can read it."""
    try:
        mode = file.stat().st_mode
    except OSError:
        return
    if mode & 0o044:
        log.warning("the configuration file %s can be read by other users", file)
        print(
            f"redhome-pos: warning: {file} can be read by other users of this computer and "
            f"holds the store's secrets: make it private (chmod 600 {file})",
            file=sys.stderr,
        )


def open_store_database(config: Config, *, create: bool = True) -> Database:
    """The store database, schema up to date (backed up first when it had to change).
    ``create=False`` (commands that only read) refuses a missing database file."""
    from redhome_pos.persistence.admin import open_database

    if not create:
        existing_database(config).dispose()
    return open_database(config)


@contextmanager
def store_database(config: Config, *, create: bool = True) -> Iterator[Database]:
    """``open_store_database`` for the length of a ``with`` block, closed after it."""
    database = open_store_database(config, create=create)
    try:
        yield database
    finally:
        database.dispose()


def existing_database(config: Config) -> Database:
    """The configured database without touching its schema, for commands that only read or
    check: a missing SQLite file is refused, never created (a typo in the configuration must
    not make an empty store)."""
    from redhome_pos.persistence import dialect
    from redhome_pos.persistence.admin import DatabaseAdminError
    from redhome_pos.persistence.database import Database

    path = dialect.sqlite_path(config.database.url)
    if path is not None and not path.is_file():
        raise DatabaseAdminError(
            "There is no database at {path}: run `redhome-pos db upgrade` to create it",
            path=str(path),
        )
    if path is not None and not os.access(path, os.R_OK | os.W_OK):
        raise DatabaseAdminError(
            "The database {path} cannot be read or written by this user: check its owner "
            "and rights",
            path=str(path),
        )
    return Database(config.database.url)


def error_line(error: BaseException | str) -> str:
    return f"redhome-pos: {error}"


def _also_in_chinese(error: DomainError) -> None:
    """A payment key missing or not decryptable stops the counter from opening: whoever
    starts it reads why in Chinese too."""
    from redhome_pos.domain.payments import PaymentConfigError

    if isinstance(error, PaymentConfigError):
        # imported by name, like the app's modules: the commands' checks stop at the UI
        errors_module = importlib.import_module("ui.errors")
        chinese = str(errors_module.in_language(error, "zh_CN"))
        if chinese != error.message:
            print(error_line(chinese), file=sys.stderr)


def reports_errors(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[argparse.Namespace], int]:
    """Wrap a command's ``run``: expected errors print one line to stderr and give exit code
    2 (configuration) or 1 (anything else a person can act on); nothing else is caught."""

    @functools.wraps(run)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            return run(args)
        except ConfigError as error:
            print(error_line(error), file=sys.stderr)
            return EXIT_CONFIG
        except DomainError as error:
            log.warning("%s failed: %s", getattr(args, "command", "command"), error)
            print(error_line(error), file=sys.stderr)
            _also_in_chinese(error)
            return EXIT_PROBLEM
        except Exception as error:
            from sqlalchemy.exc import DBAPIError

            if not isinstance(error, DBAPIError):
                raise
            # A database file damaged or cut short, found part way through: in words.
            log.error("%s failed on the database: %s", getattr(args, "command", "?"), error.orig)
            print(
                error_line(f"the database cannot be used ({error.orig}): check it with "
                           "`redhome-pos db check`, restore it from a backup if it is damaged"),
                file=sys.stderr,
            )  # fmt: skip
            return EXIT_PROBLEM

    return wrapper
