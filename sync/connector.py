"""The online-store interface the sync engine talks to.

RED (Xiaohongshu) is the first implementation (``sync/red``); another online store can be
added by implementing :class:`OnlineStore` with the same plain dataclasses. Everything that
crosses this boundary is a frozen dataclass of plain values: ids are strings as the online
store spells them, money is int fen, times are aware UTC datetimes.

Failures are raised as ``sync.errors.SyncError`` and its subclasses (connection/HTTP trouble,
authorisation, an unreadable response, a refusal by the platform). A refusal that concerns one
SKU of a stock push is reported in that SKU's :class:`StockPushResult` instead, so one bad SKU
does not hold back the others.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol, runtime_checkable

# --- catalog -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CatalogCursor:
    """Where a catalog read stands: SKUs updated in ``[updated_from, updated_to]``, one page.

    ``updated_from`` None means from the beginning (a full import).
    """

    updated_to: datetime
    updated_from: datetime | None = None
    page_no: int = 1
    page_size: int = 100


@dataclass(frozen=True, slots=True)
class OnlineSku:
    """One SKU as the online store lists it."""

    sku_id: str
    item_id: str
    title: str
    price_fen: int
    original_price_fen: int
    updated_at: datetime
    variant: tuple[tuple[str, str], ...] = ()  # (name, value) in display order
    barcodes: tuple[str, ...] = ()
    erp_code: str = ""
    buyable: bool = True
    brand: str = ""
    category: str = ""
    pack_units: int = 1  # sold in packs of this many: stock comes from the single pack


@dataclass(frozen=True, slots=True)
class CatalogPage:
    """One page of SKUs; ``next_cursor`` is None when the window has been read to its end.

    ``total`` is how many SKUs the online store says the whole window holds.
    """

    items: tuple[OnlineSku, ...]
    total: int
    next_cursor: CatalogCursor | None


# --- stock ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StockPushResult:
    """What happened to one SKU of a stock push.

    ``ok`` False means the platform refused this SKU (``error`` says why in words); the push
    of the other SKUs is unaffected.
    """

    sku_id: str
    quantity: int
    ok: bool
    error: str = ""


@dataclass(frozen=True, slots=True)
class OnlineStock:
    """Stock of one SKU in the store's warehouse as the online store sees it."""

    sku_id: str
    total: int  # physical stock the store declared
    available: int  # what customers can still buy
    occupied: int  # held for orders not yet shipped


# --- orders --------------------------------------------------------------------------------


class OrderTime(enum.StrEnum):
    """Which time of an order a window is about."""

    CREATED = "created"
    UPDATED = "updated"


class OrderStatus(enum.StrEnum):
    """The life of an online order, in neutral words (each connector maps its own codes)."""

    AWAITING_PAYMENT = "awaiting_payment"
    PROCESSING = "processing"
    CUSTOMS = "customs"
    AWAITING_SHIPMENT = "awaiting_shipment"
    PARTLY_SHIPPED = "partly_shipped"
    SHIPPED = "shipped"  # handed over, awaiting receipt
    COMPLETED = "completed"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    EXCHANGE_REQUESTED = "exchange_requested"
    UNKNOWN = "unknown"

    @property
    def is_delivered(self) -> bool:
        """The goods have left the store (a delivery call would be refused or redundant)."""
        return self in {OrderStatus.SHIPPED, OrderStatus.COMPLETED}

    @property
    def is_void(self) -> bool:
        """The order will never be fulfilled."""
        return self in {OrderStatus.CLOSED, OrderStatus.CANCELLED}


class FulfilmentKind(enum.StrEnum):
    PICKUP = "pickup"  # the customer collects at the store
    SHIP = "ship"  # the store ships the parcel


@dataclass(frozen=True, slots=True)
class OrderWindows:
    """The widest time window the online store accepts per kind of order query."""

    by_creation: timedelta = timedelta(hours=24)
    by_update: timedelta = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class OrderCursor:
    """Orders (or after-sales) whose ``time`` falls in ``[start, end]``, one page.

    Callers start a window with the defaults; the connector fills ``pages_left`` (the pages of
    the window still to read, in the order it reads them, None before the first) and ``then``
    (where the windows still to read end, when it had to cut this one smaller).
    """

    start: datetime
    end: datetime
    time: OrderTime = OrderTime.UPDATED
    page_no: int = 1
    page_size: int = 100
    pages_left: tuple[int, ...] | None = None
    then: tuple[datetime, ...] = ()


@dataclass(frozen=True, slots=True)
class OrderSummary:
    order_id: str
    status: OrderStatus
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class OrderPage:
    """One page of order summaries; ``next_cursor`` is None at the end of the window."""

    orders: tuple[OrderSummary, ...]
    total: int
    next_cursor: OrderCursor | None


