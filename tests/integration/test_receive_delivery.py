"""Receiving: a delivery note (UTF-8 with BOM or GB18030) against what was scanned in, the
discrepancies kept, and ``receive`` movements for what arrived."""

from __future__ import annotations

import pytest
from counter_store import Store, make_store
from sqlalchemy import select

from redhome_pos.domain.catalog import Sku
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository
from redhome_pos.services import receiving
from redhome_pos.services.receiving import ReceivingError


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    with database.unit_of_work() as uow:  # the lipstick also has a barcode
        catalog = CatalogRepository(uow.session)
        lip = catalog.sku_by_code("LIP-520")
        assert lip is not None
        catalog.add_sku(
            Sku(None, lip.product_id, "LIP-521", 25_900, 25_900, barcodes=("6901234567892",))
        )
        uow.commit()
    return store


def on_hand(store: Store, code: str) -> int:
    with store.database.reading() as session:
        sku = CatalogRepository(session).sku_by_code(code)
        assert sku is not None and sku.id is not None
        return StockRepository(session).on_hand(sku.id)


NOTE = "编码,品名,数量\nLIP-521,口红 #521,6\nMASK-10,面膜,10\nGHOST-9,未知,2\nBOOK-01,手帐,x\n"


def test_delivery_note_with_discrepancies(store: Store) -> None:
    db, till, clerk, manager = store.database, store.till, store.clerk, store.manager
    lines, problems = receiving.read_delivery_note(NOTE.encode("gb18030"))
    assert lines == [
        receiving.NoteLine("LIP-521", 6),
        receiving.NoteLine("MASK-10", 10),
        receiving.NoteLine("GHOST-9", 2),
    ]
    assert [(p.row, p.problem) for p in problems] == [(5, "quantity is not a whole number: x")]
    assert receiving.read_delivery_note(("\ufeff" + NOTE).encode("utf-8"))[0] == lines

    delivery = receiving.start_receiving(db, till, clerk, reference="DN-881", expected=lines)
    for _ in range(5):  # one lipstick short, scanned by its barcode
        receiving.receive_units(db, till, clerk, delivery, "6901234567892")
    receiving.receive_units(db, till, clerk, delivery, "MASK-10", 10)
    receiving.receive_units(db, till, clerk, delivery, "BAG-RED", 2)  # not on the note
    found = {
        (line.code, line.expected, line.received, line.note)
        for line in receiving.discrepancies(db, delivery)
    }
    assert found == {
        ("LIP-521", 6, 5, ""),
        ("GHOST-9", 2, 0, "unknown code"),
        ("BAG-RED", 0, 2, "not on the note"),
    }

    with pytest.raises(PermissionDenied):  # a clerk does not book stock alone
        receiving.post_receiving(db, till, clerk, delivery)
    posted = receiving.post_receiving(db, till, manager, delivery)
    assert (posted.movements, posted.units, posted.discrepancies) == (3, 17, 3)
    assert (on_hand(store, "LIP-521"), on_hand(store, "MASK-10")) == (5, 40)
    assert on_hand(store, "BAG-RED") == 7
    with db.reading() as session:
        kinds = session.scalars(
            select(StockMovementRow.kind).where(
                StockMovementRow.reference == f"receiving:{delivery}"
            )
        ).all()
    assert sorted(kinds) == ["receive"] * 3
    with pytest.raises(ReceivingError):
        receiving.receive_units(db, till, clerk, delivery, "MASK-10")


def test_a_note_without_the_columns_is_refused() -> None:
    with pytest.raises(ReceivingError):
        receiving.read_delivery_note(b"name,price\nx,1\n")
    with pytest.raises(ReceivingError):
        receiving.read_delivery_note(b"\xff\xfe\x00garbage\xff")
