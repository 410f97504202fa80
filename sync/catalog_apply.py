"""Applying one page of the online catalog to the store catalog.

A page is looked up in a handful of queries and written in bulk statements (a full import is
200,000 SKUs). SKUs are matched by their online id, then by SKU code (the online erp code);
products by their online item id. Whatever the store must not take over silently (a SKU code
already linked to another online SKU, a barcode that belongs to another SKU here) is written to
the sync log and left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import lookup_keys, parse_barcode
from redhome_pos.domain.catalog import DEFAULT_VAT_RATE_BP, clean_title
from redhome_pos.domain.errors import BarcodeError
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.models.sync import OnlineOrderLineRow, OnlineSkuRow
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.connector import OnlineSku
from sync.settings import CATALOG

CHUNK = 1000  # keys per IN (...) list, under every database's parameter limit

_SKU = (
    SkuRow.id,
    SkuRow.product_id,
    SkuRow.code,
    SkuRow.red_sku_id,
    SkuRow.price_fen,
    SkuRow.original_price_fen,
    SkuRow.variant,
    SkuRow.active,
)
_PRODUCT = (
    ProductRow.id,
    ProductRow.red_item_id,
    ProductRow.title_zh,
    ProductRow.brand,
    ProductRow.category,
)


@dataclass
class PageResult:
    created: int = 0
    changed: int = 0
    conflicts: int = 0
    sku_ids: set[int] = field(default_factory=set)  # created or changed: for the search
    touched: set[str] = field(default_factory=set)  # the same, by online SKU id


@dataclass
class _Product:
    id: int | None
    red_item_id: str | None
    title_zh: str
    brand: str
    category: str
    dirty: bool = False


def _select(
    session: Session, columns: Sequence[Any], key: Any, keys: Iterable[Any]
) -> list[Row[Any]]:
    wanted = sorted(set(keys))
    found: list[Row[Any]] = []
    connection = session.connection()  # plain Core: a full import reads 200,000 SKUs
    for start in range(0, len(wanted), CHUNK):
        found += connection.execute(
            select(*columns).where(key.in_(wanted[start : start + CHUNK]))
        ).all()
    return found


def _insert(session: Session, model: Any, rows: list[dict[str, Any]]) -> None:
    """Many rows in one plain Core statement (ORM bulk inserts are twice as slow)."""
    session.connection().execute(insert(model.__table__), rows)


def _insert_ids(
    session: Session, model: Any, key: str, rows: list[dict[str, Any]]
) -> dict[str, int]:
    """Insert ``rows``; the new ids by each row's ``key`` value (no second query)."""
    table = model.__table__
    statement = insert(table).returning(table.c.id, table.c[key], sort_by_parameter_order=True)
    return {found: new_id for new_id, found in session.connection().execute(statement, rows)}


def _product(row: Row[Any]) -> _Product:
    return _Product(row.id, row.red_item_id, row.title_zh, row.brand, row.category)


def _cleaned(item: OnlineSku) -> OnlineSku:
    """The item with its title, brand and category cleaned on the way in (clean_title)."""
    title, brand, category = (clean_title(t) for t in (item.title, item.brand, item.category))
    if (title, brand, category) == (item.title, item.brand, item.category):
        return item
    return replace(item, title=title, brand=brand, category=category)


def apply_page(session: Session, items: Sequence[OnlineSku], *, seen_at: datetime) -> PageResult:
    """Upsert one page of online SKUs on ``session`` (the caller commits)."""
    items = [_cleaned(item) for item in {item.sku_id: item for item in items}.values()]
    result = PageResult()
    if not items:
        return result
    repo = SyncRepository(session)
    sku_keys = [i.sku_id for i in items]
    by_red = {r.red_sku_id: r for r in _select(session, _SKU, SkuRow.red_sku_id, sku_keys)}
    codes = [i.erp_code for i in items if i.erp_code]
    by_code = {r.code: r for r in _select(session, _SKU, SkuRow.code, codes)}
    item_keys = [i.item_id for i in items]
    products = {
        r.red_item_id: _product(r)
        for r in _select(session, _PRODUCT, ProductRow.red_item_id, item_keys)
    }
    online = (OnlineSkuRow.red_sku_id, OnlineSkuRow.gone_at)
    gone = {r.red_sku_id: r.gone_at for r in _select(session, online, online[0], sku_keys)}

    matched: list[tuple[OnlineSku, Row[Any] | None]] = []
    for item in items:
        row = by_red.get(item.sku_id)
        if row is None and item.erp_code:
            row = by_code.get(item.erp_code)
            if row is not None and row.red_sku_id not in (None, item.sku_id):
                result.conflicts += 1
                repo.log(
                    CATALOG,
                    "warning",
                    "SKU code {code} belongs to online SKU {linked} here, but online SKU "
                    "{red_sku} has it too: not applied",
                    code=item.erp_code,
                    linked=row.red_sku_id,
                    red_sku=item.sku_id,
                )
                continue
        matched.append((item, row))

    product_of, touched_items = _products(session, matched, products)
    sku_ids = _skus(session, matched, product_of, by_code, gone, result)
    result.touched |= {item.sku_id for item, _ in matched if item.item_id in touched_items}
    owners = _barcode_owners(session, (code for item, _ in matched for code in item.barcodes))
    barcodes: list[dict[str, Any]] = []
    for item, _ in matched:
        result.conflicts += _new_barcodes(
            session, repo, item, sku_ids[item.sku_id], owners, barcodes
        )
    if barcodes:
        _insert(session, BarcodeRow, barcodes)
    seen = [(item, sku_ids[item.sku_id]) for item, _ in matched]
    _mark_seen(session, seen, gone, seen_at, result.touched)
    _link_order_lines(session, sku_ids)
    result.sku_ids.update(sku_ids[red] for red in result.touched)
    return result


