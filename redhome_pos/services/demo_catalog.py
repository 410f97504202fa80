"""The demo store's catalog: a realistic REDHOME assortment, generated deterministically.

``iter_demo_catalog(skus, seed)`` yields one plain ``DemoItem`` per SKU: beauty, fashion,
snacks and home goods with Chinese brands and titles, variants (色号, 尺码, 规格 …), prices in
fen, valid EAN-13 barcodes with China's 69 prefix, opening stock and stable RED ids. The
same ``(skus, seed)`` always gives the same items, and a smaller catalog is a prefix of a
larger one with the same seed; the RED sandbox seeds the online store from it, so both sides
of a demo sell the same SKUs. Nothing here touches a database.
"""

from __future__ import annotations

import hashlib
import itertools
import random
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.errors import CatalogError
from redhome_pos.persistence.bulk_load import LoadResult, NewProduct, load_catalog
from redhome_pos.persistence.models.catalog import SkuRow

if TYPE_CHECKING:
    from redhome_pos.persistence.database import Database


@dataclass(frozen=True, slots=True)
class DemoItem:
    """One SKU of the demo store with the product it belongs to."""

    product_no: int  # 1-based; items with the same number are variants of one product
    red_item_id: str
    title_zh: str
    title_en: str
    brand: str
    category: str
    vat_rate_bp: int
    sku_code: str
    red_sku_id: str
    variant: dict[str, str] = field(default_factory=dict)
    price_fen: int = 0
    original_price_fen: int = 0
    barcodes: tuple[str, ...] = ()
    initial_stock: int = 0
    location: str = ""

    @property
    def title(self) -> str:
        return self.title_zh


@dataclass(frozen=True, slots=True)
class _Kind:
    """A kind of product (口红, 卫衣 …) and how its titles, variants and prices look."""

    noun: str
    noun_en: str
    category: str
    brands: Sequence[str]
    series: Sequence[str]
    axes: Sequence[tuple[str, Sequence[str]]]  # variant attributes and their values
    price_yuan: tuple[int, int]
    max_variants: int = 8
    vat_rate_bp: int = 1300


_BEAUTY_BRANDS = (
    "花西子",
    "完美日记",
    "珀莱雅",
    "薇诺娜",
    "彩棠",
    "毛戈平",
    "橘朵 Judydoll",
    "稚优泉",
    "自然堂",
    "百雀羚",
    "润百颜",
    "夸迪",
    "至本",
    "可复美",
    "INTO YOU",
    "Colorkey 珂拉琪",
)
_SHADES = (
    "#999 正红",
    "#520 番茄红",
    "#888 豆沙色",
    "#316 枫叶红",
    "#25 玫瑰豆沙",
    "#01 裸杏",
    "#02 奶茶棕",
    "#03 砖红",
    "#06 珊瑚橘",
    "#12 复古红",
    "#18 蜜桃粉",
    "#33 焦糖色",
)
_BASE_SHADES = ("00 象牙白", "01 自然色", "02 小麦色", "03 亮肤色", "10 冷白皮")
_PALETTES = ("01 大地色", "02 蜜桃盘", "03 烟熏灰", "04 玫瑰金", "05 奶茶盘")
_CLOTHES_SIZES = ("XS", "S", "M", "L", "XL", "XXL")
_SHOE_SIZES = tuple(str(n) for n in range(35, 45))
_COLOURS = ("黑色", "白色", "燕麦色", "雾霾蓝", "奶油黄", "酒红", "灰色", "藏青")
_FASHION_BRANDS = ("太平鸟", "江南布衣", "李宁", "安踏", "回力", "飞跃", "森马", "热风", "UR")
_SNACK_BRANDS = ("三只松鼠", "良品铺子", "百草味", "卫龙", "王小卤", "来伊份")
_DRINK_BRANDS = ("三顿半", "永璞", "简爱", "认养一头牛", "元气森林", "隅田川")
_HOME_BRANDS = ("野兽派", "观夏", "名创优品", "网易严选", "造作", "蔻斯晨 Cocod'or")

