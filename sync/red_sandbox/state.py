"""The sandbox platform's own state in SQLite: shop, catalog, stock, orders, after-sales, tokens.

One connection guarded by a lock; the HTTP server's threads take turns. Times are the platform's
clock (wall time plus an offset tests can move forward, kept in the state file), in ms. A state
file (``state_path``) survives a restart: the same shop, orders and tokens come back.
"""

from __future__ import annotations

import hashlib
import json
import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    item_id TEXT PRIMARY KEY, name TEXT NOT NULL, delivery_mode INTEGER NOT NULL,
    multi_warehouse INTEGER NOT NULL, create_time INTEGER NOT NULL, update_time INTEGER NOT NULL,
    brand_id INTEGER NOT NULL, category_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS skus (
    sku_id TEXT PRIMARY KEY, item_id TEXT NOT NULL, name TEXT NOT NULL, variants TEXT NOT NULL,
    price INTEGER NOT NULL, original_price INTEGER NOT NULL, barcode TEXT NOT NULL,
    erp_code TEXT NOT NULL, buyable INTEGER NOT NULL DEFAULT 1,
    stock_locked INTEGER NOT NULL DEFAULT 0, is_channel INTEGER NOT NULL DEFAULT 0,
    ipq INTEGER NOT NULL DEFAULT 1, union_items TEXT, create_time INTEGER NOT NULL,
    update_time INTEGER NOT NULL, variant_doc TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS skus_by_update ON skus (update_time, sku_id);
CREATE INDEX IF NOT EXISTS skus_by_barcode ON skus (barcode);
CREATE TABLE IF NOT EXISTS warehouses (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, zone_code TEXT NOT NULL, address TEXT NOT NULL,
    contact_name TEXT NOT NULL, contact_tel TEXT NOT NULL, created_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS coverage (
    whcode TEXT NOT NULL, area_code TEXT NOT NULL, PRIMARY KEY (whcode, area_code)
);
CREATE TABLE IF NOT EXISTS priority (
    area_code TEXT NOT NULL, rank INTEGER NOT NULL, whcode TEXT NOT NULL,
    PRIMARY KEY (area_code, rank)
);
CREATE TABLE IF NOT EXISTS stock (
    sku_id TEXT NOT NULL, whcode TEXT NOT NULL, total INTEGER NOT NULL,
    PRIMARY KEY (sku_id, whcode)
);
CREATE TABLE IF NOT EXISTS orders (
    order_id TEXT PRIMARY KEY, order_type INTEGER NOT NULL, status INTEGER NOT NULL,
    cancel_status INTEGER NOT NULL DEFAULT 0, after_sales_status INTEGER NOT NULL DEFAULT 1,
    whcode TEXT NOT NULL, created_ms INTEGER NOT NULL, paid_ms INTEGER NOT NULL,
    update_ms INTEGER NOT NULL, delivery_ms INTEGER NOT NULL DEFAULT 0,
    cancel_ms INTEGER NOT NULL DEFAULT 0, finish_ms INTEGER NOT NULL DEFAULT 0,
    promise_ms INTEGER NOT NULL, district_code TEXT NOT NULL, open_address_id TEXT NOT NULL,
    receiver_name TEXT NOT NULL, receiver_phone TEXT NOT NULL, receiver_address TEXT NOT NULL,
    shipping_fee INTEGER NOT NULL, original_order_id TEXT NOT NULL DEFAULT '',
    customer_remark TEXT NOT NULL DEFAULT '', tags TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS orders_by_created ON orders (created_ms);
CREATE INDEX IF NOT EXISTS orders_by_update ON orders (update_ms);
CREATE TABLE IF NOT EXISTS order_lines (
    order_id TEXT NOT NULL, line_no INTEGER NOT NULL, sku_id TEXT NOT NULL,
    quantity INTEGER NOT NULL, price INTEGER NOT NULL, merchant_discount INTEGER NOT NULL,
    red_discount INTEGER NOT NULL, delivery_mode INTEGER NOT NULL,
    after_sale_status INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (order_id, line_no)
);
CREATE INDEX IF NOT EXISTS order_lines_by_sku ON order_lines (sku_id);
CREATE TABLE IF NOT EXISTS parcels (
    order_id TEXT NOT NULL, idx INTEGER NOT NULL, status INTEGER NOT NULL,
    express_no TEXT NOT NULL DEFAULT '', company_code TEXT NOT NULL DEFAULT '',
    company_name TEXT NOT NULL DEFAULT '', sku_ids TEXT NOT NULL,
    delivered_ms INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (order_id, idx)
);
CREATE TABLE IF NOT EXISTS ciphertexts (
    cipher TEXT PRIMARY KEY, order_id TEXT NOT NULL, kind INTEGER NOT NULL,
    plaintext TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS deliveries (
    order_id TEXT PRIMARY KEY, accepted INTEGER NOT NULL DEFAULT 0,
    refused INTEGER NOT NULL DEFAULT 0, express_no TEXT, company_code TEXT
);
CREATE TABLE IF NOT EXISTS after_sales (
    returns_id TEXT PRIMARY KEY, order_id TEXT NOT NULL, return_type INTEGER NOT NULL,
    status INTEGER NOT NULL, reason_id INTEGER NOT NULL, reason_name TEXT NOT NULL,
    description TEXT NOT NULL, apply_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,
    expire_ms INTEGER NOT NULL, expected_refund_fen INTEGER NOT NULL,
    refund_fen INTEGER NOT NULL DEFAULT 0, refund_status INTEGER NOT NULL DEFAULT 101,
    refund_ms INTEGER NOT NULL DEFAULT 0, close_reason TEXT NOT NULL DEFAULT '',
    return_express_no TEXT NOT NULL DEFAULT '', return_company TEXT NOT NULL DEFAULT '',
    return_fill_ms INTEGER NOT NULL DEFAULT 0, exchange_express_no TEXT NOT NULL DEFAULT '',
    exchange_company TEXT NOT NULL DEFAULT '', exchange_fill_ms INTEGER NOT NULL DEFAULT 0,
    records TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS after_sales_by_apply ON after_sales (apply_ms);
CREATE INDEX IF NOT EXISTS after_sales_by_update ON after_sales (updated_ms);
CREATE TABLE IF NOT EXISTS after_sale_skus (
    returns_id TEXT NOT NULL, kind TEXT NOT NULL, sku_id TEXT NOT NULL,
    applied INTEGER NOT NULL, bought INTEGER NOT NULL, price INTEGER NOT NULL,
    PRIMARY KEY (returns_id, kind, sku_id)
);
CREATE TABLE IF NOT EXISTS auth_codes (
    code TEXT PRIMARY KEY, expires_ms INTEGER NOT NULL, access_token TEXT
);
CREATE TABLE IF NOT EXISTS tokens (
    access_token TEXT PRIMARY KEY, refresh_token TEXT NOT NULL UNIQUE,
    access_expires_ms INTEGER NOT NULL, refresh_expires_ms INTEGER NOT NULL,
    refresh_valid INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS calls (method TEXT PRIMARY KEY, received INTEGER NOT NULL);
"""


def red_id(*parts: object) -> str:
    """A stable 24-character lower-case hex id, the shape RED's item and SKU ids have."""
    return hashlib.sha256("/".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:24]


def put_meta(db: sqlite3.Connection, key: str, value: str) -> None:
    """Set a meta value inside an open transaction."""
    db.execute(
        "INSERT INTO meta VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = ?",
        (key, value, value),
    )


def get_meta(db: sqlite3.Connection, key: str, default: str = "") -> str:
    row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else default


class SandboxState:
    """The platform behind the sandbox server: one shop (seller) and one app."""

    def __init__(
        self, path: str = ":memory:", *, app_secret: str = "", seller_name: str = "REDHOME 演示店"
    ) -> None:
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.row_factory = sqlite3.Row
        self._db.executescript(SCHEMA)
        self._lock = threading.RLock()
        self.app_secret = app_secret
        self.seller_name = seller_name
        self.seller_id = red_id("seller", app_secret)
        self._rng = random.Random(7)
        self.clock_offset_s = float(self.meta("clock_offset_s", "0"))
        # Cursors of the catalog pages already served, to walk the next page by key.
        self.page_cache: dict[tuple[object, ...], tuple[int, str]] = {}
        self.count_cache: dict[tuple[object, ...], int] = {}
        self.content_types: dict[str, int] = {}

    # --- plumbing ------------------------------------------------------------------------------

    def now_ms(self) -> int:
        return int((time.time() + self.clock_offset_s) * 1000)

    def advance_clock(self, seconds: float) -> int:
        with self._lock:
            self.clock_offset_s += seconds
            self.set_meta("clock_offset_s", repr(self.clock_offset_s))
        return self.now_ms()

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

    def random(self) -> random.Random:
        return self._rng

    def meta(self, key: str, default: str = "") -> str:
        with self.reading() as db:
            return get_meta(db, key, default)

    def set_meta(self, key: str, value: str) -> None:
        with self.writing() as db:
            put_meta(db, key, value)

    def catalog_changed(self) -> None:
        self.page_cache.clear()
        self.count_cache.clear()

    def new_id(self, prefix: str, digits: int) -> str:
        """A fresh numeric id like the platform's order (P…) and after-sale (R…) numbers."""
        with self._lock:
            return prefix + "".join(str(self._rng.randrange(10)) for _ in range(digits))

    # --- inspection ----------------------------------------------------------------------------

    def count_call(self, method: str, content_type: str) -> None:
        with self.writing() as db:
            db.execute(
                "INSERT INTO calls VALUES (?, 1) ON CONFLICT (method)"
                " DO UPDATE SET received = received + 1",
                (method,),
            )
            self.content_types[content_type] = self.content_types.get(content_type, 0) + 1

    def sku_count(self) -> int:
        with self.reading() as db:
            return int(db.execute("SELECT count(*) FROM skus").fetchone()[0])

    def snapshot(self, whcode: str | None = None) -> dict[str, Any]:
        """Stock per SKU per warehouse, orders, parcels, after-sales, calls and decrypt use."""
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
            orders = {
                r["order_id"]: {
                    "orderStatus": r["status"],
                    "cancelStatus": r["cancel_status"],
                    "orderAfterSalesStatus": r["after_sales_status"],
                    "whcode": r["whcode"],
                    "orderType": r["order_type"],
                }
                for r in db.execute("SELECT * FROM orders")
            }
            parcels: dict[str, list[dict[str, Any]]] = {}
            for r in db.execute("SELECT * FROM parcels ORDER BY order_id, idx"):
                parcels.setdefault(r["order_id"], []).append(
                    {
                        "deliveryOrderIndex": r["idx"],
                        "status": r["status"],
                        "expressNo": r["express_no"],
                        "companyCode": r["company_code"],
                        "skuIdList": json.loads(r["sku_ids"]),
                    }
                )
            after_sales = {
                r["returns_id"]: {
                    "orderId": r["order_id"],
                    "returnType": r["return_type"],
                    "status": r["status"],
                    "refundStatus": r["refund_status"],
                }
                for r in db.execute("SELECT * FROM after_sales")
            }
            warehouses = [r["code"] for r in db.execute("SELECT code FROM warehouses ORDER BY 1")]
            calls = dict(db.execute("SELECT method, received FROM calls").fetchall())
        return {
            "stock": stock,
            "deliveries": deliveries,
            "orders": orders,
            "parcels": parcels,
            "after_sales": after_sales,
            "warehouses": warehouses,
            "calls": calls,
            "content_types": dict(self.content_types),
            "decrypt": {
                "quota": int(self.meta("decrypt_quota", "-1")),
                "used": int(self.meta("decrypt_used", "0")),
                "failing": self.meta("decrypt_failing", "0") == "1",
            },
            "now_ms": self.now_ms(),
        }
