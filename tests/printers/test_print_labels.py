"""TSPL and ZPL label generators: golden files, escaping, and labels that cannot fit."""

from __future__ import annotations

import pytest
from goldens import check_golden_bytes
from print_samples import parcel_data

from printers import printable
from printers.document import Document, DrawerKick, QrCode, Text
from printers.errors import PrintError
from printers.profile import PrinterProfile
from printers.renderers import render_for_printer
from printers.templates import parcel_label

TSPL = PrinterProfile(name="label", language="tspl", transport="network", host="x")
ZPL = PrinterProfile(name="label", language="zpl", transport="network", host="x")


def test_parcel_label_in_tspl_matches_golden() -> None:
    data = render_for_printer(parcel_label(parcel_data()), TSPL)
    check_golden_bytes("parcel_label.tspl", data)
    text = data.decode("gbk")
    assert text.startswith("SIZE 60 mm,40 mm\r\nGAP 2 mm,0 mm\r\n")
    assert text.endswith("PRINT 1,1\r\n")
    assert f',"{parcel_data().qr_payload}"\r\n' in text
    assert '"TSS24.BF2"' in text
    assert all(line.endswith("\r") for line in text.split("\n")[:-1])  # CRLF everywhere


def test_parcel_label_in_zpl_matches_golden() -> None:
    data = render_for_printer(parcel_label(parcel_data()), ZPL)
    check_golden_bytes("parcel_label.zpl", data)
    text = data.decode("utf-8")
    assert text.startswith("^XA\n^CI28\n")
    assert text.rstrip().endswith("^XZ")
    assert f"^FDMA,{parcel_data().qr_payload}^FS" in text
    assert "^PW480\n^LL320" in text


def test_quotes_and_carets_are_escaped() -> None:
    document = Document("t", (Text('说 "你好" ^ ~ _'),))
    tspl = render_for_printer(document, TSPL).decode("gbk")
    zpl = render_for_printer(document, ZPL).decode("utf-8")
    assert '"说 \\["]你好\\["] ^ ~ _"' in tspl
    assert '^FH^FD说 "你好" _5E _7E _5F^FS' in zpl


def test_too_much_text_for_the_label_is_an_error_not_a_clipped_label() -> None:
    document = Document("long", tuple(Text(f"第{i}行") for i in range(20)))
    with pytest.raises(PrintError, match="shorten"):
        render_for_printer(document, TSPL)


def test_label_printer_has_no_cash_drawer() -> None:
    with pytest.raises(PrintError, match="no cash drawer"):
        render_for_printer(Document("d", (DrawerKick(),)), ZPL)


def test_an_unprintable_character_is_printed_as_a_substitute_and_named_in_the_log(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printable, "_logged", set())  # logged once per process: afresh here
    # The label still prints (security point 10): the gift emoji becomes a visible box.
    data = render_for_printer(Document("gift", (Text("礼物🎁"), QrCode("x"))), TSPL)
    assert "礼物□".encode("gbk") in data
    assert "U+1F381" in caplog.text


def test_label_printers_get_a_test_label_that_fits() -> None:
    from print_samples import test_page_data

    from printers.templates import label_test_page

    for profile in (TSPL, ZPL):
        data = render_for_printer(label_test_page(test_page_data("label")), profile)
        assert b"REDHOME-TEST:label" in data


def test_a_pickup_label_names_who_collects_and_a_shipped_one_the_addressee() -> None:
    from dataclasses import replace

    from printers.templates.data import ParcelLabelData

    def said(data: ParcelLabelData) -> list[str]:
        return [block.text for block in parcel_label(data).blocks if isinstance(block, Text)]

    assert "提货人 张*  138****5678" in said(parcel_data())
    shipped = said(replace(parcel_data(), pickup=False, express_company="顺丰"))
    assert "收件人 张*  138****5678" in shipped and not any("提货人" in t for t in shipped)
