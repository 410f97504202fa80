"""Reading a call's business fields strictly, as typed in the method's spec, and refusing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sync.red_sandbox import protocol as p

Fields = Mapping[str, Any]


class Refused(Exception):
    """The call is refused with a platform error code in the envelope."""

    def __init__(self, code: int, message: str = "") -> None:
        self.code = code
        self.message = message or p.message(code)
        super().__init__(self.message)


def bad(message: str, code: int = p.ERR_PARAMETER) -> Refused:
    return Refused(code, f"{p.message(code)}: {message}")


def opt_int(fields: Fields, name: str, default: int | None = None) -> int | None:
    value = fields.get(name)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise bad(f"{name} must be an integer")
    return int(value)


def req_int(fields: Fields, name: str) -> int:
    value = opt_int(fields, name)
    if value is None:
        raise bad(f"{name} is required")
    return value


def opt_str(fields: Fields, name: str) -> str | None:
    value = fields.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise bad(f"{name} must be a string")
    return value


def req_str(fields: Fields, name: str) -> str:
    value = opt_str(fields, name)
    if not value:
        raise bad(f"{name} is required")
    return value


def opt_bool(fields: Fields, name: str) -> bool | None:
    value = fields.get(name)
    if value is None:
        return None
    if not isinstance(value, bool):
        raise bad(f"{name} must be true or false")
    return value


def opt_list(fields: Fields, name: str) -> list[Any] | None:
    value = fields.get(name)
    if value is None:
        return None
    if not isinstance(value, list):
        raise bad(f"{name} must be a list")
    return value


def int_list(fields: Fields, name: str) -> list[int] | None:
    values = opt_list(fields, name)
    if values is None:
        return None
    if any(isinstance(v, bool) or not isinstance(v, int) for v in values):
        raise bad(f"{name} must be a list of integers")
    return [int(v) for v in values]


def page(fields: Fields, default_size: int, max_no: int | None = None) -> tuple[int, int]:
    page_no = opt_int(fields, "pageNo", 1)
    page_size = opt_int(fields, "pageSize", default_size)
    assert page_no is not None and page_size is not None
    if page_no < 1:
        raise bad("pageNo starts at 1")
    if max_no is not None and page_no > max_no:
        raise bad(f"pageNo is at most {max_no}")
    if not 1 <= page_size <= p.PAGE_SIZE_MAX:
        raise bad(f"pageSize is 1..{p.PAGE_SIZE_MAX}")
    return page_no, page_size


def window(fields: Fields, *, unit_ms: int) -> tuple[int, int, int] | None:
    """(timeType, start, end) with the documented window limits, or None when no time type."""
    time_type = opt_int(fields, "timeType")
    if time_type is None:
        return None
    if time_type not in p.WINDOW_MAX_S:
        raise bad("timeType is 1 (created) or 2 (updated)")
    start, end = req_int(fields, "startTime"), req_int(fields, "endTime")
    if end < start:
        raise bad("endTime is before startTime")
    if end - start > p.WINDOW_MAX_S[time_type] * unit_ms:
        limit = "24 hours" if time_type == 1 else "30 minutes"
        raise bad(f"a timeType {time_type} window is at most {limit}")
    return time_type, start, end
