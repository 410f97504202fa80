"""Catalog pull: upserts by online id and SKU code, reports conflicts, deactivates what is gone,
refuses unsafe pages, resumes mid-window."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import timedelta

import pytest
from fake_store import T0, Clock, FakeStore, ean13, red_id
from sqlalchemy import func, select

from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.sync import SyncCursorRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.catalog_pull import pull_catalog
from sync.checks import RefusedData
from sync.connector import CatalogCursor, CatalogPage
from sync.settings import CATALOG, SyncSettings

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured

SETTINGS = SyncSettings(warehouse_code="SH01", terminal_id="T1")


def count(database: Database, model: object) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


@dataclass(frozen=True)
class SkuSeen:
    id: int
    code: str
    price_fen: int
    original_price_fen: int
    variant: dict[str, str]
    active: bool


def sku_by_red(database: Database, n: int) -> SkuSeen | None:
    with database.reading() as session:
        row = session.scalar(select(SkuRow).where(SkuRow.red_sku_id == red_id(n)))
        if row is None:
            return None
        return SkuSeen(
            row.id, row.code, row.price_fen, row.original_price_fen, row.variant, row.active
        )


def barcode_owner(database: Database, code: str) -> int | None:
    with database.reading() as session:
        return session.scalar(select(BarcodeRow.sku_id).where(BarcodeRow.code == code))


def log_texts(database: Database) -> list[str]:
    with database.reading() as session:
        return [entry.message for entry in SyncRepository(session).recent_log(500)]


def test_first_pull_creates_products_skus_prices_and_barcodes(database: Database) -> None:
    store = FakeStore()
    for n in range(30):
        store.add_sku(n)
    clock = Clock()
    report = pull_catalog(database, store, SETTINGS, now=clock())
    assert report.finished and report.full
    assert report.created == 30 and report.read == 30
    assert count(database, SkuRow) == 30
    assert count(database, ProductRow) == 10  # three variants per item
    row = sku_by_red(database, 7)
    assert row is not None
    assert (row.code, row.price_fen, row.original_price_fen) == ("ERP000007", 1007, 1207)
    assert row.variant == {"色号": "#1"}
    assert barcode_owner(database, ean13(7)) == row.id

    # Read again: nothing new, nothing doubled.
    clock.advance(minutes=20)
    again = pull_catalog(database, store, SETTINGS, now=clock())
    assert again.created == 0 and again.changed == 0
    assert count(database, SkuRow) == 30 and count(database, BarcodeRow) == 30


def test_incremental_pull_reads_only_what_changed_since_with_an_overlap(
    database: Database,
) -> None:
    store = FakeStore()
    for n in range(250):
        store.add_sku(n)
    clock = Clock()
    pull_catalog(database, store, SETTINGS, now=clock())
    clock.advance(minutes=30)
    store.add_sku(3, updated_at=clock.now - timedelta(minutes=1), price_fen=999)
    clock.advance(minutes=1)
    store.calls.clear()
    report = pull_catalog(database, store, SETTINGS, now=clock())
    assert not report.full
    assert report.read == 1 and report.changed == 1
    assert store.calls["catalog_page"] == 1
    row = sku_by_red(database, 3)
    assert row is not None and row.price_fen == 999


def test_a_store_sku_with_the_same_code_is_linked_not_doubled(database: Database) -> None:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(Product(None, "口红", "RED", "美妆"))
        local_id = catalog.add_sku(Sku(None, product_id, "ERP000005", 5000, 5000))
        uow.commit()
    store = FakeStore()
    store.add_sku(5)
    pull_catalog(database, store, SETTINGS, now=Clock()())
    assert count(database, SkuRow) == 1
    row = sku_by_red(database, 5)
    assert row is not None and row.id == local_id and row.price_fen == 1005


def test_a_barcode_that_belongs_to_another_sku_is_reported_not_moved(database: Database) -> None:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(Product(None, "面膜", "RED", "美妆"))
        local_id = catalog.add_sku(
            Sku(None, product_id, "LOCAL-1", 3000, 3000, barcodes=(ean13(99),))
        )
        uow.commit()
    store = FakeStore()
    store.add_sku(1, barcodes=(ean13(99),))
    report = pull_catalog(database, store, SETTINGS, now=Clock()())
    assert report.conflicts == 1
    assert barcode_owner(database, ean13(99)) == local_id
    assert any(
        "Barcode " + ean13(99) in text and "not moved" in text for text in log_texts(database)
    )
    # The SKU itself still came in.
    assert sku_by_red(database, 1) is not None


def test_skus_gone_online_are_deactivated_by_the_full_read_and_kept(database: Database) -> None:
    store = FakeStore()
    for n in range(5):
        store.add_sku(n)
    clock = Clock()
    pull_catalog(database, store, SETTINGS, now=clock())
    del store.skus[red_id(2)]
    clock.advance(hours=25)  # a full read is due
    report = pull_catalog(database, store, SETTINGS, now=clock())
    assert report.full and report.deactivated == 1
    gone = sku_by_red(database, 2)
    assert gone is not None and not gone.active
    assert count(database, SkuRow) == 5
    assert any("no longer in the online store" in text for text in log_texts(database))
    # It comes back: active again.
    store.add_sku(2, updated_at=clock.now - timedelta(minutes=1))
    clock.advance(minutes=20)
    pull_catalog(database, store, SETTINGS, now=clock())
    back = sku_by_red(database, 2)
    assert back is not None and back.active


@pytest.mark.parametrize(
    "damage",
    [
        {"price_fen": -100},
        {"sku_id": "../../etc"},
        {"title": "x" * 5000},
        {"original_price_fen": 10**12},
    ],
)
def test_an_unsafe_page_is_refused_and_changes_nothing(
    database: Database, damage: dict[str, object]
) -> None:
    store = FakeStore()
    for n in range(10):
        store.add_sku(n)
    bad = replace(store.skus[red_id(4)], **damage)  # type: ignore[arg-type]
    store.skus[red_id(4)] = bad
    with pytest.raises(RefusedData) as refused:
        pull_catalog(database, store, SETTINGS, now=Clock()())
    assert "Nothing changed" in refused.value.message
    assert count(database, SkuRow) == 0 and count(database, ProductRow) == 0
    assert count(database, SyncCursorRow) == 0


def test_a_pull_stopped_mid_window_resumes_at_the_next_page(database: Database) -> None:
    store = FakeStore()
    for n in range(550):
        store.add_sku(n)
    settings = replace(SETTINGS, catalog_pages_per_commit=2)
    clock = Clock()
    first = pull_catalog(database, store, settings, now=clock(), should_stop=lambda: True)
    assert first.pages == 2 and not first.finished
    with database.reading() as session:
        cursor = SyncRepository(session).cursor(CATALOG)
    assert cursor.position is None and cursor.state["next_page"] == 3
    assert count(database, SkuRow) == 200
    store.calls.clear()
    clock.advance(minutes=1)
    rest = pull_catalog(database, store, settings, now=clock())
    assert rest.finished and rest.pages == 4 and store.calls["catalog_page"] == 4
    assert count(database, SkuRow) == 550


def test_a_full_read_the_catalog_moved_under_deactivates_nothing(database: Database) -> None:
    store = FakeStore()
    for n in range(250):
        store.add_sku(n, updated_at=T0 + timedelta(seconds=n))
    clock = Clock()
    pull_catalog(database, store, SETTINGS, now=clock())
    clock.advance(hours=25)  # the next full read is due
    read = store.catalog_page

    def moving(cursor: CatalogCursor) -> CatalogPage:
        page = read(cursor)
        if cursor.page_no == 1:  # a merchant edits a SKU of page 1 meanwhile
            store.add_sku(5, updated_at=clock.now + timedelta(seconds=5), price_fen=555)
        return page

    store.catalog_page = moving  # type: ignore[method-assign]
    report = pull_catalog(database, store, SETTINGS, now=clock())
    # One SKU slid from page 2 onto page 1 and was not seen: not taken for gone.
    assert report.full and report.finished and report.read == 249 and report.deactivated == 0
    assert all(sku_by_red(database, n).active for n in range(250))  # type: ignore[union-attr]
    assert any("changed while it was read in full" in text for text in log_texts(database))
    clock.advance(minutes=15)
    store.catalog_page = read  # type: ignore[method-assign]
    after = pull_catalog(database, store, SETTINGS, now=clock())
    assert not after.full and after.read == 1
    assert sku_by_red(database, 5).price_fen == 555  # type: ignore[union-attr]


def test_the_catalog_search_finds_what_a_full_and_an_incremental_read_brought(
    database: Database,
) -> None:
    from redhome_pos.services.catalog_search import search

    store = FakeStore()
    for n in range(12):
        store.add_sku(n, title=f"玫瑰面霜 {n // 3}" if n < 6 else f"丝绒口红 {n // 3}")
    clock = Clock()
    pull_catalog(database, store, SETTINGS, now=clock())
    with database.reading() as session:
        found = {view.code for view in search(session, "面霜", limit=50).results}
    assert found == {f"ERP{n:06d}" for n in range(6)}
    clock.advance(minutes=20)
    store.add_sku(3, updated_at=clock.now - timedelta(minutes=1), title="玫瑰精华 1")
    pull_catalog(database, store, SETTINGS, now=clock())
    with database.reading() as session:
        assert "ERP000003" in {v.code for v in search(session, "精华", limit=50).results}
