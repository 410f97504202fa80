"""Configuration: TOML file, defaults, environment overrides, clear errors, secrets kept."""

from __future__ import annotations

import logging
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from redhome_pos.config import (
    AppPaths,
    Config,
    ConfigError,
    OnlineStoreConfig,
    default_config,
    load_config,
    redacted,
    write_config,
)

GOOD = """\
terminal_id = "POS-02"

[store]
code = "SH-JINGAN"
name = "小红书 REDHOME 静安店"
address = "上海市静安区南京西路 1 号"
language = "en"
default_vat_rate_bp = 900
allow_negative_stock = true
receipt_footer = "谢谢惠顾"

[database]
url = "sqlite:///{db}"

[printers.receipt]
transport = "network"
host = "192.168.1.50"
columns = 42
encoding = "gb18030"

[printers.label]
transport = "usb"
usb_vendor = "0x04b8"
usb_product = 514
language = "tspl"
timeout_s = 3

[online_store]
base_url = "https://open.example.test"
app_id = "app-1"
app_secret = "s3cret-app"
warehouse_code = "WH_SH_1"
enabled = true

[scanning]
code_secret = "s3cret-codes-8fJ2kQ9xLm4Tz7Wv1Rb6Yn"
gs1_variable_layout = "weight"
"""


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "home")


def _write(tmp_path: Path, text: str) -> Path:
    file = tmp_path / "config.toml"
    file.write_text(text.replace("{db}", str(tmp_path / "x.db")), encoding="utf-8")
    return file


def test_a_full_file_is_read_into_typed_settings(tmp_path: Path, paths: AppPaths) -> None:
    config = load_config(_write(tmp_path, GOOD), env={}, paths=paths)
    assert config.terminal_id == "POS-02"
    assert config.store.name == "小红书 REDHOME 静安店"
    assert config.store.language == "en"
    assert config.store.default_vat_rate_bp == 900
    assert config.store.allow_negative_stock is True
    assert config.store.timezone == "Asia/Shanghai"  # default kept
    assert config.database.url == f"sqlite:///{tmp_path / 'x.db'}"
    receipt, label = config.printers["receipt"], config.printers["label"]
    assert (receipt.name, receipt.host, receipt.port, receipt.columns) == (
        "receipt",
        "192.168.1.50",
        9100,
        42,
    )
    assert receipt.encoding == "gb18030" and receipt.cutter is True
    assert (label.usb_vendor, label.usb_product, label.language) == (0x04B8, 514, "tspl")
    assert label.timeout_s == 3.0 and isinstance(label.timeout_s, float)
    assert config.online_store.enabled and config.online_store.app_secret == "s3cret-app"
    assert config.online_store.delivery_company_code == "selfdelivery"
    assert config.scanning.gs1_variable_layout == "weight"
    assert config.scanning.burst_max_interval_ms == 35
    assert config.paths.config_file == tmp_path / "config.toml"


def test_no_file_in_the_default_place_gives_the_defaults(paths: AppPaths) -> None:
    config = load_config(env={}, paths=paths)
    assert config == default_config(paths)
    assert config.database.url == f"sqlite:///{paths.data_dir / 'store.db'}"
    assert config.store.language == "zh_CN"
    assert config.store.default_vat_rate_bp == 1300
    assert config.store.allow_negative_stock is False
    assert config.printers["receipt"].transport == "preview"
    assert config.printers["receipt"].profile == "TM-T20II"
    assert config.printers["receipt"].dot_width == 576


def test_a_named_file_that_does_not_exist_is_an_error(tmp_path: Path, paths: AppPaths) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match="does not exist") as caught:
        load_config(missing, env={}, paths=paths)
    assert str(missing) in str(caught.value)
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(env={"REDHOME_CONFIG": str(missing)}, paths=paths)


def test_broken_toml_names_file_line_and_key(tmp_path: Path, paths: AppPaths) -> None:
    file = _write(tmp_path, '[store]\ncode = "A"\nname = 小红书\n')
    with pytest.raises(ConfigError) as caught:
        load_config(file, env={}, paths=paths)
    error = caught.value
    assert (error.file, error.line, error.key) == (str(file), 3, "name")
    assert f"{file}, line 3: name: not valid TOML" in str(error)


