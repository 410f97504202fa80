"""Writing and reading the catalog search index (``search_terms``).

Terms come from a product's Chinese title, English title, brand and category, and (ranked
after them, without pinyin) from its SKUs' variant values. Text is cut into
words: runs of Chinese characters and runs of Latin letters/digits. For a Chinese word every
suffix is a term, and so is the full pinyin and the pinyin initials of every suffix; a Latin
word is one term. A query word then matches by prefix: ``口红`` finds ``口红`` and ``小细跟口红``
(through its suffix ``口红``), ``khs`` finds the initials of ``口红…``, ``kouhong`` its pinyin,
``lip`` the word ``lipstick``. Only portable SQL is used: range scans on the primary key
(the ``term`` column compares by code point on every backend: "C" collation on PostgreSQL).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin
from sqlalchemy import Connection, Select, delete, exists, func, insert, select, union_all
from sqlalchemy.orm import Session, aliased

from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.search import TERM_LENGTH, SearchTermRow

# Ranks: lower is better. Within a rank, rows run in term order, so a term equal to the
# query (a whole word) comes before the longer terms it begins.
WORD_START = 0
INNER = 2
PINYIN = 4  # added for pinyin and initials terms
VARIANT = 8  # added for terms from the SKUs' variant values (色号 正红, 尺码 XL …); no pinyin
INACTIVE = 16  # added when none of the product's SKUs is on sale
_TOP = "\U0010ffff"  # sorts after every character: ``term < word + _TOP`` bounds a prefix

_WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def normalize(text: str) -> str:
    """Full-width to half-width, lower case: how both products and queries are compared."""
    return unicodedata.normalize("NFKC", text).lower()


def words(text: str) -> list[str]:
    """The words of ``text``: runs of Chinese characters and runs of Latin letters/digits."""
    return _WORD.findall(normalize(text))


@lru_cache(maxsize=65536)
def _word_terms(word: str) -> tuple[tuple[str, int], ...]:
    if not _HAN.match(word):
        return ((word[:TERM_LENGTH], WORD_START),)
    terms: list[tuple[str, int]] = []
    syllables = lazy_pinyin(word, errors="default")
    initials = [s[:1] for s in syllables]
    for start in range(len(word)):
        rank = WORD_START if start == 0 else INNER
        terms.append((word[start : start + TERM_LENGTH], rank))
        terms.append(("".join(syllables[start:])[:TERM_LENGTH], rank + PINYIN))
        terms.append(("".join(initials[start:])[:TERM_LENGTH], rank + PINYIN))
    return tuple(terms)


def product_terms(*texts: str, variants: Iterable[str] = ()) -> dict[str, int]:
    """Every search term of a product's texts (and its SKUs' variant values) with its best
    rank."""
    found: dict[str, int] = {}
    for text in texts:
        for word in words(text):
            for term, rank in _word_terms(word):
                if rank < found.get(term, INACTIVE):
                    found[term] = rank
    for text in variants:
        for word in words(text):
            for term, rank in _word_terms(word):
                # Variant values are short and many: their pinyin would add more rows than use.
                if rank < PINYIN and rank + VARIANT < found.get(term, INACTIVE):
                    found[term] = rank + VARIANT
    return found


def variant_values(variants: Iterable[dict[str, str] | None]) -> list[str]:
    """The distinct attribute values of a product's SKUs, in first-seen order."""
    values: dict[str, None] = {}
    for variant in variants:
        for value in (variant or {}).values():
            values[str(value)] = None
    return list(values)


def matches_variant(query_words: Sequence[str], variant: dict[str, str] | None) -> bool:
    """Whether a query word appears in this SKU's own variant values (to list it first)."""
    if not variant:
        return False
    text = normalize(" ".join(str(value) for value in variant.values()))
    return any(word in text for word in query_words)


# --- keeping the index in step --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ProductText:
    product_id: int
    texts: tuple[str, str, str, str]
    variants: tuple[str, ...]
    sku_count: int
    active: bool


def _products(session: Session | Connection, product_ids: Sequence[int]) -> Iterator[_ProductText]:
    skus: dict[int, list[tuple[bool, dict[str, str] | None]]] = {}
    for product_id, active, variant in session.execute(
        select(SkuRow.product_id, SkuRow.active, SkuRow.variant)
        .where(SkuRow.product_id.in_(product_ids))
        .order_by(SkuRow.id)
    ):
        skus.setdefault(product_id, []).append((bool(active), variant))
    rows = session.execute(
        select(
            ProductRow.id,
            ProductRow.title_zh,
            ProductRow.title_en,
            ProductRow.brand,
            ProductRow.category,
        ).where(ProductRow.id.in_(list(skus)))
    )
    for pid, title_zh, title_en, brand, category in rows:
        of_product = skus[pid]
        yield _ProductText(
            pid,
            (title_zh, title_en, brand, category),
            tuple(variant_values(variant for _, variant in of_product)),
            len(of_product),
            any(active for active, _ in of_product),
        )


def _term_rows(product: _ProductText) -> list[tuple[int, str, int, int]]:
    """(rank, term, product id, SKU count): the columns in ``_TERM_COLUMNS`` order."""
    penalty = 0 if product.active else INACTIVE
    pid = product.product_id
    count = product.sku_count
    return [
        (rank + penalty, term, pid, count)
        for term, rank in product_terms(*product.texts, variants=product.variants).items()
    ]


_TERM_COLUMNS = ("rank", "term", "product_id", "sku_count")


