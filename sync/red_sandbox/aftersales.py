"""After-sales as ``api/售后API`` describes them: returns, refunds and exchanges of orders.

- ``afterSale.listAfterSaleInfos`` / ``getAfterSaleInfo`` / ``rejectReasons``: the newer gateway
  (``{success, code, msg, data}``); times in ms; windows as for orders (``timeType`` 1 ≤ 24 h,
  2 ≤ 30 min) or one ``orderId``; ``pageNo * pageSize`` ≤ 50,000.
- ``afterSale.auditReturns`` (action 1 agree to refund — refunds only; 2 agree to take the goods
  back — returns and exchanges, with ``receiverInfo.sellerAddressRecordId``; 3 refuse with a
  ``reason``), ``afterSale.confirmReceive`` (1 received, 2 refuse receipt, 3 extend),
  ``afterSale.receiveAndShip`` (an exchange received and its replacement shipped).
- returnType 1 return, 2 exchange, 4 refund after shipment, 5 refund before shipment; status 1
  awaiting review, 2 awaiting the buyer's parcel, 3 awaiting receipt, 4 done, 5 cancelled,
  9 refused, 9001 receipt refused, 12 exchange awaiting shipment, 13 awaiting the buyer.

A buyer's request to cancel an unshipped order is a refund before shipment: while it is open the
order's ``cancelStatus`` is 1 and ``order.orderDeliver`` answers -2000203.
"""

from __future__ import annotations

import json
import sqlite3
import time
from typing import Any

from sync.red_sandbox import orders, zones
from sync.red_sandbox import protocol as p
from sync.red_sandbox.fields import (
    Fields,
    Refused,
    bad,
    int_list,
    opt_bool,
    opt_int,
    opt_str,
    page,
    req_int,
    req_str,
    window,
)
from sync.red_sandbox.state import SandboxState

DAY_MS = 24 * 3600 * 1000
TYPE_NAMES = {1: "退货退款", 2: "换货", 4: "已发货仅退款", 5: "未发货仅退款"}
# afterSale.rejectReasons: reasonType 0 refuse the after-sale, 1 refuse the receipt (ours).
REJECT_REASONS = {
    0: {101: "商品已发出，请拒收后申请", 102: "买家已同意继续履约", 199: "其他"},
    1: {201: "退回商品与申请不符", 202: "退回商品影响二次销售", 299: "其他"},
}
OTHER_REASONS = (199, 299)


def _yuan(fen: int) -> float:
    return round(fen / 100, 2)


def _when(ms: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(ms / 1000))


def _record(db: sqlite3.Connection, returns_id: str, now: int, title: str, role: str) -> None:
    row = db.execute(
        "SELECT records FROM after_sales WHERE returns_id = ?", (returns_id,)
    ).fetchone()
    records = json.loads(row[0]) if row else []
    records.append(
        {
            "title": title,
            "operatorRoleName": role,
            "operatorRole": 1 if role == "买家" else 2,
            "attributes": [],
            "time": _when(now),
        }
    )
    db.execute(
        "UPDATE after_sales SET records = ? WHERE returns_id = ?",
        (json.dumps(records, ensure_ascii=False), returns_id),
    )


# --- controls: the buyer's side ------------------------------------------------------------------


