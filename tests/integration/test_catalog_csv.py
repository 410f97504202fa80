"""Catalog and stock CSV files on a real SQLite store: encodings, errors, all or nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from acting_staff import manager_session
from sqlalchemy import func, select

from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services.catalog_csv import (
    CsvImportError,
    export_catalog,
    export_stock,
    import_catalog,
    import_stock,
)
from redhome_pos.services.catalog_search import search_catalog

ALSO_ON_POSTGRES = True  # runs on PostgreSQL too when REDHOME_TEST_POSTGRES_URL is set

B1, B2, B3, B4 = (make_ean13(f"69012345{n:04d}") for n in (1, 2, 3, 4))
HEADER = ",".join(
    [
        "sku_code",
        "title_zh",
        "title_en",
        "brand",
        "category",
        "variant",
        "price",
        "original_price",
        "vat_rate",
        "barcodes",
        "active",
    ]
)
GOOD = f"""{HEADER}
LIP-01,完美日记 小细跟口红,Velvet Lipstick,完美日记,彩妆,色号=#01 正红,89,99.00,13,{B1},yes
LIP-02,完美日记 小细跟口红,Velvet Lipstick,完美日记,彩妆,"色号=#05 豆沙;规格=3.5g",￥89.90,,13,\
{B2} {B3},no
NUT-01,三只松鼠 每日坚果,,三只松鼠,零食,规格=750g,129,,9,,
"""


def _write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "in.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _sku_count(database: Database) -> int:
    with database.reading() as session:
        return int(session.scalar(select(func.count()).select_from(SkuRow)) or 0)


def _assert_good_catalog(database: Database) -> None:
    with database.reading() as session:
        repo = CatalogRepository(session)
        lip1, lip2, nut = (repo.sku_by_code(c) for c in ("LIP-01", "LIP-02", "NUT-01"))
        assert lip1 and lip2 and nut
        assert lip1.product_id == lip2.product_id != nut.product_id
        assert (lip1.price_fen, lip1.original_price_fen) == (8900, 9900)
        assert (lip2.price_fen, lip2.original_price_fen) == (8990, 8990)
        assert lip2.variant == {"色号": "#05 豆沙", "规格": "3.5g"}
        assert lip2.barcodes == tuple(sorted((B2, B3))) and not lip2.active
        assert nut.barcodes == () and nut.active
        product = repo.product(nut.product_id)
        assert product and product.vat_rate_bp == 900 and product.title_zh == "三只松鼠 每日坚果"
        assert repo.sku_by_barcode(B3) == lip2
    assert [v.code for v in search_catalog(database, "坚果").results] == ["NUT-01"]
    assert [v.code for v in search_catalog(database, "khs").results] == []
    assert {v.code for v in search_catalog(database, "kh").results} == {"LIP-01", "LIP-02"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_a_good_file_in_utf8_with_or_without_bom_or_gbk(
    database: Database, tmp_path: Path, encoding: str
) -> None:
    result = import_catalog(
        database, _write(tmp_path, GOOD, encoding), staff=manager_session(database)
    )
    assert (result.rows, result.added_products, result.added_skus, result.updated_skus) == (
        3,
        2,
        3,
        0,
    )
    assert result.skipped == () and result.report is None
    _assert_good_catalog(database)


def test_importing_again_updates_known_skus_and_their_barcodes(
    database: Database, tmp_path: Path
) -> None:
    import_catalog(database, _write(tmp_path, GOOD), staff=manager_session(database))
    changed = GOOD.replace(f"￥89.90,,13,{B2} {B3},no", f"79,,13,{B4},yes")
    result = import_catalog(
        database, _write(tmp_path, changed, name="again.csv"), staff=manager_session(database)
    )
    assert (result.added_skus, result.updated_skus, result.added_products) == (0, 3, 0)
    with database.reading() as session:
        lip2 = CatalogRepository(session).sku_by_code("LIP-02")
        assert lip2 and lip2.price_fen == 7900 and lip2.active and lip2.barcodes == (B4,)
        assert session.scalar(select(func.count()).select_from(ProductRow)) == 2


BROKEN = f"""{HEADER}
LIP-07,好的一行,,,,,10,,,,
LIP-01,完美日记 小细跟口红,,完美日记,彩妆,色号=#01,89.999,,13,{B1},yes
LIP-02,完美日记 小细跟口红,,完美日记,彩妆,色号=#05,89,,13,6901234567890,yes
,无编码,,,,,10,,,,
LIP-04,面膜,,,,,abc,,,,
LIP-07,重复编码,,,,,10,,,,
LIP-06,好行,,,,,10,,,,maybe
LIP-08,变体,,,,颜色,10,,,,
LIP-09,税率,,,,,10,,150,,
LIP-10,多一格,,,,,10,,,,,extra
"""


def test_a_broken_file_names_every_bad_line_and_column_and_imports_nothing(
    database: Database, tmp_path: Path
) -> None:
    with pytest.raises(CsvImportError) as caught:
        import_catalog(database, _write(tmp_path, BROKEN), staff=manager_session(database))
    found = [(e.line, e.column) for e in caught.value.errors]
    assert found == [
        (3, "price"),
        (4, "barcodes"),
        (5, "sku_code"),
        (6, "price"),
        (7, "sku_code"),
        (8, "active"),
        (9, "variant"),
        (10, "vat_rate"),
        (11, ""),
    ]
    assert "line 3, column price" in str(caught.value)
    assert _sku_count(database) == 0  # line 2 is good, but the file imports whole or not at all


def test_skip_bad_rows_imports_the_good_ones_and_reports_the_rest(
    database: Database, tmp_path: Path
) -> None:
    report = tmp_path / "skipped.csv"
    result = import_catalog(
        database,
        _write(tmp_path, BROKEN),
        skip_bad_rows=True,
        report=report,
        staff=manager_session(database),
    )
    assert result.added_skus == 1 and len(result.skipped) == 9
    assert result.report == report
    with report.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["line", "column", "error", "value", "row"]
    assert [row[0] for row in rows[1:]] == ["3", "4", "5", "6", "7", "8", "9", "10", "11"]
    assert "LIP-02" in rows[2][4]
    with database.reading() as session:
        assert [s for s in session.scalars(select(SkuRow.code))] == ["LIP-07"]


def test_a_barcode_taken_in_the_store_refuses_the_file_and_changes_nothing(
    database: Database, tmp_path: Path
) -> None:
    import_catalog(database, _write(tmp_path, GOOD), staff=manager_session(database))
    clash = f"{HEADER}\nNEW-01,新品,,,,,10,,,,\nNEW-02,新品二,,,,,10,,,{B1},\n"
    with pytest.raises(CsvImportError) as caught:
        import_catalog(
            database, _write(tmp_path, clash, name="clash.csv"), staff=manager_session(database)
        )
    assert [(e.line, "LIP-01" in e.message) for e in caught.value.errors] == [(3, True)]
    assert _sku_count(database) == 3
    report = tmp_path / "r.csv"
    result = import_catalog(
        database,
        tmp_path / "clash.csv",
        skip_bad_rows=True,
        report=report,
        staff=manager_session(database),
    )
    assert result.added_skus == 1 and [e.line for e in result.skipped] == [3]
    assert _sku_count(database) == 4


@pytest.mark.parametrize(
    ("content", "line"),
    [
        (b"sku_code,title_zh,price\nA-1,\xff\xfe\xfd,10\n", 2),  # neither UTF-8 nor GBK
        ('sku_code,title_zh,price\nA-1,"未结束的引号,10\n'.encode(), None),
        (b"", None),
        (b"sku_code,title_zh,colour\n", 1),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(
    database: Database, tmp_path: Path, content: bytes, line: int | None
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(CsvImportError) as caught:
        import_catalog(database, path, staff=manager_session(database))
    if line is not None:
        assert caught.value.errors and caught.value.errors[0].line == line
    assert _sku_count(database) == 0


def test_export_round_trips_and_neutralises_formulas(database: Database, tmp_path: Path) -> None:
    hostile = f"""{HEADER}
