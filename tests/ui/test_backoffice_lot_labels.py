"""Receiving screen: after a delivery with lots is booked, "Print lot labels" queues one label
per lot (the store here has only a receipt printer, which prints them), each label's GS1-128
read back to the lot typed in; a delivery booked without lots offers no labels."""

from __future__ import annotations

import io
import os
from datetime import date
from pathlib import Path
from typing import Any

import zxingcpp
from PIL import Image
from ui_helpers import log_in, scan

from printers.document import Document
from printers.profile import receipt_profile
from printers.renderers.png import render_png
from redhome_pos.domain.gs1 import parse_element_string


def receive(qtbot: Any, shell: Any, code: str, times: int, lot: str = "", expiry: str = "") -> None:
    screen = shell.inventory
    screen.start_button.click()
    qtbot.waitUntil(lambda: screen.receiving_id is not None)
    screen.lot_field.setText(lot)
    screen.expiry_field.setText(expiry)
    for _ in range(times):
        with qtbot.waitSignal(screen.received):
            scan(qtbot, shell, code)
    with qtbot.waitSignal(screen.delivery_posted):
        screen.post_button.click()


def test_lot_labels_after_booking_a_delivery(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    screen = shell.inventory
    shell.window.show_screen("inventory")
    screen.tabs.setCurrentIndex(1)
    assert not screen.labels_button.isEnabled()

    receive(qtbot, shell, store.barcodes["MASK-10"], 1)  # no lot: nothing to label
    assert not screen.labels_button.isEnabled()

    receive(qtbot, shell, store.barcodes["LIP-520"], 2, "B2611", "2027-03-31")
    assert screen.labels_button.isEnabled()
    screen.label_copies.setValue(2)
    with qtbot.waitSignal(screen.labels_queued, timeout=10_000) as queued:
        screen.labels_button.click()
    result = queued.args[0]
    assert (result.printer, result.copies, len(result.job_ids)) == ("receipt", 2, 1)
    assert "receipt" in screen.banner.text() and not screen.banner.is_error
    job = shell.context.print_queue.job(result.job_ids[0])
    document = Document.from_json(job.document)
    assert document.copies == 2
    png = render_png(document, receipt_profile(48))
    symbols = zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L"))
    assert [symbol.symbology_identifier for symbol in symbols] == ["]C1"]
    item = parse_element_string(symbols[0].bytes.decode("ascii"))
    assert (item.gtin, item.lot, item.expiry) == (
        "0" + store.barcodes["LIP-520"],
        "B2611",
        date(2027, 3, 31),
    )
    # A GS1 DataMatrix when asked for (small labels): only the block differs; the symbol is
    # drawn when the job prints.
    screen.label_matrix.setChecked(True)
    with qtbot.waitSignal(screen.labels_queued, timeout=10_000) as queued:
        screen.labels_button.click()
    job = shell.context.print_queue.job(queued.args[0].job_ids[0])
    kinds = [block["symbology"] for block in job.document["blocks"] if block["kind"] == "barcode"]
    assert kinds == ["GS1-DATAMATRIX"]
    folder = Path(os.environ.get("REDHOME_SHOT_DIR", str(tmp_path)))
    assert shell.window.grab().save(str(folder / "backoffice-lot-labels-en.png"))
