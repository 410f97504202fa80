"""The store's configuration: one TOML file, overridable by environment variables.

``load_config()`` finds the file (``--config FILE``, else ``REDHOME_CONFIG``, else
``config.toml`` in the user configuration directory), checks every value and returns frozen
dataclasses. A missing file in the default place gives the defaults (first start); a broken
file gives a ``ConfigError`` naming the file, the line and the key. Secrets (the online-store
app secret, the scanning code secret, a database password, the WeChat Pay API keys) never
appear in ``repr`` or in ``redacted()``, which is what logs and ``config show`` may print.
"""

from __future__ import annotations

from redhome_pos.config.payments import (
    PAYMENTS_ENV_OVERRIDES,
    AlipayConfig,
    PaymentsConfig,
    WechatPayConfig,
)
from redhome_pos.config.reading import ENV_OVERRIDES, config_file_path, load_config
from redhome_pos.config.settings import (
    APP_NAME,
    CONFIG_FILE_NAME,
    DEMO_APP_NAME,
    ENCODINGS,
    GS1_LAYOUTS,
    LANGUAGES,
    ONLINE_STORE_KINDS,
    PRINTER_LANGUAGES,
    SECRET_MASK,
    TRANSPORTS,
    AppPaths,
    Config,
    ConfigError,
    DatabaseConfig,
    OnlineStoreConfig,
    PrinterConfig,
    ScanningConfig,
    StoreConfig,
    as_toml_data,
    default_config,
    redact_url,
    redacted,
)
from redhome_pos.config.writing import write_config

__all__ = [
    "APP_NAME",
    "CONFIG_FILE_NAME",
    "DEMO_APP_NAME",
    "ENCODINGS",
    "ENV_OVERRIDES",
    "GS1_LAYOUTS",
    "LANGUAGES",
    "ONLINE_STORE_KINDS",
    "PAYMENTS_ENV_OVERRIDES",
    "PRINTER_LANGUAGES",
    "SECRET_MASK",
    "TRANSPORTS",
    "AlipayConfig",
    "AppPaths",
    "Config",
    "ConfigError",
    "DatabaseConfig",
    "OnlineStoreConfig",
    "PaymentsConfig",
    "PrinterConfig",
    "ScanningConfig",
    "StoreConfig",
    "WechatPayConfig",
    "as_toml_data",
    "config_file_path",
    "default_config",
    "load_config",
    "redact_url",
    "redacted",
    "write_config",
]
