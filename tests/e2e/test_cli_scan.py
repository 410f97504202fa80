"""``redhome-pos scan`` run as support staff run it: a separate process, a config file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import qrcode
from barcode import EAN13
from barcode.writer import ImageWriter
from PIL import Image

from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.signed_codes import sign_receipt_code
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.notes import NotesRepository

SECRET = "scan-secret-sh01-0123456789abcdefghijk"
NOTE = "6756a3f1000000000b03a5d2"
LIPSTICK = make_ean13("690123456789")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A config file and a store database with one product linked to one note."""
    db = tmp_path / "store.db"
    (tmp_path / "config.toml").write_text(
        f"""terminal_id = "POS-07"
[store]
code = "SH-01"
[database]
url = "sqlite:///{db}"
[paths]
data_dir = "{tmp_path / "data"}"
log_dir = "{tmp_path / "logs"}"
[scanning]
code_secret = "{SECRET}"
""",
        encoding="utf-8",
    )
    database = Database(f"sqlite:///{db}")
    upgrade(database)
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product = catalog.add_product(Product(None, "丝绒口红", "RED Beauty", "彩妆"))
        sku = catalog.add_sku(
            Sku(None, product, "RH-LIP-520", 12800, 15800, {"色号": "#520"}, barcodes=(LIPSTICK,))
        )
        NotesRepository(uow.session).link(
            NOTE, sku, staff_id=None, at=datetime(2026, 11, 25, tzinfo=UTC)
        )
        uow.commit()
    database.dispose()
    return tmp_path


def redhome(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDHOME_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "xdg-config"))
    env.update(XDG_DATA_HOME=str(home / "xdg-data"), XDG_STATE_HOME=str(home / "xdg-state"))
    return subprocess.run(
        [sys.executable, "-m", "redhome_pos", "--config", str(home / "config.toml"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=120,
    )


def test_a_product_barcode_in_words_and_in_json(home: Path) -> None:
    words = redhome(home, "scan", f"]E0{LIPSTICK}")
    assert words.returncode == 0, words.stderr
    assert "kind: product_barcode" in words.stdout
    assert "product: 丝绒口红 色号：#520 (RH-LIP-520) ￥128.00, on hand 0" in words.stdout

    as_json = redhome(home, "scan", "--json", "ＲＨ－ＬＩＰ－５２０")
    assert as_json.returncode == 0, as_json.stderr
    report = json.loads(as_json.stdout)
    assert report["kind"] == "sku_code"
    assert report["product"]["sku_code"] == "RH-LIP-520"
    assert report["product"]["price_fen"] == 12800


def test_a_wrong_check_digit_and_a_foreign_link_fail_in_words(home: Path) -> None:
    wrong = redhome(home, "scan", LIPSTICK[:-1] + str((int(LIPSTICK[-1]) + 1) % 10))
    assert wrong.returncode == 1
    assert "Check digit wrong" in wrong.stdout and "product:" not in wrong.stdout
    foreign = redhome(home, "scan", "--json", "https://evil.example.com/explore/" + NOTE)
    assert foreign.returncode == 1
    report = json.loads(foreign.stdout)
    assert report["kind"] == "unknown"
    assert report["fields"]["message"].startswith("A link to evil.example.com is not a RED note")


@pytest.mark.slow  # three runs of the program
def test_a_note_shows_its_products_and_store_codes_are_checked(home: Path) -> None:
    note = redhome(
        home, "scan", "--json", f"https://www.xiaohongshu.com/explore/{NOTE}?xsec_source=app_share"
    )
    assert note.returncode == 0, note.stderr
    report = json.loads(note.stdout)
    assert report["note"]["note_id"] == NOTE
    assert [p["sku_code"] for p in report["note"]["products"]] == ["RH-LIP-520"]

    receipt = redhome(home, "scan", sign_receipt_code(SECRET, "SH-01", "SH-01-20261125-0042"))
    assert receipt.returncode == 0, receipt.stderr
    assert "kind: receipt_code" in receipt.stdout
    assert "receipt_no: SH-01-20261125-0042" in receipt.stdout

    foreign = redhome(home, "scan", sign_receipt_code("other", "BJ-02", "BJ-02-1"))
    assert foreign.returncode == 1
    assert "This code belongs to store BJ-02" in foreign.stdout


def test_an_image_with_a_note_qr_and_a_barcode(home: Path) -> None:
    qr = qrcode.make(f"https://www.xiaohongshu.com/explore/{NOTE}", box_size=6).get_image()
    ean_path = home / "ean"
    EAN13(LIPSTICK[:12], writer=ImageWriter()).save(str(ean_path))
    ean = Image.open(f"{ean_path}.png").convert("RGB")
    sheet = Image.new("RGB", (max(qr.width, ean.width) + 40, qr.height + ean.height + 80), "white")
    sheet.paste(ean, (20, 20))
    sheet.paste(qr.convert("RGB"), (20, ean.height + 60))
    sheet.save(home / "counter.png")

    result = redhome(home, "scan", "--json", "--image", str(home / "counter.png"))
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert [r["kind"] for r in reports] == ["product_barcode", "note_link"]
    assert reports[0]["product"]["sku_code"] == "RH-LIP-520"
    assert reports[1]["note"]["products"][0]["sku_code"] == "RH-LIP-520"

    words = redhome(home, "scan", "--image", str(home / "missing.png"))
    assert words.returncode == 1
    assert "missing.png cannot be read" in words.stderr
    assert "Traceback" not in words.stderr


def test_a_short_link_offline_asks_for_the_product(home: Path) -> None:
    result = redhome(home, "scan", "--offline", "http://xhslink.com/a/Ab3dEfGh1Jk")
    assert result.returncode == 0, result.stderr
    assert "kind: short_link" in result.stdout
    assert "hint: This short link cannot be opened now: scan the product itself" in result.stdout


@pytest.mark.slow  # six runs of the program
def test_notes_commands_link_list_and_report(home: Path) -> None:
    other_note = "66f0c2aa000000001e01b7c4"
    database = Database(f"sqlite:///{home / 'store.db'}")
    with database.unit_of_work() as uow:
        NotesRepository(uow.session).count_scan(other_note, datetime(2026, 11, 25, tzinfo=UTC))
        NotesRepository(uow.session).count_scan(other_note, datetime(2026, 11, 26, tzinfo=UTC))
        uow.commit()
    database.dispose()

    unlinked = redhome(home, "notes", "unlinked", "--json")
    assert unlinked.returncode == 0, unlinked.stderr
    assert [(n["note_id"], n["scan_count"]) for n in json.loads(unlinked.stdout)] == [
        (other_note, 2)
    ]

    link = redhome(
        home, "notes", "link", f"https://www.xiaohongshu.com/explore/{other_note}", LIPSTICK
    )
    assert link.returncode == 0, link.stderr
    assert "1 product(s) linked" in link.stdout
    assert "Every note scanned so far is linked" in redhome(home, "notes", "unlinked").stdout

    unlink = redhome(home, "notes", "unlink", other_note, "RH-LIP-520")
    assert unlink.returncode == 0 and "1 product(s) unlinked" in unlink.stdout
    refused = redhome(home, "notes", "link", "https://evil.example.com/explore/x", LIPSTICK)
    assert refused.returncode == 1 and "not a RED note link" in refused.stderr

    report = redhome(
        home, "notes", "report", "--from", "2026-11-01", "--to", "2026-11-30", "--json"
    )
    assert report.returncode == 0, report.stderr
    assert json.loads(report.stdout) == []
