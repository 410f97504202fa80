"""Text a printer can print: what it cannot is replaced, never a reason to stop a receipt.

Titles come from the online catalog and from CSV files, where emoji, zero-width characters and
control characters turn up. Each such character (and any the printer's encoding has no code
for) is printed as a visible substitute, ``□`` (``?`` where the encoding lacks that too), and
logged once per character and encoding, so the receipt still prints and someone can fix the
title.
"""

from __future__ import annotations

import logging
import unicodedata
from dataclasses import replace

from printers.document import Block, Document, Row, Text

log = logging.getLogger(__name__)

SUBSTITUTE = "□"
# Control, format (zero-width, direction marks), private-use, surrogate and unassigned.
_NEVER_PRINTED = frozenset({"Cc", "Cf", "Co", "Cs", "Cn"})
_logged: set[tuple[str, str]] = set()


def _printable(char: str, encoding: str) -> bool:
    if char == "\n":
        return True  # a paragraph break, laid out as such
    if unicodedata.category(char) in _NEVER_PRINTED:
        return False
    try:
        char.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def substitute_for(encoding: str) -> str:
    try:
        SUBSTITUTE.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "?"
    return SUBSTITUTE


def printable_text(text: str, encoding: str, *, where: str = "") -> str:
    """``text`` with every character the printer cannot print replaced (and logged once)."""
    if text.isascii() and text.isprintable():
        return text  # the usual case
    out: list[str] = []
    for char in text:
        if _printable(char, encoding):
            out.append(char)
            continue
        out.append(substitute_for(encoding))
        if (char, encoding) not in _logged:
            _logged.add((char, encoding))
            log.warning(
                "U+%04X cannot be printed in %s (in %s): printed as %s",
                ord(char), encoding, where or "a document", substitute_for(encoding),
            )  # fmt: skip
    return "".join(out)


def _block(block: Block, encoding: str, where: str) -> Block:
    if isinstance(block, Text):
        return replace(block, text=printable_text(block.text, encoding, where=where))
    if isinstance(block, Row):
        cells = tuple(printable_text(cell, encoding, where=where) for cell in block.cells)
        return replace(block, cells=cells)
    return block


def printable(document: Document, encoding: str) -> Document:
    """``document`` with every text block's unprintable characters replaced."""
    blocks = tuple(_block(block, encoding, document.title) for block in document.blocks)
    return replace(document, blocks=blocks)
