"""Orders as ``api/订单API`` describes them: list, detail, receivers, delivery, express changes.

- ``order.getOrderList``: ``timeType`` 1 (created, window ≤ 24 h) or 2 (updated, ≤ 30 min, read
  from the last page back), times in seconds, ``pageNo`` ≤ 100, ``pageSize`` ≤ 100, ``orderType``
  and ``orderStatus`` filters; answers ``{total, pageNo, pageSize, maxPageNo, orderList}``.
- ``order.getOrderDetail``: the official fields, times in ms, per-line integer ``deliveryMode``
  (1: may be delivered without a courier), ``skuDetailList`` with ``pricePerSku`` (declared price)
  AND ``paidAmountPerSku`` (what was paid), parcels in ``simpleDeliveryOrderList``; no
  order-level pickup/express field and no receiver name, phone or address.
- ``order.getOrderReceiverInfo``: ciphertext name, phone and address while awaiting shipment.
- ``order.orderDeliver``: express company codes of ``common.getExpressCompanyList``;
  ``selfdelivery`` only when every line shipped has ``deliveryMode`` 1; split shipment with
  ``unpack`` + ``skuIdList``; refused with -2000203 while the buyer asks to cancel.
- ``order.modifyOrderExpressInfo``: a shipped parcel's tracking number corrected.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Sequence
from typing import Any

from sync.red_sandbox import privacy, stock, zones
from sync.red_sandbox import protocol as p
from sync.red_sandbox.fields import (
    Fields,
    Refused,
    bad,
    opt_bool,
    opt_int,
    opt_list,
    opt_str,
    page,
    req_str,
    window,
)
from sync.red_sandbox.state import SandboxState, get_meta, put_meta

EXPRESS_COMPANIES: tuple[tuple[int, str, str, str], ...] = (
    (1, "zto", "中通快递", ""),
    (2, "shunfeng", "顺丰速运", "该快递可做一单到底"),
    (3, "yto", "圆通速递", ""),
    (4, "yunda", "韵达快递", ""),
    (5, "sto", "申通快递", ""),
    (6, "jd", "京东物流", ""),
    (7, "ems", "EMS", ""),
    (8, "jtexpress", "极兔速递", ""),
)
EXPRESS_NAMES = {code: name for _, code, name, _ in EXPRESS_COMPANIES}
SHIPPED = (p.STATUS_AWAITING_RECEIPT, p.STATUS_COMPLETED)
DAY_MS = 24 * 3600 * 1000
_SURNAMES = "王李张刘陈杨赵黄周吴"
_GIVEN = ("小红", "晓明", "思雨", "嘉怡", "子涵", "浩然")


def get_express_company_list(state: SandboxState, fields: Fields) -> Any:
    return {
        "expressCompanyInfos": [
            {
                "expressCompanyId": i,
                "expressCompanyCode": code,
                "expressCompanyName": name,
                "comment": comment,
            }
            for i, code, name, comment in EXPRESS_COMPANIES
        ]
    }


# --- generated orders ----------------------------------------------------------------------------


def _random_skus(
    db: sqlite3.Connection, rng: Any, mode: int | None, count: int
) -> list[sqlite3.Row]:
    """Up to ``count`` buyable SKUs chosen at random (with ``mode``, of items with that
    delivery mode): each the first match at or after a random row of the catalog, so a
    200,000-SKU catalog is not counted or skipped through for every buyer."""
    where = "s.buyable = 1 AND s.union_items IS NULL AND s.ipq = 1 AND s.is_channel = 0"
    params: tuple[object, ...] = ()
    if mode is not None:
        where += " AND i.delivery_mode = ?"
        params = (mode,)
    low, high = db.execute("SELECT min(rowid), max(rowid) FROM skus").fetchone()
    if low is None:
        return []
    query = (
        f"SELECT s.*, i.delivery_mode FROM skus s JOIN items i USING (item_id)"
        f" WHERE s.rowid >= ? AND {where} ORDER BY s.rowid LIMIT 1"
    )
    picked: dict[str, sqlite3.Row] = {}
    for _ in range(count * 3):
        if len(picked) >= count:
            break
        row = db.execute(query, (rng.randint(low, high), *params)).fetchone()
        row = row or db.execute(query, (low, *params)).fetchone()  # none after it: wrap
        if row is None:
            break
        picked[row["sku_id"]] = row
    return list(picked.values())


def generate_orders(
    state: SandboxState,
    count: int,
    *,
    pickup_share: float = 0.5,
    other_warehouse_share: float = 0.0,
    status: int = p.STATUS_AWAITING_SHIPMENT,
    order_type: int = 1,
    whcode: str | None = None,
    sku_ids: Sequence[str] | None = None,
    original_order_id: str = "",
    quantity: int | None = None,
    only_available: bool = False,
) -> list[str]:
    """New orders of buyers: a share of them wholly of items that need no courier ("pickups").
    Buyers choosing ``sku_ids`` buy ``quantity`` of each (else 1–2); with ``only_available``
    they buy only what is available (``total - occupiedQuantity``) in the order's warehouse,
    as the shop page sells it: a SKU sold out there is refused (ValueError)."""
    rng = state.random()
    ids: list[str] = []
    with state.writing() as db:
        for _ in range(count):
            now = state.now_ms()
            if sku_ids:
                rows = [
                    r
                    for s in sku_ids
                    if (
                        r := db.execute(
                            "SELECT s.*, i.delivery_mode FROM skus s JOIN items i"
                            " USING (item_id) WHERE sku_id = ?",
                            (s,),
                        ).fetchone()
                    )
                ]
                if len(rows) != len(set(sku_ids)):
                    raise ValueError("unknown skuIds")
            elif rng.random() < pickup_share:
                rows = _random_skus(db, rng, 1, rng.randint(1, 3)) or _random_skus(db, rng, None, 1)
            else:
                rows = _random_skus(db, rng, 0, 1) + _random_skus(db, rng, None, rng.randint(0, 2))
                rows = list({r["sku_id"]: r for r in rows}.values())
            if not rows:
                return ids
            lines = [(r, quantity or rng.randint(1, 2)) for r in rows]
            district = rng.choice(
                zones.OTHER_DISTRICTS
                if rng.random() < other_warehouse_share
                else zones.SHANGHAI_DISTRICTS
            )
            order_id = state.new_id("P", 18)
            target = whcode or stock.route(db, district, [r["sku_id"] for r, _ in lines])
            if only_available:
                for row, qty in lines:
                    free = {
                        code: total - held
                        for code, total, held in stock.warehouse_rows(db, row["sku_id"])
                    }
                    if free.get(target, 0) < qty:
                        raise ValueError(f"{row['sku_id']} is sold out in {target}")
            name = rng.choice(_SURNAMES) + rng.choice(_GIVEN)
            phone = f"1{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}"
            address = f"{rng.choice(zones.STREETS)}{rng.randint(1, 999)}号{rng.randint(1, 30)}室"
            no_courier = all(r["delivery_mode"] == 1 for r, _ in lines)
            paid = status != p.STATUS_AWAITING_PAYMENT
            db.execute(
                "INSERT INTO orders (order_id, order_type, status, whcode, created_ms, paid_ms,"
                " update_ms, promise_ms, district_code, open_address_id, receiver_name,"
                " receiver_phone, receiver_address, shipping_fee, original_order_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    order_id,
                    order_type,
                    status,
                    target,
                    now,
                    now if paid else 0,
                    now,
                    now + 2 * DAY_MS,
                    district,
                    _open_address_id(name, phone, address),
                    name,
                    phone,
                    address,
                    0 if no_courier else rng.choice((0, 0, 600)),
                    original_order_id,
                ),
            )
            for line_no, (row, qty) in enumerate(lines):
                price = row["price"]
                merchant = price * rng.choice((5, 10, 20)) // 100 if rng.random() < 0.4 else 0
                red = (
                    min(rng.choice((100, 300, 500)), price - merchant) if rng.random() < 0.3 else 0
                )
                db.execute(
                    "INSERT INTO order_lines (order_id, line_no, sku_id, quantity, price,"
                    " merchant_discount, red_discount, delivery_mode)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        order_id,
                        line_no,
                        row["sku_id"],
                        qty,
                        price,
                        merchant,
                        red,
                        row["delivery_mode"],
                    ),
                )
            db.execute(
                "INSERT INTO parcels (order_id, idx, status, sku_ids) VALUES (?, 0, ?, ?)",
                (order_id, status, json.dumps([r["sku_id"] for r, _ in lines])),
            )
            _encrypt_receiver(state, db, order_id, name, phone, address)
            if paid and status not in (p.STATUS_CANCELLED, p.STATUS_CLOSED):
                stock.apply_sale(db, order_id, -1)
            ids.append(order_id)
    return ids


def _open_address_id(name: str, phone: str, address: str) -> str:
    return hashlib.md5(f"{name}|{phone}|{address}".encode()).hexdigest()


def _encrypt_receiver(
    state: SandboxState, db: sqlite3.Connection, order_id: str, name: str, phone: str, address: str
) -> None:
    db.execute("DELETE FROM ciphertexts WHERE order_id = ?", (order_id,))
    for kind, plaintext in ((p.KIND_NAME, name), (p.KIND_PHONE, phone), (p.KIND_ADDRESS, address)):
        index = privacy.index_string(state.app_secret, kind, plaintext)
        cipher = privacy.ciphertext(index, os.urandom(48), kind)
        db.execute(
            "INSERT INTO ciphertexts VALUES (?, ?, ?, ?)", (cipher, order_id, kind, plaintext)
        )


def _ciphers(db: sqlite3.Connection, order_id: str) -> dict[int, str]:
    return dict(
        db.execute(
            "SELECT kind, cipher FROM ciphertexts WHERE order_id = ?", (order_id,)
        ).fetchall()
    )


# --- order.getOrderList --------------------------------------------------------------------------


def _summary(row: sqlite3.Row) -> dict[str, Any]:
    zone = zones.district(row["district_code"])
    return {
        "orderId": row["order_id"],
        "orderType": row["order_type"],
        "orderStatus": row["status"],
        "orderAfterSalesStatus": row["after_sales_status"],
        "cancelStatus": row["cancel_status"],
        "createdTime": row["created_ms"],
        "paidTime": row["paid_ms"],
        "updateTime": row["update_ms"],
        "deliveryTime": row["delivery_ms"],
        "cancelTime": row["cancel_ms"],
        "finishTime": row["finish_ms"],
        "promiseLastDeliveryTime": row["promise_ms"],
        "planInfoId": "",
        "planInfoName": "",
        "receiverCountryId": "CN",
        "receiverCountryName": "中国",
        "receiverProvinceId": zone.province_code,
        "receiverProvinceName": zone.province,
        "receiverCityId": zone.city_code,
        "receiverCityName": zone.city,
        "receiverDistrictId": zone.district_code,
        "receiverDistrictName": zone.district,
        "customerRemark": row["customer_remark"],
        "sellerRemark": "",
        "sellerRemarkFlag": 0,
        "originalOrderId": row["original_order_id"],
        "logistics": "red_auto",
        "orderTagList": json.loads(row["tags"]),
    }


def get_order_list(state: SandboxState, fields: Fields) -> Any:
    span = window(fields, unit_ms=1)
    if span is None:
        raise bad("timeType, startTime and endTime are required")
    time_type, start, end = span
    page_no, page_size = page(fields, p.ORDER_PAGE_SIZE_DEFAULT, p.ORDER_PAGE_NO_MAX)
    order_type = opt_int(fields, "orderType", 0) or 0
    status = opt_int(fields, "orderStatus", 0) or 0
    if order_type not in p.ORDER_TYPES:
        raise bad("orderType is 0..5")
    if status and status not in p.ORDER_STATUSES:
        raise bad("orderStatus is 0..10")
    column = "created_ms" if time_type == 1 else "update_ms"
    where = f"{column} BETWEEN ? AND ?"
    params: list[object] = [start * 1000, end * 1000 + 999]
    if order_type:
        where += " AND order_type = ?"
        params.append(order_type)
    if status:
        where += " AND status = ?"
        params.append(status)
    with state.reading() as db:
        total = int(db.execute(f"SELECT count(*) FROM orders WHERE {where}", params).fetchone()[0])
        rows = db.execute(
            f"SELECT * FROM orders WHERE {where} ORDER BY {column}, order_id LIMIT ? OFFSET ?",
            (*params, page_size, (page_no - 1) * page_size),
        ).fetchall()
    return {
        "total": total,
        "pageNo": page_no,
        "pageSize": page_size,
        "maxPageNo": -(-total // page_size),
        "orderList": [_summary(r) for r in rows],
    }


# --- order.getOrderDetail ------------------------------------------------------------------------


def order_lines(db: sqlite3.Connection, order_id: str) -> list[sqlite3.Row]:
    return db.execute(
        "SELECT l.*, s.name, s.barcode, s.erp_code, s.variants, s.item_id, s.union_items,"
        " s.is_channel"
        " FROM order_lines l LEFT JOIN skus s USING (sku_id) WHERE l.order_id = ?"
        " ORDER BY l.line_no",
        (order_id,),
    ).fetchall()


def _detail_entries(db: sqlite3.Connection, line: sqlite3.Row) -> list[dict[str, Any]]:
    paid = line["price"] - line["merchant_discount"] - line["red_discount"]
    parts = (
        json.loads(line["union_items"])
        if line["union_items"]
        else [{"skuId": line["sku_id"], "ipq": 1}]
    )
    children = [
        db.execute("SELECT * FROM skus WHERE sku_id = ?", (part["skuId"],)).fetchone()
        for part in parts
    ]
    weight = sum(
        (c["price"] if c else 1) * part["ipq"] for c, part in zip(children, parts, strict=True)
    )
    entries = []
    for child, part in zip(children, parts, strict=True):
        share = ((child["price"] if child else 1) * part["ipq"]) / max(weight, 1)

        ipq: int = part["ipq"]

        def split(amount: int, share: float = share, ipq: int = ipq) -> int:
            return round(amount * share / ipq)

        entries.append(
            {
                "skuId": part["skuId"],
                "erpCode": child["erp_code"] if child else "",
                "barcode": child["barcode"] if child else "",
                "scSkuCode": child["erp_code"] if child else "",
                "quantity": part["ipq"] * line["quantity"],
                "registerName": child["name"] if child else "",
                "skuName": child["name"] if child else "",
                "pricePerSku": split(line["price"]),
                "taxPerSku": 0,
                "paidAmountPerSku": split(paid),
                "depositAmountPerSku": 0,
                "merchantDiscountPerSku": split(line["merchant_discount"]),
                "redDiscountPerSku": split(line["red_discount"]),
                "rawPricePerSku": split(line["price"]),
            }
        )
    return entries


def _sku_entry(db: sqlite3.Connection, line: sqlite3.Row) -> dict[str, Any]:
    qty = line["quantity"]
    variants = json.loads(line["variants"]) if line["variants"] else []
    return {
        "skuId": line["sku_id"],
        "skuName": line["name"] or "",
        "erpcode": "" if line["union_items"] else (line["erp_code"] or ""),
        "skuSpec": " ".join(f"{v['name']}:{v['value']}" for v in variants),
        "skuImage": f"https://img.example.invalid/skus/{line['sku_id']}.jpg",
        "skuQuantity": qty,
        "skuDetailList": _detail_entries(db, line),
        "totalPaidAmount": (line["price"] - line["merchant_discount"] - line["red_discount"]) * qty,
        "totalMerchantDiscount": line["merchant_discount"] * qty,
        "totalRedDiscount": line["red_discount"] * qty,
        "totalTaxAmount": 0,
        "totalNetWeight": 0,
        "skuTag": 0,
        "isChannel": bool(line["is_channel"]),
        "deliveryMode": line["delivery_mode"],
        "skuAfterSaleStatus": line["after_sale_status"],
        "itemId": line["item_id"] or "",
        "itemName": line["name"] or "",
    }


def _parcels(db: sqlite3.Connection, order_id: str) -> list[sqlite3.Row]:
    return db.execute(
        "SELECT * FROM parcels WHERE order_id = ? ORDER BY idx", (order_id,)
    ).fetchall()


def get_order_detail(state: SandboxState, fields: Fields) -> Any:
    order_id = req_str(fields, "orderId")
    with state.reading() as db:
        row = stock.raise_if_unknown_order(db, order_id)
        lines = order_lines(db, order_id)
        parcels = _parcels(db, order_id)
        skus = [_sku_entry(db, line) for line in lines]
    goods = sum(s["totalPaidAmount"] for s in skus)
    red = sum(s["totalRedDiscount"] for s in skus)
    shipped = [pc for pc in parcels if pc["status"] in SHIPPED]
    last = shipped[-1] if shipped else None
    return {
        **_summary(row),
        "skuList": skus,
        "totalNetWeightAmount": 0,
        "totalPayAmount": goods + row["shipping_fee"],
        "totalShippingFree": row["shipping_fee"],
        "totalDepositAmount": 0,
        "totalMerchantDiscount": sum(s["totalMerchantDiscount"] for s in skus),
        "totalRedDiscount": red,
        "merchantActualReceiveAmount": goods + row["shipping_fee"] + red,
        "totalChangePriceAmount": 0,
        "paymentType": 2,
        "unpack": len(parcels) > 1,
        "expressTrackingNo": last["express_no"] if last else "",
        "expressCompanyCode": last["company_code"] if last else "",
        "openAddressId": row["open_address_id"],
        "simpleDeliveryOrderList": [
            {
                "deliveryOrderIndex": pc["idx"],
                "status": pc["status"],
                "expressTrackingNo": pc["express_no"],
                "expressCompanyCode": pc["company_code"],
                "skuIdList": json.loads(pc["sku_ids"]),
            }
            for pc in parcels
        ],
        "shopId": state.seller_id,
        "shopName": state.seller_name,
        "whcode": row["whcode"],
        "userId": hashlib.md5(row["open_address_id"].encode()).hexdigest()[:24],
        "logisticsMode": 1,
    }


# --- order.getOrderReceiverInfo ------------------------------------------------------------------


def get_order_receiver_info(state: SandboxState, fields: Fields) -> Any:
    queries = opt_list(fields, "receiverQueries")
    if opt_bool(fields, "isReturn") is None:
        raise bad("isReturn is required (true for an exchange's receiver)")
    if not queries:
        raise bad("receiverQueries is required")
    infos = []
    with state.reading() as db:
        for query in queries:
            if not isinstance(query, dict):
                raise bad("each receiver query is {orderId, openAddressId}")
            order_id, address_id = query.get("orderId"), query.get("openAddressId")
            if not isinstance(order_id, str) or not isinstance(address_id, str):
                raise bad("each receiver query needs orderId and openAddressId")
            row = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
            if row is None or row["status"] not in (
                p.STATUS_AWAITING_SHIPMENT,
                p.STATUS_PARTLY_SHIPPED,
            ):  # only while awaiting shipment
                continue
            if address_id != row["open_address_id"]:
                infos.append({"orderId": order_id, "matched": False})
                continue
            zone = zones.district(row["district_code"])
            ciphers = _ciphers(db, order_id)
            infos.append(
                {
                    "orderId": order_id,
                    "matched": True,
                    "receiverProvinceName": zone.province,
                    "receiverCityName": zone.city,
                    "receiverDistrictName": zone.district,
                    "receiverTownName": "",
                    "receiverName": ciphers[p.KIND_NAME],
                    "receiverPhone": ciphers[p.KIND_PHONE],
                    "receiverAddress": ciphers[p.KIND_ADDRESS],
                }
            )
    return {"receiverInfos": infos}


# --- data.batchDecrypt / data.batchDesensitise ---------------------------------------------------


def _base_infos(fields: Fields) -> list[tuple[str, str]]:
    infos = opt_list(fields, "baseInfos")
    action = opt_str(fields, "actionType")
    if not infos:
        raise bad("baseInfos is required")
    if len(infos) > p.DECRYPT_BATCH_MAX:
        raise bad(f"at most {p.DECRYPT_BATCH_MAX} baseInfos")
    if action not in p.DECRYPT_ACTION_TYPES:
        raise bad('actionType is "1".."4"')
    if not opt_str(fields, "appUserId"):
        raise bad("appUserId is required (any non-empty text)")
    pairs = []
    for info in infos:
        if not isinstance(info, dict):
            raise bad("each baseInfo is {dataTag, encryptedData}")
        tag, data = info.get("dataTag"), info.get("encryptedData")
        if not isinstance(tag, str) or not isinstance(data, str):
            raise bad("each baseInfo needs dataTag and encryptedData")
        pairs.append((tag, data))
    return pairs


def _lookup(db: sqlite3.Connection, tag: str, data: str) -> sqlite3.Row | None:
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM ciphertexts WHERE cipher = ?", (data,)
    ).fetchone()
    return row if row is not None and row["order_id"] == tag else None


def batch_decrypt(state: SandboxState, fields: Fields) -> Any:
    pairs = _base_infos(fields)
    out = []
    with state.writing() as db:
        day = str(state.now_ms() // DAY_MS)
        if get_meta(db, "decrypt_day") != day:
            put_meta(db, "decrypt_day", day)
            put_meta(db, "decrypt_used", "0")
        quota = int(get_meta(db, "decrypt_quota", "-1"))
        used = int(get_meta(db, "decrypt_used", "0"))
        failing = get_meta(db, "decrypt_failing", "0") == "1"
        for tag, data in pairs:
            entry: dict[str, Any] = {
                "dataTag": tag,
                "encryptedData": data,
                "decryptedData": "",
                "errorCode": 0,
                "errorMsg": "",
                "virtualNumberFlag": False,
            }
            row = _lookup(db, tag, data)
            if row is None:
                entry.update(
                    errorCode=p.ERR_PARAMETER,
                    errorMsg=f"{p.message(p.ERR_PARAMETER)}: not a ciphertext of {tag}",
                )
            elif failing:
                entry.update(
                    errorCode=p.ERR_DECRYPT_QUOTA_SERVICE,
                    errorMsg=p.message(p.ERR_DECRYPT_QUOTA_SERVICE),
                )
            elif 0 <= quota <= used:
                entry.update(errorCode=p.ERR_DECRYPT_QUOTA, errorMsg=p.message(p.ERR_DECRYPT_QUOTA))
            else:
                used += 1
                entry["decryptedData"] = row["plaintext"]
            out.append(entry)
        put_meta(db, "decrypt_used", str(used))
    return {"dataInfoList": out}


def batch_desensitise(state: SandboxState, fields: Fields) -> Any:
    pairs = _base_infos(fields)
    out = []
    with state.reading() as db:
        for tag, data in pairs:
            entry = {
                "dataTag": tag,
                "encryptedData": data,
                "desensitisedData": "",
                "errorCode": 0,
                "errorMsg": "",
            }
            kind = privacy.parse_kind(data)
            if kind is None:  # plain text kept from before encryption: masked as it looks
                kind = (
                    p.KIND_PHONE
                    if data.lstrip("+").isdigit()
                    else (p.KIND_NAME if len(data) <= 4 else p.KIND_ADDRESS)
                )
                entry["desensitisedData"] = privacy.mask(kind, data)
            elif (row := _lookup(db, tag, data)) is None:
                entry.update(
                    errorCode=p.ERR_PARAMETER,
                    errorMsg=f"{p.message(p.ERR_PARAMETER)}: not a ciphertext of {tag}",
                )
            else:
                entry["desensitisedData"] = privacy.mask(row["kind"], row["plaintext"])
            out.append(entry)
    return {"desensitiseInfoList": out}


# --- order.orderDeliver / order.modifyOrderExpressInfo -------------------------------------------


def _count_delivery(
    db: sqlite3.Connection, order_id: str, accepted: bool, no: str, code: str
) -> None:
    db.execute("INSERT OR IGNORE INTO deliveries (order_id) VALUES (?)", (order_id,))
    if accepted:
        db.execute(
            "UPDATE deliveries SET accepted = accepted + 1, express_no = ?, company_code = ?"
            " WHERE order_id = ?",
            (no, code, order_id),
        )
    else:
        db.execute("UPDATE deliveries SET refused = refused + 1 WHERE order_id = ?", (order_id,))


def _company(db: sqlite3.Connection, order_id: str, code: str, sku_ids: Sequence[str]) -> str:
    """The company's name; refuses an unknown code or a selfdelivery a line does not allow."""
    if code == p.SELF_DELIVERY:
        marks = ",".join("?" * len(sku_ids))
        modes = [
            r[0]
            for r in db.execute(
                f"SELECT delivery_mode FROM order_lines WHERE order_id = ? AND sku_id IN ({marks})",
                (order_id, *sku_ids),
            )
        ]
        if not modes or any(mode != 1 for mode in modes):
            raise bad("selfdelivery only for lines whose deliveryMode is 1", p.ERR_ORDER_PARAMETER)
        return "无物流发货"
    if code not in EXPRESS_NAMES:
        raise bad(
            f"expressCompanyCode {code!r} is not in common.getExpressCompanyList",
            p.ERR_ORDER_PARAMETER,
        )
    return EXPRESS_NAMES[code]


