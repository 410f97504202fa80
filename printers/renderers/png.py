"""The document drawn as the printer would print it: a preview, a test golden, a raster job.

Each laid-out line is drawn on the printer's character grid (12×24 dots per column, a Chinese
character in two columns) with the pinned CJK font, so the picture shows exactly the columns
the text-mode printer uses. Glyphs are drawn once and reused.
"""

from __future__ import annotations

import io
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from printers.document import Barcode, Document, Feed, Picture, QrCode
from printers.errors import PrinterSetupError
from printers.layout import CharWidths, LaidOut, Line, layout
from printers.printable import printable
from printers.profile import PrinterProfile
from printers.renderers.pictures import (
    barcode_image,
    human_readable_lines,
    picture_image,
    qr_image,
)

CELL_HEIGHT = 24
LINE_GAP = 6
LINE_HEIGHT = CELL_HEIGHT + LINE_GAP


@lru_cache(maxsize=8)
def load_font(font_path: str, pixels: int) -> ImageFont.FreeTypeFont:
    """The CJK font at ``pixels`` size; a clear error when the font file is missing."""
    if not Path(font_path).is_file():
        raise PrinterSetupError(
            "The Chinese font {path} is missing; install fonts-wqy-microhei or set the font path",
            path=font_path,
        )
    return ImageFont.truetype(font_path, pixels)


@lru_cache(maxsize=8192)
def glyph(
    font_path: str, char: str, columns: int, size: int, bold: bool, cell_width: int
) -> Image.Image:
    """One character as a mask the size of its cells, centred horizontally."""
    width, height = columns * cell_width * size, CELL_HEIGHT * size
    if char == " ":
        return Image.new("L", (width, height), 0)
    font = load_font(font_path, (CELL_HEIGHT - 2) * size)
    probe = ImageDraw.Draw(Image.new("L", (1, 1)))
    left, _top, right, _bottom = probe.textbbox((0, 0), char, font=font, anchor="ls")
    # A wide Latin letter (M, W) is drawn on a wider canvas and squeezed into its cell.
    canvas_width = max(width, int(right - left) + 1 + int(bold))
    mask = Image.new("L", (canvas_width, height), 0)
    draw = ImageDraw.Draw(mask)
    x = (canvas_width - (right - left)) / 2 - left
    baseline = height - 5 * size
    draw.text((x, baseline), char, fill=255, font=font, anchor="ls")
    if bold:
        draw.text((x + 1, baseline), char, fill=255, font=font, anchor="ls")
    if canvas_width != width:
        mask = mask.resize((width, height), Image.Resampling.BILINEAR)
    return mask


def _item_height(item: LaidOut, profile: PrinterProfile) -> tuple[int, Image.Image | None]:
    if isinstance(item, Line):
        return LINE_HEIGHT * item.size, None
    if isinstance(item, QrCode):
        image = qr_image(item.payload, item.module_dots, profile.dot_width)
        return image.height, image
    if isinstance(item, Barcode):
        image = barcode_image(item, profile.dot_width)
        return image.height + LINE_HEIGHT * len(human_readable_lines(item, profile.columns)), image
    if isinstance(item, Picture):
        image = picture_image(item, profile.dot_width)
        return image.height, image
    if isinstance(item, Feed):
        return LINE_HEIGHT * item.lines, None
    return 0, None  # cut and drawer kick draw nothing


def render_image(document: Document, profile: PrinterProfile) -> Image.Image:
    """A 1-bit image ``profile.dot_width`` dots wide of the whole document (one copy)."""
    document = printable(document, profile.encoding)
    items = layout(document, profile.columns, profile.encoding)
    widths = CharWidths(profile.encoding)
    cell_width = profile.dot_width // profile.columns
    margin = (profile.dot_width - cell_width * profile.columns) // 2
    measured = [_item_height(item, profile) for item in items]
    total = sum(height for height, _ in measured) + LINE_GAP * 2
    canvas = Image.new("L", (profile.dot_width, max(total, 1)), 255)
    y = LINE_GAP
    for item, (height, picture) in zip(items, measured, strict=True):
        if isinstance(item, Line):
            x = margin
            for char in item.text:
                columns = widths.of(char)
                if char != " ":  # most of a receipt is padding: nothing to draw
                    mask = glyph(profile.font_path, char, columns, item.size, item.bold, cell_width)
                    canvas.paste(0, (x, y), mask)
                x += columns * cell_width * item.size
        elif picture is not None:
            canvas.paste(picture.convert("L"), ((profile.dot_width - picture.width) // 2, y))
            if isinstance(item, Barcode):
                below = human_readable_lines(item, profile.columns)
                for row, text in enumerate(below):
                    top = y + picture.height + row * LINE_HEIGHT
                    _centred_text(canvas, text, top, profile, widths, cell_width)
        y += height
    return canvas.point(lambda value: 255 if value >= 128 else 0).convert("1")


def _centred_text(
    canvas: Image.Image,
    text: str,
    y: int,
    profile: PrinterProfile,
    widths: CharWidths,
    cell_width: int,
) -> None:
    x = (profile.dot_width - widths.text(text) * cell_width) // 2
    for char in text:
        mask = glyph(profile.font_path, char, widths.of(char), 1, False, cell_width)
        canvas.paste(0, (x, y), mask)
        x += mask.width


def render_png(document: Document, profile: PrinterProfile) -> bytes:
    """The document as PNG bytes."""
    buffer = io.BytesIO()
    render_image(document, profile).save(buffer, format="PNG", compress_level=1)
    return buffer.getvalue()