def create_after_sale(
    state: SandboxState,
    order_id: str,
    return_type: int,
    *,
    sku_ids: list[str] | None = None,
    reason: str = "不想要了",
) -> str:
    """The buyer applies for an after-sale on an order (some of its lines or all)."""
    if return_type not in p.RETURN_TYPES:
        raise ValueError("returnType is 1 (return), 2 (exchange), 4 or 5 (refunds)")
    now = state.now_ms()
    with state.writing() as db:
        order = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        if order is None:
            raise ValueError(f"no order {order_id}")
        unshipped = order["status"] in (p.STATUS_PAID, p.STATUS_CUSTOMS, p.STATUS_AWAITING_SHIPMENT)
        shipped = order["status"] in (
            p.STATUS_PARTLY_SHIPPED,
            p.STATUS_AWAITING_RECEIPT,
            p.STATUS_COMPLETED,
        )
        if return_type == p.REFUND_BEFORE_SHIPMENT and not unshipped:
            raise ValueError("a refund before shipment needs an order not yet shipped")
        if return_type != p.REFUND_BEFORE_SHIPMENT and not shipped:
            raise ValueError("returns, exchanges and refunds after shipment need a shipped order")
        marks = ",".join("?" * len(p.OPEN_RETURN_STATUSES))
        if db.execute(
            f"SELECT 1 FROM after_sales WHERE order_id = ? AND status IN ({marks})",
            (order_id, *p.OPEN_RETURN_STATUSES),
        ).fetchone():
            raise ValueError(f"order {order_id} already has an open after-sale")
        lines = [
            line
            for line in orders.order_lines(db, order_id)
            if sku_ids is None or line["sku_id"] in sku_ids
        ]
        if not lines:
            raise ValueError("no such lines in the order")
        returns_id = state.new_id("R", 16)
        refund = 0
        if return_type != p.EXCHANGE:
            refund = sum(
                (ln["price"] - ln["merchant_discount"] - ln["red_discount"]) * ln["quantity"]
                for ln in lines
            )
        whole = len(lines) == len(orders.order_lines(db, order_id))
        if return_type == p.REFUND_BEFORE_SHIPMENT and whole:
            refund += order["shipping_fee"]
        db.execute(
            "INSERT INTO after_sales (returns_id, order_id, return_type, status, reason_id,"
            " reason_name, description, apply_ms, updated_ms, expire_ms, expected_refund_fen)"
            " VALUES (?, ?, ?, 1, ?, ?, '', ?, ?, ?, ?)",
            (returns_id, order_id, return_type, 1, reason, now, now, now + 2 * DAY_MS, refund),
        )
        for ln in lines:
            db.execute(
                "INSERT INTO after_sale_skus VALUES (?, 'return', ?, ?, ?, ?)",
                (returns_id, ln["sku_id"], ln["quantity"], ln["quantity"], ln["price"]),
            )
            if return_type == p.EXCHANGE:
                sibling = db.execute(
                    "SELECT sku_id, price FROM skus WHERE item_id = ? AND sku_id != ? LIMIT 1",
                    (ln["item_id"], ln["sku_id"]),
                ).fetchone()
                db.execute(
                    "INSERT INTO after_sale_skus VALUES (?, 'exchange', ?, ?, ?, ?)"
                    " ON CONFLICT DO UPDATE SET applied = applied + excluded.applied,"
                    " bought = bought + excluded.bought",
                    (
                        returns_id,
                        sibling["sku_id"] if sibling else ln["sku_id"],
                        ln["quantity"],
                        ln["quantity"],
                        sibling["price"] if sibling else ln["price"],
                    ),
                )
        marks = ",".join("?" * len(lines))
        db.execute(
            "UPDATE order_lines SET after_sale_status = 2"
            f" WHERE order_id = ? AND sku_id IN ({marks})",
            (order_id, *(ln["sku_id"] for ln in lines)),
        )
        cancel = ", cancel_status = 1" if return_type == p.REFUND_BEFORE_SHIPMENT else ""
        db.execute(
            f"UPDATE orders SET after_sales_status = 2, update_ms = ?{cancel} WHERE order_id = ?",
            (now, order_id),
        )
        _record(db, returns_id, now, f"买家发起{TYPE_NAMES[return_type]}申请", "买家")
    return returns_id


def _load(db: sqlite3.Connection, returns_id: str) -> sqlite3.Row:
    row: sqlite3.Row | None = db.execute(
        "SELECT * FROM after_sales WHERE returns_id = ?", (returns_id,)
    ).fetchone()
    if row is None:
        raise bad(f"no after-sale {returns_id}")
    return row


