"""[payments] settings: a configured provider is checked whole at start (ids, addresses, key
files, private keys readable by their owner only), errors name file, line and key, keys are
masked, environment variables override in the usual style."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from redhome_pos.config import (
    PAYMENTS_ENV_OVERRIDES,
    AppPaths,
    ConfigError,
    load_config,
    redacted,
    write_config,
)
from redhome_pos.logging_setup import redact

V3_KEY = "R3dh0meP0sSandb0xApiV3Key2024abc"
V2_KEY = "192006250b4c09247ec02edce69f6a2d"


@functools.cache
def _pem(private: bool) -> bytes:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    if private:
        return key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


@pytest.fixture
def keys(tmp_path: Path) -> Path:
    folder = tmp_path / "keys"
    folder.mkdir()
    for name, private in (
        ("apiclient_key.pem", True),
        ("wechatpay_pub.pem", False),
        ("app_private.pem", True),
        ("alipay_public.pem", False),
    ):
        (folder / name).write_bytes(_pem(private))
        (folder / name).chmod(0o600 if private else 0o644)
    return folder


GOOD = f"""\
[payments]
charge_deadline_s = 45
poll_interval_s = 2.5

[payments.wechat]
mchid = "1900007291"
appid = "wxd678efh567hg6787"
merchant_private_key_file = "keys/apiclient_key.pem"
merchant_serial = "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB"
api_v3_key = "{V3_KEY}"
platform_public_key_file = "keys/wechatpay_pub.pem"
platform_public_key_id = "PUB_KEY_ID_0112345678902024111800000000000001"

