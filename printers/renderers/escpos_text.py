"""ESC/POS in text mode: the printer's own fonts, Chinese sent as GBK/GB18030 bytes by us.

python-escpos builds the commands (styles, QR, barcodes, images, cut, drawer). Text never goes
through its ``text()``, which guesses code pages and prints ``?`` for ``￥`` and Chinese
punctuation: each laid-out line is encoded here and sent raw inside ``FS &`` … ``FS .``.
"""

from __future__ import annotations

from PIL import Image, ImageChops

from printers.document import Barcode, Cut, Document, DrawerKick, Feed, Picture, QrCode
from printers.errors import PrintError
from printers.escpos_import import Dummy, escpos_constants
from printers.layout import Line, layout
from printers.profile import PrinterProfile
from printers.renderers.pictures import (
    barcode_image,
    human_readable_lines,
    picture_image,
    qr_image,
)

CHINESE_ON = b"\x1c\x26"  # FS &
CHINESE_OFF = b"\x1c\x2e"  # FS .
ALIGN_LEFT = b"\x1b\x61\x00"
ALIGN_CENTER = b"\x1b\x61\x01"
FRAGMENT_ROWS = 96  # cheap printers garble raster images taller than about a hundred rows
CUT_FEED_LINES = 4  # the cutter sits above the print head


class EscposWriter:
    """Turns laid-out items into ESC/POS bytes, sending a style only when it changes."""

    def __init__(self, profile: PrinterProfile) -> None:
        self.profile = profile
        self.printer = Dummy(profile=profile.profile)
        self._bold = False
        self._size = 1
        self.printer._raw(escpos_constants.HW_INIT)

    def line(self, line: Line) -> None:
        if line.bold != self._bold:
            self.printer.set(bold=line.bold)
            self._bold = line.bold
        if line.size != self._size:
            self.printer.set(custom_size=True, width=line.size, height=line.size)
            self._size = line.size
        encoded = line.text.encode(self.profile.encoding)
        self.printer._raw(CHINESE_ON + encoded + CHINESE_OFF + b"\n")

    def qr(self, block: QrCode) -> None:
        self._plain()
        if self.profile.qr_native:
            self.printer._raw(ALIGN_CENTER)
            self.printer.qr(
                block.payload,
                ec=escpos_constants.QR_ECLEVEL_M,
                size=max(1, min(block.module_dots, 16)),
                native=True,
            )
            self.printer._raw(b"\n" + ALIGN_LEFT)
            return
        self.raster(qr_image(block.payload, block.module_dots, self.profile.dot_width))

    def barcode(self, block: Barcode) -> None:
        """Bars drawn by us (the same on every model), the digits (a GS1 code's
        ``(AI)value`` fields) below as text."""
        self.raster(barcode_image(block, self.profile.dot_width))
        below = human_readable_lines(block, self.profile.columns)
        text = b"".join(line.encode("ascii") + b"\n" for line in below)
        self.printer._raw(ALIGN_CENTER + text + ALIGN_LEFT)

    def raster(self, image: Image.Image) -> None:
        """A monochrome image, centred, sent as ``GS v 0`` fragments of ``FRAGMENT_ROWS`` rows.

        Built here rather than with escpos's ``image()``: its pixel-by-pixel conversion takes
        milliseconds per picture, and we need the fragment size exact anyway.
        """
        self._plain()
        self.printer._raw(ALIGN_CENTER)
        width_bytes = (image.width + 7) // 8
        padded = Image.new("1", (width_bytes * 8, image.height), 1)
        padded.paste(image.convert("1"), (0, 0))
        # In mode "1" a set bit is white; the printer wants a set bit for a black dot.
        bits = ImageChops.invert(padded.convert("L")).convert("1").tobytes()
        row_bytes = width_bytes
        for top in range(0, image.height, FRAGMENT_ROWS):
            rows = min(FRAGMENT_ROWS, image.height - top)
            header = b"\x1dv0\x00" + width_bytes.to_bytes(2, "little") + rows.to_bytes(2, "little")
            self.printer._raw(header + bits[top * row_bytes : (top + rows) * row_bytes])
        self.printer._raw(ALIGN_LEFT)

    def feed(self, lines: int) -> None:
        self.printer.print_and_feed(max(0, min(lines, 255)))

    def cut(self) -> None:
        if self.profile.cutter:
            self.printer.print_and_feed(CUT_FEED_LINES)
            self.printer._raw(escpos_constants.PAPER_PART_CUT)

    def drawer_kick(self) -> None:
        if not self.profile.cash_drawer:
            raise PrintError(
                "Printer {printer} has no cash drawer in its settings", printer=self.profile.name
            )
        self.printer.cashdraw(2)

    def _plain(self) -> None:
        if self._bold:
            self.printer.set(bold=False)
            self._bold = False
        if self._size != 1:
            self.printer.set(custom_size=True, width=1, height=1)
            self._size = 1

    def output(self) -> bytes:
        data: bytes = self.printer.output
        return data


def render_escpos(document: Document, profile: PrinterProfile) -> bytes:
    """ESC/POS bytes for ``document`` in the printer's fonts."""
    writer = EscposWriter(profile)
    items = layout(document, profile.columns, profile.encoding)
    for item in items * max(1, document.copies):
        if isinstance(item, Line):
            writer.line(item)
        elif isinstance(item, QrCode):
            writer.qr(item)
        elif isinstance(item, Barcode):
            writer.barcode(item)
        elif isinstance(item, Picture):
            writer.raster(picture_image(item, profile.dot_width))
        elif isinstance(item, Feed):
            writer.feed(item.lines)
        elif isinstance(item, Cut):
            writer.cut()
        elif isinstance(item, DrawerKick):
            writer.drawer_kick()
    return writer.output()
