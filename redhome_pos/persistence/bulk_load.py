"""Loading a large catalog fast: products, SKUs, barcodes and opening stock in big batches.

Used to build the demo store (200,000 SKUs in well under a minute) and for large catalog
imports into an empty store. Rows go in with Core ``executemany`` inserts, a few thousand
products per transaction; ids are given here so no row has to be read back. Opening stock is
written as ``opening`` movements with their cached levels, so the ledger and the levels agree.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import parse_barcode
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.errors import CatalogError
from redhome_pos.domain.stock import MovementKind
from redhome_pos.persistence import search_index
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.dialect import sqlite_path
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.search import SearchTermRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow


@dataclass(frozen=True, slots=True)
class NewProduct:
    """A product to load with its SKUs and each SKU's opening stock.

    With ``existing_id`` the product is already in the store and only its new SKUs are
    added; its search terms are then the caller's to rewrite (``search_index``)."""

    product: Product
    skus: Sequence[tuple[Sku, int]]
    existing_id: int | None = None


@dataclass(frozen=True, slots=True)
class LoadResult:
    products: int
    skus: int
    barcodes: int
    search_terms: int


_COLUMNS: dict[str, tuple[str, ...]] = {
    "products": (
        "id",
        "title_zh",
        "title_en",
        "brand",
        "category",
        "vat_rate_bp",
        "red_item_id",
        "created_at",
        "updated_at",
    ),
    "skus": (
        "id",
        "product_id",
        "code",
        "variant",
        "price_fen",
        "original_price_fen",
        "red_sku_id",
        "active",
        "location",
        "created_at",
        "updated_at",
    ),
    "barcodes": ("code", "sku_id", "symbology"),
    "stock_levels": ("sku_id", "on_hand", "updated_at"),
    "stock_movements": (
        "id",
        "sku_id",
        "kind",
        "quantity",
        "reason",
        "staff_id",
        "terminal_id",
        "reference",
        "created_at",
    ),
    "search_terms": ("rank", "term", "product_id", "sku_count"),
}
_TABLES = (ProductRow, SkuRow, BarcodeRow, StockLevelRow, StockMovementRow, SearchTermRow)


class _Batch:
    """The rows of one transaction as tuples in ``_COLUMNS`` order, values already in the
    form the driver takes (each column type's bind processing applied)."""

    def __init__(self, connection: Connection, now: datetime) -> None:
        dialect = connection.dialect
        self.rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in _COLUMNS}
        skus = SkuRow.__table__.c
        stamp = skus.created_at.type.dialect_impl(dialect).bind_processor(dialect)
        self.now = stamp(now) if stamp else now
        self.json = skus.variant.type.dialect_impl(dialect).bind_processor(dialect)
        self.boolean = skus.active.type.dialect_impl(dialect).bind_processor(dialect)

    def variant(self, value: dict[str, str]) -> Any:
        return self.json(value) if self.json else value

    def flag(self, value: bool) -> Any:
        return self.boolean(value) if self.boolean else value


def _next_id(session: Session, column: Any) -> int:
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1


def load_catalog(
    database: Database,
    products: Iterable[NewProduct],
    *,
    terminal_id: str,
    reason: str = "opening stock",
    batch_products: int = 5000,
) -> LoadResult:
    """Add new products with their SKUs, barcodes, opening stock and search terms.

    Each batch is one transaction; a batch that breaks a rule (a SKU code or barcode already
    taken) raises ``CatalogError`` and leaves earlier batches in place.
    """
    totals = [0, 0, 0, 0]
    batch: list[NewProduct] = []
    try:
        for new in products:
            batch.append(new)
            if len(batch) >= batch_products:
                _write(database, batch, terminal_id, reason, totals)
                batch = []
        if batch:
            _write(database, batch, terminal_id, reason, totals)
    finally:
        # Close the pooled connections so the large page cache of the load is given back
        # (not for an in-memory database, which would go with its connection).
        if sqlite_path(database.url) is not None:
            database.engine.dispose()
    return LoadResult(*totals)


def _write(
    database: Database,
    news: list[NewProduct],
    terminal_id: str,
    reason: str,
    totals: list[int],
) -> None:
    with database.unit_of_work() as uow:
        _large_cache(uow.session.connection())
        written = write_batch(uow.session, news, terminal_id=terminal_id, reason=reason)
        uow.commit()
    totals[0] += written.products
    totals[1] += written.skus
    totals[2] += written.barcodes
    totals[3] += written.search_terms


def write_batch(
    session: Session,
    news: Sequence[NewProduct],
    *,
    terminal_id: str,
    reason: str = "opening stock",
) -> LoadResult:
    """Insert one batch on the caller's session (the caller commits); returns the counts.

    Refuses (``CatalogError``, nothing written) a SKU code or barcode already in the store.
    """
    connection = session.connection()
    product_id = _next_id(session, ProductRow.id)
    sku_id = _next_id(session, SkuRow.id)
    batch = _Batch(connection, utcnow())
    for new in news:
        if new.existing_id is None:
            _add_product(batch, new, product_id, sku_id, terminal_id, reason)
            product_id += 1
        else:
            _add_skus(batch, new, new.existing_id, sku_id, terminal_id, reason)
        sku_id += len(new.skus)
    _refuse_taken(session, batch)
    # In key order the index pages fill one after another instead of at random.
    batch.rows["search_terms"].sort()
    for model in _TABLES:
        name = model.__tablename__
        _insert_many(connection, name, _COLUMNS[name], batch.rows[name])
    _advance_id_sequences(connection)
    return LoadResult(
        *(len(batch.rows[name]) for name in ("products", "skus", "barcodes", "search_terms"))
    )


