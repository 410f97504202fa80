"""Product barcodes: EAN-13, EAN-8, UPC-A, UPC-E, and the store's own internal codes.

A retail barcode is accepted only with a correct check digit; a misread must never become a
product. Internal codes (printed by the store itself) are letters, digits and ``-``/``_``.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass

from redhome_pos.domain.errors import BarcodeError


class Symbology(enum.StrEnum):
    EAN13 = "ean13"
    EAN8 = "ean8"
    UPCA = "upca"
    UPCE = "upce"
    INTERNAL = "internal"


_INTERNAL = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{2,31}$")


def gs1_check_digit(payload: str) -> int:
    """The GS1 mod-10 check digit for the digits of ``payload`` (check digit not included)."""
    if not payload.isdigit() or not payload.isascii():
        raise BarcodeError("A barcode holds digits only: {code}", code=payload)
    total = 0
    # Weights 3,1,3,1… counted from the rightmost payload digit.
    for position, char in enumerate(reversed(payload)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return (10 - total % 10) % 10


def has_valid_check_digit(code: str) -> bool:
    return (
        len(code) >= 2
        and code.isascii()
        and code.isdigit()
        and gs1_check_digit(code[:-1]) == int(code[-1])
    )


def upce_to_upca(upce: str) -> str:
    """Expand an 8-digit UPC-E (number system, six digits, check) to its 12-digit UPC-A."""
    if len(upce) != 8 or not upce.isdigit() or upce[0] not in "01":
        raise BarcodeError("Not a UPC-E code: {code}", code=upce)
    ns, d, check = upce[0], upce[1:7], upce[7]
    last = d[5]
    if last in "012":
        body = d[0:2] + last + "0000" + d[2:5]
    elif last == "3":
        body = d[0:3] + "00000" + d[3:5]
    elif last == "4":
        body = d[0:4] + "00000" + d[4]
    else:
        body = d[0:5] + "0000" + last
    return ns + body + check


@dataclass(frozen=True, slots=True)
class Barcode:
    """A validated barcode in its canonical form (what the catalog stores and looks up)."""

    code: str
    symbology: Symbology

    def __str__(self) -> str:
        return self.code


def classify_retail(code: str) -> Symbology | None:
    """The retail symbology a digit string has by its length, or None."""
    if not code.isascii() or not code.isdigit():
        return None
    return {13: Symbology.EAN13, 8: Symbology.EAN8, 12: Symbology.UPCA}.get(len(code))


def parse_barcode(text: str, *, allow_internal: bool = True) -> Barcode:
    """Validate a barcode as it would be stored on a SKU.

    Digits-only codes of 8, 12 or 13 digits must have a correct GS1 check digit. An 8-digit
    code that is not a valid EAN-8 but is a valid UPC-E is taken as UPC-E. Other codes are
    internal codes if ``allow_internal``.
    """
    # NFKC: full-width digits typed through a Chinese input method are the same code.
    code = unicodedata.normalize("NFKC", text).strip()
    if not code:
        raise BarcodeError("The barcode is empty")
    if code.isascii() and code.isdigit() and len(code) in (8, 12, 13):
        if has_valid_check_digit(code):
            return Barcode(code, classify_retail(code) or Symbology.INTERNAL)
        if len(code) == 8 and code[0] in "01":
            try:
                if has_valid_check_digit(upce_to_upca(code)):
                    return Barcode(code, Symbology.UPCE)
            except BarcodeError:
                pass
        raise BarcodeError("Check digit wrong in {code}: scan again", code=code)
    if allow_internal and _INTERNAL.match(code):
        return Barcode(code, Symbology.INTERNAL)
    raise BarcodeError("Not a barcode: {code}", code=code)


def lookup_keys(code: str) -> list[str]:
    """Forms under which a scanned retail code may be stored: a UPC-A scanned as a 13-digit
    EAN with a leading zero, and the reverse, find the same SKU; so does a UPC-E its UPC-A."""
    keys = [code]
    if len(code) == 13 and code.startswith("0"):
        keys.append(code[1:])
    elif len(code) == 12:
        keys.append("0" + code)
    elif len(code) == 8 and code.isascii() and code.isdigit() and code[0] in "01":
        # A UPC-E (not also a valid EAN-8) finds the product stored under its UPC-A.
        upca = upce_to_upca(code)
        if not has_valid_check_digit(code) and has_valid_check_digit(upca):
            keys += [upca, "0" + upca]
    return keys


def make_ean13(body12: str) -> str:
    """Append the check digit to a 12-digit body."""
    if len(body12) != 12:
        raise BarcodeError("An EAN-13 body has 12 digits: {code}", code=body12)
    return body12 + str(gs1_check_digit(body12))
