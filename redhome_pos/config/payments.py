"""The ``[payments]`` settings: deadlines, and the WeChat Pay and Alipay merchant accounts.

A provider counts as configured when its table names the merchant (``mchid``/``sp_mchid`` for
WeChat Pay, ``app_id`` for Alipay) and ``enabled`` is not false. A configured provider is
checked whole at start: ids present, key files there, private keys readable by their owner
only (anyone who can read one can refund the store's money), addresses https (plain http only
on this computer, for the sandbox). Relative key paths are taken from the configuration
file's folder. Keys (``api_v3_key``, ``api_v2_key``) are secrets: masked in ``config show``
and the log. A secret key sealed beside the configuration (``secrets/<slot>.sealed``,
``redhome-pos payments key set|migrate``) stands for its plain setting, which may then be
left empty.

Every setting can be overridden by ``REDHOME_PAYMENTS_<NAME>``, ``REDHOME_PAYMENTS_WECHAT_<NAME>``
or ``REDHOME_PAYMENTS_ALIPAY_<NAME>`` (the setting's name in capitals).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlsplit

from redhome_pos.config.errors import ConfigError
from redhome_pos.config.payment_keys import sealed_file, slot_for

WECHAT_API_VERSIONS = ("v3", "v2")
WECHAT_V2_SIGN_TYPES = ("HMAC-SHA256", "MD5")
WECHAT_BASE_URL = "https://api.mch.weixin.qq.com"
ALIPAY_GATEWAY_URL = "https://openapi.alipay.com/gateway.do"
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@dataclass(frozen=True, slots=True)
class WechatPayConfig:
    enabled: bool = True
    api_version: str = "v3"
    mchid: str = ""  # a direct merchant
    appid: str = ""
    sp_mchid: str = ""  # or a service provider (服务商) acting for sub_mchid
    sp_appid: str = ""
    sub_mchid: str = ""
    sub_appid: str = ""
    merchant_private_key_file: str = ""  # apiclient_key.pem
    merchant_serial: str = ""  # the merchant API certificate's serial number
    api_v3_key: str = field(default="", repr=False)
    platform_public_key_file: str = ""  # WeChat Pay public key, or a platform certificate
    platform_public_key_id: str = ""  # PUB_KEY_ID_…, or the platform certificate's serial
    api_v2_key: str = field(default="", repr=False)
    v2_sign_type: str = "HMAC-SHA256"
    client_cert_file: str = ""  # APIv2 reversal and refund use the API client certificate
    client_key_file: str = ""
    base_url: str = WECHAT_BASE_URL

    @property
    def partner(self) -> bool:
        return bool(self.sp_mchid)

    @property
    def configured(self) -> bool:
        return self.enabled and bool(self.mchid or self.sp_mchid)


@dataclass(frozen=True, slots=True)
class AlipayConfig:
    enabled: bool = True
    app_id: str = ""
    app_private_key_file: str = ""
    alipay_public_key_file: str = ""
    gateway_url: str = ALIPAY_GATEWAY_URL
    store_id: str = ""  # 商户门店编号; the store code when empty

    @property
    def configured(self) -> bool:
        return self.enabled and bool(self.app_id)


@dataclass(frozen=True, slots=True)
class PaymentsConfig:
    charge_deadline_s: float = 60.0  # how long a customer may take to enter the password
    poll_interval_s: float = 3.0  # between queries while the customer is paying
    reverse_after_s: float = 15.0  # WeChat Pay advises waiting this long before reversing
    reverse_retry_s: float = 10.0  # between reversal attempts the provider asked to repeat
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 15.0
    call_deadline_s: float = 30.0  # one whole provider call, connect to last byte
    wechat: WechatPayConfig = field(default_factory=WechatPayConfig)
    alipay: AlipayConfig = field(default_factory=AlipayConfig)

    def secrets(self) -> list[str]:
        return [value for value in (self.wechat.api_v3_key, self.wechat.api_v2_key) if value]


SECRET_KEYS = {"wechat": ("api_v3_key", "api_v2_key")}


def env_overrides() -> dict[str, tuple[str, str]]:
    """Environment variable -> (``""``, ``"wechat"`` or ``"alipay"``, setting)."""
    found: dict[str, tuple[str, str]] = {}
    for section, default in (
        ("", PaymentsConfig()),
        ("wechat", WechatPayConfig()),
        ("alipay", AlipayConfig()),
    ):
        for item in fields(default):
            if item.name in ("wechat", "alipay"):
                continue
            infix = f"{section.upper()}_" if section else ""
            found[f"REDHOME_PAYMENTS_{infix}{item.name.upper()}"] = (section, item.name)
    return found


PAYMENTS_ENV_OVERRIDES = env_overrides()


def as_toml_data(config: PaymentsConfig, *, mask: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {
        item.name: getattr(config, item.name)
        for item in fields(config)
        if item.name not in ("wechat", "alipay")
    }
    for name in ("wechat", "alipay"):
        section = getattr(config, name)
        table = {item.name: getattr(section, item.name) for item in fields(section)}
        for secret in SECRET_KEYS.get(name, ()):
            if mask is not None and table[secret]:
                table[secret] = mask
        data[name] = table
    return data


# --- reading -------------------------------------------------------------------------------


class Reader(Protocol):
    """What of the configuration reader this module uses (reading.py's ``_Reader``)."""

    file: Path
    env: Mapping[str, str]

    def bad_setting(
        self, table: tuple[str, ...], key: str, template: str, **params: Any
    ) -> ConfigError: ...
    def folder(self, table: tuple[str, ...], key: str, text: str) -> Path: ...
    def _value(self, where: tuple[str, ...], key: str, value: Any, kind: type) -> Any: ...
    def _only(
        self, table: dict[str, Any], where: tuple[str, ...], allowed: tuple[str, ...]
    ) -> None: ...


class _Payments:
    def __init__(self, reader: Reader) -> None:
        self.reader = reader
        self.from_env: dict[tuple[str, str], str] = {}

    def bad_setting(self, section: str, key: str, template: str, **params: Any) -> ConfigError:
        table = ("payments", section) if section else ("payments",)
        variable = self.from_env.get((section, key))
        if variable:
            where = f"environment variable {variable}"
            return ConfigError(template, file=where, key=".".join((*table, key)), **params)
        return self.reader.bad_setting(table, key, template, **params)

    def with_env(self, raw: dict[str, Any]) -> dict[str, Any]:
        merged = {k: dict(v) if isinstance(v, dict) else v for k, v in raw.items()}
        for variable, (section, key) in PAYMENTS_ENV_OVERRIDES.items():
            if variable not in self.reader.env:
                continue
            text = self.reader.env[variable]
            self.from_env[(section, key)] = variable
            table = merged.setdefault(section, {}) if section else merged
            if not isinstance(table, dict):
                raise self.bad_setting(
                    "", section, "must be a table [payments.{name}]", name=section
                )
            table[key] = self._from_text(section, key, text)
        return merged

    def _from_text(self, section: str, key: str, text: str) -> Any:
        default = {"": PaymentsConfig(), "wechat": WechatPayConfig(), "alipay": AlipayConfig()}
        kind = type(getattr(default[section], key))
        if kind is bool:
            lowered = text.strip().lower()
            if lowered in ("1", "true", "yes", "on"):
                return True
            if lowered in ("0", "false", "no", "off", ""):
                return False
            raise self.bad_setting(section, key, "must be true or false")
        if kind is float:
            try:
                return float(text)
            except ValueError:
                raise self.bad_setting(
                    section, key, "must be a number, not {value}", value=repr(text)
                ) from None
        return text

    def section(self, raw: dict[str, Any], name: str, default: Any) -> Any:
        value = raw.get(name, {})
        if not isinstance(value, dict):
            raise self.bad_setting("", name, "must be a table [payments.{name}]", name=name)
        where = ("payments", name)
        kinds = {item.name: type(getattr(default, item.name)) for item in fields(default)}
        self.reader._only(value, where, tuple(kinds))
        values = {key: self.reader._value(where, key, value[key], kinds[key]) for key in value}
        return replace(default, **values)

    def read(self, raw: dict[str, Any]) -> PaymentsConfig:
        raw = self.with_env(raw)
        top = {item.name for item in fields(PaymentsConfig)}
        self.reader._only(raw, ("payments",), tuple(sorted(top)))
        numbers = {
            key: self.reader._value(("payments",), key, raw[key], float)
            for key in raw
            if key not in ("wechat", "alipay")
        }
        wechat = self._paths(self.section(raw, "wechat", WechatPayConfig()), "wechat")
        alipay = self._paths(self.section(raw, "alipay", AlipayConfig()), "alipay")
        config = PaymentsConfig(**numbers, wechat=wechat, alipay=alipay)
        self._check_numbers(config)
        if wechat.configured:
            self._check_wechat(wechat)
        if alipay.configured:
            self._check_alipay(alipay)
        return config

    def _paths(self, section: Any, name: str) -> Any:
        changed = {}
        for item in fields(section):
            value = getattr(section, item.name)
            if item.name.endswith("_file") and value:
                changed[item.name] = str(self.reader.folder(("payments", name), item.name, value))
        return replace(section, **changed)

    def _check_numbers(self, config: PaymentsConfig) -> None:
        limits = {
            "charge_deadline_s": (5, 600),
            "poll_interval_s": (0.05, 60),
            "reverse_after_s": (0, 600),
            "reverse_retry_s": (0.05, 3600),
            "connect_timeout_s": (0.1, 60),
            "read_timeout_s": (0.1, 120),
            "call_deadline_s": (0.2, 300),
        }
        for key, (low, high) in limits.items():
            value = getattr(config, key)
            if not low <= value <= high:
                raise self.bad_setting(
                    "",
                    key,
                    "must be from {low} to {high} seconds, not {value}",
                    low=low,
                    high=high,
                    value=value,
                )

    def _sealed(self, section: str, key: str) -> bool:
        """Whether the secret ``key`` of ``section`` is sealed beside the configuration."""
        return sealed_file(self.reader.file.parent, slot_for(section, key)).is_file()

    def _need(self, section: str, config: Any, *keys: str) -> None:
        for key in keys:
            if not str(getattr(config, key)).strip():
                raise self.bad_setting(section, key, "must be set")

    def _need_secret(self, section: str, key: str, value: str) -> bool:
        """Whether the plain secret is to be checked: False when it is sealed instead."""
        if self._sealed(section, key):
            return False
        if not value.strip():
            slot = slot_for(section, key)
            raise self.bad_setting(
                section,
                key,
                "must be set, or the key sealed: redhome-pos payments key set {slot}",
                slot=slot.name,
            )
        return True

    def _url(self, section: str, key: str, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise self.bad_setting(
                section, key, "must be a web address, not {value}", value=repr(url)
            )
        if parts.scheme == "http" and parts.hostname not in _LOOPBACK:
            raise self.bad_setting(
                section, key, "must use https (plain http only on this computer)"
            )

    def _file(self, section: str, key: str, path_text: str, *, private: bool) -> None:
        path = Path(path_text)
        try:
            info = path.stat()
        except OSError:
            raise self.bad_setting(
                section, key, "the file {path} does not exist or cannot be read", path=path
            ) from None
        if not stat.S_ISREG(info.st_mode):
            raise self.bad_setting(section, key, "{path} is not a file", path=path)
        if private and os.name == "posix" and info.st_mode & 0o077:
            raise self.bad_setting(
                section,
                key,
                "the private key file {path} can be read by other users of this computer "
                "(permissions {mode}); make it readable by its owner only: chmod 600 {path}",
                path=path,
                mode=oct(info.st_mode & 0o777),
            )

    def _check_wechat(self, wechat: WechatPayConfig) -> None:
        if wechat.api_version not in WECHAT_API_VERSIONS:
            raise self.bad_setting(
                "wechat",
                "api_version",
                "must be v3 or v2, not {value}",
                value=repr(wechat.api_version),
            )
        if wechat.partner:
            self._need("wechat", wechat, "sp_appid", "sub_mchid")
        else:
            self._need("wechat", wechat, "appid")
        self._url("wechat", "base_url", wechat.base_url)
        if wechat.api_version == "v3":
            self._need("wechat", wechat, "merchant_serial", "platform_public_key_file")
            key_file = wechat.merchant_private_key_file
            if self._need_secret("wechat", "merchant_private_key_file", key_file):
                self._file("wechat", "merchant_private_key_file", key_file, private=True)
            self._file(
                "wechat", "platform_public_key_file", wechat.platform_public_key_file, private=False
            )
            if not wechat.platform_public_key_id:
                text = Path(wechat.platform_public_key_file).read_bytes()
                if b"BEGIN CERTIFICATE" not in text:
                    raise self.bad_setting(
                        "wechat",
                        "platform_public_key_id",
                        "must be set (the PUB_KEY_ID_… shown beside the WeChat Pay public key)",
                    )
            if (
                wechat.api_v3_key
                and not self._sealed("wechat", "api_v3_key")
                and len(wechat.api_v3_key.encode()) != 32
            ):
                raise self.bad_setting("wechat", "api_v3_key", "must be 32 characters long")
        else:
            if wechat.v2_sign_type not in WECHAT_V2_SIGN_TYPES:
                raise self.bad_setting("wechat", "v2_sign_type", "must be HMAC-SHA256 or MD5")
            if self._need_secret("wechat", "api_v2_key", wechat.api_v2_key) and (
                len(wechat.api_v2_key) != 32
            ):
                raise self.bad_setting("wechat", "api_v2_key", "must be 32 characters long")
            # Reversal and refund in APIv2 need the merchant's API client certificate.
            self._need("wechat", wechat, "client_cert_file")
            self._file("wechat", "client_cert_file", wechat.client_cert_file, private=False)
            if self._need_secret("wechat", "client_key_file", wechat.client_key_file):
                self._file("wechat", "client_key_file", wechat.client_key_file, private=True)

    def _check_alipay(self, alipay: AlipayConfig) -> None:
        self._need("alipay", alipay, "alipay_public_key_file")
        self._url("alipay", "gateway_url", alipay.gateway_url)
        key_file = alipay.app_private_key_file
        if self._need_secret("alipay", "app_private_key_file", key_file):
            self._file("alipay", "app_private_key_file", key_file, private=True)
        self._file("alipay", "alipay_public_key_file", alipay.alipay_public_key_file, private=False)


def read_payments(reader: Reader, raw: Any) -> PaymentsConfig:
    """The checked ``[payments]`` settings (``raw`` is the TOML table, maybe absent)."""
    if not isinstance(raw, dict):
        raise reader.bad_setting((), "payments", "must be a table [payments]")
    return _Payments(reader).read(raw)
