"""Benchmark: reconciliation of a 200,000-SKU store with the RED sandbox (its own process).

A run compares the store with its mirror of the online catalog (the online SKUs table), first
brought up to date with what changed online since its last read, and reads online stock (one
SKU per call, as the platform answers it) only for SKUs that moved here, differed last run or
changed online. Prints one JSON object:

- ``full_refetch`` (apart): the whole catalog read again into the mirror (``catalog_s``, at the
  platform's ~100 calls/s a full read can never be under 20 s) and the stock of
  ``--stock-sample`` SKUs; ``stock_all_estimate_s`` extrapolates the stock rate to every SKU.
- ``planted``: after that first run, changes made online through the sandbox (prices,
  barcodes) and stock moved here for SKUs whose online stock is then not pushed.
- ``incremental``: the default run's fetch: the changed pages (``catalog_s``), the stock of
  the SKUs it must read (``stock_s``), and reading the mirror (``mirror_read_s``).
- ``comparison``: ``store_read_s`` and ``compare_s`` measured on their own, then ``run_s``,
  the whole ``run_reconciliation`` call (read, compare, keep the run and its lines; target
  <= 3 s for the comparison).
- ``all_s``: incremental fetch + run (target <= 10 s); ``found`` must equal ``planted``.

    .venv/bin/python bench/reconcile.py [--skus 200000] [--stock-sample 500] [--port 8798]
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
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow
from redhome_pos.services import reconciliation
from redhome_pos.services.counter import Till
from sync.catalog_pull import pull_catalog
from sync.reconcile_fetch import fetch_mirrored_figures
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.red_sandbox import DEMO_WAREHOUSE_CODE, demo_credentials
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


def _control_post(base: str, path: str, body: dict[str, Any]) -> Any:
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), method="POST")
    with urllib.request.urlopen(request, timeout=60) as answer:
        return json.loads(answer.read())


def _set_levels(database: Database, levels: dict[int, int], *, kind: str) -> None:
    """Record ``levels`` as the store's on-hand, with a movement each (bulk, for setting up)."""
    now = datetime.now(UTC)
    with database.unit_of_work() as uow:
        old = dict(
            uow.session.execute(
                select(StockLevelRow.sku_id, StockLevelRow.on_hand).where(
                    StockLevelRow.sku_id.in_(list(levels))
                )
            ).all()
        )
        rows = [
            {"id": uuid.uuid4().hex, "sku_id": sku, "kind": kind, "quantity": q - old.get(sku, 0),
             "reason": "bench", "staff_id": None, "terminal_id": "BENCH", "reference": "",
             "created_at": now}
            for sku, q in levels.items()
            if q != old.get(sku, 0)
        ]  # fmt: skip
        if rows:
            uow.session.execute(insert(StockMovementRow), rows)
        uow.session.execute(delete(StockLevelRow).where(StockLevelRow.sku_id.in_(list(levels))))
        uow.session.execute(
            insert(StockLevelRow),
            [{"sku_id": s, "on_hand": q, "updated_at": now} for s, q in levels.items()],
        )
        uow.commit()


