"""Building providers from the settings: none configured gives none; a key file that went
missing, became readable by others or holds no key stops the start with a clear message."""

from __future__ import annotations

import base64
import datetime
from dataclasses import replace
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from wechat_platform import MERCHANT_KEY_FILE

from payments.keys import load_private_key, load_public_key
from payments.setup import build_providers
from payments.wechat.v3 import WechatPayV3
from redhome_pos.config import PaymentsConfig, WechatPayConfig
from redhome_pos.domain.payments import PaymentConfigError, WalletProvider


def _certificate(folder: Path) -> tuple[Path, int]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Tenpay.com Root CA")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(0x7132D7B3E8B2E4F3AB86A1F2D4E1B07C5F1A2B3C)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=365))
        .sign(key, hashes.SHA256())
    )
    path = folder / "wechatpay_platform_cert.pem"
    path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    return path, certificate.serial_number


def test_nothing_configured_builds_nothing() -> None:
    assert build_providers(PaymentsConfig(), requests.Session()) == {}


def test_keys_are_checked_again_when_the_providers_are_built(tmp_path: Path) -> None:
    key_file = tmp_path / "apiclient_key.pem"
    key_file.write_bytes(MERCHANT_KEY_FILE.read_bytes())
    key_file.chmod(0o600)
    certificate, serial = _certificate(tmp_path)
    wechat = WechatPayConfig(
        mchid="1900007291",
        appid="wxd678efh567hg6787",
        merchant_serial="408B07E7",
        merchant_private_key_file=str(key_file),
        platform_public_key_file=str(certificate),
    )
    built = build_providers(PaymentsConfig(wechat=wechat), requests.Session())
    provider = built[WalletProvider.WECHAT]
    assert isinstance(provider, WechatPayV3)
    # a platform certificate with no key id: its serial number is the id
    assert provider._verifier.key_id == format(serial, "X")

    key_file.chmod(0o644)
    with pytest.raises(PaymentConfigError, match="chmod 600"):
        build_providers(PaymentsConfig(wechat=wechat), requests.Session())
    key_file.chmod(0o600)
    key_file.write_text("not a key")
    with pytest.raises(PaymentConfigError, match="does not hold an RSA private key"):
        build_providers(PaymentsConfig(wechat=wechat), requests.Session())
    gone = replace(wechat, merchant_private_key_file=str(tmp_path / "gone.pem"))
    with pytest.raises(PaymentConfigError, match="does not exist"):
        build_providers(PaymentsConfig(wechat=gone), requests.Session())
    plain = replace(wechat, base_url="http://api.example.com")
    key_file.write_bytes(MERCHANT_KEY_FILE.read_bytes())
    with pytest.raises(PaymentConfigError, match="https"):
        build_providers(PaymentsConfig(wechat=plain), requests.Session())


def test_keys_in_the_bare_base64_form_of_alipay_tools(tmp_path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = tmp_path / "app_private.txt"
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    private.write_text(base64.b64encode(der).decode() + "\n")
    private.chmod(0o600)
    public = tmp_path / "alipay_public.txt"
    public.write_text(
        base64.b64encode(
            key.public_key().public_bytes(
                serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
            )
        ).decode()
    )
    assert load_private_key(private, "app key").private_numbers() == key.private_numbers()
    assert (
        load_public_key(public, "Alipay key")[0].public_numbers()
        == key.public_key().public_numbers()
    )
