"""The stock ledger: every change of on-hand is a movement; on-hand is their sum."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

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
