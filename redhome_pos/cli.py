"""The ``redhome-pos`` command: the composition root of the program.

Each subcommand lives in its own module under ``redhome_pos/commands`` and exposes
``register(subparsers)``; the parser is assembled from all of them. A subcommand builds what it
needs (configuration, database, printers, connector) when it runs, never at import time.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from redhome_pos import commands


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="redhome-pos",
        description="REDHOME POS: point of sale and store operations for REDHOME stores.",
    )
    parser.add_argument(
        "--config", metavar="FILE", help="configuration file (default: the user config dir)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{commands.__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        # No subcommand: start the counter app with the real configuration.
        args = parser.parse_args([*(argv or sys.argv[1:]), "app"])
        run = getattr(args, "run", None)
        if run is None:
            parser.print_help()
            return 2
    result = run(args)
    return int(result or 0)
