"""TSPL for TSC, Xprinter and Gprinter label printers: a small generator of our own.

Text uses the printers' built-in 24×24 Simplified Chinese font ``TSS24.BF2``, sent in the
printer encoding (GBK or GB18030). Lines end in CRLF.
"""

from __future__ import annotations

from printers.document import Document
from printers.profile import PrinterProfile
from printers.renderers.label_layout import PlacedBarcode, PlacedQr, PlacedText, place


def _quoted(text: str) -> str:
    # TSPL writes a double quote inside a string as \["].
    return '"' + text.replace('"', '\\["]') + '"'


def render_tspl(document: Document, profile: PrinterProfile) -> bytes:
    label = place(document, profile)
    commands = [
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
    commands.append("PRINT 1,1")
    return ("\r\n".join(commands) + "\r\n").encode(profile.encoding)
