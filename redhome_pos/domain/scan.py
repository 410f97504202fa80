"""The scan router: whatever a scanner, the camera or a person enters, say what it is.

``route(text, settings)`` cleans the text and returns one typed result. It never guesses a
product: a retail barcode whose check digit is wrong raises ``ScanError`` ("scan again").

Precedence, first match wins (each step is explained where it is coded):

1. nothing left after cleaning → ``ScanError``;
2. ``RH<n>.…`` → one of our signed codes (receipt, parcel, pickup, staff badge), verified;
3. a GS1 element string → ``ProductBarcode`` with its ``gs1`` fields (lot, expiry, serial,
   count, weight), read by ``biip`` (``domain.gs1``): the scanner's GS1 symbology identifier
   (``]C1`` GS1-128, ``]d2`` GS1 DataMatrix, ``]Q3`` GS1 QR, ``]e0`` GS1 DataBar, ``]J1``
   GS1 DotCode), an FNC1 separator (GS) in the text, the printed form ``(01)…(17)…``, or
   ``01`` + 14 digits and possibly more fields (a scanner that drops the identifier: no retail
   barcode is that long, and no payment code starts with ``01``). A code that cannot be read
   is refused;
4. text with ``<`` or ``>`` → unknown (markup is never a code, and is never echoed);
5. a link, or share text holding one → RED note link or ``xhslink.com`` short link; a GS1
   Digital Link (any other host, path ``…/01/<gtin>…``) → as step 3; any other host →
   unknown (the router never opens anything);
6. digits only: 18 digits starting 10–15 → WeChat Pay code; 16–24 digits starting 25–30 →
   Alipay code; 8, 12, 13 or 14 digits → retail barcode with its check digit (13 digits with a
   variable-measure prefix that GS1 reserves for restricted circulation → variable-measure
   code in the configured layout); other digits → SKU code;
7. letters, digits, ``-``, ``_``, ``.`` → SKU or erp code;
8. anything else → unknown.

Payment codes and retail barcodes never have the same length, so their order is not a matter
of taste; the payment test runs first so that a long digit string is never taken for a SKU.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar
from urllib.parse import urlsplit

from redhome_pos.domain import gs1, signed_codes
from redhome_pos.domain.barcodes import (
    Symbology,
    has_valid_check_digit,
    lookup_keys,
    upce_to_upca,
)
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.gs1 import Gs1Error, Gs1Item
from redhome_pos.domain.signed_codes import SignedCode, SignedCodeError

MAX_INPUT_LENGTH = 2048  # read no further than this, whatever arrives
MAX_CODE_LENGTH = 600  # a cleaned code longer than this is nothing we know

NOTE_HOSTS = frozenset({"www.xiaohongshu.com", "xiaohongshu.com"})
SHORT_LINK_HOSTS = frozenset({"xhslink.com", "www.xhslink.com"})


class ScanError(DomainError, ValueError):
    """A scan was read but must not be used: wrong check digit, forged code, nothing read."""


class ScanKind(enum.StrEnum):
    PRODUCT_BARCODE = "product_barcode"
    VARIABLE_MEASURE = "variable_measure"
    SKU_CODE = "sku_code"
    NOTE_LINK = "note_link"
    SHORT_LINK = "short_link"
    RECEIPT_CODE = "receipt_code"
    PARCEL_CODE = "parcel_code"
    PICKUP_CODE = "pickup_code"
    STAFF_BADGE = "staff_badge"
    MEMBER_CODE = "member_code"
    WECHAT_PAY = "wechat_pay"
    ALIPAY = "alipay"
    UNKNOWN = "unknown"


class Measure(enum.StrEnum):
    PRICE = "price"  # the value is the line amount in fen
    WEIGHT = "weight"  # the value is the weight in grams


@dataclass(frozen=True, slots=True)
class VariableMeasureLayout:
    """Where a scale puts the item and the value in a 13-digit code starting 20–29.

    Positions count from 0; the last digit is always the check digit. The default reads
    ``2P IIIII VVVVV C``: two prefix digits, five item digits, five value digits.
    """

    measure: Measure = Measure.PRICE
    prefixes: frozenset[str] = frozenset(str(n) for n in range(20, 30))
    item_start: int = 2
    item_length: int = 5
    value_start: int = 7
    value_length: int = 5

    def __post_init__(self) -> None:
        item_end = self.item_start + self.item_length
        value_end = self.value_start + self.value_length
        if not (
            2 <= self.item_start < item_end <= 12
            and 2 <= self.value_start < value_end <= 12
            and (item_end <= self.value_start or value_end <= self.item_start)
        ):
            raise ScanError(
                "A variable-measure layout needs the item and the value in digits 3 to 12, "
                "apart from each other"
            )

    @classmethod
    def named(cls, measure: str) -> VariableMeasureLayout:
        try:
            return cls(measure=Measure(measure))
        except ValueError:
            raise ScanError(
                "Unknown variable-measure layout {name!r}: use 'price' or 'weight'", name=measure
            ) from None


@dataclass(frozen=True, slots=True)
class ScanSettings:
    """What the router needs to know about this store."""

    store_code: str = ""
    code_secret: str = ""
    variable_measure: VariableMeasureLayout = field(default_factory=VariableMeasureLayout)


@dataclass(frozen=True, slots=True)
class ProductBarcode:
    """A retail barcode with a correct check digit; ``keys`` are the forms to look up.

    ``gs1`` holds what a GS1 code carried with the product's GTIN (lot, expiry, serial,
    count, weight); it is None for a plain retail barcode.
    """

    kind: ClassVar[ScanKind] = ScanKind.PRODUCT_BARCODE
    code: str
    symbology: Symbology
    keys: tuple[str, ...]
    gs1: Gs1Item | None = None


@dataclass(frozen=True, slots=True)
class VariableMeasure:
    """A scale label: the item it names and the price (fen) or weight (grams) it carries."""

    kind: ClassVar[ScanKind] = ScanKind.VARIABLE_MEASURE
    code: str
    item_code: str
    measure: Measure
    value: int

    @property
    def price_fen(self) -> int | None:
        return self.value if self.measure is Measure.PRICE else None

    @property
    def weight_g(self) -> int | None:
        return self.value if self.measure is Measure.WEIGHT else None


@dataclass(frozen=True, slots=True)
class SkuCode:
    """Text that may be a SKU code, an erp code or an internal barcode: the catalog decides."""

    kind: ClassVar[ScanKind] = ScanKind.SKU_CODE
    code: str


@dataclass(frozen=True, slots=True)
class NoteLink:
    """A RED note; only the note id is kept (share tokens in the link are dropped)."""

    kind: ClassVar[ScanKind] = ScanKind.NOTE_LINK
    note_id: str


@dataclass(frozen=True, slots=True)
class ShortLink:
    """An ``xhslink.com`` link: only following it online tells which note it is."""

    kind: ClassVar[ScanKind] = ScanKind.SHORT_LINK
    code: str
    url: str


@dataclass(frozen=True, slots=True)
class StoreCode:
    """One of our own signed codes, verified for this store."""

    code: SignedCode

    @property
    def kind(self) -> ScanKind:
        return _STORE_CODE_KINDS[self.code.kind]


@dataclass(frozen=True, slots=True)
class PaymentCode:
    """A customer's WeChat Pay or Alipay payment code (one-time; shown masked)."""

    wallet: ScanKind
    code: str

    @property
    def kind(self) -> ScanKind:
        return self.wallet

    @property
    def masked(self) -> str:
        return f"{self.code[:4]}{'*' * (len(self.code) - 8)}{self.code[-4:]}"


