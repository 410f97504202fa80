"""Stock and warehouses: ``inventory.*`` and ``warehouse.*`` as their specs describe them.

- ``inventory.getSkuStock`` / ``syncSkuStock`` / ``incSkuStock`` (``库存API``, old gateway):
  ``data`` is ``{skuId, apiVersion, skuStock, skuStockInfoWithWhcode[{skuId, whcode, skuStock}],
  response{success, message, code}}``; ``syncSkuStock`` sets the TOTAL (sellable + held by unpaid
  orders + channel stock), ``incSkuStock`` adds to the sellable stock. Both work only for SKUs
  without multi-warehouse stock (their spec), i.e. the default warehouse ``CPartner``.
- ``inventory.getSkuStockV2`` / ``syncSkuStockV2`` (newer gateway, ``{code, msg}``): ``data`` is
  ``{response{success, msg, code}, apiVersion, skuStockInfo{skuId, skuStockInfo}, …}``.
- A refusal of a stock change is reported INSIDE a successful envelope, in ``data.response``.
- ``warehouse.create`` (code: letters, digits and ``_``, at most 24), ``warehouse.list``,
  ``warehouse.setCoverage`` (``whCode``, area codes), ``warehouse.setPriority``.

Units held by unpaid orders (status 1) are the ``occupiedQuantity``; a paid order takes its units
off the total of the warehouse it was routed to (see docs/red-sandbox.md, assumptions).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from sync.red_sandbox import protocol as p
from sync.red_sandbox import zones
from sync.red_sandbox.fields import Fields, Refused, bad, opt_int, opt_list, opt_str, page, req_str
from sync.red_sandbox.state import SandboxState

# --- stock views ---------------------------------------------------------------------------------


def _occupied(db: sqlite3.Connection, sku_id: str) -> dict[str, int]:
    return dict(
        db.execute(
            "SELECT o.whcode, sum(l.quantity) FROM order_lines l JOIN orders o USING (order_id)"
            " WHERE l.sku_id = ? AND o.status = ? GROUP BY o.whcode",
            (sku_id, p.STATUS_AWAITING_PAYMENT),
        ).fetchall()
    )


def warehouse_rows(db: sqlite3.Connection, sku_id: str) -> list[tuple[str, int, int]]:
    """(whcode, total, occupied) per warehouse; a bundle's are derived from its parts."""
    row = db.execute("SELECT union_items FROM skus WHERE sku_id = ?", (sku_id,)).fetchone()
    if row is not None and row["union_items"]:
        parts = json.loads(row["union_items"])
        per_part = [
            {code: total - held for code, total, held in warehouse_rows(db, part["skuId"])}
            for part in parts
        ]
        codes = sorted(set.intersection(*(set(d) for d in per_part))) if per_part else []
        return [
            (
                code,
                min(
                    max(d[code], 0) // part["ipq"] for d, part in zip(per_part, parts, strict=True)
                ),
                0,
            )
            for code in codes
        ]
    held = _occupied(db, sku_id)
    return [
        (r["whcode"], r["total"], int(held.get(r["whcode"], 0)))
        for r in db.execute(
            "SELECT whcode, total FROM stock WHERE sku_id = ? ORDER BY whcode", (sku_id,)
        )
    ]


def available_many(db: sqlite3.Connection, sku_ids: list[str]) -> dict[str, int]:
    """Sellable stock of many SKUs at once (the catalog page's ``stock``)."""
    if not sku_ids:
        return {}
    marks = ",".join("?" * len(sku_ids))
    totals = dict(
        db.execute(
            f"SELECT sku_id, sum(total) FROM stock WHERE sku_id IN ({marks}) GROUP BY sku_id",
            sku_ids,
        ).fetchall()
    )
    held = dict(
        db.execute(
            "SELECT l.sku_id, sum(l.quantity) FROM order_lines l JOIN orders o USING (order_id)"
            f" WHERE l.sku_id IN ({marks}) AND o.status = ? GROUP BY l.sku_id",
            (*sku_ids, p.STATUS_AWAITING_PAYMENT),
        ).fetchall()
    )
    answer = {s: max(int(totals.get(s, 0)) - int(held.get(s, 0)), 0) for s in sku_ids}
    for sku_id in sku_ids:
        if sku_id not in totals:  # a bundle or pack: derived
            answer[sku_id] = sum(max(t - h, 0) for _, t, h in warehouse_rows(db, sku_id))
    return answer


