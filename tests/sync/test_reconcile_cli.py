"""``redhome-pos reconcile``: connect, sync, take the opening stock, then reconcile from the
command line against the sandbox (JSON, CSV with BOM, history, summary)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from redhome_pos.cli import main
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.staff import login
from sync.red_sandbox import SandboxHandle

pytestmark = pytest.mark.slow  # connects, syncs and reconciles 200 SKUs through the CLI


def _config(tmp_path: Path, sandbox: SandboxHandle) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(
        f"""terminal_id = "T1"
[store]
code = "RH01"
[database]
url = "sqlite:///{tmp_path / "store.db"}"
[paths]
data_dir = "{tmp_path / "data"}"
log_dir = "{tmp_path / "logs"}"
backup_dir = "{tmp_path / "backups"}"
[online_store]
base_url = "{sandbox.base_url}"
app_id = "{sandbox.app_id}"
app_secret = "{sandbox.app_secret}"
warehouse_code = "{sandbox.warehouse_code}"
enabled = true
""",
        encoding="utf-8",
    )
    return path


def test_reconcile_from_the_command_line(
    tmp_path: Path, sandbox: SandboxHandle, capsys: Any, monkeypatch: Any
) -> None:
    config = _config(tmp_path, sandbox)
    base = ["--config", str(config)]
    monkeypatch.setattr("sys.stdin", io.StringIO("730519\n"))
    assert main([*base, "staff", "add", "9001", "王店长", "--role", "manager", "--pin-stdin"]) == 0
    manager = ["--staff", "9001", "--pin-stdin"]
    monkeypatch.setattr("sys.stdin", io.StringIO("730519\n"))
    assert main([*base, "online-store", "connect", sandbox.authorization_code(), *manager]) == 0
    assert main([*base, "sync", "--once"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("730519\n"))
    assert main([*base, "online-store", "opening-stock", *manager]) == 0
    assert main([*base, "sync", "--once"]) == 0  # pushes the opening figures
    capsys.readouterr()

    assert main([*base, "reconcile", "--json"]) == 0
    clean = json.loads(capsys.readouterr().out)
    assert (clean["skus_here"], clean["skus_online"], clean["differences"]) == (200, 200, 0)

    assert clean["run"] == 1
    state = sandbox.sandbox_state
    with state.reading() as db:
        red_id, price = db.execute(
            "SELECT sku_id, price FROM skus ORDER BY sku_id LIMIT 1"
        ).fetchone()
    sandbox.update_sku(red_id, price=price + 100)

    path = tmp_path / "run.csv"
    assert main([*base, "reconcile", "--csv", str(path)]) == 1  # differences found
    out = capsys.readouterr().out
    assert "price mismatch" in out and "1 line(s) written" in out
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [(r["kind"], r["online_sku"]) for r in rows] == [("price_mismatch", red_id)]

    assert main([*base, "reconcile", "--history"]) == 0
    history = capsys.readouterr().out.splitlines()
    assert history[0].startswith("#2") and "differences 1" in history[0]
    assert main([*base, "reconcile", "--summary", "2"]) == 0
    assert "decided 0 of 1" in capsys.readouterr().out

    # The manager takes the online price.
    monkeypatch.setattr("sys.stdin", io.StringIO("730519\n"))
    decide = ["reconcile", "--decide", "take_online_price", "--line", rows[0]["line"]]
    who = ["--reason", "online is right", "--staff", "9001", "--pin-stdin"]
    assert main([*base, *decide, *who]) == 0
    assert f"price:{price + 100}" in capsys.readouterr().out
    assert main([*base, "reconcile", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["differences"] == 0

    # --moved-only reads online stock only for SKUs that moved since the last run.
    database = Database(f"sqlite:///{tmp_path / 'store.db'}")
    with database.reading() as session:
        (moved, moved_red), (_, still_red) = session.execute(
            select(SkuRow.id, SkuRow.red_sku_id)
            .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .where(StockLevelRow.on_hand > 2)
            .order_by(SkuRow.id)
            .limit(2)
        ).all()
    boss = login(database, Till("RH01", "T1"), "9001", "730519")
    stock_service.adjust(database, moved, -1, reason="broken", terminal_id="T1", staff=boss)
    database.dispose()
    assert main([*base, "sync", "--once"]) == 0  # the new figure goes online
    for red in (moved_red, still_red):
        total = sandbox.state(sandbox.warehouse_code)["stock"][red][sandbox.warehouse_code]
        sandbox.set_stock(red, sandbox.warehouse_code, total + 2)
    capsys.readouterr()
    assert main([*base, "reconcile", "--json", "--moved-only"]) == 1
    lines = json.loads(capsys.readouterr().out)["lines"]
    assert [(line["kind"], line["online_sku"]) for line in lines] == [("stock_drift", moved_red)]
    # The default run reads stock the same way; --full reads every SKU's stock again.
    assert main([*base, "reconcile", "--json"]) == 1
    lines = json.loads(capsys.readouterr().out)["lines"]
    assert [(line["kind"], line["online_sku"]) for line in lines] == [("stock_drift", moved_red)]
    assert main([*base, "reconcile", "--json", "--full"]) == 1
    lines = json.loads(capsys.readouterr().out)["lines"]
    assert sorted(line["online_sku"] for line in lines) == sorted([moved_red, still_red])
