"""TSPL for TSC, Xprinter and Gprinter label printers: a small generator of our own.

Text uses the printers' built-in 24×24 Simplified Chinese font ``TSS24.BF2``, sent in the
printer encoding (GBK or GB18030). Lines end in CRLF. A picture (a GS1 symbol) goes as
``BITMAP x,y,width_bytes,height,0,<bytes>``: rows of bits, most significant first, where a
0 bit prints a dot and a 1 bit leaves the label white.
"""

from __future__ import annotations

from PIL import Image

from printers.document import Document
from printers.profile import PrinterProfile
from printers.renderers.label_layout import (
    PlacedBarcode,
    PlacedPicture,
    PlacedQr,
    PlacedText,
    place,
)


def _quoted(text: str) -> str:
    # TSPL writes a double quote inside a string as \["].
    return '"' + text.replace('"', '\\["]') + '"'


def render_tspl(document: Document, profile: PrinterProfile) -> bytes:
    label = place(document, profile)
    commands: list[str | bytes] = [
        f"SIZE {profile.label_width_mm} mm,{profile.label_height_mm} mm",
        "GAP 2 mm,0 mm",
        "DIRECTION 1",
        "REFERENCE 0,0",
        "CLS",
    ]
    for item in label.items:
        if isinstance(item, PlacedText):
            commands.append(
                f'TEXT {item.x},{item.y},"TSS24.BF2",0,{item.size},{item.size},{_quoted(item.text)}'
            )
        elif isinstance(item, PlacedQr):
            commands.append(
                f"QRCODE {item.x},{item.y},M,{item.module_dots},A,0,{_quoted(item.payload)}"
            )
        elif isinstance(item, PlacedBarcode):
            kind = "EAN13" if item.symbology == "EAN13" else "128"
            where = f"{item.x},{item.y}"
            commands.append(
                f"BARCODE {where},{_quoted(kind)},{item.height},1,0,2,2,{_quoted(item.code)}"
            )
        elif isinstance(item, PlacedPicture):
            commands.append(_bitmap(item))
    commands.append(f"PRINT 1,{max(1, document.copies)}")
    return b"".join(
        (command if isinstance(command, bytes) else command.encode(profile.encoding)) + b"\r\n"
        for command in commands
    )


def _bitmap(item: PlacedPicture) -> bytes:
    width_bytes = (item.image.width + 7) // 8
    padded = Image.new("1", (width_bytes * 8, item.image.height), 1)
    padded.paste(item.image.convert("1"), (0, 0))
    # Pillow's mode "1" keeps a set bit for white, which is what TSPL's BITMAP wants.
    header = f"BITMAP {item.x},{item.y},{width_bytes},{item.image.height},0,"
    return header.encode("ascii") + padded.tobytes()