def _settle(
    state: SandboxState,
    db: sqlite3.Connection,
    row: sqlite3.Row,
    status: int,
    order_status: int,
    title: str,
    role: str = "商家",
) -> None:
    """Move an after-sale to a status and mark its order and lines with the outcome."""
    now = state.now_ms()
    refunded = status == p.R_DONE and row["return_type"] != p.EXCHANGE
    db.execute(
        "UPDATE after_sales SET status = ?, updated_ms = ?, expire_ms = ?, refund_status = ?,"
        " refund_fen = ?, refund_ms = ? WHERE returns_id = ?",
        (
            status,
            now,
            -1 if status not in p.OPEN_RETURN_STATUSES else row["expire_ms"],
            2 if refunded else row["refund_status"],
            row["expected_refund_fen"] if refunded else row["refund_fen"],
            now if refunded else row["refund_ms"],
            row["returns_id"],
        ),
    )
    order_id = row["order_id"]
    skus = [
        r[0]
        for r in db.execute(
            "SELECT sku_id FROM after_sale_skus WHERE returns_id = ? AND kind = 'return'",
            (row["returns_id"],),
        )
    ]
    marks = ",".join("?" * len(skus))
    db.execute(
        f"UPDATE order_lines SET after_sale_status = ? WHERE order_id = ? AND sku_id IN ({marks})",
        (order_status, order_id, *skus),
    )
    db.execute(
        "UPDATE orders SET after_sales_status = ?, update_ms = ? WHERE order_id = ?",
        (order_status, now, order_id),
    )
    if row["return_type"] == p.REFUND_BEFORE_SHIPMENT and status not in p.OPEN_RETURN_STATUSES:
        db.execute("UPDATE orders SET cancel_status = 0 WHERE order_id = ?", (order_id,))
        order = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        lines = db.execute(
            "SELECT count(*) FROM order_lines WHERE order_id = ?", (order_id,)
        ).fetchone()[0]
        if refunded and len(skus) == lines:
            orders.move_order(state, db, order, p.STATUS_CANCELLED)
    _record(db, row["returns_id"], now, title, role)


def buyer_ships_return(state: SandboxState, returns_id: str, express_no: str = "") -> None:
    """The buyer sends the goods back (status 2 -> 3)."""
    with state.writing() as db:
        row = _load(db, returns_id)
        if row["status"] != p.R_AWAITING_BUYER_PARCEL:
            raise ValueError("the after-sale does not await the buyer's parcel")
        now = state.now_ms()
        db.execute(
            "UPDATE after_sales SET status = 3, updated_ms = ?, return_express_no = ?,"
            " return_company = 'shunfeng', return_fill_ms = ?, expire_ms = ? WHERE returns_id = ?",
            (now, express_no or f"SF{now}", now, now + 7 * DAY_MS, returns_id),
        )
        _record(db, returns_id, now, "买家已寄回商品", "买家")


def buyer_cancels(state: SandboxState, returns_id: str) -> None:
    """The buyer withdraws the application (also withdraws a cancel request)."""
    with state.writing() as db:
        row = _load(db, returns_id)
        if row["status"] not in p.OPEN_RETURN_STATUSES:
            raise ValueError("the after-sale is not open")
        _settle(state, db, row, p.R_CANCELLED, p.AS_CANCELLED, "买家撤销申请", "买家")


def buyer_confirms_exchange(state: SandboxState, returns_id: str) -> None:
    with state.writing() as db:
        row = _load(db, returns_id)
        if row["status"] != p.R_EXCHANGE_AWAITING_BUYER:
            raise ValueError("the exchange has not been shipped to the buyer")
        _settle(state, db, row, p.R_DONE, p.AS_DONE, "买家确认收到换货", "买家")


def approve_cancel(state: SandboxState, returns_id: str) -> None:
    """The platform refunds a cancel request on its own (a fast refund)."""
    with state.writing() as db:
        row = _load(db, returns_id)
        if row["status"] != p.R_AWAITING_REVIEW or row["return_type"] not in (4, 5):
            raise ValueError("only a refund awaiting review can be refunded")
        _settle(state, db, row, p.R_DONE, p.AS_DONE, "平台极速退款", "平台")


# --- afterSale.* on the gateway ------------------------------------------------------------------


def _state_refusal(detail: str) -> Refused:
    return Refused(p.ERR_ORDER_STATUS, f"{p.message(p.ERR_ORDER_STATUS)}: {detail}")


