"""Reading the configuration: the TOML file, then environment variables, every value checked.

Errors name the file (or the environment variable), the line and the key.
"""

from __future__ import annotations

import os
import re
import tomllib
import zoneinfo
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from redhome_pos.config.payments import read_payments
from redhome_pos.config.settings import (
    BADGE_PIN_RULES,
    CUSTOMER_DISPLAYS,
    ENCODINGS,
    GS1_LAYOUTS,
    LANGUAGES,
    ONLINE_STORE_KINDS,
    PRINTER_LANGUAGES,
    TRANSPORTS,
    AppPaths,
    Config,
    ConfigError,
    DatabaseConfig,
    OnlineStoreConfig,
    PrinterConfig,
    ScanningConfig,
    StoreConfig,
    default_config,
)

_STORE_CODE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,15}$")
_TERMINAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{0,15}$")
MIN_SECRET_CHARS = 32  # token_urlsafe(32) gives 43: 32 random bytes
# Folders of the operating system: a printer "file" there would overwrite a system file.
_SYSTEM_FOLDERS = tuple(
    Path(p)
    for p in ("/etc", "/bin", "/sbin", "/usr", "/lib", "/lib64", "/boot", "/proc", "/sys",
              "/var/lib", "/root", "C:/Windows", "C:/Program Files")
)  # fmt: skip


def _system_file(path: str) -> bool:
    """True for a path inside the operating system's own folders (devices under /dev are
    printers' ports and allowed)."""
    if not path.strip():
        return False
    try:
        resolved = Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return True
    return any(resolved == folder or folder in resolved.parents for folder in _SYSTEM_FOLDERS)


# Environment variables that override a setting: variable -> (section, key).
ENV_OVERRIDES: dict[str, tuple[str, str]] = {
    "REDHOME_DATABASE_URL": ("database", "url"),
    "REDHOME_TERMINAL_ID": ("", "terminal_id"),
    "REDHOME_STORE_CODE": ("store", "code"),
    "REDHOME_STORE_NAME": ("store", "name"),
    "REDHOME_LANGUAGE": ("store", "language"),
    "REDHOME_TIMEZONE": ("store", "timezone"),
    "REDHOME_ONLINE_STORE_BASE_URL": ("online_store", "base_url"),
    "REDHOME_ONLINE_STORE_APP_ID": ("online_store", "app_id"),
    "REDHOME_ONLINE_STORE_APP_SECRET": ("online_store", "app_secret"),
    "REDHOME_ONLINE_STORE_WAREHOUSE_CODE": ("online_store", "warehouse_code"),
    "REDHOME_ONLINE_STORE_ENABLED": ("online_store", "enabled"),
    "REDHOME_SCANNING_CODE_SECRET": ("scanning", "code_secret"),
    "REDHOME_DATA_DIR": ("paths", "data_dir"),
    "REDHOME_LOG_DIR": ("paths", "log_dir"),
    "REDHOME_BACKUP_DIR": ("paths", "backup_dir"),
    "REDHOME_PREVIEW_DIR": ("paths", "preview_dir"),
}
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


# RED's warehouse.create: a code of letters, digits and "_", at most 24 characters.
WAREHOUSE_CODE_MAX = 24
WAREHOUSE_CODE = re.compile(rf"[A-Za-z0-9_]{{1,{WAREHOUSE_CODE_MAX}}}")


def _suggest_code(text: str) -> str:
    """A code the platform accepts, close to what was written: RH-SH-001 -> RH_SH_001."""
    return re.sub(r"[^A-Za-z0-9_]", "_", text)[:WAREHOUSE_CODE_MAX] or "STORE_1"


def config_file_path(path: Path | None, env: Mapping[str, str], paths: AppPaths) -> Path:
    chosen = path if path is not None else env.get("REDHOME_CONFIG")
    if not chosen:
        return paths.config_file
    try:
        return Path(chosen).expanduser()
    except RuntimeError:  # ~name of an unknown user: the file is then said to be missing
        return Path(chosen)


