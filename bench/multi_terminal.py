"""Benchmark: sales per second with 1, 2 and 4 counter terminals (one process each) on one
PostgreSQL database, beside one terminal on a SQLite file, measured in the same run.

Every sale has two or three lines and every one of them sells the same SKU, so the terminals
contend for one stock row (and for the shared audit chain) as a busy store's bestseller
would. After each run the ledger is checked: every level equals its movements and what was
sold, each terminal's receipt numbers run without a gap.

PostgreSQL: ``REDHOME_TEST_POSTGRES_URL`` when set, else a throwaway server started with
scripts/postgres.sh (and stopped after). Prints one JSON object.

    .venv/bin/python bench/multi_terminal.py [--sales 500] [--terminals 1 2 4]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, func, make_url, select, text

from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.staff import ScryptCost
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.counter import SaleLineRow, SaleRow
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository
from redhome_pos.services import audit, checkout, shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

REPO = Path(__file__).resolve().parent.parent
STORE = "BENCH"
SKUS = 6
OPENING = 10_000_000


# --- the store and one terminal ----------------------------------------------------------


def build_store(url: str) -> None:
    database = Database(url)
    try:
        upgrade(database)
        manager = add_demo_staff(database, Till(STORE, "T0"), cost=ScryptCost(n=16, r=1, p=1))[
            "3001"
        ]
        for n in range(SKUS):
            with database.unit_of_work() as uow:
                catalog = CatalogRepository(uow.session)
                product = catalog.add_product(
                    Product(id=None, title_zh=f"爆款{n}", brand="RED", category="bench")
                )
                price = 1_990 + 1_000 * n
                sku_id = catalog.add_sku(
                    Sku(
                        id=None,
                        product_id=product,
                        code=f"HOT-{n}",
                        price_fen=price,
                        original_price_fen=price,
                    )
                )
                uow.commit()
            stock_service.receive(database, sku_id, OPENING, terminal_id="T0", staff=manager)
    finally:
        database.dispose()


def _items(database: Database) -> list[CartItem]:
    with database.reading() as session:
        catalog = CatalogRepository(session)
        skus = [catalog.sku_by_code(f"HOT-{n}") for n in range(SKUS)]
    return [
        CartItem(s.id, s.code, s.code, s.price_fen, 1300) for s in skus if s and s.id is not None
    ]


def terminal(url: str, terminal_id: str, sales: int, seed: int) -> None:
    """One counter: open its shift, say ready, wait for go, sell, print the time taken."""
    database = Database(url)
    try:
        till = Till(STORE, terminal_id)
        clerk = add_demo_staff(database, till)["1001"]
        shifts.open_shift(database, till, clerk, 0)
        items = _items(database)
        rng = random.Random(seed)
        carts = []
        for _ in range(sales):
            lines = [items[0], *rng.sample(items[1:], k=rng.choice((1, 2)))]
            rng.shuffle(lines)
            carts.append(lines)
        print("ready", flush=True)
        sys.stdin.readline()
        started = time.perf_counter()
        for lines in carts:
            cart = Cart()
            for item in lines:
                cart.add(item, 1)
            checkout.checkout(database, till, clerk, cart, [Tender.cash(cart.totals().total_fen)])
        print(json.dumps({"seconds": time.perf_counter() - started}), flush=True)
    finally:
        database.dispose()


def run_terminals(url: str, terminals: int, sales: int) -> dict[str, Any]:
    """Start the terminals, let them sell at once; sales per second over the wall time."""
    children = [
        subprocess.Popen(
            [sys.executable, __file__, "--terminal", url, f"T{n}", str(sales), str(n)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(1, terminals + 1)
    ]
    for child in children:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        if line != "ready":
            raise RuntimeError(
                f"a terminal did not start: {child.stderr.read() if child.stderr else ''}"
            )
    started = time.perf_counter()
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    own: list[float] = []
    for child in children:
        out, err = child.communicate(timeout=3600)
        if child.returncode != 0:
            raise RuntimeError(f"a terminal failed: {err}")
        own.append(json.loads(out.strip().splitlines()[-1])["seconds"])
    wall = time.perf_counter() - started
    # All terminals start selling at "go": the store's rate is the sales over the time the
    # slowest terminal took (the wall time adds process exits).
    return {
        "terminals": terminals,
        "sales": terminals * sales,
        "slowest_terminal_s": round(max(own), 3),
        "sales_per_s": round(terminals * sales / max(own), 1),
        "per_terminal_sales_per_s": round(sales / max(own), 1),
        "wall_s": round(wall, 3),
    }


def ledger_problems(url: str, terminals: int, sales: int) -> list[str]:
    """What does not add up after a run (empty when stock, ledger and receipts agree)."""
    database = Database(url)
    problems: list[str] = []
    try:
        with database.reading() as s:
            for n in range(1, terminals + 1):
                seqs = s.scalars(
                    select(SaleRow.seq).where(SaleRow.terminal_id == f"T{n}").order_by(SaleRow.seq)
                ).all()
                if list(seqs) != list(range(1, sales + 1)):
                    problems.append(f"T{n}: receipt numbers are not 1..{sales}")
            sold = dict(
                s.execute(
                    select(SaleLineRow.sku_id, func.sum(SaleLineRow.quantity)).group_by(
                        SaleLineRow.sku_id
                    )
                ).all()
            )
            stock = StockRepository(s)
            for sku_id, quantity in sold.items():
                level, ledger = stock.on_hand(sku_id), stock.ledger_sum(sku_id)
                if not level == ledger == OPENING - int(quantity):
                    problems.append(
                        f"SKU {sku_id}: level {level}, ledger {ledger}, sold {quantity}"
                    )
        problems += check(database)
        problems += [str(b) for b in audit.verify(database)]
    finally:
        database.dispose()
    return problems


# --- where the stores live ---------------------------------------------------------------


@contextmanager
def postgres_server() -> Iterator[str]:
    """A PostgreSQL server URL: the configured one, or a throwaway cluster for this run."""
    configured = os.environ.get("REDHOME_TEST_POSTGRES_URL")
    if configured:
        yield configured
        return
    folder = tempfile.mkdtemp(prefix="redhome-bench-pg-")
    port = str(55000 + os.getpid() % 1000)
    env = {**os.environ, "REDHOME_PG_DIR": folder, "REDHOME_PG_PORT": port}
    script = REPO / "scripts" / "postgres.sh"
    started = subprocess.run(
        [
            "bash",
            "-c",
            f'source "{script}" && start_test_postgres >&2 && echo "$REDHOME_TEST_POSTGRES_URL"',
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    url = started.stdout.strip()
    if started.returncode != 0 or not url:
        raise RuntimeError(f"cannot start PostgreSQL: {started.stderr}")
    try:
        yield url
    finally:
        subprocess.run(
            [
                "bash",
                "-c",
                f'source "{script}" && REDHOME_PG_STARTED="{folder}" stop_test_postgres',
            ],
            env=env,
            check=False,
        )


@contextmanager
def postgres_store(server: str) -> Iterator[str]:
    """A fresh schema on the server, dropped afterwards."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    try:
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def sqlite_store() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as folder:
        yield f"sqlite:///{Path(folder) / 'store.db'}"


