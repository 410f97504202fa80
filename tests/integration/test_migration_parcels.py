"""Migration 0015: a store's deliveries (one per order) become parcel 1 of their order, holding
every unit of the order, told as the whole order; downgrading gives the deliveries back."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import text

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import alembic_config, upgrade
from redhome_pos.persistence.repositories.sync import SyncRepository

AT = "2026-12-05 08:00:00.000000+00:00"


def _downgrade(database: Database, revision: str) -> None:
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def test_each_delivery_becomes_the_first_parcel_of_its_order(tmp_path: Path) -> None:
    database = Database(f"sqlite:///{tmp_path / 'old.db'}")
    upgrade(database, "0014_red_packs")
    with database.engine.begin() as connection:
        for order_id in ("P1", "P2"):
            connection.execute(
                text(
                    "INSERT INTO online_orders (order_id, status, fulfilment, warehouse_code,"
                    " ours, online_created_at, online_updated_at, receiver_name_sealed,"
                    " receiver_phone_sealed, receiver_address_sealed, receiver_name_masked,"
                    " receiver_phone_masked, receiver_address_masked, receiver_region,"
                    " cancel_requested, paid_fen, fetched_at) VALUES (:id, 'shipped', 'ship',"
                    " 'RH_SH_001', 1, :at, :at, '', '', '', '', '', '', '', 0, 100, :at)"
                ),
                {"id": order_id, "at": AT},
            )
        connection.execute(
            text(
                "INSERT INTO online_order_lines (order_id, line_no, red_sku_id, quantity,"
                " unit_price_fen, barcode, erp_code, title, reserved) VALUES"
                " ('P1', 1, 'a', 2, 50, '', '', '', 0), ('P1', 2, 'b', 1, 50, '', '', '', 0),"
                " ('P2', 1, 'c', 3, 50, '', '', '', 3)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO deliveries (order_id, state, method, express_no, company_code,"
                " attempts, last_error, terminal_id, requested_at) VALUES"
                " ('P1', 'confirmed', 'ship', 'SF1', 'shunfeng', 1, '', 'T1', :at)"
            ),
            {"at": AT},
        )
    upgrade(database)
    with database.reading() as session:
        repo = SyncRepository(session)
        [parcel] = repo.parcels("P1")
        assert (parcel.parcel_no, parcel.state, parcel.express_no, parcel.company_code) == (
            1, "confirmed", "SF1", "shunfeng",
        )  # fmt: skip
        assert parcel.lines == ((1, 2), (2, 1)) and parcel.sku_ids == () and not parcel.split
        assert repo.parcels("P2") == [] and repo.units_left_store("P1") == {1: 2, 2: 1}
    _downgrade(database, "0014_red_packs")
    with database.engine.connect() as connection:
        rows = connection.execute(text("SELECT order_id, express_no FROM deliveries")).all()
    assert [tuple(r) for r in rows] == [("P1", "SF1")]
    database.dispose()