def order_deliver(state: SandboxState, fields: Fields) -> Any:
    order_id = req_str(fields, "orderId")
    express_no, code = req_str(fields, "expressNo"), req_str(fields, "expressCompanyCode")
    name = opt_str(fields, "expressCompanyName")
    when = opt_int(fields, "deliveringTime")
    unpack = opt_bool(fields, "unpack")
    wanted = opt_list(fields, "skuIdList")
    opt_str(fields, "returnAddressId")
    if wanted is not None and not all(isinstance(s, str) for s in wanted):
        raise bad("skuIdList is a list of skuIds")
    try:
        return _deliver(state, order_id, express_no, code, name, when, unpack, wanted)
    except Refused as refused:
        if refused.code != p.ERR_ORDER_NOT_FOUND:
            with state.writing() as db:
                _count_delivery(db, order_id, False, express_no, code)
        raise


def _deliver(
    state: SandboxState,
    order_id: str,
    express_no: str,
    code: str,
    name: str | None,
    when: int | None,
    unpack: bool | None,
    wanted: list[Any] | None,
) -> Any:
    with state.writing() as db:
        row = stock.raise_if_unknown_order(db, order_id)
        if row["cancel_status"] == 1:
            raise Refused(p.ERR_FULFILMENT_STOPPED)
        if row["status"] not in (p.STATUS_AWAITING_SHIPMENT, p.STATUS_PARTLY_SHIPPED):
            raise Refused(p.ERR_ORDER_STATUS)
        pending = db.execute(
            "SELECT * FROM parcels WHERE order_id = ? AND status = ?",
            (order_id, p.STATUS_AWAITING_SHIPMENT),
        ).fetchone()
        waiting = json.loads(pending["sku_ids"]) if pending else []
        if unpack:
            if not wanted:
                raise bad("skuIdList is required for a split shipment", p.ERR_ORDER_PARAMETER)
            if not set(wanted) <= set(waiting):
                raise bad(
                    "skuIdList has SKUs not awaiting shipment in this order",
                    p.ERR_ORDER_PARAMETER,
                )
            shipping = [s for s in waiting if s in set(wanted)]
        else:
            shipping = waiting
        if not shipping:
            raise Refused(p.ERR_ORDER_STATUS)
        known = _company(db, order_id, code, shipping)
        company = name or known
        now = state.now_ms()
        rest = [s for s in waiting if s not in shipping]
        index = (
            int(
                db.execute(
                    "SELECT max(idx) FROM parcels WHERE order_id = ?", (order_id,)
                ).fetchone()[0]
            )
            + 1
        )
        if rest:
            db.execute(
                "UPDATE parcels SET sku_ids = ? WHERE order_id = ? AND idx = ?",
                (json.dumps(rest), order_id, pending["idx"]),
            )
            db.execute(
                "INSERT INTO parcels VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    order_id,
                    index,
                    p.STATUS_AWAITING_RECEIPT,
                    express_no,
                    code,
                    company,
                    json.dumps(shipping),
                    when or now,
                ),
            )
        else:
            db.execute(
                "UPDATE parcels SET status = ?, express_no = ?, company_code = ?,"
                " company_name = ?, delivered_ms = ? WHERE order_id = ? AND idx = ?",
                (
                    p.STATUS_AWAITING_RECEIPT,
                    express_no,
                    code,
                    company,
                    when or now,
                    order_id,
                    pending["idx"],
                ),
            )
        status = p.STATUS_PARTLY_SHIPPED if rest else p.STATUS_AWAITING_RECEIPT
        tags = json.loads(row["tags"])
        if code == p.SELF_DELIVERY and "NO_LOGISTICS_SHIP" not in tags:
            tags.append("NO_LOGISTICS_SHIP")
        db.execute(
            "UPDATE orders SET status = ?, delivery_ms = ?, update_ms = ?, tags = ?"
            " WHERE order_id = ?",
            (status, when or now, now, json.dumps(tags), order_id),
        )
        _count_delivery(db, order_id, True, express_no, code)
    # The spec types ``data`` as an object, an SDK as a string; both happen, and null.
    shape = sum(order_id.encode()) % 3
    return None if shape == 0 else ({} if shape == 1 else "")


