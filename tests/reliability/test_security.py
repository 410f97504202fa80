"""Security checks across the program: PINs, lockout, private files, the audit chain, forged
codes and hostile text in search, scan, receipt look-up and CSV import."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_stores import fingerprint
from sqlalchemy import select, text
from terminal_child import CHEAP, STORE, items_of, setup

from redhome_pos.config import AppPaths, default_config, load_config
from redhome_pos.config.writing import write_config
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.signed_codes import (
    SignedCodeError,
    sign_receipt_code,
    sign_staff_badge,
)
from redhome_pos.domain.staff import MAX_FAILED_PINS, Permission, Role, StaffError
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence import dialect
from redhome_pos.persistence.admin import backup
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit, checkout, shifts
from redhome_pos.services.catalog_csv import CsvImportError, import_catalog
from redhome_pos.services.catalog_search import search_catalog
from redhome_pos.services.counter import Till
from redhome_pos.services.scanning import ScanService, ScanSettings
from redhome_pos.services.staff import Approver, add_staff, approve, login, login_badge

SECRET = "security-test-secret-0123456789"
PIN = "73051946"  # eight digits: never found by chance in a hash or a file
TILL = Till(STORE, "T1", code_secret=SECRET)

HOSTILE = [
    "'; DROP TABLE sales; --",
    "' OR '1'='1",
    '" OR ""="',
    "1; DELETE FROM stock_levels",
    "%' UNION SELECT pin_hash, pin_hash FROM staff --",
    "SKU-0' --",
    "\\'; UPDATE skus SET price_fen=0; --",
    "%%%%____",
    "口红' OR 1=1 --",
    "\x00SKU-0",
    "RH1.R.RH01.'; DROP TABLE sales; --.AAAA",
]


@pytest.fixture
def store(tmp_path: Path) -> Database:
    database = Database(dialect.sqlite_url(tmp_path / "store.db"))
    setup(database, skus=3, stock=1_000)
    yield database  # type: ignore[misc]
    database.dispose()


def _all_log_text(caplog: pytest.LogCaptureFixture) -> str:
    parts = []
    for record in caplog.records:
        parts.append(record.getMessage())
        if record.exc_info and record.exc_info[1] is not None:
            parts.append(repr(record.exc_info[1]))
    return "\n".join(parts)


def test_pins_are_stored_hashed_and_never_logged(
    store: Database, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echoing = Database(str(store.engine.url), echo=True)  # every SQL statement logged
    try:
        manager = login(echoing, TILL, "3001", "3333")
        boss = add_staff(
            echoing, TILL, "4001", "赵经理", Role.MANAGER, PIN, actor=manager, cost=CHEAP
        )
        clerk = login(echoing, TILL, "1001", "1111")
        assert login(echoing, TILL, "4001", PIN).id == boss.id
        with pytest.raises(StaffError) as wrong:
            login(echoing, TILL, "4001", PIN[::-1])
        assert PIN[::-1] not in str(wrong.value)
        approve(echoing, TILL, clerk, Permission.VOID, Approver("4001", PIN), receipt="x")
        assert PIN not in repr(Approver("4001", PIN))
    finally:
        echoing.dispose()
    logged = _all_log_text(caplog)
    assert "INSERT INTO staff" in logged  # the statements really were captured
    assert PIN not in logged and PIN[::-1] not in logged
    with store.reading() as session:
        stored = session.scalar(select(StaffRow.pin_hash).where(StaffRow.code == "4001"))
    assert stored and PIN not in stored and stored.startswith("scrypt")
    # Not in the file either (the WAL folded in first), nor in a backup of it.
    with store.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    path = dialect.sqlite_path(store.url)
    assert path is not None
    copy = backup(store, tmp_path / "copy.db")
    for file in (path, copy):
        assert PIN.encode() not in file.read_bytes()


def test_a_lockout_at_one_counter_holds_at_every_counter(store: Database) -> None:
    other = Till(STORE, "T2", code_secret=SECRET)
    for _ in range(MAX_FAILED_PINS):
        with pytest.raises(StaffError, match="wrong PIN"):
            login(store, TILL, "1001", "0000")
    with pytest.raises(StaffError, match="locked"):
        login(store, other, "1001", "1111")
    # An approval is a PIN check too: a locked approver cannot approve anywhere either.
    for _ in range(MAX_FAILED_PINS):
        with pytest.raises(StaffError):
            login(store, other, "3001", "9999")
    clerk = login(store, TILL, "2001", "2222")
    with pytest.raises(StaffError, match="locked"):
        approve(store, TILL, clerk, Permission.VOID, Approver("3001", "3333"))
    assert audit.verify(store) == []


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_configuration_with_its_secrets_is_private(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask would make new files world-readable
    try:
        paths = AppPaths.demo()
        target = tmp_path / "conf" / "redhome.toml"
        config = default_config(paths)
        config = replace(
            config, online_store=replace(config.online_store, app_secret="s3cr3t-app-secret")
        )
        written = write_config(config, target)
        assert _mode(target) == 0o600
        assert written.scanning.code_secret  # a fresh per-store secret was made
        target.chmod(0o644)  # someone loosened it: writing again makes it private again
        write_config(written, target)
        assert _mode(target) == 0o600
        again = load_config(target, env={})
        assert again.online_store.app_secret == "s3cr3t-app-secret"
        assert not [p for p in target.parent.iterdir() if p.name.startswith(".config-")]
    finally:
        os.umask(old)


def test_an_edited_sale_in_the_audit_log_is_found(store: Database) -> None:
    clerk = login(store, TILL, "1001", "1111")
    shifts.open_shift(store, TILL, clerk, 0)

    cart = Cart()
    cart.add(items_of(store)[0], 1)
    sale = checkout.checkout(store, TILL, clerk, cart, [Tender.cash(cart.totals().total_fen)])
    assert audit.verify(store) == []
    with store.reading() as session:
        event = next(e for e in AuditRepository(session).events() if e.action == "sale")
    assert event.detail["receipt_no"] == sale.receipt_no
    with store.engine.begin() as connection:
        detail = dict(event.detail, total_fen=1)
        connection.execute(
            text("UPDATE audit_events SET detail = :d WHERE seq = :s"),
            {"d": json.dumps(detail), "s": event.seq},
        )
    breaks = audit.verify(store)
    assert [b.seq for b in breaks][:1] == [event.seq]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(position=st.integers(min_value=0, max_value=200), char=st.sampled_from("0123456789ABCZ.-"))
def test_a_forged_badge_or_receipt_code_is_refused_and_logs_nobody_in(
    store: Database, position: int, char: str
) -> None:
    badge = sign_staff_badge(SECRET, STORE, "3001")
    receipt = sign_receipt_code(SECRET, STORE, "RH01-T1-20261125-0001")
    for genuine in (badge, receipt):
        at = position % len(genuine)
        forged = genuine[:at] + char + genuine[at + 1 :]
        if forged.upper() == genuine.upper():
            continue
        before = fingerprint(store)
        with pytest.raises((SignedCodeError, StaffError)):
            login_badge(store, TILL, forged)
        # A code that no longer looks signed is only a typed receipt number.
        with contextlib.suppress(SignedCodeError):
            assert TILL.receipt_no_of(forged) != "RH01-T1-20261125-0001"
        assert fingerprint(store) == before
    # Signed with another store's secret: refused as well.
    with pytest.raises(SignedCodeError):
        login_badge(store, TILL, sign_staff_badge("another-secret-0123456789", STORE, "3001"))


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_in_search_scan_and_receipt_lookup_changes_nothing(
    store: Database, hostile: str
) -> None:
    before = fingerprint(store)
    page = search_catalog(store, hostile)
    assert all(view.code.startswith("SKU-") for view in page.results)
    scanner = ScanService(store, ScanSettings(store_code=STORE, code_secret=SECRET))
    with contextlib.suppress(DomainError):
        scanner.scan(hostile)
    with pytest.raises(DomainError):
        checkout.find_sale(store, hostile, till=TILL)
    assert fingerprint(store) == before


def test_hostile_text_in_a_csv_import_is_stored_as_text_or_refused(
    store: Database, tmp_path: Path
) -> None:
    header = (
        "sku_code,title_zh,title_en,brand,category,variant,price,original_price,vat_rate,"
        "barcodes,active"
    )
    rows = [header]
    for n, hostile in enumerate(HOSTILE[:9]):
        cell = '"' + hostile.replace('"', '""') + '"'
        rows.append(f"EVIL-{n},{cell},{cell},{cell},{cell},,10,,13,,yes")
    file = tmp_path / "evil.csv"
    file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    tables_before = set(fingerprint(store))
    manager = login(store, TILL, "3001", "3333")
    import_catalog(store, file, staff=manager)
    after = fingerprint(store)
    assert set(after) == tables_before  # no table dropped
    with store.reading() as session:
        catalog = CatalogRepository(session)
        for n, hostile in enumerate(HOSTILE[:9]):
            sku = catalog.sku_by_code(f"EVIL-{n}")
            assert sku is not None and sku.price_fen == 1000
            product = catalog.product(sku.product_id)
            assert product is not None and product.title_zh == hostile
        assert all(
            catalog.sku_by_code(f"SKU-{n}").price_fen > 0  # type: ignore[union-attr]
            for n in range(3)
        )
    # A hostile SKU code is refused as a bad row and the import changes nothing.
    bad = tmp_path / "bad.csv"
    bad.write_text(f'{header}\n"\'; DROP TABLE sales; --",t,,,,,abc,,13,,yes\n', encoding="utf-8")
    with pytest.raises(CsvImportError):
        import_catalog(store, bad, staff=manager)
    assert fingerprint(store) == after


def test_the_store_database_and_its_backups_are_private(tmp_path: Path) -> None:
    """They hold PIN hashes and the online store's tokens."""
    old = os.umask(0o022)
    try:
        path = tmp_path / "store.db"
        database = Database(dialect.sqlite_url(path))
        try:
            setup(database, skus=1, stock=1)
            copy = backup(database, tmp_path / "backups" / "copy.db")
        finally:
            database.dispose()
        assert _mode(path) == 0o600
        assert _mode(copy) == 0o600
        wal = path.with_name("store.db-wal")
        assert not wal.exists() or _mode(wal) == 0o600
        path.chmod(0o644)  # an older program made it readable to all: opening it fixes that
        Database(dialect.sqlite_url(path)).engine.connect().close()
        assert _mode(path) == 0o600
    finally:
        os.umask(old)
