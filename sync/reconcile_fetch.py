"""Reading the online figures a reconciliation compares: the online catalog and the stock of
SKUs in the store's warehouse.

A run compares the store with the mirror of the online catalog kept in the online SKUs table
(``fetch_mirrored_figures``): it first reads only what changed online since its last read (by
update time, with an overlap), then reads stock, one SKU per call as the platform answers it,
only for SKUs whose stock moved here since the last run or that changed online. ``full=True``
reads the whole catalog and every SKU's stock again (SKUs gone online drop out of the mirror
then). ``fetch_online_figures`` reads the whole catalog straight from the online store.

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
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from redhome_pos.config import Config
from redhome_pos.domain.reconciliation import OnlineSkuFigures
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.sync import OnlineSkuRow
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.catalog_apply import mirror_values
from sync.connector import CatalogCursor, OnlineSku, OnlineStore
from sync.errors import SyncError
from sync.page_reader import PageReader

MIRROR = "reconcile"  # the cursor of the reconciliation's own reads of the online catalog
MIRROR_OVERLAP = timedelta(minutes=5)  # read again before the last read's end (clock skew)
PAGES_PER_WRITE = 20  # catalog pages written to the mirror per transaction
CHUNK = 900  # keys per IN (...) list

FetchProgress = Callable[[str, int, int], None]


@dataclass
class OnlineFigures:
    """What was read, and how long each part took (seconds)."""

    skus: list[OnlineSkuFigures] = field(default_factory=list)
    catalog_s: float = 0.0
    stock_s: float = 0.0
    catalog_calls: int = 0
    stock_skus: int = 0  # SKUs whose stock was read
    full: bool = True  # the whole catalog was read (not only what changed since the last read)
    changed_online: int = 0  # SKUs new or changed online since the mirror's last read
    mirror_read_s: float = 0.0  # reading the mirror from the store database


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

    figures = {sku_id: _figures(item) for sku_id, item in items.items()}
    _with_stock(store, result, figures, stock_of, stock_batch, progress)
    return result


def _with_stock(
    store: OnlineStore,
    result: OnlineFigures,
    figures: dict[str, OnlineSkuFigures],
    stock_of: Collection[str] | None,
    stock_batch: int,
    progress: FetchProgress | None,
) -> None:
    """``result.skus``: ``figures``, with the warehouse stock read for ``stock_of`` (all: None)."""
    started = time.perf_counter()
    ids = sorted(figures if stock_of is None else set(figures) & set(stock_of))
    result.skus = [figures[sku_id] for sku_id in sorted(set(figures) - set(ids))]
    for start in range(0, len(ids), stock_batch):
        batch = ids[start : start + stock_batch]
        stock = store.get_stock(batch)
        result.stock_skus += len(batch)
        for sku_id in batch:
            found = stock.get(sku_id)
            if found is None:
                result.skus.append(figures[sku_id])
            else:
                result.skus.append(
                    figures[sku_id]._replace(
                        total=found.total, available=found.available, occupied=found.occupied
                    )
                )
        if progress is not None:
            progress("stock", min(start + stock_batch, len(ids)), len(ids))
    result.stock_s = time.perf_counter() - started


def fetch_mirrored_figures(
    database: Database,
    store: OnlineStore,
    *,
    moved: Collection[str] | None,
    full: bool = False,
    now: datetime | None = None,
    page_size: int = 100,
    stock_batch: int = 100,
    progress: FetchProgress | None = None,
) -> OnlineFigures:
    """The online catalog as the mirror holds it once brought up to date, with stock read for
    ``moved`` (online SKU ids; None: every SKU) and for the SKUs that changed online.

    The first read, and a ``full`` one, read the whole catalog (else only what changed since
    the last read).
    """
    now = now or datetime.now(UTC)
    with database.reading() as session:
        cursor = SyncRepository(session).cursor(MIRROR)
    last_full = _time(cursor.state.get("last_full"))
    full = full or cursor.position is None or last_full is None
    result = OnlineFigures(full=full)
    started = time.perf_counter()
    first = CatalogCursor(
        updated_to=now,
        updated_from=None if full or cursor.position is None else cursor.position - MIRROR_OVERLAP,
        page_size=page_size,
    )
    changed = _refresh_mirror(database, store, first, now, result, progress)
    last_full = now if full else last_full
    assert last_full is not None
    with database.unit_of_work() as uow:
        SyncRepository(uow.session).move_cursor(MIRROR, now, {"last_full": last_full.isoformat()})
        uow.commit()
    result.catalog_s = time.perf_counter() - started
    result.changed_online = len(changed)
    started = time.perf_counter()
    figures = _read_mirror(database, since=last_full)
    result.mirror_read_s = time.perf_counter() - started
    stock_of = None if moved is None else set(moved) | changed
    _with_stock(store, result, figures, stock_of, stock_batch, progress)
    return result


def _time(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def _refresh_mirror(
    database: Database,
    store: OnlineStore,
    first: CatalogCursor,
    now: datetime,
    result: OnlineFigures,
    progress: FetchProgress | None,
) -> set[str]:
    """Read the window's pages (ahead, in a thread) into the mirror; the SKUs new or changed."""
    changed: set[str] = set()
    read = 0
    with PageReader(store, first, ahead=2 * PAGES_PER_WRITE) as reader:
        last = False
        while not last:
            items: list[OnlineSku] = []
            for _ in range(PAGES_PER_WRITE):
                page = reader.next_page()
                result.catalog_calls += 1
                items += page.items
                read += len(page.items)
                if progress is not None:
                    progress("catalog", read, page.total)
                if page.next_cursor is None:
                    last = True
                    break
            with database.unit_of_work() as uow:
                changed |= _write_mirror(uow.session, items, now)
                uow.commit()
    return changed


