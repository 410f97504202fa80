"""``redhome-pos reconcile [--json | --csv FILE]``: compare the store with its online store.

Compares the store with its mirror of the online catalog, first brought up to date with what
changed online since the last read, and reads the online stock of the store's warehouse only
for SKUs whose stock moved here since the last run, that the last run found different, or
that changed online (the online store answers stock one SKU per call). Keeps the run and its
differences, and prints the summary (or the run as JSON, or writes its lines to a CSV file).
``--full`` reads the whole catalog and every SKU's stock again (the first run always does);
``--moved-only`` is how every run reads stock now, kept for scripts that pass it.
``--history`` lists past runs; ``--summary RUN`` prints one; ``--decide DECISION --line ID...
--reason TEXT --staff CODE`` decides lines of a run. A run exits 1 when it found differences.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from redhome_pos.commands._context import (
    EXIT_CONFIG,
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    reports_errors,
    store_database,
)
from redhome_pos.domain.reconciliation import Resolution


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "reconcile", help="compare store stock, prices and barcodes with the online store"
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the run as JSON")
    output.add_argument("--csv", type=Path, metavar="FILE", help="write the run's lines as CSV")
    output.add_argument("--history", action="store_true", help="list past runs, newest first")
    output.add_argument("--summary", type=int, metavar="RUN", help="print a past run's summary")
    output.add_argument(
        "--decide",
        metavar="DECISION",
        choices=[r.value for r in Resolution],
        help="decide lines of a run: " + ", ".join(r.value for r in Resolution),
    )
    reading = parser.add_mutually_exclusive_group()
    reading.add_argument(
        "--full",
        action="store_true",
        help="read the whole online catalog and every SKU's online stock again",
    )
    reading.add_argument(
        "--moved-only",
        action="store_true",
        help="read online stock only for SKUs that moved here or changed online (the default)",
    )
    parser.add_argument("--line", type=int, action="append", default=[], metavar="ID")
    parser.add_argument("--reason", default="", help="why (recorded with the decision)")
    parser.add_argument("--staff", metavar="CODE", help="the manager deciding")
    parser.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    parser.set_defaults(run=run_reconcile)


@reports_errors
def run_reconcile(args: argparse.Namespace) -> int:
    from redhome_pos.services import reconciliation
    from redhome_pos.services.counter import Till
    from redhome_pos.services.reconciliation_export import summary_lines, write_run_csv

    config = load_app_config(args)
    with store_database(config) as database:
        if args.history:
            for run in reconciliation.runs(database):
                print(
                    f"#{run.id}  {run.started_at.isoformat(timespec='seconds')}  "
                    f"differences {run.summary.differences}  decided {run.resolved}"
                )
            return EXIT_OK
        if args.decide:
            return _decide(database, config, args)
        if args.summary is not None:
            print("\n".join(summary_lines(database, args.summary, timezone=config.store.timezone)))
            return EXIT_OK
        from sync.reconcile_fetch import configured_store, fetch_mirrored_figures

        till = Till.from_config(config)
        started = till.now()
        moved = None if args.full else reconciliation.stock_to_read(database)
        with configured_store(config, database) as store:
            online = fetch_mirrored_figures(
                database,
                store,
                moved=moved,
                full=args.full,
                progress=None if args.json else _progress,
            )
        result = reconciliation.run_reconciliation(database, till, online.skus, started_at=started)
        if args.json:
            print(json.dumps(_as_json(result, online), ensure_ascii=False, indent=1))
        else:
            print("\n".join(summary_lines(database, result.run_id, timezone=config.store.timezone)))
            if args.csv is not None:
                lines = write_run_csv(database, result.run_id, args.csv)
                print(f"{lines} line(s) written to {args.csv}")
        return EXIT_OK if not result.differences else EXIT_PROBLEM


def _decide(database: Any, config: Any, args: argparse.Namespace) -> int:
    from redhome_pos.commands._actor import log_in
    from redhome_pos.services import reconciliation
    from redhome_pos.services.counter import Till

    if not args.staff or not args.line:
        print("redhome-pos: --decide needs --staff and at least one --line", file=sys.stderr)
        return EXIT_CONFIG
    till = Till.from_config(config)
    staff = log_in(database, till, args)
    decisions = reconciliation.resolve(
        database, till, staff, args.line, Resolution(args.decide), reason=args.reason
    )
    for decision in decisions:
        print(f"line {decision.line_id}: {decision.resolution.value} {decision.reference}")
    return EXIT_OK


def _progress(step: str, done: int, total: int) -> None:
    print(f"\r{step}: {done}/{total}", end="", file=sys.stderr, flush=True)
    if done >= total:
        print(file=sys.stderr)


def _as_json(result: Any, online: Any) -> dict[str, Any]:
    summary = result.summary
    return {
        "run": result.run_id,
        "skus_here": summary.skus_here,
        "skus_online": summary.skus_online,
        "differences": summary.differences,
        "value_fen": summary.value_fen,
        "count_by_kind": summary.count_by_kind,
        "value_by_kind_fen": summary.value_by_kind_fen,
        "fetch_s": {"catalog": round(online.catalog_s, 3), "stock": round(online.stock_s, 3)},
        "full_read": online.full,
        "changed_online": online.changed_online,
        "stock_read_skus": online.stock_skus,
        "lines": [
            {
                "kind": d.kind.value,
                "sku": d.sku_code,
                "online_sku": d.red_sku_id,
                "title": d.title,
                "here": d.here,
                "online": d.online,
                "value_fen": d.value_fen,
                "detail": d.detail,
            }
            for d in result.differences
        ],
    }
