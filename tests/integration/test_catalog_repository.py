"""The catalog repository on a real SQLite file: products, SKUs, barcodes, views."""

from __future__ import annotations

import pytest

from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.errors import BarcodeError, CatalogError
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories import CatalogRepository, StockRepository

ALSO_ON_POSTGRES = True

EAN = make_ean13("690123456789")
UPCA = "036000291452"  # valid UPC-A


def _lipstick(product_id: int, code: str = "LS-520", barcodes: tuple[str, ...] = (EAN,)) -> Sku:
    return Sku(
        id=None,
        product_id=product_id,
        code=code,
        price_fen=29900,
        original_price_fen=32900,
        variant={"色号": "#520", "规格": "3.5g"},
        red_sku_id=f"red-{code}",
        barcodes=barcodes,
    )


def _add_product(catalog: CatalogRepository) -> int:
    return catalog.add_product(
        Product(
            id=None,
            title_zh="丝绒哑光口红",
            brand="小红花",
            category="美妆",
            title_en="Velvet matte lipstick",
            red_item_id="item-1",
        )
    )


def test_a_sku_round_trips_with_its_barcodes_and_variant(database: Database) -> None:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = _add_product(catalog)
        sku_id = catalog.add_sku(_lipstick(product_id, barcodes=(EAN, UPCA)))
        uow.commit()

    with database.reading() as session:
        catalog = CatalogRepository(session)
        sku = catalog.sku(sku_id)
        assert sku is not None
        assert sku.code == "LS-520"
        assert sku.variant == {"色号": "#520", "规格": "3.5g"}
        assert list(sku.variant) == ["色号", "规格"]  # display order kept
        assert set(sku.barcodes) == {EAN, UPCA}
        assert catalog.sku_by_code("LS-520") == sku
        assert catalog.sku_by_code(" LS-520 ") == sku
        assert catalog.sku_by_barcode(EAN) == sku
        product = catalog.product(product_id)
        assert product is not None and product.title_zh == "丝绒哑光口红"
        assert product.red_item_id == "item-1"
        assert catalog.sku(9999) is None
        assert catalog.sku_by_code("nope") is None
        assert catalog.sku_by_barcode("") is None


def test_upc_a_is_found_when_scanned_as_13_digits_and_the_reverse(database: Database) -> None:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = _add_product(catalog)
        upc_sku = catalog.add_sku(_lipstick(product_id, "A", barcodes=(UPCA,)))
        ean_sku = catalog.add_sku(_lipstick(product_id, "B", barcodes=("0" + "012345678905",)))
        uow.commit()
    with database.reading() as session:
        catalog = CatalogRepository(session)
        found = catalog.sku_by_barcode("0" + UPCA)
        assert found is not None and found.id == upc_sku
        found = catalog.sku_by_barcode("012345678905")
        assert found is not None and found.id == ean_sku


def test_a_barcode_belongs_to_one_sku_only(database: Database) -> None:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = _add_product(catalog)
        catalog.add_sku(_lipstick(product_id, "A", barcodes=(UPCA,)))
        with pytest.raises(CatalogError, match="already belongs to SKU A"):
            catalog.add_sku(_lipstick(product_id, "B", barcodes=(UPCA,)))
        # The same code in its 13-digit form is the same product code.
        with pytest.raises(CatalogError, match="already belongs"):
            catalog.add_sku(_lipstick(product_id, "C", barcodes=("0" + UPCA,)))


def test_a_sku_code_is_unique_and_bad_barcodes_are_refused(database: Database) -> None:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product_id = _add_product(catalog)
        catalog.add_sku(_lipstick(product_id, "A", barcodes=()))
        with pytest.raises(CatalogError, match="already in the catalog"):
            catalog.add_sku(_lipstick(product_id, "A", barcodes=()))
        wrong_check = EAN[:-1] + str((int(EAN[-1]) + 1) % 10)
        with pytest.raises(BarcodeError, match="Check digit"):
            catalog.add_sku(_lipstick(product_id, "D", barcodes=(wrong_check,)))
        with pytest.raises(CatalogError, match="No product"):
            catalog.add_sku(_lipstick(12345, "E", barcodes=()))


def test_nothing_is_stored_unless_the_unit_of_work_commits(database: Database) -> None:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        catalog.add_sku(_lipstick(_add_product(catalog)))
    with database.reading() as session:
        assert CatalogRepository(session).sku_by_barcode(EAN) is None


def test_a_sku_view_joins_product_variant_and_on_hand(database: Database) -> None:
    from datetime import UTC, datetime

    from redhome_pos.domain.stock import MovementKind, StockMovement

    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        sku_id = catalog.add_sku(_lipstick(_add_product(catalog)))
        StockRepository(uow.session).record(
            StockMovement("m1", sku_id, MovementKind.RECEIVE, 7, "", None, "T1", datetime.now(UTC)),
            allow_negative=False,
        )
        uow.commit()
    with database.reading() as session:
        view = CatalogRepository(session).sku_view(sku_id)
        assert CatalogRepository(session).sku_view(sku_id + 1) is None
    assert view is not None
    assert view.title_zh == "丝绒哑光口红"
    assert view.brand == "小红花"
    assert view.variant_text == "色号：#520 / 规格：3.5g"
    assert view.price_fen == 29900
    assert view.on_hand == 7
    assert view.barcode == EAN
    assert view.vat_rate_bp == 1300


def test_lookups_see_changes_made_earlier_in_the_same_unit_of_work(database: Database) -> None:
    from redhome_pos.persistence.models.catalog import SkuRow

    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        sku_id = catalog.add_sku(_lipstick(_add_product(catalog)))
        row = uow.session.get(SkuRow, sku_id)
        assert row is not None
        row.price_fen = 25900  # changed through the ORM, not yet flushed
        found = catalog.sku_by_barcode(EAN)
        assert found is not None and found.price_fen == 25900
        view = catalog.sku_view(sku_id)
        assert view is not None and view.price_fen == 25900