def audit_returns(state: SandboxState, fields: Fields) -> Any:
    returns_id, action = req_str(fields, "returnsId"), req_int(fields, "action")
    reason = opt_int(fields, "reason")
    description = opt_str(fields, "description")
    opt_str(fields, "message")
    receiver = fields.get("receiverInfo")
    with state.writing() as db:
        row = _load(db, returns_id)
        if row["status"] != p.R_AWAITING_REVIEW:
            raise _state_refusal("the after-sale does not await review")
        kind = row["return_type"]
        if action == 1:
            if kind not in (p.REFUND_AFTER_SHIPMENT, p.REFUND_BEFORE_SHIPMENT):
                raise bad("action 1 (refund directly) is for refunds only")
            _settle(state, db, row, p.R_DONE, p.AS_DONE, "商家同意退款")
        elif action == 2:
            if kind not in (p.RETURN_GOODS, p.EXCHANGE):
                raise bad("action 2 (goods sent back) is for returns and exchanges only")
            record = receiver.get("sellerAddressRecordId") if isinstance(receiver, dict) else None
            if isinstance(record, bool) or not isinstance(record, int):
                raise bad("receiverInfo.sellerAddressRecordId is required to take goods back")
            now = state.now_ms()
            db.execute(
                "UPDATE after_sales SET status = 2, updated_ms = ?, expire_ms = ?"
                " WHERE returns_id = ?",
                (now, now + 7 * DAY_MS, returns_id),
            )
            _record(db, returns_id, now, "商家同意寄回", "商家")
        elif action == 3:
            _check_reason(reason, description, 0)
            _settle(state, db, row, p.R_REFUSED, p.AS_REFUSED, "商家拒绝售后")
            db.execute(
                "UPDATE after_sales SET close_reason = ? WHERE returns_id = ?",
                (REJECT_REASONS[0][reason or 0], returns_id),
            )
        else:
            raise bad("action is 1 (refund), 2 (take back) or 3 (refuse)")
    return ""


def _check_reason(reason: int | None, description: str | None, reason_type: int) -> None:
    if reason not in REJECT_REASONS[reason_type]:
        raise bad("reason: one of afterSale.rejectReasons")
    if reason in OTHER_REASONS and not description:
        raise bad("description is required when the reason is 其他")


def confirm_receive(state: SandboxState, fields: Fields) -> Any:
    returns_id, action = req_str(fields, "returnsId"), req_int(fields, "action")
    reason = opt_int(fields, "reason")
    description = opt_str(fields, "description")
    with state.writing() as db:
        row = _load(db, returns_id)
        if row["status"] != p.R_AWAITING_RECEIPT:
            raise _state_refusal("the after-sale does not await the merchant's receipt")
        if action == 1:
            if row["return_type"] == p.EXCHANGE:
                now = state.now_ms()
                db.execute(
                    "UPDATE after_sales SET status = 12, updated_ms = ? WHERE returns_id = ?",
                    (now, returns_id),
                )
                _record(db, returns_id, now, "商家确认收货，待发出换货", "商家")
            else:
                _settle(state, db, row, p.R_DONE, p.AS_DONE, "商家确认收货并退款")
        elif action == 2:
            _check_reason(reason, description, 1)
            _settle(state, db, row, p.R_RECEIPT_REFUSED, p.AS_REFUSED, "商家拒绝收货")
            db.execute(
                "UPDATE after_sales SET close_reason = ? WHERE returns_id = ?",
                (REJECT_REASONS[1][reason or 0], returns_id),
            )
        elif action == 3:
            db.execute(
                "UPDATE after_sales SET expire_ms = expire_ms + ?, updated_ms = ?"
                " WHERE returns_id = ?",
                (3 * DAY_MS, state.now_ms(), returns_id),
            )
        else:
            raise bad("action is 1 (received), 2 (refuse) or 3 (extend)")
    return ""


