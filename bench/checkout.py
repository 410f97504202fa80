"""Benchmark: a 5-line sale (scan, discounts, split tender) committed on the 200,000-SKU demo
store with ``synchronous=FULL``.

Prints one JSON object:
- ``checkout``: p50/p99 ms of ``services.checkout.checkout`` alone (interleaved with the raw
  rows below, each side beginning as long after the other's commit: see ``busy_wait``);
  ``sale_with_scans`` of the whole sale (5 scans through the scan service, cart, discounts,
  checkout) over ``--sales`` sales, beside ``checkout_of_those_sales``, the checkout's part
  of those same sales;
- ``raw_sqlite3``: the same rows (sale, 5 lines, 2 tenders, 5 movements, 5 level updates,
  5 outbox rows, an audit event and its head, the receipt number) inserted with the
  ``sqlite3`` module in one transaction on the same file and the same driver connection,
  after the same reads (the clerk's standing, the promotions' stamp, the open shift, the
  SKUs' lot flags and, with lots, their levels); measured in the same run, each right after
  a checkout and for the SKUs it sold (a commit's time grows with the index pages it
  rewrites, so both sides write to the same parts of the indexes);
  ``ratio_p50`` = checkout / raw (target <= 2);
- ``run``: ``--sales`` sales in a row, p50/p99 of the first and the last 1,000 (no slow-down);
- ``promotion_check``: what checkout spends pricing the cart again with the promotions as
  stored (inside ``checkout`` above; here alone, in a transaction of its own): carts are
  priced with the store's book as the counter's are, so with the rules unchanged it reads
  their stamp only;
- ``lots``: the same sale of 5 lot-tracked SKUs (each scanned by its plain barcode, so checkout
  takes the first-expiring lot of three), beside the raw rows with their lot rows too (a lot
  level update and a sale-line lot row per line), interleaved; target ratio <= 2.

    .venv/bin/python bench/checkout.py [--skus 200000] [--sales 10000] [--database FILE]
        [--back-to-back]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select

from redhome_pos.domain.cart import Cart, CartItem, Discount, PromotionContext
from redhome_pos.domain.scan import ScanSettings
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services import checkout, promotions, shifts
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_catalog import iter_demo_catalog
from redhome_pos.services.demo_staff import add_demo_staff
from redhome_pos.services.scanning import ScanService


def busy_wait(ms: float) -> None:
    """Keep the CPU busy for ``ms``: the raw rows of a pair begin as long after the checkout's
    commit as the checkout began after the raw rows' commit (its 5 scans came between).

    Measured on the project's machine, a ``synchronous=FULL`` commit takes longer the longer
    it comes after the previous one (0.92 ms right after it, 1.07 ms after 0.8 ms of work,
    before or after BEGIN alike): back to back, the raw rows committed right after the
    checkout's commit and the checkout ~1 ms of scans after theirs, which put 0.2-0.3 ms
    of the disk's time on the checkout's side of the ratio."""
    until = time.perf_counter() + ms / 1000
    while time.perf_counter() < until:
        pass


CHUNK = 5000
PLENTY = 1_000_000  # opening stock per SKU, so 10,000 sales never run a SKU out
TILL = Till("BENCH", "B1", allow_negative_stock=False)


def build_catalog(database: Database, skus: int) -> None:
    """The demo generator's catalog, written in bulk with an opening movement per SKU."""
    now = datetime.now(UTC)
    products: dict[int, dict[str, Any]] = {}
    sku_rows: list[dict[str, Any]] = []
    barcodes: list[dict[str, Any]] = []

    def flush(session: Any) -> None:
        if products:
            session.execute(insert(ProductRow), list(products.values()))
        if sku_rows:
            session.execute(insert(SkuRow), sku_rows)
            session.execute(insert(BarcodeRow), barcodes)
            session.execute(
                insert(StockLevelRow),
                [{"sku_id": r["id"], "on_hand": PLENTY, "updated_at": now} for r in sku_rows],
            )
            session.execute(
                insert(StockMovementRow),
                [
                    {
                        "id": uuid.uuid4().hex,
                        "sku_id": r["id"],
                        "kind": "opening",
                        "quantity": PLENTY,
                        "reason": "bench",
                        "terminal_id": TILL.terminal_id,
                        "reference": "",
                        "created_at": now,
                    }
                    for r in sku_rows
                ],
            )
        products.clear()
        sku_rows.clear()
        barcodes.clear()

    with database.unit_of_work() as uow:
        seen_products: set[int] = set()
        for sku_id, item in enumerate(iter_demo_catalog(skus, 1), start=1):
            if item.product_no not in seen_products:
                seen_products.add(item.product_no)
                products[item.product_no] = {
                    "id": item.product_no,
                    "title_zh": item.title_zh,
                    "title_en": item.title_en,
                    "brand": item.brand,
                    "category": item.category,
                    "vat_rate_bp": item.vat_rate_bp,
                    "red_item_id": item.red_item_id,
                    "created_at": now,
                    "updated_at": now,
                }
            sku_rows.append(
                {
                    "id": sku_id,
                    "product_id": item.product_no,
                    "code": item.sku_code,
                    "variant": item.variant,
                    "price_fen": item.price_fen,
                    "original_price_fen": item.original_price_fen,
                    "red_sku_id": item.red_sku_id,
                    "active": True,
                    "location": item.location,
                    "created_at": now,
                    "updated_at": now,
                }
            )
            barcodes += [{"code": c, "sku_id": sku_id, "symbology": "ean13"} for c in item.barcodes]
            if len(sku_rows) >= CHUNK:
                flush(uow.session)
        flush(uow.session)
        uow.commit()