def _link_order_lines(session: Session, sku_ids: dict[str, int]) -> None:
    """Online order lines that named a SKU the store did not know yet now find it."""
    unknown = session.scalars(
        select(OnlineOrderLineRow.red_sku_id).where(OnlineOrderLineRow.sku_id.is_(None))
    ).all()
    for red_sku_id in set(unknown) & set(sku_ids):
        session.execute(
            update(OnlineOrderLineRow)
            .where(OnlineOrderLineRow.red_sku_id == red_sku_id, OnlineOrderLineRow.sku_id.is_(None))
            .values(sku_id=sku_ids[red_sku_id])
        )


def _products(
    session: Session,
    matched: list[tuple[OnlineSku, Row[Any] | None]],
    products: dict[str | None, _Product],
) -> tuple[dict[str, int], set[str]]:
    """The product id of each matched online SKU, creating and updating products as needed;
    and the online items whose product was created or changed."""
    linked = [row.product_id for _, row in matched if row is not None]
    own = {r.id: _product(r) for r in _select(session, _PRODUCT, ProductRow.id, linked)}
    new: dict[str, OnlineSku] = {}
    for item, row in matched:
        product = products.get(item.item_id)
        if product is None and row is not None:
            product = own[row.product_id]
            if product.red_item_id is None:  # a store product meets its online item
                product.red_item_id = item.item_id
                product.dirty = True
                products[item.item_id] = product
        if product is None:
            new.setdefault(item.item_id, item)
        elif product.red_item_id == item.item_id:
            for name, value in (
                ("title_zh", item.title),
                ("brand", item.brand),
                ("category", item.category),
            ):
                if value and getattr(product, name) != value:
                    setattr(product, name, value)
                    product.dirty = True
    now = utcnow()
    changed = {
        id(p): p for p in [*products.values(), *own.values()] if p.dirty and p.id is not None
    }
    if changed:
        session.execute(
            update(ProductRow),
            [
                {"id": p.id, "red_item_id": p.red_item_id, "title_zh": p.title_zh, "brand": p.brand,
                 "category": p.category, "updated_at": now}
                for p in changed.values()
            ],
        )  # fmt: skip
    if new:
        added = _insert_ids(
            session,
            ProductRow,
            "red_item_id",
            [
                {"title_zh": i.title, "title_en": "", "brand": i.brand, "category": i.category,
                 "vat_rate_bp": DEFAULT_VAT_RATE_BP, "red_item_id": item_id}
                for item_id, i in new.items()
            ],
        )  # fmt: skip
        for item_id, i in new.items():
            products[item_id] = _Product(added[item_id], item_id, i.title, i.brand, i.category)
    ids: dict[str, int] = {}
    for item, row in matched:
        # A store SKU keeps the product it has; a new one joins its item's product.
        product_id = row.product_id if row is not None else products[item.item_id].id
        assert product_id is not None
        ids[item.sku_id] = product_id
    touched = set(new) | {str(p.red_item_id) for p in changed.values()}
    return ids, touched


