"""The catalog repository: products, SKUs and barcodes as domain objects."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session

from redhome_pos.domain.barcodes import lookup_keys, parse_barcode
from redhome_pos.domain.catalog import Product, Sku, SkuView, variant_text
from redhome_pos.domain.errors import CatalogError
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.repositories.counter_sql import Prepared

_PRODUCTS = ProductRow.metadata.tables[ProductRow.__tablename__]
_SKUS = SkuRow.metadata.tables[SkuRow.__tablename__]
_BARCODES = BarcodeRow.metadata.tables[BarcodeRow.__tablename__]
_LEVELS = StockLevelRow.metadata.tables[StockLevelRow.__tablename__]


_SKU_COLUMNS = select(
    _SKUS.c.id,
    _SKUS.c.product_id,
    _SKUS.c.code,
    _SKUS.c.price_fen,
    _SKUS.c.original_price_fen,
    _SKUS.c.variant,
    _SKUS.c.red_sku_id,
    _SKUS.c.active,
    _SKUS.c.location,
)
# A SKU comes back with all its barcodes in the same query: one row per barcode (one row
# with ``barcode`` NULL for a SKU without any); they are put in code order here.
_ALL_CODES = _BARCODES.alias("all_codes")


def _with_barcodes(statement: Select[Any]) -> Prepared:
    return Prepared(
        statement.add_columns(_ALL_CODES.c.code.label("barcode")).outerjoin(
            _ALL_CODES, _ALL_CODES.c.sku_id == _SKUS.c.id
        )
    )


_SKU_BY_ID = _with_barcodes(_SKU_COLUMNS.where(_SKUS.c.id == bindparam("id")))
_SKU_BY_CODE = _with_barcodes(_SKU_COLUMNS.where(_SKUS.c.code == bindparam("code")))
_SKU_BY_BARCODE = _with_barcodes(
    _SKU_COLUMNS.join_from(_SKUS, _BARCODES, _BARCODES.c.sku_id == _SKUS.c.id).where(
        _BARCODES.c.code == bindparam("key")
    )
)
_VIEW_COLUMNS = (
    _SKU_COLUMNS.add_columns(
        _PRODUCTS.c.title_zh,
        _PRODUCTS.c.title_en,
        _PRODUCTS.c.brand,
        _PRODUCTS.c.category,
        _PRODUCTS.c.vat_rate_bp,
        _LEVELS.c.on_hand,
    )
    .join_from(_SKUS, _PRODUCTS, _PRODUCTS.c.id == _SKUS.c.product_id)
    .outerjoin(_LEVELS, _LEVELS.c.sku_id == _SKUS.c.id)
)
_SKU_VIEW = _with_barcodes(_VIEW_COLUMNS.where(_SKUS.c.id == bindparam("id")))
# The scan's fast path: the SKU a scan names with its product and on-hand, in one indexed
# query (the unique index on barcodes.code, or on skus.code).
_VIEW_BY_BARCODE = Prepared(
    _VIEW_COLUMNS.join(_BARCODES, _BARCODES.c.sku_id == _SKUS.c.id).where(
        _BARCODES.c.code == bindparam("key")
    )
)
_VIEW_BY_CODE = Prepared(_VIEW_COLUMNS.where(_SKUS.c.code == bindparam("code")))
_OWNER = (
    select(_BARCODES.c.sku_id)
    .where(_BARCODES.c.code.in_(bindparam("keys", expanding=True)))
    .limit(1)
)
_PRODUCT = Prepared(
    select(
        _PRODUCTS.c.id,
        _PRODUCTS.c.title_zh,
        _PRODUCTS.c.brand,
        _PRODUCTS.c.category,
        _PRODUCTS.c.vat_rate_bp,
        _PRODUCTS.c.title_en,
        _PRODUCTS.c.red_item_id,
    ).where(_PRODUCTS.c.id == bindparam("id"))
)


def _product(row: Any) -> Product:
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
        return self._session.execute(_OWNER, {"keys": lookup_keys(code)}).scalar()

    # --- reading ------------------------------------------------------------------------
    # Lookups run on every scan: they use statements built once and plain rows, not ORM
    # objects, and flush first only when this session holds unsaved catalog changes.

    def _rows(self, statement: Prepared, params: dict[str, Any]) -> Any | None:
        session = self._session
        if session.new or session.dirty or session.deleted:
            session.flush()
        return statement.first(session, params)

    def _sku_rows(self, statement: Prepared, params: dict[str, Any]) -> list[Any]:
        session = self._session
        if session.new or session.dirty or session.deleted:
            session.flush()
        return statement.all(session, params)

    def product(self, product_id: int) -> Product | None:
        row = self._rows(_PRODUCT, {"id": product_id})
        return None if row is None else _product(row)

    def sku(self, sku_id: int) -> Sku | None:
        rows = self._sku_rows(_SKU_BY_ID, {"id": sku_id})
        return _sku(rows) if rows else None

    def sku_by_code(self, code: str) -> Sku | None:
        """The SKU with this SKU code (the online store's erpCode)."""
        rows = self._sku_rows(_SKU_BY_CODE, {"code": code.strip()})
        return _sku(rows) if rows else None

    def sku_by_barcode(self, code: str) -> Sku | None:
        """The SKU a scanned barcode finds (UPC-A and EAN-13 with a leading 0 alike)."""
        code = code.strip()
        if not code:
            return None
        for key in lookup_keys(code):
            rows = self._sku_rows(_SKU_BY_BARCODE, {"key": key})
            if rows:
                return _sku(rows)
        return None

    def sku_view(self, sku_id: int) -> SkuView | None:
        """A SKU with its product and on-hand, as a counter screen shows it."""
        rows = self._sku_rows(_SKU_VIEW, {"id": sku_id})
        if not rows:
            return None
        row = rows[0]
        sku = _sku(rows)
        return SkuView(
            sku_id=sku_id,
            code=sku.code,
            title_zh=row.title_zh,
            title_en=row.title_en,
            brand=row.brand,
            category=row.category,
            variant_text=sku.variant_text,
            price_fen=sku.price_fen,
            original_price_fen=sku.original_price_fen,
            vat_rate_bp=row.vat_rate_bp,
            active=sku.active,
            on_hand=int(row.on_hand or 0),
            barcode=sku.barcodes[0] if sku.barcodes else None,
            product_id=sku.product_id,
        )

    def names(self, sku_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
        """Each SKU's product title and variant (``色号：#520``), as lists of SKUs show them."""
        wanted = sorted(set(sku_ids))
        found: dict[int, tuple[str, str]] = {}
        for start in range(0, len(wanted), 500):
            rows = self._session.execute(
                select(SkuRow.id, ProductRow.title_zh, SkuRow.variant)
                .join(ProductRow, ProductRow.id == SkuRow.product_id)
                .where(SkuRow.id.in_(wanted[start : start + 500]))
            )
            for sku_id, title, variant in rows:
                found[sku_id] = (title, variant_text(dict(variant or {})))
        return found

    def view_by_barcode(self, keys: Sequence[str]) -> SkuView | None:
        """The counter's view of the SKU owning the first of ``keys`` (the forms of one
        scanned barcode) that is in the catalog; its ``barcode`` is that key."""
        for key in keys:
            row = self._rows(_VIEW_BY_BARCODE, {"key": key})
            if row is not None:
                return _view(row, barcode=key)
        return None

    def view_by_code(self, code: str) -> SkuView | None:
        """The counter's view of the SKU with this SKU code (the online store's erpCode)."""
        row = self._rows(_VIEW_BY_CODE, {"code": code})
        return None if row is None else _view(row, barcode=None)


def _sku(rows: Sequence[Any]) -> Sku:
    """A SKU from its rows (one per barcode)."""
    row = rows[0]
    return Sku(
        id=row.id,
        product_id=row.product_id,
        code=row.code,
        price_fen=row.price_fen,
        original_price_fen=row.original_price_fen,
        variant=dict(row.variant or {}),
        red_sku_id=row.red_sku_id,
        active=bool(row.active),
        location=row.location,
        barcodes=tuple(sorted(r.barcode for r in rows if r.barcode is not None)),
    )


def _view(row: Any, *, barcode: str | None) -> SkuView:
    variant: dict[str, str] = dict(row.variant or {})
    return SkuView(
        sku_id=row.id,
        code=row.code,
        title_zh=row.title_zh,
        title_en=row.title_en,
        brand=row.brand,
        category=row.category,
        variant_text=variant_text(variant),
        price_fen=row.price_fen,
        original_price_fen=row.original_price_fen,
        vat_rate_bp=row.vat_rate_bp,
        active=bool(row.active),
        on_hand=int(row.on_hand or 0),
        barcode=barcode,
        product_id=row.product_id,
    )
