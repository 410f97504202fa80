"""PNG previews: compared with golden pictures by pixels, and every QR read back exactly."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import zxingcpp
from escpos_decoder import decode
from goldens import GOLDEN, UPDATE
from PIL import Image, ImageChops
from print_samples import EXPECTED_CODES, all_documents, receipt_data

from printers.errors import PrinterSetupError
from printers.profile import receipt_profile
from printers.renderers.png import render_png
from printers.renderers.raster import render_raster
from printers.templates import sales_receipt

DOCUMENTS = all_documents()
# Font rasterising may differ by a few pixels between FreeType builds.
TOLERANCE = 0.004


def _differing_share(actual: Image.Image, expected: Image.Image) -> float:
    if actual.size != expected.size:
        return 1.0
    difference = ImageChops.difference(actual.convert("L"), expected.convert("L"))
    histogram = difference.histogram()
    changed = sum(histogram[1:])
    return changed / (actual.width * actual.height)


def _codes(image: Image.Image) -> list[tuple[str, str]]:
    found = zxingcpp.read_barcodes(image.convert("L"))
    ordered = sorted(found, key=lambda symbol: symbol.position.top_left.y)
    return [
        ("QR" if s.format == zxingcpp.QRCode else str(s.format).split(".")[-1], s.text)
        for s in ordered
    ]


@pytest.mark.parametrize(
    ("name", "columns"), [(name, 48) for name in sorted(DOCUMENTS)] + [("receipt", 32)]
)
def test_png_matches_golden_and_its_codes_decode(name: str, columns: int) -> None:
    profile = receipt_profile(columns)
    png = render_png(DOCUMENTS[name], profile)
    image = Image.open(io.BytesIO(png))
    assert image.width == profile.dot_width
    assert sorted(_codes(image)) == sorted(EXPECTED_CODES[name])

    path = GOLDEN / f"{name}_{columns}.png"
    if UPDATE:
        path.write_bytes(png)
        return
    assert path.exists(), f"golden {path} missing; run with REDHOME_UPDATE_GOLDEN=1"
    share = _differing_share(image, Image.open(path))
    assert share <= TOLERANCE, f"{share:.2%} of the pixels differ from {path}"


def test_a_changed_receipt_does_not_match_the_golden() -> None:
    """The comparison can fail: one more item line changes the picture."""
    image = Image.open(io.BytesIO(render_png(sales_receipt(receipt_data(5)), receipt_profile(48))))
    assert _differing_share(image, Image.open(GOLDEN / "receipt_48.png")) > TOLERANCE


def test_raster_mode_sends_the_picture_in_short_fragments_and_the_qr_survives() -> None:
    profile = receipt_profile(48, language="escpos-raster")
    transcript = decode(render_raster(sales_receipt(receipt_data()), profile), columns=48)
    assert transcript.problems == []
    assert transcript.fragment_heights and max(transcript.fragment_heights) <= 96
    assert ("QR", receipt_data().receipt_code) in transcript.codes
    assert transcript.lines == []  # no text: the printer needs no Chinese font
    assert transcript.cuts == 1


def test_missing_font_is_a_clear_setup_error(tmp_path: Path) -> None:
    profile = receipt_profile(48, font_path=str(tmp_path / "nofont.ttc"))
    with pytest.raises(PrinterSetupError, match=r"nofont\.ttc"):
        render_png(DOCUMENTS["receipt"], profile)