def _numbers(total: int, occupied: int) -> dict[str, int]:
    return {
        "available": max(total - occupied, 0),
        "total": total,
        "occupiedQuantity": occupied,
        "productChannelQuantity": 0,
        "productChannelOccupiedQuantity": 0,
        "activityChannelQuantity": 0,
        "activityChannelOccupiedQuantity": 0,
        "reserved": 0,
        "standalone": 0,
    }


def _inner(
    code: int = 0, text: str = "", *, v2: bool, success: bool | None = None
) -> dict[str, Any]:
    ok = code == 0 if success is None else success
    return {"success": ok, ("msg" if v2 else "message"): text, "code": code}


def _refusal(code: int, detail: str = "") -> tuple[int, str]:
    text = p.message(code)
    return code, f"{text}: {detail}" if detail else text


def _stock_v1(db: sqlite3.Connection, sku_id: str, inner: dict[str, Any]) -> dict[str, Any]:
    rows = warehouse_rows(db, sku_id)
    return {
        "skuId": sku_id,
        "apiVersion": "V1",
        "skuStock": _numbers(sum(r[1] for r in rows), sum(r[2] for r in rows)),
        "skuStockInfoWithWhcode": [
            {"skuId": sku_id, "whcode": code, "skuStock": _numbers(total, held)}
            for code, total, held in rows
        ],
        "response": inner,
    }


def _stock_v2(
    db: sqlite3.Connection, sku_id: str, inner: dict[str, Any], *, as_map: Iterable[str] = ()
) -> dict[str, Any]:
    """The V2 answer; ``as_map``: the warehouses a sync named, answered as a map."""
    rows = warehouse_rows(db, sku_id)
    per = [
        {"skuId": sku_id, "whcode": code, "skuStockInfo": _numbers(total, held)}
        for code, total, held in rows
    ]
    answer: dict[str, Any] = {
        "response": inner,
        "apiVersion": "V1",
        "skuStockInfo": {
            "skuId": sku_id,
            "skuStockInfo": _numbers(sum(r[1] for r in rows), sum(r[2] for r in rows)),
        },
    }
    named = set(as_map)
    if named:
        answer["data"] = {entry["whcode"]: entry for entry in per if entry["whcode"] in named}
    else:
        answer["skuStockInfoWithWhcode"] = per
    return answer


def _sku_for_change(
    db: sqlite3.Connection, sku_id: str
) -> tuple[sqlite3.Row | None, tuple[int, str]]:
    """The SKU and (0, "") when its stock may be set, else the inner refusal."""
    row = db.execute(
        "SELECT s.*, i.multi_warehouse FROM skus s JOIN items i USING (item_id) WHERE sku_id = ?",
        (sku_id,),
    ).fetchone()
    if row is None:
        return None, _refusal(p.ERR_PARAMETER, f"skuId {sku_id} does not exist")
    if row["stock_locked"]:
        return row, _refusal(p.ERR_STOCK_NOT_MODIFIABLE)
    if row["is_channel"]:
        return row, _refusal(p.ERR_CHANNEL_PRODUCT)
    if row["union_items"] or row["ipq"] > 1:
        return row, _refusal(p.ERR_BUNDLE_STOCK)
    return row, (0, "")


# --- inventory.* ---------------------------------------------------------------------------------


def get_sku_stock(state: SandboxState, fields: Fields) -> Any:
    sku_id = req_str(fields, "skuId")
    with state.reading() as db:
        if db.execute("SELECT 1 FROM skus WHERE sku_id = ?", (sku_id,)).fetchone() is None:
            code, text = _refusal(p.ERR_PARAMETER, f"skuId {sku_id} does not exist")
            return _stock_v1(db, sku_id, _inner(code, text, v2=False))
        return _stock_v1(db, sku_id, _inner(v2=False))


def get_sku_stock_v2(state: SandboxState, fields: Fields) -> Any:
    sku_id = req_str(fields, "skuId")
    opt_int(fields, "inventoryType")
    with state.reading() as db:
        if db.execute("SELECT 1 FROM skus WHERE sku_id = ?", (sku_id,)).fetchone() is None:
            code, text = _refusal(p.ERR_PARAMETER, f"skuId {sku_id} does not exist")
            return _stock_v2(db, sku_id, _inner(code, text, v2=True), as_map=())
        return _stock_v2(db, sku_id, _inner(v2=True), as_map=())