@dataclass(frozen=True, slots=True)
class Unknown:
    """Nothing the store knows. ``template``/``params`` say why, for the clerk to read."""

    kind: ClassVar[ScanKind] = ScanKind.UNKNOWN
    template: str
    params: Mapping[str, str] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)


ScanResult = (
    ProductBarcode
    | VariableMeasure
    | SkuCode
    | NoteLink
    | ShortLink
    | StoreCode
    | PaymentCode
    | Unknown
)

_STORE_CODE_KINDS = {
    signed_codes.CodeKind.RECEIPT: ScanKind.RECEIPT_CODE,
    signed_codes.CodeKind.PARCEL: ScanKind.PARCEL_CODE,
    signed_codes.CodeKind.PICKUP: ScanKind.PICKUP_CODE,
    signed_codes.CodeKind.STAFF_BADGE: ScanKind.STAFF_BADGE,
    signed_codes.CodeKind.MEMBER: ScanKind.MEMBER_CODE,
}

# A scanner may send an AIM symbology identifier first (``]E0`` EAN-13, ``]Q1`` QR, …).
_AIM_PREFIX = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# Identifiers that say the symbol carries GS1 element strings.
_GS1_SYMBOLOGIES = frozenset({"]C1", "]d2", "]Q3", "]e0", "]J1"})
_GS1_HRI = re.compile(r"^\(\d{2,4}\)")
_GS1_BARE = re.compile(r"^01[0-9]{14}[0-9A-Za-z!-/:-?_]*$")
_DIGITS_AND_SPACES = re.compile(r"^[0-9][0-9 ]*[0-9]$")
_SKU_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{1,63}$")
_URL_IN_TEXT = re.compile(r"https?://[A-Za-z0-9.\-]+(?::[0-9]+)?(?:/[A-Za-z0-9._~%/?=&+#:\-]*)?")
_NOTE_ID = re.compile(r"^[0-9A-Za-z]{8,40}$")
_HEX_ID = re.compile(r"^[0-9A-Fa-f]{24}$")
_SHORT_CODE = re.compile(r"^[0-9A-Za-z]{1,32}$")
_PREVIEW_DROP = str.maketrans("", "", "<>&\"'`")