def load_config(
    path: Path | None = None,
    env: Mapping[str, str] | None = None,
    *,
    paths: AppPaths | None = None,
) -> Config:
    """Read the configuration (see the module docstring for where it is found).

    ``paths`` gives the default directories (``AppPaths.demo()`` for the demo store); a
    ``[paths]`` table or ``REDHOME_DATA_DIR``-style variables override them.
    """
    env = os.environ if env is None else env
    base_paths = paths or AppPaths.default()
    file = config_file_path(path, env, base_paths)
    explicit = path is not None or bool(env.get("REDHOME_CONFIG"))
    text = ""
    if file.exists():
        try:
            text = file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(
                "cannot read the configuration file ({problem})", file=file, problem=str(exc)
            ) from exc
    elif explicit:
        raise ConfigError("the configuration file does not exist", file=file)
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _decode_error_line(str(exc))
        key = _key_on_line(text, line) if line else ""
        problem = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise ConfigError(
            "not valid TOML ({problem})", file=file, line=line, key=key, problem=problem
        ) from exc
    return _Reader(file, text, env, replace(base_paths, config_file=file)).read(raw)


def _decode_error_line(message: str) -> int | None:
    match = re.search(r"at line (\d+)", message)
    return int(match.group(1)) if match else None


def _key_on_line(text: str, line: int) -> str:
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return ""
    match = re.match(r"\s*([\w.\"-]+)\s*=", lines[line - 1])
    return match.group(1).replace('"', "") if match else ""


def _find_line(text: str, table: tuple[str, ...], key: str) -> int | None:
    """The line where ``key`` is set inside ``[table]`` (or the table header itself)."""
    current: tuple[str, ...] = ()
    header_line: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[+\s*([^\]]+?)\s*\]+", stripped)
        if header:
            current = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
            if current == table:
                header_line = number
            continue
        if current == table and key and re.match(rf"^\"?{re.escape(key)}\"?\s*=", stripped):
            return number
    return header_line


