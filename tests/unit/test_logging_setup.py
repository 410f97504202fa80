"""The log file never holds a secret, a PIN, a token or a full phone number."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from redhome_pos.config import AppPaths, Config, default_config
from redhome_pos.logging_setup import redact, setup_logging


@pytest.fixture
def config(tmp_path: Path) -> Iterator[Config]:
    base = default_config(AppPaths.under(tmp_path))
    yield replace(
        base,
        online_store=replace(base.online_store, app_secret="AppSecret-42"),
        scanning=replace(base.scanning, code_secret="CodeSecret-99"),
    )
    root = logging.getLogger()
    for handler in [h for h in root.handlers if type(h).__name__ == "_StoreLogHandler"]:
        root.removeHandler(handler)
        handler.close()


@pytest.mark.parametrize(
    ("text", "hidden", "kept"),
    [
        ("login pin=1234 ok", "1234", "login pin="),
        ('{"access_token": "tok-abc", "x": 1}', "tok-abc", '"x": 1'),
        ("Authorization: Bearer xyz.abc.def", "xyz.abc.def", "Authorization"),
        ("customer 13812345678 picked up", "13812345678", "138****5678"),
        ("postgresql://pos:hunter22@db/store", "hunter22", "pos:"),
    ],
)
def test_redact_masks_what_must_not_be_written(text: str, hidden: str, kept: str) -> None:
    masked = redact(text)
    assert hidden not in masked
    assert kept in masked


def test_a_barcode_is_not_mistaken_for_a_phone_number() -> None:
    assert redact("scanned 6901234567892") == "scanned 6901234567892"


def test_configured_secrets_never_reach_the_log_file(config: Config) -> None:
    path = setup_logging(config)
    log = logging.getLogger("redhome_pos.test")
    log.info("connecting with %s and %s", config.online_store.app_secret, "CodeSecret-99")
    try:
        raise RuntimeError(f"signature failed for AppSecret-42 pin 7777 pin={7777}")
    except RuntimeError:
        log.exception("sync failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "connecting with" in text and "sync failed" in text and "Traceback" in text
    assert "AppSecret-42" not in text
    assert "CodeSecret-99" not in text
    assert "pin=7777" not in text
    assert path.parent == config.paths.log_dir


def test_setting_up_twice_keeps_one_file_handler(config: Config) -> None:
    setup_logging(config)
    setup_logging(config)
    ours = [h for h in logging.getLogger().handlers if type(h).__name__ == "_StoreLogHandler"]
    assert len(ours) == 1


def test_an_uncaught_error_is_logged_masked(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    shown: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, error, trace: shown.append(error))
    path = setup_logging(config)
    error = ValueError("token=abc123 went wrong")
    sys.excepthook(ValueError, error, None)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "uncaught error" in text and "went wrong" in text
    assert "abc123" not in text
    assert shown == [error]  # the usual report still happens
