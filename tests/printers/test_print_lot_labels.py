"""Lot labels (批号 / 有效期至) on TSPL, ZPL, ESC/POS and PNG: the GS1-128 each printer gets
is read back from the printed output by zxing-cpp as GS1 (``]C1``) and by ``biip`` into the
same GTIN, lot and expiry."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
import zxingcpp
from escpos_decoder import decode
from goldens import check_golden_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from label_decoder import decode_tspl, decode_zpl
from PIL import Image
from print_samples import LOT_HRI, lot_data

from printers.document import Barcode, Document
from printers.errors import PrintError
from printers.profile import PrinterProfile, receipt_profile
from printers.renderers import render_for_printer
from printers.renderers.escpos_text import render_escpos
from printers.renderers.label_png import render_label_png
from printers.renderers.png import render_png
from printers.renderers.raster import render_raster
from printers.templates import lot_label
from printers.templates.data import LotLabelData
from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.domain.gs1 import Gs1Item, element_string, parse_element_string, parse_hri

TSPL = PrinterProfile(name="label", language="tspl", transport="network", host="x")
ZPL = PrinterProfile(name="label", language="zpl", transport="network", host="x")
CARTON_TSPL = replace(TSPL, label_width_mm=100, label_height_mm=60)
EXPECTED = Gs1Item(gtin="06901234567892", lot="B2611", expiry=date(2027, 3, 31))


def gs1_read(symbols: list[zxingcpp.Barcode]) -> Gs1Item:
    """The one GS1-128 among ``symbols``, its bytes (FNC1 as GS) parsed by biip."""
    gs1 = [s for s in symbols if s.format == zxingcpp.Code128]
    assert len(gs1) == 1, symbols
    symbol = gs1[0]
    assert symbol.symbology_identifier == "]C1"  # FNC1 first: GS1-128, not plain Code 128
    assert symbol.content_type == zxingcpp.ContentType.GS1
    return parse_element_string(symbol.bytes.decode("ascii"))


def framed_symbols(picture: Image.Image) -> list[zxingcpp.Barcode]:
    framed = Image.new("L", (picture.width + 40, picture.height + 40), 255)
    framed.paste(picture.convert("L"), (20, 20))
    return list(zxingcpp.read_barcodes(framed))


def png_symbols(png: bytes) -> list[zxingcpp.Barcode]:
    return list(zxingcpp.read_barcodes(Image.open(io.BytesIO(png)).convert("L")))


def test_lot_label_in_tspl_matches_golden_and_its_barcode_reads_back() -> None:
    data = render_for_printer(lot_label(lot_data()), TSPL)
    check_golden_bytes("lot_label.tspl", data)
    label = decode_tspl(data)
    assert label.commands[:5] == [
        "SIZE 60 mm,40 mm", "GAP 2 mm,0 mm", "DIRECTION 1", "REFERENCE 0,0", "CLS",
    ]  # fmt: skip
    texts = [text.strip() for _x, _y, text in label.texts]
    assert texts[0] == "雅诗兰黛特润修护肌透精华露（小棕瓶）"
    assert "批号 B2611" in texts[2] and texts[2].endswith("￥890.00")
    assert "有效期至 2027-03-31" in texts
    assert LOT_HRI in texts  # the human-readable line, under the bars
    bars_at = next(int(c.split(",")[1]) for c in label.commands if c.startswith("BITMAP"))
    hri_at = next(y for _x, y, text in label.texts if text.strip() == LOT_HRI)
    assert hri_at > bars_at
    assert gs1_read(label.symbols()) == EXPECTED
    assert label.commands[-1] == "PRINT 1,1"


def test_lot_label_in_zpl_matches_golden_and_its_barcode_reads_back() -> None:
    data = render_for_printer(lot_label(lot_data(copies=3)), ZPL)
    check_golden_bytes("lot_label.zpl", data)
    label = decode_zpl(data)
    assert gs1_read(label.symbols()) == EXPECTED
    assert [text.strip() for _x, _y, text in label.texts][-1] == LOT_HRI
    assert label.copies == 3 and label.commands[-2:] == ["^PQ3", "^XZ"]


@pytest.mark.parametrize("columns", [32, 42, 48])
def test_lot_label_on_receipt_printers_reads_back(columns: int) -> None:
    profile = receipt_profile(columns)
    transcript = decode(render_escpos(lot_label(lot_data()), profile), columns=columns)
    assert transcript.problems == []
    assert transcript.codes == [("Code 128", LOT_HRI)]
    printed = [text.strip() for text, _size, _bold in transcript.lines]
    assert printed[-1] == LOT_HRI or printed[-2:] == [
        "(01)06901234567892(17)270331",
        "(10)B2611",
    ]
    picture = transcript.pictures[0]
    framed = Image.new("L", (picture.width + 40, picture.height + 40), 255)
    framed.paste(picture.convert("L"), (20, 20))
    assert gs1_read(list(zxingcpp.read_barcodes(framed))) == EXPECTED


def test_copies_print_the_label_again_on_receipt_printers() -> None:
    profile = receipt_profile(48)
    once = decode(render_escpos(lot_label(lot_data()), profile), columns=48)
    thrice = decode(render_escpos(lot_label(lot_data(copies=3)), profile), columns=48)
    assert len(thrice.codes) == 3 * len(once.codes) == 3
    assert thrice.cuts == 3
    assert decode_tspl(render_for_printer(lot_label(lot_data(copies=3)), TSPL)).copies == 3
    raster = decode(render_raster(lot_label(lot_data(copies=2)), profile), columns=48)
    assert [code for code, _ in raster.codes] == ["Code 128", "Code 128"]


def test_the_label_survives_the_print_queue_json() -> None:
    document = lot_label(lot_data(copies=4))
    again = Document.from_json(document.to_json())
    assert again == document and again.copies == 4
    assert "copies" not in lot_label(lot_data()).to_json()  # old jobs read as before


def test_a_label_without_price_or_expiry() -> None:
    plain = replace(
        lot_data(),
        lot="X-1",
        price_fen=None,
        expiry=None,
        element_string=element_string("6901234567892", lot="X-1"),
    )
    label = decode_tspl(render_for_printer(lot_label(plain), TSPL))
    texts = [text.strip() for _x, _y, text in label.texts]
    assert "批号 X-1" in texts and not any("有效期至" in t or "￥" in t for t in texts)
    assert gs1_read(label.symbols()) == Gs1Item(gtin="06901234567892", lot="X-1")


def test_a_symbol_too_long_for_the_paper_is_refused_not_squeezed() -> None:
    long_lot = element_string("6901234567892", lot="ABCDEFGHIJKLMNOPQRST", serial="S" * 20)
    document = Document("long", (Barcode(long_lot, "GS1-128"),))
    with pytest.raises(PrintError, match="GS1-128 barcode needs"):
        render_escpos(document, receipt_profile(32))
    with pytest.raises(PrintError, match="GS1-128 barcode needs"):
        render_for_printer(document, TSPL)


def test_a_string_that_is_not_gs1_is_refused_before_printing() -> None:
    with pytest.raises(PrintError, match="GS1 barcode"):
        render_for_printer(Document("bad", (Barcode("0112345", "GS1-128"),)), ZPL)


# GS1's character set 82, which AI (10) takes. A '?' prints fine but the ESC/POS decoder
# takes any '?' for a substitution, so the lots here have none.
LOT_TEXT = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!\"%&'()*+,-./:;<=>_",
    min_size=1,
    max_size=12,
)
# BWIPP's (AI) input cannot hold a bracket inside a field: the DataMatrix refuses those lots.
MATRIX_LOT_TEXT = LOT_TEXT.filter(lambda lot: "(" not in lot and ")" not in lot)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.integers(min_value=0, max_value=10**12 - 1),
    lot=LOT_TEXT,
    expiry=st.dates(min_value=date(2000, 1, 1), max_value=date(2049, 12, 31)),
)
def test_any_lot_label_reads_back_from_every_printer(body: int, lot: str, expiry: date) -> None:
    gtin = make_ean13(f"{body:012d}")
    data = replace(
        lot_data(),
        lot=lot,
        expiry=expiry,
        element_string=element_string(gtin, lot=lot, expiry=expiry),
    )
    expected = Gs1Item(gtin=gtin.rjust(14, "0"), lot=lot, expiry=expiry)
    document = lot_label(data)
    assert gs1_read(decode_tspl(render_for_printer(document, CARTON_TSPL)).symbols()) == expected
    assert gs1_read(decode_zpl(render_for_printer(document, ZPL)).symbols()) == expected
    assert gs1_read(png_symbols(render_label_png(document, CARTON_TSPL))) == expected
    transcript = decode(render_escpos(document, receipt_profile(48)), columns=48)
    assert transcript.problems == []
    assert gs1_read(framed_symbols(transcript.pictures[0])) == expected
    assert gs1_read(png_symbols(render_png(document, receipt_profile(42)))) == expected


@pytest.mark.parametrize(("width_mm", "height_mm", "bar_dots"), [(60, 40, 1), (100, 60, 2)])
def test_the_label_drawn_as_the_label_printer_prints_it(
    width_mm: int, height_mm: int, bar_dots: int
) -> None:
    from printers.renderers.label_png import render_label_image

    profile = replace(TSPL, label_width_mm=width_mm, label_height_mm=height_mm)
    image = render_label_image(lot_label(lot_data()), profile)
    assert image.size == (width_mm * 8, height_mm * 8)
    framed = Image.new("L", (image.width + 40, image.height + 40), 255)
    framed.paste(image.convert("L"), (20, 20))
    assert gs1_read(list(zxingcpp.read_barcodes(framed))) == EXPECTED
    # The same picture as the printer's own commands: the bars where TSPL puts them.
    label = decode_tspl(render_for_printer(lot_label(lot_data()), profile))
    assert label.canvas is not None
    bitmap = next(c for c in label.commands if c.startswith("BITMAP"))
    x, y, width_bytes, height = (int(v) for v in bitmap.split()[1].split(",")[:4])
    box = (x, y, x + width_bytes * 8, y + height)
    assert image.crop(box).tobytes() == label.canvas.crop(box).tobytes()
    # Each bar module is as wide as the label allows: 1 dot on 60 mm, 2 on 100 mm.
    row = image.crop((0, y + 10, image.width, y + 11)).convert("L").tobytes()
    runs = [len(run) for run in bytes(row).replace(b"\xff", b" ").split() if run]
    assert min(runs) == bar_dots


# -- GS1 DataMatrix (BWIPP through treepoem and Ghostscript: seconds a symbol, so few) ---------


def gs1_matrix_read(symbols: list[zxingcpp.Barcode]) -> Gs1Item:
    """The one GS1 DataMatrix among ``symbols``, its bytes (FNC1 as GS) parsed by biip."""
    matrices = [s for s in symbols if s.format == zxingcpp.DataMatrix]
    assert len(matrices) == 1, symbols
    assert matrices[0].symbology_identifier == "]d2"  # FNC1 first: GS1 DataMatrix
    return parse_element_string(matrices[0].bytes.decode("ascii"))


def matrix_label(data: LotLabelData) -> Document:
    return lot_label(replace(data, symbology="GS1-DATAMATRIX"))


def test_a_datamatrix_lot_label_reads_back_from_every_printer() -> None:
    document = matrix_label(lot_data())
    tspl = render_for_printer(document, TSPL)
    check_golden_bytes("lot_label_datamatrix.tspl", tspl)
    label = decode_tspl(tspl)
    assert gs1_matrix_read(label.symbols()) == EXPECTED
    assert [text.strip() for _x, _y, text in label.texts][-1] == LOT_HRI
    assert gs1_matrix_read(decode_zpl(render_for_printer(document, ZPL)).symbols()) == EXPECTED
    for columns in (32, 48):  # 58 mm paper too: the matrix fits where the bars would not
        transcript = decode(render_escpos(document, receipt_profile(columns)), columns=columns)
        assert transcript.problems == [] and transcript.codes[0][0] == "Data Matrix"
        assert parse_hri(transcript.codes[0][1]) == EXPECTED
        png = render_png(document, receipt_profile(columns))
        assert gs1_matrix_read(png_symbols(png)) == EXPECTED
    assert gs1_matrix_read(png_symbols(render_label_png(document, TSPL))) == EXPECTED


def test_a_long_lot_too_wide_for_bars_on_58mm_fits_as_a_datamatrix() -> None:
    long_lot = replace(
        lot_data(),
        lot="ABCDEFGHIJKLMNOPQRST",
        element_string=element_string(
            "6901234567892", lot="ABCDEFGHIJKLMNOPQRST", expiry=date(2027, 3, 31)
        ),
    )
    with pytest.raises(PrintError, match="GS1-128 barcode needs"):
        render_escpos(lot_label(long_lot), receipt_profile(32))
    transcript = decode(render_escpos(matrix_label(long_lot), receipt_profile(32)), columns=32)
    assert parse_hri(transcript.codes[0][1]).lot == "ABCDEFGHIJKLMNOPQRST"


@pytest.mark.slow
@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    body=st.integers(min_value=0, max_value=10**12 - 1),
    lot=MATRIX_LOT_TEXT,
    expiry=st.dates(min_value=date(2000, 1, 1), max_value=date(2049, 12, 31)),
)
def test_any_datamatrix_lot_label_reads_back(body: int, lot: str, expiry: date) -> None:
    gtin = make_ean13(f"{body:012d}")
    data = replace(
        lot_data(),
        lot=lot,
        expiry=expiry,
        element_string=element_string(gtin, lot=lot, expiry=expiry),
    )
    expected = Gs1Item(gtin=gtin.rjust(14, "0"), lot=lot, expiry=expiry)
    document = matrix_label(data)
    assert gs1_matrix_read(decode_tspl(render_for_printer(document, TSPL)).symbols()) == expected
    assert gs1_matrix_read(decode_zpl(render_for_printer(document, ZPL)).symbols()) == expected
    assert gs1_matrix_read(png_symbols(render_png(document, receipt_profile(32)))) == expected


def test_a_lot_with_a_bracket_is_refused_for_the_datamatrix_only() -> None:
    data = replace(
        lot_data(),
        lot="A(1)",
        element_string=element_string("6901234567892", lot="A(1)", expiry=date(2027, 3, 31)),
    )
    with pytest.raises(PrintError, match="bracket inside a field"):
        render_for_printer(matrix_label(data), TSPL)
    label = decode_tspl(render_for_printer(lot_label(data), TSPL))
    assert gs1_read(label.symbols()).lot == "A(1)"


def test_a_preview_label_printer_draws_the_label_as_it_prints() -> None:
    from printers.printing import render_job

    preview = replace(TSPL, transport="preview", path="/dev/null")
    png = render_job(lot_label(lot_data()), preview)
    image = Image.open(io.BytesIO(png))
    assert image.size == (480, 320)  # the 60 × 40 mm label, not a receipt
    assert gs1_read(png_symbols(png)) == EXPECTED
