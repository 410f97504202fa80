"""The catalog repository: products, SKUs and barcodes as domain objects."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import lookup_keys, parse_barcode
from redhome_pos.domain.catalog import Product, Sku, SkuView
from redhome_pos.domain.errors import CatalogError
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow


def _product(row: ProductRow) -> Product:
    return Product(
        id=row.id,
        title_zh=row.title_zh,
        brand=row.brand,
        category=row.category,
        vat_rate_bp=row.vat_rate_bp,
        title_en=row.title_en,
        red_item_id=row.red_item_id,
    )


class CatalogRepository:
    """Reads and adds catalog entries on one session (the caller commits)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # --- adding -------------------------------------------------------------------------

    def add_product(self, product: Product) -> int:
        """Store a new product; returns its id."""
        if not product.title_zh.strip():
            raise CatalogError("A product needs a Chinese title")
        if product.vat_rate_bp < 0:
            raise CatalogError("A VAT rate cannot be negative: {rate}", rate=product.vat_rate_bp)
        if product.red_item_id is not None and self._session.scalar(
            select(ProductRow.id).where(ProductRow.red_item_id == product.red_item_id)
        ):
            raise CatalogError(
                "RED item {item} is already in the catalog", item=product.red_item_id
            )
        row = ProductRow(
            title_zh=product.title_zh,
            title_en=product.title_en,
            brand=product.brand,
            category=product.category,
            vat_rate_bp=product.vat_rate_bp,
            red_item_id=product.red_item_id,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def add_sku(self, sku: Sku) -> int:
        """Store a new SKU with its barcodes and an empty stock level; returns its id.

        Each barcode is validated (a retail code needs its check digit) and may belong to
        one SKU only.
        """
        code = sku.code.strip()
        if not code:
            raise CatalogError("A SKU needs a code")
        if sku.price_fen < 0 or sku.original_price_fen < 0:
            raise CatalogError("A price cannot be negative (SKU {sku})", sku=code)
        if self._session.get(ProductRow, sku.product_id) is None:
            raise CatalogError(
                "No product {product} for SKU {sku}", product=sku.product_id, sku=code
            )
        if self._session.scalar(select(SkuRow.id).where(SkuRow.code == code)) is not None:
            raise CatalogError("SKU code {sku} is already in the catalog", sku=code)
        if sku.red_sku_id is not None and self._session.scalar(
            select(SkuRow.id).where(SkuRow.red_sku_id == sku.red_sku_id)
        ):
            raise CatalogError(
                "RED SKU {red_sku} is already in the catalog", red_sku=sku.red_sku_id
            )
        row = SkuRow(
            product_id=sku.product_id,
            code=code,
            variant=dict(sku.variant),
            price_fen=sku.price_fen,
            original_price_fen=sku.original_price_fen,
            red_sku_id=sku.red_sku_id,
            active=sku.active,
            location=sku.location,
        )
        self._session.add(row)
        self._session.flush()
        self._session.add(StockLevelRow(sku_id=row.id, on_hand=0))
        self.add_barcodes(row.id, sku.barcodes)
        return row.id

    def add_barcodes(self, sku_id: int, codes: Iterable[str]) -> None:
        """Attach barcodes to a SKU; a code already on this SKU is left as it is."""
        sku_code = self._session.scalar(select(SkuRow.code).where(SkuRow.id == sku_id))
        if sku_code is None:
            raise CatalogError("No SKU {sku_id}", sku_id=sku_id)
        seen: set[str] = set()
        for text in codes:
            barcode = parse_barcode(text)
            if barcode.code in seen:
                continue
            seen.add(barcode.code)
            owner = self._barcode_owner(barcode.code)
            if owner == sku_id:
                continue
            if owner is not None:
                other = self._session.scalar(select(SkuRow.code).where(SkuRow.id == owner))
                raise CatalogError(
                    "Barcode {code} already belongs to SKU {other}", code=barcode.code, other=other
                )
            self._session.add(
                BarcodeRow(code=barcode.code, sku_id=sku_id, symbology=barcode.symbology.value)
            )
        self._session.flush()

    def _barcode_owner(self, code: str) -> int | None:
        # A UPC-A and its 13-digit form with a leading zero are the same product code.
        return self._session.scalar(
            select(BarcodeRow.sku_id).where(BarcodeRow.code.in_(lookup_keys(code))).limit(1)
        )

    # --- reading ------------------------------------------------------------------------

    def product(self, product_id: int) -> Product | None:
        row = self._session.get(ProductRow, product_id)
        return None if row is None else _product(row)

    def sku(self, sku_id: int) -> Sku | None:
        row = self._session.get(SkuRow, sku_id)
        return None if row is None else self._sku(row)

    def sku_by_code(self, code: str) -> Sku | None:
        """The SKU with this SKU code (the online store's erpCode)."""
        row = self._session.scalar(select(SkuRow).where(SkuRow.code == code.strip()))
        return None if row is None else self._sku(row)

    def sku_by_barcode(self, code: str) -> Sku | None:
        """The SKU a scanned barcode finds (UPC-A and EAN-13 with a leading 0 alike)."""
        code = code.strip()
        if not code:
            return None
        sku_id = self._barcode_owner(code)
        return None if sku_id is None else self.sku(sku_id)

    def sku_view(self, sku_id: int) -> SkuView | None:
        """A SKU with its product and on-hand, as a counter screen shows it."""
        found = self._session.execute(
            select(SkuRow, ProductRow, StockLevelRow.on_hand)
            .join(ProductRow, SkuRow.product_id == ProductRow.id)
            .outerjoin(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .where(SkuRow.id == sku_id)
        ).first()
        if found is None:
            return None
        sku_row, product_row, on_hand = found
        sku = self._sku(sku_row)
        return SkuView(
            sku_id=sku_row.id,
            code=sku.code,
            title_zh=product_row.title_zh,
            title_en=product_row.title_en,
            brand=product_row.brand,
            category=product_row.category,
            variant_text=sku.variant_text,
            price_fen=sku.price_fen,
            original_price_fen=sku.original_price_fen,
            vat_rate_bp=product_row.vat_rate_bp,
            active=sku.active,
            on_hand=int(on_hand or 0),
            barcode=sku.barcodes[0] if sku.barcodes else None,
        )

    def _sku(self, row: SkuRow) -> Sku:
        codes = self._session.scalars(
            select(BarcodeRow.code).where(BarcodeRow.sku_id == row.id).order_by(BarcodeRow.code)
        ).all()
        return Sku(
            id=row.id,
            product_id=row.product_id,
            code=row.code,
            price_fen=row.price_fen,
            original_price_fen=row.original_price_fen,
            variant=dict(row.variant or {}),
            red_sku_id=row.red_sku_id,
            active=row.active,
            location=row.location,
            barcodes=tuple(codes),
        )
