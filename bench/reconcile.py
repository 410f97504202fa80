"""Benchmark: reconciliation of a 200,000-SKU store with the RED sandbox (its own process).

Prints one JSON object:
- ``fetch``: the whole online catalog read page by page (``catalog_s``), and the stock of the
  store's warehouse read for ``--stock-sample`` SKUs (``stock_sample_s``). The platform answers
  stock one SKU per call, so ``stock_all_estimate_s`` extrapolates the measured rate to every
  SKU; it is an estimate, shown apart.
- ``comparison``: the run on every SKU. ``store_read_s`` (reading the store's figures) and
  ``compare_s`` (the pure comparison) are measured on their own first; ``run_s`` is the whole
  ``run_reconciliation`` call (read, compare, keep the run and its lines; target <= 3 s).
  SKUs whose stock was not fetched carry a stock figure made from the store's level (with
  drift planted), so every SKU is compared on stock, prices, barcodes and status.
- ``planted`` and ``found``: the differences put in and the differences the run found.
- ``all_s``: catalog fetch + run (target <= 10 s); with the stock of every SKU read the
  estimate is ``all_with_full_stock_estimate_s``.

    .venv/bin/python bench/reconcile.py [--skus 200000] [--stock-sample 2000] [--port 8798]
"""
# ruff: noqa: E402  (the import path is fixed before the project's packages are imported)

from __future__ import annotations

import sys
from pathlib import Path

# Keep this folder off the import path, so ``sync`` is the project's package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse
import json
import os
import random
import subprocess
import tempfile
import time
import urllib.request
import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from redhome_pos.domain import reconciliation as comparison
from redhome_pos.domain.reconciliation import OnlineSkuFigures
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow
from redhome_pos.services import reconciliation
from redhome_pos.services.counter import Till
from sync.catalog_pull import pull_catalog
from sync.reconcile_fetch import fetch_online_figures
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.sandbox import demo_credentials
from sync.sandbox.server import DEMO_WAREHOUSE_CODE
from sync.settings import SyncSettings


def _control(base: str, path: str) -> Any:
    with urllib.request.urlopen(base + path, timeout=60) as answer:
        return json.loads(answer.read())


