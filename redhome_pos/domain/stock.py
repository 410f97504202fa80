"""The stock ledger: every change of on-hand is a movement; on-hand is their sum."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, datetime

from redhome_pos.domain.errors import StockError


class MovementKind(enum.StrEnum):
    RECEIVE = "receive"
    SALE = "sale"
    RETURN = "return"
    ADJUST = "adjust"
    COUNT = "count"
    ONLINE_FULFILMENT = "online_fulfilment"
    TRANSFER_IN = "transfer_in"
    TRANSFER_OUT = "transfer_out"
    OPENING = "opening"


# One movement of more units than this is a typo or a scanned barcode in the quantity field:
# no store receives, sells or writes off a million units of one SKU at once.
MAX_MOVEMENT_UNITS = 1_000_000


def check_units(quantity: int) -> None:
    """Refuse a quantity beyond what a store handles (or not a whole number) in words."""
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise StockError("A quantity is a whole number of units, not {quantity}", quantity=quantity)
    if abs(quantity) > MAX_MOVEMENT_UNITS:
        raise StockError(
            "{quantity} units at once is beyond what a store handles (at most {limit}): "
            "check the quantity",
            quantity=quantity,
            limit=MAX_MOVEMENT_UNITS,
        )


@dataclass(frozen=True, slots=True)
class StockMovement:
    """One signed change of a SKU's on-hand, with who, why, where and when."""

    id: str  # uuid4 hex, unique across terminals
    sku_id: int
    kind: MovementKind
    quantity: int
    reason: str
    staff_id: int | None
    terminal_id: str
    created_at: datetime  # UTC
    reference: str = ""
    # Lot-tracked SKUs: the lot moved (None: the ledger chooses — new stock to the unknown
    # lot "", stock taken first-expiring first) and its expiry date when known.
    lot: str | None = None
    expiry: date | None = None

    def __post_init__(self) -> None:
        check_units(self.quantity)


def new_on_hand(current: int, quantity: int, *, allow_negative: bool, sku_code: str = "") -> int:
    """On-hand after a movement; refuses to go below zero unless the store allows it."""
    result = current + quantity
    if result < 0 and not allow_negative:
        raise StockError(
            "Not enough stock of {sku}: {on_hand} on hand, {wanted} needed",
            sku=sku_code,
            on_hand=current,
            wanted=-quantity,
        )
    return result


# The sign a movement of each kind must have: +1 adds stock, -1 takes it away, 0 either way.
_SIGN_OF_KIND: dict[MovementKind, int] = {
    MovementKind.RECEIVE: +1,
    MovementKind.SALE: -1,
    MovementKind.RETURN: +1,
    MovementKind.ADJUST: 0,
    MovementKind.COUNT: 0,
    MovementKind.ONLINE_FULFILMENT: -1,
    MovementKind.TRANSFER_IN: +1,
    MovementKind.TRANSFER_OUT: -1,
    MovementKind.OPENING: +1,
}


def check_movement(movement: StockMovement) -> None:
    """Refuse a movement that breaks a ledger rule, before it touches the ledger.

    A movement changes stock (zero only for a count that confirms what is on hand), its sign
    fits its kind (a sale takes stock away, a delivery adds it), it names the terminal and a
    unique id, and its time is time-zone aware (it is stored in UTC).
    """
    try:
        kind = MovementKind(movement.kind)
    except ValueError:
        raise StockError("Unknown kind of stock movement: {kind}", kind=movement.kind) from None
    if not movement.id:
        raise StockError("A stock movement needs an id")
    if not movement.terminal_id:
        raise StockError("A stock movement needs the terminal it was made at")
    if movement.created_at.tzinfo is None:
        raise StockError("A stock movement's time must carry its time zone (UTC is stored)")
    if isinstance(movement.quantity, bool) or not isinstance(movement.quantity, int):
        raise StockError(
            "A stock quantity is a whole number: {quantity}", quantity=movement.quantity
        )
    if movement.quantity == 0 and kind is not MovementKind.COUNT:
        raise StockError("A stock movement of {kind} must change the quantity", kind=kind.value)
    sign = _SIGN_OF_KIND[kind]
    if sign * movement.quantity < 0:
        raise StockError(
            "A {kind} must {direction} stock, not {quantity}",
            kind=kind.value,
            direction="add" if sign > 0 else "take away",
            quantity=movement.quantity,
        )


def count_difference(on_hand: int, counted: int) -> int:
    """The movement a stock count records: what was counted minus what the ledger says."""
    if counted < 0:
        raise StockError("A counted quantity cannot be negative: {counted}", counted=counted)
    return counted - on_hand