def _set_total(db: sqlite3.Connection, sku_id: str, whcode: str, total: int) -> None:
    db.execute(
        "INSERT INTO stock VALUES (?, ?, ?) ON CONFLICT (sku_id, whcode)"
        " DO UPDATE SET total = excluded.total",
        (sku_id, whcode, total),
    )


def _not_multi(row: sqlite3.Row) -> tuple[int, str]:
    if row["multi_warehouse"]:
        return _refusal(
            p.ERR_PARAMETER,
            "this SKU has multi-warehouse stock; use inventory.syncSkuStockV2 per warehouse",
        )
    return 0, ""


def sync_sku_stock(state: SandboxState, fields: Fields) -> Any:
    sku_id, qty = req_str(fields, "skuId"), _req_qty(fields)
    with state.writing() as db:
        row, (code, text) = _sku_for_change(db, sku_id)
        if row is not None and not code:
            code, text = _not_multi(row)
        if not code and qty < 0:
            code, text = _refusal(p.ERR_STOCK_BELOW_ZERO)
        if code:
            return _stock_v1(db, sku_id, _inner(code, text, v2=False))
        _set_total(db, sku_id, p.DEFAULT_WAREHOUSE, qty)
        held = _occupied(db, sku_id).get(p.DEFAULT_WAREHOUSE, 0)
        if qty < held:  # documented: a success that could not take the held units off
            inner = _inner(
                p.WARN_OCCUPIED_NOT_DEDUCTED,
                p.message(p.WARN_OCCUPIED_NOT_DEDUCTED),
                v2=False,
                success=True,
            )
        else:
            inner = _inner(v2=False)
        return _stock_v1(db, sku_id, inner)


def inc_sku_stock(state: SandboxState, fields: Fields) -> Any:
    sku_id, qty = req_str(fields, "skuId"), _req_qty(fields)
    with state.writing() as db:
        row, (code, text) = _sku_for_change(db, sku_id)
        if row is not None and not code:
            code, text = _not_multi(row)
        if not code:
            rows = {c: (t, h) for c, t, h in warehouse_rows(db, sku_id)}
            total, held = rows.get(p.DEFAULT_WAREHOUSE, (0, 0))
            if total + qty - held < 0:
                code, text = _refusal(p.ERR_STOCK_BELOW_ZERO)
            else:
                _set_total(db, sku_id, p.DEFAULT_WAREHOUSE, total + qty)
        return _stock_v1(db, sku_id, _inner(code, text, v2=False))


def sync_sku_stock_v2(state: SandboxState, fields: Fields) -> Any:
    sku_id = req_str(fields, "skuId")
    per_warehouse = fields.get("qtyWithWhcode")
    if not isinstance(per_warehouse, dict) or not per_warehouse:
        raise bad('qtyWithWhcode is required: {"<whcode>": quantity}')
    for whcode, qty in per_warehouse.items():
        if isinstance(qty, bool) or not isinstance(qty, int):
            raise bad(f"the quantity for {whcode} must be an integer")
    with state.writing() as db:
        row, (code, text) = _sku_for_change(db, sku_id)
        if row is not None and not code:
            known = {r[0] for r in db.execute("SELECT code FROM warehouses")}
            if not row["multi_warehouse"]:
                if set(per_warehouse) != {p.DEFAULT_WAREHOUSE}:
                    code, text = _refusal(
                        p.ERR_PARAMETER,
                        f"this SKU has no multi-warehouse stock: only {p.DEFAULT_WAREHOUSE}",
                    )
            elif missing := sorted(set(per_warehouse) - known):
                code, text = _refusal(p.ERR_PARAMETER, f"no warehouse {', '.join(missing)}")
        if not code and any(qty < 0 for qty in per_warehouse.values()):
            code, text = _refusal(p.ERR_STOCK_BELOW_ZERO)
        if not code:
            for whcode, qty in per_warehouse.items():
                _set_total(db, sku_id, str(whcode), qty)
        return _stock_v2(db, sku_id, _inner(code, text, v2=True), as_map=per_warehouse)


def _req_qty(fields: Fields) -> int:
    qty = opt_int(fields, "qty")
    if qty is None:
        raise bad("qty is required")
    return qty


