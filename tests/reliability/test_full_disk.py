"""A full disk or a read-only database: the clerk gets a clear error, no sale is half
written, and selling goes on as soon as there is room again.

The full disk is real where the test may mount a tiny tmpfs (root); everywhere a database
capped by SQLite's ``max_page_count`` stands in for it. The read-only database is a SQLite file
opened read-only and a PostgreSQL session whose transactions are read-only.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from reliability_stores import store_url
from sqlalchemy import event, func, make_url, select
from terminal_child import STORE, items_of, setup

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence import dialect
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleLineRow, SaleRow, TenderRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.unit_of_work import StorageError
from redhome_pos.services import audit, checkout, shifts
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

TILL = Till(STORE, "T1")


def sell_one(database: Database, note: str = "") -> str:
    staff = add_demo_staff(database, TILL)["1001"]
    items = items_of(database)
    cart = Cart()
    for item in items[:3]:
        cart.add(item, 2)
    due = cart.totals().total_fen
    return checkout.checkout(database, TILL, staff, cart, [Tender.cash(due)]).receipt_no


def open_store(url: str) -> None:
    database = Database(url)
    try:
        setup(database, skus=3, stock=100_000)
        shifts.open_shift(database, TILL, add_demo_staff(database, TILL)["1001"], 0)
    finally:
        database.dispose()


def assert_whole(database: Database) -> int:
    """Every sale complete (3 lines, paid, 3 movements), numbers without a gap, levels equal
    the ledger and the audit chain holds; returns the number of sales."""
    with database.reading() as s:
        sales = s.execute(select(SaleRow.id, SaleRow.receipt_no, SaleRow.seq)).all()
        lines = dict(
            s.execute(select(SaleLineRow.sale_id, func.count()).group_by(SaleLineRow.sale_id)).all()
        )
        tenders = dict(
            s.execute(select(TenderRow.sale_id, func.count()).group_by(TenderRow.sale_id)).all()
        )
        moved = dict(
            s.execute(
                select(StockMovementRow.reference, func.count())
                .where(StockMovementRow.kind == "sale")
                .group_by(StockMovementRow.reference)
            ).all()
        )
    for sale_id, receipt_no, _ in sales:
        assert lines.get(sale_id) == 3 and tenders.get(sale_id) == 1, receipt_no
        assert moved.get(receipt_no) == 3, receipt_no
    assert len(moved) == len(sales)
    assert sorted(seq for *_, seq in sales) == list(range(1, len(sales) + 1))
    assert check(database) == []
    assert audit.verify(database) == []
    return len(sales)


def sell_until_full(database: Database) -> tuple[int, StorageError]:
    for sold in range(10_000):
        try:
            sell_one(database)
        except StorageError as error:
            return sold, error
    raise AssertionError("the disk never filled up")


def capped(path: Path, extra_pages: int) -> Database:
    """The store file, allowed to grow by only ``extra_pages`` pages."""
    database = Database(dialect.sqlite_url(path))
    with database.engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar() or 0)

    @event.listens_for(database.engine, "connect")
    def _cap(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + extra_pages}")

    database.engine.dispose()
    return database


def test_a_database_that_cannot_grow_refuses_the_sale_whole_then_recovers(
    tmp_path: Path,
) -> None:
    path = tmp_path / "store.db"
    open_store(dialect.sqlite_url(path))
    database = capped(path, extra_pages=12)
    try:
        sold, error = sell_until_full(database)
        assert sold > 0
        assert "full" in str(error) and "nothing was saved" in str(error)
        assert dialect.storage_problem(error.__cause__ or error) == dialect.DISK_FULL
        assert assert_whole(database) == sold
    finally:
        database.dispose()
    roomy = Database(dialect.sqlite_url(path))  # space is back
    try:
        sell_one(roomy)
        assert assert_whole(roomy) == sold + 1
    finally:
        roomy.dispose()


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs mounted for the test (needs root; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root; the page-cap test covers the rest")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", f"tmpfs-{uuid.uuid4().hex[:6]}", str(mount)],
        capture_output=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace')}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_really_full_disk_refuses_the_sale_whole_then_recovers(tiny_disk: Path) -> None:
    path = tiny_disk / "store.db"
    open_store(dialect.sqlite_url(path))
    database = Database(dialect.sqlite_url(path))
    sell_one(database)  # the counter is running when the disk fills up
    filler = tiny_disk / "filler"
    out = filler.open("wb", buffering=0)  # take all the room that is left
    try:
        while True:
            out.write(b"\0" * 4096)
    except OSError:
        pass
    finally:
        out.close()
    try:
        sold, error = sell_until_full(database)
        assert "full" in str(error)
        assert assert_whole(database) == sold + 1
        filler.unlink()  # space is back
        sell_one(database)
        assert assert_whole(database) == sold + 2
    finally:
        database.dispose()


def read_only_url(url: str) -> str:
    if dialect.is_sqlite(url):
        path = dialect.sqlite_path(url)
        assert path is not None
        return dialect.sqlite_url(path, read_only=True)
    parsed = make_url(url)
    options = parsed.query.get("options", "")
    return parsed.update_query_dict(
        {"options": f"{options} -cdefault_transaction_read_only=on".strip()}
    ).render_as_string(hide_password=False)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_read_only_database_is_a_clear_error_and_writes_nothing(
    backend: str, tmp_path: Path
) -> None:
    with store_url(backend, tmp_path) as url:
        open_store(url)
        writable = Database(url)
        try:
            sell_one(writable)
            locked = Database(read_only_url(url))
            try:
                with pytest.raises(StorageError, match="read-only, so nothing was saved"):
                    sell_one(locked)
            finally:
                locked.dispose()
            assert assert_whole(writable) == 1
            sell_one(writable)
            assert assert_whole(writable) == 2
        finally:
            writable.dispose()