def modify_order_express_info(state: SandboxState, fields: Fields) -> Any:
    order_id = req_str(fields, "orderId")
    express_no, code = req_str(fields, "expressNo"), req_str(fields, "expressCompanyCode")
    name = opt_str(fields, "expressCompanyName")
    index = opt_int(fields, "deliveryOrderIndex")
    old = opt_str(fields, "oldExpressNo")
    with state.writing() as db:
        stock.raise_if_unknown_order(db, order_id)
        shipped = [pc for pc in _parcels(db, order_id) if pc["status"] in SHIPPED]
        if not shipped:
            raise Refused(p.ERR_ORDER_STATUS)
        if old:
            targets = [
                pc
                for pc in shipped
                if pc["express_no"] == old and (index is None or pc["idx"] == index)
            ]
        elif index is not None:
            targets = [pc for pc in shipped if pc["idx"] == index]
        elif len(shipped) == 1:
            targets = shipped
        else:
            raise bad("deliveryOrderIndex is required for a split order", p.ERR_ORDER_PARAMETER)
        if not targets:
            raise bad("no shipped parcel matches", p.ERR_ORDER_PARAMETER)
        skus = [s for pc in targets for s in json.loads(pc["sku_ids"])]
        known = _company(db, order_id, code, skus)
        company = name or known
        for pc in targets:
            db.execute(
                "UPDATE parcels SET express_no = ?, company_code = ?, company_name = ?"
                " WHERE order_id = ? AND idx = ?",
                (express_no, code, company, order_id, pc["idx"]),
            )
        db.execute("UPDATE orders SET update_ms = ? WHERE order_id = ?", (state.now_ms(), order_id))
    return None


