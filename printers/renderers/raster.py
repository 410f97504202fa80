"""ESC/POS in raster mode: for printers without Chinese fonts, the document goes as a picture.

The picture is the same one the preview shows (``png.render_image``), sent in fragments of
``FRAGMENT_ROWS`` dot rows; cuts and drawer kicks stay commands between the pictures.
"""

from __future__ import annotations

from printers.document import Block, Cut, Document, DrawerKick
from printers.profile import PrinterProfile
from printers.renderers.escpos_text import EscposWriter
from printers.renderers.png import render_image


def render_raster(document: Document, profile: PrinterProfile) -> bytes:
    writer = EscposWriter(profile)
    pending: list[Block] = []

    def flush() -> None:
        if pending:
            writer.raster(render_image(Document(document.title, tuple(pending)), profile))
            pending.clear()

    for block in document.blocks * max(1, document.copies):
        if isinstance(block, Cut):
            flush()
            writer.cut()
        elif isinstance(block, DrawerKick):
            flush()
            writer.drawer_kick()
        else:
            pending.append(block)
    flush()
    return writer.output()
