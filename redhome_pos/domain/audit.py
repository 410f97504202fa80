"""The audit log: sensitive actions in a keyed hash chain.

Each event's hash covers its own fields and the previous event's hash, so editing any row, or
deleting one from the middle, breaks the chain from there on. The hash is an HMAC with the
store's audit key, which is kept outside the database: someone who can edit the database file
cannot write a chain that verifies. Deleting the newest events, everything, or starting the
chain again is caught by the anchors: at every Z report the head (seq and hash) is written
outside the database, sealed with the same key, and printed on the Z receipt as a short code.

A chain written before the store had a key (plain SHA-256) still verifies as an unkeyed
beginning of the log; once a keyed event is written, an unkeyed one after it is a change.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
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
    PAYMENT = "payment"  # a manager's wallet decision: test charge, attach, refund, cash instead


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
    key: bytes = b"",
) -> str:
    """The event's hash: HMAC-SHA-256 with the store's audit ``key`` (plain SHA-256 without
    one, as chains were written before the key)."""
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
    if key:
        return hmac.new(key, body.encode(), hashlib.sha256).hexdigest()
    return hashlib.sha256(body.encode()).hexdigest()


def hash_of(event: AuditEvent, key: bytes) -> str:
    """The hash ``event`` should carry under ``key`` (empty: written before the store had one)."""
    return event_hash(
        event.prev_hash,
        event.seq,
        event.created_at,
        event.action,
        event.staff_id,
        event.terminal_id,
        event.detail,
        key,
    )


@dataclass
class ChainCheck:
    """What walking the chain found: its breaks and how many events came before the key."""

    breaks: list[ChainBreak]
    unkeyed: int = 0  # events at the start of the log written before the store had a key
    count: int = 0


def check_chain(events: Iterable[AuditEvent], key: bytes = b"") -> ChainCheck:
    """Walk the chain with the store's ``key``: every place where it does not hold."""
    check = ChainCheck([])
    keyed_seen = not key
    prev_hash = GENESIS_HASH
    expected_seq = 1
    for event in events:
        check.count += 1
        if event.seq != expected_seq:
            check.breaks.append(
                ChainBreak(event.seq, f"events {expected_seq}..{event.seq - 1} are missing")
            )
        if event.prev_hash != prev_hash:
            check.breaks.append(ChainBreak(event.seq, "does not follow the event before it"))
        if hmac.compare_digest(hash_of(event, key), event.hash):
            keyed_seen = True
        elif not keyed_seen and hash_of(event, b"") == event.hash:
            check.unkeyed += 1  # written before the key, and nothing keyed before it
        else:
            check.breaks.append(ChainBreak(event.seq, "was changed after it was written"))
        prev_hash = event.hash
        expected_seq = event.seq + 1
    return check


def verify_chain(events: Iterable[AuditEvent]) -> list[ChainBreak]:
    """Every place where an unkeyed chain does not hold (empty when intact)."""
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


@dataclass(frozen=True, slots=True)
class Anchor:
    """The head of the chain when a Z report was made, kept outside the database."""

    store_code: str
    terminal_id: str
    shift_id: int
    at: datetime
    seq: int
    hash: str
    unkeyed: int = 0  # events at the start written before the key (never grows)

    def body(self) -> str:
        return json.dumps(
            [
                "anchor",
                self.store_code,
                self.terminal_id,
                self.shift_id,
                self.at.astimezone(UTC).isoformat(),
                self.seq,
                self.hash,
                self.unkeyed,
            ],
            separators=(",", ":"),
        )

    def seal(self, key: bytes) -> str:
        return hmac.new(key, self.body().encode(), hashlib.sha256).hexdigest()

    def to_line(self, key: bytes) -> str:
        """One line of the anchor file: the anchor and its seal."""
        return json.dumps({"anchor": json.loads(self.body()), "seal": self.seal(key)})

    @classmethod
    def from_line(cls, line: str, key: bytes) -> Anchor | None:
        """The anchor a line holds, or None when the line was changed or is not one."""
        try:
            data = json.loads(line)
            tag, store, terminal, shift_id, at, seq, digest, unkeyed = data["anchor"]
            anchor = cls(
                str(store),
                str(terminal),
                int(shift_id),
                datetime.fromisoformat(at),
                int(seq),
                str(digest),
                int(unkeyed),
            )
            sealed = hmac.compare_digest(anchor.seal(key), str(data["seal"]))
        except (ValueError, KeyError, TypeError):
            return None
        return anchor if tag == "anchor" and sealed else None


def anchor_code(key: bytes, seq: int, digest: str) -> str:
    """The short code printed on the Z receipt: the event number and 8 letters of an HMAC of
    the head, which ``audit verify --code`` checks against the log."""
    mac = hmac.new(key, f"z-anchor:{seq}:{digest}".encode(), hashlib.sha256).digest()
    letters = base64.b32encode(mac[:5]).decode()
    return f"{seq}-{letters[:4]}-{letters[4:]}"


def anchor_break(anchor: Anchor, digest: str | None, newest: int) -> ChainBreak | None:
    """What an anchor says is wrong with a log whose event ``anchor.seq`` has ``digest``
    (None: no such event) and whose newest event is ``newest`` (None when all is well)."""
    when = anchor.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if anchor.seq == 0:
        return None
    if newest == 0:
        return ChainBreak(
            anchor.seq, f"every event is gone; the Z report of {when} anchored {anchor.seq}"
        )
    if digest is None and newest < anchor.seq:
        return ChainBreak(
            anchor.seq,
            f"events after {newest} are gone; the Z report of {when} anchored {anchor.seq}",
        )
    if digest != anchor.hash:
        return ChainBreak(
            anchor.seq,
            f"differs from the Z report of {when}: the log was rewritten or started again",
        )
    return None
