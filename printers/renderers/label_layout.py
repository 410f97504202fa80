"""Where each block goes on a label (TSPL and ZPL printers), in dots from the top left.

A label printer has no flowing paper: the document is placed on a fixed label. The first QR
code sits in the top right corner; text flows down the left, in 24-dot cells (12 dots for an
ASCII character, 24 for a Chinese one, as the printers' built-in 24-dot fonts draw them).
Content that would run off the label is an error, not a clipped label.

A GS1 symbol (GS1-128, GS1 DataMatrix) is placed as a picture (``PlacedPicture``) drawn by
us, with its ``(AI)value`` text centred below it: the printers' own GS1 barcode commands
differ by model and firmware, a picture prints the same symbol everywhere, and a test can
read it back.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

from printers.document import (
    Barcode,
    Cut,
    Document,
    DrawerKick,
    Feed,
    Picture,
    QrCode,
    Row,
    Rule,
    Text,
)
from printers.errors import PrintError
from printers.layout import CharWidths, layout_row, pad, wrap
from printers.profile import PrinterProfile
from printers.renderers.pictures import (
    GS1_SYMBOLOGIES,
    barcode_image,
    human_readable_lines,
    qr_matrix,
)

DOTS_PER_MM = 8  # 203 dpi
MARGIN = 16
CELL = 12
LINE_STEP = 28
BARCODE_HEIGHT = 60
GS1_BAR_HEIGHT = 80  # 10 mm: a GS1-128 is read from further away than a shelf EAN


@dataclass(frozen=True)
class PlacedText:
    x: int
    y: int
    text: str
    size: int


@dataclass(frozen=True)
class PlacedQr:
    x: int
    y: int
    payload: str
    module_dots: int


@dataclass(frozen=True)
class PlacedBarcode:
    x: int
    y: int
    code: str
    symbology: str
    height: int


@dataclass(frozen=True)
class PlacedPicture:
    """A monochrome picture (mode ``1``: a set bit is white), placed at its top left."""

    x: int
    y: int
    image: Image.Image


Placed = PlacedText | PlacedQr | PlacedBarcode | PlacedPicture


@dataclass(frozen=True)
class LabelLayout:
    width: int
    height: int
    items: tuple[Placed, ...]


def qr_modules(payload: str) -> int:
    return qr_matrix(payload).width


def place(document: Document, profile: PrinterProfile) -> LabelLayout:
    width = profile.label_width_mm * DOTS_PER_MM
    height = profile.label_height_mm * DOTS_PER_MM
    widths = CharWidths(profile.encoding)
    items: list[Placed] = []
    text_right = width - MARGIN
    qr_bottom = 0
    qr = next((block for block in document.blocks if isinstance(block, QrCode)), None)
    if qr is not None:
        modules = qr_modules(qr.payload)
        room = min(height - 2 * MARGIN, width * 2 // 5)
        module_dots = min(qr.module_dots, room // modules)
        if module_dots < 2:
            raise PrintError("The QR code holds too much for a label of this size")
        side = modules * module_dots
        x = width - MARGIN - side
        items.append(PlacedQr(x, MARGIN, qr.payload, module_dots))
        text_right = x - MARGIN
        qr_bottom = MARGIN + side
    columns = (text_right - MARGIN) // CELL
    if columns < 8:
        raise PrintError("The label is too small for its QR code and text")
    y = MARGIN
    for block in document.blocks:
        if isinstance(block, Text):
            size = max(1, min(block.size, 2))
            for line in wrap(block.text, columns // size, widths):
                items.append(
                    PlacedText(MARGIN, y, pad(line, columns // size, block.align, widths), size)
                )
                y += LINE_STEP * size
        elif isinstance(block, Row):
            for line in layout_row(block.cells, columns, widths):
                items.append(PlacedText(MARGIN, y, line, 1))
                y += LINE_STEP
        elif isinstance(block, Rule):
            y += LINE_STEP // 2
        elif isinstance(block, Feed):
            y += LINE_STEP * block.lines
        elif isinstance(block, Barcode) and block.symbology in GS1_SYMBOLOGIES:
            y = max(y, qr_bottom + 4)
            symbol = barcode_image(block, width - MARGIN, GS1_BAR_HEIGHT)
            items.append(PlacedPicture((width - symbol.width) // 2, y, symbol))
            y += symbol.height
            full = (width - 2 * MARGIN) // CELL
            for line in human_readable_lines(block, full):
                items.append(PlacedText(MARGIN, y, pad(line, full, "center", widths), 1))
                y += LINE_STEP
        elif isinstance(block, Barcode):
            y = max(y, qr_bottom + 4)
            items.append(PlacedBarcode(MARGIN, y, block.code, block.symbology, BARCODE_HEIGHT))
            y += BARCODE_HEIGHT + LINE_STEP
        elif isinstance(block, Picture):
            raise PrintError("Label printers here print no pictures; use a receipt printer")
        elif isinstance(block, DrawerKick):
            raise PrintError(
                "Printer {printer} is a label printer and has no cash drawer", printer=profile.name
            )
        elif isinstance(block, Cut | QrCode):
            continue
    bottom = max(y, qr_bottom)
    if bottom > height:
        raise PrintError(
            "The label needs {needed} dots but printer {printer} has {height}; shorten the text",
            needed=bottom,
            printer=profile.name,
            height=height,
        )
    return LabelLayout(width, height, tuple(items))
