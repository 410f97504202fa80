"""The RSA keys of the payments sandbox: the providers' own, and the demo merchant's and app's.

The sandbox plays the provider, so it holds the WeChat Pay platform private key and the Alipay
private key and signs every answer with them; the program is given only their public halves.
It checks the merchant's (WeChat) and the app's (Alipay) request signatures with the PUBLIC
keys it is configured with. For the demo it also makes a merchant key pair and an app key
pair and writes their private halves where the program can be pointed at them.

Both providers sign with SHA256-with-RSA (PKCS#1 v1.5) and carry the signature in Base64.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

PrivateKey = rsa.RSAPrivateKey
PublicKey = rsa.RSAPublicKey


def rsa_sign(key: PrivateKey, message: bytes) -> str:
    """SHA256-with-RSA over ``message``, Base64 (what both providers call RSA2 / SHA256-RSA)."""
    signature = key.sign(message, padding.PKCS1v15(), hashes.SHA256())
    return base64.b64encode(signature).decode("ascii")


def rsa_verify(key: PublicKey, message: bytes, signature_b64: str) -> bool:
    try:
        signature = base64.b64decode(signature_b64, validate=True)
        key.verify(signature, message, padding.PKCS1v15(), hashes.SHA256())
    except (InvalidSignature, ValueError):
        return False
    return True


def public_pem(key: PrivateKey | PublicKey) -> bytes:
    public = key.public_key() if isinstance(key, rsa.RSAPrivateKey) else key
    return public.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def load_public_key(path: str | Path) -> PublicKey:
    key = serialization.load_pem_public_key(Path(path).read_bytes())
    if not isinstance(key, rsa.RSAPublicKey):
        raise ValueError(f"{path}: not an RSA public key")
    return key


def _write_private(path: Path, key: PrivateKey) -> None:
    data = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(data)
    os.chmod(path, 0o600)


def _write_public(path: Path, key: PrivateKey) -> None:
    path.write_bytes(public_pem(key))
    os.chmod(path, 0o600)


def load_or_make_pair(directory: Path, name: str) -> PrivateKey:
    """The key pair ``name`` in ``directory``: loaded when present, else made and written.

    Writes ``<name>_private.pem`` (PKCS#8, mode 0600) and ``<name>_public.pem`` (mode 0600 too:
    the program refuses key files others can read).
    """
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    private_path = directory / f"{name}_private.pem"
    if private_path.exists():
        key = serialization.load_pem_private_key(private_path.read_bytes(), password=None)
        if not isinstance(key, rsa.RSAPrivateKey):
            raise ValueError(f"{private_path}: not an RSA private key")
    else:
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        _write_private(private_path, key)
    public_path = directory / f"{name}_public.pem"
    if not public_path.exists():
        _write_public(public_path, key)
    return key


@dataclass(frozen=True)
class SandboxKeys:
    """Every key the sandbox uses, and the files a store's configuration points at."""

    directory: Path
    wechatpay_platform: PrivateKey  # the provider's: signs WeChat Pay answers
    alipay: PrivateKey  # the provider's: signs Alipay answers
    merchant_public: PublicKey  # checks WeChat Pay request signatures
    app_public: PublicKey  # checks Alipay request signatures

    def path(self, name: str) -> Path:
        return self.directory / name

    @property
    def wechatpay_public_key_file(self) -> Path:
        return self.path("wechatpay_platform_public.pem")

    @property
    def alipay_public_key_file(self) -> Path:
        return self.path("alipay_public.pem")

    @property
    def merchant_private_key_file(self) -> Path:
        """The demo merchant's API private key (only when the sandbox made it)."""
        return self.path("merchant_private.pem")

    @property
    def app_private_key_file(self) -> Path:
        """The demo Alipay app's private key (only when the sandbox made it)."""
        return self.path("app_private.pem")


def sandbox_keys(
    directory: Path,
    merchant_public_key_file: str | Path | None = None,
    app_public_key_file: str | Path | None = None,
) -> SandboxKeys:
    """Load or make the provider keys; the merchant's and app's public keys from the given
    files, or from a demo key pair made beside the provider keys."""
    platform = load_or_make_pair(directory, "wechatpay_platform")
    alipay = load_or_make_pair(directory, "alipay")
    if merchant_public_key_file is None:
        merchant_public = load_or_make_pair(directory, "merchant").public_key()
    else:
        merchant_public = load_public_key(merchant_public_key_file)
    if app_public_key_file is None:
        app_public = load_or_make_pair(directory, "app").public_key()
    else:
        app_public = load_public_key(app_public_key_file)
    return SandboxKeys(directory, platform, alipay, merchant_public, app_public)
