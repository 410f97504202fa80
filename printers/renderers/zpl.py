"""ZPL for Zebra label printers: a small generator of our own.

Field data is UTF-8 (``^CI28``) and written with ``^FH`` hex escapes for ``^``, ``~`` and ``_``.
Chinese needs a CJK font stored on the printer; ``^CW1`` maps it to font 1. A picture (a
GS1 symbol) goes as ``^GFA`` graphic field in hexadecimal, a 1 bit printing a dot.
"""

from __future__ import annotations

from PIL import Image, ImageChops

from printers.document import Document
from printers.profile import PrinterProfile
from printers.renderers.label_layout import (
    PlacedBarcode,
    PlacedPicture,
    PlacedQr,
    PlacedText,
    place,
)

CJK_FONT = "E:SIMSUN.TTF"


def _field(text: str) -> str:
    escaped = text.replace("_", "_5F").replace("^", "_5E").replace("~", "_7E")
    return f"^FH^FD{escaped}^FS"


def render_zpl(document: Document, profile: PrinterProfile) -> bytes:
    label = place(document, profile)
    commands = [
        "^XA",
        "^CI28",
        f"^CW1,{CJK_FONT}",
        f"^PW{label.width}",
        f"^LL{label.height}",
        "^LH0,0",
    ]
    for item in label.items:
        if isinstance(item, PlacedText):
            dots = 24 * item.size
            commands.append(f"^FO{item.x},{item.y}^A1N,{dots},{dots}{_field(item.text)}")
        elif isinstance(item, PlacedQr):
            commands.append(
                f"^FO{item.x},{item.y}^BQN,2,{item.module_dots}^FH^FDMA,{_escape(item.payload)}^FS"
            )
        elif isinstance(item, PlacedBarcode):
            kind = (
                f"^BEN,{item.height},Y,N"
                if item.symbology == "EAN13"
                else f"^BCN,{item.height},Y,N,N"
            )
            commands.append(f"^FO{item.x},{item.y}^BY2{kind}{_field(item.code)}")
        elif isinstance(item, PlacedPicture):
            commands.append(f"^FO{item.x},{item.y}{_graphic_field(item.image)}^FS")
    commands.extend([f"^PQ{max(1, document.copies)}", "^XZ"])
    return ("\n".join(commands) + "\n").encode("utf-8")


def _graphic_field(image: Image.Image) -> str:
    width_bytes = (image.width + 7) // 8
    padded = Image.new("L", (width_bytes * 8, image.height), 255)
    padded.paste(image.convert("L"), (0, 0))
    bits = ImageChops.invert(padded).convert("1").tobytes()  # ZPL: a set bit prints
    return f"^GFA,{len(bits)},{len(bits)},{width_bytes},{bits.hex().upper()}"


def _escape(text: str) -> str:
    return text.replace("_", "_5F").replace("^", "_5E").replace("~", "_7E")
