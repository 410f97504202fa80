"""Plain input of the templates: what a receipt, report or label says, and nothing else.

Amounts are int fen; times are aware datetimes, shown in ``timezone`` (the store's zone).
The counter and fulfilment code fill these from their own records (see ``from_sale``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal


@dataclass(frozen=True)
class StoreHeader:
    name: str
    address: str = ""
    code: str = ""
    timezone: str = "Asia/Shanghai"


@dataclass(frozen=True)
class ReceiptLine:
    title: str
    variant: str
    qty: int
    unit_price_fen: int
    discount_fen: int  # manual discounts
    amount_fen: int
    savings: tuple[tuple[str, int], ...] = ()  # promotions: (their words, fen saved)
    lots: tuple[tuple[str, date | None], ...] = ()  # lot-tracked goods: (批号, 有效期至)


@dataclass(frozen=True)
class VatLine:
    rate_bp: int
    vat_fen: int


@dataclass(frozen=True)
class TenderLine:
    """A payment: ``label`` as printed (现金, 微信支付, 支付宝, 银行卡) and its reference (the
    provider's transaction number, or the terminal slip's 参考号), printed whole on a line of
    its own after ``reference_label``. Never the customer's payment code."""

    label: str
    amount_fen: int
    reference: str = ""
    reference_label: str = "参考号"


@dataclass(frozen=True)
class ReceiptData:
    store: StoreHeader
    terminal_id: str
    receipt_no: str
    time: datetime
    clerk: str
    lines: tuple[ReceiptLine, ...]
    subtotal_fen: int
    discount_fen: int
    total_fen: int
    vat: tuple[VatLine, ...]
    tenders: tuple[TenderLine, ...]
    change_fen: int
    receipt_code: str
    footer: str = ""
    copy: bool = False
    promotion_fen: int = 0  # saved by promotions (``discount_fen``: manual discounts)
    points_earned: int | None = None  # a member's sale: points earned and the balance after
    points_balance: int | None = None
    rewards: tuple[tuple[str, int, int], ...] = ()  # points rewards: words, fen off, points


@dataclass(frozen=True)
class ReturnReceiptData:
    store: StoreHeader
    terminal_id: str
    return_no: str
    original_receipt_no: str
    time: datetime
    clerk: str
    approved_by: str
    lines: tuple[ReceiptLine, ...]
    refund_total_fen: int
    vat: tuple[VatLine, ...]
    refunds: tuple[TenderLine, ...]
    reason: str = ""
    footer: str = ""
    copy: bool = False


@dataclass(frozen=True)
class ClerkFigures:
    name: str
    sales_count: int
    sales_fen: int
    refunds_fen: int


@dataclass(frozen=True)
class ProviderLine:
    """A wallet's money in the shift: ``label`` as printed (微信支付, 外部收款：微信…)."""

    label: str
    paid_fen: int
    refunded_fen: int
    payments: int = 0
    refunds: int = 0


@dataclass(frozen=True)
class ShiftReportData:
    """An X report (shift so far, shift stays open) or a Z report (closes the shift)."""

    store: StoreHeader
    terminal_id: str
    shift_no: str
    final: bool
    opened_at: datetime
    closed_at: datetime | None
    printed_at: datetime
    clerk: str
    sales_count: int
    sales_fen: int
    returns_count: int
    returns_fen: int
    discounts_fen: int
    by_tender: tuple[TenderLine, ...]
    vat: tuple[VatLine, ...]
    opening_float_fen: int
    cash_expected_fen: int
    cash_counted_fen: int | None = None
    z_number: int | None = None
    voids_count: int = 0
    voids_fen: int = 0
    cash_in_fen: int = 0
    cash_out_fen: int = 0
    drawer_opens: int = 0
    by_clerk: tuple[ClerkFigures, ...] = ()
    audit_code: str = ""  # the audit log's head, sealed (Z only): ``audit verify --code``
    by_provider: tuple[ProviderLine, ...] = ()  # WeChat Pay / Alipay: paid and refunded

    @property
    def cash_difference_fen(self) -> int | None:
        if self.cash_counted_fen is None:
            return None
        return self.cash_counted_fen - self.cash_expected_fen


@dataclass(frozen=True)
class ParcelLabelData:
    """The label on one parcel of an online order: ``parcel_no`` of ``parcel_count``."""

    store: StoreHeader
    order_id: str
    parcel_no: int
    parcel_count: int
    pickup: bool
    recipient: str
    items: tuple[str, ...]
    qr_payload: str
    date: datetime
    express_company: str = ""
    extra_lines: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TestPageData:
    printer_name: str
    store: StoreHeader
    time: datetime
    settings: tuple[tuple[str, str], ...] = ()


Gs1Symbology = Literal["GS1-128", "GS1-DATAMATRIX"]


@dataclass(frozen=True)
class LotLabelData:
    """A shelf or carton label for one lot (批号) of a product: what it is, its lot and
    expiry date, and the GS1 element string of GTIN + expiry + lot its barcode carries."""

    title: str
    variant: str
    lot: str
    expiry: date | None
    element_string: str
    price_fen: int | None = None
    copies: int = 1
    reference: str = ""  # what the print queue lists it by (the delivery and line)
    symbology: Gs1Symbology = "GS1-128"