@dataclass(frozen=True, slots=True)
class OnlineOrderLine:
    """One unit kind to pick. ``unit_price_fen`` is what the customer paid for one unit;
    ``no_courier`` when the online store allows this line to leave without a courier."""

    sku_id: str
    quantity: int
    unit_price_fen: int
    barcode: str = ""
    erp_code: str = ""
    title: str = ""
    no_courier: bool = False
    line_sku_id: str = ""  # the sold SKU this line picks for (a bundle's, else its own)


@dataclass(frozen=True, slots=True)
class OnlineParcel:
    """One parcel of an order as the online store splits it: which sold SKUs go together."""

    index: int
    status: OrderStatus
    sku_ids: tuple[str, ...]
    express_no: str = ""
    company_code: str = ""


@dataclass(frozen=True, slots=True)
class SealedReceiver:
    """Who receives the parcel. Name, phone and address as the online store sealed them
    (ciphertext only it can open) and as it masks them for screens; the region in clear."""

    name_sealed: str = field(default="", repr=False)
    phone_sealed: str = field(default="", repr=False)
    address_sealed: str = field(default="", repr=False)
    name_masked: str = ""
    phone_masked: str = ""
    address_masked: str = ""
    region: str = ""

    @property
    def sealed(self) -> dict[str, str]:
        """The sealed fields by name (name, phone, address), those present."""
        fields_ = {"name": self.name_sealed, "phone": self.phone_sealed,
                   "address": self.address_sealed}  # fmt: skip
        return {name: value for name, value in fields_.items() if value}


RECEIVER_FIELDS = ("name", "phone", "address")


@dataclass(frozen=True, slots=True)
class OnlineOrder:
    """An online order in full. The receiver is sealed and masked, never in clear."""

    order_id: str
    status: OrderStatus
    warehouse_code: str  # the warehouse that must fulfil it; the store takes its own
    fulfilment: FulfilmentKind
    created_at: datetime
    updated_at: datetime
    lines: tuple[OnlineOrderLine, ...]
    receiver: SealedReceiver = field(default_factory=SealedReceiver)
    paid_fen: int = 0
    cancel_requested: bool = False  # the buyer asked to cancel: stop picking, never hand over
    reshipment_of: str = ""  # an exchange's re-shipment: the original order
    parcels: tuple[OnlineParcel, ...] = ()

    @property
    def no_courier(self) -> bool:
        """Every line may leave without a courier (a delivery with the self-delivery code)."""
        return bool(self.lines) and all(line.no_courier for line in self.lines)


class DecryptPurpose(enum.StrEnum):
    """Why a sealed receiver field is opened (the online store monitors and limits it)."""

    LABEL = "label"  # printing the parcel label
    VIEW = "view"  # a manager looks at one field of one order


@dataclass(frozen=True, slots=True)
class ExpressCompany:
    """A courier the online store accepts in a delivery (chosen from its list, never typed)."""

    code: str
    name: str
    comment: str = ""


# --- after-sales -----------------------------------------------------------------------------


class AfterSaleKind(enum.StrEnum):
    RETURN = "return"  # goods come back, then the money
    EXCHANGE = "exchange"  # goods come back, others go out
    REFUND_AFTER_SHIPMENT = "refund_after_shipment"  # money only, the goods stay with the buyer
    REFUND_BEFORE_SHIPMENT = "refund_before_shipment"  # money only, nothing must leave
    UNKNOWN = "unknown"


class AfterSaleState(enum.StrEnum):
    AWAITING_REVIEW = "awaiting_review"
    AWAITING_BUYER_PARCEL = "awaiting_buyer_parcel"
    AWAITING_RECEIPT = "awaiting_receipt"  # the goods are on their way back to the store
    DONE = "done"
    CANCELLED = "cancelled"
    CLOSED = "closed"
    REFUSED = "refused"
    RECEIPT_REFUSED = "receipt_refused"
    EXCHANGE_AWAITING_SHIPMENT = "exchange_awaiting_shipment"
    EXCHANGE_SHIPPED = "exchange_shipped"
    PLATFORM_INVOLVED = "platform_involved"
    UNKNOWN = "unknown"

    @property
    def is_open(self) -> bool:
        """Still in progress (a refund before shipment that is open stops the pick)."""
        return self not in {AfterSaleState.DONE, AfterSaleState.CANCELLED, AfterSaleState.CLOSED,
                            AfterSaleState.REFUSED, AfterSaleState.RECEIPT_REFUSED}  # fmt: skip


@dataclass(frozen=True, slots=True)
class AfterSaleLine:
    sku_id: str  # the online SKU
    quantity: int


