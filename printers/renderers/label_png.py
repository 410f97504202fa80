"""A label printer's label drawn as it prints: the TSPL/ZPL layout (``label_layout.place``)
on a white label of the printer's size, text in 24-dot cells with the pinned CJK font, codes
and pictures where the printer puts them. A preview, and the picture in the docs."""

from __future__ import annotations

import io

from PIL import Image

from printers.document import Barcode, Document
from printers.layout import CharWidths
from printers.profile import PrinterProfile
from printers.renderers.label_layout import (
    CELL,
    PlacedBarcode,
    PlacedPicture,
    PlacedQr,
    PlacedText,
    place,
)
from printers.renderers.pictures import barcode_image, qr_matrix
from printers.renderers.png import glyph


def render_label_image(document: Document, profile: PrinterProfile) -> Image.Image:
    """One label (a copy), mode ``1``, ``label_width_mm`` × ``label_height_mm`` at 8 dots/mm."""
    label = place(document, profile)
    widths = CharWidths(profile.encoding)
    canvas = Image.new("L", (label.width, label.height), 255)
    for item in label.items:
        if isinstance(item, PlacedText):
            x = item.x
            for char in item.text:
                columns = widths.of(char)
                if char != " ":
                    mask = glyph(profile.font_path, char, columns, item.size, False, CELL)
                    canvas.paste(0, (x, item.y), mask)
                x += columns * CELL * item.size
        elif isinstance(item, PlacedPicture):
            canvas.paste(item.image.convert("L"), (item.x, item.y))
        elif isinstance(item, PlacedQr):
            matrix = qr_matrix(item.payload)
            side = matrix.width * item.module_dots
            canvas.paste(matrix.resize((side, side), Image.Resampling.NEAREST), (item.x, item.y))
        elif isinstance(item, PlacedBarcode):
            block = Barcode(item.code, "EAN13" if item.symbology == "EAN13" else "CODE128")
            bars = barcode_image(block, label.width - item.x, item.height)
            canvas.paste(bars.convert("L"), (item.x, item.y))
    return canvas.point(lambda value: 255 if value >= 128 else 0).convert("1")


def render_label_png(document: Document, profile: PrinterProfile) -> bytes:
    buffer = io.BytesIO()
    render_label_image(document, profile).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