def _skus(
    session: Session,
    matched: list[tuple[OnlineSku, Row[Any] | None]],
    product_of: dict[str, int],
    by_code: dict[str, Row[Any]],
    gone: dict[str, datetime | None],
    result: PageResult,
) -> dict[str, int]:
    """Insert new SKUs and update changed ones; the store SKU id of every online SKU."""
    now = utcnow()
    codes = set(by_code)
    new: list[dict[str, Any]] = []
    changes: list[dict[str, Any]] = []
    ids: dict[str, int] = {}
    for item, row in matched:
        values = {
            "price_fen": item.price_fen,
            "original_price_fen": item.original_price_fen,
            "variant": dict(item.variant),
            "red_sku_id": item.sku_id,
        }
        if row is None:
            code = (
                item.erp_code
                if item.erp_code and item.erp_code not in codes
                else f"RED-{item.sku_id}"
            )
            codes.add(code)
            new.append(
                {**values, "product_id": product_of[item.sku_id], "code": code}
                | {"active": True, "location": ""}
            )
            continue
        ids[item.sku_id] = row.id
        active = row.active or gone.get(item.sku_id) is not None  # back online after it had gone
        if any(getattr(row, k) != v for k, v in values.items()) or active != row.active:
            changes.append({**values, "id": row.id, "active": active, "updated_at": now})
            result.touched.add(item.sku_id)
    if changes:
        session.execute(update(SkuRow), changes)
        result.changed += len(changes)
    if new:
        # red_sku_id is unique: a plain executemany, the new ids read back by it, is
        # cheaper than RETURNING in insert-many batches.
        _insert(session, SkuRow, new)
        created = {
            str(r.red_sku_id): r.id
            for r in _select(session, (SkuRow.id, SkuRow.red_sku_id), SkuRow.red_sku_id,
                             [row["red_sku_id"] for row in new])
        }  # fmt: skip
        result.touched.update(created)
        levels = [{"sku_id": sku_id, "on_hand": 0} for sku_id in created.values()]
        _insert(session, StockLevelRow, levels)
        ids.update(created)
        result.created += len(new)
    return ids


def _barcode_owners(session: Session, codes: Iterable[str]) -> dict[str, int]:
    keys = {key for code in codes for key in lookup_keys(code.strip()) if key}
    rows = _select(session, (BarcodeRow.code, BarcodeRow.sku_id), BarcodeRow.code, keys)
    return {r.code: r.sku_id for r in rows}


def _new_barcodes(
    session: Session,
    repo: SyncRepository,
    item: OnlineSku,
    sku_id: int,
    owners: dict[str, int],
    barcodes: list[dict[str, Any]],
) -> int:
    """Queue the item's barcodes the store lacks; returns the conflicts found."""
    conflicts = 0
    for text in item.barcodes:
        try:
            barcode = parse_barcode(text)
        except BarcodeError as error:
            repo.log(
                CATALOG,
                "warning",
                "Online SKU {red_sku} has a barcode the store cannot use ({reason})",
                red_sku=item.sku_id,
                reason=error.message,
            )
            continue
        owner = next((owners[k] for k in lookup_keys(barcode.code) if k in owners), None)
        if owner == sku_id:
            continue
        if owner is not None:
            conflicts += 1
            other = session.scalar(select(SkuRow.code).where(SkuRow.id == owner))
            mine = session.scalar(select(SkuRow.code).where(SkuRow.id == sku_id))
            repo.log(
                CATALOG,
                "warning",
                "Barcode {barcode} belongs to SKU {owner} here but to SKU {code} online: "
                "not moved; check both products",
                barcode=barcode.code,
                owner=other or owner,
                code=mine or item.sku_id,
            )
            continue
        barcodes.append(
            {"code": barcode.code, "sku_id": sku_id, "symbology": barcode.symbology.value}
        )
        owners[barcode.code] = sku_id
    return conflicts


def mirror_values(item: OnlineSku, read_at: datetime) -> dict[str, Any]:
    """The online figures of ``item`` as the online SKUs table keeps them (the mirror a
    reconciliation compares the store with)."""
    return {
        "title": item.title[:200],
        "erp_code": item.erp_code[:64],
        "price_fen": item.price_fen,
        "original_price_fen": item.original_price_fen,
        "barcodes": list(item.barcodes),
        "buyable": item.buyable,
        "pack_units": item.pack_units,
        "online_updated_at": item.updated_at,
        "mirrored_at": read_at,
    }


def _mark_seen(
    session: Session,
    seen: list[tuple[OnlineSku, int]],
    known: dict[str, datetime | None],
    seen_at: datetime,
    touched: set[str],
) -> None:
    """Note every SKU seen at ``seen_at``, and which of them changed (``changed_at``), so a
    full read can bring the search in step once at its end."""
    rows = [
        {"red_sku_id": item.sku_id, "sku_id": sku_id, "red_item_id": item.item_id,
         "buyable": item.buyable, "online_updated_at": item.updated_at,
         "last_seen_at": seen_at, "gone_at": None}
        | mirror_values(item, seen_at)
        | ({"changed_at": seen_at} if item.sku_id in touched else {})
        for item, sku_id in seen
    ]  # fmt: skip
    for with_change in (True, False):
        old = [r for r in rows if r["red_sku_id"] in known and ("changed_at" in r) == with_change]
        if old:
            session.execute(update(OnlineSkuRow), old)
    fresh = [{"changed_at": None} | r for r in rows if r["red_sku_id"] not in known]
    if fresh:
        _insert(session, OnlineSkuRow, fresh)
