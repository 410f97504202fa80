"""A print document that knows nothing of printers: what to print, not how.

Templates build a ``Document``; renderers lay it out for one printer (columns, encoding, dots).
A document turns into plain JSON and back, so the print queue can keep it in the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Align = Literal["left", "center", "right"]


@dataclass(frozen=True)
class Text:
    """A paragraph, wrapped to the paper width. ``size`` is the character magnification (1-2)."""

    text: str
    align: Align = "left"
    bold: bool = False
    size: int = 1


@dataclass(frozen=True)
class Row:
    """Two or three cells on one line: the first is left-aligned and wraps if it must,
    the others keep their width and are right-aligned."""

    cells: tuple[str, ...]
    bold: bool = False


@dataclass(frozen=True)
class Rule:
    """A line across the paper."""

    char: str = "-"


@dataclass(frozen=True)
class QrCode:
    """A QR code; ``module_dots`` is the size of one QR module in printer dots."""

    payload: str
    module_dots: int = 6


Symbology = Literal["EAN13", "CODE128", "GS1-128", "GS1-DATAMATRIX"]


@dataclass(frozen=True)
class Barcode:
    """A barcode printed with its human-readable text below.

    For ``GS1-128`` and ``GS1-DATAMATRIX`` the code is a GS1 element string (``01…17…10…``)
    with a GS character (FNC1) after each variable-length field that is not last, as
    ``redhome_pos.domain.gs1`` makes it; the text below is its ``(01)…(17)…(10)…`` form.
    """

    code: str
    symbology: Symbology = "CODE128"


@dataclass(frozen=True)
class Picture:
    """A monochrome picture (a logo) given as PNG bytes."""

    png: bytes


@dataclass(frozen=True)
class Feed:
    lines: int = 1


@dataclass(frozen=True)
class Cut:
    """Cut the paper here (ignored by printers without a cutter)."""


@dataclass(frozen=True)
class DrawerKick:
    """Open the cash drawer attached to the printer."""


Block = Text | Row | Rule | QrCode | Barcode | Picture | Feed | Cut | DrawerKick


@dataclass(frozen=True)
class Document:
    """An ordered list of blocks with a title saying what it is (for the queue list).

    ``copies`` prints the whole document that many times in one job (a label printer's own
    copy count; a receipt printer prints the blocks again)."""

    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    copies: int = 1

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.title,
            "blocks": [_block_to_json(block) for block in self.blocks],
        }
        if self.copies != 1:
            data["copies"] = self.copies
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        return cls(
            title=str(data["title"]),
            blocks=tuple(_block_from_json(item) for item in data["blocks"]),
            copies=int(data.get("copies", 1)),
        )


class DocumentBuilder:
    """Collects blocks in order; templates read as the receipt reads."""

    def __init__(self, title: str) -> None:
        self.title = title
        self._blocks: list[Block] = []

    def add(self, block: Block) -> DocumentBuilder:
        self._blocks.append(block)
        return self

    def text(
        self, text: str, align: Align = "left", *, bold: bool = False, size: int = 1
    ) -> DocumentBuilder:
        return self.add(Text(text, align, bold, size))

    def row(self, *cells: str, bold: bool = False) -> DocumentBuilder:
        return self.add(Row(tuple(cells), bold))

    def rule(self, char: str = "-") -> DocumentBuilder:
        return self.add(Rule(char))

    def build(self) -> Document:
        return Document(self.title, tuple(self._blocks))


_KINDS: dict[str, type[Any]] = {
    "text": Text,
    "row": Row,
    "rule": Rule,
    "qr": QrCode,
    "barcode": Barcode,
    "picture": Picture,
    "feed": Feed,
    "cut": Cut,
    "drawer": DrawerKick,
}
_NAMES = {kind: name for name, kind in _KINDS.items()}


def _block_to_json(block: Block) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": _NAMES[type(block)]}
    data.update(block.__dict__)
    if isinstance(block, Row):
        data["cells"] = list(block.cells)
    if isinstance(block, Picture):
        data["png"] = block.png.hex()
    return data


def _block_from_json(data: dict[str, Any]) -> Block:
    values = dict(data)
    kind = _KINDS[values.pop("kind")]
    if kind is Row:
        values["cells"] = tuple(values["cells"])
    if kind is Picture:
        values["png"] = bytes.fromhex(values["png"])
    block: Block = kind(**values)
    return block
