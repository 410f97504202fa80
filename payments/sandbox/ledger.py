"""The sandbox's money: orders, refunds and used codes, the same for both providers.

Provider-neutral rules (the protocol modules turn outcomes into each provider's answers):

- a payment code is single-use; an order number charged again answers about the existing
  order (never a second charge);
- a customer entering a password decides at a set time (success or failure); every read
  settles the order first, so no timer runs;
- a reversal closes an unpaid order or pays a paid one back, within the provider's window;
- refunds add up to at most the order total; the same refund number is answered again,
  never applied twice.

State lives in memory under one lock and is written to a JSON file after each change when a
state file is given (so a demo survives a restart).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

CHINA = timezone(timedelta(hours=8))

# Order states (neutral; each provider names them its own way).
PAYING = "PAYING"
SUCCESS = "SUCCESS"
PAYERROR = "PAYERROR"  # refused or the customer gave up: nothing was taken
CLOSED = "CLOSED"  # reversed before it was paid
REVOKED = "REVOKED"  # reversed after it was paid: the money went back

FEE_PER_MILLE = 6  # 0.6 %, the usual rate for both providers' offline payments


def fee_for(amount_fen: int) -> int:
    return (amount_fen * FEE_PER_MILLE + 500) // 1000


def code_digest(code: str) -> str:
    return hashlib.sha256(code.encode("utf-8")).hexdigest()


def mask_code(code: str) -> str:
    return code[:4] + "*" * max(len(code) - 8, 0) + code[-4:]


def china_day(timestamp: float) -> date:
    return datetime.fromtimestamp(timestamp, CHINA).date()


@dataclass
class Order:
    provider: str
    merchant: str
    out_trade_no: str
    amount_fen: int
    code_digest: str
    code_masked: str
    transaction_id: str
    created_at: float
    state: str
    description: str = ""
    appid: str = ""
    api: str = ""
    decide_at: float | None = None
    pay_ok: bool = True
    paid_at: float | None = None
    closed_at: float | None = None
    refused: str | None = None  # why a charge was refused: balance, expired, used
    fee_fen: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    def settle(self, now: float) -> None:
        if self.state == PAYING and self.decide_at is not None and now >= self.decide_at:
            if self.pay_ok:
                self.state, self.paid_at = SUCCESS, self.decide_at
                self.fee_fen = fee_for(self.amount_fen)
            else:
                self.state, self.refused = PAYERROR, "gave_up"
            self.decide_at = None


@dataclass
class Refund:
    provider: str
    merchant: str
    out_trade_no: str
    out_refund_no: str
    refund_id: str
    amount_fen: int
    created_at: float
    success_at: float
    fee_fen: int
    reason: str = ""
    reversal: bool = False  # the money went back by a reversal, not a refund call

    def done(self, now: float) -> bool:
        return now >= self.success_at


@dataclass
class Outcome:
    kind: str
    order: Order | None = None
    refund: Refund | None = None


class Ledger:
    def __init__(self, state_path: str | Path | None = None, *, refund_delay_s: float = 0.0):
        self.path = Path(state_path) if state_path else None
        self.lock = threading.RLock()
        self.refund_delay_s = refund_delay_s
        self.clock_offset_s = 0.0
        self.orders: dict[str, Order] = {}
        self.refunds: list[Refund] = []
        self.used_codes: set[str] = set()
        self.calls: dict[str, int] = {}
        self.serial = 0
        if self.path is not None and self.path.exists():
            self._load()

    # --- clock, ids, persistence ---------------------------------------------------------

    def now(self) -> float:
        return time.time() + self.clock_offset_s

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial

    def new_id(self, prefix: str, width: int) -> str:
        """A provider-shaped number: prefix, the China date, a running serial."""
        stamp = datetime.fromtimestamp(self.now(), CHINA).strftime("%Y%m%d")
        serial = str(self.next_serial())
        return prefix + stamp + serial.rjust(width - len(prefix) - len(stamp), "0")

    @contextmanager
    def changing(self) -> Iterator[None]:
        with self.lock:
            yield
            self._save()

    def count_call(self, name: str) -> None:
        with self.lock:
            self.calls[name] = self.calls.get(name, 0) + 1

    def _save(self) -> None:
        if self.path is None:
            return
        data = {
            "clock_offset_s": self.clock_offset_s,
            "serial": self.serial,
            "orders": [asdict(order) for order in self.orders.values()],
            "refunds": [asdict(refund) for refund in self.refunds],
            "used_codes": sorted(self.used_codes),
            "calls": self.calls,
        }
        temporary = self.path.with_suffix(self.path.suffix + ".tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.path)

    def _load(self) -> None:
        assert self.path is not None
        data = json.loads(self.path.read_text(encoding="utf-8"))
        self.clock_offset_s = float(data.get("clock_offset_s", 0.0))
        self.serial = int(data.get("serial", 0))
        for raw in data.get("orders", []):
            order = Order(**raw)
            self.orders[self._key(order.provider, order.merchant, order.out_trade_no)] = order
        self.refunds = [Refund(**raw) for raw in data.get("refunds", [])]
        self.used_codes = set(data.get("used_codes", []))
        self.calls = {str(k): int(v) for k, v in data.get("calls", {}).items()}

    @staticmethod
    def _key(provider: str, merchant: str, out_trade_no: str) -> str:
        return f"{provider}|{merchant}|{out_trade_no}"

    # --- charges -------------------------------------------------------------------------

    def find(self, provider: str, merchant: str, out_trade_no: str) -> Order | None:
        with self.lock:
            order = self.orders.get(self._key(provider, merchant, out_trade_no))
            if order is not None:
                order.settle(self.now())
            return order

    def charge(self, order: Order, behaviour: str, seconds: float = 0.0) -> Outcome:
        """Apply a charge: ``existing``/``mismatch`` for a known order number, ``refused``,
        ``paying``, ``paid``, or ``not_applied`` (nothing done, e.g. a system error)."""
        with self.changing():
            now = self.now()
            existing = self.find(order.provider, order.merchant, order.out_trade_no)
            if existing is not None:
                same = (existing.amount_fen, existing.code_digest) == (
                    order.amount_fen, order.code_digest,
                )  # fmt: skip
                return Outcome("existing" if same else "mismatch", existing)
            if behaviour in ("system_error", "lost_before"):
                return Outcome("not_applied")
            refused = {"insufficient_balance": "balance", "code_expired": "expired",
                       "code_used": "used"}.get(behaviour)  # fmt: skip
            if refused is None and order.code_digest in self.used_codes:
                refused = "used"
            order.created_at = now
            self.orders[self._key(order.provider, order.merchant, order.out_trade_no)] = order
            if refused is not None:
                order.state, order.refused = PAYERROR, refused
                if refused == "balance":
                    self.used_codes.add(order.code_digest)
                return Outcome("refused", order)
            self.used_codes.add(order.code_digest)
            if behaviour in ("password_success", "password_fail"):
                order.state, order.decide_at = PAYING, now + seconds
                order.pay_ok = behaviour == "password_success"
                return Outcome("paying", order)
            order.state, order.paid_at, order.fee_fen = SUCCESS, now, fee_for(order.amount_fen)
            return Outcome("paid", order)

    def reverse(self, provider: str, merchant: str, out_trade_no: str, window_s: float) -> Outcome:
        """``closed`` (was unpaid), ``paid_back``, ``not_found``, ``expired`` (past the
        window), ``refunded`` (refunds were made: a reversal can no longer apply)."""
        with self.changing():
            order = self.find(provider, merchant, out_trade_no)
            if order is None:
                return Outcome("not_found")
            now = self.now()
            if order.state in (CLOSED, REVOKED):
                return Outcome("closed" if order.state == CLOSED else "paid_back", order)
            if now - order.created_at > window_s:
                return Outcome("expired", order)
            if order.state in (PAYING, PAYERROR):
                order.state, order.closed_at, order.decide_at = CLOSED, now, None
                return Outcome("closed", order)
            if self.refunded_fen(order) > 0:
                return Outcome("refunded", order)
            order.state, order.closed_at = REVOKED, now
            refund = Refund(
                provider, merchant, out_trade_no, out_trade_no, self.new_id("50", 29),
                order.amount_fen, now, now, order.fee_fen, "reversal", reversal=True,
            )  # fmt: skip
            self.refunds.append(refund)
            return Outcome("paid_back", order, refund)

    # --- refunds -------------------------------------------------------------------------

    def refunds_of(self, order: Order) -> list[Refund]:
        return [
            r for r in self.refunds
            if (r.provider, r.merchant, r.out_trade_no)
            == (order.provider, order.merchant, order.out_trade_no)
        ]  # fmt: skip

    def refunded_fen(self, order: Order) -> int:
        return sum(r.amount_fen for r in self.refunds_of(order))

    def find_refund(
        self, provider: str, merchant: str, out_refund_no: str, out_trade_no: str | None = None
    ) -> Refund | None:
        with self.lock:
            for refund in self.refunds:
                if (refund.provider, refund.merchant, refund.out_refund_no) != (
                    provider, merchant, out_refund_no,
                ) or refund.reversal:  # fmt: skip
                    continue
                if out_trade_no is None or refund.out_trade_no == out_trade_no:
                    return refund
            return None

    def refund(
        self, provider: str, merchant: str, out_trade_no: str, out_refund_no: str,
        amount_fen: int, total_fen: int | None, reason: str = "", delay_s: float | None = None,
    ) -> Outcome:  # fmt: skip
        """``created``, ``existing``, ``mismatch`` (same refund number, other amount),
        ``not_found``, ``not_paid``, ``total_mismatch``, ``exceeds``."""
        with self.changing():
            scope = out_trade_no if provider == "alipay" else None
            existing = self.find_refund(provider, merchant, out_refund_no, scope)
            if existing is not None:
                same = (existing.out_trade_no, existing.amount_fen) == (out_trade_no, amount_fen)
                return Outcome("existing" if same else "mismatch", refund=existing)
            order = self.find(provider, merchant, out_trade_no)
            if order is None:
                return Outcome("not_found")
            if order.state != SUCCESS:
                return Outcome("not_paid", order)
            if total_fen is not None and total_fen != order.amount_fen:
                return Outcome("total_mismatch", order)
            already = self.refunded_fen(order)
            if amount_fen <= 0 or already + amount_fen > order.amount_fen:
                return Outcome("exceeds", order)
            now = self.now()
            refunded_fee = sum(r.fee_fen for r in self.refunds_of(order))
            if already + amount_fen == order.amount_fen:
                fee = order.fee_fen - refunded_fee
            else:
                fee = min(
                    order.fee_fen * amount_fen // order.amount_fen, order.fee_fen - refunded_fee
                )
            refund = Refund(
                provider, merchant, out_trade_no, out_refund_no, self.new_id("50", 29),
                amount_fen, now, now + (self.refund_delay_s if delay_s is None else delay_s), fee,
                reason,
            )  # fmt: skip
            self.refunds.append(refund)
            return Outcome("created", order, refund)

    # --- bills and inspection ------------------------------------------------------------

    def day_lines(
        self, provider: str, merchants: set[str], day: date
    ) -> tuple[list[Order], list[Refund]]:
        """Paid orders (by payment time) and refunds (by request time) of a China day."""
        with self.lock:
            now = self.now()
            payments = []
            for order in self.orders.values():
                order.settle(now)
                if order.provider != provider or order.merchant not in merchants:
                    continue
                if order.paid_at is not None and china_day(order.paid_at) == day:
                    payments.append(order)
            refunds = [
                r for r in self.refunds
                if r.provider == provider and r.merchant in merchants
                and china_day(r.created_at) == day
            ]  # fmt: skip
            payments.sort(key=lambda o: (o.paid_at or 0.0, o.out_trade_no))
            refunds.sort(key=lambda r: (r.created_at, r.refund_id))
            return payments, refunds

    def snapshot(self) -> dict[str, Any]:
        with self.lock:
            now = self.now()
            orders: dict[str, dict[str, Any]] = {"wechat": {}, "alipay": {}}
            for order in self.orders.values():
                order.settle(now)
                refunds = [r for r in self.refunds_of(order) if not r.reversal]
                reversals = [r for r in self.refunds_of(order) if r.reversal]
                orders[order.provider][order.out_trade_no] = {
                    "merchant": order.merchant,
                    "api": order.api,
                    "state": order.state,
                    "amount_fen": order.amount_fen,
                    "code": order.code_masked,
                    "transaction_id": order.transaction_id,
                    "refused": order.refused,
                    "fee_fen": order.fee_fen,
                    "paid_at": order.paid_at,
                    "charges": 1 if order.paid_at is not None else 0,
                    "refunds": [
                        {
                            "out_refund_no": r.out_refund_no,
                            "refund_id": r.refund_id,
                            "amount_fen": r.amount_fen,
                            "done": r.done(now),
                        }
                        for r in refunds
                    ],
                    "refunded_fen": sum(r.amount_fen for r in refunds),
                    "reversals": [
                        {"amount_fen": r.amount_fen, "at": r.created_at} for r in reversals
                    ],
                    "closed": order.state in (CLOSED, REVOKED),
                }
            return {"orders": orders, "calls": dict(self.calls), "now": now,
                    "now_utc": datetime.fromtimestamp(now, UTC).isoformat()}  # fmt: skip
