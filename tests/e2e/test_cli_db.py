"""``redhome-pos db …`` run as a person runs it: a separate process, a config file, exit codes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.migrate import upgrade

APP_SECRET = "app-secret-never-printed"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A config file whose database, logs and backups all live under ``tmp_path``."""
    (tmp_path / "config.toml").write_text(
        f"""terminal_id = "POS-07"
[store]
code = "SH-01"
[database]
url = "sqlite:///{tmp_path / "store.db"}"
[paths]
data_dir = "{tmp_path / "data"}"
log_dir = "{tmp_path / "logs"}"
[online_store]
app_secret = "{APP_SECRET}"
""",
        encoding="utf-8",
    )
    return tmp_path


def redhome(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDHOME_")}
    # Keep the user's real folders out of reach even if a default path slipped through.
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


def _assert_clean_failure(result: subprocess.CompletedProcess[str], code: int) -> None:
    assert result.returncode == code, result
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("redhome-pos: ")


def _sql(path: Path, statement: str, *params: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(statement, params).fetchall()


def test_upgrade_check_backup_and_restore_from_the_command_line(home: Path) -> None:
    db = home / "store.db"
    _assert_clean_failure(redhome(home, "db", "check"), 1)  # nothing there yet
    assert not db.exists()

    created = redhome(home, "db", "upgrade")
    assert created.returncode == 0, created.stderr
    assert "Created a new database" in created.stdout
    again = redhome(home, "db", "upgrade")
    assert again.returncode == 0 and "up to date" in again.stdout

    _sql(
        db,
        "INSERT INTO products (id, title_zh, title_en, brand, category, vat_rate_bp, "
        "created_at, updated_at) VALUES (1, '口红', '', '', '', 1300, '2026-01-01', '2026-01-01')",
    )

    checked = redhome(home, "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "sound" in checked.stdout

    backup = home / "saved.db"
    saved = redhome(home, "db", "backup", str(backup))
    assert saved.returncode == 0, saved.stderr
    assert backup.exists()
    _assert_clean_failure(redhome(home, "db", "backup", str(backup)), 1)  # never overwrites
    assert redhome(home, "db", "backup", str(backup), "--force").returncode == 0

    _sql(db, "UPDATE products SET title_zh = '面膜' WHERE id = 1")
    restored = redhome(home, "db", "restore", str(backup))
    assert restored.returncode == 0, restored.stderr
    assert "kept in" in restored.stdout
    assert _sql(db, "SELECT title_zh FROM products") == [("口红",)]
    (kept,) = (home / "data" / "backups").glob("before-restore-*.db")
    assert _sql(kept, "SELECT title_zh FROM products") == [("面膜",)]

    junk = home / "junk.db"
    junk.write_text("not a database", encoding="utf-8")
    _assert_clean_failure(redhome(home, "db", "restore", str(junk)), 1)
    assert _sql(db, "SELECT title_zh FROM products") == [("口红",)]


def test_check_lists_each_broken_stock_level_and_exits_1(home: Path) -> None:
    db = home / "store.db"
    assert redhome(home, "db", "upgrade").returncode == 0
    now = "2026-01-01 00:00:00"
    _sql(
        db,
        "INSERT INTO products (id, title_zh, title_en, brand, category, vat_rate_bp, "
        f"created_at, updated_at) VALUES (1, '口红', '', '', '', 1300, '{now}', '{now}')",
    )
    _sql(
        db,
        "INSERT INTO skus (id, product_id, code, variant, price_fen, original_price_fen, "
        f"active, location, created_at, updated_at) VALUES (1, 1, 'LS-520', '{{}}', 1, 1, 1, "
        f"'', '{now}', '{now}')",
    )
    _sql(
        db,
        "INSERT INTO stock_movements (id, sku_id, kind, quantity, reason, terminal_id, "
        f"reference, created_at) VALUES ('m1', 1, 'receive', 5, '', 'T', '', '{now}')",
    )
    _sql(db, f"INSERT INTO stock_levels (sku_id, on_hand, updated_at) VALUES (1, 6, '{now}')")

    result = redhome(home, "db", "check")
    assert result.returncode == 1
    assert "1 problem(s) found" in result.stdout
    assert "SKU LS-520 shows 6 on hand but its movements add up to 5" in result.stdout

    repaired = redhome(home, "db", "check", "--repair-levels")
    assert repaired.returncode == 0, repaired.stdout + repaired.stderr
    assert "Repaired SKU LS-520: level 6 -> 5" in repaired.stdout
    assert _sql(db, "SELECT on_hand FROM stock_levels") == [(5,)]


def test_upgrading_an_old_database_reports_the_backup_it_took(home: Path) -> None:
    database = Database(f"sqlite:///{home / 'store.db'}")
    upgrade(database, "0001_foundation")
    database.dispose()
    result = redhome(home, "db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert "Upgraded the database from schema 0001_foundation" in result.stdout
    (backup,) = (home / "data" / "backups").glob("auto-*.db")
    assert str(backup) in result.stdout


def test_a_broken_config_is_named_with_its_line_and_key_and_exits_2(home: Path) -> None:
    config = home / "config.toml"
    config.write_text('[store]\ncode = "SH-01"\ndefault_vat_rate_bp = "13%"\n', encoding="utf-8")
    result = redhome(home, "db", "check")
    _assert_clean_failure(result, 2)
    assert f"{config}, line 3: store.default_vat_rate_bp: must be a whole number" in result.stderr

    missing = subprocess.run(
        [sys.executable, "-m", "redhome_pos", "--config", str(home / "nope.toml"), "db", "check"],
        capture_output=True,
        text=True,
        cwd=home,
        timeout=120,
    )
    _assert_clean_failure(missing, 2)
    assert "nope.toml: the configuration file does not exist" in missing.stderr


def test_the_log_file_is_written_without_secrets(home: Path) -> None:
    assert redhome(home, "db", "upgrade").returncode == 0
    assert redhome(home, "db", "check").returncode == 0
    logs = list((home / "logs").glob("*.log"))
    assert logs, "no log file in the configured log folder"
    text = "".join(path.read_text(encoding="utf-8") for path in logs)
    assert "schema upgraded" in text
    assert APP_SECRET not in text


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders")
def test_the_first_start_writes_a_private_config_with_a_scanning_secret(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDHOME_")}
    env.update(
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_STATE_HOME=str(tmp_path / "state"),
    )
    run = [sys.executable, "-m", "redhome_pos", "db", "upgrade"]
    result = subprocess.run(run, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr
    config = tmp_path / "cfg" / "redhome-pos" / "config.toml"
    assert config.exists()
    assert config.stat().st_mode & 0o077 == 0  # readable by its owner only
    text = config.read_text(encoding="utf-8")
    assert "code_secret" in text
    assert (tmp_path / "data" / "redhome-pos" / "store.db").exists()
    assert list((tmp_path / "state" / "redhome-pos").rglob("*.log"))
    assert not (tmp_path / "store.db").exists()  # nothing in the working directory

    # The second start keeps the file, and with it the store's secret.
    assert subprocess.run(run, capture_output=True, env=env, cwd=tmp_path).returncode == 0
    assert config.read_text(encoding="utf-8") == text


@pytest.mark.skipif(
    not os.environ.get("REDHOME_TEST_POSTGRES_URL"), reason="no PostgreSQL server configured"
)
def test_db_upgrade_and_check_on_postgresql(home: Path) -> None:
    from sqlalchemy import create_engine, make_url
    from sqlalchemy import text as sql

    server = os.environ["REDHOME_TEST_POSTGRES_URL"]
    schema = f"cli_{os.getpid()}_{home.name[-8:]}".lower().replace("-", "_")
    admin = create_engine(server)
    with admin.begin() as connection:
        connection.execute(sql(f'CREATE SCHEMA "{schema}"'))
    url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
    os.environ["REDHOME_DATABASE_URL"] = url.render_as_string(hide_password=False)
    try:
        result = _redhome_keeping_env(home, "db", "upgrade")
        assert result.returncode == 0, result.stderr
        assert "Created a new database" in result.stdout
        checked = _redhome_keeping_env(home, "db", "check")
        assert checked.returncode == 0, checked.stdout + checked.stderr
        backup = _redhome_keeping_env(home, "db", "backup", str(home / "b.db"))
        _assert_clean_failure(backup, 1)
        assert "pg_dump" in backup.stderr
    finally:
        del os.environ["REDHOME_DATABASE_URL"]
        with admin.begin() as connection:
            connection.execute(sql(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


def _redhome_keeping_env(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "redhome_pos", "--config", str(home / "config.toml"), *args],
        capture_output=True,
        text=True,
        cwd=home,
        timeout=120,
    )
