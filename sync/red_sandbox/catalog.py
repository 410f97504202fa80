"""The shop's catalog: seeding from the demo store, ``product.getDetailSkuList``, SKU controls.

Answers follow ``api/商品API/product_getDetailSkuList_商品列表完整版.json``: ``data`` holds
``{data: [{item, sku}], pageNO, pageSize, total}`` (capital ``NO``); a SKU sold in packs has
``ipq`` > 1 and its single in ``unionItemDetails``; a bundle lists its parts there.
"""

from __future__ import annotations

import functools
import itertools
import json
import random
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from redhome_pos.services.demo_catalog import DemoItem, iter_demo_catalog
from sync.red_sandbox import protocol as p
from sync.red_sandbox import stock
from sync.red_sandbox.fields import Fields, opt_bool, opt_int, opt_str, page
from sync.red_sandbox.state import SandboxState, red_id

CENTRAL_WAREHOUSE = "RED_CENTRAL"
# Ids derived from names (variants, values, categories) repeat on every page: computed once.
_derived_id = functools.lru_cache(maxsize=1 << 16)(red_id)
MONTH_MS = 30 * 24 * 3600 * 1000


@dataclass(frozen=True, slots=True)
class SeedOptions:
    skus: int = 200
    seed: int = 1
    warehouse_code: str = "RH_SH_001"  # the store's own warehouse
    create_store_warehouse: bool = True  # False: the shop has not created it yet
    no_logistics_share: float = 0.5  # items that may be handed over without a courier


def seed_shop(state: SandboxState, options: SeedOptions) -> int:
    """Load the demo catalog, the shop's warehouses and their stock; update times over 30 days."""
    rng = random.Random(options.seed)
    now = state.now_ms()
    count = 0
    with state.writing() as db:
        multi = options.create_store_warehouse
        if multi:
            stock.insert_warehouse(
                db,
                options.warehouse_code,
                "REDHOME 上海一号店",
                "310106012000",
                "南京西路1266号",
                "门店店长",
                "021-62880000",
                now,
            )
            stock.insert_warehouse(
                db,
                CENTRAL_WAREHOUSE,
                "RED 华东中心仓",
                "310115001000",
                "川沙路5555号",
                "仓库主管",
                "021-58880000",
                now,
            )
            db.executemany(
                "INSERT INTO coverage VALUES (?, ?)",
                [(options.warehouse_code, "310000")]
                + [
                    (CENTRAL_WAREHOUSE, code)
                    for code in ("310000", "320000", "330000", "110000", "440000")
                ],
            )
            db.executemany(
                "INSERT INTO priority VALUES (?, ?, ?)",
                [("310000", 0, options.warehouse_code), ("310000", 1, CENTRAL_WAREHOUSE)],
            )
        rows: list[tuple[object, ...]] = []
        stock_rows: list[tuple[object, ...]] = []
        for item_id, group in itertools.groupby(
            iter_demo_catalog(options.skus, options.seed), key=lambda i: i.red_item_id
        ):
            variants = list(group)
            updated = now - rng.randrange(MONTH_MS)
            mode = 1 if rng.random() < options.no_logistics_share else 0
            db.execute(
                "INSERT OR REPLACE INTO items VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    item_id,
                    variants[0].title_zh,
                    mode,
                    int(multi),
                    updated - MONTH_MS,
                    updated,
                    *_brand_and_category(item_id),
                ),
            )
            for demo in variants:
                rows.append(_sku_row(demo, updated - MONTH_MS, updated))
                central = rng.randint(0, 200)
                if multi:
                    stock_rows.append((demo.red_sku_id, options.warehouse_code, demo.initial_stock))
                    stock_rows.append((demo.red_sku_id, CENTRAL_WAREHOUSE, central))
                else:
                    stock_rows.append((demo.red_sku_id, p.DEFAULT_WAREHOUSE, demo.initial_stock))
                count += 1
            if len(rows) >= 5000:
                _insert(db, rows, stock_rows)
                rows, stock_rows = [], []
        _insert(db, rows, stock_rows)
    state.catalog_changed()
    return count


