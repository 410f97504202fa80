"""Point 11: database files. ``db check`` reports a corrupt, truncated or unreadable file in
words; commands that only read or check never create a missing database; checking a restore
candidate leaves no ``-wal``/``-shm`` beside it; a failed backup leaves no partial file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from security_store import make_store

from redhome_pos.cli import main
from redhome_pos.persistence import admin, dialect
from redhome_pos.persistence.database import Database


def _config(tmp_path: Path, db: Path) -> Path:
    file = tmp_path / "config.toml"
    file.write_text(
        f'terminal_id = "T1"\n[store]\ncode = "RH01"\n'
        f'[database]\nurl = "sqlite:///{db}"\n'
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\nlog_dir = "{tmp_path / "logs"}"\n'
        f'backup_dir = "{tmp_path / "backups"}"\n'
        f'[scanning]\ncode_secret = "9fK2-xQ7mL4pZ8wR1tB6yN0cH3vJ5sD-aE"\n',
        encoding="utf-8",
    )
    file.chmod(0o600)
    return file


@pytest.fixture
def store_file(database: Database, db_path: Path) -> Path:
    make_store(database, open_shift=False)
    database.dispose()
    return db_path


def _damage(kind: str, path: Path) -> None:
    data = path.read_bytes()
    if kind == "corrupt":  # the pages after the header overwritten
        path.write_bytes(data[:100] + os.urandom(len(data) - 100))
    elif kind == "truncated":
        path.write_bytes(data[: len(data) // 3])
    elif kind == "not a database":
        path.write_bytes(b"sku,title\nA1,lipstick\n" * 50)
    elif kind == "unreadable":
        path.chmod(0)


@pytest.mark.parametrize("command", [["db", "check"], ["audit", "verify"]])
@pytest.mark.parametrize("kind", ["corrupt", "truncated", "not a database", "unreadable"])
def test_a_damaged_file_is_reported_in_words(
    store_file: Path,
    tmp_path: Path,
    kind: str,
    command: list[str],
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    config = _config(tmp_path, store_file)
    for suffix in ("-wal", "-shm"):
        Path(f"{store_file}{suffix}").unlink(missing_ok=True)
    _damage(kind, store_file)
    if kind == "unreadable" and os.geteuid() == 0:  # root reads every file: say it cannot
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, m: False if p == store_file else real(p, m))
    try:
        code = main(["--config", str(config), *command])
    finally:
        store_file.chmod(0o600)
    out = capsys.readouterr()
    said = out.err + out.out
    assert code == 1 and "Traceback" not in said
    assert any(
        words in said
        for words in ("is damaged or is not a REDHOME database", "cannot be read or written",
                      "the database cannot be used")
    ), said  # fmt: skip


@pytest.mark.parametrize(
    "command",
    [
        ["db", "check"],
        ["audit", "verify"],
        ["report", "sales"],
        ["db", "backup", "x.db"],
        ["staff", "list"],
        ["catalog", "export", "x.csv"],
        ["stock", "export", "x.csv"],
        ["promotions", "list"],
        ["members", "find", "13800138000"],
    ],
)
def test_commands_that_read_never_create_a_missing_database(
    tmp_path: Path, command: list[str], capsys: Any
) -> None:
    missing = tmp_path / "data" / "store.db"
    config = _config(tmp_path, missing)
    assert main(["--config", str(config), *command]) != 0
    assert "no database" in capsys.readouterr().err
    assert not missing.exists() and not missing.parent.exists()


def test_checking_a_restore_candidate_leaves_no_wal_or_shm(
    store_file: Path, tmp_path: Path
) -> None:
    candidate = tmp_path / "candidate.db"
    shutil.copy(store_file, candidate)
    before = sorted(p.name for p in tmp_path.iterdir())
    assert admin.describe_backup(candidate)
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not Path(f"{candidate}-wal").exists() and not Path(f"{candidate}-shm").exists()


def test_a_failed_backup_leaves_no_partial_file(
    store_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target_dir = tmp_path / "backups"
    target_dir.mkdir()
    real = dialect.sqlite_backup

    def fails_half_way(source: Path, target: Path) -> None:
        real(source, target)  # written, then the disk is full
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dialect, "sqlite_backup", fails_half_way)
    database = Database(f"sqlite:///{store_file}")
    try:
        with pytest.raises(admin.DatabaseAdminError, match="No space left"):
            admin.backup(database, target_dir / "monday.db")
    finally:
        database.dispose()
    assert list(target_dir.iterdir()) == []
