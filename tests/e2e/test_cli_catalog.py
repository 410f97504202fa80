"""``redhome-pos demo-data``, ``catalog …`` and ``stock …`` run as separate processes."""

from __future__ import annotations

import csv
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A config file whose database, logs and backups all live under ``tmp_path``."""
    (tmp_path / "config.toml").write_text(
        f"""terminal_id = "POS-05"
[store]
code = "SH-02"
[database]
url = "sqlite:///{tmp_path / "store.db"}"
[paths]
data_dir = "{tmp_path / "data"}"
log_dir = "{tmp_path / "logs"}"
""",
        encoding="utf-8",
    )
    return tmp_path


def redhome(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDHOME_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "xdg-config"))
    env.update(XDG_DATA_HOME=str(home / "xdg-data"), XDG_STATE_HOME=str(home / "xdg-state"))
    options = ["--config", str(home / "config.toml")]
    return subprocess.run(
        [sys.executable, "-m", "redhome_pos", *options, *args],
        capture_output=True,
        text=True,
        input=stdin,
        env=env,
        cwd=home,
        timeout=180,
    )


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_demo_data_builds_a_checked_store_once(home: Path) -> None:
    url = f"sqlite:///{home / 'demo.db'}"
    built = redhome(home, "demo-data", "--skus", "400", "--seed", "3", "--database", url)
    assert built.returncode == 0, built.stderr
    assert "400 SKUs" in built.stdout
    assert _count(home / "demo.db", "skus") == 400
    assert _count(home / "demo.db", "search_terms") > 400
    again = redhome(home, "demo-data", "--skus", "10", "--database", url)
    assert again.returncode == 1
    assert "already has a catalog" in again.stderr
    assert _count(home / "demo.db", "skus") == 400

    # Into the configured store, then the foundation's check finds ledger and levels equal.
    into_store = redhome(home, "db", "upgrade")
    assert into_store.returncode == 0, into_store.stderr
    demo_url_store = f"sqlite:///{home / 'store.db'}"
    assert redhome(home, "demo-data", "--skus", "250", "--database", demo_url_store).returncode == 0
    checked = redhome(home, "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_catalog_export_import_and_stock_round_trip(home: Path) -> None:
    assert redhome(home, "db", "upgrade").returncode == 0
    store = f"sqlite:///{home / 'store.db'}"
    assert redhome(home, "demo-data", "--skus", "300", "--database", store).returncode == 0
    # The first run's manager, who then signs each import with their PIN.
    first = redhome(home, "staff", "add", "9001", "店长", "--role", "manager", stdin="24681357\n")
    assert first.returncode == 0, first.stderr
    manager = ("--staff", "9001", "--pin-stdin")
    pin = "24681357\n"

    exported = redhome(home, "catalog", "export", str(home / "catalog.csv"))
    assert exported.returncode == 0, exported.stderr
    assert "300 SKUs" in exported.stdout
    assert (home / "catalog.csv").read_bytes().startswith(b"\xef\xbb\xbf")

    # A GBK file with one bad row: refused whole, then imported with --skip-bad-rows.
    with (home / "catalog.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    rows[0]["price"] = "1.999"
    rows[1]["price"] = "66.00"
    header = list(rows[0])
    with (home / "edit.csv").open("w", encoding="gbk", errors="replace", newline="") as file:
        writer = csv.DictWriter(file, header)
        writer.writeheader()
        writer.writerows(rows[:5])
    refused = redhome(home, "catalog", "import", str(home / "edit.csv"), *manager, stdin=pin)
    assert refused.returncode == 1
    assert "line 2, column price" in refused.stderr
    report = home / "skipped.csv"
    imported = redhome(
        home,
        "catalog",
        "import",
        str(home / "edit.csv"),
        "--skip-bad-rows",
        "--report",
        str(report),
        *manager,
        stdin=pin,
    )
    assert imported.returncode == 0, imported.stderr
    assert "4 SKUs updated" in imported.stdout
    assert report.exists() and "1.999" in report.read_text(encoding="utf-8-sig")
    with sqlite3.connect(home / "store.db") as connection:
        price = connection.execute(
            "SELECT price_fen FROM skus WHERE code = ?", (rows[1]["sku_code"],)
        ).fetchone()[0]
    assert price == 6600

    assert redhome(home, "stock", "export", str(home / "stock.csv")).returncode == 0
    with (home / "stock.csv").open(encoding="utf-8-sig", newline="") as file:
        counted = list(csv.DictReader(file))
    counted[0]["on_hand"] = str(int(counted[0]["on_hand"]) + 7)
    with (home / "count.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, list(counted[0]))
        writer.writeheader()
        writer.writerows(counted[:3])
    booked = redhome(home, "stock", "import", str(home / "count.csv"), *manager, stdin=pin)
    assert booked.returncode == 0, booked.stderr
    assert "1 stock counts booked" in booked.stdout
    assert redhome(home, "db", "check").returncode == 0

    assert redhome(home, "catalog", "reindex").returncode == 0
    missing = redhome(home, "catalog", "import", str(home / "nope.csv"), *manager, stdin=pin)
    assert missing.returncode == 1
    assert "Cannot read" in missing.stderr and "Traceback" not in missing.stderr