_MIRROR_TABLE = cast(Table, OnlineSkuRow.__table__)

_FIGURES = (
    OnlineSkuRow.red_sku_id,
    OnlineSkuRow.title,
    OnlineSkuRow.price_fen,
    OnlineSkuRow.original_price_fen,
    OnlineSkuRow.buyable,
    OnlineSkuRow.barcodes,
    OnlineSkuRow.erp_code,
)


def _write_mirror(session: Session, items: list[OnlineSku], now: datetime) -> set[str]:
    """Upsert ``items`` into the mirror in bulk statements; the ids of those new or changed."""
    items = list({item.sku_id: item for item in items}.values())
    connection = session.connection()
    keys = [item.sku_id for item in items]
    known: dict[str, tuple[Any, ...]] = {}
    linked: dict[str, int] = {}
    for start in range(0, len(keys), CHUNK):
        chunk = keys[start : start + CHUNK]
        for row in connection.execute(select(*_FIGURES).where(OnlineSkuRow.red_sku_id.in_(chunk))):
            known[row[0]] = tuple(row)
        unknown = [key for key in chunk if key not in known]
        if unknown:
            found = select(SkuRow.red_sku_id, SkuRow.id).where(SkuRow.red_sku_id.in_(unknown))
            linked.update((str(red), sku_id) for red, sku_id in connection.execute(found))
    changed: set[str] = set()
    updates: list[dict[str, Any]] = []
    fresh: list[dict[str, Any]] = []
    for item in items:
        values = mirror_values(item, now)
        old = known.get(item.sku_id)
        if old is None:
            changed.add(item.sku_id)
            fresh.append(
                values
                | {"red_sku_id": item.sku_id, "sku_id": linked.get(item.sku_id),
                   "red_item_id": item.item_id, "last_seen_at": now, "changed_at": None,
                   "gone_at": None}
            )  # fmt: skip
            continue
        if old[1:] != _mirrored(item):
            changed.add(item.sku_id)
        updates.append(
            {f"v_{name}": value for name, value in values.items()} | {"key": item.sku_id}
        )
    if updates:
        statement = (
            update(_MIRROR_TABLE)
            .where(_MIRROR_TABLE.c.red_sku_id == bindparam("key"))
            .values(
                {
                    name: bindparam(f"v_{name}", type_=_MIRROR_TABLE.c[name].type)
                    for name in mirror_values(items[0], now)
                }
            )
        )
        connection.execute(statement, updates)
    if fresh:
        connection.execute(insert(_MIRROR_TABLE), fresh)
    return changed


def _mirrored(item: OnlineSku) -> tuple[Any, ...]:
    """The figures the mirror keeps, in ``_FIGURES`` order after the id."""
    return (
        item.title[:200],
        item.price_fen,
        item.original_price_fen,
        item.buyable,
        list(item.barcodes),
        item.erp_code[:64],
    )


def _read_mirror(database: Database, *, since: datetime) -> dict[str, OnlineSkuFigures]:
    """Every online SKU the mirror holds as read at or after ``since`` (the last full read)
    and not found gone by a later catalog pull."""
    with database.reading() as session:
        rows = session.connection().execute(
            select(*_FIGURES).where(
                OnlineSkuRow.mirrored_at >= since,
                OnlineSkuRow.price_fen.is_not(None),
                or_(
                    OnlineSkuRow.gone_at.is_(None), OnlineSkuRow.gone_at < OnlineSkuRow.mirrored_at
                ),
            )
        )
        return {
            red: OnlineSkuFigures(
                red, title, price or 0, original or 0, bool(buyable), tuple(codes or ()), erp_code
            )
            for red, title, price, original, buyable, codes, erp_code in rows
        }


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