class _Reader:
    """Turns the raw TOML tables (with environment overrides) into checked dataclasses."""

    def __init__(self, file: Path, text: str, env: Mapping[str, str], paths: AppPaths) -> None:
        self.file = file
        self.text = text
        self.env = env
        self.paths = paths

    def bad_setting(
        self, table: tuple[str, ...], key: str, template: str, **params: Any
    ) -> ConfigError:
        """The error for setting ``key`` of ``table``: ``template`` filled from ``params``."""
        dotted = ".".join((*table, key)) if key else ".".join(table)
        for variable, (section, name) in ENV_OVERRIDES.items():
            if (section, name) == ((table[0] if table else ""), key) and variable in self.env:
                where = f"environment variable {variable}"
                return ConfigError(template, file=where, key=dotted, **params)
        line = _find_line(self.text, table, key)
        return ConfigError(template, file=self.file, line=line, key=dotted, **params)

    def folder(self, table: tuple[str, ...], key: str, text: str) -> Path:
        """A path setting with ``~`` expanded, relative to the configuration file's folder."""
        try:
            path = Path(text).expanduser()
        except RuntimeError:  # ~name of a user this machine does not have
            raise self.bad_setting(
                table,
                key,
                "starts with {start}, the home folder of a user this computer does not have",
                start=text.split("/", 1)[0],
            ) from None
        return path if path.is_absolute() else self.file.parent / path

    def read(self, raw: dict[str, Any]) -> Config:
        raw = self._with_env(raw)
        defaults = default_config(self.paths)
        known = {
            "terminal_id",
            "store",
            "database",
            "printers",
            "online_store",
            "scanning",
            "paths",
            "payments",
        }
        for key in raw:
            if key not in known:
                raise self.bad_setting(
                    (), key, "unknown setting (known: {known})", known=", ".join(sorted(known))
                )
        paths = self._paths(self._table(raw, "paths"))
        store = self._section(self._table(raw, "store"), ("store",), StoreConfig())
        terminal_id = self._value(
            (), "terminal_id", raw.get("terminal_id", defaults.terminal_id), str
        )
        database_raw = self._table(raw, "database")
        self._only(database_raw, ("database",), ("url",))
        url = self._value(
            ("database",), "url", database_raw.get("url", paths.default_database_url), str
        )
        printers_raw = self._table(raw, "printers")
        printers = dict(defaults.printers) if "printers" not in raw else {}
        for name, table in printers_raw.items():
            if not isinstance(table, dict):
                raise self.bad_setting(
                    ("printers",), name, "must be a table such as [printers.receipt]"
                )
            section = self._section(table, ("printers", name), PrinterConfig(name=name))
            printers[name] = section
        online = self._section(
            self._table(raw, "online_store"), ("online_store",), OnlineStoreConfig()
        )
        scanning = self._section(self._table(raw, "scanning"), ("scanning",), ScanningConfig())
        payments = read_payments(self, raw.get("payments", {}))
        if not terminal_id.strip():
            raise self.bad_setting((), "terminal_id", "must not be empty")
        if not _TERMINAL_ID.match(terminal_id):
            raise self.bad_setting(
                (),
                "terminal_id",
                "must be 1 to 16 letters, digits or '-' (it is in receipt numbers)",
            )
        if not url.strip():
            raise self.bad_setting(("database",), "url", "must not be empty")
        return Config(
            store=store,
            terminal_id=terminal_id,
            database=DatabaseConfig(url=url),
            printers=printers,
            online_store=online,
            scanning=scanning,
            paths=paths,
            payments=payments,
        )

    def _with_env(self, raw: dict[str, Any]) -> dict[str, Any]:
        merged = {
            key: dict(value) if isinstance(value, dict) else value for key, value in raw.items()
        }
        for variable, (section, key) in ENV_OVERRIDES.items():
            if variable not in self.env:
                continue
            value: Any = self.env[variable]
            if (section, key) == ("online_store", "enabled"):
                value = self._env_bool(variable, value)
            if not section:
                merged[key] = value
                continue
            table = merged.setdefault(section, {})
            if not isinstance(table, dict):
                raise self.bad_setting((), section, "must be a table")
            table[key] = value
        return merged

    def _env_bool(self, variable: str, value: str) -> bool:
        if value.strip().lower() in _TRUE:
            return True
        if value.strip().lower() in _FALSE:
            return False
        raise ConfigError("must be true or false", file=f"environment variable {variable}")

    def _table(self, raw: dict[str, Any], name: str) -> dict[str, Any]:
        value = raw.get(name, {})
        if not isinstance(value, dict):
            raise self.bad_setting((), name, "must be a table [{name}]", name=name)
        return value

    def _only(
        self, table: dict[str, Any], where: tuple[str, ...], allowed: tuple[str, ...]
    ) -> None:
        for key in table:
            if key not in allowed:
                raise self.bad_setting(
                    where, key, "unknown setting (known: {known})", known=", ".join(allowed)
                )

    def _value(self, where: tuple[str, ...], key: str, value: Any, kind: type) -> Any:
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if kind is int and isinstance(value, str) and where[:1] == ("printers",):
            try:  # USB ids are usually written in hex ("0x04b8")
                return int(value, 0)
            except ValueError:
                pass
        if isinstance(value, bool) is not (kind is bool) or not isinstance(value, kind):
            shown = repr(value)
            if isinstance(value, dict):
                raise self.bad_setting(where, key, "must be a single value, not a table")
            if kind is int:
                raise self.bad_setting(
                    where, key, "must be a whole number, not {value}", value=shown
                )
            if kind is bool:
                raise self.bad_setting(
                    where, key, "must be true or false, not {value}", value=shown
                )
            if kind is float:
                raise self.bad_setting(where, key, "must be a number, not {value}", value=shown)
            raise self.bad_setting(where, key, "must be text, not {value}", value=shown)
        return value

    def _section(self, table: dict[str, Any], where: tuple[str, ...], default: Any) -> Any:
        kinds = {f.name: type(getattr(default, f.name)) for f in fields(default)}
        # A printer's name is the key of its table ([printers.receipt]), not a setting.
        settable = [n for n in kinds if not (n == "name" and isinstance(default, PrinterConfig))]
        self._only(table, where, tuple(settable))
        values = {
            name: self._value(where, name, table[name], kinds[name])
            for name in kinds
            if name in table
        }
        section = replace(default, **values)
        self._check(section, where)
        return section

    def _check(self, section: Any, where: tuple[str, ...]) -> None:
        def choice(key: str, allowed: tuple[str, ...]) -> None:
            if getattr(section, key) not in allowed:
                raise self.bad_setting(
                    where,
                    key,
                    "must be one of {allowed}, not {value}",
                    allowed=", ".join(allowed),
                    value=repr(getattr(section, key)),
                )

        def at_least(key: str, low: float, high: float | None = None) -> None:
            value = getattr(section, key)
            if value < low or (high is not None and value > high):
                if high is None:
                    raise self.bad_setting(
                        where, key, "must be at least {low}, not {value}", low=low, value=value
                    )
                raise self.bad_setting(
                    where,
                    key,
                    "must be from {low} to {high}, not {value}",
                    low=low,
                    high=high,
                    value=value,
                )

        if isinstance(section, StoreConfig):
            choice("language", LANGUAGES)
            choice("badge_needs_pin", BADGE_PIN_RULES)
            choice("customer_display", CUSTOMER_DISPLAYS)
            at_least("default_vat_rate_bp", 0, 10_000)
            at_least("expiry_warning_days", 0, 3650)
            if not section.code.strip():
                raise self.bad_setting(where, "code", "must not be empty")
            if not _STORE_CODE.match(section.code):
                raise self.bad_setting(
                    where,
                    "code",
                    "must be 1 to 16 capital letters, digits or '-' (it is in the store's signed "
                    "codes), not {value}",
                    value=repr(section.code),
                )
            try:
                zoneinfo.ZoneInfo(section.timezone)
            except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
                if zoneinfo.available_timezones():
                    raise self.bad_setting(
                        where, "timezone", "unknown time zone {value}", value=repr(section.timezone)
                    ) from exc
        elif isinstance(section, PrinterConfig):
            choice("transport", TRANSPORTS)
            choice("language", PRINTER_LANGUAGES)
            choice("encoding", ENCODINGS)
            at_least("port", 1, 65_535)
            at_least("columns", 16, 96)
            at_least("dot_width", 128, 2_400)
            at_least("baudrate", 1_200)
            at_least("label_width_mm", 10, 200)
            at_least("label_height_mm", 10, 300)
            at_least("timeout_s", 0.1, 120)
            if section.transport == "network" and not section.host:
                raise self.bad_setting(where, "host", "a network printer needs its host")
            for key in ("path", "serial_device"):
                if _system_file(getattr(section, key)):
                    raise self.bad_setting(
                        where, key, "must be a printer device or a file of the store's, "
                        "not a system file ({path})", path=getattr(section, key),
                    )  # fmt: skip
        elif isinstance(section, OnlineStoreConfig):
            choice("kind", ONLINE_STORE_KINDS)
            if section.enabled and not (section.base_url and section.app_id):
                raise self.bad_setting(
                    where, "enabled", "the online store needs base_url and app_id"
                )
            if section.enabled and not section.warehouse_code:
                raise self.bad_setting(
                    where, "warehouse_code", "the online store needs the store's warehouse code"
                )
            if section.warehouse_code and not WAREHOUSE_CODE.fullmatch(section.warehouse_code):
                raise self.bad_setting(
                    where,
                    "warehouse_code",
                    "{value} cannot be a warehouse code on the platform: letters, digits and _ "
                    "only, at most {most} characters (for example {example})",
                    value=repr(section.warehouse_code),
                    most=WAREHOUSE_CODE_MAX,
                    example=repr(_suggest_code(section.warehouse_code)),
                )
        elif isinstance(section, ScanningConfig):
            choice("gs1_variable_layout", GS1_LAYOUTS)
            secret = section.code_secret
            if secret and (len(secret) < MIN_SECRET_CHARS or len(set(secret)) < 8):
                raise self.bad_setting(
                    where,
                    "code_secret",
                    "must be at least {least} random characters (it signs receipts and badges); "
                    "make one with: {command}",
                    least=MIN_SECRET_CHARS,
                    command='python -c "import secrets; print(secrets.token_urlsafe(32))"',
                )
            at_least("burst_max_interval_ms", 1, 1_000)
            at_least("burst_min_length", 1, 64)

    def _paths(self, table: dict[str, Any]) -> AppPaths:
        self._only(table, ("paths",), ("data_dir", "log_dir", "backup_dir", "preview_dir"))
        chosen: dict[str, Path] = {}
        for key, value in table.items():
            chosen[key] = self.folder(("paths",), key, self._value(("paths",), key, value, str))
        paths = replace(self.paths, **chosen)
        if "data_dir" in chosen:
            # Backups and previews follow a moved data folder unless set themselves.
            if "backup_dir" not in chosen:
                paths = replace(paths, backup_dir=chosen["data_dir"] / "backups")
            if "preview_dir" not in chosen:
                paths = replace(paths, preview_dir=chosen["data_dir"] / "previews")
        return paths
