"""Reading the platform's answers strictly: a value of the wrong shape is a ParseError.

Nothing from an answer reaches the store's data unless it has the type the documentation gives
it, so a malformed or hostile answer stops the sync with a clear message and changes nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sync.errors import ParseError

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# The largest quantity or amount we accept from an answer (a guard against absurd figures).
MAX_NUMBER = 10**12


class Reader:
    """Field access on one answer of one method, raising ParseError that names the field."""

    def __init__(self, method: str) -> None:
        self.method = method

    def fail(self, detail: str) -> ParseError:
        return ParseError(method=self.method, detail=detail)

    def obj(self, value: Any, what: str) -> Mapping[str, Any]:
        if not isinstance(value, Mapping):
            raise self.fail(f"'{what}' is not an object")
        return value

    def items(self, value: Any, what: str, *, optional: bool = False) -> Sequence[Any]:
        if value is None and optional:
            return ()
        if not isinstance(value, list):
            raise self.fail(f"'{what}' is not a list")
        return value

    def text(self, data: Mapping[str, Any], name: str, *, optional: bool = False) -> str:
        value = data.get(name)
        if value is None and optional:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)  # some ids arrive as numbers
        if not isinstance(value, str) or (not optional and not value):
            raise self.fail(f"'{name}' is missing or not text")
        # Control characters never reach the store's data (the database refuses them): a
        # buyer's remark or a title with one must not stop the sync.
        return _CONTROL.sub("", value) if _CONTROL.search(value) else value

    def number(
        self, data: Mapping[str, Any], name: str, *, default: int | None = None, low: int = 0
    ) -> int:
        value = data.get(name)
        if value is None and default is not None:
            return default
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # the specs type counts and codes as "number": 1.0 is 1
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"'{name}' is missing or not a whole number")
        if not low <= value <= MAX_NUMBER:
            raise self.fail(f"'{name}' is out of range ({value})")
        return value

    def flag(self, data: Mapping[str, Any], name: str, *, default: bool) -> bool:
        value = data.get(name)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        raise self.fail(f"'{name}' is not true/false")

    def time_ms(self, data: Mapping[str, Any], name: str) -> datetime:
        value = data.get(name)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 10**14:
            raise self.fail(f"'{name}' is missing or not a time in milliseconds")
        try:
            return datetime.fromtimestamp(value / 1000, UTC)
        except (OverflowError, OSError, ValueError):
            raise self.fail(f"'{name}' is not a time") from None