def _plant(
    base: str, database: Database, ids: dict[str, int], known: dict[str, int],
    rng: random.Random, prices: int, barcodes: int, moved: int,
) -> dict[str, int]:  # fmt: skip
    """Change prices and barcodes online, and move stock here for SKUs whose online stock the
    first run read (the new figure is not pushed): the differences the next run must find."""
    # Only SKUs whose store level equals the online one (``known``): a SKU changed online has
    # its stock read too, and must not show drift that was not planted.
    changed = rng.sample(sorted(known), prices + barcodes)
    for n, red in enumerate(changed[:prices]):
        _control_post(base, "/_sandbox/sku", {"skuId": red, "price": 100_000 + n})
    for n, red in enumerate(changed[prices:]):
        code = f"69{n:010d}"
        code += str((10 - sum(int(c) * (3 if i % 2 else 1) for i, c in enumerate(code)) % 10) % 10)
        _control_post(base, "/_sandbox/sku", {"skuId": red, "barcode": code})
    drift = rng.sample(sorted(set(known) - set(changed)), moved)
    _set_levels(database, {ids[red]: known[red] + 5 for red in drift}, kind="adjust")
    return {"price_mismatch": prices, "barcode_mismatch": barcodes, "stock_drift": moved}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skus", type=int, default=200_000)
    parser.add_argument("--stock-sample", type=int, default=500)
    parser.add_argument("--prices", type=int, default=40)
    parser.add_argument("--barcodes", type=int, default=20)
    parser.add_argument("--moved", type=int, default=40)
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
            load_before = os.getloadavg()[0]
            started = time.perf_counter()
            settings = SyncSettings(warehouse_code=DEMO_WAREHOUSE_CODE, terminal_id="BENCH")
            pull_catalog(database, store, settings, now=datetime.now(UTC))
            setup_s = time.perf_counter() - started
            with database.reading() as session:
                ids = {str(r): i for r, i in session.execute(select(SkuRow.red_sku_id, SkuRow.id))}
            sample = rng.sample(sorted(ids), min(args.stock_sample, len(ids)))
            till = Till("BENCH", "BENCH")

            # The first run: the whole catalog read again, stock for the sample (the store's
            # levels made equal to the online ones first, so the run is clean).
            online_stock = store.get_stock(sample)
            known = {red: online_stock[red].total for red in sample if red in online_stock}
            _set_levels(database, {ids[red]: q for red, q in known.items()}, kind="opening")
            full = fetch_mirrored_figures(database, store, moved=sample, full=True)
            first = reconciliation.run_reconciliation(database, till, full.skus)

            planted = _plant(base, database, ids, known, rng, args.prices, args.barcodes,
                             args.moved)  # fmt: skip
            started = time.perf_counter()
            moved = reconciliation.stock_to_read(database)
            fetched = fetch_mirrored_figures(database, store, moved=moved)
            fetch_s = time.perf_counter() - started

            started = time.perf_counter()
            here = reconciliation.store_figures(database)
            store_read_s = time.perf_counter() - started
            started = time.perf_counter()
            with reconciliation.without_gc_pauses():
                differences, _ = comparison.reconcile(here, fetched.skus)
            compare_s = time.perf_counter() - started
            del here
            started = time.perf_counter()
            result = reconciliation.run_reconciliation(database, till, fetched.skus)
            run_s = time.perf_counter() - started
            database.dispose()
        per_sku = full.stock_s / max(1, full.stock_skus)
        found = {k: v for k, v in result.summary.count_by_kind.items() if v}
        print(
            json.dumps(
                {
                    "skus": len(ids),
                    "machine": {
                        "cpus": os.cpu_count(),
                        "load_average_before": round(load_before, 2),
                        "load_average_after": round(os.getloadavg()[0], 2),
                    },
                    "setup_catalog_pull_s": round(setup_s, 2),
                    "full_refetch": {
                        "catalog_s": round(full.catalog_s, 2),
                        "catalog_pages": full.catalog_calls,
                        "stock_sample_skus": full.stock_skus,
                        "stock_sample_s": round(full.stock_s, 2),
                        "stock_per_sku_ms": round(per_sku * 1000, 2),
                        "stock_all_estimate_s": round(per_sku * len(ids), 1),
                        "first_run_differences": first.summary.differences,
                    },
                    "incremental": {
                        "fetch_s": round(fetch_s, 2),
                        "catalog_s": round(fetched.catalog_s, 2),
                        "catalog_pages": fetched.catalog_calls,
                        "changed_online": fetched.changed_online,
                        "stock_skus": fetched.stock_skus,
                        "stock_s": round(fetched.stock_s, 2),
                        "mirror_read_s": round(fetched.mirror_read_s, 2),
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
                    "all_s": round(fetch_s + run_s, 2),
                    "all_target_s": 10,
                    "all_met": fetch_s + run_s <= 10,
                },
                indent=1,
            )
        )
    finally:
        process.kill()
        process.wait()


if __name__ == "__main__":
    main()
