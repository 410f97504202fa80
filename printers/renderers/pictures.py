"""QR codes and barcodes as monochrome images, shared by the PNG and ESC/POS renderers."""

from __future__ import annotations

import io
from typing import Any, cast

import qrcode
import zxingcpp
from PIL import Image

from printers.document import Barcode, Picture
from printers.errors import PrintError

QR_BORDER_MODULES = 2


def qr_image(payload: str, module_dots: int, max_width: int) -> Image.Image:
    """The QR code for ``payload`` (error correction M), as large as asked and as fits."""
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, box_size=1, border=QR_BORDER_MODULES
    )
    code.add_data(payload.encode("utf-8"))
    code.make(fit=True)
    modules = code.modules_count + 2 * QR_BORDER_MODULES
    dots = max(1, min(module_dots, max_width // modules))
    if dots < 2:
        raise PrintError("The QR code holds too much to print {width} dots wide", width=max_width)
    matrix = code.get_matrix()
    small = Image.new("1", (modules, modules), 1)
    pixels = small.load()
    assert pixels is not None
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pixels[x, y] = 0
    return small.resize((modules * dots, modules * dots), Image.Resampling.NEAREST)


def barcode_image(barcode: Barcode, max_width: int, height: int = 80) -> Image.Image:
    """Bars for ``barcode`` (no digits: the renderers print those as text)."""
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


def picture_image(picture: Picture, max_width: int) -> Image.Image:
    image: Image.Image = Image.open(io.BytesIO(picture.png))
    image.load()
    if image.width > max_width:
        image = image.resize((max_width, image.height * max_width // image.width))
    return image.convert("1")