def store_database(path: Path, skus: int) -> Database:
    database = Database(f"sqlite:///{path}")
    upgrade(database)
    with database.reading() as session:
        present = session.scalar(select(func.count()).select_from(SkuRow)) or 0
    if present == 0:
        build_catalog(database, skus)
    return database


def percentiles(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered), 3),
        "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 3),
    }


LOT_SKUS = 2_000  # the lot-tracked SKUs: the last ones of the catalog


def track_lots(database: Database, skus: int) -> list[int]:
    """Make the last ``LOT_SKUS`` SKUs lot-tracked with three dated lots each (idempotent)."""
    first = max(1, skus - LOT_SKUS + 1)
    sku_ids = list(range(first, skus + 1))
    with database.unit_of_work() as uow:
        lots = LotRepository(uow.session)
        if lots.is_tracked(sku_ids[0]):
            return sku_ids
        lots.set_tracked(sku_ids, True)
        today = datetime.now(UTC).date()
        StockRepository(uow.session).record_all(
            [
                StockMovement(
                    id=uuid.uuid4().hex,
                    sku_id=sku_id,
                    kind=MovementKind.RECEIVE,
                    quantity=PLENTY // 4,
                    reason="bench",
                    staff_id=None,
                    terminal_id=TILL.terminal_id,
                    created_at=datetime.now(UTC),
                    lot=f"L{n}",
                    expiry=today + timedelta(days=30 * n),
                )
                for sku_id in sku_ids
                for n in (1, 2, 3)
            ],
            allow_negative=True,
        )
        uow.commit()
    return sku_ids


