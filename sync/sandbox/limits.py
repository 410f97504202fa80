"""The platform's request limits, enforced by the sandbox when asked to (off by default).

Each limit is a bucket refilled at its rate with a burst of one second's worth; a call that
finds its bucket empty is answered with the rate-limit error (-9013), as the platform does.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from sync.sandbox import wire as api


class _Bucket:
    def __init__(self, rate: float, now: float) -> None:
        self.rate = rate
        self.tokens = rate
        self.last = now

    def take(self, now: float) -> bool:
        self.tokens = min(self.rate, self.tokens + (now - self.last) * self.rate)
        self.last = now
        if self.tokens < 1.0:
            return False
        self.tokens -= 1.0
        return True


class RequestLimits:
    """Per-app and per-method limits in calls per second."""

    def __init__(
        self,
        per_app: float = api.REQUESTS_PER_SECOND_PER_APP,
        per_method: float = api.REQUESTS_PER_SECOND_PER_METHOD,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_app = per_app
        self.per_method = per_method
        self._clock = clock
        self._app = _Bucket(per_app, clock())
        self._methods: dict[str, _Bucket] = {}
        self._lock = threading.Lock()
        self.refused = 0

    def allow(self, method: str) -> bool:
        with self._lock:
            now = self._clock()
            bucket = self._methods.setdefault(method, _Bucket(self.per_method, now))
            if bucket.take(now) and self._app.take(now):
                return True
            self.refused += 1
            return False
