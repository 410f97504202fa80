"""The sandbox's answers to each RED method, from and to its SQLite state.

A handler takes the call's business fields (and the access token for merchant calls) and
returns the ``data`` of a successful envelope, or raises :class:`Refused` with a platform error
code. Field names come from ``sync.red.api``, the same table the connector reads.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from sync.sandbox import wire as api
from sync.sandbox.state import CENTRAL_WAREHOUSE, SandboxState

Fields = Mapping[str, Any]


class Refused(Exception):
    def __init__(self, code: int, message: str = "") -> None:
        self.code = code
        self.message = message or api.error_message(code)
        super().__init__(self.message)


def _int(fields: Fields, name: str, default: int | None = None) -> int:
    value = fields.get(name, default)
    if value is None:
        raise Refused(api.ERR_BAD_PARAMETER, f"{name} is required")
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused(api.ERR_BAD_PARAMETER, f"{name} must be an integer")
    return value


def _str(fields: Fields, name: str) -> str:
    value = fields.get(name)
    if not isinstance(value, str) or not value:
        raise Refused(api.ERR_BAD_PARAMETER, f"{name} is required")
    return value


def _page(fields: Fields, limit: int) -> tuple[int, int]:
    page_no = _int(fields, api.PAGE_NO, 1)
    page_size = _int(fields, api.PAGE_SIZE, 50)
    if page_no < 1 or not 1 <= page_size <= limit:
        raise Refused(api.ERR_BAD_PARAMETER, f"pageNo >= 1 and pageSize 1..{limit}")
    return page_no, page_size


def _token_answer(state: SandboxState, row: Any) -> dict[str, Any]:
    return {
        api.ACCESS_TOKEN: row["access_token"],
        api.ACCESS_TOKEN_EXPIRES_AT: row["access_expires_ms"],
        api.REFRESH_TOKEN_FIELD: row["refresh_token"],
        api.REFRESH_TOKEN_EXPIRES_AT: row["refresh_expires_ms"],
        api.SELLER_ID: state.seller_id,
        api.SELLER_NAME: state.seller_name,
    }


def get_access_token(state: SandboxState, fields: Fields) -> Any:
    if not state.use_auth_code(_str(fields, api.CODE)):
        raise Refused(api.ERR_AUTH_CODE_INVALID)
    return _token_answer(state, state.issue_tokens())


def refresh_token(state: SandboxState, fields: Fields) -> Any:
    row = state.refresh_tokens(_str(fields, api.REFRESH_TOKEN_FIELD))
    if row is None:
        raise Refused(api.ERR_REFRESH_TOKEN_INVALID)
    return _token_answer(state, row)


def get_detail_sku_list(state: SandboxState, fields: Fields) -> Any:
    page_no, page_size = _page(fields, api.CATALOG_PAGE_SIZE_MAX)
    time_from = _int(fields, api.UPDATE_TIME_FROM, 0)
    time_to = _int(fields, api.UPDATE_TIME_TO, 2**62)
    rows, total = state.catalog_page(time_from, time_to, page_no, page_size)
    entries = []
    for r in rows:
        sku = {
            api.ID: r["sku_id"],
            api.ITEM_ID: r["item_id"],
            api.NAME: r["title"],
            api.PRICE: r["price"],
            api.ORIGINAL_PRICE: r["original_price"],
            api.BARCODE: r["barcode"],
            api.ERP_CODE: r["erp_code"],
            api.SC_SKUCODE: r["erp_code"],
            api.VARIANTS: json.loads(r["variants"]),
            api.BUYABLE: bool(r["buyable"]),
            api.UPDATE_TIME: r["update_time"],
        }
        item = {api.ID: r["item_id"], api.NAME: r["title"]}
        entries.append({api.ITEM: item, api.SKU: sku})
    return {api.DATA: entries, api.PAGE_NO_ANSWER: page_no, api.PAGE_SIZE: page_size,
            api.TOTAL: total}  # fmt: skip


def get_sku_stock(state: SandboxState, fields: Fields) -> Any:
    sku_id = _str(fields, api.SKU_ID)
    if state.sku(sku_id) is None:
        # The platform reports this inside a successful envelope.
        return {
            api.SKU_ID: sku_id,
            api.INNER_RESPONSE: {api.INNER_SUCCESS: False, api.INNER_CODE: api.ERR_SKU_NOT_FOUND,
                                 api.INNER_MESSAGE: api.error_message(api.ERR_SKU_NOT_FOUND)},
        }  # fmt: skip

    def stock(total: int, occupied: int) -> dict[str, int]:
        return {api.AVAILABLE: max(total - occupied, 0), api.STOCK_TOTAL: total,
                api.OCCUPIED: occupied}  # fmt: skip

    rows = state.stock_rows(sku_id)
    return {
        api.SKU_ID: sku_id,
        api.API_VERSION_FIELD: 2,
        api.SKU_STOCK: stock(sum(r[1] for r in rows), sum(r[2] for r in rows)),
        api.SKU_STOCK_WITH_WHCODE: [
            {api.SKU_ID: sku_id, api.WHCODE: code, api.SKU_STOCK: stock(total, held)}
            for code, total, held in rows
        ],
        api.INNER_RESPONSE: {api.INNER_SUCCESS: True, api.INNER_CODE: 0, api.INNER_MESSAGE: ""},
    }


def _stock_sku(state: SandboxState, fields: Fields) -> str:
    sku_id = _str(fields, api.SKU_ID)
    row = state.sku(sku_id)
    if row is None:
        raise Refused(api.ERR_SKU_NOT_FOUND)
    if row["stock_locked"]:
        raise Refused(api.ERR_STOCK_LOCKED)
    return sku_id


def sync_sku_stock(state: SandboxState, fields: Fields) -> Any:
    sku_id = _stock_sku(state, fields)
    qty = _int(fields, api.QTY)
    if qty < 0:
        raise Refused(api.ERR_STOCK_BELOW_ZERO)
    state.set_stock(sku_id, CENTRAL_WAREHOUSE, qty)
    return {api.SKU_ID: sku_id}


def sync_sku_stock_v2(state: SandboxState, fields: Fields) -> Any:
    sku_id = _stock_sku(state, fields)
    per_warehouse = fields.get(api.QTY_WITH_WHCODE)
    if not isinstance(per_warehouse, dict) or not per_warehouse:
        raise Refused(api.ERR_BAD_PARAMETER, f"{api.QTY_WITH_WHCODE} is required")
    for code, qty in per_warehouse.items():
        if isinstance(qty, bool) or not isinstance(qty, int):
            raise Refused(api.ERR_BAD_PARAMETER, f"quantity for {code} must be an integer")
        if qty < 0:
            raise Refused(api.ERR_STOCK_BELOW_ZERO)
    for code, qty in per_warehouse.items():
        state.set_stock(sku_id, str(code), qty)
    return {api.SKU_ID: sku_id}


def inc_sku_stock(state: SandboxState, fields: Fields) -> Any:
    sku_id = _stock_sku(state, fields)
    if state.add_stock(sku_id, CENTRAL_WAREHOUSE, _int(fields, api.QTY)) is None:
        raise Refused(api.ERR_STOCK_BELOW_ZERO)
    return {api.SKU_ID: sku_id}


def _summary(row: Any) -> dict[str, Any]:
    return {
        api.ORDER_ID: row["order_id"],
        api.ORDER_STATUS: row["status"],
        api.CREATED_TIME: row["created_ms"],
        api.ORDER_UPDATE_TIME: row["update_ms"],
    }


def get_order_list(state: SandboxState, fields: Fields) -> Any:
    page_no, page_size = _page(fields, api.ORDER_PAGE_SIZE_MAX)
    time_type = _int(fields, api.TIME_TYPE, api.TIME_TYPE_CREATED)
    if time_type not in api.WINDOW_MAX_S:
        raise Refused(api.ERR_BAD_PARAMETER, f"{api.TIME_TYPE} must be 1 or 2")
    start, end = _int(fields, api.START_TIME), _int(fields, api.END_TIME)
    if end < start:
        raise Refused(api.ERR_BAD_PARAMETER, "endTime before startTime")
    if end - start > api.WINDOW_MAX_S[time_type]:
        raise Refused(api.ERR_TIME_WINDOW_TOO_LONG)
    status = fields.get(api.ORDER_STATUS) or None
    column = "created_ms" if time_type == api.TIME_TYPE_CREATED else "update_ms"
    rows, total = state.orders_in_window(
        column, start * 1000, end * 1000 + 999, status, page_no, page_size
    )
    return {
        api.TOTAL: total,
        api.PAGE_NO: page_no,
        api.MAX_PAGE_NO: max((total + page_size - 1) // page_size, 1),
        api.ORDER_LIST: [_summary(r) for r in rows],
    }


def get_order_detail(state: SandboxState, fields: Fields) -> Any:
    found = state.order(_str(fields, api.ORDER_ID))
    if found is None:
        raise Refused(api.ERR_ORDER_NOT_FOUND)
    row, lines = found
    return {
        **_summary(row),
        api.WHCODE: row["whcode"],
        api.OPEN_ADDRESS_ID: row["open_address_id"],
        api.TOTAL_PAY_AMOUNT: row["total_pay"],
        api.EXPRESS_NO: row["express_no"],
        api.SKU_LIST: [
            {
                api.SKU_ID: line["sku_id"],
                api.SKU_NAME: line["title"] or "",
                api.SKU_QUANTITY: line["quantity"],
                # Per line, 1: may leave without a courier (the demo's counter pickups).
                api.DELIVERY_MODE: 1 if row["delivery_mode"] == api.DELIVERY_MODE_PICKUP else 0,
                api.SKU_DETAIL_LIST: [
                    {
                        api.SKU_ID: line["sku_id"],
                        api.BARCODE: line["barcode"] or "",
                        api.ERP_CODE: line["erp_code"] or "",
                        api.QUANTITY: line["quantity"],
                        api.PRICE_PER_SKU: line["price"],
                        "paidAmountPerSku": line["price"],
                    }
                ],
            }
            for line in lines
        ],
    }


def get_order_receiver_info(state: SandboxState, fields: Fields) -> Any:
    queries = fields.get(api.RECEIVER_QUERIES)
    if not isinstance(queries, list) or not queries:
        raise Refused(api.ERR_BAD_PARAMETER, f"{api.RECEIVER_QUERIES} is required")
    infos = []
    for query in queries:
        if not isinstance(query, dict):
            raise Refused(api.ERR_BAD_PARAMETER, "each receiver query is an object")
        found = state.order(str(query.get(api.ORDER_ID, "")))
        # Only while the order awaits shipment, and only with its own address id.
        if found is None or found[0]["status"] != api.STATUS_AWAITING_SHIPMENT:
            continue
        row = found[0]
        if query.get(api.OPEN_ADDRESS_ID) != row["open_address_id"]:
            continue
        infos.append({api.ORDER_ID: row["order_id"], api.RECEIVER_NAME: row["receiver_name"],
                      api.RECEIVER_PHONE: row["receiver_phone"],
                      api.RECEIVER_ADDRESS: row["receiver_address"]})  # fmt: skip
    return {api.RECEIVER_INFOS: infos}


def order_deliver(state: SandboxState, fields: Fields) -> Any:
    order_id = _str(fields, api.ORDER_ID)
    code = state.deliver(order_id, _str(fields, api.EXPRESS_NO),
                         _str(fields, api.EXPRESS_COMPANY_CODE))  # fmt: skip
    if code:
        raise Refused(code)
    # The documentation types this as an object, one SDK as a string; answer all three shapes.
    shape = sum(order_id.encode()) % 3
    return None if shape == 0 else ({api.ORDER_ID: order_id} if shape == 1 else "success")


Handler = Callable[[SandboxState, Fields], Any]

HANDLERS: dict[str, Handler] = {
    api.GET_ACCESS_TOKEN: get_access_token,
    api.REFRESH_TOKEN: refresh_token,
    api.GET_DETAIL_SKU_LIST: get_detail_sku_list,
    api.GET_SKU_STOCK: get_sku_stock,
    api.SYNC_SKU_STOCK: sync_sku_stock,
    api.SYNC_SKU_STOCK_V2: sync_sku_stock_v2,
    api.INC_SKU_STOCK: inc_sku_stock,
    api.GET_ORDER_LIST: get_order_list,
    api.GET_ORDER_DETAIL: get_order_detail,
    api.GET_ORDER_RECEIVER_INFO: get_order_receiver_info,
    api.ORDER_DELIVER: order_deliver,
}

# A successful envelope with data of the wrong shape for every method.
HOSTILE_DATA: dict[str, Any] = {
    api.DATA: "'; DROP TABLE skus; --",
    api.PAGE_NO_ANSWER: "one",
    api.TOTAL: -5,
    api.ORDER_LIST: {"$gt": ""},
    api.SKU_STOCK: [1e308],
    api.SKU_LIST: "<script>alert(1)</script>",
    api.RECEIVER_INFOS: 7,
    api.ACCESS_TOKEN: 12345,
    api.ORDER_STATUS: "shipped",
    api.SKU_ID: ["not", "an", "id"],
    api.ORDER_ID: {"$ne": None},
}
