"""Catalog pull: products, SKUs, prices and barcodes from the online store into the store.

Read by update time in windows that start a little before where the last one ended; each page
is applied (``catalog_apply``) in its own transaction together with the cursor, so a crash
resumes at the next page. SKUs that a full read no longer finds are deactivated, never deleted.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from redhome_pos.persistence.bulk_load import large_cache
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.sync import OnlineSkuRow
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.catalog_apply import PageResult, apply_page
from sync.checks import check_online_sku
from sync.connector import CatalogCursor, OnlineSku, OnlineStore
from sync.page_reader import PageReader
from sync.settings import CATALOG, SyncSettings

log = logging.getLogger(__name__)

SEARCH_MODULE = "redhome_pos.services.catalog_search"
INDEX_CHUNK = 2000  # SKUs indexed per transaction at the end of a full read


@dataclass
class CatalogPullReport:
    pages: int = 0
    read: int = 0
    created: int = 0
    changed: int = 0
    conflicts: int = 0
    deactivated: int = 0
    full: bool = False
    finished: bool = False
    search_index_s: float = 0.0  # time spent keeping the catalog search in step


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _time(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))


def _window(
    state: dict[str, Any], position: datetime | None, settings: SyncSettings, now: datetime
) -> dict[str, Any]:
    """The window to read: the one a crash interrupted, or a new one up to ``now``."""
    if state.get("window_to"):
        return state
    last_full = _time(state.get("last_full"))
    full = position is None or last_full is None or now - last_full >= settings.catalog_full_every
    start = None if full or position is None else position - settings.catalog_overlap
    return {
        "window_from": _iso(start),
        "window_to": now.isoformat(),
        "next_page": 1,
        "total": None,
        "steady": True,
        "full": full,
        "last_full": state.get("last_full"),
        "counts": {"created": 0, "changed": 0, "conflicts": 0, "read": 0},
    }


def pull_catalog(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    *,
    now: datetime,
    should_stop: Callable[[], bool] = lambda: False,
) -> CatalogPullReport:
    """Read the catalog window by window and apply it; returns what was done this run."""
    with database.reading() as session:
        cursor = SyncRepository(session).cursor(CATALOG)
    window = _window(cursor.state, cursor.position, settings, now)
    report = CatalogPullReport(full=bool(window["full"]))
    window_to = _time(window["window_to"])
    assert window_to is not None
    full = bool(window["full"])
    if not window.get("read_done"):
        if not _read_window(database, store, settings, window, cursor.position, report,
                            should_stop):  # fmt: skip
            return report
        window = _cursor_state(database)
    if full:
        # A full read brings the search in step once, at its end: its pages bring the SKUs
        # of one product at many different times, and indexing the product each time would
        # be most of the import's work. A crash here redoes only this step.
        _index_changed(database, window_to, report)
    with database.unit_of_work() as uow:
        repo = SyncRepository(uow.session)
        report.deactivated = _finish(repo, uow.session, window, cursor.position)
        uow.commit()
    report.finished = True
    return report


def _cursor_state(database: Database) -> dict[str, Any]:
    with database.reading() as session:
        return SyncRepository(session).cursor(CATALOG).state


def _read_window(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    window: dict[str, Any],
    position: datetime | None,
    report: CatalogPullReport,
    should_stop: Callable[[], bool],
) -> bool:
    """Read and apply the window's pages; True when it was read to its end."""
    window_to = _time(window["window_to"])
    assert window_to is not None
    first = CatalogCursor(
        updated_to=window_to,
        updated_from=_time(window["window_from"]),
        page_no=int(window["next_page"]),
        page_size=settings.catalog_page_size,
    )
    ahead = 2 * max(1, settings.catalog_pages_per_commit)
    with PageReader(store, first, ahead=ahead) as reader:
        while True:
            batch = _next_batch(reader, settings)
            with database.unit_of_work() as uow:
                if window["full"]:
                    # The catalog grows by 200,000 SKUs: keep its indexes' pages in memory.
                    large_cache(uow.session.connection())
                result = apply_page(uow.session, batch.items, seen_at=window_to)
                if not window["full"]:
                    _index_for_search(uow.session, result.sku_ids, report)
                window = _advance(window, batch.totals, len(batch.items), result)
                window["read_done"] = batch.last
                SyncRepository(uow.session).move_cursor(CATALOG, position, window)
                uow.commit()
            report.pages += len(batch.totals)
            report.read += len(batch.items)
            report.created += result.created
            report.changed += result.changed
            report.conflicts += result.conflicts
            if batch.last:
                return True
            if should_stop():
                return False


