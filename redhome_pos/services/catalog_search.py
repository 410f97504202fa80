"""Catalog search for the counter and the back office: what a clerk types finds SKUs.

A query is tried as an exact barcode, SKU code or RED SKU id first; when it is one, that
SKU is the result. Otherwise it is searched as words: Chinese of any length (``霜``, ``口红``,
``小细跟口红``), pinyin initials (``kh``, ``xxgkh``), full pinyin (``kouhong``) and English
(``lip``); several words must all match (``完美日记 口红``). A SKU's variant values count too:
``口红 正红`` finds the lipstick and lists its 正红 SKU first. Results come a page at a time,
best match first: word start before inner substring, the product's own text before pinyin
before variant values, products on sale before inactive ones. Nothing loads more of the
catalog than the page asked for.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import lookup_keys
from redhome_pos.domain.catalog import Sku, SkuView
from redhome_pos.persistence import search_index
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow

DEFAULT_PAGE = 50
MAX_PAGE = 500
MAX_QUERY_LENGTH = 100  # longer text is not a search anyone typed
_NOT_TYPED = {"Cc", "Cf", "Cs", "Co", "Cn"}


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One page of results; ``has_more`` says whether a next page exists."""

    query: str
    offset: int
    limit: int
    results: tuple[SkuView, ...]
    has_more: bool


def index_skus(session: Session | Connection, sku_ids: Iterable[int]) -> None:
    """Bring the search index in step after these SKUs (or their products) were added or
    changed. Call it in the same unit of work as the change."""
    search_index.index_skus(session, sku_ids)


def rebuild_index(database: Database) -> int:
    """Index the whole catalog again (after a repair or a restore); returns terms written."""
    with database.unit_of_work() as uow:
        written = search_index.rebuild(uow.session)
        uow.commit()
    return written


def search(
    session: Session | Connection, query: str, *, offset: int = 0, limit: int = DEFAULT_PAGE
) -> SearchPage:
    """The SKUs ``offset`` … ``offset + limit`` that ``query`` finds, best first."""
    text = _typed(query)
    offset = max(offset, 0)
    limit = min(max(limit, 0), MAX_PAGE)
    connection = session.connection() if isinstance(session, Session) else session
    if not text or limit == 0:
        return SearchPage(text, offset, limit, (), False)
    exact = _exact_matches(connection, text)
    if exact:
        # A whole barcode or SKU code names its SKU: the words in it are not searched.
        ids = exact[offset : offset + limit + 1]
    else:
        # One row beyond the page tells whether there is a next page.
        words = search_index.query_words(text)
        ids = _term_matches(connection, words, offset, limit + 1)
    ids = ids[: limit + 1]
    views = _views(connection, ids[:limit])
    return SearchPage(text, offset, limit, tuple(views), len(ids) > limit)


def search_catalog(
    database: Database, query: str, *, offset: int = 0, limit: int = DEFAULT_PAGE
) -> SearchPage:
    """``search`` in its own short read-only session (what a screen calls)."""
    with database.reading() as session:
        return search(session, query, offset=offset, limit=limit)


def count_matches(session: Session | Connection, query: str) -> int:
    """How many SKUs the word search of ``query`` finds (reads every match: for a summary
    line, not for every keystroke)."""
    connection = session.connection() if isinstance(session, Session) else session
    words = search_index.query_words(_typed(query))
    return search_index.count_matching_skus(connection, words)


def _typed(query: str) -> str:
    """The query without control or unassigned characters (no one types them; some
    databases refuse them), trimmed and cut to a sane length."""
    kept = "".join(ch for ch in query if unicodedata.category(ch) not in _NOT_TYPED)
    return kept.strip()[:MAX_QUERY_LENGTH]


def _exact_matches(connection: Connection, text: str) -> list[int]:
    """SKUs the text names exactly: barcode, then SKU code, then RED SKU id."""
    found: list[int] = []
    code = text.upper() if text.isascii() else text
    for statement in (
        select(BarcodeRow.sku_id).where(BarcodeRow.code.in_(lookup_keys(text))),
        select(SkuRow.id).where(SkuRow.code.in_({text, code})),
        select(SkuRow.id).where(SkuRow.red_sku_id == text.lower()),
    ):
        for sku_id in connection.scalars(statement.order_by(statement.selected_columns[0])):
            if sku_id not in found:
                found.append(sku_id)
    return found


def _term_matches(
    connection: Connection, words: Sequence[str], offset: int, limit: int
) -> list[int]:
    hits = search_index.product_hits(connection, words, offset=offset, limit=limit)
    if not hits:
        return []
    order = {hit.product_id: index for index, hit in enumerate(hits)}
    rows = list(
        connection.execute(
            select(SkuRow.id, SkuRow.product_id, SkuRow.active, SkuRow.variant).where(
                SkuRow.product_id.in_(order)
            )
        )
    )
    # Within a product: SKUs whose own variant the query names (色号 正红), then SKUs on
    # sale, then by id.
    rows.sort(
        key=lambda row: (
            order[row.product_id],
            not search_index.matches_variant(words, row.variant),
            not row.active,
            row.id,
        )
    )
    skip = offset - hits[0].skus_before
    return [row.id for row in rows][skip : skip + limit]


def _views(connection: Connection, sku_ids: Sequence[int]) -> list[SkuView]:
    if not sku_ids:
        return []
    first_barcode = (
        select(func.min(BarcodeRow.code))
        .where(BarcodeRow.sku_id == SkuRow.id)
        .correlate(SkuRow)
        .scalar_subquery()
    )
    rows = connection.execute(
        select(
            SkuRow.id,
            SkuRow.product_id,
            SkuRow.code,
            SkuRow.variant,
            SkuRow.price_fen,
            SkuRow.original_price_fen,
            SkuRow.active,
            ProductRow.title_zh,
            ProductRow.title_en,
            ProductRow.brand,
            ProductRow.category,
            ProductRow.vat_rate_bp,
            StockLevelRow.on_hand,
            first_barcode.label("barcode"),
        )
        .join(ProductRow, ProductRow.id == SkuRow.product_id)
        .outerjoin(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
        .where(SkuRow.id.in_(sku_ids))
    ).all()
    by_id = {row.id: row for row in rows}
    views = []
    for sku_id in sku_ids:
        row = by_id.get(sku_id)
        if row is None:
            continue
        variant = Sku(None, 0, row.code, 0, 0, variant=dict(row.variant or {})).variant_text
        views.append(
            SkuView(
                sku_id=row.id,
                code=row.code,
                title_zh=row.title_zh,
                title_en=row.title_en,
                brand=row.brand,
                category=row.category,
                variant_text=variant,
                price_fen=row.price_fen,
                original_price_fen=row.original_price_fen,
                vat_rate_bp=row.vat_rate_bp,
                active=bool(row.active),
                on_hand=int(row.on_hand or 0),
                barcode=row.barcode,
                product_id=row.product_id,
            )
        )
    return views
