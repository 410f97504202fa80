"""Every template on 32, 42 and 48 columns: golden transcripts and the receipt invariants."""

from __future__ import annotations

import pytest
from escpos_decoder import decode
from goldens import check_golden_bytes
from print_samples import EXPECTED_CODES, all_documents, receipt_data

from printers.profile import receipt_profile
from printers.renderers.escpos_text import render_escpos
from printers.templates import sales_receipt
from redhome_pos.domain.money import format_fen

DOCUMENTS = all_documents()
WIDTHS = (32, 42, 48)


@pytest.mark.parametrize("columns", WIDTHS)
@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_transcript_matches_golden_and_keeps_the_invariants(name: str, columns: int) -> None:
    profile = receipt_profile(columns)
    data = render_escpos(DOCUMENTS[name], profile)
    transcript = decode(data, columns=columns, encoding=profile.encoding)

    assert transcript.problems == []  # no '?', no line too wide, only valid GBK, known commands
    assert transcript.codes == EXPECTED_CODES[name]
    assert all(height <= 96 for height in transcript.fragment_heights)
    check_golden_bytes(f"{name}_{columns}.txt", transcript.text().encode("utf-8"))


@pytest.mark.parametrize("columns", WIDTHS)
def test_receipt_shows_every_line_amount_and_the_yuan_sign(columns: int) -> None:
    receipt = receipt_data()
    transcript = decode(
        render_escpos(sales_receipt(receipt), receipt_profile(columns)), columns=columns
    )
    printed = "\n".join(text for text, _size, _bold in transcript.lines)

    for line in receipt.lines:
        assert format_fen(line.amount_fen) in printed
    assert format_fen(receipt.total_fen).startswith("￥")
    assert format_fen(receipt.total_fen) in printed
    assert "¥" not in printed  # U+00A5 is garbage on GBK printers; only U+FFE5 is used
    # Chinese names come back whole once the wrapped pieces are joined again.
    joined = printed.replace("\n", "").replace(" ", "")
    assert "雅诗兰黛特润修护肌透精华露（小棕瓶）50ml" in joined


def test_native_qr_setting_sends_gs_k_with_the_exact_payload() -> None:
    profile = receipt_profile(42, qr_native=True)
    data = render_escpos(sales_receipt(receipt_data()), profile)
    transcript = decode(data, columns=42)
    assert transcript.problems == []
    assert transcript.codes == [("QR", receipt_data().receipt_code)]
    assert "[native QR" in transcript.text()
    assert not transcript.pictures


def test_gb18030_printer_can_print_characters_gbk_cannot() -> None:
    from printers.document import Document, Text

    document = Document("rare", (Text("㐀 扩展A区字"),))  # U+3400 is in GB18030 (4 bytes), not GBK
    transcript = decode(
        render_escpos(document, receipt_profile(32, encoding="gb18030")),
        columns=32,
        encoding="gb18030",
    )
    assert transcript.problems == []
    assert transcript.lines[0][0] == "㐀 扩展A区字"


def test_cutter_and_no_cutter() -> None:
    with_cutter = decode(
        render_escpos(sales_receipt(receipt_data()), receipt_profile(48)), columns=48
    )
    without = decode(render_escpos(sales_receipt(receipt_data()), receipt_profile(32)), columns=32)
    assert with_cutter.cuts == 1
    assert without.cuts == 0  # the 58 mm preset has no cutter
