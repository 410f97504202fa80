"""The store catalog: products, their SKUs (variants) and the barcodes that find them."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

DEFAULT_VAT_RATE_BP = 1300  # 13 % in basis points (1 % = 100)


@dataclass(frozen=True, slots=True)
class Product:
    """A product as the customer knows it (one title, several variants)."""

    id: int | None
    title_zh: str
    brand: str
    category: str
    vat_rate_bp: int = DEFAULT_VAT_RATE_BP
    title_en: str = ""
    red_item_id: str | None = None


@dataclass(frozen=True, slots=True)
class Sku:
    """One sellable variant: a code, a price and the barcodes that find it.

    ``variant`` holds attributes such as ``{"色号": "#520", "尺码": "M"}`` in display order.
    """

    id: int | None
    product_id: int
    code: str
    price_fen: int
    original_price_fen: int
    variant: dict[str, str] = field(default_factory=dict)
    red_sku_id: str | None = None
    active: bool = True
    location: str = ""
    barcodes: tuple[str, ...] = ()

    @property
    def variant_text(self) -> str:
        return variant_text(self.variant)


def variant_text(variant: Mapping[str, str]) -> str:
    """A variant as a shelf label says it: ``色号：#520 / 规格：3.5g``. A Chinese attribute
    name takes the full-width colon Chinese writing uses; a Latin one ``Size: M``."""
    return " / ".join(
        f"{name}{'：' if _is_cjk(name[-1:]) else ': '}{value}" for name, value in variant.items()
    )


def _is_cjk(char: str) -> bool:
    return bool(char) and unicodedata.east_asian_width(char) in ("W", "F")


@dataclass(frozen=True, slots=True)
class SkuView:
    """What a counter screen needs to show about a SKU: product, variant, price and stock."""

    sku_id: int
    code: str
    title_zh: str
    title_en: str
    brand: str
    category: str
    variant_text: str
    price_fen: int
    original_price_fen: int
    vat_rate_bp: int
    active: bool
    on_hand: int
    barcode: str | None = None
    product_id: int = 0


# Invisible characters a title never needs: format (zero-width spaces and joiners, direction
# marks, the BOM), private-use and surrogates. Line breaks and other spaces become one space.
_DROPPED = frozenset({"Cf", "Co", "Cs"})


def clean_title(text: str) -> str:
    """A title (or brand, category) as the store keeps it: invisible and control characters
    removed, any run of spaces, tabs or line breaks made one space, the ends trimmed. Emoji
    and other visible characters stay (a printer that lacks one prints a substitute)."""
    if text.isprintable() and "  " not in text:
        return text.strip()
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in _DROPPED:
            continue
        kept.append(" " if category == "Cc" or char.isspace() else char)
    return " ".join("".join(kept).split())