def receive_and_ship(state: SandboxState, fields: Fields) -> Any:
    returns_id = req_str(fields, "returnsId")
    code, express_no = req_str(fields, "expressCompanyCode"), req_str(fields, "expressNo")
    with state.writing() as db:
        row = _load(db, returns_id)
        if row["return_type"] != p.EXCHANGE:
            raise bad("only an exchange is received and shipped")
        if row["status"] not in (p.R_AWAITING_RECEIPT, p.R_EXCHANGE_AWAITING_SHIPMENT):
            raise _state_refusal("the exchange is not awaiting receipt or shipment")
        if code not in orders.EXPRESS_NAMES:
            raise bad(f"expressCompanyCode {code!r} is not in common.getExpressCompanyList")
        now = state.now_ms()
        db.execute(
            "UPDATE after_sales SET status = 13, updated_ms = ?, exchange_express_no = ?,"
            " exchange_company = ?, exchange_fill_ms = ?, expire_ms = ? WHERE returns_id = ?",
            (now, express_no, code, now, now + 10 * DAY_MS, returns_id),
        )
        _record(db, returns_id, now, "商家已发出换货", "商家")
    return None


def reject_reasons(state: SandboxState, fields: Fields) -> Any:
    returns_id = req_str(fields, "returnsId")
    reason_type = req_int(fields, "rejectReasonType")
    if reason_type not in (1, 2):
        raise bad("rejectReasonType is 1 (review) or 2 (receipt)")
    with state.reading() as db:
        _load(db, returns_id)
    kind = reason_type - 1
    return {
        "rejectReasons": [
            {"reasonType": kind, "reasonId": reason_id, "reasonName": name}
            for reason_id, name in REJECT_REASONS[kind].items()
        ]
    }


def _basic(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "returnsId": row["returns_id"],
        "returnType": row["return_type"],
        "reasonId": row["reason_id"],
        "reasonNameZh": row["reason_name"],
        "status": row["status"],
        "userId": row["order_id"][-12:],
        "orderId": row["order_id"],
        "applyTime": row["apply_ms"],
        "updatedAt": row["updated_ms"],
        "expireTime": row["expire_ms"] if row["status"] in p.OPEN_RETURN_STATUSES else -1,
        "desc": row["description"],
        "returnsTag": 0,
        "expectedRefundAmountYuan": _yuan(row["expected_refund_fen"]),
    }


def list_after_sale_infos(state: SandboxState, fields: Fields) -> Any:
    if fields.get("pageNo") is None or fields.get("pageSize") is None:
        raise bad("pageNo and pageSize are required")
    page_no, page_size = page(fields, 10)
    if page_no * page_size > p.AFTER_SALE_ROWS_MAX:
        raise bad(f"pageNo * pageSize is at most {p.AFTER_SALE_ROWS_MAX}")
    order_id = opt_str(fields, "orderId")
    span = window(fields, unit_ms=1000)
    if span is None and not order_id:
        raise bad("orderId or timeType (with startTime and endTime) is required")
    statuses, types = int_list(fields, "statuses"), int_list(fields, "returnTypes")
    clauses: list[str] = []
    params: list[object] = []
    column = "apply_ms"
    if span is not None:
        column = "apply_ms" if span[0] == 1 else "updated_ms"
        clauses.append(f"{column} BETWEEN ? AND ?")
        params += [span[1], span[2]]
    if order_id:
        clauses.append("order_id = ?")
        params.append(order_id)
    for values, name in ((statuses, "status"), (types, "return_type")):
        if values:
            clauses.append(f"{name} IN ({','.join('?' * len(values))})")
            params += values
    where = " AND ".join(clauses)
    with state.reading() as db:
        total = int(
            db.execute(f"SELECT count(*) FROM after_sales WHERE {where}", params).fetchone()[0]
        )
        rows = db.execute(
            f"SELECT * FROM after_sales WHERE {where} ORDER BY {column}, returns_id"
            " LIMIT ? OFFSET ?",
            (*params, page_size, (page_no - 1) * page_size),
        ).fetchall()
    return {
        "afterSaleBasicInfos": [_basic(r) for r in rows],
        "totalCount": total,
        "pageNo": page_no,
        "pageSize": page_size,
    }


