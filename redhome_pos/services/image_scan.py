"""Codes in a picture: a camera frame, a photo of a label, a screenshot a customer sends.

Every QR code and barcode found in the image is decoded with zxing-cpp and handed to the scan
router, so a code read from a picture means exactly what it means from a scanner.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import zxingcpp
from PIL import Image, UnidentifiedImageError

from redhome_pos.domain.scan import ScanError, ScanResult, ScanSettings, route


@dataclass(frozen=True, slots=True)
class ImageCode:
    """One code found in an image: its text, its symbology, and what the router made of it
    (``result``) or why the router refused it (``error``)."""

    text: str
    symbology: str
    result: ScanResult | None
    error: ScanError | None = None


def scan_image(image: Image.Image, settings: ScanSettings | None = None) -> list[ImageCode]:
    """Every code in ``image``, top to bottom then left to right."""
    if image.mode not in ("L", "RGB"):
        image = image.convert("RGB")
    found = [code for code in zxingcpp.read_barcodes(image) if code.valid and code.text]
    found.sort(key=lambda code: (code.position.top_left.y, code.position.top_left.x))
    return [_routed(str(code.text), _symbology(code), settings) for code in found]


def scan_image_file(path: Path | str, settings: ScanSettings | None = None) -> list[ImageCode]:
    """Every code in the picture stored at ``path``."""
    try:
        with Image.open(path) as image:
            image.load()
            return scan_image(image, settings)
    except (OSError, UnidentifiedImageError, ValueError):
        raise ScanError("The picture {name} cannot be read", name=Path(path).name) from None


def _routed(text: str, symbology: str, settings: ScanSettings | None) -> ImageCode:
    try:
        return ImageCode(text, symbology, route(text, settings))
    except ScanError as error:
        return ImageCode(text, symbology, None, error)


def _symbology(code: zxingcpp.Barcode) -> str:
    return str(code.format)  # the readable name: "QR Code", "EAN-13", …
