"""``redhome-pos sync [--once]``: keep the store in step with its online store, headless."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from redhome_pos.commands._context import (
    EXIT_CONFIG,
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    reports_errors,
    store_database,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sync",
        help="keep the store in step with its online store (catalog, orders, stock, deliveries)",
    )
    parser.add_argument(
        "--once", action="store_true", help="run every stream once and stop (exit 1 on failure)"
    )
    parser.set_defaults(run=run_sync)


@reports_errors
def run_sync(args: argparse.Namespace) -> int:
    from sync.startup import engine_for_store

    config = load_app_config(args)
    if not config.online_store.enabled:
        print(
            "redhome-pos: the online store is not switched on; set enabled = true under "
            "[online_store] in the configuration",
            file=sys.stderr,
        )
        return EXIT_CONFIG
    with store_database(config) as database, engine_for_store(config, database) as engine:
        if args.once:
            report = engine.run_once()
            print(describe(report))
            return EXIT_OK if report.ok else EXIT_PROBLEM
        return _run_until_stopped(engine)


def _run_until_stopped(engine: Any) -> int:
    stopping = threading.Event()

    def stop(_signum: int, _frame: object) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    engine.start()
    print("sync running (Ctrl-C to stop)", flush=True)
    stopping.wait()
    engine.stop()
    print("sync stopped")
    return EXIT_OK


def describe(report: Any) -> str:
    """One line per stream for a person at a terminal."""
    lines = []
    if not report.lease_held:
        lines.append("another terminal runs the sync for this store; nothing done")
    if report.catalog is not None:
        c = report.catalog
        lines.append(
            f"catalog: {c.read} SKUs read, {c.created} new, {c.changed} changed, "
            f"{c.conflicts} conflicts, {c.deactivated} deactivated"
        )
    if report.orders is not None:
        o = report.orders
        lines.append(f"orders: {o.listed} listed, {o.fetched} fetched, {o.new_orders} new")
    if report.deliveries is not None:
        d = report.deliveries
        lines.append(
            f"deliveries: {d.confirmed} confirmed, {d.already_delivered} already delivered, "
            f"{d.void} cancelled, {d.refused} refused"
        )
    if report.stock is not None:
        s = report.stock
        lines.append(f"stock: {s.skus_pushed} SKUs set in {s.calls} pushes")
    lines += [f"{stream}: FAILED {message}" for stream, message in report.errors.items()]
    return "\n".join(lines)
