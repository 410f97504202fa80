"""Column layout: a document becomes the exact lines a receipt printer prints.

Width is counted in the printer encoding's bytes, which is how a thermal printer spends its
columns: an ASCII character takes one column, a Chinese character (or `￥`, `·`, `×`, `—`,
all two bytes in GBK) takes two. Chinese wraps at any character; Latin words wrap at spaces.
A character the encoding cannot hold stops the layout with ``UnprintableCharacter``.
"""

from __future__ import annotations

from dataclasses import dataclass

from printers.document import (
    Align,
    Barcode,
    Block,
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
from printers.errors import UnprintableCharacter

# A character may not start a line (closing punctuation); it stays with the one before it.
NO_LINE_START = frozenset("，。、；：！？）》」』】,.;:!?)")


class CharWidths:
    """How many columns each character takes in one printer encoding."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._cache: dict[str, int] = {}

    def of(self, char: str) -> int:
        width = self._cache.get(char)
        if width is None:
            width = self._measure(char)
            self._cache[char] = width
        return width

    def _measure(self, char: str) -> int:
        if char < " " or char == "\x7f":
            raise UnprintableCharacter(character=char, codepoint=ord(char), encoding=self.encoding)
        try:
            encoded = char.encode(self.encoding)
        except UnicodeEncodeError:
            raise UnprintableCharacter(
                character=char, codepoint=ord(char), encoding=self.encoding
            ) from None
        # GB18030's four-byte characters still print in a double-width cell.
        return 1 if len(encoded) == 1 else 2

    def text(self, text: str) -> int:
        if text.isascii() and text.isprintable():
            return len(text)
        return sum(self.of(char) for char in text)


@dataclass(frozen=True)
class Line:
    """One printed line, already padded for its alignment; ``size`` magnifies each character."""

    text: str
    bold: bool = False
    size: int = 1


LaidOut = Line | QrCode | Barcode | Picture | Feed | Cut | DrawerKick


def _tokens(paragraph: str) -> list[str]:
    """Latin words and spaces stay whole; every other character is a token of its own."""
    tokens: list[str] = []
    word = ""
    for char in paragraph:
        if (char.isascii() and char != " ") or char == "￥":  # ￥ stays with its amount
            word += char
            continue
        if word:
            tokens.append(word)
            word = ""
        tokens.append(char)
    if word:
        tokens.append(word)
    return tokens


def wrap(text: str, width: int, widths: CharWidths) -> list[str]:
    """Break ``text`` into lines of at most ``width`` columns (newlines are kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        if widths.text(paragraph) <= width:  # the usual case: it fits
            lines.append(paragraph.rstrip())
            continue
        current = ""
        used = 0
        for token in _tokens(paragraph):
            size = widths.text(token)
            if used + size <= width:
                current += token
                used += size
                continue
            if token == " ":
                lines.append(current.rstrip())
                current, used = "", 0
                continue
            if size > width:  # a word longer than the line: break it per character
                for char in token:
                    char_width = widths.of(char)
                    if used + char_width > width:
                        lines.append(current.rstrip())
                        current, used = "", 0
                    current += char
                    used += char_width
                continue
            if token in NO_LINE_START and len(current) > 1:
                # Carry the last character down with the punctuation mark.
                carried = current[-1]
                lines.append(current[:-1].rstrip())
                current, used = carried + token, widths.text(carried + token)
                continue
            lines.append(current.rstrip())
            current, used = token, size
        lines.append(current.rstrip())
    return lines


def pad(text: str, width: int, align: Align, widths: CharWidths) -> str:
    """Place ``text`` in a field of ``width`` columns (trailing spaces are dropped)."""
    room = width - widths.text(text)
    if room <= 0 or align == "left":
        return text
    if align == "right":
        return " " * room + text
    return " " * (room // 2) + text


def layout_row(cells: tuple[str, ...], columns: int, widths: CharWidths) -> list[str]:
    """Lay out a two- or three-cell row; the first cell wraps, the rest stay right-aligned."""
    if len(cells) == 1:
        return wrap(cells[0], columns, widths)
    rest = cells[1:]
    # Each trailing cell gets a field of at least a quarter line, so amounts line up across rows.
    field = max(columns // 4, 8) if len(rest) > 1 else 0
    fields = [max(widths.text(cell), field) for cell in rest]
    right = " ".join(
        pad(cell, size, "right", widths) for cell, size in zip(rest, fields, strict=True)
    )
    right_width = widths.text(right)
    left_room = columns - right_width - 1
    if left_room < max(6, columns // 4):
        # Not enough room side by side: the first cell above, the others right-aligned below.
        lines = wrap(cells[0], columns, widths) if cells[0] else []
        tail = " ".join(cell for cell in rest if cell)
        for part in wrap(tail, columns, widths):
            lines.append(pad(part, columns, "right", widths))
        return lines
    left_lines = wrap(cells[0], left_room, widths)
    if len(left_lines) > 1 and len(rest) > 1:
        # Quantity, discount and amount read badly when the first cell breaks: stack instead.
        return [*wrap(cells[0], columns, widths), pad(right.lstrip(), columns, "right", widths)]
    first = left_lines[0]
    gap = columns - widths.text(first) - right_width
    return [first + " " * gap + right, *left_lines[1:]]


def layout(document: Document, columns: int, encoding: str) -> list[LaidOut]:
    """Lay out every block of ``document`` for a printer of ``columns`` columns."""
    widths = CharWidths(encoding)
    out: list[LaidOut] = []
    for block in document.blocks:
        out.extend(_layout_block(block, columns, widths))
    return out


def _layout_block(block: Block, columns: int, widths: CharWidths) -> list[LaidOut]:
    if isinstance(block, Text):
        size = max(1, min(block.size, 2))
        width = columns // size
        return [
            Line(pad(line, width, block.align, widths), block.bold, size)
            for line in wrap(block.text, width, widths)
        ]
    if isinstance(block, Row):
        return [Line(line, block.bold) for line in layout_row(block.cells, columns, widths)]
    if isinstance(block, Rule):
        return [Line(block.char * (columns // widths.of(block.char)))]
    return [block]  # pictures, codes and commands pass through