def set_multi_warehouse(
    db: sqlite3.Connection, item_id: str, multi: bool, whcode: str | None = None
) -> None:
    """Switch an item's multi-warehouse stock on (its stock moves to ``whcode``, by default the
    first warehouse created) or off (back to ``CPartner``)."""
    if multi:
        first = db.execute(
            "SELECT code FROM warehouses ORDER BY created_ms, code LIMIT 1"
        ).fetchone()
        target = whcode or (first[0] if first else None)
        if (
            target is None
            or not db.execute("SELECT 1 FROM warehouses WHERE code = ?", (target,)).fetchone()
        ):
            raise ValueError("multi-warehouse stock needs a warehouse created first")
    else:
        target = p.DEFAULT_WAREHOUSE
    db.execute("UPDATE items SET multi_warehouse = ? WHERE item_id = ?", (int(multi), item_id))
    for (sku_id,) in db.execute(
        "SELECT sku_id FROM skus WHERE item_id = ? AND union_items IS NULL", (item_id,)
    ).fetchall():
        total = int(
            db.execute(
                "SELECT coalesce(sum(total), 0) FROM stock WHERE sku_id = ?", (sku_id,)
            ).fetchone()[0]
        )
        db.execute("DELETE FROM stock WHERE sku_id = ?", (sku_id,))
        _set_total(db, sku_id, target, total)


# --- warehouse.* ---------------------------------------------------------------------------------


def insert_warehouse(
    db: sqlite3.Connection,
    code: str,
    name: str,
    zone_code: str,
    address: str,
    contact_name: str,
    contact_tel: str,
    now: int,
) -> None:
    db.execute(
        "INSERT INTO warehouses VALUES (?, ?, ?, ?, ?, ?, ?)",
        (code, name, zone_code, address, contact_name, contact_tel, now),
    )


def warehouse_create(state: SandboxState, fields: Fields) -> Any:
    code, name = req_str(fields, "code"), req_str(fields, "name")
    zone_code, address = req_str(fields, "zoneCode"), req_str(fields, "address")
    contact_name, contact_tel = opt_str(fields, "contactName"), opt_str(fields, "contactTel")
    if not p.WAREHOUSE_CODE_RE.fullmatch(code):
        raise bad("code: letters, digits and _ only, at most 24 characters")
    if code == p.DEFAULT_WAREHOUSE:
        raise bad(f"{p.DEFAULT_WAREHOUSE} is the shop's default warehouse")
    if len(name) > p.WAREHOUSE_NAME_MAX:
        raise bad(f"name: at most {p.WAREHOUSE_NAME_MAX} characters")
    if not (len(zone_code) == 12 and zone_code.isdigit() and zone_code[:6] in zones.DISTRICTS):
        raise bad("zoneCode: the 12-digit code of the town or street (最末级地区编码)")
    with state.writing() as db:
        if db.execute("SELECT 1 FROM warehouses WHERE code = ?", (code,)).fetchone():
            raise bad(f"a warehouse {code} already exists")
        insert_warehouse(
            db,
            code,
            name,
            zone_code,
            address,
            contact_name or "",
            contact_tel or "",
            state.now_ms(),
        )
    return None


def warehouse_list(state: SandboxState, fields: Fields) -> Any:
    page_no, page_size = page(fields, p.WAREHOUSE_PAGE_SIZE_DEFAULT)
    clauses, params = [], []
    if code := opt_str(fields, "code"):
        clauses.append("code = ?")
        params.append(code)
    if name := opt_str(fields, "name"):
        clauses.append("instr(name, ?) > 0")
        params.append(name)
    where = " AND ".join(clauses) or "1"
    with state.reading() as db:
        total = int(
            db.execute(f"SELECT count(*) FROM warehouses WHERE {where}", params).fetchone()[0]
        )
        rows = db.execute(
            f"SELECT * FROM warehouses WHERE {where} ORDER BY created_ms, code LIMIT ? OFFSET ?",
            (*params, page_size, (page_no - 1) * page_size),
        ).fetchall()
    return {"total": total, "warehouseList": [_warehouse(r) for r in rows]}


def _warehouse(row: sqlite3.Row) -> dict[str, str]:
    zone = zones.district(row["zone_code"][:6])
    return {
        "code": row["code"],
        "name": row["name"],
        "province": zone.province,
        "provinceCode": zone.province_code,
        "city": zone.city,
        "cityCode": zone.city_code,
        "area": zone.district,
        "areaCode": zone.district_code,
        "town": "",
        "townCode": row["zone_code"],
        "address": row["address"],
        "contactName": row["contact_name"],
        "contactTel": row["contact_tel"],
    }


