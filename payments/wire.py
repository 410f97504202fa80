"""Reading and writing the values both providers put on the wire: yuan amounts and times.

Amounts on the wire are read strictly (an answer is not a person typing): ``-?digits`` with at
most two decimals, or nothing. Times without a zone are China time (UTC+8, no daylight saving),
as both providers document; the port carries UTC.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from redhome_pos.domain.money import fen_to_yuan_text

CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")
_YUAN = re.compile(r"-?[0-9]{1,12}(\.[0-9]{1,2})?")


def yuan_to_fen(text: object) -> int | None:
    """``"12.50"`` → 1250; None when ``text`` is not a plain yuan amount."""
    if not isinstance(text, str):
        return None
    value = text.strip().lstrip("`").strip()
    if not _YUAN.fullmatch(value):
        return None
    negative = value.startswith("-")
    whole, _, cents = value.lstrip("-").partition(".")
    fen = int(whole) * 100 + int((cents + "00")[:2])
    return -fen if negative else fen


def fen_to_yuan(fen: int) -> str:
    """1250 → ``"12.50"`` (what Alipay's ``total_amount`` and ``refund_amount`` take)."""
    return fen_to_yuan_text(fen)


def china_time_to_utc(text: object, pattern: str = "%Y-%m-%d %H:%M:%S") -> datetime | None:
    """A China-time text (``2024-05-01 12:30:00`` or another ``pattern``) as UTC."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        local = datetime.strptime(text.strip().lstrip("`").strip(), pattern)
    except ValueError:
        return None
    return local.replace(tzinfo=CHINA).astimezone(UTC)


def rfc3339_to_utc(text: object) -> datetime | None:
    """``2018-06-08T10:34:56+08:00`` as UTC; None when absent or without a zone."""
    if not isinstance(text, str) or not text.strip():
        return None
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    return moment.astimezone(UTC)


def china_now_text(now: datetime) -> str:
    """``now`` (aware) as Alipay's request timestamp, ``yyyy-MM-dd HH:mm:ss`` China time."""
    return now.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
