"""Tell a keyboard-wedge scanner from a person typing.

A scanner "types" a whole code in a burst, a few milliseconds per key, and ends it with Enter
(or Tab). A person types far slower. The detector is fed every key with its timestamp and holds
keys back while they could still be a scan; it then either hands them back to the focused field
(a person typed them) or reports a complete scan, so a scan on the sale screen works whatever
field has focus. It is a plain state machine: the UI feeds it from a Qt event filter and calls
``flush`` from a timer at ``deadline_ms``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

TERMINATORS = frozenset({"\r", "\n", "\t"})
MAX_BURST_LENGTH = 1024


class Action(enum.Enum):
    HOLD = "hold"  # the key is kept back: it may be part of a scan
    RELEASE = "release"  # these keys were typed by a person: deliver them to the focused field
    SCAN = "scan"  # a complete scan: route it; the terminator is swallowed


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do after a key. With RELEASE and ``terminator`` set, the Enter/Tab the person
    pressed follows the released text to the focused field."""

    action: Action
    text: str = ""
    terminator: str = ""


HOLD = Decision(Action.HOLD)


class BurstDetector:
    """Keys at most ``max_interval_ms`` apart, at least ``min_length`` of them, then a
    terminator: a scan. Anything slower or shorter: typing."""

    def __init__(self, max_interval_ms: int = 35, min_length: int = 6) -> None:
        if max_interval_ms <= 0 or min_length <= 0:
            raise ValueError("burst interval and length must be positive")
        self.max_interval_ms = max_interval_ms
        self.min_length = min_length
        self._keys: list[str] = []
        self._last_ms: int | None = None

    @property
    def pending(self) -> str:
        """The keys held back so far."""
        return "".join(self._keys)

    @property
    def deadline_ms(self) -> int | None:
        """When held keys become typing if no further key arrives (call ``flush`` then)."""
        if not self._keys or self._last_ms is None:
            return None
        return self._last_ms + self.max_interval_ms

    def feed(self, key: str, at_ms: int) -> Decision:
        """One key (a single character, or Enter/Tab as ``\\r``/``\\n``/``\\t``) at ``at_ms``."""
        fast = self._last_ms is not None and 0 <= at_ms - self._last_ms <= self.max_interval_ms
        if key in TERMINATORS:
            return self._end(key, fast)
        if self._keys and not fast:
            # A pause: what was held was typed; this key may start a scan of its own.
            released = self._take()
            self._hold(key, at_ms)
            return Decision(Action.RELEASE, released)
        if len(self._keys) >= MAX_BURST_LENGTH:
            released = self._take() + key
            return Decision(Action.RELEASE, released)
        self._hold(key, at_ms)
        return HOLD

    def flush(self, now_ms: int) -> Decision:
        """Called by a timer: held keys older than the interval were typed by a person."""
        deadline = self.deadline_ms
        if deadline is None or now_ms < deadline:
            return HOLD
        return Decision(Action.RELEASE, self._take())

    def _end(self, terminator: str, fast: bool) -> Decision:
        text = self._take()
        if fast and len(text) >= self.min_length:
            return Decision(Action.SCAN, text)
        return Decision(Action.RELEASE, text, terminator)

    def _hold(self, key: str, at_ms: int) -> None:
        self._keys.append(key)
        self._last_ms = at_ms

    def _take(self) -> str:
        text = "".join(self._keys)
        self._keys.clear()
        self._last_ms = None
        return text