def _existing(db: sqlite3.Connection, whcode: str) -> None:
    if db.execute("SELECT 1 FROM warehouses WHERE code = ?", (whcode,)).fetchone() is None:
        raise bad(f"no warehouse {whcode}")


def warehouse_set_coverage(state: SandboxState, fields: Fields) -> Any:
    whcode = req_str(fields, "whCode")
    codes = opt_list(fields, "zoneCodeList")
    if not codes or not all(isinstance(c, str) and zones.is_known_area(c) for c in codes):
        raise bad("zoneCodeList: province, city or district codes (一级、二级或三级地区编码)")
    with state.writing() as db:
        _existing(db, whcode)
        db.execute("DELETE FROM coverage WHERE whcode = ?", (whcode,))
        db.executemany("INSERT INTO coverage VALUES (?, ?)", [(whcode, c) for c in set(codes)])
    return None


def warehouse_set_priority(state: SandboxState, fields: Fields) -> Any:
    area = req_str(fields, "zoneCode")
    ranked = opt_list(fields, "warehousePriorityList")
    if not zones.is_known_area(area):
        raise bad("zoneCode: a province, city or district code")
    if not ranked or not all(
        isinstance(e, dict) and isinstance(e.get("whCode"), str) for e in ranked
    ):
        raise bad('warehousePriorityList: [{"whCode": …}, …], highest priority first')
    with state.writing() as db:
        for entry in ranked:
            _existing(db, entry["whCode"])
        db.execute("DELETE FROM priority WHERE area_code = ?", (area,))
        db.executemany(
            "INSERT INTO priority VALUES (?, ?, ?)",
            [(area, rank, e["whCode"]) for rank, e in enumerate(ranked)],
        )
    return None


# --- routing and sales ---------------------------------------------------------------------------


def route(db: sqlite3.Connection, district_code: str, sku_ids: Iterable[str]) -> str:
    """The warehouse an order goes to: the covering warehouse ranked first for the buyer's area.

    Items without multi-warehouse stock ship from ``CPartner``. Ranks come from the most
    specific area (district, city, province) that has a priority list; unranked warehouses
    follow in the order they were created.
    """
    multi = all(
        db.execute(
            "SELECT i.multi_warehouse FROM skus s JOIN items i USING (item_id) WHERE sku_id = ?",
            (sku_id,),
        ).fetchone()[0]
        for sku_id in sku_ids
    )
    if not multi:
        return p.DEFAULT_WAREHOUSE
    covering = [
        code
        for (code,) in db.execute("SELECT code FROM warehouses ORDER BY created_ms, code")
        if any(
            zones.covers(area, district_code)
            for (area,) in db.execute("SELECT area_code FROM coverage WHERE whcode = ?", (code,))
        )
    ]
    for area in zones.areas_of(district_code):
        ranks = [
            r[0]
            for r in db.execute(
                "SELECT whcode FROM priority WHERE area_code = ? ORDER BY rank", (area,)
            )
        ]
        if ranks:
            covering.sort(key=lambda c: ranks.index(c) if c in ranks else len(ranks))
            break
    return covering[0] if covering else p.DEFAULT_WAREHOUSE


def apply_sale(db: sqlite3.Connection, order_id: str, sign: int) -> None:
    """A paid order takes its units off its warehouse's totals (-1); a cancel puts them back."""
    whcode = db.execute("SELECT whcode FROM orders WHERE order_id = ?", (order_id,)).fetchone()[0]
    for sku_id, qty in db.execute(
        "SELECT sku_id, quantity FROM order_lines WHERE order_id = ?", (order_id,)
    ).fetchall():
        for part, count in _singles(db, sku_id, qty):
            db.execute(
                "INSERT INTO stock VALUES (?, ?, ?) ON CONFLICT (sku_id, whcode)"
                " DO UPDATE SET total = max(total + ?, 0)",
                (part, whcode, max(sign * count, 0), sign * count),
            )


def _singles(db: sqlite3.Connection, sku_id: str, qty: int) -> list[tuple[str, int]]:
    row = db.execute("SELECT union_items FROM skus WHERE sku_id = ?", (sku_id,)).fetchone()
    if row is None or not row["union_items"]:
        return [(sku_id, qty)]
    return [(part["skuId"], part["ipq"] * qty) for part in json.loads(row["union_items"])]


def raise_if_unknown_order(db: sqlite3.Connection, order_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM orders WHERE order_id = ?", (order_id,)
    ).fetchone()
    if row is None:
        raise Refused(p.ERR_ORDER_NOT_FOUND)
    return row