[payments.alipay]
app_id = "2021000000000001"
app_private_key_file = "keys/app_private.pem"
alipay_public_key_file = "keys/alipay_public.pem"
store_id = "SH-JINGAN-01"
"""


def load(tmp_path: Path, text: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path, env=env or {}, paths=AppPaths.under(tmp_path))


def test_a_store_with_both_providers(tmp_path: Path, keys: Path) -> None:
    payments = load(tmp_path, GOOD).payments
    assert (payments.charge_deadline_s, payments.poll_interval_s) == (45.0, 2.5)
    assert payments.wechat.configured and not payments.wechat.partner
    assert payments.wechat.merchant_private_key_file == str(keys / "apiclient_key.pem")
    assert payments.wechat.base_url == "https://api.mch.weixin.qq.com"
    assert payments.alipay.configured
    assert payments.alipay.gateway_url == "https://openapi.alipay.com/gateway.do"


def test_no_payments_table_means_no_provider(tmp_path: Path) -> None:
    payments = load(tmp_path, "").payments
    assert not payments.wechat.configured and not payments.alipay.configured


def _error(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load(tmp_path, text, env)
    return caught.value


def line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def test_a_private_key_others_can_read_is_refused_with_its_line(tmp_path: Path, keys: Path) -> None:
    (keys / "apiclient_key.pem").chmod(0o644)
    error = _error(tmp_path, GOOD)
    assert error.key == "payments.wechat.merchant_private_key_file"
    assert error.line == line_of(GOOD, "merchant_private_key_file")
    assert "chmod 600" in str(error) and "other users" in str(error)
    (keys / "apiclient_key.pem").chmod(0o600)
    (keys / "app_private.pem").chmod(0o640)
    assert _error(tmp_path, GOOD).key == "payments.alipay.app_private_key_file"


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (
            ("keys/wechatpay_pub.pem", "keys/missing.pem"),
            "payments.wechat.platform_public_key_file",
            "does not exist",
        ),
        (
            (
                'merchant_serial = "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB"',
                'merchant_serial = ""',
            ),
            "payments.wechat.merchant_serial",
            "must be set",
        ),
        (('appid = "wxd678efh567hg6787"', 'appid = ""'), "payments.wechat.appid", "must be set"),
        (
            ('store_id = "SH-JINGAN-01"', 'gateway_url = "http://gateway.example/gateway.do"'),
            "payments.alipay.gateway_url",
            "https",
        ),
        (
            ("charge_deadline_s = 45", "charge_deadline_s = 0"),
            "payments.charge_deadline_s",
            "from 5",
        ),
        (
            ("poll_interval_s = 2.5", 'poll_interval_s = "fast"'),
            "payments.poll_interval_s",
            "a number",
        ),
        ((f'api_v3_key = "{V3_KEY}"', 'api_v3_key = "short"'), "payments.wechat.api_v3_key", "32"),
        (
            (
                'platform_public_key_id = "PUB_KEY_ID_0112345678902024111800000000000001"',
                'platform_public_key_id = ""',
            ),
            "payments.wechat.platform_public_key_id",
            "PUB_KEY_ID",
        ),
        (('store_id = "SH-JINGAN-01"', 'shop = "x"'), "payments.alipay.shop", "unknown setting"),
    ],
)
def test_each_mistake_names_its_key(
    tmp_path: Path, keys: Path, change: tuple[str, str], key: str, words: str
) -> None:
    text = GOOD.replace(*change)
    assert text != GOOD
    error = _error(tmp_path, text)
    assert error.key == key
    assert words in str(error)
    assert error.file.endswith("config.toml") and error.line is not None


def test_partner_form_and_apiv2(tmp_path: Path, keys: Path) -> None:
    partner = GOOD.replace(
        'mchid = "1900007291"\nappid = "wxd678efh567hg6787"',
        'sp_mchid = "1900000100"\nsp_appid = "wx8888888888888888"\nsub_mchid = "1900000109"',
    )
    wechat = load(tmp_path, partner).payments.wechat
    assert wechat.partner and wechat.configured and wechat.sub_mchid == "1900000109"
    no_sub = partner.replace('sub_mchid = "1900000109"', "")
    assert _error(tmp_path, no_sub).key == "payments.wechat.sub_mchid"

    v2 = GOOD.replace(
        "[payments.wechat]", f'[payments.wechat]\napi_version = "v2"\napi_v2_key = "{V2_KEY}"'
    )
    error = _error(tmp_path, v2)
    assert error.key == "payments.wechat.client_cert_file"  # v2 reversal/refund need it
    v2 = v2.replace(
        "[payments.alipay]",
        'client_cert_file = "keys/wechatpay_pub.pem"\n'
        'client_key_file = "keys/apiclient_key.pem"\n[payments.alipay]',
    )
    assert load(tmp_path, v2).payments.wechat.api_version == "v2"
    assert _error(tmp_path, v2.replace('"v2"', '"v4"')).key == "payments.wechat.api_version"


def test_keys_are_masked_everywhere_and_env_overrides(tmp_path: Path, keys: Path) -> None:
    env = {"REDHOME_PAYMENTS_WECHAT_API_V2_KEY": V2_KEY, "REDHOME_PAYMENTS_POLL_INTERVAL_S": "4"}
    config = load(tmp_path, GOOD, env)
    assert config.payments.poll_interval_s == 4.0
    assert config.payments.wechat.api_v2_key == V2_KEY
    shown = str(redacted(config))
    assert V3_KEY not in shown and V2_KEY not in shown
    assert redacted(config)["payments"]["wechat"]["api_v3_key"] == "********"
    assert V3_KEY not in repr(config) and V2_KEY not in repr(config)
    assert V3_KEY in config.secrets() and V2_KEY in config.secrets()
    assert V3_KEY not in redact(f"key {V3_KEY} used", config.secrets())
    written = write_config(config, tmp_path / "written.toml")
    assert written.payments.wechat.api_v3_key == V3_KEY  # the file itself keeps it (mode 0600)
    assert "REDHOME_PAYMENTS_WECHAT_MERCHANT_PRIVATE_KEY_FILE" in PAYMENTS_ENV_OVERRIDES
    assert "REDHOME_PAYMENTS_ALIPAY_GATEWAY_URL" in PAYMENTS_ENV_OVERRIDES


def test_a_bad_environment_value_names_the_variable(tmp_path: Path, keys: Path) -> None:
    error = _error(tmp_path, GOOD, {"REDHOME_PAYMENTS_WECHAT_BASE_URL": "http://api.example/"})
    assert error.file == "environment variable REDHOME_PAYMENTS_WECHAT_BASE_URL"
    assert error.key == "payments.wechat.base_url"
    error = _error(tmp_path, GOOD, {"REDHOME_PAYMENTS_ALIPAY_ENABLED": "maybe"})
    assert error.file == "environment variable REDHOME_PAYMENTS_ALIPAY_ENABLED"
    off = load(tmp_path, GOOD, {"REDHOME_PAYMENTS_ALIPAY_ENABLED": "false"}).payments.alipay
    assert not off.configured