EVIL-1,"=cmd|' /C calc'!A0",@SUM(A1),'; DROP TABLE skus; --,+1,"k=v",10,,,,
EVIL-2,"-2+3",,Robert'); DELETE FROM products;--,,,10,,,,
"""
    import_catalog(
        database,
        _write(tmp_path, GOOD + hostile.split("\n", 1)[1]),
        staff=manager_session(database),
    )
    out = tmp_path / "out.csv"
    assert export_catalog(database, out) == 5
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = {row["sku_code"]: row for row in csv.DictReader(file)}
    assert rows["EVIL-1"]["title_zh"] == "'=cmd|' /C calc'!A0"
    assert rows["EVIL-1"]["title_en"] == "'@SUM(A1)"
    assert rows["EVIL-1"]["category"] == "+1"  # a plain number stays as it is
    assert rows["EVIL-2"]["title_zh"] == "'-2+3"
    assert rows["LIP-01"]["price"] == "89.00" and rows["NUT-01"]["vat_rate"] == "9"
    with database.reading() as session:
        titles = set(session.scalars(select(ProductRow.title_zh)))
    assert "=cmd|' /C calc'!A0" in titles  # stored as typed, harmless

    other = Database(f"sqlite:///{tmp_path / 'other.db'}")
    try:
        from redhome_pos.persistence.migrate import upgrade

        upgrade(other)
        import_catalog(other, out, staff=manager_session(other))
        again = tmp_path / "again.csv"
        export_catalog(other, again)
        assert again.read_bytes() == data
    finally:
        other.dispose()


STOCK = "sku_code,on_hand\nLIP-01,12\nLIP-02,0\nNUT-01,3\n"


def test_stock_import_books_counts_through_the_ledger(database: Database, tmp_path: Path) -> None:
    import_catalog(database, _write(tmp_path, GOOD), staff=manager_session(database))
    result = import_stock(
        database,
        _write(tmp_path, STOCK, name="s.csv"),
        terminal_id="T9",
        staff=manager_session(database),
    )
    assert result.stock_movements == 2  # LIP-02 stays at 0
    again = import_stock(
        database,
        _write(tmp_path, STOCK, name="s.csv"),
        terminal_id="T9",
        staff=manager_session(database),
    )
    assert again.stock_movements == 0
    with database.reading() as session:
        stock = StockRepository(session)
        codes = dict(session.execute(select(SkuRow.code, SkuRow.id)).all())
        assert [stock.on_hand(codes[c]) for c in ("LIP-01", "LIP-02", "NUT-01")] == [12, 0, 3]
        kinds = set(session.scalars(select(StockMovementRow.kind)))
        terminals = set(session.scalars(select(StockMovementRow.terminal_id)))
    assert kinds == {"count"} and terminals == {"T9"}
    assert check(database) == []

    out = tmp_path / "stock.csv"
    assert export_stock(database, out) == 3
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = {row["sku_code"]: row for row in csv.DictReader(file)}
    assert rows["LIP-01"]["on_hand"] == "12" and rows["LIP-01"]["barcode"] == B1
    assert (
        import_stock(
            database, out, terminal_id="T9", staff=manager_session(database)
        ).stock_movements
        == 0
    )


def test_stock_import_errors_are_all_or_nothing_unless_skipped(
    database: Database, tmp_path: Path
) -> None:
    import_catalog(database, _write(tmp_path, GOOD), staff=manager_session(database))
    bad = _write(
        tmp_path, "sku_code,on_hand\nLIP-01,5\nNOPE,4\nNUT-01,-1\nLIP-02,x\n", "gbk", "bad.csv"
    )
    with pytest.raises(CsvImportError) as caught:
        import_stock(database, bad, terminal_id="T1", staff=manager_session(database))
    assert [(e.line, e.column) for e in caught.value.errors] == [
        (3, "sku_code"),
        (4, "on_hand"),
        (5, "on_hand"),
    ]
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(StockMovementRow)) == 0
    result = import_stock(
        database, bad, terminal_id="T1", skip_bad_rows=True, staff=manager_session(database)
    )
    assert result.stock_movements == 1 and len(result.skipped) == 3
    assert result.report is not None and result.report.exists()
    assert check(database) == []


def test_barcodes_in_the_store_are_checked_against_lookup_forms(
    database: Database, tmp_path: Path
) -> None:
    upca = "036000291452"  # a valid UPC-A; its EAN-13 form has a leading zero
    import_catalog(
        database,
        _write(tmp_path, f"{HEADER}\nUPC-1,美国零食,,,,,10,,,{upca},\n"),
        staff=manager_session(database),
    )
    clash = _write(tmp_path, f"{HEADER}\nUPC-2,另一个,,,,,10,,,0{upca},\n", name="c.csv")
    with pytest.raises(CsvImportError):
        import_catalog(database, clash, staff=manager_session(database))
    with database.reading() as session:
        assert session.scalar(select(func.count()).select_from(BarcodeRow)) == 1


def test_new_skus_join_their_product_and_red_ids_stay_unique(
    database: Database, tmp_path: Path
) -> None:
    header = "sku_code,title_zh,variant,price,red_item_id,red_sku_id"
    first = f"{header}\nTEE-S,纯棉T恤,尺码=S,59,{'a' * 24},{'1' * 24}\n"
    import_catalog(database, _write(tmp_path, first), staff=manager_session(database))
    more = (
        f"{header}\n"
        f"TEE-M,纯棉T恤 新款,尺码=M,69,{'a' * 24},{'2' * 24}\n"  # the same RED item
        f"MUG-1,马克杯,颜色=白,39,,{'1' * 24}\n"  # a RED SKU id already taken
    )
    with pytest.raises(CsvImportError) as caught:
        import_catalog(
            database, _write(tmp_path, more, name="more.csv"), staff=manager_session(database)
        )
    assert [(e.line, e.column) for e in caught.value.errors] == [(3, "red_sku_id")]
    assert "TEE-S" in caught.value.errors[0].message
    result = import_catalog(
        database, tmp_path / "more.csv", skip_bad_rows=True, staff=manager_session(database)
    )
    assert (result.added_products, result.added_skus) == (0, 1)
    with database.reading() as session:
        repo = CatalogRepository(session)
        small, medium = repo.sku_by_code("TEE-S"), repo.sku_by_code("TEE-M")
        assert small and medium and small.product_id == medium.product_id
        product = repo.product(small.product_id)
        assert product and product.title_zh == "纯棉T恤 新款"  # the file's last word
    assert [v.code for v in search_catalog(database, "新款").results] == ["TEE-S", "TEE-M"]