def _sandbox(port: int, skus: int, seed: int) -> tuple[subprocess.Popen[bytes], str]:
    command = [sys.executable, "-m", "redhome_pos", "sandbox", "--port", str(port),
               "--skus", str(skus), "--seed", str(seed)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(2400):
        try:
            _control(base, "/_sandbox/state?whcode=none")
            return process, base
        except OSError:
            if process.poll() is not None:
                raise SystemExit("the sandbox did not start") from None
            time.sleep(0.25)
    process.kill()
    raise SystemExit("the sandbox did not answer")


def _connector(base: str, seed: int) -> RedOnlineStore:
    app_id, secret = demo_credentials(seed)
    client = RedClient(base, app_id, secret, retry=RetryPolicy(attempts=3, base_delay_s=0.05))
    authorizer = RedAuthorizer(client, MemoryTokenStore(), redirect_uri=f"{base}/ok")
    authorizer.connect(_control(base, "/_sandbox/code")["code"])
    return RedOnlineStore(client, authorizer, warehouse_code=DEMO_WAREHOUSE_CODE)


def _stock_store(
    database: Database, online: list[OnlineSkuFigures], rng: random.Random
) -> tuple[list[OnlineSkuFigures], dict[str, int]]:
    """Give the store its levels (the online figures, or a made-up one where stock was not
    fetched), then plant differences in the online figures; returns them and what was planted."""
    with database.reading() as session:
        ids = dict(session.execute(select(SkuRow.red_sku_id, SkuRow.id)).all())
    levels: dict[int, int] = {}
    figures: list[OnlineSkuFigures] = []
    for item in online:
        total = item.total if item.total is not None else rng.randint(0, 60)
        levels[ids[item.red_sku_id]] = total
        figures.append(item._replace(total=total, available=total, occupied=0))
    now = datetime.now(UTC)
    with database.unit_of_work() as uow:
        rows = [
            {
                "id": uuid.uuid4().hex,
                "sku_id": sku,
                "kind": "opening",
                "quantity": q,
                "reason": "bench",
                "staff_id": None,
                "terminal_id": "BENCH",
                "reference": "",
                "created_at": now,
            }
            for sku, q in levels.items()
            if q > 0
        ]
        uow.session.execute(insert(StockMovementRow), rows)
        uow.session.execute(delete(StockLevelRow))  # the catalog pull left empty levels
        uow.session.execute(
            insert(StockLevelRow),
            [{"sku_id": s, "on_hand": q, "updated_at": now} for s, q in levels.items()],
        )
        uow.commit()
    planted = {"stock_drift": 0, "price_mismatch": 0, "barcode_mismatch": 0, "missing_here": 0}
    for at in rng.sample(range(len(figures)), 2000):
        item = figures[at]
        kind = ("stock_drift", "price_mismatch", "barcode_mismatch")[at % 3]
        if kind == "stock_drift":
            figures[at] = item._replace(total=(item.total or 0) + 3)
        elif kind == "price_mismatch":
            figures[at] = item._replace(price_fen=item.price_fen + 100)
        else:
            figures[at] = item._replace(barcodes=("6900000000001",))
        planted[kind] += 1
    for n in range(50):
        figures.append(OnlineSkuFigures(f"{n:024x}", "new online", 100, 100, True, total=1))
        planted["missing_here"] += 1
    return figures, planted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skus", type=int, default=200_000)
    parser.add_argument("--stock-sample", type=int, default=2000)
    parser.add_argument("--port", type=int, default=8798)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    process, base = _sandbox(args.port, args.skus, args.seed)
    try:
        store = _connector(base, args.seed)
        with tempfile.TemporaryDirectory() as folder:
            database = Database(f"sqlite:///{folder}/bench.db")
            upgrade(database)
            started = time.perf_counter()
            settings = SyncSettings(warehouse_code=DEMO_WAREHOUSE_CODE, terminal_id="BENCH")
            pull_catalog(database, store, settings, now=datetime.now(UTC))
            setup_s = time.perf_counter() - started
            with database.reading() as session:
                all_ids = list(session.scalars(select(SkuRow.red_sku_id)))
            sample = rng.sample(all_ids, min(args.stock_sample, len(all_ids)))
            fetched = fetch_online_figures(store, stock_of=sample)
            online, planted = _stock_store(database, fetched.skus, rng)

            till = Till("BENCH", "BENCH")
            started = time.perf_counter()
            here = reconciliation.store_figures(database)
            store_read_s = time.perf_counter() - started
            started = time.perf_counter()
            with reconciliation.without_gc_pauses():
                differences, _ = comparison.reconcile(here, online)
            compare_s = time.perf_counter() - started
            started = time.perf_counter()
            result = reconciliation.run_reconciliation(database, till, online)
            run_s = time.perf_counter() - started
            database.dispose()
        per_sku = fetched.stock_s / max(1, fetched.stock_skus)
        stock_all = per_sku * len(all_ids)
        found = {k: v for k, v in result.summary.count_by_kind.items() if v}
        print(
            json.dumps(
                {
                    "skus": len(all_ids),
                    "load_average_1m": round(os.getloadavg()[0], 2),
                    "setup_catalog_pull_s": round(setup_s, 2),
                    "fetch": {
                        "catalog_s": round(fetched.catalog_s, 2),
                        "catalog_pages": fetched.catalog_calls,
                        "stock_sample_skus": fetched.stock_skus,
                        "stock_sample_s": round(fetched.stock_s, 2),
                        "stock_per_sku_ms": round(per_sku * 1000, 2),
                        "stock_all_estimate_s": round(stock_all, 1),
                    },
                    "comparison": {
                        "store_read_s": round(store_read_s, 2),
                        "compare_s": round(compare_s, 2),
                        "run_s": round(run_s, 2),
                        "differences": len(differences),
                        "target_s": 3,
                        "met": run_s <= 3,
                    },
                    "planted": planted,
                    "found": found,
                    "all_s": round(fetched.catalog_s + run_s, 2),
                    "all_target_s": 10,
                    "all_met": fetched.catalog_s + run_s <= 10,
                    "all_with_full_stock_estimate_s": round(fetched.catalog_s + stock_all + run_s),
                },
                indent=1,
            )
        )
    finally:
        process.kill()
        process.wait()


if __name__ == "__main__":
    main()
