"""Reading the online figures a reconciliation compares: the whole online catalog and the
stock of each SKU in the store's warehouse.

This is the sync side of a reconciliation run: it talks to the online store through the
``OnlineStore`` interface and hands plain ``OnlineSkuFigures`` to
``redhome_pos.services.reconciliation``, which never imports ``sync``. Call it off the GUI
thread; ``progress(step, done, total)`` reports each page and stock batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime

from redhome_pos.config import Config
from redhome_pos.domain.reconciliation import OnlineSkuFigures
from redhome_pos.persistence.database import Database
from sync.connector import CatalogCursor, OnlineSku, OnlineStore
from sync.errors import SyncError

FetchProgress = Callable[[str, int, int], None]


@dataclass
class OnlineFigures:
    """What was read, and how long each part took (seconds)."""

    skus: list[OnlineSkuFigures] = field(default_factory=list)
    catalog_s: float = 0.0
    stock_s: float = 0.0
    catalog_calls: int = 0
    stock_skus: int = 0  # SKUs whose stock was read


def _figures(item: OnlineSku) -> OnlineSkuFigures:
    return OnlineSkuFigures(
        red_sku_id=item.sku_id,
        title=item.title,
        price_fen=item.price_fen,
        original_price_fen=item.original_price_fen,
        buyable=item.buyable,
        barcodes=tuple(item.barcodes),
        erp_code=item.erp_code,
    )


def fetch_online_figures(
    store: OnlineStore,
    *,
    now: datetime | None = None,
    page_size: int = 100,
    stock_batch: int = 100,
    stock_of: Collection[str] | None = None,
    progress: FetchProgress | None = None,
) -> OnlineFigures:
    """Every SKU the online store lists, with its stock in the store's warehouse.

    The online store answers stock one SKU per call, so a store of many SKUs may read stock
    only for some (``stock_of``: online SKU ids, e.g. those that moved since the last run);
    the others are compared on catalog figures alone.
    """
    result = OnlineFigures()
    started = time.perf_counter()
    cursor: CatalogCursor | None = CatalogCursor(
        updated_to=now or datetime.now(UTC), page_size=page_size
    )
    items: dict[str, OnlineSku] = {}
    while cursor is not None:
        page = store.catalog_page(cursor)
        result.catalog_calls += 1
        for item in page.items:
            items[item.sku_id] = item
        if progress is not None:
            progress("catalog", len(items), page.total)
        cursor = page.next_cursor
    result.catalog_s = time.perf_counter() - started

    started = time.perf_counter()
    ids = sorted(items if stock_of is None else set(items) & set(stock_of))
    result.skus = [_figures(items[sku_id]) for sku_id in sorted(set(items) - set(ids))]
    for start in range(0, len(ids), stock_batch):
        batch = ids[start : start + stock_batch]
        stock = store.get_stock(batch)
        result.stock_skus += len(batch)
        for sku_id in batch:
            figures = _figures(items[sku_id])
            found = stock.get(sku_id)
            if found is not None:
                figures = OnlineSkuFigures(
                    figures.red_sku_id, figures.title, figures.price_fen,
                    figures.original_price_fen, figures.buyable, figures.barcodes,
                    figures.erp_code, found.total, found.available, found.occupied,
                )  # fmt: skip
            result.skus.append(figures)
        if progress is not None:
            progress("stock", min(start + stock_batch, len(ids)), len(ids))
    result.stock_s = time.perf_counter() - started
    return result


@contextmanager
def configured_store(config: Config, database: Database) -> Iterator[OnlineStore]:
    """The configured online store's connector (its connection closed when the block ends)."""
    from sync.red.setup import red_client, red_online_store
    from sync.token_store import DatabaseTokenStore

    online = config.online_store
    if online.kind != "red":
        raise SyncError(detail=f"unknown kind of online store: {online.kind}")
    with red_client(online) as client:
        yield red_online_store(online, client, DatabaseTokenStore(database, online.kind))
