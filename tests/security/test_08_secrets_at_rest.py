"""Point 8: secrets at rest. The online store's OAuth tokens are encrypted in the database
with a key kept apart from it (the keyring, else a 0600 key file beside the configuration);
``config show`` masks a password inside any URL; the log masks ``PIN 1234``, ``code=…`` and
tokens in their other forms; log files are readable by their owner only."""

from __future__ import annotations

import logging
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from redhome_pos.cli import main
from redhome_pos.config import AppPaths, keys, load_config
from redhome_pos.config.keys import SECRETS_KEY, key_file, store_key
from redhome_pos.logging_setup import redact, setup_logging
from redhome_pos.persistence.database import Database
from sync.connector import OAuthTokens
from sync.token_store import DatabaseTokenStore

ACCESS = "access-5b0c9e1f7a2d4c86b3e1"
REFRESH = "refresh-0d4f6a2c9b7e4f13a8c5"
NOW = datetime(2026, 12, 5, 3, 0, tzinfo=UTC)


def _tokens() -> OAuthTokens:
    return OAuthTokens(ACCESS, NOW + timedelta(hours=2), REFRESH, NOW + timedelta(days=30), "S1")


def _raw(database: Database) -> str:
    with database.engine.connect() as c:
        return " ".join(map(str, c.execute(text("SELECT * FROM online_tokens")).one()))


def test_tokens_are_encrypted_with_a_key_outside_the_database(
    database: Database, tmp_path: Path
) -> None:
    paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
    key = store_key(paths, SECRETS_KEY, use_keyring=False)
    file = key_file(paths, SECRETS_KEY)
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert store_key(paths, SECRETS_KEY, use_keyring=False) == key  # kept, not redrawn
    DatabaseTokenStore(database, "red", key).save(_tokens())
    raw = _raw(database)
    assert ACCESS not in raw and REFRESH not in raw and "enc1:" in raw
    assert DatabaseTokenStore(database, "red", key).load() == _tokens()
    # The database alone (another computer's key) does not give the tokens away.
    assert DatabaseTokenStore(database, "red", b"another key " * 3).load() is None


def test_tokens_written_before_encryption_are_read_then_resealed(database: Database) -> None:
    DatabaseTokenStore(database, "red", b"").save(_tokens())  # as the program stored them
    assert ACCESS in _raw(database)
    store = DatabaseTokenStore(database, "red", b"k" * 32)
    assert store.load() == _tokens()
    store.save(_tokens())
    assert ACCESS not in _raw(database)


def test_commands_encrypt_with_the_stores_key(tmp_path: Path, db_path: Path, capsys: Any) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'terminal_id = "T1"\n[database]\nurl = "sqlite:///{db_path}"\n'
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\nlog_dir = "{tmp_path / "logs"}"\n',
        encoding="utf-8",
    )
    assert main(["--config", str(config), "db", "upgrade"]) == 0
    loaded = load_config(config)
    database = Database(f"sqlite:///{db_path}")
    try:
        DatabaseTokenStore(database, "red").save(_tokens())  # the process's key, as commands
        assert ACCESS not in _raw(database)
        key = store_key(loaded.paths, SECRETS_KEY, use_keyring=False)
        assert DatabaseTokenStore(database, "red", key).load() == _tokens()
    finally:
        database.dispose()
        keys._PATHS.clear()


def test_config_show_masks_a_password_in_any_url(tmp_path: Path, capsys: Any) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        'terminal_id = "T1"\n'
        '[database]\nurl = "postgresql+psycopg://pos:db-pass-91@10.0.0.5/store"\n'
        '[online_store]\nbase_url = "https://app:url-pass-77@ark.example.com/api"\n'
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\nlog_dir = "{tmp_path / "logs"}"\n',
        encoding="utf-8",
    )
    assert main(["--config", str(config), "config", "show"]) == 0
    shown = capsys.readouterr().out
    assert "db-pass-91" not in shown and "url-pass-77" not in shown
    assert "https://app:********@ark.example.com/api" in shown


@pytest.mark.parametrize(
    ("line", "secret"),
    [
        ("login of 1001 with PIN 4821 refused", "4821"),
        ("approval pin: 7731", "7731"),
        ("oauth callback ?code=c0de-9f8e7d6c&state=x", "c0de-9f8e7d6c"),
        ('{"code": "AUTH-77f3e1"}', "AUTH-77f3e1"),
        ("Authorization: Bearer eyJhbGciOi.J9xyz", "eyJhbGciOi.J9xyz"),
        ("sent header bearer 9c2f4e8a1b7d", "9c2f4e8a1b7d"),
        ('{"accessToken":"tok-5e1a9","refresh_token": "r-88a1c3"}', "tok-5e1a9"),
    ],
)
def test_the_log_masks_pins_codes_and_tokens(line: str, secret: str) -> None:
    assert secret not in redact(line)


def test_an_error_code_or_a_staff_code_is_not_masked() -> None:
    kept = "refused (code 1001); staff_code=3001; sku_code=LIP-520"
    assert redact(kept) == kept


def test_log_files_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\nlog_dir = "{tmp_path / "logs"}"\n',
        encoding="utf-8",
    )
    path = setup_logging(load_config(config))
    logging.getLogger("redhome_pos.test").warning("PIN 1234 typed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "1234" not in path.read_text(encoding="utf-8")