class Counter:
    def __init__(
        self, database: Database, skus: int, seed: int, *, only: list[int] | None = None
    ) -> None:
        self.database = database
        self.scans = ScanService(database, ScanSettings(store_code="BENCH", code_secret="b"))
        self.clerk = add_demo_staff(database, TILL)["1001"]
        if shifts.current_shift(database, TILL) is None:
            shifts.open_shift(database, TILL, self.clerk, 50_000)
        with database.reading() as session:
            chosen = BarcodeRow.sku_id.in_(only) if only else BarcodeRow.sku_id <= skus
            self.barcodes = list(
                session.scalars(select(BarcodeRow.code).where(chosen).limit(20_000))
            )
        self.rng = random.Random(seed)
        self.sold: list[int] = []  # the SKUs of the last sale, for the raw rows beside it
        self.book = promotions.load_book(database, TILL)  # as the counter reads it at login

    def cart(self) -> Cart:
        return Cart(promotions=PromotionContext(self.book, TILL.now()))

    def sale(self) -> tuple[float, float]:
        """One sale; returns (whole sale ms, checkout ms)."""
        started = time.perf_counter_ns()
        cart = self.cart()
        self.sold = []
        for code in self.rng.sample(self.barcodes, 5):
            found = self.scans.scan(code, record=False).sku
            assert found is not None
            self.sold.append(found.sku_id)
            cart.add(
                CartItem(
                    found.sku_id, found.code, found.title_zh, found.price_fen, found.vat_rate_bp
                )
            )
        cart.discount_line(1, Discount(percent_bp=500))
        cart.discount_order(Discount(amount_fen=100))
        due = cart.totals().total_fen
        tenders = [Tender(TenderKind.CARD, due // 2, "slip"), Tender.cash(due - due // 2 + 100)]
        committing = time.perf_counter_ns()
        checkout.checkout(self.database, TILL, self.clerk, cart, tenders)
        done = time.perf_counter_ns()
        return (done - started) / 1e6, (done - committing) / 1e6

    def promotion_check(self) -> float:
        """The re-pricing checkout does, alone (ms)."""
        cart = self.cart()
        cart.add(CartItem(1, "X", "演示", 10_000, 1300))
        started = time.perf_counter_ns()
        with self.database.reading() as session:
            promotions.check_cart(session, TILL, cart)
        return (time.perf_counter_ns() - started) / 1e6


def raw_sale(connection: Any, n: int, sku_ids: list[int], *, lots: bool = False) -> float:
    """The same rows as one checkout, written with plain SQL in one transaction (with
    ``lots``, each line's lot level update and sale-line lot row too), after the reads any
    checkout must make inside its transaction: whether the clerk is still active and in
    which role, the promotions' stamp, the open shift, which SKUs are lot-tracked and (with
    ``lots``) their lots' levels, to take the first-expiring."""
    now = datetime.now(UTC).isoformat(sep=" ")
    marks = ", ".join("?" * len(sku_ids))
    started = time.perf_counter_ns()
    cur = connection.cursor()
    cur.execute("BEGIN IMMEDIATE")
    cur.execute("SELECT role, active FROM staff WHERE id = 1")
    cur.fetchone()
    cur.execute("SELECT version FROM promotion_stamp WHERE id = 1")
    cur.fetchone()
    cur.execute(
        "SELECT id, terminal_id, opened_by, opened_at, float_fen, closed_by, closed_at "
        "FROM shifts WHERE open_terminal = ?",
        (TILL.terminal_id,),
    )
    cur.fetchone()
    cur.execute(f"SELECT id FROM skus WHERE lot_tracked IS 1 AND id IN ({marks})", sku_ids)
    cur.fetchall()
    if lots:
        cur.execute(
            "SELECT sku_id, lot_code, expiry, on_hand FROM stock_lot_levels "
            f"WHERE sku_id IN ({marks})",
            sku_ids,
        )
        cur.fetchall()
    cur.execute(
        "UPDATE receipt_sequences SET last_seq = last_seq + 1 "
        "WHERE terminal_id = 'RAW' AND business_date = '2000-01-01' AND series = 'S' "
        "RETURNING last_seq"
    )
    row = cur.fetchone()
    if row is None:
        cur.execute("INSERT INTO receipt_sequences VALUES ('RAW', '2000-01-01', 'S', 1)")
    cur.execute(
        "INSERT INTO sales (receipt_no, terminal_id, business_date, seq, shift_id, staff_id, "
        "created_at, subtotal_fen, discount_fen, total_fen, change_fen, vat) "
        "VALUES (?, 'RAW', '2000-01-01', ?, 1, 1, ?, 50000, 600, 49400, 100, '[]')",
        (f"RAW-{n}", n, now),
    )
    sale_id = cur.lastrowid
    for line_no, sku_id in enumerate(sku_ids, start=1):
        cur.execute(
            "INSERT INTO sale_lines (sale_id, line_no, sku_id, sku_code, title, variant, "
            "quantity, list_price_fen, unit_price_fen, discount_fen, amount_fen, vat_rate_bp, "
            "note_id, voided) VALUES (?, ?, ?, 'X', '演示', '', 1, 10000, 10000, 120, 9880, "
            "1300, NULL, 0)",
            (sale_id, line_no, sku_id),
        )
        cur.execute(
            "UPDATE stock_levels SET on_hand = on_hand - 1, updated_at = ? "
            "WHERE sku_id = ? AND on_hand - 1 >= 0 RETURNING on_hand",
            (now, sku_id),
        )
        cur.fetchone()
        cur.execute(
            "INSERT INTO stock_movements (id, sku_id, kind, quantity, reason, staff_id, "
            "terminal_id, reference, created_at) VALUES (?, ?, 'sale', -1, 'sale', 1, 'RAW', ?, ?)",
            (uuid.uuid4().hex, sku_id, f"RAW-{n}", now),
        )
        cur.execute(
            "INSERT INTO outbox (topic, key, payload, created_at, attempts, last_error) "
            "VALUES ('stock', ?, '{}', ?, 0, '')",
            (str(sku_id), now),
        )
        if lots:
            cur.execute(
                "UPDATE stock_lot_levels SET on_hand = on_hand - 1, updated_at = ? "
                "WHERE sku_id = ? AND lot_code = 'L1' RETURNING on_hand",
                (now, sku_id),
            )
            cur.fetchone()
            cur.execute(
                "INSERT INTO sale_line_lots (sale_id, line_no, lot_code, expiry, quantity, "
                "chosen_by) VALUES (?, ?, 'L1', '2030-01-01', 1, 'fefo')",
                (sale_id, line_no),
            )
    for kind in ("card", "cash"):
        cur.execute(
            "INSERT INTO tenders (sale_id, return_id, shift_id, kind, amount_fen, tendered_fen, "
            "reference, payment_code) VALUES (?, NULL, 1, ?, 24700, 24700, '', '')",
            (sale_id, kind),
        )
    cur.execute("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
    seq, prev_hash = cur.fetchone()
    cur.execute(
        "INSERT INTO audit_events (seq, created_at, action, staff_id, terminal_id, detail, "
        "prev_hash, hash) VALUES (?, ?, 'raw', 1, 'RAW', '{}', ?, ?)",
        (seq, now, prev_hash, f"{seq:064d}"),
    )
    cur.execute("UPDATE audit_head SET hash = ? WHERE id = 1", (f"{seq:064d}",))
    cur.execute("COMMIT")
    return (time.perf_counter_ns() - started) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skus", type=int, default=200_000)
    parser.add_argument("--sales", type=int, default=10_000)
    parser.add_argument("--compare", type=int, default=500, help="sales for checkout vs raw")
    parser.add_argument("--database", type=Path, help="keep the store database in FILE")
    parser.add_argument(
        "--back-to-back",
        action="store_true",
        help="raw rows right after the checkout's commit, without the scans' wait (busy_wait)",
    )
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    folder = tempfile.TemporaryDirectory(prefix="redhome-bench-")
    path = args.database or Path(folder.name) / "store.db"
    built = time.perf_counter()
    database = store_database(path, args.skus)
    build_s = time.perf_counter() - built
    counter = Counter(database, args.skus, seed=7)
    for _ in range(50):  # warm the caches and the connection pool
        counter.sale()

    def raw(n: int, sku_ids: list[int], *, lots: bool = False) -> float:
        """``raw_sale`` on the driver connection the checkout itself writes through (taken
        from the pool between sales; WAL, synchronous=FULL, foreign keys on, autocommit off
        as the store's connections are): a second connection would throw both sides' page
        cache away before every sale, which a store, writing through one connection, does
        not see."""
        pooled = database.engine.raw_connection()
        try:
            return raw_sale(pooled.driver_connection, n, sku_ids, lots=lots)
        finally:
            pooled.close()

    gap = 0 if args.back_to_back else 1
    # Interleave the two so both see the same disk and cache conditions.
    ours: list[float] = []
    plain: list[float] = []
    raw_no = int(time.time() * 1000)
    for i in range(args.compare):
        whole, alone = counter.sale()
        ours.append(alone)
        busy_wait(gap * (whole - alone))  # as long as the checkout's scans before it took
        plain.append(raw(raw_no + i, counter.sold))
    lot_skus = track_lots(database, args.skus)
    lot_counter = Counter(database, args.skus, seed=8, only=lot_skus)
    for _ in range(50):
        lot_counter.sale()
    ours_lots: list[float] = []
    plain_lots: list[float] = []
    for i in range(args.compare):
        whole, alone = lot_counter.sale()
        ours_lots.append(alone)
        busy_wait(gap * (whole - alone))
        plain_lots.append(raw(raw_no + args.compare + i, lot_counter.sold, lots=True))

    checks = [counter.promotion_check() for _ in range(args.compare)]
    whole: list[float] = []
    commits: list[float] = []
    for _ in range(args.sales):
        sale_ms, commit_ms = counter.sale()
        whole.append(sale_ms)
        commits.append(commit_ms)
    database.dispose()
    block = min(1000, len(commits) // 2) or 1
    checkout_p = percentiles(ours)
    raw_p = percentiles(plain)
    print(
        json.dumps(
            {
                "skus": args.skus,
                # Other work on the machine skews both sides; the ratio is what compares.
                "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
                "build_s": round(build_s, 1),
                "checkout": checkout_p,
                "raw_sqlite3": raw_p,
                "ratio_p50": round(checkout_p["p50_ms"] / raw_p["p50_ms"], 2),
                "ratio_p99": round(checkout_p["p99_ms"] / raw_p["p99_ms"], 2),
                "back_to_back": args.back_to_back,
                # The whole sale (5 scans, cart, discounts, checkout) and, of the same sales,
                # checkout() alone: what a clerk waits for beside what the service takes.
                "sale_with_scans": percentiles(whole),
                "checkout_of_those_sales": percentiles(commits),
                "promotion_check": percentiles(checks),
                "lots": {
                    "checkout": (lots_p := percentiles(ours_lots)),
                    "raw_sqlite3": (raw_lots_p := percentiles(plain_lots)),
                    "ratio_p50": round(lots_p["p50_ms"] / raw_lots_p["p50_ms"], 2),
                    "ratio_p99": round(lots_p["p99_ms"] / raw_lots_p["p99_ms"], 2),
                },
                "run": {
                    "sales": args.sales,
                    "first": percentiles(commits[:block]),
                    "last": percentiles(commits[-block:]),
                },
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
