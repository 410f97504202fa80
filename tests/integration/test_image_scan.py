"""Pictures of codes, made by the libraries that print them, decoded back to the same codes."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
import qrcode
from barcode import EAN13
from barcode.writer import ImageWriter
from PIL import Image

from redhome_pos.domain.scan import NoteLink, ProductBarcode, ScanError, ScanKind, ScanSettings
from redhome_pos.domain.signed_codes import sign_parcel_code
from redhome_pos.services.image_scan import scan_image, scan_image_file

NOTE = "6756a3f1000000000b03a5d2"
SETTINGS = ScanSettings(store_code="SH001", code_secret="secret-sh001")


def qr_image(text: str) -> Image.Image:
    image = qrcode.make(text, box_size=6, border=4)
    return image.get_image().convert("RGB")


def ean13_image(body12: str) -> Image.Image:
    buffer = BytesIO()
    EAN13(body12, writer=ImageWriter()).write(buffer)
    buffer.seek(0)
    return Image.open(buffer).convert("RGB")


def test_a_note_qr_code_is_read_back_as_the_note() -> None:
    url = f"https://www.xiaohongshu.com/explore/{NOTE}?xsec_token=AB12&xsec_source=app_share"
    (code,) = scan_image(qr_image(url))
    assert code.text == url
    assert code.symbology == "QR Code"
    assert code.result == NoteLink(NOTE)


def test_an_ean13_picture_is_read_back_as_the_product_barcode() -> None:
    (code,) = scan_image(ean13_image("690123456789"))
    assert code.text == "6901234567892"
    assert isinstance(code.result, ProductBarcode)
    assert code.result.code == "6901234567892"


def test_our_parcel_label_qr_is_verified(tmp_path: Path) -> None:
    text = sign_parcel_code("secret-sh001", "SH001", "P786543219876543210", 1, 2)
    path = tmp_path / "label.png"
    qr_image(text).save(path)
    (code,) = scan_image_file(path, SETTINGS)
    assert code.text == text
    assert code.result is not None and code.result.kind is ScanKind.PARCEL_CODE
    (foreign,) = scan_image_file(path, ScanSettings(store_code="BJ002", code_secret="x"))
    assert foreign.result is None and foreign.error is not None
    assert "SH001" in foreign.error.message


def test_several_codes_in_one_picture_top_to_bottom() -> None:
    qr = qr_image(f"https://www.xiaohongshu.com/explore/{NOTE}")
    ean = ean13_image("400638133393")
    sheet = Image.new("RGB", (max(qr.width, ean.width) + 40, qr.height + ean.height + 80), "white")
    sheet.paste(ean, (20, 20))
    sheet.paste(qr, (20, ean.height + 60))
    codes = scan_image(sheet.convert("L"))
    assert [c.text for c in codes] == [
        "4006381333931",
        f"https://www.xiaohongshu.com/explore/{NOTE}",
    ]


def test_a_picture_without_codes_gives_nothing() -> None:
    assert scan_image(Image.new("RGB", (200, 200), "white")) == []


def test_a_file_that_is_not_a_picture_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.png"
    path.write_text("not a picture")
    with pytest.raises(ScanError, match=r"notes\.png cannot be read"):
        scan_image_file(path)
    with pytest.raises(ScanError, match=r"missing\.png cannot be read"):
        scan_image_file(tmp_path / "missing.png")
