"""Reads the TSPL and ZPL our label renderers emit back into the label they print.

Only the commands printers/renderers/tspl.py and zpl.py send are understood; the pictures
(TSPL ``BITMAP``, ZPL ``^GFA``) are pasted on a white label of the size the commands set, so
zxing-cpp reads the barcode from the printed label itself, not from our own idea of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import zxingcpp
from PIL import Image

DOTS_PER_MM = 8


@dataclass
class Label:
    commands: list[str] = field(default_factory=list)  # every command, pictures abridged
    texts: list[tuple[int, int, str]] = field(default_factory=list)  # x, y, text
    canvas: Image.Image | None = None  # the label, mode "1", pictures only
    copies: int = 0

    def symbols(self) -> list[zxingcpp.Barcode]:
        assert self.canvas is not None
        framed = Image.new("L", (self.canvas.width + 40, self.canvas.height + 40), 255)
        framed.paste(self.canvas.convert("L"), (20, 20))
        return list(zxingcpp.read_barcodes(framed))


def decode_tspl(data: bytes, encoding: str = "gbk") -> Label:
    label = Label()
    at = 0
    while at < len(data):
        if data.startswith(b"BITMAP ", at):
            header_end = at
            for _ in range(5):  # x, y, width bytes, height, mode, then the data
                header_end = data.index(b",", header_end) + 1
            x, y, width_bytes, height, mode = (
                int(v) for v in data[at + 7 : header_end - 1].split(b",")
            )
            assert mode == 0, "pictures overwrite what is under them"
            raw = data[header_end : header_end + width_bytes * height]
            picture = Image.frombytes("1", (width_bytes * 8, height), raw)  # 0 bit = dot
            assert label.canvas is not None, "BITMAP before SIZE"
            label.canvas.paste(picture, (x, y))
            at = header_end + len(raw)
            assert data[at : at + 2] == b"\r\n"
            label.commands.append(f"BITMAP {x},{y},{width_bytes},{height},{mode},<picture>")
            at += 2
            continue
        end = data.index(b"\r\n", at)
        command = data[at:end].decode(encoding)
        label.commands.append(command)
        at = end + 2
        if match := re.fullmatch(r"SIZE (\d+) mm,(\d+) mm", command):
            width, height = (int(v) * DOTS_PER_MM for v in match.groups())
            label.canvas = Image.new("1", (width, height), 1)
        elif match := re.fullmatch(r'TEXT (\d+),(\d+),"TSS24.BF2",0,\d,\d,"(.*)"', command):
            label.texts.append((int(match[1]), int(match[2]), match[3]))
        elif match := re.fullmatch(r"PRINT 1,(\d+)", command):
            label.copies = int(match[1])
    return label


def decode_zpl(data: bytes) -> Label:
    label = Label()
    text = data.decode("utf-8")
    width = int(re.search(r"\^PW(\d+)", text)[1])  # type: ignore[index]
    height = int(re.search(r"\^LL(\d+)", text)[1])  # type: ignore[index]
    label.canvas = Image.new("1", (width, height), 1)
    for line in text.splitlines():
        if match := re.fullmatch(r"\^FO(\d+),(\d+)\^GFA,(\d+),(\d+),(\d+),([0-9A-F]+)\^FS", line):
            x, y, total, _same, width_bytes = (int(v) for v in match.groups()[:5])
            raw = bytes.fromhex(match[6])
            assert len(raw) == total
            rows = total // width_bytes
            inverted = bytes(b ^ 0xFF for b in raw)  # ZPL: a set bit prints
            label.canvas.paste(Image.frombytes("1", (width_bytes * 8, rows), inverted), (x, y))
            label.commands.append(f"^FO{x},{y}^GFA,{total},{total},{width_bytes},<picture>^FS")
            continue
        label.commands.append(line)
        if match := re.fullmatch(r"\^FO(\d+),(\d+)\^A1N,\d+,\d+\^FH\^FD(.*)\^FS", line):
            label.texts.append((int(match[1]), int(match[2]), match[3]))
        elif match := re.fullmatch(r"\^PQ(\d+)", line):
            label.copies = int(match[1])
    return label
