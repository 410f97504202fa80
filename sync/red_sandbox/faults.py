"""Fault switches: how often the sandbox misbehaves, and how.

Each switch is a probability per call (0 never, 1 every call). ``latency`` delays the answer by
``latency_ms``; ``http_5xx`` answers 503; ``rate_limit`` answers the method rate-limit error -9013;
``malformed`` sends a truncated JSON body; ``hostile`` sends a successful envelope whose data
has the wrong shape; ``reset`` drops the connection before doing anything; ``lost`` applies the
call, then drops the connection so the answer never arrives.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

FAULTS = ("latency", "http_5xx", "rate_limit", "malformed", "hostile", "reset", "lost")
# Checked in this order before the call is applied; "lost" is decided after.
BEFORE_APPLYING = ("http_5xx", "rate_limit", "malformed", "hostile", "reset")


@dataclass
class FaultSwitches:
    rates: dict[str, float] = field(default_factory=dict)
    latency_ms: int = 50
    methods: frozenset[str] | None = None  # None: every method
    seed: int = 1
    _rng: random.Random = field(init=False, repr=False)
    _lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._rng = random.Random(self.seed)
        self.set(self.rates)

    def set(
        self,
        rates: Mapping[str, float],
        *,
        latency_ms: int | None = None,
        methods: Iterable[str] | None = None,
        replace: bool = True,
    ) -> None:
        unknown = set(rates) - set(FAULTS)
        if unknown:
            raise ValueError(f"unknown fault {sorted(unknown)}; known: {', '.join(FAULTS)}")
        for name, rate in rates.items():
            if not 0.0 <= float(rate) <= 1.0:
                raise ValueError(f"fault {name} rate must be between 0 and 1, not {rate}")
        with self._lock:
            new_rates = {} if replace else dict(self.rates)
            new_rates.update({k: float(v) for k, v in rates.items()})
            self.rates = new_rates
            if latency_ms is not None:
                self.latency_ms = int(latency_ms)
            self.methods = frozenset(methods) if methods else None

    def fires(self, name: str, method: str) -> bool:
        rate = self.rates.get(name, 0.0)
        if rate <= 0.0 or (self.methods is not None and method not in self.methods):
            return False
        with self._lock:
            return self._rng.random() < rate

    def describe(self) -> dict[str, object]:
        return {
            "rates": dict(self.rates),
            "latency_ms": self.latency_ms,
            "methods": sorted(self.methods) if self.methods else None,
        }


def parse_fault_option(text: str) -> tuple[str, float]:
    """``name=rate`` from the command line (``--fault http_5xx=0.2``); a bare name means 1."""
    name, _, rate = text.partition("=")
    name = name.strip().replace("-", "_")
    if name not in FAULTS:
        raise ValueError(f"unknown fault {name!r}; known: {', '.join(FAULTS)}")
    return name, float(rate) if rate else 1.0
