"""Benchmark: recording stock movements through the ledger on SQLite (``synchronous=FULL``).

Prints one JSON object:
- ``record_commit``: p50/p99 ms of one movement in its own unit of work
  (``StockRepository.record`` + commit: ledger row, guarded level update, outbox row);
- ``raw_sqlite3``: the same three statements with the ``sqlite3`` module, one transaction
  each, on the same file in the same run; ``ratio_p50`` = ledger / raw;
- ``record_batch``: movements per second when 1,000 are recorded in one unit of work;
- ``check_ms``: ``db check`` (integrity check + every level against its ledger) on the result.

    .venv/bin/python bench/stock.py [--skus 2000] [--movements 500]
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.repositories import StockRepository


def _ms(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 3),
    }


def _store(database: Database, skus: int) -> None:
    now = datetime.now(UTC)
    with database.unit_of_work() as uow:
        uow.session.execute(
            insert(ProductRow),
            [
                {
                    "id": 1,
                    "title_zh": "口红",
                    "title_en": "",
                    "brand": "",
                    "category": "",
                    "vat_rate_bp": 1300,
                    "created_at": now,
                    "updated_at": now,
                }
            ],
        )
        uow.session.execute(
            insert(SkuRow),
            [
                {
                    "id": n,
                    "product_id": 1,
                    "code": f"B-{n}",
                    "variant": {},
                    "price_fen": 100,
                    "original_price_fen": 100,
                    "active": True,
                    "location": "",
                    "created_at": now,
                    "updated_at": now,
                }
                for n in range(1, skus + 1)
            ],
        )
        uow.session.execute(
            insert(StockLevelRow),
            [{"sku_id": n, "on_hand": 0, "updated_at": now} for n in range(1, skus + 1)],
        )
        uow.commit()


def _movement(sku_id: int, quantity: int) -> StockMovement:
    return StockMovement(
        uuid.uuid4().hex,
        sku_id,
        MovementKind.ADJUST,
        quantity,
        "bench",
        None,
        "BENCH",
        datetime.now(UTC),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skus", type=int, default=2000)
    parser.add_argument("--movements", type=int, default=500)
    options = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        database = Database(f"sqlite:///{path}")
        upgrade(database)
        _store(database, options.skus)

        ledger: list[float] = []
        for _ in range(options.movements):
            movement = _movement(rng.randint(1, options.skus), rng.choice([1, 2, 5]))
            start = time.perf_counter()
            with database.unit_of_work() as uow:
                StockRepository(uow.session).record(movement, allow_negative=False)
                uow.commit()
            ledger.append(time.perf_counter() - start)

        raw: list[float] = []
        connection = sqlite3.connect(path, isolation_level=None)
        connection.execute("PRAGMA synchronous=FULL")
        connection.execute("PRAGMA foreign_keys=ON")
        for _ in range(options.movements):
            sku_id, quantity = rng.randint(1, options.skus), rng.choice([1, 2, 5])
            now = datetime.now(UTC).isoformat(sep=" ")
            start = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            connection.execute(
                "UPDATE stock_levels SET on_hand = on_hand + ?, updated_at = ? "
                "WHERE sku_id = ? AND on_hand + ? >= 0 RETURNING on_hand",
                (quantity, now, sku_id, quantity),
            ).fetchone()
            connection.execute(
                "INSERT INTO stock_movements (id, sku_id, kind, quantity, reason, staff_id, "
                "terminal_id, reference, created_at) VALUES (?, ?, 'adjust', ?, 'bench', NULL, "
                "'BENCH', '', ?)",
                (uuid.uuid4().hex, sku_id, quantity, now),
            )
            connection.execute(
                "INSERT INTO outbox (topic, key, payload, created_at, attempts, last_error) "
                "VALUES ('stock', ?, '{}', ?, 0, '')",
                (str(sku_id), now),
            )
            connection.execute("COMMIT")
            raw.append(time.perf_counter() - start)
        connection.close()

        start = time.perf_counter()
        with database.unit_of_work() as uow:
            stock = StockRepository(uow.session)
            for _ in range(1000):
                stock.record(_movement(rng.randint(1, options.skus), 1), allow_negative=False)
            uow.commit()
        batch_s = time.perf_counter() - start

        start = time.perf_counter()
        problems = check(database)
        check_s = time.perf_counter() - start
        database.dispose()

    result: dict[str, Any] = {
        "skus": options.skus,
        "movements": options.movements,
        "record_commit": _ms(ledger),
        "raw_sqlite3": _ms(raw),
        "ratio_p50": round(statistics.median(ledger) / statistics.median(raw), 2),
        "record_batch_per_s": round(1000 / batch_s),
        "check_ms": round(check_s * 1000, 1),
        "check_problems": len(problems),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
