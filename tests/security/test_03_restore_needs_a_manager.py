"""Point 3, the part that was left: ``db restore`` replaces every record of the store, so once
the store has a manager it needs one (code, PIN from standard input), and it is audited in
the restored log, naming them; the Z anchors made since the backup do not then read as a
truncation of the log."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from security_store import Store, make_store

from redhome_pos.cli import main
from redhome_pos.config import AppPaths
from redhome_pos.config.keys import ANCHOR_FILE_NAME, AUDIT_KEY, store_key
from redhome_pos.domain.cart import Cart
from redhome_pos.persistence import admin
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit, shifts


def _write_config(tmp_path: Path, db: Path) -> Path:
    paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
    file = paths.config_file
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(
        f'terminal_id = "T1"\n[store]\ncode = "RH01"\n[database]\nurl = "sqlite:///{db}"\n'
        f'[paths]\ndata_dir = "{paths.data_dir}"\nlog_dir = "{paths.log_dir}"\n'
        f'backup_dir = "{paths.backup_dir}"\n'
        '[scanning]\ncode_secret = "9fK2-xQ7mL4pZ8wR1tB6yN0cH3vJ5sD-aE"\n',
        encoding="utf-8",
    )
    return file


@pytest.fixture
def store(database: Database, tmp_path: Path) -> Store:
    paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
    key = store_key(paths, AUDIT_KEY, use_keyring=False)
    return make_store(database, audit_key=key, anchor_file=paths.backup_dir / ANCHOR_FILE_NAME)


def _titles(db: Path) -> int:
    with sqlite3.connect(db) as connection:
        return int(connection.execute("SELECT count(*) FROM sales").fetchone()[0])


def test_restore_needs_a_manager_and_is_audited(
    store: Store, tmp_path: Path, db_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = _write_config(tmp_path, db_path)
    saved = admin.backup(store.database, tmp_path / "monday.db")
    for _ in range(2):
        cart = Cart()
        cart.add(store.items["MASK-10"])
        store.sell(cart)
    shifts.close_shift(store.database, store.till, store.manager, {"cash": 29_800})
    assert _titles(db_path) == 2
    restore = ["--config", str(config), "db", "restore", str(saved)]

    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(restore) == 1  # nobody named
    assert "--staff CODE" in capsys.readouterr().err
    for who, pin in (("1001", "1111"), ("3001", "0000")):  # a clerk; a wrong PIN
        monkeypatch.setattr("sys.stdin", io.StringIO(pin + "\n"))
        assert main([*restore, "--staff", who, "--pin-stdin"]) == 1
        assert "redhome-pos:" in capsys.readouterr().err
    assert _titles(db_path) == 2  # nothing replaced

    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    assert main([*restore, "--staff", "3001", "--pin-stdin"]) == 0, capsys.readouterr()
    assert _titles(db_path) == 0
    with store.database.reading() as session:
        (event,) = AuditRepository(session).of_action("database_restore")
    assert event.detail["staff_code"] == "3001" and event.staff_id == store.manager.id
    assert event.detail["file"] == "monday.db"
    till = store.till
    check = audit.verify_log(store.database, till.audit_key, till.anchor_file, "RH01")
    assert check.breaks == []
    assert main(["--config", str(config), "audit", "verify"]) == 0, capsys.readouterr()
