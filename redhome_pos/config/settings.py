"""The store's settings as frozen dataclasses, their defaults, and how secrets are masked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from redhome_pos.config.errors import ConfigError as ConfigError  # re-exported
from redhome_pos.config.payments import PaymentsConfig
from redhome_pos.config.payments import as_toml_data as payments_toml_data

APP_NAME = "redhome-pos"
DEMO_APP_NAME = "redhome-pos-demo"
CONFIG_FILE_NAME = "config.toml"
SECRET_MASK = "********"

LANGUAGES = ("zh_CN", "en")
BADGE_PIN_RULES = ("everyone", "managers", "nobody")  # as redhome_pos.domain.staff
CUSTOMER_DISPLAYS = ("auto", "on", "off")  # auto: shown when a second screen is connected
TRANSPORTS = ("network", "usb", "serial", "file", "cups", "dummy", "preview")
PRINTER_LANGUAGES = ("escpos", "escpos-raster", "tspl", "zpl")
ENCODINGS = ("gbk", "gb18030")
GS1_LAYOUTS = ("price", "weight")
ONLINE_STORE_KINDS = ("red",)


# --- the settings -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AppPaths:
    """Where the program keeps its files (never in the working directory)."""

    config_file: Path
    data_dir: Path
    log_dir: Path
    backup_dir: Path
    preview_dir: Path

    @classmethod
    def for_app(cls, app_name: str) -> AppPaths:
        dirs = platformdirs.PlatformDirs(app_name, appauthor=False)
        data_dir = Path(dirs.user_data_dir)
        return cls(
            config_file=Path(dirs.user_config_dir) / CONFIG_FILE_NAME,
            data_dir=data_dir,
            log_dir=Path(dirs.user_log_dir),
            backup_dir=data_dir / "backups",
            preview_dir=data_dir / "previews",
        )

    @classmethod
    def default(cls) -> AppPaths:
        """The real store's files in the platform's user directories."""
        return cls.for_app(APP_NAME)

    @classmethod
    def demo(cls) -> AppPaths:
        """The demo store's files, kept apart from a real store's."""
        return cls.for_app(DEMO_APP_NAME)

    @classmethod
    def under(cls, root: Path, config_file: Path | None = None) -> AppPaths:
        """Every directory under one root (tests, portable installs)."""
        return cls(
            config_file=config_file or root / CONFIG_FILE_NAME,
            data_dir=root / "data",
            log_dir=root / "logs",
            backup_dir=root / "data" / "backups",
            preview_dir=root / "data" / "previews",
        )

    @property
    def default_database_url(self) -> str:
        return f"sqlite:///{self.data_dir / 'store.db'}"


@dataclass(frozen=True, slots=True)
class StoreConfig:
    code: str = "RH0001"
    name: str = "REDHOME"
    address: str = ""
    timezone: str = "Asia/Shanghai"
    language: str = "zh_CN"
    default_vat_rate_bp: int = 1300
    allow_negative_stock: bool = False
    receipt_footer: str = ""
    # Lots within this many days of their expiry are shown at the counter and in the
    # back office's "expiring soon" list (a warning; expired lots are refused).
    expiry_warning_days: int = 30
    # A badge whose text is not one of our signed codes (a plain card number) logs in only
    # when allowed; who must type their PIN after scanning a badge (everyone, managers
    # (and supervisors), nobody).
    allow_plain_badges: bool = False
    badge_needs_pin: str = "managers"
    # A bank card is taken on the card terminal: the clerk types the slip's reference (参考号).
    card_reference_required: bool = False
    # Tenders taken on a separate WeChat Pay / Alipay terminal or a static QR code, confirmed
    # with the terminal's reference (for stores without a provider, or as a fall-back).
    external_terminal: bool = True
    # The customer-facing display (客显) on a second monitor: auto, on (a window even on one
    # screen) or off.
    customer_display: str = "auto"


@dataclass(frozen=True, slots=True)
class DatabaseConfig:
    url: str = field(repr=False)

    def __repr__(self) -> str:
        return f"DatabaseConfig(url={redact_url(self.url)!r})"


@dataclass(frozen=True, slots=True)
class PrinterConfig:
    name: str
    transport: str = "preview"
    host: str = ""
    port: int = 9100
    usb_vendor: int = 0
    usb_product: int = 0
    serial_device: str = ""
    baudrate: int = 9600
    path: str = ""
    language: str = "escpos"
    profile: str = "TM-T20II"
    columns: int = 48
    dot_width: int = 576
    encoding: str = "gbk"
    cutter: bool = True
    qr_native: bool = False
    cash_drawer: bool = True
    label_width_mm: int = 60
    label_height_mm: int = 40
    timeout_s: float = 5.0


@dataclass(frozen=True, slots=True)
class OnlineStoreConfig:
    kind: str = "red"
    base_url: str = ""
    app_id: str = ""
    app_secret: str = field(default="", repr=False)
    warehouse_code: str = ""
    redirect_uri: str = ""
    # Unused: the platform's code for a delivery without a courier is always "selfdelivery".
    # Kept so configuration files written before still read.
    delivery_company_code: str = "selfdelivery"
    enabled: bool = False
    # Orders whose every line may go without a courier are handed over at the counter.
    pickup_at_counter: bool = True


@dataclass(frozen=True, slots=True)
class ScanningConfig:
    code_secret: str = field(default="", repr=False)  # per-store HMAC key for our own codes
    burst_max_interval_ms: int = 35
    burst_min_length: int = 6
    gs1_variable_layout: str = "price"


@dataclass(frozen=True, slots=True)
class Config:
    store: StoreConfig
    terminal_id: str
    database: DatabaseConfig
    printers: dict[str, PrinterConfig]
    online_store: OnlineStoreConfig
    scanning: ScanningConfig
    paths: AppPaths
    payments: PaymentsConfig = field(default_factory=PaymentsConfig)

    def secrets(self) -> list[str]:
        """Every secret value in this configuration (for log redaction)."""
        found = [self.online_store.app_secret, self.scanning.code_secret]
        found.append(_url_password(self.database.url))
        found.extend(self.payments.secrets())
        return [value for value in found if value]


def default_config(paths: AppPaths | None = None) -> Config:
    """What a store runs with before anything is configured."""
    paths = paths or AppPaths.default()
    return Config(
        store=StoreConfig(),
        terminal_id="POS-01",
        database=DatabaseConfig(url=paths.default_database_url),
        printers={"receipt": PrinterConfig(name="receipt")},
        online_store=OnlineStoreConfig(),
        scanning=ScanningConfig(),
        paths=paths,
    )


# --- secrets ----------------------------------------------------------------------------

_URL_PASSWORD = re.compile(r"^(?P<head>[^:/?#]+://[^:/@]*:)(?P<password>[^@/]*)(?P<tail>@.*)$")


def _url_password(url: str) -> str:
    match = _URL_PASSWORD.match(url)
    return match.group("password") if match else ""


def redact_url(url: str) -> str:
    """A database URL with its password masked."""
    match = _URL_PASSWORD.match(url)
    if not match or not match.group("password"):
        return url
    return f"{match.group('head')}{SECRET_MASK}{match.group('tail')}"


# A password inside any URL, wherever it stands in a value (user:password@host).
_ANY_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][\w+.-]*://[^:/@\s]*:)[^@/\s]+(?P<tail>@)")


def _mask_url_passwords(value: Any) -> Any:
    if isinstance(value, str):
        return _ANY_URL_PASSWORD.sub(
            lambda m: m.group("head") + SECRET_MASK + m.group("tail"), value
        )
    if isinstance(value, dict):
        return {key: _mask_url_passwords(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_mask_url_passwords(item) for item in value]
    return value


def redacted(config: Config) -> dict[str, Any]:
    """The configuration as TOML-ready data with every secret masked (safe to print): the
    secrets by name, and a password inside any URL (a proxy, a printer, the online store)."""
    data = as_toml_data(config)
    data["database"]["url"] = redact_url(config.database.url)
    for section, key in (("online_store", "app_secret"), ("scanning", "code_secret")):
        if data[section].get(key):
            data[section][key] = SECRET_MASK
    data["payments"] = payments_toml_data(config.payments, mask=SECRET_MASK)
    masked: dict[str, Any] = _mask_url_passwords(data)
    return masked


def as_toml_data(config: Config) -> dict[str, Any]:
    def section(value: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
        return {f.name: getattr(value, f.name) for f in fields(value) if f.name not in skip}

    data: dict[str, Any] = {
        "terminal_id": config.terminal_id,
        "store": section(config.store),
        "database": {"url": config.database.url},
        "online_store": section(config.online_store),
        "scanning": section(config.scanning),
        "printers": {name: section(p, ("name",)) for name, p in config.printers.items()},
        "payments": payments_toml_data(config.payments),
    }
    defaults = AppPaths.default()
    paths = {
        key: str(getattr(config.paths, key))
        for key in ("data_dir", "log_dir", "backup_dir", "preview_dir")
        if getattr(config.paths, key) != getattr(defaults, key)
    }
    if paths:
        data["paths"] = paths
    return data
