"""The store's warehouse in the online shop, against the RED sandbox over loopback HTTP:
``online-store connect`` checks it with warehouse.list and says what to do; a manager creates it
(warehouse.create, coverage, priority); CPartner is understood; SKUs sold in packs never get
stock pushed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from acting_staff import manager_session
from sqlalchemy import select
from test_engine_kill import as_manager, first_manager, home, redhome  # noqa: F401
from test_engine_red import connected

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.services.stock import adjust
from sync.red import api
from sync.red.connector import RedOnlineStore
from sync.red_sandbox import CENTRAL_WAREHOUSE, SandboxHandle, start_sandbox

SHANGHAI = "310000"
CHANGNING_TOWN = "310105004000"


@pytest.fixture
def sandbox() -> Iterator[SandboxHandle]:
    """A shop before the store's warehouse exists (every SKU on the default CPartner)."""
    with start_sandbox(port=0, seed=5, skus=60, create_store_warehouse=False) as handle:
        yield handle


def test_connect_checks_the_warehouse_and_a_manager_creates_it(
    home: Path,  # noqa: F811
    sandbox: SandboxHandle,
) -> None:
    first_manager(home)
    connect = as_manager(home, "online-store", "connect", sandbox.authorization_code())
    assert connect.returncode == 1, connect.stderr
    assert "Connected to" in connect.stdout
    assert f"has no warehouse {sandbox.warehouse_code}" in connect.stdout
    assert "warehouse-create" in connect.stdout and "--cover" in connect.stdout

    made = as_manager(
        home, "online-store", "warehouse-create", "--name", "REDHOME 长宁店",
        "--zone-code", CHANGNING_TOWN, "--address", "长宁路 1 号", "--cover", SHANGHAI,
        "--first-in", SHANGHAI,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert f"warehouse {sandbox.warehouse_code} exists" in made.stdout
    assert sandbox.warehouse_code in sandbox.state()["warehouses"]
    # Once the merchant turns multi-warehouse stock on, Shanghai orders come to the store.
    sandbox.enable_multi_warehouse()
    [order_id] = sandbox.generate_orders(1)
    assert sandbox.state()["orders"][order_id]["whcode"] == sandbox.warehouse_code
    again = as_manager(home, "online-store", "connect", sandbox.authorization_code())
    assert again.returncode == 0 and "exists in the online shop" in again.stdout


def test_the_default_warehouse_is_understood(home: Path, sandbox: SandboxHandle) -> None:  # noqa: F811
    config = home / "config.toml"
    config.write_text(
        config.read_text().replace(sandbox.warehouse_code, api.DEFAULT_WAREHOUSE),
        encoding="utf-8",
    )
    first_manager(home)
    connect = as_manager(home, "online-store", "connect", sandbox.authorization_code())
    assert connect.returncode == 0, connect.stderr
    assert "default warehouse CPartner" in connect.stdout


def test_a_warehouse_code_the_platform_cannot_take_is_a_config_error(
    home: Path,  # noqa: F811
    sandbox: SandboxHandle,
) -> None:
    config = home / "config.toml"
    config.write_text(
        config.read_text().replace(sandbox.warehouse_code, "RH-SH-001"), encoding="utf-8"
    )
    refused = redhome(home, "online-store", "status")
    assert refused.returncode != 0
    assert "online_store.warehouse_code" in refused.stderr and "RH_SH_001" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_the_warehouses_of_the_shop_are_listed(
    red_store: RedOnlineStore, database: Database
) -> None:
    assert red_store.warehouse_codes() == []  # this module's shop has none of its own yet
    with start_sandbox(port=0, seed=1, skus=20) as sandbox:
        engine = connected(database, sandbox)
        store = engine.store
        assert isinstance(store, RedOnlineStore)
        assert set(store.warehouse_codes()) == {sandbox.warehouse_code, CENTRAL_WAREHOUSE}
        engine.close()


def test_a_sku_sold_in_packs_never_gets_stock_pushed(database: Database) -> None:
    with start_sandbox(port=0, seed=1, skus=40) as sandbox:
        single = sorted(sandbox.state()["stock"])[0]
        pack = sandbox.add_pack(single, 6)
        engine = connected(database, sandbox)
        with database.reading() as session:
            rows = dict(session.execute(select(SkuRow.red_sku_id, SkuRow.id)).all())
        assert pack in rows and single in rows
        assert engine.run_once().ok  # the opening figures go out first
        boss = manager_session(database)
        for red in (pack, single):
            adjust(database, rows[red], 3, reason="found", terminal_id="T1", staff=boss)
        calls = sandbox.state()["calls"].get(api.SYNC_SKU_STOCK_V2, 0)
        report = engine.run_once()
        assert report.ok and report.stock is not None
        assert report.stock.skus_packs == 1 and report.stock.skus_pushed == 1
        assert sandbox.state()["calls"][api.SYNC_SKU_STOCK_V2] == calls + 1  # the single only
        with database.reading() as session:
            open_rows = session.scalars(
                select(OutboxRow.key).where(OutboxRow.done_at.is_(None))
            ).all()
        assert str(rows[pack]) not in open_rows
        engine.close()
