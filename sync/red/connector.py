"""RED as an online store: the :class:`~sync.connector.OnlineStore` interface over the client.

Stock is set absolutely for the store's own warehouse (``inventory.syncSkuStockV2``); deltas are
never sent, so a retry after a lost answer is harmless, and a refusal inside the answer
(``data.response.success`` false) is a refusal of that SKU, never a push done.

Orders and after-sales are read in time windows the platform accepts (24 hours by creation,
30 minutes by update), at most 100 pages a window: a window with more is cut in two and each
half read in turn. Update-time windows are read from their last page back to the first, as the
platform asks (an order updated while the window is read moves to its front, where it is read
last). A delivery re-reads the order first; an order (or parcel) already shipped counts as done,
which makes the delivery safe to send again after a lost answer.

A refusal whose code the documents do not name is shown in the platform's own words. When such
a refusal (or HTTP 401/403) comes while the access token is near or past its known expiry, the
token is refreshed once and the call tried again; no behaviour hangs on a guessed code.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sync.connector import (
    AfterSale,
    AfterSaleKind,
    AfterSaleLine,
    AfterSalePage,
    AfterSaleState,
    CatalogCursor,
    CatalogPage,
    DecryptPurpose,
    DeliveryResult,
    ExpressCompany,
    OnlineOrder,
    OnlineOrderLine,
    OnlineParcel,
    OnlineSku,
    OnlineStock,
    OrderCursor,
    OrderPage,
    OrderStatus,
    OrderSummary,
    OrderTime,
    OrderWindows,
    SealedReceiver,
    StockPushResult,
)
from sync.errors import (
    AuthError,
    DecryptRefused,
    NotSent,
    PlatformError,
    SyncError,
    UnknownRefusal,
)
from sync.red import api
from sync.red.client import RedClient
from sync.red.oauth import RedAuthorizer
from sync.red.pickup import fulfilment_of, may_go_without_courier
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


AFTER_SALE_KINDS: Mapping[int, AfterSaleKind] = {
    api.RETURN_TYPE_RETURN: AfterSaleKind.RETURN,
    api.RETURN_TYPE_EXCHANGE: AfterSaleKind.EXCHANGE,
    api.RETURN_TYPE_REFUND_AFTER_SHIPMENT: AfterSaleKind.REFUND_AFTER_SHIPMENT,
    api.RETURN_TYPE_REFUND_BEFORE_SHIPMENT: AfterSaleKind.REFUND_BEFORE_SHIPMENT,
}
AFTER_SALE_STATES: Mapping[int, AfterSaleState] = {
    api.AS_AWAITING_REVIEW: AfterSaleState.AWAITING_REVIEW,
    api.AS_AWAITING_BUYER_PARCEL: AfterSaleState.AWAITING_BUYER_PARCEL,
    api.AS_AWAITING_MERCHANT_RECEIPT: AfterSaleState.AWAITING_RECEIPT,
    api.AS_DONE: AfterSaleState.DONE,
    api.AS_CANCELLED: AfterSaleState.CANCELLED,
    api.AS_CLOSED: AfterSaleState.CLOSED,
    api.AS_REFUSED: AfterSaleState.REFUSED,
    api.AS_RECEIPT_REFUSED: AfterSaleState.RECEIPT_REFUSED,
    api.AS_EXCHANGE_AWAITING_SHIPMENT: AfterSaleState.EXCHANGE_AWAITING_SHIPMENT,
    api.AS_EXCHANGE_AWAITING_BUYER: AfterSaleState.EXCHANGE_SHIPPED,
    api.AS_PLATFORM_INVOLVED: AfterSaleState.PLATFORM_INVOLVED,
}
# An after-sale in one of these has had its goods received by the merchant.
RECEIVED_STATES = frozenset({AfterSaleState.DONE, AfterSaleState.EXCHANGE_AWAITING_SHIPMENT,
                             AfterSaleState.EXCHANGE_SHIPPED})  # fmt: skip
# The sealed receiver fields by our name, as the receiver answer names them.
RECEIVER_ANSWER_FIELDS: Mapping[str, str] = {
    "name": api.RECEIVER_NAME,
    "phone": api.RECEIVER_PHONE,
    "address": api.RECEIVER_ADDRESS,
}
DECRYPT_ACTIONS: Mapping[DecryptPurpose, str] = {
    DecryptPurpose.LABEL: api.ACTION_PRINT,
    DecryptPurpose.VIEW: api.ACTION_VIEW_ONE,
}


class TooManyInOneWindow(SyncError):
    """Even a window of one time unit holds more pages than the platform will give."""

    template = "The online store lists more than it lets us read in one window ({method})"


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


@dataclass(frozen=True, slots=True)
class _Listing:
    """How one windowed list method is asked and answered."""

    method: str
    unit_s: float  # the time unit of startTime/endTime: 1 (seconds) or 0.001 (milliseconds)
    list_field: str
    total_field: str
    page_size_max: int
    max_pages: Callable[[int], int]  # the last page number allowed for a page size
    last_page_field: str | None = None


ORDER_LISTING = _Listing(
    method=api.GET_ORDER_LIST,
    unit_s=1.0,
    list_field=api.ORDER_LIST,
    total_field=api.TOTAL,
    page_size_max=api.ORDER_PAGE_SIZE_MAX,
    max_pages=lambda _size: api.ORDER_PAGE_NO_MAX,
    last_page_field=api.MAX_PAGE_NO,
)
AFTER_SALE_LISTING = _Listing(
    method=api.LIST_AFTER_SALE_INFOS,
    unit_s=0.001,
    list_field=api.AFTER_SALE_BASIC_INFOS,
    total_field=api.TOTAL_COUNT,
    page_size_max=api.ORDER_PAGE_SIZE_MAX,
    max_pages=lambda size: api.AFTER_SALE_ROWS_MAX // size,
)


def _fen_of_yuan(read: Reader, data: Mapping[str, Any], name: str) -> int:
    """An amount the platform gives in yuan (a number) as whole fen."""
    value = data.get(name)
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < 10**9:
        raise read.fail(f"'{name}' is not an amount in yuan")
    return round(value * 100)


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
        pickup_at_counter: bool = True,
    ) -> None:
        if not warehouse_code:
            raise ValueError("the store's warehouse code is required")
        self.client = client
        self.authorizer = authorizer
        self.warehouse_code = warehouse_code
        self.pickup_at_counter = pickup_at_counter

    def _call(self, method: str, fields: Mapping[str, Any]) -> Any:
        """A merchant call with the access token. A refusal in words we do not know (or HTTP
        401/403) while the token is near or past its known expiry: one refresh, one retry."""
        token = self.authorizer.access_token()
        try:
            return self.client.call(method, fields, access_token=token)
        except (UnknownRefusal, AuthError):
            if not self.authorizer.near_expiry():
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
            pack_units=read.number(sku, api.IPQ, default=1, low=1),
        )

    # --- stock -------------------------------------------------------------------------------

    def set_stock(self, levels: Mapping[str, int]) -> list[StockPushResult]:
        """Set each SKU's physical on-hand in the store's warehouse (never below zero). A
        refusal, in the envelope or inside it, is that SKU's failure: it is not pushed."""
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
        """Stock in the store's warehouse. A SKU the platform refuses to report (inside a
        successful answer) is left out, as one it does not know."""
        stock: dict[str, OnlineStock] = {}
        read = Reader(api.GET_SKU_STOCK)
        for sku_id in sku_ids:
            try:
                answer = self._call(api.GET_SKU_STOCK, {api.SKU_ID: sku_id})
            except PlatformError as refused:
                if refused.params.get("inner"):
                    continue
                raise
            data = read.obj(answer, api.DATA)
            if read.text(data, api.SKU_ID) != sku_id:
                raise read.fail(f"asked for SKU {sku_id}, the answer is about another one")
            stock[sku_id] = self._stock_of(read, sku_id, data)
        return stock

    def _stock_of(self, read: Reader, sku_id: str, data: Mapping[str, Any]) -> OnlineStock:
        rows = read.items(data.get(api.SKU_STOCK_WITH_WHCODE), "whcode rows", optional=True)
        figures: Mapping[str, Any] | None = None
        for row in rows:
            row = read.obj(row, api.SKU_STOCK_WITH_WHCODE)
            if read.text(row, api.WHCODE, optional=True) == self.warehouse_code:
                figures = read.obj(row.get(api.SKU_STOCK), api.SKU_STOCK)
        if figures is None and not rows and self.warehouse_code == api.DEFAULT_WAREHOUSE:
            # A shop without multi-warehouse stock has the one default warehouse: its figures
            # are the SKU's own.
            figures = read.obj(data.get(api.SKU_STOCK) or {}, api.SKU_STOCK)
        if figures is None:
            return OnlineStock(sku_id, total=0, available=0, occupied=0)
        return OnlineStock(
            sku_id,
            total=read.number(figures, api.STOCK_TOTAL, default=0),
            available=read.number(figures, api.AVAILABLE, default=0, low=-MAX_HELD),
            occupied=read.number(figures, api.OCCUPIED, default=0),
        )

    # --- windows of orders (and after-sales) ---------------------------------------------------

    def _window_page(
        self,
        cursor: OrderCursor,
        listing: _Listing,
        extra: Mapping[str, Any] | None = None,
    ) -> tuple[Reader, Sequence[Any], int, OrderCursor | None]:
        """One page of the cursor's window: the rows, the total and where to go next."""
        if cursor.time is OrderTime.CREATED:
            time_type, widest = api.TIME_TYPE_CREATED, self.order_windows.by_creation
        else:
            time_type, widest = api.TIME_TYPE_UPDATED, self.order_windows.by_update
        unit = listing.unit_s
        start = math.floor(cursor.start.timestamp() / unit)
        end = min(
            math.ceil(cursor.end.timestamp() / unit),
            start + round(widest.total_seconds() / unit),
        )
        page_size = max(1, min(cursor.page_size, listing.page_size_max))
        probe = cursor.pages_left is None
        page_no = 1 if probe else cursor.page_no
        fields = {api.START_TIME: start, api.END_TIME: end, api.TIME_TYPE: time_type,
                  api.PAGE_NO: page_no, api.PAGE_SIZE: page_size, **(extra or {})}  # fmt: skip
        read = Reader(listing.method)
        data = read.obj(self._call(listing.method, fields), api.DATA)
        total = read.number(data, listing.total_field, default=0)
        rows = read.items(data.get(listing.list_field), listing.list_field, optional=True)
        if not probe:
            if cursor.pages_left:
                pages = cursor.pages_left
                return (
                    read,
                    rows,
                    total,
                    dataclasses.replace(cursor, page_no=pages[0], pages_left=pages[1:]),
                )
            return read, rows, total, self._after_window(cursor, end, unit)
        last = max(1, math.ceil(total / page_size))
        if listing.last_page_field is not None and data.get(listing.last_page_field) is not None:
            last = max(last, read.number(data, listing.last_page_field))
        if last > listing.max_pages(page_size):
            # More pages than the platform gives: read the two halves one after the other.
            if end - start <= 1:
                raise TooManyInOneWindow(method=listing.method)
            middle = start + (end - start) // 2
            half = OrderCursor(
                start=cursor.start,
                end=datetime.fromtimestamp(middle * unit, UTC),
                time=cursor.time,
                page_size=cursor.page_size,
                then=(cursor.end, *cursor.then),
            )
            return read, (), total, half
        if last == 1:
            return read, rows, total, self._after_window(cursor, end, unit)
        # By update time from the last page back to the first (page 1 read again last);
        # by creation time onwards from page 2.
        order = range(last, 0, -1) if cursor.time is OrderTime.UPDATED else range(2, last + 1)
        pages = tuple(order)
        return (
            read,
            rows,
            total,
            dataclasses.replace(cursor, page_no=pages[0], pages_left=pages[1:]),
        )

    @staticmethod
    def _after_window(cursor: OrderCursor, end: int, unit: float) -> OrderCursor | None:
        """The next window once this one is read: the rest of a window the platform's limit
        cut short, then the windows a split left for later."""
        reached = datetime.fromtimestamp(end * unit, UTC)
        fresh = OrderCursor(start=reached, end=cursor.end, time=cursor.time,
                            page_size=cursor.page_size, then=cursor.then)  # fmt: skip
        if reached < cursor.end:
            # The boundary is read twice, which upserting by id makes harmless.
            return fresh
        if cursor.then:
            return dataclasses.replace(fresh, start=cursor.end, end=cursor.then[0],
                                       then=cursor.then[1:])  # fmt: skip
        return None

    # --- orders ------------------------------------------------------------------------------

    def orders_since(self, cursor: OrderCursor) -> OrderPage:
        """One page of the cursor's window (see the module's docstring for the walk)."""
        read, rows, total, next_cursor = self._window_page(cursor, ORDER_LISTING)
        orders = tuple(self._summary(read, read.obj(r, api.ORDER_LIST)) for r in rows)
        return OrderPage(orders=orders, total=total, next_cursor=next_cursor)

    @staticmethod
    def _status(read: Reader, data: Mapping[str, Any], name: str = api.ORDER_STATUS) -> OrderStatus:
        return STATUSES.get(read.number(data, name), OrderStatus.UNKNOWN)

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
        order = self._order(read, data)
        address_id = read.text(data, api.OPEN_ADDRESS_ID, optional=True)
        if order.status is OrderStatus.AWAITING_SHIPMENT and address_id:
            # Without its label details the order still stands; they are read again later.
            with contextlib.suppress(PlatformError):
                order = self._with_receiver(order, address_id)
        return order

    def _order(self, read: Reader, data: Mapping[str, Any]) -> OnlineOrder:
        summary = self._summary(read, data)
        lines: list[OnlineOrderLine] = []
        modes: list[int] = []
        for entry in read.items(data.get(api.SKU_LIST), api.SKU_LIST):
            entry = read.obj(entry, api.SKU_LIST)
            mode = read.number(entry, api.DELIVERY_MODE, default=0)
            modes.append(mode)
            lines += self._lines(read, entry, no_courier=may_go_without_courier(mode))
        order_type = read.number(data, api.ORDER_TYPE, default=0)
        reshipment = order_type == api.ORDER_TYPE_EXCHANGE_RESHIPMENT
        return OnlineOrder(
            order_id=summary.order_id,
            status=summary.status,
            warehouse_code=read.text(data, api.WHCODE, optional=True),
            fulfilment=fulfilment_of(modes, pickup_at_counter=self.pickup_at_counter),
            created_at=summary.created_at,
            updated_at=summary.updated_at,
            lines=tuple(lines),
            paid_fen=read.number(data, api.TOTAL_PAY_AMOUNT, default=0),
            cancel_requested=read.number(data, api.CANCEL_STATUS, default=0)
            == api.CANCEL_REQUESTED,
            reshipment_of=read.text(data, api.ORIGINAL_ORDER_ID, optional=True)
            if reshipment
            else "",
            parcels=self._parcels(read, data),
        )

    @staticmethod
    def _lines(
        read: Reader, entry: Mapping[str, Any], *, no_courier: bool
    ) -> list[OnlineOrderLine]:
        """The units to pick for one sold SKU: a bundle lists each part, a plain SKU (or a
        pack, by its single pack) itself. The price is what the customer paid per unit."""
        sold = read.text(entry, api.SKU_ID)
        title = read.text(entry, api.SKU_NAME, optional=True)
        details = read.items(entry.get(api.SKU_DETAIL_LIST), api.SKU_DETAIL_LIST, optional=True)
        if not details:
            quantity = read.number(entry, api.SKU_QUANTITY, low=1)
            paid = read.number(entry, "totalPaidAmount", default=0)
            return [OnlineOrderLine(
                sku_id=sold, quantity=quantity, unit_price_fen=paid // quantity, title=title,
                no_courier=no_courier, line_sku_id=sold,
            )]  # fmt: skip
        lines = []
        for detail in details:
            detail = read.obj(detail, api.SKU_DETAIL_LIST)
            lines.append(OnlineOrderLine(
                sku_id=read.text(detail, api.SKU_ID),
                quantity=read.number(detail, api.QUANTITY, low=1),
                unit_price_fen=read.number(detail, api.PAID_AMOUNT_PER_SKU, default=0),
                barcode=read.text(detail, api.BARCODE, optional=True),
                erp_code=read.text(detail, api.ERP_CODE, optional=True),
                title=title or read.text(detail, api.SKU_NAME, optional=True),
                no_courier=no_courier,
                line_sku_id=sold,
            ))  # fmt: skip
        return lines

    def _parcels(self, read: Reader, data: Mapping[str, Any]) -> tuple[OnlineParcel, ...]:
        found = []
        entries = read.items(
            data.get(api.SIMPLE_DELIVERY_ORDER_LIST), api.SIMPLE_DELIVERY_ORDER_LIST, optional=True
        )
        for n, entry in enumerate(entries):
            entry = read.obj(entry, api.SIMPLE_DELIVERY_ORDER_LIST)
            skus = read.items(entry.get(api.SKU_ID_LIST), api.SKU_ID_LIST, optional=True)
            found.append(OnlineParcel(
                index=read.number(entry, api.DELIVERY_ORDER_INDEX, default=n),
                status=self._status(read, entry, api.PARCEL_STATUS)
                if entry.get(api.PARCEL_STATUS) is not None else OrderStatus.UNKNOWN,
                sku_ids=tuple(str(sku) for sku in skus if isinstance(sku, str | int)),
                express_no=read.text(entry, api.EXPRESS_TRACKING_NO, optional=True),
                company_code=read.text(entry, api.EXPRESS_COMPANY_CODE, optional=True),
            ))  # fmt: skip
        return tuple(found)

    def _with_receiver(self, order: OnlineOrder, address_id: str) -> OnlineOrder:
        """Add who receives the parcel (only while it awaits shipment): the platform's
        ciphertexts as they came, their masked forms (``data.batchDesensitise``) and the region,
        which comes in clear. Nothing is decrypted here."""
        query = {
            api.RECEIVER_QUERIES: [{api.ORDER_ID: order.order_id, api.OPEN_ADDRESS_ID: address_id}],
            api.IS_RETURN: bool(order.reshipment_of),
        }
        read = Reader(api.GET_ORDER_RECEIVER_INFO)
        data = read.obj(self._call(api.GET_ORDER_RECEIVER_INFO, query), api.DATA)
        for info in read.items(data.get(api.RECEIVER_INFOS), api.RECEIVER_INFOS, optional=True):
            info = read.obj(info, api.RECEIVER_INFOS)
            if read.text(info, api.ORDER_ID, optional=True) != order.order_id:
                continue
            if not read.flag(info, api.MATCHED, default=True):
                return order  # the address changed since the detail was read: read it again
            sealed = {
                name: read.text(info, field, optional=True)
                for name, field in RECEIVER_ANSWER_FIELDS.items()
            }
            sealed = {name: value for name, value in sealed.items() if value}
            masked = self._desensitise(order.order_id, sealed)
            region = "".join(
                read.text(info, field, optional=True)
                for field in (api.RECEIVER_PROVINCE, api.RECEIVER_CITY, api.RECEIVER_DISTRICT)
            )
            receiver = SealedReceiver(
                name_sealed=sealed.get("name", ""),
                phone_sealed=sealed.get("phone", ""),
                address_sealed=sealed.get("address", ""),
                name_masked=masked.get("name", ""),
                phone_masked=masked.get("phone", ""),
                address_masked=masked.get("address", ""),
                region=region,
            )
            return dataclasses.replace(order, receiver=receiver)
        return order

    def _batch(
        self, method: str, order_id: str, sealed: Mapping[str, str], action: str, who: str
    ) -> tuple[Reader, list[Mapping[str, Any]]]:
        """One data.* call over the sealed fields of one order: each answer entry by field."""
        fields = {
            api.BASE_INFOS: [
                {api.DATA_TAG: order_id, api.ENCRYPTED_DATA: value} for value in sealed.values()
            ],
            api.ACTION_TYPE: action,
            api.APP_USER_ID: who or "store",
        }
        read = Reader(method)
        data = read.obj(self._call(method, fields), api.DATA)
        list_field = (
            api.DATA_INFO_LIST if method == api.BATCH_DECRYPT else api.DESENSITISE_INFO_LIST
        )
        entries = [read.obj(e, list_field) for e in read.items(data.get(list_field), list_field)]
        return read, entries

    def _desensitise(self, order_id: str, sealed: Mapping[str, str]) -> dict[str, str]:
        """The masked form of each sealed field; a field the platform does not mask stays
        blank (shown as unknown), never in clear."""
        if not sealed:
            return {}
        try:
            read, entries = self._batch(
                api.BATCH_DESENSITISE, order_id, sealed, api.ACTION_VIEW_ONE, "store"
            )
        except PlatformError:
            return {}
        by_cipher = {
            read.text(e, api.ENCRYPTED_DATA, optional=True): e
            for e in entries
            if read.number(e, api.ITEM_ERROR_CODE, default=0, low=-(10**9)) == 0
        }
        masked = {}
        for name, value in sealed.items():
            entry = by_cipher.get(value)
            if entry is not None:
                text = read.text(entry, api.DESENSITISED_DATA, optional=True)
                if text != value:  # a mask that gives the ciphertext back is no mask
                    masked[name] = text
        return masked

    def reveal_receiver(
        self, order_id: str, receiver: SealedReceiver, purpose: DecryptPurpose, *, who: str
    ) -> dict[str, str]:
        """``data.batchDecrypt`` of the sealed fields, for a label or one field a manager asks
        for. A quota refusal of any field raises DecryptRefused; the caller uses the result at
        once and stores none of it."""
        sealed = receiver.sealed
        if not sealed:
            return {}
        read, entries = self._batch(
            api.BATCH_DECRYPT, order_id, sealed, DECRYPT_ACTIONS[purpose], who
        )
        by_cipher = {read.text(e, api.ENCRYPTED_DATA, optional=True): e for e in entries}
        clear = {}
        for name, value in sealed.items():
            entry = by_cipher.get(value)
            if entry is None:
                raise read.fail(f"no answer for the {name} of order {order_id}")
            code = read.number(entry, api.ITEM_ERROR_CODE, default=0, low=-(10**9))
            if code:
                message = read.text(entry, api.ITEM_ERROR_MSG, optional=True)
                raise DecryptRefused(
                    method=api.BATCH_DECRYPT,
                    error_code=code,
                    error_msg=message or api.ERROR_MESSAGES.get(code, "refused"),
                )
            clear[name] = read.text(entry, api.DECRYPTED_DATA)
        return clear

    # --- after-sales -------------------------------------------------------------------------

    def after_sales_since(self, cursor: OrderCursor) -> AfterSalePage:
        read, rows, total, next_cursor = self._window_page(cursor, AFTER_SALE_LISTING)
        items = tuple(
            self._after_sale(read, read.obj(row, api.AFTER_SALE_BASIC_INFOS)) for row in rows
        )
        return AfterSalePage(items=items, total=total, next_cursor=next_cursor)

    @staticmethod
    def _after_sale(
        read: Reader, row: Mapping[str, Any], lines: tuple[AfterSaleLine, ...] = ()
    ) -> AfterSale:
        return AfterSale(
            returns_id=read.text(row, api.RETURNS_ID),
            order_id=read.text(row, api.ORDER_ID),
            kind=AFTER_SALE_KINDS.get(read.number(row, api.RETURN_TYPE), AfterSaleKind.UNKNOWN),
            state=AFTER_SALE_STATES.get(
                read.number(row, api.AFTER_SALE_STATUS), AfterSaleState.UNKNOWN
            ),
            applied_at=read.time_ms(row, api.APPLY_TIME),
            updated_at=read.time_ms(row, api.UPDATED_AT),
            refund_fen=_fen_of_yuan(read, row, api.EXPECTED_REFUND_YUAN),
            reason=read.text(row, api.REASON_NAME, optional=True)[:200],
            lines=lines,
        )

    def after_sale(self, returns_id: str) -> AfterSale:
        read = Reader(api.GET_AFTER_SALE_INFO)
        data = read.obj(self._call(api.GET_AFTER_SALE_INFO, {api.RETURNS_ID: returns_id}), api.DATA)
        info = read.obj(data.get(api.AFTER_SALE_INFO), api.AFTER_SALE_INFO)
        if read.text(info, api.RETURNS_ID) != returns_id:
            raise read.fail(f"asked for after-sale {returns_id}, the answer is about another")
        item = self._after_sale(read, info, self._after_sale_lines(read, info, api.AFTER_SALE_SKUS))
        exchanged = self._after_sale_lines(read, info, api.EXCHANGE_SKUS)
        return dataclasses.replace(item, exchange_lines=exchanged)

    @staticmethod
    def _after_sale_lines(
        read: Reader, info: Mapping[str, Any], field: str
    ) -> tuple[AfterSaleLine, ...]:
        lines = []
        for entry in read.items(info.get(field), field, optional=True):
            entry = read.obj(entry, field)
            lines.append(AfterSaleLine(read.text(entry, api.SKU_ID),
                                       read.number(entry, api.APPLIED_COUNT, low=1)))  # fmt: skip
        return tuple(lines)

    def ship_exchange(self, returns_id: str, express_no: str, company_code: str) -> None:
        """``afterSale.receiveAndShip``: the exchange's replacement left with ``express_no``."""
        fields = {api.RETURNS_ID: returns_id, api.EXPRESS_COMPANY_CODE: company_code,
                  api.EXPRESS_NO: express_no}  # fmt: skip
        try:
            self._call(api.RECEIVE_AND_SHIP, fields)
        except PlatformError:
            state = self.after_sale(returns_id).state
            if state not in (AfterSaleState.EXCHANGE_SHIPPED, AfterSaleState.DONE):
                raise

    def confirm_return_received(self, returns_id: str) -> None:
        """``afterSale.confirmReceive`` (received). Refused because it is no longer awaiting
        the store's receipt: the after-sale is read again, and one past that step is done."""
        fields = {api.RETURNS_ID: returns_id, api.ACTION: api.ACTION_CONFIRM_RECEIPT}
        try:
            self._call(api.CONFIRM_RECEIVE, fields)
        except PlatformError:
            if self.after_sale(returns_id).state not in RECEIVED_STATES:
                raise

    # --- express companies and warehouses ----------------------------------------------------

    def correct_express(self, order_id: str, express_no: str, company_code: str, *,
                        old: str) -> None:  # fmt: skip
        """``order.modifyOrderExpressInfo``: the parcel sent as ``old`` carries ``express_no``.
        Sent again after a lost answer, it finds the number already right: done."""
        fields = {api.ORDER_ID: order_id, api.EXPRESS_NO: express_no,
                  api.EXPRESS_COMPANY_CODE: company_code, api.OLD_EXPRESS_NO: old}  # fmt: skip
        try:
            self._call(api.MODIFY_ORDER_EXPRESS, fields)
        except PlatformError:
            read, data = self._detail(order_id)
            if any(p.express_no == express_no for p in self._parcels(read, data)):
                return
            raise

    def express_companies(self) -> list[ExpressCompany]:
        """The couriers the platform accepts (``common.getExpressCompanyList``)."""
        read = Reader(api.GET_EXPRESS_COMPANY_LIST)
        data = read.obj(self._call(api.GET_EXPRESS_COMPANY_LIST, {}), api.DATA)
        found = []
        for entry in read.items(data.get(api.EXPRESS_COMPANY_INFOS), api.EXPRESS_COMPANY_INFOS):
            entry = read.obj(entry, api.EXPRESS_COMPANY_INFOS)
            found.append(ExpressCompany(
                code=read.text(entry, api.EXPRESS_COMPANY_CODE),
                name=read.text(entry, api.EXPRESS_COMPANY_NAME, optional=True)[:60],
                comment=read.text(entry, api.EXPRESS_COMPANY_COMMENT, optional=True)[:200],
            ))  # fmt: skip
        return found

    def create_warehouse(
        self, name: str, zone_code: str, address: str, *, contact_name: str = "",
        contact_tel: str = "",
    ) -> None:  # fmt: skip
        """``warehouse.create`` of the store's own warehouse under its configured code."""
        fields = {api.WAREHOUSE_CODE: self.warehouse_code, api.WAREHOUSE_NAME: name,
                  api.WAREHOUSE_ZONE_CODE: zone_code, api.WAREHOUSE_ADDRESS: address}  # fmt: skip
        if contact_name:
            fields[api.WAREHOUSE_CONTACT_NAME] = contact_name
        if contact_tel:
            fields[api.WAREHOUSE_CONTACT_TEL] = contact_tel
        self._call(api.WAREHOUSE_CREATE, fields)

    def set_warehouse_coverage(self, zone_codes: Sequence[str]) -> None:
        """``warehouse.setCoverage``: the areas (province, city or district codes) the store's
        warehouse serves; it replaces what was set before."""
        fields = {api.WH_CODE: self.warehouse_code, api.ZONE_CODE_LIST: list(zone_codes)}
        self._call(api.WAREHOUSE_SET_COVERAGE, fields)

    def put_warehouse_first(self, zone_code: str, others: Sequence[str] = ()) -> None:
        """``warehouse.setPriority``: the store's warehouse first for ``zone_code``, then
        ``others`` in their order."""
        ranked = [self.warehouse_code, *(code for code in others if code != self.warehouse_code)]
        fields = {
            api.WAREHOUSE_ZONE_CODE: zone_code,
            api.WAREHOUSE_PRIORITY_LIST: [{api.WH_CODE: code} for code in ranked],
        }
        self._call(api.WAREHOUSE_SET_PRIORITY, fields)

    def warehouse_codes(self) -> list[str]:
        """The codes of the shop's own warehouses (``warehouse.list``; CPartner is not listed)."""
        codes: list[str] = []
        page_no = 1
        while True:
            read = Reader(api.WAREHOUSE_LIST)
            fields = {api.PAGE_NO: page_no, api.PAGE_SIZE: api.WAREHOUSE_PAGE_SIZE_MAX}
            data = read.obj(self._call(api.WAREHOUSE_LIST, fields), api.DATA)
            rows = read.items(data.get(api.WAREHOUSE_LIST_FIELD), api.WAREHOUSE_LIST_FIELD,
                              optional=True)  # fmt: skip
            for row in rows:
                codes.append(read.text(read.obj(row, api.WAREHOUSE_LIST_FIELD), api.WAREHOUSE_CODE))
            total = read.number(data, api.TOTAL, default=0)
            if not rows or page_no * api.WAREHOUSE_PAGE_SIZE_MAX >= total or page_no >= 100:
                return codes
            page_no += 1

    # --- fulfilment --------------------------------------------------------------------------

    @staticmethod
    def _shipped(order: OnlineOrder, sku_ids: Sequence[str]) -> bool:
        """Whether the whole order, or the parcel holding ``sku_ids``, has left already."""
        if order.status.is_delivered:
            return True
        if not sku_ids:
            return False
        wanted = set(sku_ids)
        return any(
            parcel.status.is_delivered and wanted <= set(parcel.sku_ids) for parcel in order.parcels
        )

    def deliver(
        self, order_id: str, express_no: str, company_code: str, *, sku_ids: Sequence[str] = ()
    ) -> DeliveryResult:
        """Register the delivery once: re-read the order, count "already shipped" as done.
        ``sku_ids`` ships only those sold SKUs (a split shipment; the rest follows later)."""
        read, data = self._detail(order_id)
        order = self._order(read, data)
        if self._shipped(order, sku_ids):
            return DeliveryResult(order_id, already_delivered=True)
        if order.status.is_void:
            words = order.status.value.replace("_", " ")
            raise NotSent(method=api.ORDER_DELIVER, error_msg=f"the order is {words}")
        if order.cancel_requested:
            raise PlatformError(
                method=api.ORDER_DELIVER,
                error_code=api.ERR_FULFILMENT_STOPPED,
                error_msg=api.ERROR_MESSAGES[api.ERR_FULFILMENT_STOPPED],
            )
        if company_code == api.SELF_DELIVERY_COMPANY_CODE:
            lines = [line for line in order.lines if not sku_ids or line.line_sku_id in sku_ids]
            if not lines or not all(line.no_courier for line in lines):
                raise NotSent(
                    method=api.ORDER_DELIVER,
                    error_msg="a line of this order may not leave without a courier",
                )
        fields: dict[str, Any] = {
            api.ORDER_ID: order_id,
            api.EXPRESS_NO: express_no,
            api.EXPRESS_COMPANY_CODE: company_code,
        }
        if sku_ids:
            fields[api.UNPACK] = True
            fields[api.SKU_ID_LIST] = list(sku_ids)
        try:
            self._acknowledged(api.ORDER_DELIVER, api.ORDER_ID, order_id, fields)
        except PlatformError:
            # Refused: if it went through before (an answer lost), the order says so now.
            read, data = self._detail(order_id)
            if self._shipped(self._order(read, data), sku_ids):
                return DeliveryResult(order_id, already_delivered=True)
            raise
        return DeliveryResult(order_id)

    def hand_over(self, order_id: str, pickup_reference: str) -> DeliveryResult:
        """A pickup handed to the customer at the counter: delivered without a courier."""
        return self.deliver(order_id, pickup_reference, api.SELF_DELIVERY_COMPANY_CODE)
