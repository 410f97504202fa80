"""A schema upgrade keeps the store's data and takes a backup first."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import text

from redhome_pos.config import AppPaths, DatabaseConfig, default_config
from redhome_pos.persistence.admin import DatabaseAdminError, describe_backup, open_database
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
