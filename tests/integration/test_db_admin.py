"""Backups, restores and the database check on real SQLite files."""

from __future__ import annotations

from pathlib import Path

import pytest
from acting_staff import manager_session
from sqlalchemy import text

from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.persistence.admin import DatabaseAdminError, backup, check, restore
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import head_revision
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository
from redhome_pos.services import stock as stock_service

ALSO_ON_POSTGRES = True


@pytest.fixture
def sqlite_only(database_backend: str) -> None:
    if database_backend != "sqlite":
        pytest.skip("file backups and restores are for SQLite; a server has its own tools")


def _sku(database: Database, code: str) -> int:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = catalog.add_product(
            Product(id=None, title_zh="帆布包", brand="RED", category="配饰")
        )
        sku_id = catalog.add_sku(
            Sku(id=None, product_id=product_id, code=code, price_fen=9900, original_price_fen=9900)
        )
        uow.commit()
    return sku_id


def _on_hand(database: Database, sku_id: int) -> int:
    with database.reading() as session:
        return StockRepository(session).on_hand(sku_id)


@pytest.mark.usefixtures("sqlite_only")
def test_backup_then_restore_brings_back_the_state_at_backup_time(
    database: Database, tmp_path: Path
) -> None:
    sku_id = _sku(database, "BAG-1")
    stock_service.receive(
        database, sku_id, 5, terminal_id="POS-01", staff=manager_session(database)
    )
    saved = backup(database, tmp_path / "saved.db")

    stock_service.adjust(
        database,
        sku_id,
        -4,
        reason="damaged",
        terminal_id="POS-01",
        staff=manager_session(database),
    )
    later_sku = _sku(database, "BAG-2")
    assert _on_hand(database, sku_id) == 1
    url = database.url
    database.dispose()

    kept = restore(url, saved, tmp_path / "backups")
    restored = Database(url)
    try:
        assert _on_hand(restored, sku_id) == 5
        with restored.reading() as session:
            assert CatalogRepository(session).sku(later_sku) is None
        assert check(restored) == []
    finally:
        restored.dispose()

    # What the restore replaced was kept, and can itself be restored.
    assert kept is not None and kept.parent == tmp_path / "backups"
    restore(url, kept, tmp_path / "backups")
    again = Database(url)
    try:
        assert _on_hand(again, sku_id) == 1
    finally:
        again.dispose()


@pytest.mark.usefixtures("sqlite_only")
def test_a_backup_never_overwrites_silently(database: Database, tmp_path: Path) -> None:
    target = tmp_path / "saved.db"
    target.write_bytes(b"precious")
    with pytest.raises(DatabaseAdminError, match="exists already"):
        backup(database, target)
    assert target.read_bytes() == b"precious"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "not a REDHOME database"),
        (b"hello, this is a text file, not a database at all" * 40, "not a REDHOME database"),
    ],
)
@pytest.mark.usefixtures("sqlite_only")
def test_restore_refuses_a_file_that_is_not_a_redhome_database(
    database: Database, tmp_path: Path, content: bytes, problem: str
) -> None:
    sku_id = _sku(database, "KEEP")
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(content)
    with pytest.raises(DatabaseAdminError, match=problem):
        restore(database.url, bogus, tmp_path / "backups")
    with pytest.raises(DatabaseAdminError, match="does not exist"):
        restore(database.url, tmp_path / "missing.db", tmp_path / "backups")
    with database.reading() as session:
        assert CatalogRepository(session).sku(sku_id) is not None
    assert not (tmp_path / "backups").exists()


@pytest.mark.usefixtures("sqlite_only")
def test_restore_refuses_another_sqlite_database(database: Database, tmp_path: Path) -> None:
    other = Database(f"sqlite:///{tmp_path / 'other.db'}")
    with other.engine.begin() as connection:
        connection.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
    other.dispose()
    with pytest.raises(DatabaseAdminError, match="not a REDHOME database"):
        restore(database.url, tmp_path / "other.db", tmp_path / "backups")


