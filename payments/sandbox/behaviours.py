"""What a charge does in the sandbox: chosen by the payment code's last digits or by a switch.

A code's last two digits choose the behaviour; for the behaviours that take time, the two
digits before them give the seconds (``00`` = the default). Every other ending pays at once.
Switches queued over ``POST /_sandbox/switch`` (or ``handle.switch(...)``) take precedence,
one call each, in the order they were queued.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from typing import Any

# Behaviour names (also the names accepted by the switch endpoint).
SUCCESS = "success"
PASSWORD_SUCCESS = "password_success"  # the customer enters the password for N s, then paid
PASSWORD_FAIL = "password_fail"  # the customer enters the password for N s, then gives up
INSUFFICIENT_BALANCE = "insufficient_balance"
CODE_EXPIRED = "code_expired"
CODE_USED = "code_used"
SYSTEM_ERROR = "system_error"  # answered as a system error; nothing was charged
SYSTEM_ERROR_CHARGED = "system_error_charged"  # answered as a system error; the charge was taken
LOST_AFTER = "lost_after"  # the charge is taken, then the connection drops without an answer
LOST_BEFORE = "lost_before"  # the connection drops before anything is done
SLOW = "slow"  # the answer comes after N s (the charge itself succeeds)

CHARGE_BEHAVIOURS = (
    SUCCESS, PASSWORD_SUCCESS, PASSWORD_FAIL, INSUFFICIENT_BALANCE, CODE_EXPIRED, CODE_USED,
    SYSTEM_ERROR, SYSTEM_ERROR_CHARGED, LOST_AFTER, LOST_BEFORE, SLOW,
)  # fmt: skip
# What a switch may do to the other calls (query, reverse, refund, refund query, bill).
CALL_BEHAVIOURS = (SUCCESS, SYSTEM_ERROR, LOST_AFTER, LOST_BEFORE, SLOW)

SUFFIXES: dict[str, str] = {
    "11": PASSWORD_SUCCESS,
    "12": PASSWORD_FAIL,
    "21": INSUFFICIENT_BALANCE,
    "22": CODE_EXPIRED,
    "23": CODE_USED,
    "31": SYSTEM_ERROR,
    "32": SYSTEM_ERROR_CHARGED,
    "41": LOST_AFTER,
    "42": LOST_BEFORE,
    "51": SLOW,
}
DEFAULT_SECONDS = {PASSWORD_SUCCESS: 5.0, PASSWORD_FAIL: 5.0, SLOW: 3.0}

WECHAT_CODE = re.compile(r"1[0-5]\d{16}")
ALIPAY_CODE = re.compile(r"(2[5-9]|30)\d{14,22}")


def wechat_code_ok(code: str) -> bool:
    """WeChat Pay payment codes: 18 digits starting 10–15."""
    return WECHAT_CODE.fullmatch(code) is not None


def alipay_code_ok(code: str) -> bool:
    """Alipay payment codes: 16–24 digits starting 25–30."""
    return ALIPAY_CODE.fullmatch(code) is not None


@dataclass
class Behaviour:
    name: str = SUCCESS
    seconds: float = 0.0

    def plain(self) -> None:
        """A repeated charge (same order number) is answered plainly: no drop, no delay."""
        self.name, self.seconds = SUCCESS, 0.0


def from_code(code: str) -> Behaviour:
    name = SUFFIXES.get(code[-2:], SUCCESS)
    seconds = DEFAULT_SECONDS.get(name, 0.0)
    if name in DEFAULT_SECONDS and len(code) >= 4 and code[-4:-2].isdigit():
        given = int(code[-4:-2])
        seconds = float(given) if given else seconds
    return Behaviour(name, seconds)


@dataclass
class Switch:
    behaviour: str
    provider: str | None = None  # "wechat", "alipay" or None for both
    method: str | None = None  # "charge", "query", "reverse", "refund", "refund_query", "bill"
    seconds: float | None = None
    count: int = 1

    def matches(self, provider: str, method: str) -> bool:
        return (self.provider in (None, provider)) and (self.method in (None, method))

    def describe(self) -> dict[str, Any]:
        return {
            "behaviour": self.behaviour, "provider": self.provider, "method": self.method,
            "seconds": self.seconds, "count": self.count,
        }  # fmt: skip


@dataclass
class Switches:
    """Behaviours queued for the next calls, taken one call at a time."""

    queued: list[Switch] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, switch: Switch) -> None:
        allowed = CHARGE_BEHAVIOURS if switch.method in (None, "charge") else CALL_BEHAVIOURS
        if switch.behaviour not in allowed:
            raise ValueError(f"unknown behaviour {switch.behaviour!r} for {switch.method or 'any'}")
        if switch.provider not in (None, "wechat", "alipay"):
            raise ValueError(f"unknown provider {switch.provider!r}")
        if switch.count < 1:
            raise ValueError("count must be at least 1")
        with self._lock:
            self.queued.append(switch)

    def clear(self) -> None:
        with self._lock:
            self.queued.clear()

    def take(self, provider: str, method: str) -> Behaviour | None:
        with self._lock:
            for index, switch in enumerate(self.queued):
                if not switch.matches(provider, method):
                    continue
                if method != "charge" and switch.behaviour not in CALL_BEHAVIOURS:
                    continue
                switch.count -= 1
                if switch.count <= 0:
                    del self.queued[index]
                seconds = switch.seconds
                if seconds is None:
                    seconds = DEFAULT_SECONDS.get(switch.behaviour, 0.0)
                return Behaviour(switch.behaviour, seconds)
        return None

    def describe(self) -> list[dict[str, Any]]:
        with self._lock:
            return [switch.describe() for switch in self.queued]