@pytest.mark.parametrize(
    ("text", "line", "key", "problem"),
    [
        (
            '[store]\ncode = "A"\ndefault_vat_rate_bp = "13%"\n',
            3,
            "store.default_vat_rate_bp",
            "must be a whole number",
        ),
        (
            "[store]\nallow_negative_stock = 1\n",
            2,
            "store.allow_negative_stock",
            "must be true or false",
        ),
        ('[store]\nlanguage = "fr"\n', 2, "store.language", "must be one of zh_CN, en"),
        ('[store]\ntimezone = "Mars/Base"\n', 2, "store.timezone", "unknown time zone"),
        ("terminal_id = 7\n", 1, "terminal_id", "must be text"),
        (
            '\n[printers.receipt]\ntransport = "network"\nhost = "p"\nport = 99999\n',
            5,
            "printers.receipt.port",
            "from 1 to 65535",
        ),
        (
            '[printers.receipt]\ntransport = "network"\n',
            1,
            "printers.receipt.host",
            "needs its host",
        ),
        ('[printers.receipt]\ncolour = "red"\n', 2, "printers.receipt.colour", "unknown setting"),
        (
            '[scanning]\ngs1_variable_layout = "both"\n',
            2,
            "scanning.gs1_variable_layout",
            "price, weight",
        ),
        ('[database]\nurl = ""\n', 2, "database.url", "must not be empty"),
        (
            '[store]\ncustomer_display = "always"\n',
            2,
            "store.customer_display",
            "auto, on, off",
        ),
        (
            '[online_store]\nwarehouse_code = "RH-SH-001"\n',
            2,
            "online_store.warehouse_code",
            "digits and _ only, at most 24 characters .for example 'RH_SH_001'.",
        ),
        (
            '[online_store]\nwarehouse_code = "' + "W" * 25 + '"\n',
            2,
            "online_store.warehouse_code",
            "at most 24 characters",
        ),
        (
            '[online_store]\nbase_url = "http://x"\napp_id = "a"\nenabled = true\n',
            1,
            "online_store.warehouse_code",
            "needs the store's warehouse code",
        ),
        ("stroe = 1\n", 1, "stroe", "unknown setting"),
    ],
)
def test_a_wrong_value_names_file_line_and_key(
    tmp_path: Path, paths: AppPaths, text: str, line: int, key: str, problem: str
) -> None:
    file = _write(tmp_path, text)
    with pytest.raises(ConfigError, match=problem) as caught:
        load_config(file, env={}, paths=paths)
    assert (caught.value.file, caught.value.line, caught.value.key) == (str(file), line, key)
    assert str(caught.value).startswith(f"{file}, line {line}: {key}: ")


def test_environment_variables_override_the_file(tmp_path: Path, paths: AppPaths) -> None:
    env = {
        "REDHOME_DATABASE_URL": "sqlite:///elsewhere.db",
        "REDHOME_TERMINAL_ID": "POS-09",
        "REDHOME_STORE_CODE": "BJ-01",
        "REDHOME_LANGUAGE": "zh_CN",
        "REDHOME_ONLINE_STORE_APP_SECRET": "from-env",
        "REDHOME_ONLINE_STORE_ENABLED": "false",
        "REDHOME_DATA_DIR": str(tmp_path / "d"),
    }
    config = load_config(_write(tmp_path, GOOD), env=env, paths=paths)
    assert config.database.url == "sqlite:///elsewhere.db"
    assert config.terminal_id == "POS-09"
    assert config.store.code == "BJ-01"
    assert config.store.language == "zh_CN"
    assert config.online_store.app_secret == "from-env"
    assert config.online_store.enabled is False
    assert config.paths.data_dir == tmp_path / "d"
    assert config.paths.backup_dir == tmp_path / "d" / "backups"


def test_the_config_file_can_come_from_the_environment(tmp_path: Path, paths: AppPaths) -> None:
    file = _write(tmp_path, GOOD)
    assert load_config(env={"REDHOME_CONFIG": str(file)}, paths=paths).terminal_id == "POS-02"


def test_a_bad_environment_value_names_the_variable(tmp_path: Path, paths: AppPaths) -> None:
    with pytest.raises(ConfigError, match=r"REDHOME_LANGUAGE: store\.language: must be one of"):
        load_config(env={"REDHOME_LANGUAGE": "de"}, paths=paths)
    with pytest.raises(ConfigError, match="REDHOME_ONLINE_STORE_ENABLED"):
        load_config(env={"REDHOME_ONLINE_STORE_ENABLED": "maybe"}, paths=paths)


