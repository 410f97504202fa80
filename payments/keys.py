"""Reading the merchant's keys: private key files must be readable by their owner only.

Private keys (the WeChat Pay merchant API key, the Alipay app key, the APIv2 client key) are
refused when the file can be read by other users of the computer: anyone who can read one can
take money out of the store's account through refunds. Public keys and certificates are not
secret and are read as they are.

Keys are accepted in the forms the providers' tools hand out: PEM (PKCS#1 or PKCS#8, or an
X.509 certificate for public keys) or the bare base64 text that the Alipay key tool writes.
"""

from __future__ import annotations

import base64
import binascii
import os
import stat
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from redhome_pos.domain.payments import PaymentConfigError


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
    data = _read(path, what)
    key: object = None
    try:
        if b"-----BEGIN" in data:
            key = serialization.load_pem_private_key(data, password=None)
        else:
            der = _bare_der(data)
            if der is not None:
                key = serialization.load_der_private_key(der, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise PaymentConfigError(
            "The {what} file {path} does not hold an RSA private key (PEM or base64)",
            what=what,
            path=path,
        )
    return key


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
