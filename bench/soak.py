"""Soak: several terminals on one database, run again and again for a while, with terminals
killed (SIGKILL) at random moments and started again, as a long version of the CI suite.

Each cycle, on PostgreSQL and on a SQLite file:
- ``clean``: 4 terminals x ``--sales`` sales at once (the bench/multi_terminal.py run);
- ``kills``: 4 terminals that must each reach ``--sales`` sales while one of them is killed
  every 1-3 s and started again; afterwards every sale is whole, receipt numbers have no
  gap, stock levels equal the ledger and what was sold, the audit chain holds.
Prints one JSON object with the cycles run, kills made and any problem found (exit 1 then).

    .venv/bin/python bench/soak.py [--minutes 10] [--sales 500]
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import subprocess
import sys
import time
from typing import Any

from multi_terminal import (
    _items,
    build_store,
    ledger_problems,
    measure,
    postgres_server,
    postgres_store,
    sqlite_store,
)
from sqlalchemy import func, select

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleLineRow, SaleRow, ShiftRow
from redhome_pos.services import checkout, shifts
from redhome_pos.services.counter import Till
from redhome_pos.services.staff import login

STORE = "BENCH"
TERMINALS = 4


def resilient_terminal(url: str, terminal_id: str, target: int, seed: int) -> None:
    """A terminal that carries on after a crash: its shift stays open, it sells until the
    database holds ``target`` of its sales."""
    database = Database(url)
    try:
        till = Till(STORE, terminal_id)
        clerk = login(database, till, "1001", "1111")
        with database.reading() as session:
            open_shift = session.scalar(
                select(ShiftRow.id).where(ShiftRow.open_terminal == terminal_id)
            )
        if open_shift is None:
            shifts.open_shift(database, till, clerk, 0)
        items = _items(database)
        rng = random.Random(seed)
        while True:
            with database.reading() as session:
                done = session.scalar(
                    select(func.count())
                    .select_from(SaleRow)
                    .where(SaleRow.terminal_id == terminal_id)
                )
            if (done or 0) >= target:
                break
            cart = Cart()
            for item in [items[0], *rng.sample(items[1:], k=rng.choice((1, 2)))]:
                cart.add(item, 1)
            checkout.checkout(database, till, clerk, cart, [Tender.cash(cart.totals().total_fen)])
    finally:
        database.dispose()


def _start(url: str, n: int, target: int, seed: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, __file__, "--terminal", url, f"T{n}", str(target), str(seed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def kill_cycle(url: str, sales: int, rng: random.Random) -> dict[str, Any]:
    build_store(url)
    running = {n: _start(url, n, sales, rng.randrange(1 << 30)) for n in range(1, TERMINALS + 1)}
    kills = 0
    failures: list[str] = []
    started = time.perf_counter()
    while running:
        time.sleep(rng.uniform(1.0, 3.0))
        for n, child in list(running.items()):
            if child.poll() is not None:
                if child.returncode != 0:
                    err = child.stderr.read().decode(errors="replace") if child.stderr else ""
                    failures.append(f"T{n} exited {child.returncode}: {err[-400:]}")
                del running[n]
        if running:
            n = rng.choice(sorted(running))
            running[n].send_signal(signal.SIGKILL)
            running[n].wait()
            kills += 1
            running[n] = _start(url, n, sales, rng.randrange(1 << 30))
    problems = failures + ledger_problems(url, TERMINALS, sales) + _half_sales(url)
    return {
        "kills": kills,
        "seconds": round(time.perf_counter() - started, 1),
        "problems": problems[:10],
    }


def _half_sales(url: str) -> list[str]:
    database = Database(url)
    try:
        with database.reading() as s:
            lines = s.execute(
                select(SaleRow.receipt_no, func.count(SaleLineRow.id))
                .join(SaleLineRow, SaleLineRow.sale_id == SaleRow.id, isouter=True)
                .group_by(SaleRow.receipt_no)
            ).all()
        return [f"{receipt} has {count} lines" for receipt, count in lines if count not in (2, 3)]
    finally:
        database.dispose()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--sales", type=int, default=500, help="sales per terminal per cycle")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--terminal", nargs=4, metavar=("URL", "ID", "TARGET", "SEED"))
    args = parser.parse_args()
    if args.terminal:
        url, terminal_id, target, seed = args.terminal
        resilient_terminal(url, terminal_id, int(target), int(seed))
        return 0
    rng = random.Random(args.seed)
    deadline = time.monotonic() + args.minutes * 60
    cycles: list[dict[str, Any]] = []
    with postgres_server() as server:
        while True:
            cycle: dict[str, Any] = {}
            with postgres_store(server) as url:
                cycle["postgresql_clean"] = measure(url, TERMINALS, args.sales, "postgresql")
            with postgres_store(server) as url:
                cycle["postgresql_kills"] = kill_cycle(url, args.sales, rng)
            with sqlite_store() as url:
                cycle["sqlite_kills"] = kill_cycle(url, args.sales, rng)
            cycles.append(cycle)
            if time.monotonic() >= deadline:
                break
    problems = [p for c in cycles for part in c.values() for p in part.get("problems", [])]
    report = {
        "cycles": len(cycles),
        "sales_per_terminal": args.sales,
        "terminals": TERMINALS,
        "kills": sum(c[k]["kills"] for c in cycles for k in ("postgresql_kills", "sqlite_kills")),
        "clean_sales_per_s": [c["postgresql_clean"]["sales_per_s"] for c in cycles],
        "problems": problems[:20],
        "ok": not problems,
    }
    print(json.dumps(report, indent=2))
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