def clean(text: str) -> str:
    """The text as the router reads it: full-width forms folded (NFKC), control characters,
    a scanner's symbology identifier and outer spaces removed, length capped."""
    return _read(text)[0].replace(gs1.GS, "")


def _read(text: str) -> tuple[str, bool]:
    """The cleaned text with GS1 separators kept, and whether the scanner said it is GS1."""
    text = unicodedata.normalize("NFKC", text[:MAX_INPUT_LENGTH])
    text = "".join(
        ch for ch in text if ch == gs1.GS or not unicodedata.category(ch).startswith("C")
    )
    text = text.strip().strip(gs1.GS).strip()
    aim = _AIM_PREFIX.match(text)
    said_gs1 = aim is not None and aim.group(0) in _GS1_SYMBOLOGIES
    if aim is not None:
        text = text[aim.end() :].strip().lstrip(gs1.GS)
    if _DIGITS_AND_SPACES.match(text):
        # "6 901234 567892" as printed under a barcode and typed by hand.
        text = text.replace(" ", "")
    return text, said_gs1


def route(text: str, settings: ScanSettings | None = None) -> ScanResult:
    """Say what ``text`` is. Raises ``ScanError`` only when it must not be used at all."""
    settings = settings or ScanSettings()
    code, said_gs1 = _read(text)
    if not code.replace(gs1.GS, ""):
        raise ScanError("Nothing was read: scan again")
    if len(code) > MAX_CODE_LENGTH:
        return Unknown(
            "This is too long to be a code the store knows ({length} characters)",
            {"length": str(len(code))},
        )
    if said_gs1 or gs1.GS in code or _GS1_HRI.match(code) or _gs1_digits(code):
        return _gs1_product(code)
    code = code.replace(gs1.GS, "")
    if signed_codes.looks_signed(code):
        return _store_code(code, settings)
    if "<" in code or ">" in code:
        return Unknown("This looks like web page text, not a code")
    if "://" in code:
        if code.isascii() and " " not in code:
            return _link(code)
        # Share text copied from the RED app: "【…】 … http://xhslink.com/a/… 复制本条信息…".
        found = _URL_IN_TEXT.search(code)
        if found is not None:
            return _link(found.group(0))
        return Unknown("This link cannot be read; it was not opened")
    if _starts_with_host(code):
        return _link(code)
    if code.isascii() and code.isdigit():
        return _digits(code, settings.variable_measure)
    if _SKU_CODE.match(code):
        return SkuCode(code)
    return Unknown("Not a code the store knows: {preview}", {"preview": _preview(code)})


def _store_code(code: str, settings: ScanSettings) -> StoreCode:
    try:
        return StoreCode(
            signed_codes.verify(code, secret=settings.code_secret, store=settings.store_code)
        )
    except SignedCodeError as error:
        raise ScanError(error.template, **error.params) from None


def _starts_with_host(code: str) -> bool:
    head = code.split("/", 1)[0].lower()
    return head in NOTE_HOSTS or head in SHORT_LINK_HOSTS


def _link(code: str) -> ScanResult:
    if "://" not in code:
        code = "https://" + code
    try:
        parts = urlsplit(code)
        host = (parts.hostname or "").lower()
    except ValueError:
        return Unknown("This link cannot be read; it was not opened")
    if parts.scheme.lower() not in ("http", "https") or not host:
        return Unknown("This link cannot be read; it was not opened")
    segments = [s for s in parts.path.split("/") if s]
    if host in NOTE_HOSTS:
        return _note_link(segments)
    if host in SHORT_LINK_HOSTS:
        if 1 <= len(segments) <= 2 and all(_SHORT_CODE.match(s) for s in segments):
            path = "/".join(segments)
            return ShortLink(code=path, url=f"https://xhslink.com/{path}")
        return Unknown("This xhslink.com link has no note code")
    if gs1.looks_like_digital_link(parts.path):
        # A GS1 Digital Link names the product on any host; nothing is opened.
        return _gs1_product(code, digital_link=True)
    return Unknown(
        "A link to {host} is not a RED note; it was not opened", {"host": _preview(host)}
    )


