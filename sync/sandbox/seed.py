"""What the sandbox's online store holds at start: the demo store's catalog and stock.

The demo catalog generator (``redhome_pos.services.demo_catalog``) is the source when it is
installed, so the sandbox lists exactly the SKUs the demo store sells; otherwise a small internal
assortment stands in, with ids of the same shape.
"""

from __future__ import annotations

import hashlib
import importlib
import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class SeedSku:
    sku_id: str
    item_id: str
    title: str
    variants: tuple[tuple[str, str], ...]
    price_fen: int
    original_price_fen: int
    barcode: str
    erp_code: str
    stock: int


def red_id(*parts: object) -> str:
    """A stable 24-character lower-case hex id, the shape RED uses for items, SKUs and notes."""
    text = "/".join(str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def ean13(body12: str) -> str:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body12))
    return body12 + str((10 - total % 10) % 10)


_ASSORTMENT = (
    ("完美日记 小细跟口红", "色号", ("#01 正红", "#05 豆沙", "#12 枫叶"), 8900),
    ("花西子 空气蜜粉", "规格", ("8g",), 14900),
    ("珀莱雅 双抗精华", "规格", ("30ml", "50ml"), 26900),
    ("薇诺娜 清透防晒乳", "规格", ("50g",), 16800),
    ("RED 联名卫衣", "尺码", ("S", "M", "L", "XL"), 29900),
    ("帆布鞋 经典款", "尺码", ("36", "37", "38", "39", "40"), 19900),
    ("三只松鼠 每日坚果", "规格", ("750g",), 12900),
    ("永璞 冷萃咖啡液", "规格", ("7颗装", "14颗装"), 5990),
    ("观夏 香薰蜡烛", "香型", ("昆仑煮雪", "橙花"), 26800),
    ("Ceramic Mug 马克杯", "颜色", ("白", "红"), 6900),
)


def _internal_catalog(skus: int, seed: int) -> Iterator[SeedSku]:
    rng = random.Random(seed)
    n = 0
    round_no = 0
    while n < skus:
        for title, axis, values, price in _ASSORTMENT:
            item_id = red_id("item", seed, round_no, title)
            for value in values:
                if n >= skus:
                    return
                original = price + rng.choice((0, 0, 1000, 2000))
                yield SeedSku(
                    sku_id=red_id("sku", seed, n),
                    item_id=item_id,
                    title=title if round_no == 0 else f"{title} {round_no}",
                    variants=((axis, value),),
                    price_fen=price,
                    original_price_fen=original,
                    barcode=ean13(f"69{seed % 100:02d}{n:08d}"),
                    erp_code=f"RH{n:07d}",
                    stock=rng.randint(0, 60),
                )
                n += 1
        round_no += 1


def _first(item: Any, *names: str, default: Any = None) -> Any:
    for name in names:
        value = getattr(item, name, None)
        if value is not None:
            return value
    return default


def _from_demo_item(item: Any) -> SeedSku:
    barcodes = _first(item, "barcodes", default=())
    if isinstance(barcodes, str):
        barcodes = (barcodes,)
    variant = _first(item, "variant", "variants", default={})
    pairs = tuple(variant.items()) if isinstance(variant, dict) else tuple(variant)
    price = int(_first(item, "price_fen", default=0))
    return SeedSku(
        sku_id=str(_first(item, "red_sku_id")),
        item_id=str(_first(item, "red_item_id")),
        title=str(_first(item, "title", "product_title", "name", default="")),
        variants=tuple((str(k), str(v)) for k, v in pairs),
        price_fen=price,
        original_price_fen=int(_first(item, "original_price_fen", default=price)),
        barcode=str(barcodes[0]) if barcodes else "",
        erp_code=str(_first(item, "erp_code", "sku_code", "code", default="")),
        stock=int(_first(item, "stock", "initial_stock", "on_hand", default=0)),
    )


def demo_catalog(skus: int, seed: int) -> Iterator[SeedSku]:
    """The demo store's SKUs, as the online store lists them."""
    try:
        generator = importlib.import_module("redhome_pos.services.demo_catalog")
    except ImportError:
        yield from _internal_catalog(skus, seed)
        return
    for item in generator.iter_demo_catalog(skus, seed):
        yield _from_demo_item(item)
