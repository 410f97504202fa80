"""``redhome-pos demo-data [--skus N] [--seed S] [--database URL]``: build the demo store.

Fills an empty store database with the generated REDHOME assortment (beauty, fashion, snacks,
home), its barcodes, opening stock and search index. Without ``--database`` the demo store's
own database is used (the demo keeps its files apart from the real store's).
"""

from __future__ import annotations

import argparse
import time
from typing import Any

from redhome_pos.commands._context import EXIT_OK, load_app_config, reports_errors

DEFAULT_SKUS = 5000
DEFAULT_SEED = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "demo-data",
        help="fill an empty database with the demo store's catalog and opening stock",
    )
    parser.add_argument(
        "--skus", type=_count, default=DEFAULT_SKUS, help=f"how many SKUs (default {DEFAULT_SKUS})"
    )
    parser.add_argument(
        "--seed", type=int, default=DEFAULT_SEED, help="the same seed gives the same store"
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help="database URL (default: the demo store's database), e.g. sqlite:///demo.db",
    )
    parser.set_defaults(run=run_demo_data)


def _count(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("the number of SKUs cannot be negative")
    return value


@reports_errors
def run_demo_data(args: argparse.Namespace) -> int:
    from redhome_pos.persistence.database import Database
    from redhome_pos.persistence.migrate import upgrade
    from redhome_pos.services.demo_catalog import load_demo_store

    if args.database:
        database = Database(args.database)
        upgrade(database)
        terminal_id = "demo"
    else:
        from redhome_pos.commands._context import open_store_database

        config = load_app_config(args, demo=True)
        database = open_store_database(config)
        terminal_id = config.terminal_id
    try:
        started = time.perf_counter()
        loaded = load_demo_store(database, skus=args.skus, seed=args.seed, terminal_id=terminal_id)
        seconds = time.perf_counter() - started
    finally:
        database.dispose()
    print(
        f"Demo store built in {seconds:.1f} s: {loaded.skus} SKUs of {loaded.products} products, "
        f"{loaded.barcodes} barcodes, opening stock, {loaded.search_terms} search terms."
    )
    print(f"Database: {_shown(database.url)}")
    return EXIT_OK


def _shown(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
