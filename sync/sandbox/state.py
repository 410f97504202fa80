"""The sandbox online store's own state, in SQLite: catalog, stock, orders, tokens, calls.

One connection guarded by a lock; the HTTP server's threads take turns. Times are the
sandbox's clock (wall time plus an offset tests can move forward), in milliseconds.
"""

from __future__ import annotations

import json
import random
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sync.sandbox import wire as api
from sync.sandbox.seed import SeedSku, red_id

SCHEMA = """
CREATE TABLE IF NOT EXISTS skus (
    sku_id TEXT PRIMARY KEY, item_id TEXT NOT NULL, title TEXT NOT NULL, variants TEXT NOT NULL,
    price INTEGER NOT NULL, original_price INTEGER NOT NULL, barcode TEXT NOT NULL,
    erp_code TEXT NOT NULL, buyable INTEGER NOT NULL DEFAULT 1,
    stock_locked INTEGER NOT NULL DEFAULT 0, update_time INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS skus_by_update ON skus (update_time, sku_id);
CREATE TABLE IF NOT EXISTS stock (
    sku_id TEXT NOT NULL, whcode TEXT NOT NULL, total INTEGER NOT NULL,
    PRIMARY KEY (sku_id, whcode)
);
CREATE TABLE IF NOT EXISTS orders (
    order_id TEXT PRIMARY KEY, whcode TEXT NOT NULL, status INTEGER NOT NULL,
    delivery_mode TEXT NOT NULL, created_ms INTEGER NOT NULL, update_ms INTEGER NOT NULL,
    open_address_id TEXT NOT NULL, receiver_name TEXT NOT NULL, receiver_phone TEXT NOT NULL,
    receiver_address TEXT NOT NULL, total_pay INTEGER NOT NULL,
    express_no TEXT, express_company_code TEXT
);
CREATE INDEX IF NOT EXISTS orders_by_created ON orders (created_ms);
CREATE INDEX IF NOT EXISTS orders_by_update ON orders (update_ms);
CREATE TABLE IF NOT EXISTS order_lines (
    order_id TEXT NOT NULL, line_no INTEGER NOT NULL, sku_id TEXT NOT NULL,
    quantity INTEGER NOT NULL, price INTEGER NOT NULL, PRIMARY KEY (order_id, line_no)
);
CREATE INDEX IF NOT EXISTS order_lines_by_sku ON order_lines (sku_id);
CREATE TABLE IF NOT EXISTS deliveries (
    order_id TEXT PRIMARY KEY, accepted INTEGER NOT NULL DEFAULT 0,
    refused INTEGER NOT NULL DEFAULT 0, express_no TEXT, company_code TEXT
);
CREATE TABLE IF NOT EXISTS auth_codes (
    code TEXT PRIMARY KEY, expires_ms INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS tokens (
    access_token TEXT PRIMARY KEY, refresh_token TEXT NOT NULL UNIQUE,
    access_expires_ms INTEGER NOT NULL, refresh_expires_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS calls (method TEXT PRIMARY KEY, received INTEGER NOT NULL);
"""

# Units of orders in these statuses are held: the platform subtracts them from the total.
HOLDING_STATUSES = (api.STATUS_AWAITING_PAYMENT, api.STATUS_PAID, api.STATUS_AWAITING_SHIPMENT)
CENTRAL_WAREHOUSE = "RED-CENTRAL"

_SURNAMES = "王李张刘陈杨赵黄周吴"
_GIVEN = ("小红", "晓明", "思雨", "嘉怡", "子涵", "浩然")
_STREETS = ("南京西路", "淮海中路", "长乐路", "武康路", "愚园路")


