"""Reading the merchant's keys: private key files must be readable by their owner only.

Private keys (the WeChat Pay merchant API key, the Alipay app key, the APIv2 client key) are
refused when the file can be read by other users of the computer: anyone who can read one can
take money out of the store's account through refunds. Public keys and certificates are not
secret and are read as they are.

Keys are accepted in the forms the providers' tools hand out: PEM (PKCS#1 or PKCS#8, or an
X.509 certificate for public keys) or the bare base64 text that the Alipay key tool writes.

A secret key sealed at rest (``redhome-pos payments key set|migrate``,
``redhome_pos.config.payment_keys``) is taken before the plain file or setting of its slot; a
plain one still works, with a warning that it should be sealed.
"""

from __future__ import annotations

import base64
import binascii
import logging
import os
import stat
import sys
import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from redhome_pos.config.payment_keys import KeySlot, PaymentKeys, rsa_private_key, slot_for
from redhome_pos.domain.payments import PaymentConfigError

log = logging.getLogger(__name__)


def _unreadable(exc: OSError, path: Path, what: str) -> PaymentConfigError:
    if isinstance(exc, FileNotFoundError):
        return PaymentConfigError("The {what} file {path} does not exist", what=what, path=path)
    return PaymentConfigError(
        "The {what} file {path} cannot be read: {detail}",
        what=what,
        path=path,
        detail=exc.strerror or type(exc).__name__,
    )


def check_owner_only(path: Path, what: str) -> None:
    """Refuse a secret file that other users could read or change (POSIX permissions)."""
    try:
        info = path.stat()
    except OSError as exc:
        raise _unreadable(exc, path, what) from None
    if not stat.S_ISREG(info.st_mode):
        raise PaymentConfigError("The {what} {path} is not a file", what=what, path=path)
    if os.name == "posix" and info.st_mode & 0o077:
        raise PaymentConfigError(
            "The {what} file {path} can be read by other users of this computer "
            "(permissions {mode}). Make it readable by its owner only: chmod 600 {path}",
            what=what,
            path=path,
            mode=oct(info.st_mode & 0o777),
        )


def _read(path: Path, what: str) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise _unreadable(exc, path, what) from None


def _bare_der(data: bytes) -> bytes | None:
    text = b"".join(data.split())
    try:
        return base64.b64decode(text, validate=True) if text else None
    except (binascii.Error, ValueError):
        return None


def load_private_key(path: Path, what: str) -> rsa.RSAPrivateKey:
    """An RSA private key from a file readable by its owner only."""
    check_owner_only(path, what)
    key = rsa_private_key(_read(path, what))
    if key is None:
        raise PaymentConfigError(
            "The {what} file {path} does not hold an RSA private key (PEM or base64)",
            what=what,
            path=path,
        )
    return key


def _plain(slot: KeySlot, value: str, *, warn: bool = True) -> None:
    if not value:
        raise PaymentConfigError(
            "The {what} is not stored: a manager stores it with "
            "redhome-pos payments key set {slot} --from-file FILE --staff CODE",
            what=slot.what,
            slot=slot.name,
        )
    if not warn:
        return
    log.warning(
        "the %s is kept in plain text (%s): seal it with `redhome-pos payments key migrate`",
        slot.what,
        value if slot.from_file else f"[payments.{slot.section}] {slot.setting}",
    )


def private_key(keys: PaymentKeys, section: str, setting: str, path: str) -> rsa.RSAPrivateKey:
    """The RSA private key of the slot ``section``/``setting``: sealed, else from the plain
    file ``path`` (checked as ``load_private_key`` does)."""
    slot = slot_for(section, setting)
    sealed = keys.open(slot)
    if sealed is not None:
        key = rsa_private_key(sealed)
        if key is None:
            raise PaymentConfigError("The stored {what} is not an RSA private key", what=slot.what)
        return key
    _plain(slot, path)
    return load_private_key(Path(path), slot.what)


def api_key(keys: PaymentKeys, section: str, setting: str, value: str) -> str:
    """An API key (WeChat Pay's v2 or v3 key): sealed, else the plain setting ``value``."""
    slot = slot_for(section, setting)
    sealed = keys.open(slot)
    if sealed is not None:
        return sealed.decode("ascii")
    _plain(slot, value)
    return value


_OPENED: list[object] = []  # the open in-memory files behind client_key_path's paths


def client_key_path(keys: PaymentKeys, section: str, setting: str, path: str) -> str:
    """A path the TLS library can read the API client key from (it takes only file names).
    A sealed key is written to an in-memory file of this process (``memfd``, Linux) and never
    to disk; where there is none, to a file readable by its owner only in a private temporary
    folder, removed when the program ends."""
    slot = slot_for(section, setting)
    sealed = keys.open(slot)
    if sealed is None:
        _plain(slot, path, warn=False)  # said once, when the key itself was read
        check_owner_only(Path(path), slot.what)
        return path
    if hasattr(os, "memfd_create") and sys.platform.startswith("linux"):
        descriptor = os.memfd_create(slot.name, os.MFD_CLOEXEC)  # gone with the process
        os.write(descriptor, sealed)
        _OPENED.append(descriptor)
        return f"/proc/self/fd/{descriptor}"
    folder = tempfile.TemporaryDirectory(prefix="redhome-key-")  # mode 0700, removed at exit
    _OPENED.append(folder)
    file = Path(folder.name) / "client-key.pem"
    descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(sealed)
    return str(file)


def load_public_key(path: Path, what: str) -> tuple[rsa.RSAPublicKey, str]:
    """An RSA public key and, when the file is a certificate, its serial number in hex."""
    data = _read(path, what)
    key: object = None
    serial = ""
    try:
        if b"-----BEGIN CERTIFICATE" in data:
            certificate = x509.load_pem_x509_certificate(data)
            key = certificate.public_key()
            serial = format(certificate.serial_number, "X")
        elif b"-----BEGIN" in data:
            key = serialization.load_pem_public_key(data)
        else:
            der = _bare_der(data)
            if der is not None:
                key = serialization.load_der_public_key(der)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, rsa.RSAPublicKey):
        raise PaymentConfigError(
            "The {what} file {path} does not hold an RSA public key or certificate",
            what=what,
            path=path,
        )
    return key, serial
