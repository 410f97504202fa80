"""GS1 codes read with ``biip``: element strings (GS1-128, GS1 DataMatrix, GS1 QR), their
human-readable form ``(01)…(17)…``, GS1 Digital Link URIs, and in-store variable-measure
numbers (RCN).

The library does the parsing and every check (GTIN check digits, each AI's pattern, dates);
this module only says what the store takes from the result: the product's GTIN and the lot,
expiry, serial, count, weight and price carried with it. Anything the library cannot read
raises ``Gs1Error`` — never a guess.

Making codes (``element_string``) is the other way round, for the labels the store prints;
every string made here is read back by ``parse_element_string`` to the same fields (tested).

``biip`` is imported when a GS1 code is first read or made, not with this module: loading its
tables takes a noticeable part of a second that the counter's start-up need not wait for.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from redhome_pos.domain.errors import DomainError

if TYPE_CHECKING:
    from biip import ParseError
    from biip.gs1_element_strings import GS1ElementString

GS = "\x1d"  # the FNC1 separator a scanner sends between variable-length fields

# AIs the store uses; every other valid AI is read (and checked) but not used.
AI_GTIN = "01"
AI_CONTENT = "02"  # the GTIN of the trade items inside a logistic unit (with AI 37)
AI_BEST_BEFORE = "15"
AI_EXPIRY = "17"
AI_LOT = "10"
AI_SERIAL = "21"
AI_VARIABLE_COUNT = "30"
AI_COUNT = "37"
NET_WEIGHT_KG = "310"  # 310n: net weight in kilograms, n decimals
AMOUNT_PAYABLE = "392"  # 392n: amount payable in the local currency, n decimals


class Gs1Error(DomainError, ValueError):
    """A GS1 code that must not be used: a wrong check digit, a malformed field.

    ``detail`` keeps the library's own words for the log; the clerk reads the template.
    """

    detail: str = ""


def _unreadable(error: ParseError) -> Gs1Error:
    refused = Gs1Error("This GS1 code cannot be read: scan again")
    refused.detail = str(error)
    return refused


@dataclass(frozen=True, slots=True)
class Gs1Item:
    """What a GS1 code says about one product.

    ``gtin`` is 14 digits (GTIN-14 form). ``expiry`` is the use-by date (AI 17), or the
    best-before date (AI 15) when there is no use-by date. ``count`` is how many trade items
    the code stands for (AI 30, or AI 37 on a carton naming its content with AI 02).
    """

    gtin: str
    lot: str | None = None
    expiry: date | None = None
    serial: str | None = None
    count: int | None = None
    net_weight_g: int | None = None
    price_fen: int | None = None

    @property
    def retail_code(self) -> str:
        """The GTIN as a shop stores it: the EAN-8, UPC-A or EAN-13 inside a GTIN-14 whose
        packaging digit is 0 (the item itself), else the GTIN-14 of the case."""
        if self.gtin.startswith("000000"):
            return self.gtin[6:]
        if self.gtin.startswith("00"):
            return self.gtin[2:]
        if self.gtin.startswith("0"):
            return self.gtin[1:]
        return self.gtin


def parse_element_string(text: str) -> Gs1Item:
    """Read an element string: ``01…17…10…`` with FNC1 as ``GS``, without a symbology
    identifier (the router removes it)."""
    from biip import ParseError
    from biip.gs1_messages import GS1Message

    try:
        message = GS1Message.parse(text)
    except ParseError as error:
        raise _unreadable(error) from None
    return _item(message.element_strings)


def parse_hri(text: str) -> Gs1Item:
    """Read the human-readable form printed under a GS1 barcode: ``(01)…(17)…(10)…``."""
    from biip import ParseError
    from biip.gs1_messages import GS1Message

    try:
        message = GS1Message.parse_hri(text)
    except ParseError as error:
        raise _unreadable(error) from None
    return _item(message.element_strings)


def parse_digital_link(uri: str) -> Gs1Item:
    """Read a GS1 Digital Link URI (``https://<any host>/01/<gtin>/10/<lot>?17=…``)."""
    from biip import ParseError
    from biip.gs1_digital_link_uris import GS1DigitalLinkURI

    try:
        link = GS1DigitalLinkURI.parse(uri)
    except ParseError as error:
        raise _unreadable(error) from None
    return _item(link.element_strings)


def looks_like_digital_link(path: str) -> bool:
    """A URL path naming a GTIN the way GS1 Digital Link does (``…/01/<digits>…``)."""
    segments = [s for s in path.split("/") if s]
    return any(
        segment in ("01", "gtin") and i + 1 < len(segments) and segments[i + 1].isdigit()
        for i, segment in enumerate(segments)
    )


def restricted_circulation(code: str) -> bool:
    """Whether a valid 13-digit code is a geographic restricted circulation number (the
    variable-measure labels scales print, prefixes 02 and 20–29); raises on a wrong check digit."""
    from biip import ParseError
    from biip.gtin import Gtin
    from biip.rcn import Rcn, RcnUsage

    try:
        gtin = Gtin.parse(code)
    except ParseError as error:
        raise _unreadable(error) from None
    return isinstance(gtin, Rcn) and gtin.usage is RcnUsage.GEOGRAPHICAL


def element_string(
    gtin: str,
    *,
    lot: str | None = None,
    expiry: date | None = None,
    serial: str | None = None,
    count: int | None = None,
    separator: str = GS,
) -> str:
    """The element string for a label: GTIN, then expiry, then lot and serial (the fixed-length
    fields first, so only the variable-length ones need a separator)."""
    from biip.gs1_element_strings import GS1ElementString

    fields: list[tuple[str, str]] = [(AI_GTIN, gtin.rjust(14, "0"))]
    if expiry is not None:
        fields.append((AI_EXPIRY, expiry.strftime("%y%m%d")))
    if count is not None:
        fields.append((AI_VARIABLE_COUNT, str(count)))
    if lot:
        fields.append((AI_LOT, lot))
    if serial:
        fields.append((AI_SERIAL, serial))
    parts = []
    for ai, value in fields:
        element = GS1ElementString.extract(ai + value)  # checks the value against the AI
        if element.value != value:
            raise Gs1Error("{ai} cannot hold {value!r}", ai=ai, value=value)
        parts.append(ai + value)
        fixed = not element.ai.separator_required
        if not fixed and (ai, value) != fields[-1]:
            parts.append(separator)
    return "".join(parts)


def element_string_hri(text: str) -> str:
    """The human-readable line printed under a GS1 barcode: ``(01)06901234567892(17)…``."""
    from biip.gs1_messages import GS1Message

    return GS1Message.parse(text).as_hri()


def _item(elements: list[GS1ElementString]) -> Gs1Item:
    found = {element.ai.ai: element for element in elements}
    for element in elements:
        if element.gtin_error:
            raise Gs1Error("Check digit wrong in {code}: scan again", code=element.value)
    product = found.get(AI_GTIN) or found.get(AI_CONTENT)
    if product is None or product.gtin is None:
        raise Gs1Error("This GS1 code names no product: scan the item's own barcode")
    expiry_element = found.get(AI_EXPIRY) or found.get(AI_BEST_BEFORE)
    count_element = found.get(AI_VARIABLE_COUNT) or found.get(AI_COUNT)
    weight = _decimal(elements, NET_WEIGHT_KG)
    price = _decimal(elements, AMOUNT_PAYABLE)
    return Gs1Item(
        gtin=product.gtin.value.rjust(14, "0"),
        lot=found[AI_LOT].value if AI_LOT in found else None,
        expiry=expiry_element.date if expiry_element is not None else None,
        serial=found[AI_SERIAL].value if AI_SERIAL in found else None,
        count=int(count_element.value) if count_element is not None else None,
        net_weight_g=int(weight * 1000) if weight is not None else None,
        price_fen=int(price * 100) if price is not None else None,
    )


def _decimal(elements: list[GS1ElementString], family: str) -> Decimal | None:
    for element in elements:
        if element.ai.ai.startswith(family) and element.decimal is not None:
            return element.decimal
    return None
