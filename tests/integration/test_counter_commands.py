"""The counter's commands: staff add/list (PIN from stdin, never echoed), shift report."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from counter_store import make_store, write_config

from redhome_pos.cli import main
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.services import checkout, shifts
from redhome_pos.services.staff import login


def test_staff_add_reads_the_pin_from_stdin_and_never_prints_it(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    config = write_config(tmp_path, db_path)
    store = make_store(database)
    # The manager's PIN first, then the new PIN: both from standard input, neither echoed.
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n730519\n"))
    code = main(
        [
            "--config",
            str(config),
            "staff",
            "add",
            "4001",
            "陈收银",
            "--role",
            "clerk",
            "--staff",
            "3001",
            "--pin-stdin",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "4001" in out and "730519" not in out + err and "3333" not in out + err
    logs = "".join(p.read_text() for p in (tmp_path / "logs").rglob("*") if p.is_file())
    assert "730519" not in logs
    assert login(database, store.till, "4001", "730519").name == "陈收银"

    assert main(["--config", str(config), "staff", "list"]) == 0
    listing = capsys.readouterr().out
    assert "4001" in listing and "manager" in listing

    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n12\n"))
    adding = ["staff", "add", "4002", "X", "--role", "clerk", "--staff", "3001"]
    assert main(["--config", str(config), *adding]) == 1
    assert "PIN is 4 to 8 digits" in capsys.readouterr().err


def test_shift_report_reprints_a_stored_z_report(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any
) -> None:
    config = write_config(tmp_path, db_path)
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 20_000)
    cart = Cart()
    cart.add(store.items["LIP-520"])
    checkout.checkout(database, store.till, store.clerk, cart, [Tender.cash(30_000)])
    z = shifts.close_shift(database, store.till, store.manager, {"cash": 45_800})
    assert main(["--config", str(config), "shift", "report", "--z", str(z.shift_id)]) == 0
    out = capsys.readouterr().out
    assert "Z report" in out and "￥259.00" in out and "￥458.00" in out
    assert main(["--config", str(config), "shift", "report", "--z", "99"]) == 1
