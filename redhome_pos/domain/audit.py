"""The audit log: sensitive actions in a hash chain.

Each event's hash covers its own fields and the previous event's hash, so editing any row, or
deleting one from the middle, breaks the chain from there on. (Deleting the newest events is
caught by comparing with a head recorded elsewhere, such as a Z report.)
"""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

GENESIS_HASH = "0" * 64


class AuditAction(enum.StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOCKED_OUT = "locked_out"
    APPROVAL = "approval"
    SALE = "sale"
    VOID = "void"
    REFUND = "refund"
    PRICE_OVERRIDE = "price_override"
    DISCOUNT = "discount"
    DRAWER_OPEN = "drawer_open"
    CASH_MOVEMENT = "cash_movement"
    SHIFT_OPEN = "shift_open"
    SHIFT_CLOSE = "shift_close"
    SETTINGS_CHANGE = "settings_change"
    STAFF_CHANGE = "staff_change"
    RECONCILE_DECISION = "reconcile_decision"
    STOCK_COUNT_POSTED = "stock_count_posted"
    DELIVERY_RECEIVED = "delivery_received"
    PROMOTION_CHANGE = "promotion_change"
    MEMBER_CHANGE = "member_change"
    STOCK_COUNT_CANCELLED = "stock_count_cancelled"
    STOCK_ADJUSTED = "stock_adjusted"
    CATALOG_IMPORT = "catalog_import"
    STOCK_IMPORT = "stock_import"
    OPENING_STOCK = "opening_stock"
    DATABASE_RESTORE = "database_restore"
    PIN_UNLOCK = "pin_unlock"
    EXPIRED_SOLD = "expired_sold"
    LOT_TRACKING = "lot_tracking"


@dataclass(frozen=True, slots=True)
class AuditEvent:
    seq: int
    created_at: datetime  # UTC
    action: str
    staff_id: int | None
    terminal_id: str
    detail: dict[str, Any]
    prev_hash: str
    hash: str


@dataclass(frozen=True, slots=True)
class ChainBreak:
    seq: int
    problem: str


def event_hash(
    prev_hash: str,
    seq: int,
    created_at: datetime,
    action: str,
    staff_id: int | None,
    terminal_id: str,
    detail: dict[str, Any],
) -> str:
    body = json.dumps(
        [
            prev_hash,
            seq,
            created_at.astimezone(UTC).isoformat(),
            action,
            staff_id,
            terminal_id,
            detail,
        ],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(body.encode()).hexdigest()


def verify_chain(events: Iterable[AuditEvent]) -> list[ChainBreak]:
    """Every place where the chain does not hold (empty when intact)."""
    breaks: list[ChainBreak] = []
    prev_hash = GENESIS_HASH
    expected_seq = 1
    for event in events:
        if event.seq != expected_seq:
            breaks.append(
                ChainBreak(event.seq, f"events {expected_seq}..{event.seq - 1} are missing")
            )
        if event.prev_hash != prev_hash:
            breaks.append(ChainBreak(event.seq, "does not follow the event before it"))
        actual = event_hash(
            event.prev_hash,
            event.seq,
            event.created_at,
            event.action,
            event.staff_id,
            event.terminal_id,
            event.detail,
        )
        if actual != event.hash:
            breaks.append(ChainBreak(event.seq, "was changed after it was written"))
        prev_hash = event.hash
        expected_seq = event.seq + 1
    return breaks