def test_a_home_folder_of_an_unknown_user_is_a_config_error(
    tmp_path: Path, paths: AppPaths
) -> None:
    """``~name`` of a user the machine does not have: said in words, never a crash."""
    nobody = "~redhome-no-such-user-0"
    with pytest.raises(
        ConfigError, match=r"REDHOME_DATA_DIR: paths\.data_dir: starts with ~redhome"
    ):
        load_config(env={"REDHOME_DATA_DIR": f"{nobody}/data"}, paths=paths)
    file = _write(tmp_path, f'[paths]\nlog_dir = "{nobody}"\n')
    with pytest.raises(ConfigError, match=r"line 2: paths\.log_dir: starts with") as caught:
        load_config(file, env={}, paths=paths)
    assert caught.value.line == 2
    file = _write(tmp_path, f'[payments.wechat]\nmerchant_private_key_file = "{nobody}/k.pem"\n')
    with pytest.raises(
        ConfigError, match=r"payments\.wechat\.merchant_private_key_file: starts with"
    ):
        load_config(file, env={}, paths=paths)
    assert load_config(env={"REDHOME_DATA_DIR": "~/d"}, paths=paths).paths.data_dir == (
        Path.home() / "d"
    )


def test_relative_paths_are_taken_from_the_config_file(tmp_path: Path, paths: AppPaths) -> None:
    file = _write(tmp_path, '[paths]\ndata_dir = "store-data"\nlog_dir = "/var/tmp/rh-logs"\n')
    config = load_config(file, env={}, paths=paths)
    assert config.paths.data_dir == tmp_path / "store-data"
    assert config.paths.log_dir == Path("/var/tmp/rh-logs")
    assert config.database.url == f"sqlite:///{tmp_path / 'store-data' / 'store.db'}"


def test_write_then_load_round_trips_privately_with_a_new_code_secret(
    tmp_path: Path, paths: AppPaths
) -> None:
    config = load_config(_write(tmp_path, GOOD), env={}, paths=paths)
    config = replace(config, scanning=replace(config.scanning, code_secret=""))
    target = tmp_path / "written" / "config.toml"
    written = write_config(config, target)
    assert len(written.scanning.code_secret) >= 32
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    again = load_config(target, env={}, paths=paths)
    assert again == written
    # A second write keeps the secret: our signed receipts and badges stay valid.
    assert write_config(again, target).scanning.code_secret == written.scanning.code_secret
    assert not list(target.parent.glob(".config-*"))  # no temporary file left behind


def test_two_stores_get_different_code_secrets(tmp_path: Path, paths: AppPaths) -> None:
    first = write_config(default_config(paths), tmp_path / "a.toml")
    second = write_config(default_config(paths), tmp_path / "b.toml")
    assert first.scanning.code_secret != second.scanning.code_secret


def test_secrets_stay_out_of_repr_str_redacted_dumps_and_logs(
    tmp_path: Path, paths: AppPaths, caplog: pytest.LogCaptureFixture
) -> None:
    config = load_config(_write(tmp_path, GOOD), env={}, paths=paths)
    config = replace(
        config,
        database=replace(config.database, url="postgresql+psycopg://pos:pg-pass@db/store"),
    )
    with caplog.at_level(logging.INFO):
        logging.getLogger("redhome_pos.test").info("config: %s", config)
    for text in (repr(config), str(config), str(redacted(config)), caplog.text):
        assert "s3cret-app" not in text
        assert "s3cret-codes-8fJ2kQ9xLm4Tz7Wv1Rb6Yn" not in text
        assert "pg-pass" not in text
    dump = redacted(config)
    assert dump["online_store"]["app_secret"] == "********"
    assert dump["database"]["url"] == "postgresql+psycopg://pos:********@db/store"
    assert dump["online_store"]["app_id"] == "app-1"  # not a secret
    assert sorted(config.secrets()) == [
        "pg-pass",
        "s3cret-app",
        "s3cret-codes-8fJ2kQ9xLm4Tz7Wv1Rb6Yn",
    ]


def test_defaults_and_demo_paths_are_apart() -> None:
    real, demo = AppPaths.default(), AppPaths.demo()
    assert real.data_dir != demo.data_dir
    assert real.config_file != demo.config_file
    assert real.log_dir != demo.log_dir
    assert Path.cwd() not in (real.data_dir, demo.data_dir)


def test_config_objects_are_frozen(paths: AppPaths) -> None:
    config: Config = default_config(paths)
    with pytest.raises(AttributeError):
        config.terminal_id = "X"  # type: ignore[misc]
    assert OnlineStoreConfig().kind == "red"
