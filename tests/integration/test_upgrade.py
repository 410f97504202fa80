"""A schema upgrade keeps the store's data and takes a backup first."""

from __future__ import annotations

import os
import threading
import uuid
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from redhome_pos.config import AppPaths, DatabaseConfig, default_config
from redhome_pos.persistence.admin import (
    DatabaseAdminError,
    SchemaUpgrade,
    describe_backup,
    open_database,
    upgrade_schema,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import current_revision, head_revision, upgrade
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository

FIRST = "0001_foundation"


def _store_at_first_revision(path: Path) -> None:
    """A database as the first release left it, with a product, a SKU and some stock."""
    database = Database(f"sqlite:///{path}")
    upgrade(database, FIRST)
    now = "2026-01-02 03:04:05.000000"
    with database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO products (id, title_zh, title_en, brand, category, vat_rate_bp, "
                "created_at, updated_at) VALUES (1, '保湿面霜', 'Moisturiser', '小红花', '护肤', "
                "1300, :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO skus (id, product_id, code, variant, price_fen, original_price_fen, "
                "active, location, created_at, updated_at) VALUES (1, 1, 'MC-50', "
                "'{\"规格\": \"50ml\"}', 15900, 19900, 1, 'A-1', :now, :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text(
                "INSERT INTO barcodes (code, sku_id, symbology) "
                "VALUES ('6901234567892', 1, 'ean13')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO stock_movements (id, sku_id, kind, quantity, reason, terminal_id, "
                "reference, created_at) VALUES ('m1', 1, 'receive', 12, '', 'POS-01', '', :now), "
                "('m2', 1, 'sale', -2, '', 'POS-01', 'R1', :now)"
            ),
            {"now": now},
        )
        connection.execute(
            text("INSERT INTO stock_levels (sku_id, on_hand, updated_at) VALUES (1, 10, :now)"),
            {"now": now},
        )
    database.dispose()


def test_opening_an_old_database_backs_it_up_then_upgrades_keeping_the_data(
    tmp_path: Path,
) -> None:
    paths = AppPaths.under(tmp_path)
    db_file = tmp_path / "store.db"
    _store_at_first_revision(db_file)
    config = replace(default_config(paths), database=DatabaseConfig(f"sqlite:///{db_file}"))

    database = open_database(config)
    try:
        assert current_revision(database) == head_revision()
        with database.reading() as session:
            sku = CatalogRepository(session).sku_by_barcode("6901234567892")
            assert sku is not None
            assert (sku.code, sku.price_fen, sku.variant) == ("MC-50", 15900, {"规格": "50ml"})
            stock = StockRepository(session)
            assert stock.on_hand(1) == stock.ledger_sum(1) == 10
            assert [m.reference for m in stock.movements(1)] == ["R1", ""]
            assert stock.level_mismatches() == []
    finally:
        database.dispose()

    (backup,) = paths.backup_dir.glob("auto-*.db")
    assert describe_backup(backup) == FIRST  # the backup is the database before the upgrade


def test_an_up_to_date_database_is_opened_without_a_backup(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    config = replace(default_config(paths), database=DatabaseConfig(paths.default_database_url))
    open_database(config).dispose()  # creates it
    open_database(config).dispose()  # opens it again
    assert (paths.data_dir / "store.db").exists()
    assert not paths.backup_dir.exists() or not list(paths.backup_dir.iterdir())


def test_a_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    config = replace(default_config(paths), database=DatabaseConfig(paths.default_database_url))
    database = open_database(config)
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.dispose()
    with pytest.raises(DatabaseAdminError, match="9999_future, which is newer"):
        open_database(config)


def test_a_foreign_database_is_refused(tmp_path: Path) -> None:
    paths = AppPaths.under(tmp_path)
    other = tmp_path / "other.db"
    foreign = Database(f"sqlite:///{other}")
    with foreign.engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    foreign.dispose()
    config = replace(default_config(paths), database=DatabaseConfig(f"sqlite:///{other}"))
    with pytest.raises(DatabaseAdminError, match="not a REDHOME database"):
        open_database(config)


@pytest.mark.skipif(
    not os.environ.get("REDHOME_TEST_POSTGRES_URL"), reason="no PostgreSQL server configured"
)
def test_terminals_starting_together_on_one_server_upgrade_once(tmp_path: Path) -> None:
    from sqlalchemy import create_engine, make_url

    server = os.environ["REDHOME_TEST_POSTGRES_URL"]
    schema = f"upgrade_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
    terminals = [Database(url.render_as_string(hide_password=False)) for _ in range(3)]
    results: list[SchemaUpgrade] = []
    errors: list[BaseException] = []

    def start(database: Database) -> None:
        try:
            results.append(upgrade_schema(database, tmp_path / "backups"))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    try:
        threads = [threading.Thread(target=start, args=(db,)) for db in terminals]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert errors == []
        assert sorted(r.before or "" for r in results) == ["", head_revision(), head_revision()]
        assert all(current_revision(db) == head_revision() for db in terminals)
    finally:
        for db in terminals:
            db.dispose()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
