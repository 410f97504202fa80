"""``redhome-pos screenshots DIR``: every screen of the demo, in Chinese and English, at
1024×768 and 1920×1080, as PNG files (offscreen; no display needed).

A fresh demo store is built in a scratch folder each time, so the pictures do not depend on
what was done in the demo before.
"""

from __future__ import annotations

import argparse
import importlib
import os
import tempfile
from pathlib import Path
from typing import Any

from redhome_pos.commands._context import EXIT_OK, reports_errors

DEFAULT_SKUS = 500


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "screenshots", help="render every screen of the demo to PNG (both languages, two sizes)"
    )
    parser.add_argument("directory", type=Path, metavar="DIR")
    parser.add_argument("--skus", type=int, default=DEFAULT_SKUS, help="demo catalog size")
    parser.add_argument(
        "--languages", default="zh_CN,en", help="comma-separated: zh_CN,en (default both)"
    )
    parser.add_argument(
        "--sizes", default="1024x768,1920x1080", help="comma-separated WIDTHxHEIGHT sizes"
    )
    parser.set_defaults(run=run_screenshots)


def _sizes(text: str) -> tuple[tuple[int, int], ...]:
    sizes = []
    for part in text.split(","):
        width, _, height = part.strip().partition("x")
        sizes.append((int(width), int(height)))
    return tuple(sizes)


@reports_errors
def run_screenshots(args: argparse.Namespace) -> int:
    from redhome_pos.commands.demo import DEMO_NOTE_URL, prepare_demo_store
    from redhome_pos.commands.demo_data import DEFAULT_SEED
    from redhome_pos.persistence.database import Database
    from redhome_pos.persistence.migrate import upgrade

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Loaded by name: the strict type check stays on the core (see commands/app.py).
    screenshots = importlib.import_module("ui.screenshots")
    languages = tuple(part.strip() for part in args.languages.split(",") if part.strip())
    with tempfile.TemporaryDirectory(prefix="redhome-screenshots-") as scratch:
        config = screenshots.demo_config(Path(scratch))
        database = Database(config.database.url)
        try:
            upgrade(database)
            prepare_demo_store(config, database, skus=args.skus, seed=DEFAULT_SEED)
            saved = screenshots.render_all(
                config,
                database,
                args.directory,
                languages=languages,
                sizes=_sizes(args.sizes),
                note_url=DEMO_NOTE_URL,
            )
        finally:
            database.dispose()
    print(f"{len(saved)} screenshots written to {args.directory}")
    return EXIT_OK