class SandboxState:
    """The online store behind the sandbox server."""

    def __init__(self, path: str = ":memory:", *, seller_name: str = "REDHOME 演示店") -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.executescript(SCHEMA)
        self._lock = threading.RLock()
        self.clock_offset_s = 0.0
        self.seller_id = red_id("seller", path)
        self.seller_name = seller_name
        self._page_cache: dict[tuple[object, ...], tuple[int, str]] = {}
        self._count_cache: dict[tuple[object, ...], int] = {}
        self._rng = random.Random(7)

    # --- plumbing ----------------------------------------------------------------------------

    def now_ms(self) -> int:
        return int((time.time() + self.clock_offset_s) * 1000)

    @contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            yield self._db

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _catalog_changed(self) -> None:
        self._page_cache.clear()
        self._count_cache.clear()

    # --- seeding -----------------------------------------------------------------------------

    def seed(self, skus: Iterable[SeedSku], warehouse_code: str, *, seed: int = 1) -> int:
        """Load the catalog and the store warehouse's stock; update times spread over 30 days."""
        rng = random.Random(seed)
        now = self.now_ms()
        month_ms = 30 * 24 * 3600 * 1000
        rows: list[tuple[object, ...]] = []
        stock: list[tuple[object, ...]] = []
        count = 0
        with self.writing() as db:
            for sku in skus:
                variants = json.dumps(
                    [{"name": k, "value": v} for k, v in sku.variants], ensure_ascii=False
                )
                rows.append(
                    (sku.sku_id, sku.item_id, sku.title, variants, sku.price_fen,
                     sku.original_price_fen, sku.barcode, sku.erp_code,
                     now - rng.randrange(month_ms))
                )  # fmt: skip
                stock.append((sku.sku_id, warehouse_code, sku.stock))
                stock.append((sku.sku_id, CENTRAL_WAREHOUSE, rng.randint(0, 200)))
                count += 1
                if len(rows) >= 5000:
                    self._insert_catalog(db, rows, stock)
                    rows, stock = [], []
            self._insert_catalog(db, rows, stock)
        self._catalog_changed()
        return count

    @staticmethod
    def _insert_catalog(
        db: sqlite3.Connection, rows: list[tuple[object, ...]], stock: list[tuple[object, ...]]
    ) -> None:
        db.executemany(
            "INSERT OR REPLACE INTO skus (sku_id, item_id, title, variants, price, original_price,"
            " barcode, erp_code, update_time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        db.executemany("INSERT OR REPLACE INTO stock VALUES (?, ?, ?)", stock)

    def sku_count(self) -> int:
        with self.reading() as db:
            return int(db.execute("SELECT count(*) FROM skus").fetchone()[0])

    # --- catalog -----------------------------------------------------------------------------

    def catalog_page(
        self, time_from: int, time_to: int, page_no: int, page_size: int
    ) -> tuple[list[sqlite3.Row], int]:
        """SKUs updated in [from, to] ordered by update time then id; walks pages by key."""
        window = (time_from, time_to, page_size)
        with self.reading() as db:
            total = self._count_cache.get(window)
            if total is None:
                total = int(
                    db.execute(
                        "SELECT count(*) FROM skus WHERE update_time BETWEEN ? AND ?",
                        (time_from, time_to),
                    ).fetchone()[0]
                )
                self._count_cache[window] = total
            after = self._page_cache.get((*window, page_no - 1))
            if after is not None:
                # The range starts at the last row's time, so the index is entered there.
                last_time, last_id = after
                rows = db.execute(
                    "SELECT * FROM skus WHERE update_time BETWEEN ? AND ?"
                    " AND (update_time > ? OR sku_id > ?) ORDER BY update_time, sku_id LIMIT ?",
                    (max(time_from, last_time), time_to, last_time, last_id, page_size),
                ).fetchall()
            else:
                rows = db.execute(
                    "SELECT * FROM skus WHERE update_time BETWEEN ? AND ?"
                    " ORDER BY update_time, sku_id LIMIT ? OFFSET ?",
                    (time_from, time_to, page_size, (page_no - 1) * page_size),
                ).fetchall()
            if rows:
                self._page_cache[(*window, page_no)] = (rows[-1]["update_time"], rows[-1]["sku_id"])
            return rows, total

    def update_sku(self, sku_id: str, **changes: Any) -> None:
        """Change a SKU as a merchant would online (price, barcode, title, buyable...)."""
        columns = {"price", "original_price", "barcode", "erp_code", "title", "buyable",
                   "stock_locked"}  # fmt: skip
        sets = {k: v for k, v in changes.items() if k in columns}
        unknown = set(changes) - columns
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)}")
        with self.writing() as db:
            assignments = ", ".join(f"{k} = ?" for k in sets)
            prefix = f"{assignments}, " if assignments else ""
            db.execute(
                f"UPDATE skus SET {prefix}update_time = ? WHERE sku_id = ?",
                (*sets.values(), self.now_ms(), sku_id),
            )
        self._catalog_changed()

    def remove_sku(self, sku_id: str) -> None:
        with self.writing() as db:
            db.execute("DELETE FROM skus WHERE sku_id = ?", (sku_id,))
            db.execute("DELETE FROM stock WHERE sku_id = ?", (sku_id,))
        self._catalog_changed()

    def sku(self, sku_id: str) -> sqlite3.Row | None:
        with self.reading() as db:
            row: sqlite3.Row | None = db.execute(
                "SELECT * FROM skus WHERE sku_id = ?", (sku_id,)
            ).fetchone()
            return row

    # --- stock -------------------------------------------------------------------------------

    def stock_rows(self, sku_id: str) -> list[tuple[str, int, int]]:
        """(whcode, total, occupied) per warehouse of a SKU."""
        with self.reading() as db:
            totals = db.execute(
                "SELECT whcode, total FROM stock WHERE sku_id = ? ORDER BY whcode", (sku_id,)
            ).fetchall()
            held = dict(
                db.execute(
                    "SELECT o.whcode, sum(l.quantity) FROM order_lines l JOIN orders o"
                    " ON o.order_id = l.order_id WHERE l.sku_id = ? AND o.status IN (?, ?, ?)"
                    " GROUP BY o.whcode",
                    (sku_id, *HOLDING_STATUSES),
                ).fetchall()
            )
            return [(r["whcode"], r["total"], int(held.get(r["whcode"], 0))) for r in totals]

    def set_stock(self, sku_id: str, whcode: str, total: int) -> None:
        with self.writing() as db:
            db.execute(
                "INSERT INTO stock VALUES (?, ?, ?) ON CONFLICT (sku_id, whcode)"
                " DO UPDATE SET total = excluded.total",
                (sku_id, whcode, total),
            )

    def add_stock(self, sku_id: str, whcode: str, delta: int) -> int | None:
        """Add a delta; None (and nothing changed) when the total would go below zero."""
        with self.writing() as db:
            row = db.execute(
                "SELECT total FROM stock WHERE sku_id = ? AND whcode = ?", (sku_id, whcode)
            ).fetchone()
            new_total = (row["total"] if row else 0) + delta
            if new_total < 0:
                return None
            db.execute(
                "INSERT INTO stock VALUES (?, ?, ?) ON CONFLICT (sku_id, whcode)"
                " DO UPDATE SET total = excluded.total",
                (sku_id, whcode, new_total),
            )
            return new_total

    # --- orders ------------------------------------------------------------------------------

    def generate_orders(
        self, count: int, warehouse_code: str, *, pickup_share: float = 0.5,
        other_warehouse_share: float = 0.0, status: int = api.STATUS_AWAITING_SHIPMENT,
    ) -> list[str]:  # fmt: skip
        """New paid orders for the store's warehouse: pickups and ship-from-store parcels."""
        rng = self._rng
        ids: list[str] = []
        with self.writing() as db:
            n_skus = int(db.execute("SELECT count(*) FROM skus").fetchone()[0])
            if n_skus == 0:
                return ids
            now = self.now_ms()
            for _ in range(count):
                order_id = "P" + red_id("order", now, rng.random())[:17]
                whcode = (
                    CENTRAL_WAREHOUSE if rng.random() < other_warehouse_share else warehouse_code
                )
                mode = (
                    api.DELIVERY_MODE_PICKUP
                    if rng.random() < pickup_share
                    else api.DELIVERY_MODE_EXPRESS
                )
                total = 0
                for line_no in range(rng.randint(1, 3)):
                    sku = db.execute(
                        "SELECT sku_id, price FROM skus LIMIT 1 OFFSET ?", (rng.randrange(n_skus),)
                    ).fetchone()
                    qty = rng.randint(1, 2)
                    total += qty * sku["price"]
                    db.execute(
                        "INSERT INTO order_lines VALUES (?, ?, ?, ?, ?)",
                        (order_id, line_no, sku["sku_id"], qty, sku["price"]),
                    )
                name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
                phone = f"13{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"
                address = f"上海市静安区{rng.choice(_STREETS)}{rng.randint(1, 999)}号"
                db.execute(
                    "INSERT INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)",
                    (order_id, whcode, status, mode, now, now, red_id("addr", order_id),
                     name, phone, address, total),
                )  # fmt: skip
                ids.append(order_id)
        return ids

    def set_order_status(self, order_id: str, status: int) -> None:
        with self.writing() as db:
            db.execute(
                "UPDATE orders SET status = ?, update_ms = ? WHERE order_id = ?",
                (status, self.now_ms(), order_id),
            )

    def orders_in_window(
        self, column: str, start_ms: int, end_ms: int, status: int | None,
        page_no: int, page_size: int,
    ) -> tuple[list[sqlite3.Row], int]:  # fmt: skip
        assert column in ("created_ms", "update_ms")
        where = f"{column} BETWEEN ? AND ?" + (" AND status = ?" if status else "")
        params: tuple[object, ...] = (start_ms, end_ms, *((status,) if status else ()))
        with self.reading() as db:
            total = int(
                db.execute(f"SELECT count(*) FROM orders WHERE {where}", params).fetchone()[0]
            )
            rows = db.execute(
                f"SELECT * FROM orders WHERE {where} ORDER BY {column}, order_id LIMIT ? OFFSET ?",
                (*params, page_size, (page_no - 1) * page_size),
            ).fetchall()
            return rows, total

    def order(self, order_id: str) -> tuple[sqlite3.Row, list[sqlite3.Row]] | None:
        with self.reading() as db:
            row = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
            if row is None:
                return None
            lines = db.execute(
                "SELECT l.*, s.title, s.barcode, s.erp_code FROM order_lines l"
                " LEFT JOIN skus s ON s.sku_id = l.sku_id WHERE l.order_id = ? ORDER BY line_no",
                (order_id,),
            ).fetchall()
            return row, lines

    def deliver(self, order_id: str, express_no: str, company_code: str) -> int:
        """Mark an order shipped; returns 0, or the error code when it cannot be."""
        with self.writing() as db:
            row = db.execute("SELECT status FROM orders WHERE order_id = ?", (order_id,)).fetchone()
            if row is None:
                return api.ERR_ORDER_NOT_FOUND
            db.execute("INSERT OR IGNORE INTO deliveries (order_id) VALUES (?)", (order_id,))
            if row["status"] in api.SHIPPED_STATUSES:
                db.execute(
                    "UPDATE deliveries SET refused = refused + 1 WHERE order_id = ?", (order_id,)
                )
                return api.ERR_ORDER_ALREADY_SHIPPED
            if row["status"] not in (api.STATUS_AWAITING_SHIPMENT, api.STATUS_PARTLY_SHIPPED):
                db.execute(
                    "UPDATE deliveries SET refused = refused + 1 WHERE order_id = ?", (order_id,)
                )
                return api.ERR_ORDER_NOT_DELIVERABLE
            db.execute(
                "UPDATE orders SET status = ?, update_ms = ?, express_no = ?,"
                " express_company_code = ? WHERE order_id = ?",
                (api.STATUS_AWAITING_RECEIPT, self.now_ms(), express_no, company_code, order_id),
            )
            db.execute(
                "UPDATE deliveries SET accepted = accepted + 1, express_no = ?, company_code = ?"
                " WHERE order_id = ?",
                (express_no, company_code, order_id),
            )
            return 0

    # --- OAuth -------------------------------------------------------------------------------

    def new_auth_code(self) -> str:
        code = red_id("code", self.now_ms(), self._rng.random())
        with self.writing() as db:
            db.execute(
                "INSERT INTO auth_codes VALUES (?, ?, 0)",
                (code, self.now_ms() + api.CODE_LIFETIME_S * 1000),
            )
        return code

    def use_auth_code(self, code: str) -> bool:
        with self.writing() as db:
            row = db.execute(
                "SELECT expires_ms, used FROM auth_codes WHERE code = ?", (code,)
            ).fetchone()
            if row is None or row["used"] or row["expires_ms"] < self.now_ms():
                return False
            db.execute("UPDATE auth_codes SET used = 1 WHERE code = ?", (code,))
            return True

    def issue_tokens(self) -> sqlite3.Row:
        now = self.now_ms()
        access = red_id("access", now, self._rng.random()) + red_id("a", self._rng.random())
        refresh = red_id("refresh", now, self._rng.random()) + red_id("r", self._rng.random())
        with self.writing() as db:
            db.execute(
                "INSERT INTO tokens VALUES (?, ?, ?, ?)",
                (access, refresh, now + api.ACCESS_TOKEN_LIFETIME_S * 1000,
                 now + api.REFRESH_TOKEN_LIFETIME_S * 1000),
            )  # fmt: skip
            row: sqlite3.Row = db.execute(
                "SELECT * FROM tokens WHERE access_token = ?", (access,)
            ).fetchone()
            return row

    def refresh_tokens(self, refresh_token: str) -> sqlite3.Row | None:
        """The refresh rules: same tokens with more than 30 minutes left, else new ones."""
        now = self.now_ms()
        with self.writing() as db:
            row: sqlite3.Row | None = db.execute(
                "SELECT * FROM tokens WHERE refresh_token = ?", (refresh_token,)
            ).fetchone()
            if row is None or row["refresh_expires_ms"] <= now:
                return None
            if row["access_expires_ms"] - now > api.REFRESH_SAME_TOKENS_ABOVE_S * 1000:
                return row
            grace_end = min(row["access_expires_ms"], now + api.OLD_ACCESS_TOKEN_GRACE_S * 1000)
            db.execute(
                "UPDATE tokens SET access_expires_ms = ?, refresh_expires_ms = ?"
                " WHERE access_token = ?",
                (grace_end, now, row["access_token"]),
            )
        return self.issue_tokens()

    def access_token_valid(self, access_token: str) -> bool:
        with self.reading() as db:
            row = db.execute(
                "SELECT access_expires_ms FROM tokens WHERE access_token = ?", (access_token,)
            ).fetchone()
            return row is not None and row["access_expires_ms"] > self.now_ms()

    # --- inspection --------------------------------------------------------------------------

    def count_call(self, method: str) -> None:
        with self.writing() as db:
            db.execute(
                "INSERT INTO calls VALUES (?, 1) ON CONFLICT (method)"
                " DO UPDATE SET received = received + 1",
                (method,),
            )

    def snapshot(self, whcode: str | None = None) -> dict[str, Any]:
        """Stock per SKU per warehouse, deliveries per order, calls per method, order statuses."""
        with self.reading() as db:
            stock: dict[str, dict[str, int]] = {}
            query = "SELECT sku_id, whcode, total FROM stock"
            params: tuple[str, ...] = ()
            if whcode:
                query += " WHERE whcode = ?"
                params = (whcode,)
            for sku_id, code, total in db.execute(query, params):
                stock.setdefault(sku_id, {})[code] = total
            deliveries = {
                r["order_id"]: {
                    "count": r["accepted"],
                    "refused": r["refused"],
                    "expressNo": r["express_no"],
                    "companyCode": r["company_code"],
                }
                for r in db.execute("SELECT * FROM deliveries")
            }
            calls = dict(db.execute("SELECT method, received FROM calls").fetchall())
            orders = dict(db.execute("SELECT order_id, status FROM orders").fetchall())
            return {"stock": stock, "deliveries": deliveries, "calls": calls, "orders": orders}