_KINDS: tuple[_Kind, ...] = (
    _Kind(
        "口红",
        "Lipstick",
        "彩妆",
        _BEAUTY_BRANDS,
        ("丝绒雾面", "小金条", "小细跟", "哑光", "水光", "雕花", "柔雾"),
        (("色号", _SHADES),),
        (59, 389),
    ),
    _Kind(
        "唇釉",
        "Lip Glaze",
        "彩妆",
        _BEAUTY_BRANDS,
        ("空气", "镜面", "丝绒", "水光"),
        (("色号", _SHADES),),
        (49, 199),
    ),
    _Kind(
        "面膜",
        "Sheet Mask",
        "护肤",
        _BEAUTY_BRANDS,
        ("玻尿酸补水", "积雪草修护", "烟酰胺亮肤", "胶原蛋白"),
        (("规格", ("5片装", "10片装", "20片装")),),
        (39, 199),
    ),
    _Kind(
        "精华",
        "Serum",
        "护肤",
        _BEAUTY_BRANDS,
        ("双抗", "红宝石", "早C晚A", "寡肽修护", "玻色因"),
        (("规格", ("15ml", "30ml", "50ml")),),
        (129, 699),
    ),
    _Kind(
        "粉底液",
        "Liquid Foundation",
        "彩妆",
        _BEAUTY_BRANDS,
        ("持妆", "养肤", "水光", "雾面"),
        (("色号", _BASE_SHADES),),
        (99, 459),
    ),
    _Kind(
        "眼影",
        "Eyeshadow Palette",
        "彩妆",
        _BEAUTY_BRANDS,
        ("九色", "四色", "十二色"),
        (("色号", _PALETTES),),
        (69, 329),
    ),
    _Kind(
        "防晒霜",
        "Sunscreen",
        "护肤",
        _BEAUTY_BRANDS,
        ("清透", "水感", "户外", "小金瓶"),
        (("规格", ("30ml", "50ml", "60ml")),),
        (69, 299),
    ),
    _Kind(
        "面霜",
        "Face Cream",
        "护肤",
        _BEAUTY_BRANDS,
        ("保湿", "修护", "紧致", "舒缓"),
        (("规格", ("30g", "50g")),),
        (89, 599),
    ),
    _Kind(
        "卸妆油",
        "Cleansing Oil",
        "护肤",
        _BEAUTY_BRANDS,
        ("温和", "深层", "植萃"),
        (("规格", ("150ml", "200ml")),),
        (59, 199),
    ),
    _Kind(
        "卫衣",
        "Hoodie",
        "服饰",
        _FASHION_BRANDS,
        ("宽松连帽", "复古印花", "加绒", "圆领", "联名"),
        (("颜色", _COLOURS), ("尺码", _CLOTHES_SIZES)),
        (129, 599),
        12,
    ),
    _Kind(
        "连衣裙",
        "Dress",
        "服饰",
        _FASHION_BRANDS,
        ("法式碎花", "针织", "吊带", "衬衫式", "收腰"),
        (("颜色", _COLOURS), ("尺码", _CLOTHES_SIZES)),
        (159, 899),
        12,
    ),
    _Kind(
        "T恤",
        "T-shirt",
        "服饰",
        _FASHION_BRANDS,
        ("纯棉短袖", "重磅", "落肩", "印花"),
        (("颜色", _COLOURS), ("尺码", _CLOTHES_SIZES)),
        (59, 299),
        12,
    ),
    _Kind(
        "帆布鞋",
        "Canvas Shoes",
        "鞋靴",
        _FASHION_BRANDS,
        ("经典低帮", "高帮", "厚底", "复古"),
        (("尺码", _SHOE_SIZES),),
        (89, 459),
        10,
    ),
    _Kind(
        "坚果",
        "Mixed Nuts",
        "零食",
        _SNACK_BRANDS,
        ("每日", "混合", "碧根果", "夏威夷果"),
        (("规格", ("250g", "500g", "750g")),),
        (29, 169),
        3,
    ),
    _Kind(
        "辣条",
        "Spicy Gluten Strips",
        "零食",
        _SNACK_BRANDS,
        ("大面筋", "魔芋爽", "小面筋"),
        (("口味", ("香辣", "麻辣", "微辣")),),
        (9, 49),
        3,
    ),
    _Kind(
        "咖啡",
        "Coffee",
        "饮品",
        _DRINK_BRANDS,
        ("冷萃", "冻干", "挂耳", "速溶"),
        (("规格", ("6颗装", "12颗装", "24颗装")),),
        (39, 259),
        3,
    ),
    _Kind(
        "酸奶",
        "Yogurt",
        "饮品",
        _DRINK_BRANDS,
        ("无蔗糖", "希腊", "低温", "原味"),
        (("规格", ("100g×6", "200g×12")),),
        (19, 99),
        2,
    ),
    _Kind(
        "香薰",
        "Aroma Diffuser",
        "家居",
        _HOME_BRANDS,
        ("无火", "藤条", "车载"),
        (("香型", ("昆仑煮雪", "橙花", "白茶", "雪松", "鼠尾草海盐")),),
        (59, 399),
        5,
    ),
    _Kind(
        "香薰蜡烛",
        "Scented Candle",
        "家居",
        _HOME_BRANDS,
        ("大豆", "玻璃杯", "旅行装"),
        (("香型", ("昆仑煮雪", "橙花", "白茶", "雪松")),),
        (79, 299),
        4,
    ),
    _Kind(
        "马克杯",
        "Mug",
        "家居",
        _HOME_BRANDS,
        ("陶瓷", "手绘", "大容量"),
        (("颜色", ("白", "红", "奶油黄", "雾霾蓝")),),
        (29, 129),
        4,
    ),
    _Kind(
        "收纳盒",
        "Organiser",
        "家居",
        _HOME_BRANDS,
        ("口红", "化妆品", "亚克力", "桌面"),
        (("颜色", ("透明", "白", "粉")),),
        (19, 99),
        3,
    ),
    _Kind(
        "抱枕",
        "Cushion",
        "家居",
        _HOME_BRANDS,
        ("毛绒", "北欧", "卡通"),
        (("颜色", ("米白", "灰色", "焦糖色")),),
        (39, 199),
        3,
    ),
)
# How often each kind appears: beauty leads a REDHOME store's shelves.
_WEIGHTS = (12, 4, 6, 6, 4, 4, 5, 4, 3, 4, 4, 4, 4, 4, 3, 4, 3, 3, 2, 3, 2, 2)
_BARCODE_STEP = 7919  # coprime with 10**8, so SKU numbers map to distinct barcode bodies


