"""``redhome-pos lots`` and ``receive scan --lot``: lot tracking turned on by a manager, a
delivery received by lot, the lots shown and the expiring ones listed."""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from counter_store import make_store, write_config

from redhome_pos.cli import main
from redhome_pos.persistence.database import Database


def _run(config: Path, monkeypatch: Any, *args: str, pin: str = "3333") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    return main(["--config", str(config), *args])


def test_lots_from_the_command_line(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    make_store(database)
    config = write_config(tmp_path, db_path)
    manager = ("--staff", "3001", "--pin-stdin")
    clerk = ("--staff", "1001", "--pin-stdin")

    assert _run(config, monkeypatch, "lots", "track", "MASK-10", *clerk, pin="1111") == 1
    assert "may not" in capsys.readouterr().err  # a clerk cannot change the catalog
    assert _run(config, monkeypatch, "lots", "track", "MASK-10", *manager) == 0
    assert "lot tracking on for 1 SKU(s)" in capsys.readouterr().out

    soon = datetime.now(ZoneInfo("Asia/Shanghai")).date() + timedelta(days=5)  # the store's day
    assert _run(config, monkeypatch, "receive", "start", *manager) == 0
    capsys.readouterr()
    scan = ["receive", "scan", "1", "MASK-10", "--quantity", "4", "--lot", "M-1"]
    scan += ["--expiry", soon.strftime("%Y/%m/%d"), *manager]
    assert _run(config, monkeypatch, *scan) == 0
    assert _run(config, monkeypatch, "receive", "post", "1", *manager) == 0
    capsys.readouterr()

    assert _run(config, monkeypatch, "lots", "show", "MASK-10") == 0
    shown = capsys.readouterr().out.splitlines()
    assert shown[0].split() == ["M-1", soon.isoformat(), "4"]
    assert shown[1].split() == ["(unknown)", "-", "30"]

    assert _run(config, monkeypatch, "lots", "expiring", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["sku"], r["lot"], r["days_left"], r["on_hand"]) for r in rows] == [
        ("MASK-10", "M-1", 5, 4)
    ]
    assert _run(config, monkeypatch, "lots", "show", "BOOK-01") == 1  # not lot-tracked
