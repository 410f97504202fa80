"""``redhome-pos demo``: the counter app on the demo store.

The demo keeps its own configuration, database, logs and printer previews (``AppPaths.demo()``).
On the first run the demo database is filled with the demo catalog (``demo-data``), the demo
staff, and a few promotions and members (``services.demo_promotions``); the demo printer draws
each receipt as a PNG in the preview folder, shown in Settings.
"""

from __future__ import annotations

import argparse
from contextlib import ExitStack
from typing import Any

from redhome_pos.commands._context import load_app_config, open_store_database, reports_errors
from redhome_pos.commands.demo_data import DEFAULT_SEED
from redhome_pos.config import Config
from redhome_pos.domain.errors import DomainError
from redhome_pos.persistence.database import Database

DEMO_SKUS = 5000
DEMO_NOTE_ID = "65f1c2a9000000001203abcd"  # a RED note the demo links to a few lipsticks
DEMO_NOTE_URL = f"https://www.xiaohongshu.com/explore/{DEMO_NOTE_ID}"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("demo", help="start the counter app on the demo store")
    parser.add_argument(
        "--skus", type=int, default=DEMO_SKUS, help=f"SKUs in a new demo store ({DEMO_SKUS})"
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--language", choices=("zh_CN", "en"), help="language of the screens")
    parser.add_argument(
        "--offline",
        action="store_true",
        help="without the RED sandbox (by default it runs in the same process, with sync)",
    )
    parser.set_defaults(run=run_demo)


def prepare_demo_store(config: Config, database: Database, *, skus: int, seed: int) -> bool:
    """Fill an empty demo database with the demo catalog and staff; True when it was built."""
    from sqlalchemy import select

    from redhome_pos.persistence.models.catalog import SkuRow
    from redhome_pos.services.counter import Till
    from redhome_pos.services.demo_catalog import load_demo_store
    from redhome_pos.services.demo_lots import add_demo_lots
    from redhome_pos.services.demo_promotions import add_demo_promotions
    from redhome_pos.services.demo_staff import add_demo_staff

    with database.reading() as session:
        empty = session.scalar(select(SkuRow.id).limit(1)) is None
    if empty:
        load_demo_store(database, skus=skus, seed=seed, terminal_id=config.terminal_id)
        _link_demo_note(config, database)
        add_demo_lots(database, Till.from_config(config))
    till = Till.from_config(config)
    staff = add_demo_staff(database, till)
    add_demo_promotions(database, till, staff["3001"])
    return empty


def _link_demo_note(config: Config, database: Database) -> None:
    """The demo note shows three lipsticks that are in stock, so a note scan finds them."""
    from redhome_pos.services.catalog_search import search_catalog
    from redhome_pos.services.scanning import ScanService, scan_settings

    found = search_catalog(database, "口红", limit=20).results
    sku_ids = [view.sku_id for view in found if view.on_hand > 0][:3]
    if sku_ids:
        ScanService(database, scan_settings(config)).link_note(DEMO_NOTE_ID, sku_ids, staff_id=None)


@reports_errors
def run_demo(args: argparse.Namespace) -> int:
    from redhome_pos.commands.app import start_counter_app

    config = load_app_config(args, demo=True)
    database = open_store_database(config)
    if prepare_demo_store(config, database, skus=args.skus, seed=args.seed):
        print(f"Demo store built: {args.skus} SKUs. Log in as 1001 / PIN 1111.")
    print(f"Receipts print as pictures into {config.paths.preview_dir}")
    if args.offline:
        return start_counter_app(config, database, demo=True, language=args.language)
    with ExitStack() as stack:
        config = _with_sandbox(stack, config, database, skus=args.skus, seed=args.seed)
        return start_counter_app(config, database, demo=True, language=args.language)


def _with_sandbox(
    stack: ExitStack, config: Config, database: Database, *, skus: int, seed: int
) -> Config:
    """Starts the RED sandbox on loopback, connects the demo store to it and runs the sync
    engine in the background; everything stops when ``stack`` closes. On any failure the demo
    runs offline (the counter never needs the online store)."""
    from dataclasses import replace

    from redhome_pos.commands.online_store import _connector
    from sync.errors import SyncError
    from sync.red_sandbox import DEMO_WAREHOUSE_CODE, start_sandbox
    from sync.startup import engine_for_store

    try:
        handle = stack.enter_context(
            start_sandbox(seed=seed, skus=skus, warehouse_code=DEMO_WAREHOUSE_CODE)
        )
        online = replace(
            config.online_store,
            base_url=handle.base_url,
            app_id=handle.app_id,
            app_secret=handle.app_secret,
            warehouse_code=handle.warehouse_code,
            enabled=True,
        )
        config = replace(config, online_store=online)
        client, authorizer = _connector(config, database)
        with client:
            authorizer.connect(handle.authorization_code())
        engine = stack.enter_context(engine_for_store(config, database))
        engine.start()
        stack.callback(engine.stop)
    except (SyncError, DomainError, OSError) as error:
        print(f"The RED sandbox is not running ({error}); the demo runs offline.")
        return config
    print(f"RED sandbox at {handle.base_url}; the store syncs with it in the background.")
    return config
