"""``redhome-pos demo``: the counter app on the demo store.

The demo keeps its own configuration, database, logs and printer previews (``AppPaths.demo()``).
On the first run the demo database is filled with the demo catalog (``demo-data``) and the demo
staff; the demo printer draws each receipt as a PNG in the preview folder, shown in Settings.
"""

from __future__ import annotations

import argparse
from typing import Any

from redhome_pos.commands._context import load_app_config, open_store_database, reports_errors
from redhome_pos.commands.demo_data import DEFAULT_SEED
from redhome_pos.config import Config
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
    parser.set_defaults(run=run_demo)


def prepare_demo_store(config: Config, database: Database, *, skus: int, seed: int) -> bool:
    """Fill an empty demo database with the demo catalog and staff; True when it was built."""
    from sqlalchemy import select

    from redhome_pos.persistence.models.catalog import SkuRow
    from redhome_pos.services.counter import Till
    from redhome_pos.services.demo_catalog import load_demo_store
    from redhome_pos.services.demo_staff import add_demo_staff

    with database.reading() as session:
        empty = session.scalar(select(SkuRow.id).limit(1)) is None
    if empty:
        load_demo_store(database, skus=skus, seed=seed, terminal_id=config.terminal_id)
        _link_demo_note(config, database)
    add_demo_staff(database, Till.from_config(config))
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
    return start_counter_app(config, database, demo=True, language=args.language)
