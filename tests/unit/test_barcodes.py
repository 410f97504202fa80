"""Barcodes: a retail code is accepted only with its check digit; a misread never is."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from redhome_pos.domain.barcodes import (
    Symbology,
    gs1_check_digit,
    has_valid_check_digit,
    lookup_keys,
    make_ean13,
    parse_barcode,
    upce_to_upca,
)
from redhome_pos.domain.errors import BarcodeError

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet="0123456789", min_size=n, max_size=n)


def with_check(payload: str) -> str:
    return payload + str(gs1_check_digit(payload))


retail_codes = st.one_of(
    digits(12).map(with_check), digits(11).map(with_check), digits(7).map(with_check)
)


@pytest.mark.parametrize(
    ("code", "symbology"),
    [
        ("6901234567892", Symbology.EAN13),
        ("4006381333931", Symbology.EAN13),
        ("96385074", Symbology.EAN8),
        ("036000291452", Symbology.UPCA),
        ("04252614", Symbology.UPCE),
        ("RH-LS-520", Symbology.INTERNAL),
        ("sku_0001", Symbology.INTERNAL),
    ],
)
def test_known_codes_are_classified(code: str, symbology: Symbology) -> None:
    assert parse_barcode(code).symbology is symbology
    assert parse_barcode(f"  {code}\n").code == code


def test_upc_e_expands_to_its_upc_a() -> None:
    assert upce_to_upca("04252614") == "042100005264"
    # The last of the six digits says where the zeros of the UPC-A go.
    assert upce_to_upca("01234555") == "012345000055"  # 5..9: five manufacturer digits
    assert upce_to_upca("01234535") == "012300000455"  # 3
    assert upce_to_upca("01234545") == "012340000055"  # 4
    assert upce_to_upca("01234525") == "012200003455"  # 0..2
    for bad in ("1234567", "21234567", "0123456a"):
        with pytest.raises(BarcodeError):
            upce_to_upca(bad)


@given(retail_codes)
def test_any_code_with_a_correct_check_digit_is_accepted(code: str) -> None:
    assert has_valid_check_digit(code)
    barcode = parse_barcode(code)
    assert barcode.code == code
    assert (
        barcode.symbology is {13: Symbology.EAN13, 12: Symbology.UPCA, 8: Symbology.EAN8}[len(code)]
    )


@given(retail_codes, st.data())
def test_any_single_digit_change_is_rejected(code: str, data: st.DataObject) -> None:
    position = data.draw(st.integers(min_value=0, max_value=len(code) - 1))
    digit = data.draw(st.sampled_from([d for d in "0123456789" if d != code[position]]))
    misread = code[:position] + digit + code[position + 1 :]
    assert not has_valid_check_digit(misread)
    try:
        accepted = parse_barcode(misread)
    except BarcodeError as error:
        assert "Check digit wrong" in str(error)
        return
    # An 8-digit misread may only survive as a UPC-E whose own check digit holds.
    assert len(misread) == 8 and accepted.symbology is Symbology.UPCE
    assert has_valid_check_digit(upce_to_upca(misread))


@given(retail_codes, st.data())
def test_swapping_two_neighbouring_digits_is_caught_unless_they_differ_by_5(
    code: str, data: st.DataObject
) -> None:
    i = data.draw(st.integers(min_value=0, max_value=len(code) - 2))
    a, b = code[i], code[i + 1]
    assume(a != b and abs(int(a) - int(b)) != 5)
    assert not has_valid_check_digit(code[:i] + b + a + code[i + 2 :])


@given(retail_codes)
def test_full_width_digits_are_the_same_code(code: str) -> None:
    assert parse_barcode(code.translate(FULL_WIDTH)).code == code


@given(st.text(max_size=40))
def test_any_text_is_a_barcode_or_a_barcode_error(text: str) -> None:
    try:
        barcode = parse_barcode(text)
    except BarcodeError:
        return
    assert barcode.code and barcode.code == barcode.code.strip()


@pytest.mark.parametrize(
    "text", ["", "   ", "ab", "has space", "口红", "<script>", "-leading", "x" * 33]
)
def test_garbage_is_refused(text: str) -> None:
    with pytest.raises(BarcodeError):
        parse_barcode(text)


def test_internal_codes_can_be_refused() -> None:
    with pytest.raises(BarcodeError, match="Not a barcode"):
        parse_barcode("RH-LS-520", allow_internal=False)


def test_the_same_product_code_in_its_other_forms() -> None:
    assert lookup_keys("036000291452") == ["036000291452", "0036000291452"]
    assert lookup_keys("0036000291452") == ["0036000291452", "036000291452"]
    assert lookup_keys("6901234567892") == ["6901234567892"]
    assert lookup_keys("04252614") == ["04252614", "042100005264", "0042100005264"]
    assert lookup_keys("96385074") == ["96385074"]  # a valid EAN-8 stays itself


@given(digits(12))
def test_make_ean13_appends_the_check_digit(body: str) -> None:
    code = make_ean13(body)
    assert code.startswith(body) and len(code) == 13
    assert parse_barcode(code).symbology is Symbology.EAN13


def test_check_digit_refuses_non_digits() -> None:
    with pytest.raises(BarcodeError):
        gs1_check_digit("12a4")
    with pytest.raises(BarcodeError):
        gs1_check_digit("１２３")
    with pytest.raises(BarcodeError):
        make_ean13("123")
    assert not has_valid_check_digit("")
    assert not has_valid_check_digit("6901234567892x")