def _insert_many(
    connection: Connection, table: str, columns: tuple[str, ...], rows: list[tuple[Any, ...]]
) -> None:
    """``executemany`` straight on the driver: the ORM's and Core's per-row bookkeeping
    would cost more than the database work itself."""
    if not rows:
        return
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    marks = ", ".join(_placeholder(dialect.paramstyle, i) for i in range(len(columns)))
    names = ", ".join(quote(name) for name in columns)
    connection.exec_driver_sql(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)


def large_cache(connection: Connection) -> None:
    """Give this connection a large page cache for a big write (a full catalog pull)."""
    _large_cache(connection)


def _large_cache(connection: Connection) -> None:
    """SQLite: let this connection cache 256 MB of pages while loading (its default of 2 MB
    makes every insert into the growing search index read pages back from disk). The setting
    belongs to the connection only; the pool's other connections keep their default."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA cache_size = -{256 * 1024}")


def _advance_id_sequences(connection: Connection) -> None:
    """PostgreSQL: ids given explicitly do not move the tables' id sequences; move them past
    the loaded rows so the next row added one by one gets a free id. (SQLite needs nothing.)"""
    if connection.dialect.name != "postgresql":
        return
    for table in ("products", "skus"):
        connection.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"(SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
        )


def _placeholder(paramstyle: str, index: int) -> str:
    if paramstyle == "qmark":
        return "?"
    if paramstyle in ("format", "pyformat"):
        return "%s"
    if paramstyle == "numeric":
        return f":{index + 1}"
    raise NotImplementedError(f"bulk loading with the {paramstyle} parameter style")


def _add_product(
    batch: _Batch,
    new: NewProduct,
    product_id: int,
    first_sku_id: int,
    terminal_id: str,
    reason: str,
) -> None:
    p = new.product
    if not p.title_zh.strip():
        raise CatalogError("A product needs a Chinese title")
    rows, now = batch.rows, batch.now
    rows["products"].append(
        (
            product_id,
            p.title_zh,
            p.title_en,
            p.brand,
            p.category,
            p.vat_rate_bp,
            p.red_item_id,
            now,
            now,
        )
    )
    any_active = _add_skus(batch, new, product_id, first_sku_id, terminal_id, reason)
    if not new.skus:
        return
    penalty = 0 if any_active else search_index.INACTIVE
    terms = search_index.product_terms(
        p.title_zh,
        p.title_en,
        p.brand,
        p.category,
        variants=search_index.variant_values(sku.variant for sku, _ in new.skus),
    )
    count = len(new.skus)
    rows["search_terms"].extend(
        (rank + penalty, term, product_id, count) for term, rank in terms.items()
    )


def _add_skus(
    batch: _Batch,
    new: NewProduct,
    product_id: int,
    first_sku_id: int,
    terminal_id: str,
    reason: str,
) -> bool:
    """Rows for the SKUs of ``new``; whether any of them is on sale."""
    rows, now = batch.rows, batch.now
    any_active = False
    for offset, (sku, opening) in enumerate(new.skus):
        sku_id = first_sku_id + offset
        any_active = any_active or sku.active
        if sku.price_fen < 0 or sku.original_price_fen < 0:
            raise CatalogError("A price cannot be negative (SKU {sku})", sku=sku.code)
        rows["skus"].append(
            (
                sku_id,
                product_id,
                sku.code,
                batch.variant(dict(sku.variant)),
                sku.price_fen,
                sku.original_price_fen,
                sku.red_sku_id,
                batch.flag(sku.active),
                sku.location,
                now,
                now,
            )
        )
        for text in sku.barcodes:
            barcode = parse_barcode(text)
            rows["barcodes"].append((barcode.code, sku_id, barcode.symbology.value))
        rows["stock_levels"].append((sku_id, opening, now))
        if opening:
            rows["stock_movements"].append(
                (
                    uuid.uuid4().hex,
                    sku_id,
                    MovementKind.OPENING.value,
                    opening,
                    reason,
                    None,
                    terminal_id,
                    "",
                    now,
                )
            )
    return any_active


def _refuse_taken(session: Session, batch: _Batch) -> None:
    """A clear error, before any insert, when a code of the batch is already in the store."""
    codes = [row[2] for row in batch.rows["skus"]]
    barcodes = [row[0] for row in batch.rows["barcodes"]]
    if len(set(codes)) != len(codes):
        raise CatalogError("A SKU code appears twice in the catalog being loaded")
    if len(set(barcodes)) != len(barcodes):
        raise CatalogError("A barcode appears twice in the catalog being loaded")
    for start in range(0, len(codes), 500):
        taken = session.scalar(
            select(SkuRow.code).where(SkuRow.code.in_(codes[start : start + 500])).limit(1)
        )
        if taken is not None:
            raise CatalogError("SKU code {sku} is already in the catalog", sku=taken)
    for start in range(0, len(barcodes), 500):
        taken = session.scalar(
            select(BarcodeRow.code)
            .where(BarcodeRow.code.in_(barcodes[start : start + 500]))
            .limit(1)
        )
        if taken is not None:
            raise CatalogError("Barcode {code} is already in the catalog", code=taken)