# --- controls: what buyers and the platform do ---------------------------------------------------


def set_order_status(state: SandboxState, order_id: str, status: int) -> None:
    """Move an order to a platform status; stock follows payment and cancellation."""
    if status not in p.ORDER_STATUSES:
        raise ValueError("status is 1..10")
    with state.writing() as db:
        row = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        if row is None:
            raise ValueError(f"no order {order_id}")
        move_order(state, db, row, status)


def move_order(state: SandboxState, db: sqlite3.Connection, row: sqlite3.Row, status: int) -> None:
    now = state.now_ms()
    before = row["status"]
    unshipped = (p.STATUS_PAID, p.STATUS_CUSTOMS, p.STATUS_AWAITING_SHIPMENT)
    if before == p.STATUS_AWAITING_PAYMENT and status not in (1, 8, 9):
        stock.apply_sale(db, row["order_id"], -1)
        db.execute("UPDATE orders SET paid_ms = ? WHERE order_id = ?", (now, row["order_id"]))
    if before in unshipped and status in (p.STATUS_CLOSED, p.STATUS_CANCELLED):
        stock.apply_sale(db, row["order_id"], +1)
    extra = ""
    if status in (p.STATUS_CLOSED, p.STATUS_CANCELLED):
        extra = ", cancel_ms = :now, cancel_status = 0"
    elif status == p.STATUS_COMPLETED:
        extra = ", finish_ms = :now"
    db.execute(
        f"UPDATE orders SET status = :status, update_ms = :now{extra} WHERE order_id = :id",
        {"status": status, "now": now, "id": row["order_id"]},
    )
    if status == p.STATUS_COMPLETED:
        db.execute("UPDATE parcels SET status = ? WHERE order_id = ?", (status, row["order_id"]))
    elif status != p.STATUS_PARTLY_SHIPPED:
        db.execute(
            "UPDATE parcels SET status = ? WHERE order_id = ? AND status NOT IN (6, 7)",
            (status, row["order_id"]),
        )


