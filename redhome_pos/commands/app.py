"""``redhome-pos app`` (and bare ``redhome-pos``): the counter app on the store's configuration.

The composition root of the app: configuration, the database (migrated, backed up first), the
print queue and its worker thread, then the window. The ``ui`` package is loaded by name so
the type checker's strict run stays on the core (``ui`` is checked by its own tests).
"""

from __future__ import annotations

import argparse
import importlib
import logging
from contextlib import ExitStack
from typing import Any

from redhome_pos.commands._context import load_app_config, open_store_database, reports_errors
from redhome_pos.config import Config
from redhome_pos.persistence.database import Database

log = logging.getLogger(__name__)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("app", help="start the counter app (what bare redhome-pos does)")
    parser.add_argument(
        "--language", choices=("zh_CN", "en"), help="language of the screens (default: the store's)"
    )
    parser.set_defaults(run=run_app)


@reports_errors
def run_app(args: argparse.Namespace) -> int:
    config = load_app_config(args)
    database = open_store_database(config)
    with ExitStack() as stack:
        _start_sync(stack, config, database)
        extras: dict[str, Any] = {}
        from payments.setup import counter_payments

        extras["payments"] = counter_payments(config, database)
        if config.online_store.enabled:
            from sync.short_links import ShortLinkResolver

            extras["resolve_short_link"] = stack.enter_context(ShortLinkResolver())
        return start_counter_app(
            config, database, language=getattr(args, "language", None), extras=extras
        )


def _start_sync(stack: ExitStack, config: Config, database: Database) -> None:
    """Runs the sync engine in the background when the online store is switched on. Every
    terminal starts one; the engine's store-wide lease lets only one of them work at a time,
    and another takes over when that terminal stops. The counter never waits for it: if the
    engine cannot start, the app runs offline and the status bar says so."""
    if not config.online_store.enabled:
        return
    from sync.errors import SyncError
    from sync.startup import engine_for_store

    try:
        engine = stack.enter_context(engine_for_store(config, database))
        engine.start()
        stack.callback(engine.stop)
    except (SyncError, OSError) as error:
        log.warning("sync engine not started, the counter works offline: %s", error)


def start_counter_app(
    config: Config,
    database: Database,
    *,
    demo: bool = False,
    language: str | None = None,
    extras: dict[str, Any] | None = None,
) -> int:
    """Run the counter app until its window closes; stops the print worker and the database."""
    from printers.setup import printing_from_config

    printing = printing_from_config(config, database)
    printing.worker.start()
    context_module = importlib.import_module("ui.context")
    app_module = importlib.import_module("ui.app")
    context = context_module.AppContext.from_config(config, database, demo=demo)
    context.print_queue = printing.queue
    if language:
        context.language = language
    context.extras.update(extras or {})
    try:
        return int(app_module.run(context))
    finally:
        printing.worker.stop()
        database.dispose()
