"""``redhome-pos count`` and ``redhome-pos receive``: a count and a delivery from the command
line, the PIN read from standard input."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from counter_store import make_store, write_config

from redhome_pos.cli import main
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories import StockRepository


def _run(config: Path, monkeypatch: Any, *args: str, pin: str = "3333") -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
    return main(["--config", str(config), *args])


def test_count_and_receive_from_the_command_line(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    store = make_store(database)
    config = write_config(tmp_path, db_path)
    staff = ("--staff", "1001", "--pin-stdin")

    assert _run(config, monkeypatch, "count", "start", "--sku", "LIP-520", *staff, pin="1111") == 0
    assert "count 1 started: 1 SKU(s)" in capsys.readouterr().out
    assert (
        _run(config, monkeypatch, "count", "enter", "1", "LIP-520", "18", *staff, pin="1111") == 0
    )
    assert _run(config, monkeypatch, "count", "sheet", "1") == 1  # a variance shows
    assert "-2" in capsys.readouterr().out
    # A clerk cannot post; the manager can.
    assert _run(config, monkeypatch, "count", "post", "1", *staff, pin="1111") == 1
    assert "may not post count" in capsys.readouterr().err
    manager = ("--staff", "3001", "--pin-stdin")
    assert _run(config, monkeypatch, "count", "post", "1", *manager) == 0
    assert "1 movement(s), +0 / -2 units" in capsys.readouterr().out

    note = tmp_path / "DN-7.csv"
    note.write_text("code,quantity\nMASK-10,4\nBOOK-01,2\n", encoding="utf-8-sig")
    assert _run(config, monkeypatch, "receive", "note", str(note), *manager) == 0
    assert "delivery 1 opened" in capsys.readouterr().out
    assert (
        _run(
            config,
            monkeypatch,
            "receive",
            "scan",
            "1",
            "MASK-10",
            "--quantity",
            "4",
            *staff,
            pin="1111",
        )
        == 0
    )
    assert _run(config, monkeypatch, "receive", "show", "1") == 1  # the books are missing
    assert "-2" in capsys.readouterr().out
    assert _run(config, monkeypatch, "receive", "post", "1", *manager) == 0
    assert "4 unit(s) in 1 movement(s), 1 discrepancy line(s)" in capsys.readouterr().out

    with database.reading() as session:
        stock = StockRepository(session)
        assert stock.on_hand(store.items["LIP-520"].sku_id) == 18
        assert stock.on_hand(store.items["MASK-10"].sku_id) == 34
        assert stock.on_hand(store.items["BOOK-01"].sku_id) == 10