def change_address(state: SandboxState, order_id: str) -> str:
    """The buyer changes the receiver before shipment: a new openAddressId and ciphertexts."""
    rng = state.random()
    with state.writing() as db:
        row = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        if row is None:
            raise ValueError(f"no order {order_id}")
        address = f"{rng.choice(zones.STREETS)}{rng.randint(1, 999)}号{rng.randint(1, 30)}室"
        address_id = _open_address_id(row["receiver_name"], row["receiver_phone"], address)
        tags = json.loads(row["tags"])
        if "MODIFIED_ADDR" not in tags:
            tags.append("MODIFIED_ADDR")
        db.execute(
            "UPDATE orders SET receiver_address = ?, open_address_id = ?, tags = ?,"
            " update_ms = ? WHERE order_id = ?",
            (address, address_id, json.dumps(tags), state.now_ms(), order_id),
        )
        _encrypt_receiver(state, db, order_id, row["receiver_name"], row["receiver_phone"], address)
    return address_id


def receiver_plaintext(state: SandboxState, order_id: str) -> dict[str, str]:
    """The receiver in clear, for tests to check what decryption gives (never on the gateway)."""
    with state.reading() as db:
        row = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        if row is None:
            raise ValueError(f"no order {order_id}")
        return {
            "receiverName": row["receiver_name"],
            "receiverPhone": row["receiver_phone"],
            "receiverAddress": row["receiver_address"],
        }
