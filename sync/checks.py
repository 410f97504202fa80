"""Checks on what the online store sends before anything of it is applied.

The connector already refuses answers it cannot read; these checks refuse answers that read
well but would damage the store's data (a negative price, an absurd quantity, an id that is not
an id). A refused page or order changes nothing locally.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from sync.connector import OnlineOrder, OnlineSku
from sync.errors import SyncError

MAX_PRICE_FEN = 100_000_000  # ￥1,000,000.00: more is a broken answer, not a price
MAX_QUANTITY = 100_000
MAX_TEXT = 200
MAX_SEALED = 4000  # a receiver field's ciphertext
_ID = re.compile(r"^[A-Za-z0-9_\-]{1,64}$")
_EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)


class RefusedData(SyncError):
    """The online store sent data the store will not apply; nothing was changed."""

    template = "The online store sent {what} that cannot be applied ({detail}). Nothing changed."


def _refuse(what: str, detail: str) -> RefusedData:
    return RefusedData(what=what, detail=detail)


def _check_id(what: str, value: object) -> None:
    if not isinstance(value, str) or not _ID.match(value):
        raise _refuse(what, f"not an id: {str(value)[:40]!r}")


def _check_time(what: str, value: object) -> None:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise _refuse(what, "a time without its time zone")
    if value < _EARLIEST:
        raise _refuse(what, f"a time before 2000: {value.isoformat()}")


def _check_text(what: str, value: object, limit: int = MAX_TEXT) -> None:
    if not isinstance(value, str) or len(value) > limit or "\x00" in value:
        raise _refuse(what, "an unreadable or overlong text")


def _check_count(what: str, value: object, *, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _refuse(what, f"{value!r} is outside {low}…{high}")


def check_online_sku(sku: OnlineSku) -> None:
    what = f"SKU {str(sku.sku_id)[:64]}"
    _check_id("a SKU", sku.sku_id)
    _check_id(what, sku.item_id)
    _check_text(what, sku.title)
    if not sku.title.strip():
        raise _refuse(what, "no title")
    _check_count(what, sku.price_fen, low=0, high=MAX_PRICE_FEN)
    _check_count(what, sku.original_price_fen, low=0, high=MAX_PRICE_FEN)
    _check_time(what, sku.updated_at)
    _check_text(what, sku.erp_code, 64)
    _check_text(what, sku.brand, 100)
    _check_text(what, sku.category, 100)
    for name, value in sku.variant:
        _check_text(what, name, 40)
        _check_text(what, value, 100)
    for code in sku.barcodes:
        _check_text(what, code, 64)


def check_online_order(order: OnlineOrder) -> None:
    what = f"order {str(order.order_id)[:64]}"
    _check_id("an order", order.order_id)
    _check_time(what, order.created_at)
    _check_time(what, order.updated_at)
    _check_text(what, order.warehouse_code, 64)
    receiver = order.receiver
    for sealed in (receiver.name_sealed, receiver.phone_sealed, receiver.address_sealed):
        _check_text(what, sealed, MAX_SEALED)
    _check_text(what, receiver.name_masked, 100)
    _check_text(what, receiver.phone_masked, 32)
    _check_text(what, receiver.address_masked, 400)
    _check_text(what, receiver.region, 100)
    _check_count(what, order.paid_fen, low=0, high=MAX_PRICE_FEN * 100)
    if not order.lines:
        raise _refuse(what, "no lines")
    for line in order.lines:
        _check_id(what, line.sku_id)
        _check_count(what, line.quantity, low=1, high=MAX_QUANTITY)
        _check_count(what, line.unit_price_fen, low=0, high=MAX_PRICE_FEN)
        _check_text(what, line.barcode, 64)
        _check_text(what, line.erp_code, 64)
        _check_text(what, line.title, MAX_TEXT)


def check_on_hand(sku_id: str, quantity: object) -> int:
    """An online stock figure the store may take as its opening stock."""
    _check_count(f"stock of SKU {sku_id[:64]}", quantity, low=0, high=MAX_QUANTITY)
    assert isinstance(quantity, int)
    return quantity
