"""Labels for the lots of a delivery, on a real database: one print job per lot received,
each label's GS1-128 read back from the printed picture to the delivery's GTIN, lot and
expiry; deliveries that cannot be labelled are refused whole, before anything is queued."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from counter_store import Store, make_store, write_config
from PIL import Image

from printers.document import Barcode, Document
from printers.errors import PrintError
from printers.lot_labels import queue_delivery_lot_labels
from printers.profile import PrinterProfile, receipt_profile
from printers.queue import PrintQueue
from printers.renderers.png import render_png
from redhome_pos.cli import main
from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.domain.gs1 import Gs1Item, parse_element_string
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services import lots, receiving

LIP = "LIP-520"
GTIN = make_ean13("690000000520")
LABEL = PrinterProfile(name="label", language="tspl", transport="network", host="x")


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    lots.set_lot_tracked(database, store.till, store.manager, [LIP], True)
    with database.unit_of_work() as uow:
        CatalogRepository(uow.session).add_barcodes(store.items[LIP].sku_id, [GTIN])
        uow.commit()
    return store


def receive_two_lots(store: Store) -> int:
    db, till, manager = store.database, store.till, store.manager
    delivery = receiving.start_receiving(db, till, manager, reference="DN-8")
    from redhome_pos.domain.gs1 import element_string

    carton = element_string(GTIN, lot="C1", expiry=date(2027, 5, 31), count=12)
    receiving.receive_scan(db, till, manager, delivery, "]C1" + carton)
    receiving.receive_scan(db, till, manager, delivery, GTIN, lot="T9", expiry=date(2027, 8, 1))
    receiving.post_receiving(db, till, manager, delivery)
    return delivery


def read_back(document: Document) -> Gs1Item:
    png = render_png(document, receipt_profile(48))
    symbols = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))
    assert [s.symbology_identifier for s in symbols] == ["]C1"]
    return parse_element_string(symbols[0].bytes.decode("ascii"))


def test_one_job_per_lot_each_reads_back_to_its_lot(store: Store) -> None:
    delivery = receive_two_lots(store)
    queue = PrintQueue(store.database, {"label": LABEL})
    queued = queue_delivery_lot_labels(store.database, queue, store.clerk, delivery, copies=3)
    assert (queued.printer, queued.copies, len(queued.job_ids)) == ("label", 3, 2)
    documents = []
    for job_id in queued.job_ids:
        job = queue.job(job_id)
        assert job is not None and job.kind == "lot_label" and job.printer == "label"
        assert job.reference.startswith(f"delivery {delivery}/1 ")
        documents.append(Document.from_json(job.document))
    assert [d.copies for d in documents] == [3, 3]
    assert [read_back(d) for d in documents] == [
        Gs1Item(gtin="0" + GTIN, lot="C1", expiry=date(2027, 5, 31)),
        Gs1Item(gtin="0" + GTIN, lot="T9", expiry=date(2027, 8, 1)),
    ]
    texts = [getattr(block, "text", "") for block in documents[0].blocks]
    assert texts[0] == "口红 #520" and "有效期至 2027-05-31" in texts
    rows = [block.cells for block in documents[0].blocks if hasattr(block, "cells")]
    assert rows == [("批号 C1", "￥259.00")]


def test_without_a_label_printer_the_receipt_printer_prints_them(store: Store) -> None:
    delivery = receive_two_lots(store)
    queue = PrintQueue(store.database, {"receipt": receipt_profile(48)})
    queued = queue_delivery_lot_labels(
        store.database, queue, store.clerk, delivery, with_price=False
    )
    assert queued.printer == "receipt"
    job = queue.job(queued.job_ids[0])
    assert job is not None
    assert not any("cells" in block for block in job.document["blocks"])  # no price row


def test_deliveries_that_cannot_be_labelled_are_refused_and_nothing_is_queued(
    store: Store,
) -> None:
    db, till, manager = store.database, store.till, store.manager
    queue = PrintQueue(db, {"label": LABEL})
    with pytest.raises(PrintError, match="no delivery 99"):
        queue_delivery_lot_labels(db, queue, manager, 99)
    plain = receiving.start_receiving(db, till, manager)
    receiving.receive_scan(db, till, manager, plain, "MASK-10")
    with pytest.raises(PrintError, match="no lots received"):
        queue_delivery_lot_labels(db, queue, manager, plain)
    # A product with no GTIN, only its SKU code: a GS1 code cannot name it.
    no_gtin = receiving.start_receiving(db, till, manager)
    receiving.receive_scan(db, till, manager, no_gtin, GTIN, lot="OK1")
    receiving.receive_scan(db, till, manager, no_gtin, "BOOK-01", lot="B1")
    with pytest.raises(PrintError, match="BOOK-01 has no GTIN"):
        queue_delivery_lot_labels(db, queue, manager, no_gtin)
    # A lot number with a sign GS1 does not allow.
    odd = receiving.start_receiving(db, till, manager)
    receiving.receive_scan(db, till, manager, odd, GTIN, lot="A#1")
    with pytest.raises(PrintError, match="Lot A#1 of LIP-520"):
        queue_delivery_lot_labels(db, queue, manager, odd)
    with pytest.raises(PrintError, match="Copies must be between"):
        queue_delivery_lot_labels(db, queue, manager, receive_two_lots(store), copies=0)
    assert queue.jobs() == []


def test_receive_labels_from_the_command_line(
    store: Store, db_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    delivery = receive_two_lots(store)
    config = write_config(tmp_path, db_path)
    out = tmp_path / "label.tspl"
    with config.open("a", encoding="utf-8") as file:
        file.write(f'[printers.label]\ntransport = "file"\nlanguage = "tspl"\npath = "{out}"\n')
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    args = ["--config", str(config), "receive", "labels", "--delivery", str(delivery)]
    code = main([*args, "--copies", "2", "--now", "--staff", "1001", "--pin-stdin"])
    assert code == 0, capsys.readouterr().err
    assert "2 lot label job(s), 2 copies each, on label" in capsys.readouterr().out
    printed = out.read_bytes()  # the file printer keeps the last job: lot T9
    assert b"PRINT 1,2\r\n" in printed and b"(10)T9" in printed
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    assert main([*args[:-1], "77", "--staff", "1001", "--pin-stdin"]) == 1
    assert "no delivery 77" in capsys.readouterr().err


def test_the_gs1_barcode_block_is_what_the_label_carries(store: Store) -> None:
    delivery = receive_two_lots(store)
    queue = PrintQueue(store.database, {"label": LABEL})
    queued = queue_delivery_lot_labels(store.database, queue, store.clerk, delivery)
    job = queue.job(queued.job_ids[1])
    assert job is not None
    barcodes = [b for b in Document.from_json(job.document).blocks if isinstance(b, Barcode)]
    assert [b.symbology for b in barcodes] == ["GS1-128"]
    assert parse_element_string(barcodes[0].code).lot == "T9"


def test_a_gs1_datamatrix_on_request(store: Store) -> None:
    delivery = receive_two_lots(store)
    queue = PrintQueue(store.database, {"label": LABEL})
    queued = queue_delivery_lot_labels(
        store.database, queue, store.clerk, delivery, symbology="GS1-DATAMATRIX"
    )
    for job_id in queued.job_ids:
        job = queue.job(job_id)
        assert job is not None
        blocks = Document.from_json(job.document).blocks
        assert [b.symbology for b in blocks if isinstance(b, Barcode)] == ["GS1-DATAMATRIX"]
