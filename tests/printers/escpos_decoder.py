"""Reads the ESC/POS bytes our renderers emit back into a transcript a person can check.

It knows exactly the commands printers/renderers/escpos_text.py sends; anything else is a
problem, as is text that would print wrong: a `?`, a byte that is not valid GBK/GB18030, a
non-ASCII byte outside Chinese mode, or a line wider than the paper. Pictures sent in
fragments are joined again and any QR code or barcode in them is decoded with zxing-cpp.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import zxingcpp
from PIL import Image

ESC, GS, FS, DLE = 0x1B, 0x1D, 0x1C, 0x10


@dataclass
class Transcript:
    entries: list[str] = field(default_factory=list)
    lines: list[tuple[str, int, bool]] = field(default_factory=list)  # text, size, bold
    codes: list[tuple[str, str]] = field(default_factory=list)  # symbology, payload
    pictures: list[Image.Image] = field(default_factory=list)
    fragment_heights: list[int] = field(default_factory=list)
    cuts: int = 0
    drawer_kicks: int = 0
    problems: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "\n".join(self.entries) + "\n"


def _gbk_char_length(data: bytes, at: int, encoding: str) -> int:
    """Length of the multi-byte character at ``at`` (0 if the bytes are not one)."""
    lead = data[at]
    if not 0x81 <= lead <= 0xFE or at + 1 >= len(data):
        return 0
    second = data[at + 1]
    if 0x40 <= second <= 0xFE and second != 0x7F:
        return 2
    four_byte = (
        encoding == "gb18030"
        and 0x30 <= second <= 0x39
        and at + 3 < len(data)
        and 0x81 <= data[at + 2] <= 0xFE
        and 0x30 <= data[at + 3] <= 0x39
    )
    return 4 if four_byte else 0


class Decoder:
    def __init__(self, data: bytes, *, columns: int, encoding: str = "gbk") -> None:
        self.data = data
        self.columns = columns
        self.encoding = encoding
        self.at = 0
        self.out = Transcript()
        self.chinese = False
        self.bold = False
        self.size = 1
        self.line = b""
        self.line_width = 0
        self.raster_rows: list[Image.Image] = []
        self.qr_store = b""

    def take(self, count: int) -> bytes:
        chunk = self.data[self.at : self.at + count]
        if len(chunk) < count:
            raise ValueError(f"command cut short at byte {self.at}")
        self.at += count
        return chunk

    def decode(self) -> Transcript:
        while self.at < len(self.data):
            byte = self.data[self.at]
            if byte in (ESC, GS, FS):
                self._flush_picture_unless_raster()
                self.at += 1
                self._command(byte)
            elif byte == 0x0A:
                self._flush_picture()
                self.at += 1
                self._end_line()
            else:
                self._flush_picture()
                self._text_byte()
        self._flush_picture()
        if self.line:
            self._end_line()
        return self.out

    def _flush_picture_unless_raster(self) -> None:
        # Fragments of one picture follow each other directly (GS v 0 after GS v 0).
        if self.data[self.at : self.at + 3] != b"\x1dv0":
            self._flush_picture()

    def _command(self, prefix: int) -> None:
        command = self.take(1)[0]
        if prefix == ESC and command == ord("@"):
            self.out.entries.append("[init]")
        elif prefix == ESC and command == ord("E"):
            self.bold = self.take(1)[0] == 1
            self.out.entries.append(f"[bold {'on' if self.bold else 'off'}]")
        elif prefix == ESC and command == ord("a"):
            value = self.take(1)[0]
            self.out.entries.append(f"[align {('left', 'center', 'right')[value % 48]}]")
        elif prefix == ESC and command == ord("d"):
            self.out.entries.append(f"[feed {self.take(1)[0]}]")
        elif prefix == ESC and command == ord("p"):
            pin, _on, _off = self.take(3)
            self.out.drawer_kicks += 1
            self.out.entries.append(f"[drawer pin {2 if pin in (0, 48) else 5}]")
        elif prefix == GS and command == ord("!"):
            value = self.take(1)[0]
            width, height = (value >> 4) + 1, (value & 0x0F) + 1
            self.size = width
            if width != height:
                self.out.problems.append(f"uneven magnification {width}x{height}")
            self.out.entries.append(f"[size {width}x{height}]")
        elif prefix == GS and command == ord("V"):
            mode = self.take(1)[0]
            if mode in (65, 66):
                self.take(1)
            self.out.cuts += 1
            self.out.entries.append("[cut]")
        elif prefix == GS and command == ord("v"):
            self._raster()
        elif prefix == GS and command == ord("("):
            self._two_d_code()
        elif prefix == FS and command == ord("&"):
            self.chinese = True
        elif prefix == FS and command == ord("."):
            self.chinese = False
        else:
            self.out.problems.append(
                f"unknown command {prefix:02X} {command:02X} at byte {self.at - 2}"
            )

    def _raster(self) -> None:
        _zero, _density, xl, xh, yl, yh = self.take(6)
        width_bytes, height = xl + 256 * xh, yl + 256 * yh
        raw = self.take(width_bytes * height)
        # Raster bits: 1 = black dot; PIL's "1" mode uses 1 = white, so invert.
        image = Image.frombytes("1", (width_bytes * 8, height), bytes(b ^ 0xFF for b in raw))
        self.raster_rows.append(image)
        self.out.fragment_heights.append(height)

    def _flush_picture(self) -> None:
        if not self.raster_rows:
            return
        width = max(part.width for part in self.raster_rows)
        height = sum(part.height for part in self.raster_rows)
        picture = Image.new("1", (width, height), 1)
        y = 0
        for part in self.raster_rows:
            picture.paste(part, (0, y))
            y += part.height
        self.raster_rows = []
        self.out.pictures.append(picture)
        framed = Image.new("L", (width + 40, height + 40), 255)
        framed.paste(picture.convert("L"), (20, 20))
        found = zxingcpp.read_barcodes(framed)
        if not found:
            self.out.entries.append(f"[picture {width}x{height}]")
        for symbol in found:
            kind = "QR" if symbol.format == zxingcpp.QRCode else str(symbol.format).split(".")[-1]
            self.out.codes.append((kind, symbol.text))
            self.out.entries.append(f"[picture {kind} {symbol.text}]")

    def _two_d_code(self) -> None:
        kind, low, high = self.take(3)
        body = self.take(low + 256 * high)  # cn fn [m] data
        if kind != ord("k") or body[:1] != b"1":
            self.out.problems.append(f"GS ( {chr(kind)} other than a QR code")
            return
        function = body[1]
        if function == 80:
            self.qr_store = body[3:]
        elif function == 81:
            payload = self.qr_store.decode("utf-8")
            self.out.codes.append(("QR", payload))
            self.out.entries.append(f"[native QR {payload}]")

    def _text_byte(self) -> None:
        byte = self.data[self.at]
        if byte < 0x20:
            self.out.problems.append(f"control byte {byte:02X} in text at {self.at}")
            self.at += 1
            return
        if byte < 0x80:
            if byte == ord("?"):
                self.out.problems.append(f"'?' printed at byte {self.at}")
            self.line += bytes([byte])
            self.line_width += self.size
            self.at += 1
            return
        if not self.chinese:
            self.out.problems.append(f"non-ASCII byte {byte:02X} outside Chinese mode at {self.at}")
        length = _gbk_char_length(self.data, self.at, self.encoding)
        if length == 0:
            self.out.problems.append(f"invalid {self.encoding} bytes at {self.at}")
            length = 1
        self.line += self.data[self.at : self.at + length]
        self.line_width += 2 * self.size
        self.at += length

    def _end_line(self) -> None:
        text = self.line.decode(self.encoding, errors="replace")
        if self.line_width > self.columns:
            self.out.problems.append(
                f"line over {self.columns} columns ({self.line_width}): {text!r}"
            )
        self.out.lines.append((text, self.size, self.bold))
        self.out.entries.append(f"|{text}")
        self.line = b""
        self.line_width = 0


def decode(data: bytes, *, columns: int, encoding: str = "gbk") -> Transcript:
    return Decoder(data, columns=columns, encoding=encoding).decode()