def test_check_names_each_sku_whose_level_differs_from_its_ledger(database: Database) -> None:
    first, second = _sku(database, "CUP-RED"), _sku(database, "CUP-BLUE")
    stock_service.receive(database, first, 3, terminal_id="POS-01", staff=manager_session(database))
    stock_service.receive(
        database, second, 2, terminal_id="POS-01", staff=manager_session(database)
    )
    assert check(database) == []
    with database.engine.begin() as connection:
        connection.execute(
            text("UPDATE stock_levels SET on_hand = 7 WHERE sku_id = :s"), {"s": first}
        )
        connection.execute(text("DELETE FROM stock_levels WHERE sku_id = :s"), {"s": second})
    assert check(database) == [
        "stock: SKU CUP-RED shows 7 on hand but its movements add up to 3",
        "stock: SKU CUP-BLUE has movements adding up to 2 but no stock level",
    ]


def test_check_finds_a_schema_that_is_behind(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001_foundation'"))
    (problem,) = check(database)
    assert "schema: at 0001_foundation" in problem and head_revision() in problem


def test_backups_of_a_database_server_are_refused_with_advice(
    database: Database, database_backend: str, tmp_path: Path
) -> None:
    if database_backend == "sqlite":
        pytest.skip("about database servers")
    with pytest.raises(DatabaseAdminError, match="pg_dump"):
        backup(database, tmp_path / "x.db")
    with pytest.raises(DatabaseAdminError, match="pg_restore"):
        restore(database.url, tmp_path / "x.db", tmp_path)


@pytest.mark.usefixtures("sqlite_only")
def test_a_forced_backup_replaces_any_file_whole(database: Database, tmp_path: Path) -> None:
    sku_id = _sku(database, "MUG-1")
    target = tmp_path / "saved.db"
    target.write_text("an old text file, not a database", encoding="utf-8")
    backup(database, target, overwrite=True)
    assert not list(tmp_path.glob(".*.partial"))
    url = database.url
    database.dispose()
    restore(url, target, tmp_path / "backups")
    restored = Database(url)
    try:
        with restored.reading() as session:
            assert CatalogRepository(session).sku(sku_id) is not None
    finally:
        restored.dispose()


@pytest.mark.usefixtures("sqlite_only")
def test_a_backup_that_cannot_be_written_says_why(database: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(DatabaseAdminError, match="Cannot copy"):
        backup(database, blocker / "saved.db")


def test_repair_sets_levels_to_their_ledger_and_tells_the_online_store(
    database: Database,
) -> None:
    from sqlalchemy import func, select

    from redhome_pos.persistence.admin import repair_stock_levels
    from redhome_pos.persistence.models.outbox import OutboxRow

    first, second, fine = _sku(database, "R-1"), _sku(database, "R-2"), _sku(database, "R-3")
    for sku_id in (first, second, fine):
        stock_service.receive(
            database, sku_id, 4, terminal_id="POS-01", staff=manager_session(database)
        )
    with database.engine.begin() as connection:
        connection.execute(
            text("UPDATE stock_levels SET on_hand = 1 WHERE sku_id = :s"), {"s": first}
        )
        connection.execute(text("DELETE FROM stock_levels WHERE sku_id = :s"), {"s": second})
    with database.reading() as session:
        queued_before = session.scalar(select(func.count()).select_from(OutboxRow))

    fixed = repair_stock_levels(database)

    assert [(f.sku_code, f.cached, f.ledger) for f in fixed] == [("R-1", 1, 4), ("R-2", None, 4)]
    assert check(database) == []
    assert [_on_hand(database, s) for s in (first, second, fine)] == [4, 4, 4]
    with database.reading() as session:
        queued = session.execute(
            select(OutboxRow.key, OutboxRow.payload).order_by(OutboxRow.id).offset(queued_before)
        ).all()
    assert [(key, payload["on_hand"]) for key, payload in queued] == [
        (str(first), 4),
        (str(second), 4),
    ]
    assert repair_stock_levels(database) == []  # nothing left to repair
