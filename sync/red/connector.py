"""RED as an online store: the :class:`~sync.connector.OnlineStore` interface over the client.

Stock is set absolutely for the store's own warehouse (``inventory.syncSkuStockV2``); deltas are
never sent, so a retry after a lost answer is harmless. Order queries are cut into the windows
the platform accepts. A delivery re-reads the order first, and an order already shipped counts
as done, which makes the delivery safe to send again after a lost answer.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sync.connector import (
    CatalogCursor,
    CatalogPage,
    DeliveryResult,
    FulfilmentKind,
    OnlineOrder,
    OnlineOrderLine,
    OnlineSku,
    OnlineStock,
    OrderCursor,
    OrderPage,
    OrderStatus,
    OrderSummary,
    OrderTime,
    OrderWindows,
    StockPushResult,
)
from sync.errors import AuthError, PlatformError
from sync.red import api
from sync.red.client import RedClient
from sync.red.oauth import RedAuthorizer
from sync.red.reading import Reader

# Bounds a negative "available" figure (oversold) we still accept from an answer.
MAX_HELD = 10**9

STATUSES: Mapping[int, OrderStatus] = {
    api.STATUS_AWAITING_PAYMENT: OrderStatus.AWAITING_PAYMENT,
    api.STATUS_PAID: OrderStatus.PROCESSING,
    api.STATUS_CUSTOMS: OrderStatus.CUSTOMS,
    api.STATUS_AWAITING_SHIPMENT: OrderStatus.AWAITING_SHIPMENT,
    api.STATUS_PARTLY_SHIPPED: OrderStatus.PARTLY_SHIPPED,
    api.STATUS_AWAITING_RECEIPT: OrderStatus.SHIPPED,
    api.STATUS_COMPLETED: OrderStatus.COMPLETED,
    api.STATUS_CLOSED: OrderStatus.CLOSED,
    api.STATUS_CANCELLED: OrderStatus.CANCELLED,
    api.STATUS_EXCHANGE_REQUESTED: OrderStatus.EXCHANGE_REQUESTED,
}


def mask_phone(phone: str) -> str:
    """Keep the first three and last four digits: 138****5678."""
    digits = phone.strip()
    if len(digits) <= 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


class RedOnlineStore:
    """The store's RED online store, for the sync engine."""

    order_windows = OrderWindows(
        by_creation=timedelta(seconds=api.WINDOW_MAX_S[api.TIME_TYPE_CREATED]),
        by_update=timedelta(seconds=api.WINDOW_MAX_S[api.TIME_TYPE_UPDATED]),
    )

    def __init__(
        self,
        client: RedClient,
        authorizer: RedAuthorizer,
        *,
        warehouse_code: str,
        self_delivery_code: str = api.SELF_DELIVERY_COMPANY_CODE,
    ) -> None:
        if not warehouse_code:
            raise ValueError("the store's warehouse code is required")
        self.client = client
        self.authorizer = authorizer
        self.warehouse_code = warehouse_code
        self.self_delivery_code = self_delivery_code

    def _call(self, method: str, fields: Mapping[str, Any]) -> Any:
        """A merchant call with the access token; one forced refresh if the token was refused."""
        token = self.authorizer.access_token()
        try:
            return self.client.call(method, fields, access_token=token)
        except AuthError as error:
            if error.params.get("error_code") != api.ERR_ACCESS_TOKEN_INVALID:
                raise
        token = self.authorizer.access_token(force_refresh=True)
        return self.client.call(method, fields, access_token=token)

    def _acknowledged(
        self, method: str, id_field: str, wanted: str, fields: Mapping[str, Any]
    ) -> None:
        """A write's answer: ``data`` may be null, a string or an object; an object that names
        the SKU or order must name the one we sent (anything else is not an acknowledgement)."""
        data = self._call(method, fields)
        if data is None or isinstance(data, str):
            return
        read = Reader(method)
        answer = read.obj(data, api.DATA)
        if id_field in answer and read.text(answer, id_field, optional=True) != wanted:
            raise read.fail(f"the answer is about '{id_field}' other than {wanted}")

    # --- catalog -----------------------------------------------------------------------------

    def catalog_page(self, cursor: CatalogCursor) -> CatalogPage:
        page_size = max(1, min(cursor.page_size, api.CATALOG_PAGE_SIZE_MAX))
        fields: dict[str, Any] = {
            api.UPDATE_TIME_TO: _ms(cursor.updated_to),
            api.PAGE_NO: cursor.page_no,
            api.PAGE_SIZE: page_size,
        }
        if cursor.updated_from is not None:
            fields[api.UPDATE_TIME_FROM] = _ms(cursor.updated_from)
        read = Reader(api.GET_DETAIL_SKU_LIST)
        data = read.obj(self._call(api.GET_DETAIL_SKU_LIST, fields), api.DATA)
        entries = read.items(data.get(api.DATA), api.DATA, optional=True)
        total = read.number(data, api.TOTAL, default=0)
        items = tuple(self._sku(read, read.obj(e, "data[]")) for e in entries)
        more = bool(items) and cursor.page_no * page_size < total
        next_cursor = dataclasses.replace(cursor, page_no=cursor.page_no + 1) if more else None
        return CatalogPage(items=items, total=total, next_cursor=next_cursor)

    @staticmethod
    def _sku(read: Reader, entry: Mapping[str, Any]) -> OnlineSku:
        sku = read.obj(entry.get(api.SKU), api.SKU)
        item = read.obj(entry.get(api.ITEM) or {}, api.ITEM)
        variants = []
        for variant in read.items(sku.get(api.VARIANTS), api.VARIANTS, optional=True):
            variant = read.obj(variant, api.VARIANTS)
            name = read.text(variant, api.VARIANT_NAME, optional=True)
            variants.append((name, read.text(variant, api.VARIANT_VALUE, optional=True)))
        barcode = read.text(sku, api.BARCODE, optional=True).strip()
        price = read.number(sku, api.PRICE)
        return OnlineSku(
            sku_id=read.text(sku, api.ID),
            item_id=read.text(sku, api.ITEM_ID, optional=True) or read.text(item, api.ID),
            title=read.text(sku, api.NAME, optional=True)
            or read.text(item, api.NAME, optional=True),
            price_fen=price,
            original_price_fen=read.number(sku, api.ORIGINAL_PRICE, default=price),
            updated_at=read.time_ms(sku, api.UPDATE_TIME),
            variant=tuple(variants),
            barcodes=(barcode,) if barcode else (),
            erp_code=read.text(sku, api.ERP_CODE, optional=True)
            or read.text(sku, api.SC_SKUCODE, optional=True),
            buyable=read.flag(sku, api.BUYABLE, default=True),
        )

    # --- stock -------------------------------------------------------------------------------

    def set_stock(self, levels: Mapping[str, int]) -> list[StockPushResult]:
        """Set each SKU's physical on-hand in the store's warehouse (never below zero)."""
        results = []
        for sku_id, on_hand in levels.items():
            quantity = max(int(on_hand), 0)
            fields = {api.SKU_ID: sku_id, api.QTY_WITH_WHCODE: {self.warehouse_code: quantity}}
            try:
                self._acknowledged(api.SYNC_SKU_STOCK_V2, api.SKU_ID, sku_id, fields)
            except PlatformError as refused:
                results.append(StockPushResult(sku_id, quantity, ok=False, error=refused.message))
                continue
            results.append(StockPushResult(sku_id, quantity, ok=True))
        return results

    def get_stock(self, sku_ids: Sequence[str]) -> dict[str, OnlineStock]:
        stock: dict[str, OnlineStock] = {}
        read = Reader(api.GET_SKU_STOCK)
        for sku_id in sku_ids:
            data = read.obj(self._call(api.GET_SKU_STOCK, {api.SKU_ID: sku_id}), api.DATA)
            if read.text(data, api.SKU_ID) != sku_id:
                raise read.fail(f"asked for SKU {sku_id}, the answer is about another one")
            inner = read.obj(data.get(api.INNER_RESPONSE) or {api.INNER_SUCCESS: True}, "response")
            if not read.flag(inner, api.INNER_SUCCESS, default=True):
                code = inner.get(api.INNER_CODE)
                if code == api.ERR_SKU_NOT_FOUND:
                    continue
                message = inner.get(api.INNER_MESSAGE)
                raise PlatformError(
                    method=api.GET_SKU_STOCK,
                    error_code=code if isinstance(code, int) else 0,
                    error_msg=message if isinstance(message, str) else "stock not readable",
                )
            found = OnlineStock(sku_id, total=0, available=0, occupied=0)
            rows = read.items(data.get(api.SKU_STOCK_WITH_WHCODE), "whcode rows", optional=True)
            for row in rows:
                row = read.obj(row, api.SKU_STOCK_WITH_WHCODE)
                if read.text(row, api.WHCODE, optional=True) != self.warehouse_code:
                    continue
                figures = read.obj(row.get(api.SKU_STOCK), api.SKU_STOCK)
                found = OnlineStock(
                    sku_id,
                    total=read.number(figures, api.STOCK_TOTAL, default=0),
                    available=read.number(figures, api.AVAILABLE, default=0, low=-MAX_HELD),
                    occupied=read.number(figures, api.OCCUPIED, default=0),
                )
            stock[sku_id] = found
        return stock

    # --- orders ------------------------------------------------------------------------------

    def orders_since(self, cursor: OrderCursor) -> OrderPage:
        """One page of the cursor's window, cut to the longest window the platform accepts."""
        if cursor.time is OrderTime.CREATED:
            time_type, widest = api.TIME_TYPE_CREATED, self.order_windows.by_creation
        else:
            time_type, widest = api.TIME_TYPE_UPDATED, self.order_windows.by_update
        start_s = math.floor(cursor.start.timestamp())
        end_s = min(math.ceil(cursor.end.timestamp()), start_s + int(widest.total_seconds()))
        page_size = max(1, min(cursor.page_size, api.ORDER_PAGE_SIZE_MAX))
        fields = {api.START_TIME: start_s, api.END_TIME: end_s, api.TIME_TYPE: time_type,
                  api.PAGE_NO: cursor.page_no, api.PAGE_SIZE: page_size}  # fmt: skip
        read = Reader(api.GET_ORDER_LIST)
        data = read.obj(self._call(api.GET_ORDER_LIST, fields), api.DATA)
        total = read.number(data, api.TOTAL, default=0)
        rows = read.items(data.get(api.ORDER_LIST), api.ORDER_LIST, optional=True)
        orders = tuple(self._summary(read, read.obj(r, api.ORDER_LIST)) for r in rows)
        next_cursor: OrderCursor | None = None
        if orders and cursor.page_no * page_size < total:
            next_cursor = dataclasses.replace(cursor, page_no=cursor.page_no + 1)
        elif end_s < cursor.end.timestamp():
            # The rest of a window longer than the platform accepts; the boundary second is
            # read twice, which upserting by order id makes harmless.
            rest = datetime.fromtimestamp(end_s, cursor.start.tzinfo)
            next_cursor = dataclasses.replace(cursor, start=rest, page_no=1)
        return OrderPage(orders=orders, total=total, next_cursor=next_cursor)

    @staticmethod
    def _status(read: Reader, data: Mapping[str, Any]) -> OrderStatus:
        return STATUSES.get(read.number(data, api.ORDER_STATUS), OrderStatus.UNKNOWN)

    def _summary(self, read: Reader, row: Mapping[str, Any]) -> OrderSummary:
        return OrderSummary(
            order_id=read.text(row, api.ORDER_ID),
            status=self._status(read, row),
            created_at=read.time_ms(row, api.CREATED_TIME),
            updated_at=read.time_ms(row, api.ORDER_UPDATE_TIME),
        )

    def _detail(self, order_id: str) -> tuple[Reader, Mapping[str, Any]]:
        read = Reader(api.GET_ORDER_DETAIL)
        data = read.obj(self._call(api.GET_ORDER_DETAIL, {api.ORDER_ID: order_id}), api.DATA)
        if read.text(data, api.ORDER_ID) != order_id:
            raise read.fail(f"asked for order {order_id}, the answer is about another one")
        return read, data

    def order_status(self, order_id: str) -> OrderStatus:
        read, data = self._detail(order_id)
        return self._status(read, data)

    def order_detail(self, order_id: str) -> OnlineOrder:
        read, data = self._detail(order_id)
        summary = self._summary(read, data)
        lines = []
        for entry in read.items(data.get(api.SKU_LIST), api.SKU_LIST):
            entry = read.obj(entry, api.SKU_LIST)
            details = read.items(entry.get(api.SKU_DETAIL_LIST), api.SKU_DETAIL_LIST, optional=True)
            title = read.text(entry, api.SKU_NAME, optional=True)
            if not details:
                lines.append(OnlineOrderLine(
                    sku_id=read.text(entry, api.SKU_ID),
                    quantity=read.number(entry, api.SKU_QUANTITY, low=1),
                    unit_price_fen=0, title=title,
                ))  # fmt: skip
            # A bundle lists each physical SKU to pick; a plain SKU lists itself once.
            for detail in details:
                detail = read.obj(detail, api.SKU_DETAIL_LIST)
                lines.append(OnlineOrderLine(
                    sku_id=read.text(detail, api.SKU_ID),
                    quantity=read.number(detail, api.QUANTITY, low=1),
                    unit_price_fen=read.number(detail, api.PRICE_PER_SKU, default=0),
                    barcode=read.text(detail, api.BARCODE, optional=True),
                    erp_code=read.text(detail, api.ERP_CODE, optional=True),
                    title=title,
                ))  # fmt: skip
        mode = read.text(data, api.DELIVERY_MODE, optional=True)
        order = OnlineOrder(
            order_id=summary.order_id,
            status=summary.status,
            warehouse_code=read.text(data, api.WHCODE, optional=True),
            fulfilment=FulfilmentKind.PICKUP
            if mode == api.DELIVERY_MODE_PICKUP
            else FulfilmentKind.SHIP,
            created_at=summary.created_at,
            updated_at=summary.updated_at,
            lines=tuple(lines),
            paid_fen=read.number(data, api.TOTAL_PAY_AMOUNT, default=0),
        )
        address_id = read.text(data, api.OPEN_ADDRESS_ID, optional=True)
        if order.status is OrderStatus.AWAITING_SHIPMENT and address_id:
            # Without its label details the order still stands; they are read again later.
            with contextlib.suppress(PlatformError):
                order = self._with_receiver(order, address_id)
        return order

    def _with_receiver(self, order: OnlineOrder, address_id: str) -> OnlineOrder:
        """Add who receives the parcel: name, masked phone, address (nothing more is kept)."""
        query = {api.RECEIVER_QUERIES: [{api.ORDER_ID: order.order_id,
                                         api.OPEN_ADDRESS_ID: address_id}]}  # fmt: skip
        read = Reader(api.GET_ORDER_RECEIVER_INFO)
        data = read.obj(self._call(api.GET_ORDER_RECEIVER_INFO, query), api.DATA)
        for info in read.items(data.get(api.RECEIVER_INFOS), api.RECEIVER_INFOS, optional=True):
            info = read.obj(info, api.RECEIVER_INFOS)
            if read.text(info, api.ORDER_ID, optional=True) != order.order_id:
                continue
            return dataclasses.replace(
                order,
                receiver_name=read.text(info, api.RECEIVER_NAME, optional=True),
                receiver_phone_masked=mask_phone(
                    read.text(info, api.RECEIVER_PHONE, optional=True)
                ),
                receiver_address=read.text(info, api.RECEIVER_ADDRESS, optional=True),
            )
        return order

    # --- fulfilment --------------------------------------------------------------------------

    def deliver(self, order_id: str, express_no: str, company_code: str) -> DeliveryResult:
        """Register the delivery once: re-read the status, and count "already shipped" as done."""
        status = self.order_status(order_id)
        if status.is_delivered:
            return DeliveryResult(order_id, already_delivered=True)
        if status.is_void:
            raise PlatformError(
                method=api.ORDER_DELIVER,
                error_code=api.ERR_ORDER_NOT_DELIVERABLE,
                error_msg=f"the order is {status.value.replace('_', ' ')}",
            )
        fields = {
            api.ORDER_ID: order_id,
            api.EXPRESS_NO: express_no,
            api.EXPRESS_COMPANY_CODE: company_code or self.self_delivery_code,
        }
        try:
            self._acknowledged(api.ORDER_DELIVER, api.ORDER_ID, order_id, fields)
        except PlatformError as refused:
            if refused.error_code == api.ERR_ORDER_ALREADY_SHIPPED:
                return DeliveryResult(order_id, already_delivered=True)
            raise
        return DeliveryResult(order_id)

    def hand_over(self, order_id: str, pickup_reference: str) -> DeliveryResult:
        """A pickup handed to the customer at the counter: delivered with the self-delivery code."""
        return self.deliver(order_id, pickup_reference, self.self_delivery_code)
