"""Catalog benchmark: a 200,000-SKU demo store, lookups and searches; prints JSON.

    .venv/bin/python bench/catalog.py [--db FILE] [--skus N] [--seed S] [--runs N]

Builds the demo store in a temporary directory (or reuses ``--db FILE`` when it already holds
a catalog), then measures in the same run, on the same file:

- barcode and SKU-code lookups through the catalog repository, beside a raw ``sqlite3``
  indexed lookup of the same rows (the baseline);
- catalog searches (first 50 results) for 1-, 2- and 4-character Chinese, pinyin initials,
  full pinyin and English, through the search service with a fresh read session each;
- the demo-data build time and the peak resident memory.

Targets: lookups within 3x raw with p99 <= 1 ms; search p99 <= 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services.catalog_search import search_catalog
from redhome_pos.services.demo_catalog import load_demo_store

QUERIES: dict[str, Sequence[str]] = {
    "chinese_1": ("霜", "红", "膜", "衣", "果"),
    "chinese_2": ("口红", "面膜", "精华", "卫衣", "咖啡"),
    "chinese_4": ("小细跟口", "玻尿酸补", "冷萃咖啡", "宽松连帽", "法式碎花"),
    "pinyin_initials": ("kh", "mm", "khs", "fss", "wy"),
    "pinyin_full": ("kouhong", "mianmo", "fangshai", "kafei", "weiyi"),
    "english": ("lip", "serum", "hoodie", "coffee", "mug"),
}


def percentiles(timing: tuple[list[float], float]) -> dict[str, float]:
    samples_s, cpu_s = timing
    ordered = sorted(samples_s)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 4),
        "p99_ms": round(p99 * 1000, 4),
        "max_ms": round(ordered[-1] * 1000, 4),
        # CPU time per call: what the wall-clock figures would be on an idle machine.
        "cpu_mean_ms": round(cpu_s / len(ordered) * 1000, 4),
        "n": len(ordered),
    }


def timed(fn: Callable[[Any], Any], inputs: Sequence[Any]) -> tuple[list[float], float]:
    for value in inputs[:50]:  # warm caches and statements first
        fn(value)
    samples = []
    cpu_started = time.process_time()
    for value in inputs:
        started = time.perf_counter()
        fn(value)
        samples.append(time.perf_counter() - started)
    return samples, time.process_time() - cpu_started


def build_or_reuse(path: Path, skus: int, seed: int) -> tuple[float, float] | None:
    """Build the demo store at ``path`` unless it already holds one; the build's wall and
    CPU seconds, or None."""
    database = Database(f"sqlite:///{path}")
    try:
        upgrade(database)
        with sqlite3.connect(path) as raw:
            if raw.execute("SELECT 1 FROM skus LIMIT 1").fetchone():
                return None
        started, cpu_started = time.perf_counter(), time.process_time()
        load_demo_store(database, skus=skus, seed=seed)
        return time.perf_counter() - started, time.process_time() - cpu_started
    finally:
        database.dispose()


def lookups(path: Path, runs: int) -> dict[str, Any]:
    raw = sqlite3.connect(path)
    rng = random.Random(42)
    count = raw.execute("SELECT max(id) FROM skus").fetchone()[0]
    sample = [rng.randint(1, count) for _ in range(runs)]
    codes = [raw.execute("SELECT code FROM skus WHERE id = ?", (i,)).fetchone()[0] for i in sample]
    barcodes = [
        raw.execute("SELECT min(code) FROM barcodes WHERE sku_id = ?", (i,)).fetchone()[0]
        for i in sample
    ]
    rng.shuffle(barcodes)
    rng.shuffle(codes)

    def raw_barcode(code: str) -> Any:
        return raw.execute(
            "SELECT s.* FROM barcodes b JOIN skus s ON s.id = b.sku_id WHERE b.code = ?", (code,)
        ).fetchone()

    def raw_code(code: str) -> Any:
        return raw.execute("SELECT * FROM skus WHERE code = ?", (code,)).fetchone()

    database = Database(f"sqlite:///{path}")
    result: dict[str, Any] = {}
    try:
        with database.reading() as session:
            repo = CatalogRepository(session)
            for name, fn, raw_fn, inputs in (
                ("barcode", repo.sku_by_barcode, raw_barcode, barcodes),
                ("sku_code", repo.sku_by_code, raw_code, codes),
            ):
                assert all(fn(value) is not None for value in inputs[:20])
                # Both read every sampled row once before timing: otherwise the side timed
                # first pays the cold pages and the other finds them in the OS cache.
                for value in inputs:
                    fn(value)
                    raw_fn(value)
                service = percentiles(timed(fn, inputs))
                baseline = percentiles(timed(raw_fn, inputs))
                result[name] = {
                    "repository": service,
                    "raw_sqlite3": baseline,
                    "ratio_p50": round(service["p50_ms"] / baseline["p50_ms"], 2),
                    "ratio_p99": round(service["p99_ms"] / baseline["p99_ms"], 2),
                }
    finally:
        database.dispose()
        raw.close()
    return result


def searches(path: Path, runs: int) -> dict[str, Any]:
    database = Database(f"sqlite:///{path}")
    result: dict[str, Any] = {}
    try:
        for kind, queries in QUERIES.items():
            inputs = [queries[i % len(queries)] for i in range(runs)]
            found = {q: len(search_catalog(database, q, limit=50).results) for q in queries}
            stats = percentiles(timed(lambda q: search_catalog(database, q, limit=50), inputs))
            result[kind] = {**stats, "results_first_page": found}
    finally:
        database.dispose()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="reuse (or build) the demo store in this file")
    parser.add_argument("--skus", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=2000, help="lookups per kind")
    parser.add_argument("--search-runs", type=int, default=500, help="searches per kind")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="redhome-bench-") as tmp:
        path = args.db or Path(tmp) / "bench.db"
        build_s = build_or_reuse(path, args.skus, args.seed)
        with sqlite3.connect(path) as raw:
            skus = raw.execute("SELECT count(*) FROM skus").fetchone()[0]
            products = raw.execute("SELECT count(*) FROM products").fetchone()[0]
            terms = raw.execute("SELECT count(*) FROM search_terms").fetchone()[0]
        report = {
            "benchmark": "catalog",
            "skus": skus,
            "products": products,
            "search_terms": terms,
            "database_mb": round(path.stat().st_size / 2**20, 1),
            "demo_data_build_s": None if build_s is None else round(build_s[0], 2),
            "demo_data_build_cpu_s": None if build_s is None else round(build_s[1], 2),
            "load_average_1min": round(os.getloadavg()[0], 2),
            "lookup": lookups(path, args.runs),
            "search_first_50": searches(path, args.search_runs),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "python": sys.version.split()[0],
            "sqlite": sqlite3.sqlite_version,
        }
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
