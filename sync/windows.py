"""Walking an online store's time windows for one stream (orders, after-sales), with the
cursor kept in the store database after each window.

The first run back-fills by creation time in the widest windows the online store accepts; after
that, windows by update time start a little before where the last one ended. A crash re-reads
at most one window, which upserting by id makes harmless.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Protocol, TypeVar

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.connector import OrderCursor, OrderTime, OrderWindows

ReadWindow = Callable[[OrderTime, datetime, datetime], None]
Item = TypeVar("Item")


class _Page(Protocol):
    @property
    def next_cursor(self) -> OrderCursor | None: ...


Page = TypeVar("Page", bound=_Page)


def every_page(
    first: OrderCursor,
    fetch: Callable[[OrderCursor], Page],
    items: Callable[[Page], Iterable[Item]],
    key: Callable[[Item], str],
) -> dict[str, Item]:
    """Everything one window lists, read page by page to its end, by ``key`` (an item seen on
    two pages, as a change between reads can move it, is kept once: its later reading)."""
    found: dict[str, Item] = {}
    cursor: OrderCursor | None = first
    while cursor is not None:
        page = fetch(cursor)
        for item in items(page):
            found[key(item)] = item
        cursor = page.next_cursor
    return found


def _time(value: object) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def walk_windows(
    database: Database,
    stream: str,
    windows: OrderWindows,
    read_window: ReadWindow,
    *,
    backfill: timedelta,
    overlap: timedelta,
    now: datetime,
    should_stop: Callable[[], bool] = lambda: False,
) -> None:
    """Back-fill once, then read every update-time window up to ``now``."""
    with database.reading() as session:
        cursor = SyncRepository(session).cursor(stream)
    position = cursor.position
    if position is None:
        start = _time(cursor.state.get("backfill_next")) or now - backfill
        until = _time(cursor.state.get("backfill_until")) or now
        while start < until:
            end = min(start + windows.by_creation, until)
            read_window(OrderTime.CREATED, start, end)
            start = end
            state = {"backfill_next": start.isoformat(), "backfill_until": until.isoformat()}
            _move(database, stream, None if start < until else until, state)
            if should_stop():
                return
        position = until
    while not should_stop():
        start = position - overlap
        end = min(start + windows.by_update, now)
        if end <= position:
            break
        read_window(OrderTime.UPDATED, start, end)
        position = end
        _move(database, stream, position, {})
        if end >= now:
            break


def _move(
    database: Database, stream: str, position: datetime | None, state: dict[str, str]
) -> None:
    with database.unit_of_work() as uow:
        SyncRepository(uow.session).move_cursor(stream, position, state)
        uow.commit()