def demo_red_id(seed: int, *parts: object) -> str:
    """A stable 24-character lower-case hex id, shaped like RED's item and SKU ids."""
    text = "/".join(["redhome-demo", str(seed), *(str(p) for p in parts)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def demo_barcode(seed: int, sku_no: int, *, alternate: bool = False) -> str:
    """The EAN-13 of the ``sku_no``-th demo SKU (0-based); unique below 10**8 SKUs."""
    prefix = (seed + (50 if alternate else 0)) % 100
    body = (sku_no * _BARCODE_STEP + 4231) % 10**8
    return make_ean13(f"69{prefix:02d}{body:08d}")


def _price_fen(rng: random.Random, low_yuan: int, high_yuan: int) -> int:
    # Shelf prices end in 9 or 0 yuan, sometimes with .90 fen.
    yuan = rng.randint(low_yuan, high_yuan)
    yuan = yuan - yuan % 10 + rng.choice((9, 9, 9, 0))
    return max(yuan, 1) * 100 - rng.choice((0, 0, 0, 10))


def _variants(rng: random.Random, kind: _Kind) -> list[dict[str, str]]:
    combos: list[dict[str, str]] = [{}]
    for axis, values in kind.axes:
        picked = sorted(rng.sample(range(len(values)), rng.randint(1, min(4, len(values)))))
        combos = [{**combo, axis: values[i]} for combo in combos for i in picked]
    return combos[: kind.max_variants]


def _product_items(seed: int, product_no: int, first_sku_no: int) -> list[DemoItem]:
    rng = random.Random(f"redhome-demo/{seed}/{product_no}")
    kind = rng.choices(_KINDS, weights=_WEIGHTS)[0]
    brand = rng.choice(kind.brands)
    series = rng.choice(kind.series)
    edition = rng.choice(("", "", "", "", " 新款", " 限定", " 2.0"))
    title_zh = f"{brand} {series}{kind.noun}{edition}"
    title_en = f"{series_en(series)} {kind.noun_en}".strip() if rng.random() < 0.4 else ""
    price = _price_fen(rng, *kind.price_yuan)
    original = price if rng.random() < 0.6 else price + rng.choice((1000, 2000, 3000, 5000))
    red_item_id = demo_red_id(seed, "item", product_no)
    items = []
    for index, variant in enumerate(_variants(rng, kind)):
        sku_no = first_sku_no + index
        codes = [demo_barcode(seed, sku_no)]
        if rng.random() < 0.05:  # a few SKUs carry a second, older barcode
            codes.append(demo_barcode(seed, sku_no, alternate=True))
        items.append(
            DemoItem(
                product_no=product_no,
                red_item_id=red_item_id,
                title_zh=title_zh,
                title_en=title_en,
                brand=brand,
                category=kind.category,
                vat_rate_bp=kind.vat_rate_bp,
                sku_code=f"RH{product_no:06d}-{index + 1:02d}",
                red_sku_id=demo_red_id(seed, "sku", product_no, index),
                variant=variant,
                price_fen=price,
                original_price_fen=original,
                barcodes=tuple(codes),
                initial_stock=rng.choice((0, 2, 5, 8, 12, 20, 30, 60)),
                location=f"{'ABCDEFGH'[product_no % 8]}{product_no % 40 + 1:02d}-{index % 5 + 1}",
            )
        )
    return items


_SERIES_EN = {
    "丝绒雾面": "Velvet Matte",
    "小金条": "Gold Bar",
    "哑光": "Matte",
    "水光": "Glow",
    "雕花": "Carved",
    "双抗": "Double Defense",
    "红宝石": "Ruby",
    "玻尿酸补水": "Hyaluronic",
    "清透": "Clear",
    "宽松连帽": "Oversized",
    "法式碎花": "French Floral",
    "纯棉短袖": "Cotton",
    "经典低帮": "Classic Low",
    "每日": "Daily",
    "冷萃": "Cold Brew",
    "无蔗糖": "Sugar Free",
    "陶瓷": "Ceramic",
}


def series_en(series: str) -> str:
    return _SERIES_EN.get(series, "")


def iter_demo_catalog(skus: int, seed: int) -> Iterator[DemoItem]:
    """Yield ``skus`` demo SKUs, product by product, the same every time for ``seed``."""
    if skus < 0:
        raise ValueError("the number of SKUs cannot be negative")
    made = 0
    product_no = 0
    while made < skus:
        product_no += 1
        for item in _product_items(seed, product_no, made):
            if made >= skus:
                return
            yield item
            made += 1


def load_demo_store(
    database: Database, *, skus: int, seed: int, terminal_id: str = "demo"
) -> LoadResult:
    """Fill an empty store database with the demo catalog and its opening stock."""
    with database.reading() as session:
        if session.scalar(select(SkuRow.id).limit(1)) is not None:
            raise CatalogError(
                "The store already has a catalog; demo data goes into an empty database"
            )
    return load_catalog(
        database, _new_products(iter_demo_catalog(skus, seed)), terminal_id=terminal_id
    )


def _new_products(items: Iterable[DemoItem]) -> Iterator[NewProduct]:
    for _, group in itertools.groupby(items, key=lambda item: item.product_no):
        variants = list(group)
        first = variants[0]
        product = Product(
            id=None,
            title_zh=first.title_zh,
            brand=first.brand,
            category=first.category,
            vat_rate_bp=first.vat_rate_bp,
            title_en=first.title_en,
            red_item_id=first.red_item_id,
        )
        yield NewProduct(
            product,
            [
                (
                    Sku(
                        id=None,
                        product_id=0,
                        code=item.sku_code,
                        price_fen=item.price_fen,
                        original_price_fen=item.original_price_fen,
                        variant=item.variant,
                        red_sku_id=item.red_sku_id,
                        location=item.location,
                        barcodes=item.barcodes,
                    ),
                    item.initial_stock,
                )
                for item in variants
            ],
        )
