"""Per-store keys kept apart from the database: the audit chain's key, the key that encrypts
tokens and payment keys at rest.

A key is read from the operating system's keyring when the ``keyring`` package is installed
and has a working backend; otherwise from a key file beside the configuration file
(``keys/<name>.key``), created on first use with 32 random bytes and readable by its owner
only. Someone who copies the database alone gets neither key.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import secrets
from pathlib import Path

from redhome_pos.config.settings import APP_NAME, AppPaths, ConfigError

log = logging.getLogger(__name__)

AUDIT_KEY = "audit"  # HMAC of the audit chain and of its anchors
SECRETS_KEY = "secrets"  # encrypts OAuth tokens and payment keys at rest
KEY_BYTES = 32
ANCHOR_FILE_NAME = "audit-anchors.jsonl"  # beside the backups: the audit log's Z anchors


def key_file(paths: AppPaths, name: str) -> Path:
    return paths.config_file.parent / "keys" / f"{name}.key"


def _from_keyring(service: str, name: str) -> bytes | None:
    """The key from the OS keyring (made there on first use), or None without one."""
    try:
        import keyring  # type: ignore[import-not-found, unused-ignore]
        from keyring.backends import fail  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    try:
        if isinstance(keyring.get_keyring(), fail.Keyring):
            return None
        stored = keyring.get_password(service, name)
        if stored is None:
            stored = base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()
            keyring.set_password(service, name, stored)
        return base64.b64decode(stored)
    except Exception as error:  # a locked or broken keyring: fall back to the key file
        log.warning("the keyring could not be used (%s): using the key file", type(error).__name__)
        return None


def _from_file(path: Path) -> bytes:
    if path.exists():
        try:
            key = base64.b64decode(path.read_text(encoding="ascii").strip(), validate=True)
        except (OSError, UnicodeDecodeError, binascii.Error) as error:
            raise ConfigError(f"the key file cannot be read ({error})", file=path) from error
        if len(key) < KEY_BYTES:
            raise ConfigError("the key file is too short: restore it from a backup", file=path)
        if path.stat().st_mode & 0o077:
            os.chmod(path, 0o600)
            log.warning("key file %s was readable by others: made private", path)
        return key
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_bytes(KEY_BYTES)
    # Written whole or not at all, readable by the owner only from the start.
    partial = path.with_name(path.name + ".new")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(base64.b64encode(key).decode() + "\n")
        out.flush()
        os.fsync(out.fileno())
    os.replace(partial, path)
    log.info("made a new %s key in %s", path.stem, path)
    return key


def store_key(paths: AppPaths, name: str, *, use_keyring: bool = True) -> bytes:
    """The store's key called ``name`` (made on first use)."""
    if use_keyring:
        key = _from_keyring(f"{APP_NAME}:{paths.config_file.parent}", name)
        if key is not None:
            return key
    return _from_file(key_file(paths, name))


_PATHS: list[AppPaths] = []  # this process's store, set when its configuration is read


def use_paths(paths: AppPaths) -> None:
    """The store whose keys ``process_key`` gives (set by the commands at start-up)."""
    _PATHS[:] = [paths]


def process_key(name: str) -> bytes | None:
    """The key ``name`` of this process's store (made on first use); None before a
    configuration was read (tests, benchmarks building parts by hand)."""
    return store_key(_PATHS[0], name) if _PATHS else None
