"""The till a counter service works for: store, terminal, time zone, stock rule and clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from redhome_pos.config import Config


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Till:
    """Where a counter action happens. ``clock`` is injectable so tests can move time."""

    store_code: str
    terminal_id: str
    timezone: str = "Asia/Shanghai"
    allow_negative_stock: bool = False
    clock: Callable[[], datetime] = field(default=utc_now)

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    @classmethod
    def from_config(cls, config: Config) -> Till:
        return cls(
            store_code=config.store.code,
            terminal_id=config.terminal_id,
            timezone=config.store.timezone,
            allow_negative_stock=config.store.allow_negative_stock,
        )
