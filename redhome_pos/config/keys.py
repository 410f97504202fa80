"""Per-store keys kept apart from the database: the audit chain's key, the key that encrypts
tokens and payment keys at rest.

A key is read from the operating system's keyring (the Secret Service, Windows' Credential
Manager, macOS' Keychain: a ``keyring`` backend of priority 1 or more, or the backend the
keyring configuration names) when there is one; otherwise from a key file beside the
configuration file (``keys/<name>.key``), created on first use with 32 random bytes and
readable by its owner only. A keyring that is only a file in the home folder, chosen by
``keyring`` for want of a better one, is not used: it would keep the key no better than the
key file does, and elsewhere. Someone who copies the database alone gets neither key.

``sealing`` gives the one cipher (Fernet: AES with an HMAC, ``cryptography``) that everything
kept secret at rest uses: the online store's tokens, the payment keys.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
import os
import secrets
from pathlib import Path

from cryptography.fernet import Fernet

from redhome_pos.config.settings import APP_NAME, AppPaths, ConfigError

log = logging.getLogger(__name__)

AUDIT_KEY = "audit"  # HMAC of the audit chain and of its anchors
SECRETS_KEY = "secrets"  # encrypts OAuth tokens and payment keys at rest
KEY_BYTES = 32
ANCHOR_FILE_NAME = "audit-anchors.jsonl"  # beside the backups: the audit log's Z anchors


def key_file(paths: AppPaths, name: str) -> Path:
    return paths.config_file.parent / "keys" / f"{name}.key"


def sealing(key: bytes, purpose: str) -> Fernet:
    """The cipher that seals secrets kept for ``purpose`` with the store key ``key``: each
    purpose gets a key of its own derived from it."""
    derived = hashlib.sha256(f"redhome {purpose}\0".encode() + key).digest()
    return Fernet(base64.urlsafe_b64encode(derived))


def _keyring_configured() -> bool:
    """Whether the keyring's configuration names a backend (its environment variable or
    ``keyringrc.cfg``): that one is used whatever its priority."""
    import keyring.core

    return bool(os.environ.get("PYTHON_KEYRING_BACKEND")) or keyring.core.load_config() is not None


def os_keyring() -> object | None:
    """The operating system's keyring backend, or None where there is none."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring):
        return None
    if getattr(backend, "priority", 0) < 1 and not _keyring_configured():
        return None  # a plain file chosen for want of a keyring: the key file does as well
    return backend


def _from_keyring(service: str, name: str, *, make: bool) -> bytes | None:
    """The key from the OS keyring (made there on first use when ``make``), or None without
    one."""
    try:
        import keyring
    except ImportError:
        return None
    try:
        if os_keyring() is None:
            return None
        stored = keyring.get_password(service, name)
        if stored is None:
            if not make:
                return None
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
            raise ConfigError(
                "the key file cannot be read ({problem})", file=path, problem=str(error)
            ) from error
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


def _mark_in_keyring(marker: Path, service: str) -> None:
    """A note beside the key files that this key is in the keyring (never the key itself)."""
    marker.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write(f"kept in the operating system's keyring, service {service!r}\n")


def store_key(paths: AppPaths, name: str, *, use_keyring: bool = True) -> bytes:
    """The store's key called ``name`` (made on first use): the keyring's, else the key file
    that exists (a store whose key was made before the keyring was there keeps it: a new key
    would leave the audit log unverifiable and the sealed secrets unreadable), else a new one
    in the keyring, else a new key file.

    A key kept in the keyring is noted beside the key files (``keys/<name>.keyring``); when
    the keyring cannot be opened at a later start (locked, gone) that is a ``ConfigError``,
    never a new key file whose key would differ from the keyring's."""
    file = key_file(paths, name)
    if use_keyring:
        service = f"{APP_NAME}:{paths.config_file.parent}"
        key = _from_keyring(service, name, make=not file.exists())
        marker = file.with_suffix(".keyring")
        if key is not None:
            if not marker.exists():
                _mark_in_keyring(marker, service)
            return key
        if marker.exists() and not file.exists():
            raise ConfigError(
                "the store's {name} key is kept in the operating system's keyring, which "
                "cannot be opened now (locked, or not there): unlock the keyring (log in to "
                "the desktop) and start again",
                file=marker,
                name=name,
            )
    return _from_file(file)


_PATHS: list[AppPaths] = []  # this process's store, set when its configuration is read


def use_paths(paths: AppPaths) -> None:
    """The store whose keys ``process_key`` gives (set by the commands at start-up)."""
    _PATHS[:] = [paths]


def process_key(name: str) -> bytes | None:
    """The key ``name`` of this process's store (made on first use); None before a
    configuration was read (tests, benchmarks building parts by hand)."""
    return store_key(_PATHS[0], name) if _PATHS else None