@dataclass(frozen=True, slots=True)
class AfterSale:
    """A return, exchange or refund of an online order, as the online store lists it."""

    returns_id: str
    order_id: str
    kind: AfterSaleKind
    state: AfterSaleState
    applied_at: datetime
    updated_at: datetime
    refund_fen: int = 0
    reason: str = ""
    lines: tuple[AfterSaleLine, ...] = ()  # what comes back
    exchange_lines: tuple[AfterSaleLine, ...] = ()  # an exchange: what goes out instead


@dataclass(frozen=True, slots=True)
class AfterSalePage:
    items: tuple[AfterSale, ...]
    total: int
    next_cursor: OrderCursor | None


@dataclass(frozen=True, slots=True)
class DeliveryResult:
    """The online store accepted the delivery; ``already_delivered`` when it had been done."""

    order_id: str
    already_delivered: bool = False


# --- authorisation -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OAuthTokens:
    """Tokens of the store's authorisation. Never logged (``repr`` hides the secrets)."""

    access_token: str = field(repr=False)
    access_expires_at: datetime
    refresh_token: str = field(repr=False)
    refresh_expires_at: datetime
    seller_id: str = ""
    seller_name: str = ""


class TokenStore(Protocol):
    """Where the connector keeps its tokens between runs (the store database)."""

    def load(self) -> OAuthTokens | None: ...

    def save(self, tokens: OAuthTokens) -> None: ...


@runtime_checkable
class Authorizer(Protocol):
    """Connecting the store to its online store once, from the manager's approval."""

    def authorization_url(self, state: str) -> str:
        """The page the manager opens to approve this program."""
        ...

    def exchange_code(self, code: str) -> OAuthTokens:
        """Trade the code from the approval redirect for tokens (the caller saves them)."""
        ...


# --- the online store ----------------------------------------------------------------------


@runtime_checkable
class OnlineStore(Protocol):
    """An online store the REDHOME store keeps in step with."""

    order_windows: OrderWindows

    def catalog_page(self, cursor: CatalogCursor) -> CatalogPage:
        """One page of SKUs updated in the cursor's window."""
        ...

    def set_stock(self, levels: Mapping[str, int]) -> list[StockPushResult]:
        """Set the absolute physical on-hand of each SKU (online sku id → units) in the
        store's warehouse. Setting the same figure twice is harmless; deltas are never sent."""
        ...

    def get_stock(self, sku_ids: Sequence[str]) -> dict[str, OnlineStock]:
        """Stock of these SKUs in the store's warehouse; SKUs the store does not know are
        left out."""
        ...

    def orders_since(self, cursor: OrderCursor) -> OrderPage:
        """Summaries of orders created or updated in the cursor's window."""
        ...

    def order_detail(self, order_id: str) -> OnlineOrder:
        """One order in full."""
        ...

    def order_status(self, order_id: str) -> OrderStatus:
        """The order's status now (re-read before a delivery is sent or sent again)."""
        ...

    def deliver(
        self, order_id: str, express_no: str, company_code: str, *, sku_ids: Sequence[str] = ()
    ) -> DeliveryResult:
        """Tell the online store the order has left the store with a courier (``sku_ids``:
        only those sold SKUs, a split shipment). An order that is already delivered counts as
        done, not as an error."""
        ...

    def hand_over(self, order_id: str, pickup_reference: str) -> DeliveryResult:
        """Tell the online store the customer collected the order at the counter."""
        ...

    def express_companies(self) -> list[ExpressCompany]:
        """The couriers the online store accepts in a delivery."""
        ...

    def correct_express(
        self, order_id: str, express_no: str, company_code: str, *, old: str
    ) -> None:
        """Correct the tracking number of the parcel sent as ``old``."""
        ...

    def after_sales_since(self, cursor: OrderCursor) -> AfterSalePage:
        """After-sales applied for (CREATED) or updated (UPDATED) in the cursor's window."""
        ...

    def after_sale(self, returns_id: str) -> AfterSale:
        """One after-sale in full (with its lines)."""
        ...

    def confirm_return_received(self, returns_id: str) -> None:
        """The returned goods arrived at the store. Confirming one already confirmed is done."""
        ...

    def ship_exchange(self, returns_id: str, express_no: str, company_code: str) -> None:
        """The replacement goods of an exchange left with a courier. Sent again after a lost
        answer, an exchange already shipped counts as done."""
        ...

    def reveal_receiver(
        self, order_id: str, receiver: SealedReceiver, purpose: DecryptPurpose, *, who: str
    ) -> dict[str, str]:
        """Open the sealed receiver fields (name, phone, address → clear text) for ``purpose``.
        The result is used at once and never stored. A refusal by the online store (a quota
        used up) raises ``DecryptRefused``."""
        ...
