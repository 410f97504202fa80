"""Adding and updating many catalog entries at once (a catalog file, say), in bulk.

``CatalogUpsert(session).check(entries)`` finds, with a few queries for the whole set, every
entry that would break a catalog rule against what the store already holds (a barcode or RED
id of another SKU); ``write(entries)`` then writes the rest with a handful of bulk
statements: known SKU codes are updated (their barcodes become the listed ones), new SKUs
are added to the product they belong to or to a new one, and the search index follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import lookup_keys, parse_barcode
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.persistence import search_index
from redhome_pos.persistence.bulk_load import NewProduct, write_batch
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow

CHUNK = 500  # values per IN (...) list


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One SKU with its product, as a file row gives it; ``key`` groups a product's SKUs."""

    line: int
    product: Product
    sku: Sku
    key: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EntryProblem:
    """An entry that clashes with the store; ``template`` filled from ``params`` says how."""

    line: int
    column: str
    template: str
    value: str = ""
    params: Mapping[str, object] = field(default_factory=dict, compare=False)


@dataclass(frozen=True, slots=True)
class UpsertResult:
    added_products: int
    added_skus: int
    updated_skus: int


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


class CatalogUpsert:
    """Checks, then writes, a set of catalog entries on one session (the caller commits)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._skus: dict[str, tuple[int, int]] = {}  # code -> (sku id, product id)
        self._red_products: dict[str, int] = {}  # red item id -> product id

    def check(self, entries: Sequence[CatalogEntry]) -> list[EntryProblem]:
        """Entries that clash with the store: a barcode, RED SKU id or RED item id that
        belongs to another SKU or product."""
        session = self._session
        codes = sorted({e.sku.code for e in entries})
        for chunk in _chunks(codes):
            for code, sku_id, product_id in session.execute(
                select(SkuRow.code, SkuRow.id, SkuRow.product_id).where(SkuRow.code.in_(chunk))
            ):
                self._skus[code] = (sku_id, product_id)
        keys = sorted({k for e in entries for b in e.sku.barcodes for k in lookup_keys(b)})
        owners: dict[str, int] = {}
        for chunk in _chunks(keys):
            owners.update(
                session.execute(
                    select(BarcodeRow.code, BarcodeRow.sku_id).where(BarcodeRow.code.in_(chunk))
                ).all()
            )
        red_skus = sorted({e.sku.red_sku_id for e in entries if e.sku.red_sku_id})
        red_owners: dict[str, int] = {}
        for chunk in _chunks(red_skus):
            for red_sku, sku_id in session.execute(
                select(SkuRow.red_sku_id, SkuRow.id).where(SkuRow.red_sku_id.in_(chunk))
            ):
                red_owners[str(red_sku)] = sku_id
        red_items = sorted({e.product.red_item_id for e in entries if e.product.red_item_id})
        for chunk in _chunks(red_items):
            for red_item, product_id in session.execute(
                select(ProductRow.red_item_id, ProductRow.id).where(
                    ProductRow.red_item_id.in_(chunk)
                )
            ):
                self._red_products[str(red_item)] = product_id
        owner_codes = self._codes_of(set(owners.values()) | set(red_owners.values()))
        problems: list[EntryProblem] = []
        for entry in entries:
            problem = self._clash(entry, owners, red_owners, owner_codes)
            if problem is not None:
                problems.append(problem)
        return problems

    def _clash(
        self,
        entry: CatalogEntry,
        owners: dict[str, int],
        red_owners: dict[str, int],
        owner_codes: dict[int, str],
    ) -> EntryProblem | None:
        sku_id, product_id = self._skus.get(entry.sku.code, (None, None))
        for barcode in entry.sku.barcodes:
            for key in lookup_keys(barcode):
                owner = owners.get(key)
                if owner is not None and owner != sku_id:
                    return EntryProblem(
                        entry.line,
                        "barcodes",
                        "barcode {barcode} already belongs to SKU {owner}",
                        barcode,
                        {"barcode": barcode, "owner": owner_codes[owner]},
                    )
        red_sku = entry.sku.red_sku_id
        owner = red_owners.get(red_sku) if red_sku else None
        if owner is not None and owner != sku_id:
            return EntryProblem(
                entry.line,
                "red_sku_id",
                "RED SKU {red_sku} already belongs to SKU {owner}",
                red_sku or "",
                {"red_sku": red_sku, "owner": owner_codes[owner]},
            )
        red_item = entry.product.red_item_id
        item_product = self._red_products.get(red_item) if red_item else None
        if product_id is not None and item_product is not None and item_product != product_id:
            return EntryProblem(
                entry.line,
                "red_item_id",
                "RED item {red_item} belongs to another product than SKU {code}",
                red_item or "",
                {"red_item": red_item, "code": entry.sku.code},
            )
        return None

    def _codes_of(self, sku_ids: set[int]) -> dict[int, str]:
        found: dict[int, str] = {}
        for chunk in _chunks(sorted(sku_ids)):
            found.update(
                self._session.execute(
                    select(SkuRow.id, SkuRow.code).where(SkuRow.id.in_(chunk))
                ).all()
            )
        return found

    def write(self, entries: Sequence[CatalogEntry]) -> UpsertResult:
        """Write entries that passed ``check`` (call it first, on the same entries or more)."""
        session = self._session
        product_of_key: dict[tuple[str, ...], int] = {}
        for entry in entries:
            known = self._skus.get(entry.sku.code)
            if known is not None:
                product_of_key.setdefault(entry.key, known[1])
            elif entry.product.red_item_id in self._red_products:
                product_of_key.setdefault(entry.key, self._red_products[entry.product.red_item_id])
        updates = [e for e in entries if e.sku.code in self._skus]
        additions = [e for e in entries if e.sku.code not in self._skus]
        touched_products = {self._skus[e.sku.code][1] for e in updates}
        self._update_products(updates, additions, product_of_key)
        self._update_skus(updates)
        groups: dict[tuple[str, ...], list[CatalogEntry]] = {}
        for entry in additions:
            groups.setdefault(entry.key, []).append(entry)
        news = [
            NewProduct(
                group[0].product,
                [(e.sku, 0) for e in group],
                existing_id=product_of_key.get(key),
            )
            for key, group in groups.items()
        ]
        touched_products.update(n.existing_id for n in news if n.existing_id is not None)
        added = write_batch(session, news, terminal_id="", reason="catalog import")
        search_index.index_products(session, touched_products)
        return UpsertResult(added.products, added.skus, len(updates))

    def _update_products(
        self,
        updates: Sequence[CatalogEntry],
        additions: Sequence[CatalogEntry],
        product_of_key: dict[tuple[str, ...], int],
    ) -> None:
        fields: dict[int, dict[str, Any]] = {}
        targets = [(e, self._skus[e.sku.code][1]) for e in updates]
        targets += [(e, product_of_key[e.key]) for e in additions if e.key in product_of_key]
        for entry, product_id in targets:  # the last row of a product wins
            p = entry.product
            fields[product_id] = {
                "b_id": product_id,
                "title_zh": p.title_zh,
                "title_en": p.title_en,
                "brand": p.brand,
                "category": p.category,
                "vat_rate_bp": p.vat_rate_bp,
                "b_red": p.red_item_id,
                "updated_at": utcnow(),
            }
        if not fields:
            return
        table = cast(Table, ProductRow.__table__)
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(red_item_id=func.coalesce(bindparam("b_red"), table.c.red_item_id))
        )
        self._session.connection().execute(statement, list(fields.values()))

    def _update_skus(self, updates: Sequence[CatalogEntry]) -> None:
        if not updates:
            return
        now = utcnow()
        table = cast(Table, SkuRow.__table__)
        statement = (
            update(table)
            .where(table.c.id == bindparam("b_id"))
            .values(red_sku_id=func.coalesce(bindparam("b_red"), table.c.red_sku_id))
        )
        connection = self._session.connection()
        connection.execute(
            statement,
            [
                {
                    "b_id": self._skus[e.sku.code][0],
                    "price_fen": e.sku.price_fen,
                    "original_price_fen": e.sku.original_price_fen,
                    "variant": dict(e.sku.variant),
                    "active": e.sku.active,
                    "location": e.sku.location,
                    "b_red": e.sku.red_sku_id,
                    "updated_at": now,
                }
                for e in updates
            ],
        )
        self._replace_barcodes(updates)

    def _replace_barcodes(self, updates: Sequence[CatalogEntry]) -> None:
        """The listed barcodes become the SKU's barcodes: others go, new ones come."""
        wanted = {self._skus[e.sku.code][0]: set(e.sku.barcodes) for e in updates}
        current: dict[int, set[str]] = {}
        for chunk in _chunks(sorted(wanted)):
            for sku_id, code in self._session.execute(
                select(BarcodeRow.sku_id, BarcodeRow.code).where(BarcodeRow.sku_id.in_(chunk))
            ):
                current.setdefault(sku_id, set()).add(code)
        gone = [code for sku_id, codes in current.items() for code in codes - wanted[sku_id]]
        connection = self._session.connection()
        table = cast(Table, BarcodeRow.__table__)
        for chunk in _chunks(sorted(gone)):
            connection.execute(delete(table).where(table.c.code.in_(chunk)))
        new_rows = []
        for sku_id, codes in wanted.items():
            for code in sorted(codes - current.get(sku_id, set())):
                barcode = parse_barcode(code)
                new_rows.append(
                    {"code": barcode.code, "sku_id": sku_id, "symbology": barcode.symbology.value}
                )
        if new_rows:
            connection.execute(table.insert(), new_rows)
