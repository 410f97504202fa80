"""QR codes and barcodes as monochrome images, shared by the PNG and ESC/POS renderers."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any, cast

import zxingcpp
from barcode.codex import Gs1_128
from PIL import Image

from printers.document import Barcode, Picture
from printers.errors import PrintError

QR_BORDER_MODULES = 2
GS = "\x1d"  # FNC1 between variable-length fields, as a scanner sends it
LINEAR_QUIET_MODULES = 10  # the white margin each side of a Code 128 / GS1-128 symbol
MAX_BAR_DOTS = 3
DATAMATRIX_QUIET_MODULES = 2
MAX_MATRIX_DOTS = 4  # 0.5 mm modules at 203 dpi
BWIPP_SCALE = 4  # treepoem draws a module 2 × scale pixels wide
GS1_SYMBOLOGIES = ("GS1-128", "GS1-DATAMATRIX")


def qr_matrix(payload: str) -> Image.Image:
    """The QR modules for ``payload`` (error correction M), one pixel per module, no border."""
    try:
        symbol = zxingcpp.create_barcode(payload, zxingcpp.QRCode, ec_level="M")
    except Exception as error:  # zxing-cpp raises its own error for content it cannot hold
        raise PrintError(
            "Cannot make a QR code of this text: {detail}", detail=str(error)
        ) from error
    modules = symbol.to_image(scale=1, add_quiet_zones=False)
    rows, width = modules.shape[0], modules.shape[1]
    return Image.frombuffer("L", (width, rows), bytes(cast(Any, modules)), "raw", "L", 0, 1)


def qr_image(payload: str, module_dots: int, max_width: int) -> Image.Image:
    """The QR code for ``payload`` with a quiet border, as large as asked and as fits."""
    matrix = qr_matrix(payload)
    modules = matrix.width + 2 * QR_BORDER_MODULES
    dots = min(module_dots, max_width // modules)
    if dots < 2:
        raise PrintError("The QR code holds too much to print {width} dots wide", width=max_width)
    framed = Image.new("L", (modules, modules), 255)
    framed.paste(matrix, (QR_BORDER_MODULES, QR_BORDER_MODULES))
    return framed.resize((modules * dots, modules * dots), Image.Resampling.NEAREST).convert("1")


def barcode_image(barcode: Barcode, max_width: int, height: int = 80) -> Image.Image:
    """Bars for ``barcode`` (no digits: the renderers print those as text)."""
    if barcode.symbology == "GS1-128":
        return gs1_128_image(barcode.code, max_width, height)
    if barcode.symbology == "GS1-DATAMATRIX":
        return gs1_datamatrix_image(barcode.code, max_width)
    kind = zxingcpp.EAN13 if barcode.symbology == "EAN13" else zxingcpp.Code128
    try:
        symbol = zxingcpp.create_barcode(barcode.code, kind)
    except Exception as error:  # zxing-cpp raises its own error for bad content
        raise PrintError(
            "Cannot print {code} as a {symbology} barcode: {detail}",
            code=barcode.code,
            symbology=barcode.symbology,
            detail=str(error),
        ) from error
    bars = symbol.to_image(scale=1, add_hrt=False, add_quiet_zones=True)
    rows, width = bars.shape[0], bars.shape[1]
    plain = Image.frombuffer("L", (width, rows), bytes(cast(Any, bars)), "raw", "L", 0, 1).crop(
        (0, 0, width, 1)
    )
    scale = max(1, min(3, max_width // width))
    return plain.resize((width * scale, height), Image.Resampling.NEAREST).convert("1")


def gs1_elements(element_string: str) -> list[str]:
    """The fields of a GS1 element string in their printed form, ``(01)06901234567892``…;
    a string ``biip`` cannot read is refused before anything is drawn."""
    from biip import ParseError  # loaded with the first GS1 label, not with the printers
    from biip.gs1_messages import GS1Message

    try:
        message = GS1Message.parse(element_string)
    except ParseError as error:
        raise PrintError(
            "Cannot print {code!r} as a GS1 barcode: {detail}",
            code=element_string,
            detail=str(error),
        ) from None
    return [element.as_hri() for element in message.element_strings]


def gs1_128_modules(element_string: str) -> str:
    """The GS1-128 symbol of ``element_string`` as ``1`` (bar) and ``0`` (space) modules,
    quiet zones excluded. ``python-barcode`` encodes it: FNC1 first (what makes it GS1-128,
    read as ``]C1``) and FNC1 for each GS separator, code sets chosen for the shortest bars."""
    gs1_elements(element_string)
    symbol = Gs1_128(element_string.replace(GS, Gs1_128.FNC1_CHAR))
    modules: str = symbol.build()[0]
    return modules


def gs1_128_image(element_string: str, max_width: int, height: int) -> Image.Image:
    """The bars of a GS1-128 symbol with its quiet zones, each module as wide as fits (up to
    ``MAX_BAR_DOTS`` dots); a symbol that fits only below one dot a module is an error."""
    modules = gs1_128_modules(element_string)
    framed = "0" * LINEAR_QUIET_MODULES + modules + "0" * LINEAR_QUIET_MODULES
    scale = min(MAX_BAR_DOTS, max_width // len(framed))
    if scale < 1:
        raise PrintError(
            "The GS1-128 barcode needs {needed} dots but the paper has {width}: "
            "use a wider label or a shorter lot number",
            needed=len(framed),
            width=max_width,
        )
    row = bytes(0 if module == "1" else 255 for module in framed)
    line = Image.frombytes("L", (len(framed), 1), row)
    return line.resize((len(framed) * scale, height), Image.Resampling.NEAREST).convert("1")


@lru_cache(maxsize=256)
def gs1_datamatrix_modules(element_string: str) -> tuple[tuple[bool, ...], ...]:
    """The GS1 DataMatrix (ECC 200, FNC1 first: read as ``]d2``) of ``element_string``, one
    ``True`` per dark module, rows from the top, no quiet zone.

    BWIPP encodes it, through ``treepoem`` and Ghostscript (a second or more a symbol, hence
    the cache); we sample its picture at the centre of each module and draw whole dots.
    """
    elements = gs1_elements(element_string)
    if any(char in "()" for element in elements for char in element[4:]):
        raise PrintError(
            "A GS1 DataMatrix cannot be made of {code}: a bracket inside a field; "
            "print a GS1-128 instead",
            code="".join(elements),
        )
    try:
        import treepoem

        picture = treepoem.generate_barcode("gs1datamatrix", "".join(elements), scale=BWIPP_SCALE)
    except ImportError:
        raise PrintError("GS1 DataMatrix needs treepoem and Ghostscript installed") from None
    except Exception as error:  # treepoem's error: BWIPP refused, or Ghostscript is missing
        raise PrintError(
            "A GS1 DataMatrix cannot be made of {code}: {detail}",
            code="".join(elements),
            detail=str(error),
        ) from None
    grey = picture.convert("L")
    box = grey.point(lambda value: 255 if value < 128 else 0).getbbox()
    if box is None:
        raise PrintError(
            "A GS1 DataMatrix cannot be made of {code}: {detail}",
            code="".join(elements),
            detail="empty picture",
        )
    module = 2 * BWIPP_SCALE
    left, top, right, bottom = box
    columns = round((right - left) / module)
    rows = round((bottom - top) / module)
    pixels = grey.load()
    assert pixels is not None
    return tuple(
        tuple(
            cast(int, pixels[left + x * module + module // 2, top + y * module + module // 2]) < 128
            for x in range(columns)
        )
        for y in range(rows)
    )


def gs1_datamatrix_image(element_string: str, max_width: int) -> Image.Image:
    """The GS1 DataMatrix with its quiet zone, modules as many dots as fit (up to
    ``MAX_MATRIX_DOTS``); checked by reading it back before it is printed."""
    matrix = gs1_datamatrix_modules(element_string)
    rows, columns = len(matrix), len(matrix[0])
    quiet = DATAMATRIX_QUIET_MODULES
    dots = min(MAX_MATRIX_DOTS, max_width // (columns + 2 * quiet))
    if dots < 1:
        raise PrintError(
            "The GS1 DataMatrix needs {needed} dots but the paper has {width}",
            needed=columns + 2 * quiet,
            width=max_width,
        )
    plain = Image.new("L", (columns + 2 * quiet, rows + 2 * quiet), 255)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                plain.putpixel((x + quiet, y + quiet), 0)
    image = plain.resize((plain.width * dots, plain.height * dots), Image.Resampling.NEAREST)
    read = [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.DataMatrix]
    if [(r.symbology_identifier, r.bytes) for r in read] != [
        ("]d2", element_string.encode("ascii"))
    ]:
        raise PrintError(
            "A GS1 DataMatrix cannot be made of {code}: {detail}",
            code=element_string,
            detail="the drawn symbol does not read back",
        )
    return image.convert("1")


def human_readable_lines(barcode: Barcode, columns: int) -> list[str]:
    """The text printed under a barcode, in lines of at most ``columns`` characters: the
    digits, or for a GS1 symbol the ``(AI)value`` fields, broken between fields where it
    must."""
    if barcode.symbology not in GS1_SYMBOLOGIES:
        return [barcode.code]
    lines: list[str] = []
    current = ""
    for element in gs1_elements(barcode.code):
        if len(current) + len(element) <= columns:
            current += element
            continue
        if current:
            lines.append(current)
        while len(element) > columns:
            lines.append(element[:columns])
            element = element[columns:]
        current = element
    if current:
        lines.append(current)
    return lines


def picture_image(picture: Picture, max_width: int) -> Image.Image:
    image: Image.Image = Image.open(io.BytesIO(picture.png))
    image.load()
    if image.width > max_width:
        image = image.resize((max_width, image.height * max_width // image.width))
    return image.convert("1")
