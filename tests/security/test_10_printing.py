"""Point 10: printing never stops on a title. Characters a printer cannot print (emoji,
zero-width and control characters, signs its encoding lacks) are printed as a visible
substitute and logged once; titles are cleaned on the way in, from a CSV file and from the
online catalog."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest
from security_store import Store, make_store
from sqlalchemy import select

from printers import printable
from printers.document import Document, Row, Text
from printers.profile import PrinterProfile
from printers.renderers import render_for_printer
from printers.renderers.png import render_png
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import ProductRow
from redhome_pos.services.catalog_csv import import_catalog
from sync.catalog_apply import apply_page
from sync.connector import OnlineSku

TITLE = "限定礼盒🎁 口红\u200b#520\u202e烂番茄\x07 ¥"
PROFILES = [
    PrinterProfile(name="receipt"),
    PrinterProfile(name="receipt", language="escpos-raster"),
    PrinterProfile(name="label", language="tspl", transport="network", host="x"),
    PrinterProfile(name="label", language="zpl", transport="network", host="x"),
]


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database, open_shift=False)


@pytest.mark.parametrize("profile", PROFILES, ids=lambda p: p.language)
def test_a_receipt_with_unprintable_characters_still_prints(
    profile: PrinterProfile, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(printable, "_logged", set())
    document = Document("sale", (Text(TITLE), Row((TITLE, "1", "￥128.00"))))
    with caplog.at_level(logging.WARNING, logger="printers.printable"):
        data = render_for_printer(document, profile)
        render_png(document, profile)
    assert data
    if profile.language == "escpos":
        assert "限定礼盒□ 口红□#520□烂番茄□ □".encode("gbk") in data
    logged = [r.getMessage() for r in caplog.records]
    # Each character once, however many times it was printed.
    for codepoint in ("U+1F381", "U+200B", "U+202E", "U+0007", "U+00A5"):
        assert sum(codepoint in line for line in logged) == 1, (codepoint, logged)


def test_titles_are_cleaned_on_the_way_in_from_csv(store: Store, tmp_path: Path) -> None:
    file = tmp_path / "catalog.csv"
    file.write_text(
        "sku_code,title_zh,brand,price\nNEW-1,\u200b口红\u200d #520\ufeff  烂番茄 ,RED\u2060,99\n",
        encoding="utf-8",
    )
    import_catalog(store.database, file, staff=store.manager)
    with store.database.reading() as session:
        found = session.execute(
            select(ProductRow.title_zh, ProductRow.brand).order_by(ProductRow.id.desc())
        ).first()
    assert found is not None and tuple(found) == ("口红 #520 烂番茄", "RED")


def test_titles_are_cleaned_on_the_way_in_from_the_online_catalog(store: Store) -> None:
    now = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)
    item = OnlineSku(
        "RS-1", "RI-1", "面膜\u200b\n10片\u202e装\t", 9_900, 9_900, now,
        brand="\u200eRED", category="护肤\x00",
    )  # fmt: skip
    with store.database.unit_of_work() as uow:
        apply_page(uow.session, [item], seen_at=now)
        uow.commit()
    with store.database.reading() as session:
        found = session.execute(
            select(ProductRow.title_zh, ProductRow.brand, ProductRow.category).where(
                ProductRow.red_item_id == "RI-1"
            )
        ).first()
    assert found is not None and tuple(found) == ("面膜 10片装", "RED", "护肤")