def _skus(db: sqlite3.Connection, returns_id: str, kind: str) -> list[dict[str, Any]]:
    out = []
    for entry in db.execute(
        "SELECT a.*, s.name, s.barcode, s.erp_code, s.variants FROM after_sale_skus a"
        " LEFT JOIN skus s USING (sku_id) WHERE returns_id = ? AND kind = ?",
        (returns_id, kind),
    ):
        out.append(
            {
                "skuId": entry["sku_id"],
                "skuName": entry["name"] or "",
                "image": f"https://img.example.invalid/skus/{entry['sku_id']}.jpg",
                "price": _yuan(entry["price"]),
                "boughtCount": entry["bought"],
                "appliedCount": entry["applied"],
                "appliedTotalAmountYuan": _yuan(entry["price"] * entry["applied"]),
                "scskucode": entry["erp_code"] or "",
                "barcode": entry["barcode"] or "",
                "variants": json.loads(entry["variants"]) if entry["variants"] else [],
                "skuERPCode": entry["erp_code"] or "",
            }
        )
    return out


def get_after_sale_info(state: SandboxState, fields: Fields) -> Any:
    returns_id = req_str(fields, "returnsId")
    negotiate = opt_bool(fields, "needNegotiateRecord")
    with state.reading() as db:
        row = _load(db, returns_id)
        order = db.execute("SELECT * FROM orders WHERE order_id = ?", (row["order_id"],)).fetchone()
        store = db.execute("SELECT * FROM warehouses WHERE code = ?", (order["whcode"],)).fetchone()
        parcel = db.execute(
            "SELECT * FROM parcels WHERE order_id = ? AND express_no != '' ORDER BY idx DESC",
            (row["order_id"],),
        ).fetchone()
        returned, exchanged = _skus(db, returns_id, "return"), _skus(db, returns_id, "exchange")
    skus_fen = sum(round(s["appliedTotalAmountYuan"] * 100) for s in returned)
    zone = zones.district(store["zone_code"][:6]) if store else None
    info = {
        **_basic(row),
        "returnAddress": {
            "province": zone.province if zone else "",
            "city": zone.city if zone else "",
            "county": zone.district if zone else "",
            "town": "",
            "street": store["address"] if store else "",
            "phone": store["contact_tel"] if store else "",
            "name": store["contact_name"] if store else "",
            "fullAddress": (
                f"{zone.province}{zone.city}{zone.district}{store['address']}"
                if zone and store
                else ""
            ),
        },
        "proofPhotos": [],
        "supportCarriageInsurance": False,
        "openAddressId": order["open_address_id"],
        "skus": returned,
        "exchangeSKUs": exchanged,
        "closeReasonZh": row["close_reason"],
        "appliedShipFeeAmountYuan": _yuan(max(row["expected_refund_fen"] - skus_fen, 0)),
        "appliedSkusAmountYuan": _yuan(skus_fen),
        "refundAmountYuan": _yuan(row["refund_fen"]),
        "refundStatus": row["refund_status"],
        "cargoStatus": 2 if row["return_type"] == p.REFUND_AFTER_SHIPMENT else 0,
        "refundTime": row["refund_ms"],
    }
    answer: dict[str, Any] = {
        "afterSaleInfo": info,
        "logisticsInfo": {
            "afterSale": {
                "expressNo": row["return_express_no"],
                "expressCompanyCode": row["return_company"],
                "expressCompanyName": orders.EXPRESS_NAMES.get(row["return_company"], ""),
                "fillExpressNoTime": row["return_fill_ms"],
                "expressSignTime": 0,
            },
            "exchange": {
                "expressNo": row["exchange_express_no"],
                "expressCompanyCode": row["exchange_company"],
                "expressCompanyName": orders.EXPRESS_NAMES.get(row["exchange_company"], ""),
                "fillExpressNoTime": row["exchange_fill_ms"],
            },
            "order": {
                "expressNo": parcel["express_no"] if parcel else "",
                "expressCompanyCode": parcel["company_code"] if parcel else "",
                "expressCompanyName": parcel["company_name"] if parcel else "",
            },
        },
    }
    answer["negotiateRecords"] = (
        [{**r, "attributes": r["attributes"]} for r in json.loads(row["records"])]
        if negotiate
        else []
    )
    return answer