def _connection(session: Session | Connection) -> Connection:
    return session.connection() if isinstance(session, Session) else session


def insert_terms(connection: Connection, rows: list[tuple[int, str, int, int]]) -> None:
    """Insert term rows with one ``executemany`` on the driver, in key order (the ORM's and
    Core's per-row bookkeeping would cost more than the database work; key order keeps the
    index's pages warm)."""
    if not rows:
        return
    rows.sort()
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    mark = "?" if dialect.paramstyle == "qmark" else "%s"
    if dialect.paramstyle not in ("qmark", "format", "pyformat"):
        connection.execute(
            insert(SearchTermRow), [dict(zip(_TERM_COLUMNS, row, strict=True)) for row in rows]
        )
        return
    names = ", ".join(quote(name) for name in _TERM_COLUMNS)
    marks = ", ".join([mark] * len(_TERM_COLUMNS))
    connection.exec_driver_sql(
        f"INSERT INTO {quote(SearchTermRow.__tablename__)} ({names}) VALUES ({marks})", rows
    )


def index_products(session: Session | Connection, product_ids: Iterable[int]) -> None:
    """Rewrite the search terms of these products (after their titles or SKUs changed)."""
    connection = _connection(session)
    ids = sorted(set(product_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        connection.execute(delete(SearchTermRow).where(SearchTermRow.product_id.in_(chunk)))
        rows = [row for product in _products(connection, chunk) for row in _term_rows(product)]
        insert_terms(connection, rows)


def index_skus(session: Session | Connection, sku_ids: Iterable[int]) -> None:
    """Bring the index in step after these SKUs were added or changed."""
    ids = sorted(set(sku_ids))
    product_ids: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        product_ids.update(
            session.scalars(select(SkuRow.product_id).where(SkuRow.id.in_(chunk))).all()
        )
    index_products(session, product_ids)


def rebuild(session: Session | Connection, *, batch: int = 5000) -> int:
    """Index every product again, a batch at a time; returns the number of terms written."""
    session.execute(delete(SearchTermRow))
    written = 0
    last_id = 0
    while True:
        ids = list(
            session.scalars(
                select(ProductRow.id)
                .where(ProductRow.id > last_id)
                .order_by(ProductRow.id)
                .limit(batch)
            )
        )
        if not ids:
            return written
        rows = [row for product in _products(session, ids) for row in _term_rows(product)]
        insert_terms(_connection(session), rows)
        written += len(rows)
        last_id = ids[-1]


# --- reading --------------------------------------------------------------------------------

RANKS = tuple(
    penalty + variant + pinyin + base
    for penalty in (0, INACTIVE)
    for variant, pinyin in ((0, 0), (0, PINYIN), (VARIANT, 0))
    for base in (WORD_START, INNER)
)


@dataclass(frozen=True, slots=True)
class ProductHit:
    """A product that matches, in result order, with how many found SKUs come before it."""

    product_id: int
    rank: int
    skus_before: int
    sku_count: int


def query_words(query: str) -> list[str]:
    """The words of a query as they are looked up (cut to the stored term length)."""
    return [word[:TERM_LENGTH] for word in dict.fromkeys(words(query))]


def _matching(words_: Sequence[str], rank: int) -> Select[int, int]:
    """Rows of one rank whose term starts with the query's leading word, in result order,
    for products that also have terms starting with every other word."""
    t = SearchTermRow
    leading = max(words_, key=len)  # the longest word is the most selective
    statement = select(t.product_id, t.sku_count).where(
        t.rank == rank, t.term >= leading, t.term < leading + _TOP
    )
    other = aliased(SearchTermRow)
    for word in words_:
        if word != leading:
            statement = statement.where(
                exists().where(
                    other.product_id == t.product_id, other.term >= word, other.term < word + _TOP
                )
            )
    return statement.order_by(t.term, t.product_id)


def product_hits(
    session: Session | Connection, words_: Sequence[str], *, offset: int, limit: int
) -> list[ProductHit]:
    """The matching products that hold SKUs ``offset`` … ``offset + limit`` of the result.

    A product matches when every query word is a prefix of one of its terms. The order is
    the index order — rank, then the matching term (an exact word before longer words it
    begins), then product — so the first page reads only the first rows of the index and
    nothing is sorted; a deep page reads the rows before it.
    """
    if not words_ or limit <= 0:
        return []
    # Core on the connection streams rows from the cursor; an ORM session would buffer
    # every match before the first one could be looked at.
    connection = session.connection() if isinstance(session, Session) else session
    seen: set[int] = set()
    hits: list[ProductHit] = []
    before = 0
    end = offset + limit
    for rank in RANKS:
        result = connection.execute(_matching(words_, rank))
        try:
            for product_id, sku_count in result:
                if product_id in seen:
                    continue
                seen.add(product_id)
                if before + sku_count > offset:
                    hits.append(ProductHit(product_id, rank, before, sku_count))
                before += sku_count
                if before >= end:
                    return hits
        finally:
            result.close()
    return hits


def count_matching_skus(session: Session | Connection, words_: Sequence[str]) -> int:
    """How many SKUs a query finds in all (for "1–50 of 1,234"); reads every match."""
    if not words_:
        return 0
    matches = union_all(*(_matching(words_, rank).order_by(None) for rank in RANKS)).subquery()
    per_product = (
        select(func.max(matches.c.sku_count).label("n")).group_by(matches.c.product_id).subquery()
    )
    return int(session.scalar(select(func.coalesce(func.sum(per_product.c.n), 0))) or 0)
