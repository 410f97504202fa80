"""Catalog pull: products, SKUs, prices and barcodes from the online store into the store.

Read by update time in windows that start a little before where the last one ended; each page
is applied in its own transaction together with the cursor, so a crash resumes at the next
page. SKUs are matched by their online id, then by SKU code (the online erp code). A change the
store must not apply silently, such as a barcode that belongs to another SKU here, is written
to the sync log instead. SKUs that a full read no longer finds are deactivated, never deleted.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import lookup_keys, parse_barcode
from redhome_pos.domain.errors import BarcodeError
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.models.sync import OnlineSkuRow
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.checks import check_online_sku
from sync.connector import CatalogCursor, OnlineSku, OnlineStore
from sync.settings import CATALOG, SyncSettings

log = logging.getLogger(__name__)

SEARCH_MODULE = "redhome_pos.services.catalog_search"


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


@dataclass
class PageResult:
    created: int = 0
    changed: int = 0
    conflicts: int = 0
    sku_ids: set[int] = field(default_factory=set)


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
    while True:
        page = store.catalog_page(
            CatalogCursor(
                updated_to=window_to,
                updated_from=_time(window["window_from"]),
                page_no=int(window["next_page"]),
                page_size=settings.catalog_page_size,
            )
        )
        for item in page.items:
            check_online_sku(item)  # refuse the whole page before anything is written
        with database.unit_of_work() as uow:
            result = apply_page(uow.session, page.items, seen_at=window_to)
            _index_for_search(uow.session, result.sku_ids)
            window = _advance(window, page.total, len(page.items), result)
            repo = SyncRepository(uow.session)
            if page.next_cursor is None:
                report.deactivated = _finish(repo, uow.session, window, cursor.position)
                report.finished = True
            else:
                repo.move_cursor(CATALOG, cursor.position, window)
            uow.commit()
        report.pages += 1
        report.read += len(page.items)
        report.created += result.created
        report.changed += result.changed
        report.conflicts += result.conflicts
        if page.next_cursor is None or should_stop():
            return report


def _advance(window: dict[str, Any], total: int, read: int, result: PageResult) -> dict[str, Any]:
    window = dict(window)
    # A total that changes while the pages are read means rows moved between pages: some
    # may have been skipped, so the window is read again next time.
    if window["total"] is not None and window["total"] != total:
        window["steady"] = False
    window["total"] = total
    window["next_page"] = int(window["next_page"]) + 1
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
    if window["steady"]:
        position: datetime | None = window_to
        if window["full"]:
            deactivated = _deactivate_gone(session, repo, seen_before=window_to)
            last_full = window["window_to"]
    else:
        position = old_position
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


def _index_for_search(session: Session, sku_ids: set[int]) -> None:
    """Keep the catalog search in step, when the search service is installed."""
    if not sku_ids or importlib.util.find_spec(SEARCH_MODULE) is None:
        return
    index_skus = getattr(importlib.import_module(SEARCH_MODULE), "index_skus", None)
    if index_skus is not None:
        index_skus(session, sorted(sku_ids))


# --- applying one page ---------------------------------------------------------------------


def apply_page(session: Session, items: Sequence[OnlineSku], *, seen_at: datetime) -> PageResult:
    """Upsert one page of online SKUs on ``session`` (the caller commits)."""
    items = list({item.sku_id: item for item in items}.values())
    result = PageResult()
    repo = SyncRepository(session)
    if not items:
        return result
    by_red = _rows(session, SkuRow, SkuRow.red_sku_id, [i.sku_id for i in items])
    by_code = _rows(session, SkuRow, SkuRow.code, [i.erp_code for i in items if i.erp_code])
    products = _rows(session, ProductRow, ProductRow.red_item_id, [i.item_id for i in items])
    online = _rows(session, OnlineSkuRow, OnlineSkuRow.red_sku_id, [i.sku_id for i in items])

    matched: list[tuple[OnlineSku, SkuRow, bool]] = []
    for item in items:
        row = by_red.get(item.sku_id)
        if row is None and item.erp_code:
            row = by_code.get(item.erp_code)
            if row is not None and row.red_sku_id not in (None, item.sku_id):
                result.conflicts += 1
                repo.log(
                    CATALOG,
                    "warning",
                    "SKU code {code} belongs to online SKU {linked} here, but online SKU "
                    "{red_sku} has it too: not applied",
                    code=item.erp_code,
                    linked=row.red_sku_id,
                    red_sku=item.sku_id,
                )
                continue
        created = row is None
        product = _product_for(session, item, row, products)
        if row is None:
            row = SkuRow(
                product=product,
                code=_new_code(item, by_code),
                variant=dict(item.variant),
                price_fen=item.price_fen,
                original_price_fen=item.original_price_fen,
                red_sku_id=item.sku_id,
                active=True,
                location="",
            )
            session.add(row)
            by_code[row.code] = row
            result.created += 1
        elif _update_sku(row, item, online.get(item.sku_id)):
            result.changed += 1
        by_red[item.sku_id] = row
        matched.append((item, row, created))
    session.flush()

    owners = _barcode_owners(session, (code for item, _, _ in matched for code in item.barcodes))
    for item, row, created in matched:
        if created:
            session.add(StockLevelRow(sku_id=row.id, on_hand=0))
        result.conflicts += _add_barcodes(session, repo, item, row, owners)
        _mark_seen(session, online.get(item.sku_id), item, row.id, seen_at)
        result.sku_ids.add(row.id)
    session.flush()
    return result


def _rows(session: Session, model: Any, column: Any, keys: Iterable[str]) -> dict[str, Any]:
    wanted = sorted(set(keys))
    if not wanted:
        return {}
    found: dict[str, Any] = {}
    for start in range(0, len(wanted), 500):  # stay under the database's parameter limits
        chunk = wanted[start : start + 500]
        for row in session.scalars(select(model).where(column.in_(chunk))):
            found[getattr(row, column.key)] = row
    return found


def _product_for(
    session: Session, item: OnlineSku, row: SkuRow | None, products: dict[str, ProductRow]
) -> ProductRow:
    product = products.get(item.item_id)
    if product is None and row is not None:
        product = row.product
        if product.red_item_id is None:
            product.red_item_id = item.item_id
            products[item.item_id] = product
    if product is None:
        product = ProductRow(
            title_zh=item.title,
            title_en="",
            brand=item.brand,
            category=item.category,
            vat_rate_bp=1300,
            red_item_id=item.item_id,
        )
        session.add(product)
        products[item.item_id] = product
    elif product.red_item_id == item.item_id:
        if product.title_zh != item.title:
            product.title_zh = item.title
        if item.brand and product.brand != item.brand:
            product.brand = item.brand
        if item.category and product.category != item.category:
            product.category = item.category
    return product


def _new_code(item: OnlineSku, by_code: dict[str, SkuRow]) -> str:
    if item.erp_code and item.erp_code not in by_code:
        return item.erp_code
    return f"RED-{item.sku_id}"


def _update_sku(row: SkuRow, item: OnlineSku, online: OnlineSkuRow | None) -> bool:
    changed = False
    values: dict[str, Any] = {
        "price_fen": item.price_fen,
        "original_price_fen": item.original_price_fen,
        "variant": dict(item.variant),
        "red_sku_id": item.sku_id,
    }
    if online is not None and online.gone_at is not None and not row.active:
        values["active"] = True  # back online after it had gone
    for name, value in values.items():
        if getattr(row, name) != value:
            setattr(row, name, value)
            changed = True
    return changed


def _barcode_owners(session: Session, codes: Iterable[str]) -> dict[str, int]:
    keys = {key for code in codes for key in lookup_keys(code.strip()) if key}
    return dict(_pairs(session, sorted(keys)))


def _pairs(session: Session, keys: list[str]) -> list[tuple[str, int]]:
    found: list[tuple[str, int]] = []
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        rows = session.execute(
            select(BarcodeRow.code, BarcodeRow.sku_id).where(BarcodeRow.code.in_(chunk))
        ).all()
        found += [(code, sku_id) for code, sku_id in rows]
    return found


def _add_barcodes(
    session: Session, repo: SyncRepository, item: OnlineSku, row: SkuRow, owners: dict[str, int]
) -> int:
    conflicts = 0
    for text in item.barcodes:
        try:
            barcode = parse_barcode(text)
        except BarcodeError as error:
            repo.log(
                CATALOG,
                "warning",
                "Online SKU {red_sku} has a barcode the store cannot use ({reason})",
                red_sku=item.sku_id,
                reason=error.message,
            )
            continue
        owner = next((owners[k] for k in lookup_keys(barcode.code) if k in owners), None)
        if owner == row.id:
            continue
        if owner is not None:
            conflicts += 1
            other = session.scalar(select(SkuRow.code).where(SkuRow.id == owner))
            repo.log(
                CATALOG,
                "warning",
                "Barcode {barcode} belongs to SKU {owner} here but to SKU {code} online: "
                "not moved; check both products",
                barcode=barcode.code,
                owner=other or owner,
                code=row.code,
            )
            continue
        session.add(BarcodeRow(code=barcode.code, sku_id=row.id, symbology=barcode.symbology.value))
        owners[barcode.code] = row.id
    return conflicts


def _mark_seen(
    session: Session, online: OnlineSkuRow | None, item: OnlineSku, sku_id: int, seen_at: datetime
) -> None:
    if online is None:
        online = OnlineSkuRow(red_sku_id=item.sku_id)
        session.add(online)
    online.sku_id = sku_id
    online.red_item_id = item.item_id
    online.buyable = item.buyable
    online.online_updated_at = item.updated_at
    online.last_seen_at = seen_at
    online.gone_at = None