def _brand_and_category(item_id: str) -> tuple[int, str]:
    return int(item_id[:6], 16), _derived_id("category", item_id[:2])


def variant_doc(variants: list[dict[str, str]]) -> str:
    """A SKU's variants as the catalog answers them: with the spec's ids for name and value."""
    return json.dumps(
        [
            {
                "id": _derived_id("variant", v["name"]),
                "name": v["name"],
                "value": v["value"],
                "valueId": _derived_id("value", v["name"], v["value"]),
            }
            for v in variants
        ],
        ensure_ascii=False,
    )


def _sku_row(demo: DemoItem, created: int, updated: int) -> tuple[object, ...]:
    variants = [{"name": k, "value": v} for k, v in demo.variant.items()]
    return (
        demo.red_sku_id,
        demo.red_item_id,
        demo.title_zh,
        json.dumps(variants, ensure_ascii=False),
        demo.price_fen,
        max(demo.original_price_fen, demo.price_fen),
        demo.barcodes[0] if demo.barcodes else "",
        demo.sku_code,
        created,
        updated,
        variant_doc(variants),
    )


def _insert(
    db: sqlite3.Connection,
    rows: Iterable[tuple[object, ...]],
    stock_rows: Iterable[tuple[object, ...]],
) -> None:
    db.executemany(
        "INSERT OR REPLACE INTO skus (sku_id, item_id, name, variants, price, original_price,"
        " barcode, erp_code, create_time, update_time, variant_doc)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    db.executemany("INSERT OR REPLACE INTO stock VALUES (?, ?, ?)", stock_rows)


# --- product.getDetailSkuList --------------------------------------------------------------------


def _filters(fields: Fields) -> tuple[str, tuple[object, ...]]:
    clauses: list[str] = []
    params: list[object] = []
    for name, column, op in (
        ("updateTimeFrom", "s.update_time", ">="),
        ("updateTimeTo", "s.update_time", "<="),
        ("createTimeFrom", "s.create_time", ">="),
        ("createTimeTo", "s.create_time", "<="),
    ):
        value = opt_int(fields, name)
        if value is not None:
            clauses.append(f"{column} {op} ?")
            params.append(value)
    if product_id := opt_str(fields, "id"):
        clauses.append("(s.sku_id = ? OR s.item_id = ?)")
        params += [product_id, product_id]
    for name, column in (("barcode", "s.barcode"), ("scSkucode", "s.erp_code")):
        if text := opt_str(fields, name):
            clauses.append(f"{column} = ?")
            params.append(text)
    for name, column in (("buyable", "s.buyable"), ("isChannel", "s.is_channel")):
        flag = opt_bool(fields, name)
        if flag is not None:
            clauses.append(f"{column} = ?")
            params.append(int(flag))
    if opt_bool(fields, "singlePackOnly"):
        clauses.append("s.ipq = 1 AND s.union_items IS NULL")
    for name, op in (("stockGte", ">="), ("stockLte", "<=")):
        value = opt_int(fields, name)
        if value is not None:
            clauses.append(
                f"(SELECT coalesce(sum(total), 0) FROM stock WHERE stock.sku_id = s.sku_id) {op} ?"
            )
            params.append(value)
    return (" AND ".join(clauses) or "1"), tuple(params)


# Each page's entries are built by SQLite's JSON functions: {item, sku} in the spec's shape,
# ``stock`` the sellable units (total less what unpaid orders hold). Packs and bundles get
# their ``unionItemDetails`` and derived stock in Python (they are few).
_BOOL = "json(CASE WHEN {} THEN 'true' ELSE 'false' END)"
_ENTRY = f"""
SELECT s.sku_id, s.update_time, s.union_items, json_object(
  'item', json_object(
    'id', s.item_id, 'name', i.name, 'brandId', i.brand_id, 'categoryId', i.category_id,
    'attributes', json('[]'), 'shippingTemplateId', :shipping,
    'images', json_array(:images || s.item_id || '.jpg'), 'imageDescriptions', json('[]'),
    'variantIds', (SELECT json_group_array(json_extract(v.value, '$.id'))
                   FROM json_each(s.variant_doc) v),
    'deliveryMode', i.delivery_mode, 'freeReturn', 1,
    'enableMultiWarehouse', {_BOOL.format("i.multi_warehouse")},
    'isChannel', {_BOOL.format("s.is_channel")},
    'createTime', i.create_time, 'updateTime', i.update_time),
  'sku', json_object(
    'id', s.sku_id, 'itemId', s.item_id, 'name', s.name, 'ipq', s.ipq, 'price', s.price,
    'originalPrice', s.original_price,
    'stock', max((SELECT coalesce(sum(total), 0) FROM stock WHERE stock.sku_id = s.sku_id)
                 - (SELECT coalesce(sum(l.quantity), 0) FROM order_lines l
                    JOIN orders o USING (order_id) WHERE l.sku_id = s.sku_id AND o.status = 1),
                 0),
    'logisticsPlanId', :plan, 'logisticsName', 'red_auto', 'erpCode', s.erp_code,
    'scSkucode', s.erp_code, 'barcode', s.barcode, 'variants', json(s.variant_doc),
    'deliveryTime', json_object('time', '2', 'type', 'RELATIVE_TIME_NEW'),
    'buyable', {_BOOL.format("s.buyable")}, 'isGift', json('false'),
    'createTime', s.create_time, 'updateTime', s.update_time)) AS doc
FROM skus s JOIN items i USING (item_id)"""
_ORDER = " ORDER BY s.update_time DESC, s.sku_id DESC LIMIT :limit"


def get_detail_sku_list(state: SandboxState, fields: Fields) -> Any:
    page_no, page_size = page(fields, p.CATALOG_PAGE_SIZE_DEFAULT)
    where, params = _filters(fields)
    last_id = opt_str(fields, "lastId")
    named: dict[str, object] = {f"f{n}": value for n, value in enumerate(params)}
    where = _named(where)
    named.update(
        shipping=_derived_id("shipping", "default"),
        plan=_derived_id("plan", "red_auto"),
        images="https://img.example.invalid/items/",
        limit=page_size,
    )
    with state.reading() as db:
        key = (where, params)
        total = state.count_cache.get(key)
        if total is None:
            total = int(
                db.execute(f"SELECT count(*) FROM skus s WHERE {where}", named).fetchone()[0]
            )
            state.count_cache[key] = total
        if last_id:
            anchor = db.execute(
                "SELECT update_time FROM skus WHERE sku_id = ?", (last_id,)
            ).fetchone()
            rows = (
                []
                if anchor is None
                else db.execute(
                    f"{_ENTRY} WHERE {where} AND (s.update_time < :t OR (s.update_time = :t AND"
                    f" s.sku_id < :id)){_ORDER}",
                    {**named, "t": anchor[0], "id": last_id},
                ).fetchall()
            )
        else:
            after = state.page_cache.get((*key, page_size, page_no - 1))
            if after is not None:
                rows = db.execute(
                    f"{_ENTRY} WHERE {where} AND s.update_time <= :t AND (s.update_time < :t OR"
                    f" s.sku_id < :id){_ORDER}",
                    {**named, "t": after[0], "id": after[1]},
                ).fetchall()
            else:
                rows = db.execute(
                    f"{_ENTRY} WHERE {where}{_ORDER} OFFSET :offset",
                    {**named, "offset": (page_no - 1) * page_size},
                ).fetchall()
            if rows:
                state.page_cache[(*key, page_size, page_no)] = (
                    rows[-1]["update_time"],
                    rows[-1]["sku_id"],
                )
        docs = [_bundle_doc(db, r) if r["union_items"] else r["doc"] for r in rows]
    return p.RawJSON(
        f'{{"data": [{", ".join(docs)}], "pageNO": {page_no}, "pageSize": {page_size},'
        f' "total": {total}}}'
    )


def _named(where: str) -> str:
    """The filters' ``?`` marks as named parameters ``:f0``, ``:f1`` …"""
    parts = where.split("?")
    return "".join(part + (f":f{n}" if n < len(parts) - 1 else "") for n, part in enumerate(parts))


def _bundle_doc(db: sqlite3.Connection, row: sqlite3.Row) -> str:
    entry = json.loads(row["doc"])
    details = []
    for part in json.loads(row["union_items"]):
        child = db.execute("SELECT * FROM skus WHERE sku_id = ?", (part["skuId"],)).fetchone()
        if child is not None:
            details.append(
                {
                    "id": part["skuId"],
                    "name": child["name"],
                    "scSkuCode": child["erp_code"],
                    "barcode": child["barcode"],
                    "ipq": part["ipq"],
                    "erpCode": child["erp_code"],
                }
            )
    entry["sku"]["unionItemDetails"] = details
    entry["sku"]["stock"] = stock.available_many(db, [row["sku_id"]])[row["sku_id"]]
    return json.dumps(entry, ensure_ascii=False)


# --- controls: what a merchant does in the shop's own back office --------------------------------

SKU_COLUMNS = {
    "price": "price",
    "originalPrice": "original_price",
    "barcode": "barcode",
    "erpCode": "erp_code",
    "name": "name",
    "buyable": "buyable",
    "stockLocked": "stock_locked",
    "isChannel": "is_channel",
}


def update_sku(state: SandboxState, sku_id: str, **changes: Any) -> None:
    """Change a SKU as the merchant would online (price, barcode, name, buyable, …)."""
    multi = changes.pop("multiWarehouse", None)
    unknown = set(changes) - set(SKU_COLUMNS)
    if unknown:
        raise ValueError(f"cannot change {sorted(unknown)}; known: {sorted(SKU_COLUMNS)}")
    with state.writing() as db:
        row = db.execute("SELECT item_id FROM skus WHERE sku_id = ?", (sku_id,)).fetchone()
        if row is None:
            raise ValueError(f"no SKU {sku_id}")
        now = state.now_ms()
        sets = "".join(f"{SKU_COLUMNS[k]} = ?, " for k in changes)
        db.execute(
            f"UPDATE skus SET {sets}update_time = ? WHERE sku_id = ?",
            (*(int(v) if isinstance(v, bool) else v for v in changes.values()), now, sku_id),
        )
        if multi is not None:
            stock.set_multi_warehouse(db, row["item_id"], bool(multi))
            db.execute("UPDATE items SET update_time = ? WHERE item_id = ?", (now, row["item_id"]))
    state.catalog_changed()


def enable_multi_warehouse(state: SandboxState, whcode: str) -> int:
    """The merchant turns multi-warehouse stock on for every item still on ``CPartner``; their
    stock moves to ``whcode``. Returns how many items changed."""
    with state.writing() as db:
        items = [
            r[0]
            for r in db.execute(
                "SELECT item_id FROM items WHERE multi_warehouse = 0 AND item_id IN"
                " (SELECT item_id FROM skus WHERE union_items IS NULL)"
            )
        ]
        now = state.now_ms()
        for item_id in items:
            stock.set_multi_warehouse(db, item_id, True, whcode)
            db.execute("UPDATE items SET update_time = ? WHERE item_id = ?", (now, item_id))
    state.catalog_changed()
    return len(items)


def remove_sku(state: SandboxState, sku_id: str) -> None:
    with state.writing() as db:
        db.execute("DELETE FROM skus WHERE sku_id = ?", (sku_id,))
        db.execute("DELETE FROM stock WHERE sku_id = ?", (sku_id,))
    state.catalog_changed()


def add_sku(
    state: SandboxState,
    name: str,
    *,
    price: int,
    barcode: str = "",
    erp_code: str = "",
    stock_units: int = 0,
    original_price: int | None = None,
    whcode: str = "",
) -> str:
    """The merchant creates a new item of one SKU in the seller centre (the open platform's
    ``product.createItemAndSku`` is not served): with multi-warehouse stock and its units in
    warehouse ``whcode`` when the shop has it, else on ``CPartner``. Returns its skuId."""
    if price < 0 or stock_units < 0 or not name:
        raise ValueError("a SKU needs a name, a price and a stock of at least 0")
    now = state.now_ms()
    sku_id = red_id("new-sku", name, barcode, erp_code)
    item_id = red_id("new-item", sku_id)
    with state.writing() as db:
        if db.execute("SELECT 1 FROM skus WHERE sku_id = ?", (sku_id,)).fetchone():
            raise ValueError(f"SKU {sku_id} exists")
        own = db.execute("SELECT code FROM warehouses WHERE code = ?", (whcode,)).fetchone()
        target = whcode if own else p.DEFAULT_WAREHOUSE
        db.execute(
            "INSERT INTO items VALUES (?, ?, 0, ?, ?, ?, ?, ?)",
            (item_id, name, int(own is not None), now, now, *_brand_and_category(item_id)),
        )
        db.execute(
            "INSERT INTO skus (sku_id, item_id, name, variants, price, original_price, barcode,"
            " erp_code, create_time, update_time, variant_doc)"
            " VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, '[]')",
            (sku_id, item_id, name, price, max(original_price or price, price), barcode,
             erp_code, now, now),
        )  # fmt: skip
        db.execute("INSERT INTO stock VALUES (?, ?, ?)", (sku_id, target, stock_units))
    state.catalog_changed()
    return sku_id


def add_bundle(
    state: SandboxState, parts: list[tuple[str, int]], *, name: str | None = None
) -> str:
    """A new SKU made of others: one part with ipq > 1 is a pack, several a bundle."""
    if not parts or any(qty < 1 for _, qty in parts):
        raise ValueError("a bundle needs parts with a quantity of at least 1")
    now = state.now_ms()
    with state.writing() as db:
        children = []
        for sku_id, _ in parts:
            child = db.execute("SELECT * FROM skus WHERE sku_id = ?", (sku_id,)).fetchone()
            if child is None:
                raise ValueError(f"no SKU {sku_id}")
            children.append(child)
        first = children[0]
        pack = len(parts) == 1
        ipq = parts[0][1] if pack else 1
        title = name or (f"{first['name']} {ipq}件装" if pack else "组合装 " + first["name"])
        new_id = red_id("bundle", *(f"{s}x{q}" for s, q in parts))
        item_id = red_id("bundle-item", new_id)
        price = sum(c["price"] * q for c, (_, q) in zip(children, parts, strict=True))
        mode = db.execute(
            "SELECT delivery_mode FROM items WHERE item_id = ?", (first["item_id"],)
        ).fetchone()[0]
        db.execute(
            "INSERT INTO items VALUES (?, ?, ?, 0, ?, ?, ?, ?)",
            (item_id, title, mode, now, now, *_brand_and_category(item_id)),
        )
        db.execute(
            "INSERT INTO skus (sku_id, item_id, name, variants, price, original_price, barcode,"
            " erp_code, ipq, union_items, create_time, update_time)"
            " VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_id,
                item_id,
                title,
                price,
                price,
                "",
                f"{first['erp_code']}-B{len(parts)}{ipq}",
                ipq,
                json.dumps([{"skuId": s, "ipq": q} for s, q in parts]),
                now,
                now,
            ),
        )
    state.catalog_changed()
    return new_id
