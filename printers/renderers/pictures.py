"""QR codes and barcodes as monochrome images, shared by the PNG and ESC/POS renderers."""

from __future__ import annotations

import io
from typing import Any, cast

import zxingcpp
from PIL import Image

from printers.document import Barcode, Picture
from printers.errors import PrintError

QR_BORDER_MODULES = 2


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
