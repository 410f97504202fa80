"""What the sync engine needs to know about the store, and how often it does what."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

# Stream names: the keys of cursors, status and the sync log.
CATALOG = "catalog"
ORDERS = "orders"
AFTER_SALES = "after_sales"
STOCK = "stock"
DELIVERIES = "deliveries"
CONNECTION = "connection"
OPENING = "opening"
STREAMS = (CATALOG, ORDERS, AFTER_SALES, DELIVERIES, STOCK)

# Outbox topics the engine sends.
STOCK_TOPIC = "stock"
DELIVERY_TOPIC = "delivery"


@dataclass(frozen=True, slots=True)
class SyncSettings:
    """The store's side of the sync (from the configuration) and the engine's rhythm."""

    warehouse_code: str
    terminal_id: str
    store_kind: str = "red"
    # The store's time zone: expiry dates are store dates (an expired lot is not sellable
    # online from the store's next day).
    timezone: str = "Asia/Shanghai"
    # The catalog is read again a little before where the last read ended, so an SKU updated
    # while a page was read (or with a clock a little off) is not missed.
    catalog_overlap: timedelta = timedelta(minutes=5)
    # A full read (no time filter) finds SKUs that are gone online; done this often.
    catalog_full_every: timedelta = timedelta(hours=24)
    catalog_every: timedelta = timedelta(minutes=15)
    catalog_page_size: int = 100
    catalog_pages_per_commit: int = 10
    order_overlap: timedelta = timedelta(minutes=2)
    order_backfill: timedelta = timedelta(days=2)
    # The platform asks merchants to poll orders no more often than every 5 minutes.
    orders_every: timedelta = timedelta(minutes=5)
    order_page_size: int = 100
    stock_every: timedelta = timedelta(seconds=10)
    stock_batch: int = 100
    deliveries_every: timedelta = timedelta(seconds=10)
    # A delivery the online store refused (wrong status, unknown order) waits this long.
    refused_delivery_wait: timedelta = timedelta(minutes=5)
    # One terminal of a store runs the engine; its lease runs out this long after a crash.
    lease_ttl: timedelta = timedelta(minutes=2)
    idle_wait_s: float = 2.0
    # A refused stock push for one SKU is tried this many times, then left to reconciliation.
    stock_push_tries: int = 3
