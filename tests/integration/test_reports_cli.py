"""``redhome-pos report NAME --from --to [--csv FILE]``."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from counter_store import make_store, write_config

from redhome_pos.cli import main
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.services import checkout, shifts


def test_report_printed_and_written_as_csv(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any
) -> None:
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 0)
    cart = Cart()
    cart.add(store.items["LIP-520"], 3)
    checkout.checkout(database, store.till, store.clerk, cart, [Tender.cash(77_700)])
    config = write_config(tmp_path, db_path)
    base = ["--config", str(config), "report"]

    assert main([*base, "sales_by_day", "--from", "2026-11-25", "--to", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "2026-11-25" in out and "￥777.00" in out

    path = tmp_path / "staff.csv"
    args = [*base, "sales_by_staff", "--from", "2026-11-01", "--to", "2026-11-30"]
    assert main([*args, "--csv", str(path)]) == 0
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows == [
        ["staff", "name", "sales", "discount_fen", "revenue_fen"],
        ["1001", store.clerk.name, "1", "0.00", "777.00"],
    ]
    assert main([*base, "nonsense", "--from", "2026-11-25"]) == 1
    assert "No report called nonsense" in capsys.readouterr().err
    assert main([*base, "--list"]) == 0
    assert "slow_movers" in capsys.readouterr().out
