"""A preview printer shows the last thing printed: a drawer kick does not replace the receipt."""

from __future__ import annotations

from pathlib import Path

from printers.document import Document, DrawerKick, Text
from printers.printing import print_document
from printers.profile import PrinterProfile


def test_a_drawer_kick_leaves_the_last_receipt_in_the_preview(tmp_path: Path) -> None:
    preview = tmp_path / "receipt.png"
    profile = PrinterProfile(name="receipt", transport="preview", path=str(preview))
    print_document(Document("receipt", (Text("销售小票"),)), profile)
    receipt = preview.read_bytes()
    assert receipt.startswith(b"\x89PNG")
    print_document(Document("drawer", (DrawerKick(),)), profile)
    assert preview.read_bytes() == receipt
    print_document(Document("receipt", (Text("退货单"),)), profile)
    assert preview.read_bytes() != receipt  # a later receipt does replace it