def _note_link(segments: list[str]) -> ScanResult:
    # A scanner with caps lock on sends the path in capitals: the page names still count.
    names = [segment.lower() for segment in segments]
    note_id: str | None = None
    if len(segments) == 2 and names[0] == "explore":
        note_id = segments[1]
    elif len(segments) == 3 and names[:2] == ["discovery", "item"]:
        note_id = segments[2]
    elif len(segments) == 4 and names[:2] == ["user", "profile"]:
        note_id = segments[3]
    elif len(segments) == 3 and names[:2] == ["user", "profile"]:
        return Unknown("This is a RED profile link, not a note: show the note itself")
    if note_id is None or not _NOTE_ID.match(note_id):
        return Unknown("This RED link is not a note: show the note itself")
    if _HEX_ID.match(note_id):
        note_id = note_id.lower()  # note ids are hexadecimal, written in lower case
    return NoteLink(note_id)


def _digits(code: str, layout: VariableMeasureLayout) -> ScanResult:
    length = len(code)
    if length < 2:
        return Unknown("Not a code the store knows: {preview}", {"preview": code})
    prefix = int(code[:2])
    if length == 18 and 10 <= prefix <= 15:
        return PaymentCode(ScanKind.WECHAT_PAY, code)
    if 16 <= length <= 24 and 25 <= prefix <= 30:
        return PaymentCode(ScanKind.ALIPAY, code)
    if length in (8, 12, 13, 14):
        return _retail(code, layout)
    return SkuCode(code)


_GTIN_SYMBOLOGIES = {8: Symbology.EAN8, 12: Symbology.UPCA, 13: Symbology.EAN13}


def _gs1_digits(code: str) -> bool:
    """``01`` + a GTIN-14 and possibly more: an element string sent without its identifier."""
    return _GS1_BARE.match(code) is not None


def _gs1_product(code: str, *, digital_link: bool = False) -> ProductBarcode:
    try:
        if digital_link:
            item = gs1.parse_digital_link(code)
        elif _GS1_HRI.match(code):
            item = gs1.parse_hri(code)
        else:
            item = gs1.parse_element_string(code)
    except Gs1Error as error:
        raise ScanError(error.template, **error.params) from None
    retail = item.retail_code
    symbology = _GTIN_SYMBOLOGIES.get(len(retail), Symbology.INTERNAL)
    return ProductBarcode(retail, symbology, tuple(lookup_keys(retail)), item)


def _retail(code: str, layout: VariableMeasureLayout) -> ScanResult:
    if has_valid_check_digit(code):
        if len(code) == 13 and code[:2] in layout.prefixes and gs1.restricted_circulation(code):
            return _variable_measure(code, layout)
        if len(code) == 8:
            return ProductBarcode(code, Symbology.EAN8, (code,))
        if len(code) == 14:
            # A GTIN-14 whose packaging digit is 0 is the EAN-13 inside it.
            if code.startswith("0"):
                return ProductBarcode(code[1:], Symbology.EAN13, tuple(lookup_keys(code[1:])))
            return ProductBarcode(code, Symbology.INTERNAL, (code,))
        symbology = Symbology.EAN13 if len(code) == 13 else Symbology.UPCA
        return ProductBarcode(code, symbology, tuple(lookup_keys(code)))
    if len(code) == 8 and code[0] in "01":
        upca = upce_to_upca(code)
        if has_valid_check_digit(upca):
            return ProductBarcode(code, Symbology.UPCE, (code, upca, "0" + upca))
    raise ScanError("Check digit wrong in {code}: scan again", code=code)


def _variable_measure(code: str, layout: VariableMeasureLayout) -> VariableMeasure:
    item = code[layout.item_start : layout.item_start + layout.item_length]
    value = code[layout.value_start : layout.value_start + layout.value_length]
    return VariableMeasure(code, item, layout.measure, int(value))


def _preview(text: str) -> str:
    """A short, harmless echo of what was read, for a message (never markup or quotes)."""
    shown = text.translate(_PREVIEW_DROP)
    return shown[:40] + ("…" if len(shown) > 40 else "")
