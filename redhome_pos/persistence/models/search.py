"""The catalog search index: search terms of each product, kept in step with the catalog.

A row says "``term`` starts a word (or a later part of a word) of this product's text". Every
suffix of every Chinese word is stored, with its full pinyin and pinyin initials, so a query of
any length is a prefix range scan on ``term`` — 1- and 2-character queries included, which a
trigram index cannot answer. ``rank`` orders matches (lower is better: word start before
inner substring, the product's own text before pinyin, products on sale before inactive ones);
a product has each term once, with its best rank;
``sku_count`` lets a search page through SKUs without reading the products it skips.
"""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from redhome_pos.persistence.models.base import Base

TERM_LENGTH = 24  # longer suffixes are cut; a longer query is cut the same way
# Terms compare by code point on every backend, so a prefix is a plain key range (SQLite
# compares text that way already; PostgreSQL needs the "C" collation).
TERM_TYPE = String(TERM_LENGTH).with_variant(String(TERM_LENGTH, collation="C"), "postgresql")


class SearchTermRow(Base):
    __tablename__ = "search_terms"

    # The key order is the result order: best rank, then the shortest matching term (so an
    # exact word comes before longer words it begins), then product.
    rank: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(TERM_TYPE, primary_key=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), primary_key=True)
    sku_count: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        # Finds a product's rows to rewrite them, and checks the further words of a query.
        Index("ix_search_terms_product_term", "product_id", "term"),
        {"sqlite_with_rowid": False},
    )
