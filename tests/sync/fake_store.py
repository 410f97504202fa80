"""A small in-process online store for engine tests that need no HTTP.

It keeps the same promises as a real connector (windows, paging, absolute stock, delivery
status), counts every call, and can be switched off or made to lose answers after applying.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from sync.connector import (
    AfterSale,
    AfterSalePage,
    AfterSaleState,
    CatalogCursor,
    CatalogPage,
    DecryptPurpose,
    DeliveryResult,
    ExpressCompany,
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
    SealedReceiver,
    StockPushResult,
)
from sync.errors import PlatformError, Unreachable

T0 = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def red_id(n: int) -> str:
    return f"{n:024x}"


@dataclass
class FakeStore:
    warehouse_code: str = "SH01"
    skus: dict[str, OnlineSku] = field(default_factory=dict)
    stock: dict[str, int] = field(default_factory=dict)
    occupied: dict[str, int] = field(default_factory=dict)
    orders: dict[str, OnlineOrder] = field(default_factory=dict)
    refuse_stock: set[str] = field(default_factory=set)
    offline: bool = False
    lose_answers: int = 0  # the next N changing calls are applied, then their answer is lost
    calls: Counter[str] = field(default_factory=Counter)
    stock_calls: list[dict[str, int]] = field(default_factory=list)
    deliveries: Counter[str] = field(default_factory=Counter)
    after_sales: dict[str, AfterSale] = field(default_factory=dict)
    confirmations: Counter[str] = field(default_factory=Counter)
    express_fixes: list[tuple[str, str, str]] = field(default_factory=list)
    order_windows: OrderWindows = field(default_factory=OrderWindows)
    window_widths: list[tuple[OrderTime, timedelta]] = field(default_factory=list)

    # --- set-up -------------------------------------------------------------------------

    def add_sku(self, n: int, *, updated_at: datetime = T0, **changes: object) -> OnlineSku:
        sku = OnlineSku(
            sku_id=red_id(n),
            item_id=red_id(1_000_000 + n // 3),
            title=f"商品 {n // 3}",
            price_fen=1000 + n,
            original_price_fen=1200 + n,
            updated_at=updated_at,
            variant=(("色号", f"#{n % 3}"),),
            barcodes=(ean13(n),),
            erp_code=f"ERP{n:06d}",
        )
        sku = replace(sku, **changes)  # type: ignore[arg-type]
        self.skus[sku.sku_id] = sku
        return sku

    def add_order(
        self,
        order_id: str,
        lines: Sequence[tuple[str, int]],
        *,
        at: datetime = T0,
        status: OrderStatus = OrderStatus.AWAITING_SHIPMENT,
        warehouse_code: str | None = None,
        fulfilment: FulfilmentKind = FulfilmentKind.PICKUP,
    ) -> OnlineOrder:
        order = OnlineOrder(
            order_id=order_id,
            status=status,
            warehouse_code=self.warehouse_code if warehouse_code is None else warehouse_code,
            fulfilment=fulfilment,
            created_at=at,
            updated_at=at,
            lines=tuple(
                OnlineOrderLine(sku_id=s, quantity=q, unit_price_fen=1000) for s, q in lines
            ),
            receiver=SealedReceiver(
                name_sealed="#n#sealed-name##", name_masked="张*", phone_masked="138****0000"
            ),
        )
        self.orders[order_id] = order
        return order

    def set_order_status(self, order_id: str, status: OrderStatus, at: datetime) -> None:
        self.orders[order_id] = replace(self.orders[order_id], status=status, updated_at=at)

    # --- the OnlineStore interface ------------------------------------------------------

    def _call(self, method: str) -> None:
        self.calls[method] += 1
        if self.offline:
            raise Unreachable(method=method, detail="connection refused")

    def _answer_lost(self, method: str) -> None:
        if self.lose_answers > 0:
            self.lose_answers -= 1
            raise Unreachable(method=method, detail="connection reset")

    def catalog_page(self, cursor: CatalogCursor) -> CatalogPage:
        self._call("catalog_page")
        found = sorted(
            (
                sku
                for sku in self.skus.values()
                if (cursor.updated_from is None or sku.updated_at >= cursor.updated_from)
                and sku.updated_at <= cursor.updated_to
            ),
            key=lambda sku: (sku.updated_at, sku.sku_id),
        )
        start = (cursor.page_no - 1) * cursor.page_size
        items = tuple(found[start : start + cursor.page_size])
        more = start + cursor.page_size < len(found)
        next_cursor = replace(cursor, page_no=cursor.page_no + 1) if more else None
        return CatalogPage(items=items, total=len(found), next_cursor=next_cursor)

    def set_stock(self, levels: Mapping[str, int]) -> list[StockPushResult]:
        self._call("set_stock")
        self.stock_calls.append(dict(levels))
        results = []
        for sku_id, quantity in levels.items():
            if sku_id in self.refuse_stock:
                results.append(StockPushResult(sku_id, quantity, False, "stock is locked"))
                continue
            self.stock[sku_id] = quantity
            results.append(StockPushResult(sku_id, quantity, True))
        self._answer_lost("set_stock")
        return results

    def get_stock(self, sku_ids: Sequence[str]) -> dict[str, OnlineStock]:
        self._call("get_stock")
        return {
            sku_id: OnlineStock(
                sku_id,
                self.stock.get(sku_id, 0),
                self.stock.get(sku_id, 0) - self.occupied.get(sku_id, 0),
                self.occupied.get(sku_id, 0),
            )
            for sku_id in sku_ids
            if sku_id in self.skus
        }

    def orders_since(self, cursor: OrderCursor) -> OrderPage:
        self._call("orders_since")
        width = cursor.end - cursor.start
        self.window_widths.append((cursor.time, width))
        limit = (
            self.order_windows.by_creation
            if cursor.time is OrderTime.CREATED
            else self.order_windows.by_update
        )
        if width > limit:
            raise PlatformError(method="orders_since", error_code=-1031, error_msg="window")

        def when(order: OnlineOrder) -> datetime:
            return order.created_at if cursor.time is OrderTime.CREATED else order.updated_at

        found = sorted(
            (o for o in self.orders.values() if cursor.start <= when(o) <= cursor.end),
            key=lambda o: o.order_id,
        )
        start = (cursor.page_no - 1) * cursor.page_size
        page = found[start : start + cursor.page_size]
        more = start + cursor.page_size < len(found)
        return OrderPage(
            orders=tuple(
                OrderSummary(o.order_id, o.status, o.created_at, o.updated_at) for o in page
            ),
            total=len(found),
            next_cursor=replace(cursor, page_no=cursor.page_no + 1) if more else None,
        )

    def order_detail(self, order_id: str) -> OnlineOrder:
        self._call("order_detail")
        return self.orders[order_id]

    def order_status(self, order_id: str) -> OrderStatus:
        self._call("order_status")
        return self.orders[order_id].status

    def hand_over(self, order_id: str, pickup_reference: str) -> DeliveryResult:
        return self.deliver(order_id, pickup_reference, "selfdelivery")

    def deliver(
        self, order_id: str, express_no: str, company_code: str, *, sku_ids: Sequence[str] = ()
    ) -> DeliveryResult:
        self._call("deliver")
        order = self.orders[order_id]
        if order.status.is_delivered:
            return DeliveryResult(order_id, already_delivered=True)
        self.deliveries[order_id] += 1
        for line in order.lines:  # shipping takes the units off the platform's own figure
            self.stock[line.sku_id] = self.stock.get(line.sku_id, 0) - line.quantity
        self.orders[order_id] = replace(
            order, status=OrderStatus.SHIPPED, updated_at=order.updated_at + timedelta(seconds=1)
        )
        self._answer_lost("deliver")
        return DeliveryResult(order_id)

    def after_sales_since(self, cursor: OrderCursor) -> AfterSalePage:
        self._call("after_sales_since")

        def when(item: AfterSale) -> datetime:
            return item.applied_at if cursor.time is OrderTime.CREATED else item.updated_at

        found = sorted(
            (a for a in self.after_sales.values() if cursor.start <= when(a) <= cursor.end),
            key=lambda a: a.returns_id,
        )
        return AfterSalePage(items=tuple(found), total=len(found), next_cursor=None)

    def after_sale(self, returns_id: str) -> AfterSale:
        self._call("after_sale")
        return self.after_sales[returns_id]

    def confirm_return_received(self, returns_id: str) -> None:
        self._call("confirm_return_received")
        item = self.after_sales[returns_id]
        if item.state is not AfterSaleState.AWAITING_RECEIPT:
            if item.state is AfterSaleState.DONE:
                return
            raise PlatformError(method="confirm", error_code=-2000202, error_msg="wrong state")
        self.confirmations[returns_id] += 1
        self.after_sales[returns_id] = replace(
            item, state=AfterSaleState.DONE, updated_at=item.updated_at + timedelta(seconds=1)
        )
        self._answer_lost("confirm_return_received")

    def ship_exchange(self, returns_id: str, express_no: str, company_code: str) -> None:
        self._call("ship_exchange")
        item = self.after_sales[returns_id]
        self.after_sales[returns_id] = replace(item, state=AfterSaleState.EXCHANGE_SHIPPED)

    def express_companies(self) -> list[ExpressCompany]:
        self._call("express_companies")
        return [ExpressCompany("zto", "中通快递"), ExpressCompany("shunfeng", "顺丰速运")]

    def correct_express(
        self, order_id: str, express_no: str, company_code: str, *, old: str
    ) -> None:
        self._call("correct_express")
        self.express_fixes.append((order_id, old, express_no))

    def reveal_receiver(
        self, order_id: str, receiver: SealedReceiver, purpose: DecryptPurpose, *, who: str
    ) -> dict[str, str]:
        self._call("reveal_receiver")
        return {name: f"clear {name} of {order_id}" for name in receiver.sealed}


def ean13(n: int) -> str:
    body = f"69{n:010d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body))
    return body + str((10 - total % 10) % 10)


class Clock:
    """A clock tests move by hand."""

    def __init__(self, now: datetime = T0 + timedelta(hours=1)) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now
