"""GS1 codes at the scan router: the shapes real scanners send, and the ones they must refuse."""

from __future__ import annotations

import string
from datetime import date

import pytest
from biip.gs1_messages import GS1Message
from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain import gs1
from redhome_pos.domain.barcodes import Symbology, make_ean13
from redhome_pos.domain.scan import (
    PaymentCode,
    ProductBarcode,
    ScanError,
    SkuCode,
    Unknown,
    VariableMeasure,
    route,
)

GS = "\x1d"
EAN = "6901234567892"
G = "0" + EAN  # the same GTIN in its 14-digit form
DAY = date(2025, 12, 31)

READ = [
    # (what the scanner sends, retail code, lot, expiry, serial, count)
    (f"]C101{G}1725123110LOT7", EAN, "LOT7", DAY, None, None),
    (f"]C101{G}10LOT7{GS}17251231", EAN, "LOT7", DAY, None, None),
    (f"]d201{G}1727033110B-2026{GS}21SN0001", EAN, "B-2026", date(2027, 3, 31), "SN0001", None),
    (f"]Q301{G}17270331", EAN, None, date(2027, 3, 31), None, None),
    (f"01{G}17251231{GS}", EAN, None, DAY, None, None),
    (f"01{G}1725123110LOT7", EAN, "LOT7", DAY, None, None),
    (f"(01){G}(17)251231(10)LOT7", EAN, "LOT7", DAY, None, None),
    (f"https://id.gs1.org/01/{G}/10/LOT7?17=251231", EAN, "LOT7", DAY, None, None),
    (f"https://brand.example.cn/01/{G}/10/A1/21/S9", EAN, "A1", None, "S9", None),
    # a carton: AI 02 names the content, AI 37 how many
    (f"]C102{G}3712{GS}10LOT9", EAN, "LOT9", None, None, 12),
    # best-before (15) stands in when there is no use-by date (17)
    (f"]C101{G}15260630", EAN, None, date(2026, 6, 30), None, None),
    # day 00 means the end of the month
    (f"]C101{G}17260200", EAN, None, date(2026, 2, 28), None, None),
    # a UPC-A and an EAN-8 inside GTIN-14
    ("]C10100036000291452", "036000291452", None, None, None, None),
    ("]C10100000096385074", "96385074", None, None, None, None),
    # full-width digits and a scanner's CR/LF suffix
    ("]C1０１０６９０１２３４５６７８９２\r\n", EAN, None, None, None, None),
]


@pytest.mark.parametrize(("scanned", "code", "lot", "expiry", "serial", "count"), READ)
def test_gs1_codes_name_the_product_and_carry_lot_expiry_serial_count(
    scanned: str,
    code: str,
    lot: str | None,
    expiry: date | None,
    serial: str | None,
    count: int | None,
) -> None:
    result = route(scanned)
    assert isinstance(result, ProductBarcode)
    assert result.code == code
    assert code in result.keys
    assert result.gs1 is not None
    assert (result.gs1.lot, result.gs1.expiry, result.gs1.serial, result.gs1.count) == (
        lot,
        expiry,
        serial,
        count,
    )


def test_a_net_weight_is_carried_in_grams() -> None:
    result = route(f"]C101{G}3103000500")
    assert isinstance(result, ProductBarcode) and result.gs1 is not None
    assert result.gs1.net_weight_g == 500


REFUSED = [
    f"]C101{G[:-1]}3",  # wrong check digit in the GTIN
    f"]d201{G[:-1]}3172512311",
    f"(01){G[:-1]}3(10)X",
    f"https://id.gs1.org/01/{G[:-1]}3",
    f"]C101{G}17251399",  # month 13
    f"]C101{G}10",  # a lot with nothing in it
    "]C10112345",  # a GTIN too short
    f"01{G}9",  # a dangling AI
    f"]C101{G}{GS}{GS}ZZ",  # not an AI at all
]


@pytest.mark.parametrize("scanned", REFUSED)
def test_malformed_gs1_codes_are_refused_never_guessed(scanned: str) -> None:
    with pytest.raises(ScanError) as refused:
        route(scanned)
    assert "scan again" in refused.value.message


def test_a_gs1_code_without_a_product_says_so() -> None:
    with pytest.raises(ScanError) as refused:
        route("]C100069012345000000019")  # an SSCC: a pallet, not a product
    assert "names no product" in refused.value.message


def test_plain_codes_keep_their_meaning() -> None:
    plain = route(EAN)
    assert isinstance(plain, ProductBarcode) and plain.gs1 is None
    assert isinstance(route("]E0" + EAN), ProductBarcode)
    assert isinstance(route("134567890123456789"), PaymentCode)  # WeChat: 18 digits, 10–15
    assert isinstance(route("2845678901234567"), PaymentCode)  # Alipay: 16 digits, 25–30
    assert isinstance(route("0123"), SkuCode)
    assert isinstance(route("https://example.com/products/42"), Unknown)


def test_variable_measure_codes_are_checked_by_the_library_and_read_in_the_store_layout() -> None:
    label = make_ean13("201234501234")
    result = route(label)
    assert isinstance(result, VariableMeasure)
    assert (result.item_code, result.value) == ("12345", 1234)
    assert route(make_ean13("690123450123")).kind.value == "product_barcode"  # not an RCN
    with pytest.raises(ScanError):
        route(label[:-1] + str((int(label[-1]) + 1) % 10))


LOTS = st.text(alphabet=string.ascii_uppercase + string.digits + "-", min_size=1, max_size=20)
# Chinese GTINs (prefixes 690–699): an EAN-13 that is not a UPC-A in disguise
BODIES = st.text(alphabet=string.digits, min_size=10, max_size=10).map(
    lambda digits: make_ean13("69" + digits)
)


@given(
    body=BODIES,
    lot=st.none() | LOTS,
    expiry=st.none() | st.dates(date(2000, 1, 1), date(2049, 12, 31)),
    serial=st.none() | LOTS,
)
def test_every_element_string_we_print_is_read_back_to_the_same_fields(
    body: str, lot: str | None, expiry: date | None, serial: str | None
) -> None:
    printed = gs1.element_string(body, lot=lot, expiry=expiry, serial=serial)
    # read by the library itself, as any scanner's software would …
    message = GS1Message.parse(printed)
    fields = {e.ai.ai: e.value for e in message.element_strings}
    assert fields["01"] == "0" + body
    assert fields.get("10") == lot and fields.get("21") == serial
    assert fields.get("17") == (expiry.strftime("%y%m%d") if expiry else None)
    # … and by the till, as a GS1-128 with its symbology identifier
    result = route("]C1" + printed)
    assert isinstance(result, ProductBarcode) and result.symbology is Symbology.EAN13
    assert result.gs1 == gs1.Gs1Item(gtin="0" + body, lot=lot, expiry=expiry, serial=serial)