def _index_changed(database: Database, window_to: datetime, report: CatalogPullReport) -> None:
    """Index the SKUs this full read created or changed, a few products per transaction and
    each product once."""
    with database.reading() as session:
        changed = session.execute(
            select(SkuRow.id, SkuRow.product_id)
            .join(OnlineSkuRow, OnlineSkuRow.sku_id == SkuRow.id)
            .where(OnlineSkuRow.changed_at == window_to)
            .order_by(SkuRow.product_id)
        ).all()
    chunk: list[int] = []
    for n, (sku_id, product_id) in enumerate(changed):
        chunk.append(sku_id)
        next_product = changed[n + 1][1] if n + 1 < len(changed) else None
        if next_product is None or (len(chunk) >= INDEX_CHUNK and next_product != product_id):
            with database.unit_of_work() as uow:
                large_cache(uow.session.connection())
                _index_for_search(uow.session, set(chunk), report)
                uow.commit()
            chunk = []


@dataclass
class _Batch:
    items: list[OnlineSku] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)
    last: bool = False


def _next_batch(reader: PageReader, settings: SyncSettings) -> _Batch:
    """Several pages for one transaction: fewer commits, and a crash still resumes at the
    first page not applied. Every SKU is checked before anything of the batch is written."""
    batch = _Batch()
    for _ in range(max(1, settings.catalog_pages_per_commit)):
        page = reader.next_page()
        for item in page.items:
            check_online_sku(item)
        batch.items += page.items
        batch.totals.append(page.total)
        if page.next_cursor is None:
            batch.last = True
            break
    return batch


def _advance(
    window: dict[str, Any], totals: list[int], read: int, result: PageResult
) -> dict[str, Any]:
    window = dict(window)
    # A total that changes while the pages are read means rows moved between pages: some
    # may have been skipped, so the window is read again next time.
    seen = {window["total"], *totals} - {None}
    if len(seen) > 1:
        window["steady"] = False
    window["total"] = totals[-1]
    window["next_page"] = int(window["next_page"]) + len(totals)
    counts = dict(window["counts"])
    counts["read"] += read
    counts["created"] += result.created
    counts["changed"] += result.changed
    counts["conflicts"] += result.conflicts
    window["counts"] = counts
    return window


def _finish(
    repo: SyncRepository, session: Session, window: dict[str, Any], old_position: datetime | None
) -> int:
    """Close a window that was read to its end: move the cursor, sweep if it was full."""
    window_to = _time(window["window_to"])
    assert window_to is not None
    deactivated = 0
    last_full = window.get("last_full")
    position: datetime | None = window_to
    if window["full"]:
        # A full read is taken as done even when the catalog moved under it (a busy store
        # would otherwise read 200,000 SKUs again and again); only the sweep needs every SKU
        # seen, so it waits for a full read that held still. Rows an unsteady read may have
        # skipped come in with the next full read.
        last_full = window["window_to"]
        if window["steady"]:
            deactivated = _deactivate_gone(session, repo, seen_before=window_to)
        else:
            repo.log(
                CATALOG,
                "warning",
                "The online catalog changed while it was read in full; SKUs gone online are "
                "looked for at the next full read",
            )
    elif not window["steady"]:
        position = old_position  # a short window: read it again
        repo.log(CATALOG, "warning", "The online catalog changed while it was read; reading again")
    counts = window["counts"]
    if counts["created"] or counts["changed"] or counts["conflicts"] or deactivated:
        repo.log(
            CATALOG,
            "info",
            "Catalog: {read} SKUs read, {created} new, {changed} changed, {conflicts} "
            "conflicts, {deactivated} no longer online",
            deactivated=deactivated,
            **counts,
        )
    repo.move_cursor(CATALOG, position, {"last_full": last_full})
    return deactivated


def _deactivate_gone(session: Session, repo: SyncRepository, *, seen_before: datetime) -> int:
    gone = session.execute(
        select(OnlineSkuRow.red_sku_id, OnlineSkuRow.sku_id).where(
            OnlineSkuRow.last_seen_at < seen_before, OnlineSkuRow.gone_at.is_(None)
        )
    ).all()
    for red_sku_id, sku_id in gone:
        code = None
        if sku_id is not None:
            code = session.scalar(select(SkuRow.code).where(SkuRow.id == sku_id))
            session.execute(update(SkuRow).where(SkuRow.id == sku_id).values(active=False))
        repo.log(
            CATALOG,
            "warning",
            "SKU {code} (online {red_sku}) is no longer in the online store: deactivated",
            code=code or "-",
            red_sku=red_sku_id,
        )
    if gone:
        session.execute(
            update(OnlineSkuRow)
            .where(OnlineSkuRow.red_sku_id.in_([red for red, _ in gone]))
            .values(gone_at=seen_before)
        )
    return len(gone)


def _index_for_search(session: Session, sku_ids: set[int], report: CatalogPullReport) -> None:
    """Keep the catalog search in step, when the search service is installed."""
    if not sku_ids or importlib.util.find_spec(SEARCH_MODULE) is None:
        return
    index_skus = getattr(importlib.import_module(SEARCH_MODULE), "index_skus", None)
    if index_skus is not None:
        started = time.perf_counter()
        index_skus(session, sorted(sku_ids))
        report.search_index_s += time.perf_counter() - started