def _setting(server: str, name: str) -> str:
    engine = create_engine(server)
    try:
        with engine.connect() as connection:
            return str(connection.execute(text(f"SHOW {name}")).scalar())
    finally:
        engine.dispose()


def measure(url: str, terminals: int, sales: int, backend: str) -> dict[str, Any]:
    build_store(url)
    result = {"backend": backend, **run_terminals(url, terminals, sales)}
    problems = ledger_problems(url, terminals, sales)
    result["ledger_agrees"] = not problems
    if problems:
        result["problems"] = problems[:10]
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=500, help="sales per terminal")
    parser.add_argument("--terminals", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--terminal", nargs=4, metavar=("URL", "ID", "SALES", "SEED"))
    args = parser.parse_args()
    if args.terminal:
        url, terminal_id, sales, seed = args.terminal
        terminal(url, terminal_id, int(sales), int(seed))
        return 0
    runs: list[dict[str, Any]] = []
    with sqlite_store() as url:
        runs.append(measure(url, 1, args.sales, "sqlite"))
    with postgres_server() as server:
        for count in args.terminals:
            with postgres_store(server) as url:
                runs.append(measure(url, count, args.sales, "postgresql"))
        fsync = _setting(server, "fsync")
    sqlite_rate = runs[0]["sales_per_s"]
    report = {
        "sales_per_terminal": args.sales,
        "cpus": os.cpu_count(),
        "sqlite_synchronous": "FULL",
        "postgresql_fsync": fsync,
        "runs": runs,
        "postgresql_vs_sqlite_one_terminal": {
            f"{r['terminals']}": round(r["sales_per_s"] / sqlite_rate, 2)
            for r in runs
            if r["backend"] == "postgresql"
        },
        "all_ledgers_agree": all(r["ledger_agrees"] for r in runs),
    }
    print(json.dumps(report, indent=2))
    return 0 if report["all_ledgers_agree"] else 1


if __name__ == "__main__":
    sys.exit(main())
