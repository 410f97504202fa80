"""The payment providers' secret keys, sealed at rest with the store's secrets key.

The WeChat Pay merchant private key, the APIv2 client key, the API v3 and v2 keys and the
Alipay app private key are kept in ``secrets/<slot>.sealed`` beside the configuration file,
encrypted with the same cipher and the same secrets key as the online store's tokens
(``keys.sealing``; the key is in the OS keyring, else in ``keys/secrets.key``, never in the
database). A manager stores or replaces one with ``redhome-pos payments key set``; keys that
are still plain files (or plain settings) are sealed by ``redhome-pos payments key migrate``.
A sealed key wins over the plain setting of the same slot.

A sealed file that cannot be opened with this computer's secrets key (the key file or the
keyring entry was lost or replaced, the file was damaged) is a ``PaymentConfigError`` that
says so and what to do; it is never taken for a missing key.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from redhome_pos.domain.payments import PaymentConfigError

if TYPE_CHECKING:  # the settings read this module's slots: keys are imported when used
    from redhome_pos.config.settings import AppPaths

SEALED_DIR = "secrets"
SEALED = b"enc1:"
API_KEY_LENGTH = 32  # WeChat Pay's API v3 and v2 keys are 32 characters


@dataclass(frozen=True, slots=True)
class KeySlot:
    name: str  # the slot's name in commands and file names
    section: str  # [payments.<section>]
    setting: str  # the plain setting it replaces (a file for RSA keys, the text for API keys)
    what: str  # in words
    rsa: bool  # an RSA private key (PEM or base64 DER); else a 32-character API key

    @property
    def from_file(self) -> bool:
        return self.setting.endswith("_file")


SLOTS = (
    KeySlot(
        "wechat-merchant-key",
        "wechat",
        "merchant_private_key_file",
        "WeChat Pay merchant private key",
        rsa=True,
    ),
    KeySlot("wechat-client-key", "wechat", "client_key_file", "WeChat Pay API client key", True),
    KeySlot("wechat-api-v3-key", "wechat", "api_v3_key", "WeChat Pay API v3 key", rsa=False),
    KeySlot("wechat-api-v2-key", "wechat", "api_v2_key", "WeChat Pay API v2 key", rsa=False),
    KeySlot("alipay-app-key", "alipay", "app_private_key_file", "Alipay app private key", True),
)
SLOT_NAMES = tuple(slot.name for slot in SLOTS)


def slot_named(name: str) -> KeySlot:
    for slot in SLOTS:
        if slot.name == name:
            return slot
    raise PaymentConfigError(
        "There is no payment key called {name}: use one of {names}",
        name=name,
        names=", ".join(SLOT_NAMES),
    )


def slot_for(section: str, setting: str) -> KeySlot:
    return next(s for s in SLOTS if s.section == section and s.setting == setting)


def sealed_file(config_dir: Path, slot: KeySlot) -> Path:
    return config_dir / SEALED_DIR / f"{slot.name}.sealed"


def fingerprint(secret: bytes) -> str:
    """A short digest that tells two keys apart in the audit log without giving either away."""
    return hashlib.sha256(secret).hexdigest()[:16]


def rsa_private_key(data: bytes) -> rsa.RSAPrivateKey | None:
    """An RSA private key from PEM (PKCS#1 or PKCS#8) or the bare base64 DER that the Alipay
    key tool writes; None when ``data`` holds none."""
    key: object = None
    try:
        if b"-----BEGIN" in data:
            key = serialization.load_pem_private_key(data, password=None)
        else:
            text = b"".join(data.split())
            der = base64.b64decode(text, validate=True) if text else None
            if der is not None:
                key = serialization.load_der_private_key(der, password=None)
    except (ValueError, TypeError, binascii.Error):
        key = None
    return key if isinstance(key, rsa.RSAPrivateKey) else None


def checked_secret(slot: KeySlot, data: bytes) -> bytes:
    """``data`` as it is sealed: an RSA key as PEM (PKCS#8), an API key as its 32 characters;
    ``PaymentConfigError`` when it is not what the slot holds."""
    if slot.rsa:
        key = rsa_private_key(data)
        if key is None:
            raise PaymentConfigError(
                "What was given for the {what} is not an RSA private key (PEM or base64)",
                what=slot.what,
            )
        return key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    text = data.strip()
    if len(text) != API_KEY_LENGTH or not all(33 <= byte < 127 for byte in text):
        raise PaymentConfigError(
            "The {what} is 32 characters (letters, digits, signs), as set on the merchant platform",
            what=slot.what,
        )
    return text


def _write_private(path: Path, data: bytes) -> None:
    """Written whole or not at all, readable by its owner only from the start."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = path.with_name(path.name + ".new")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


class PaymentKeys:
    """The sealed payment keys of the store whose configuration file is in ``config_dir``.
    ``secrets_key`` gives the store's secrets key; it is asked for only when a key is sealed
    or opened."""

    def __init__(self, config_dir: Path | None, secrets_key: Callable[[], bytes]) -> None:
        self.config_dir = config_dir
        self._secrets_key = secrets_key
        self._cipher: Fernet | None = None

    @classmethod
    def of(cls, paths: AppPaths) -> PaymentKeys:
        from redhome_pos.config.keys import SECRETS_KEY, store_key

        return cls(paths.config_file.parent, lambda: store_key(paths, SECRETS_KEY))

    @classmethod
    def nowhere(cls) -> PaymentKeys:
        """No sealed keys (parts built by hand from settings alone): only plain ones are used."""
        return cls(None, lambda: b"")

    def _sealing(self) -> Fernet:
        from redhome_pos.config.keys import sealing

        if self._cipher is None:
            self._cipher = sealing(self._secrets_key(), "payment keys")
        return self._cipher

    def file(self, slot: KeySlot) -> Path:
        if self.config_dir is None:
            raise PaymentConfigError("No configuration folder to keep the sealed keys in")
        return sealed_file(self.config_dir, slot)

    def has(self, slot: KeySlot) -> bool:
        return self.config_dir is not None and self.file(slot).is_file()

    def seal(self, slot: KeySlot, data: bytes) -> str:
        """Seal the key ``data`` into ``slot`` (replacing one stored before); its fingerprint."""
        secret = checked_secret(slot, data)
        _write_private(self.file(slot), SEALED + self._sealing().encrypt(secret))
        return fingerprint(secret)

    def open(self, slot: KeySlot) -> bytes | None:
        """The key sealed in ``slot``; None when none is stored."""
        if self.config_dir is None:
            return None
        path = self.file(slot)
        try:
            stored = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as error:
            raise PaymentConfigError(
                "The stored {what} ({path}) cannot be read: {detail}",
                what=slot.what,
                path=path,
                detail=error.strerror or type(error).__name__,
            ) from None
        try:
            if not stored.startswith(SEALED):
                raise InvalidToken
            return self._sealing().decrypt(stored[len(SEALED) :].strip())
        except InvalidToken:
            raise PaymentConfigError(
                "The stored {what} cannot be decrypted with this computer's secrets key (the "
                "keyring entry or keys/secrets.key beside the configuration was lost, replaced "
                "or restored from elsewhere). Restore that key from the backup, or store the "
                "payment key again: redhome-pos payments key set {slot}",
                what=slot.what,
                slot=slot.name,
            ) from None
