"""Point 8, the payment keys: the WeChat Pay and Alipay private keys and the API v3/v2 keys are
sealed at rest with the store's secrets key (the same cipher and key as the online store's
tokens), kept apart from the database: the OS keyring where there is one, else a 0600 key
file beside the configuration. A manager stores, rotates and migrates them from the command
line, audited; a key that is missing or cannot be decrypted is said in words (English and
Chinese). The keyring path is tested with a real keyring backend (a file keyring in a
temporary folder)."""

from __future__ import annotations

import base64
import datetime
import io
import itertools
import logging
import shutil
import ssl
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from keyring.backends import fail
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import QCoreApplication, QTranslator
from security_store import Store, make_store

from payments.keys import client_key_path, private_key
from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from payments.setup import build_providers
from redhome_pos.cli import main
from redhome_pos.config import AppPaths, ConfigError, load_config
from redhome_pos.config.keys import APP_NAME, SECRETS_KEY, key_file, store_key
from redhome_pos.config.payment_keys import SLOTS, PaymentKeys, slot_named
from redhome_pos.domain.payments import ChargeRequest, PaymentConfigError, WalletProvider
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from ui.errors import describe_error

ROOT = Path(__file__).resolve().parents[2]
QM = ROOT / "ui" / "translations" / "redhome_zh_CN.qm"
API_V3 = "Kq7vR2xN9mT4bW8cY1zL5pH3jF6dG0sA"
API_V3_NEW = "Zx3Cv5Bn7Mq9Wr2Ty4Ui6Op8As0Df1Gh"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with start_payments_sandbox() as running:
        yield running


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """No OS keyring: the key file beside the configuration is used (the fallback)."""
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database)


def _config(tmp_path: Path, db: Path, sandbox: PaymentsSandboxHandle) -> tuple[Path, AppPaths]:
    """A store configured the old way: plain key files (0600) and plain API keys."""
    app = tmp_path / "app"
    plain = tmp_path / "plain"
    plain.mkdir()
    lines = sandbox.config_lines()
    wechat, alipay = [], []
    for line in lines["wechat"]:
        if line.startswith("#") or line.startswith("api_v3_key"):
            continue
        if line.startswith("merchant_private_key_file"):
            source = Path(line.split('"')[1])
            copy = plain / "apiclient_key.pem"
            shutil.copyfile(source, copy)
            copy.chmod(0o600)
            line = f'merchant_private_key_file = "{copy}"'
        wechat.append(line)
    wechat.append(f'api_v3_key = "{API_V3}"')
    for line in lines["alipay"]:
        if line.startswith("app_private_key_file"):
            copy = plain / "alipay_app_key.txt"
            shutil.copyfile(Path(line.split('"')[1]), copy)
            copy.chmod(0o600)
            line = f'app_private_key_file = "{copy}"'
        alipay.append(line)
    paths = AppPaths.under(app, app / "config.toml")
    app.mkdir()
    paths.config_file.write_text(
        "\n".join(
            [
                'terminal_id = "T1"',
                '[store]\ncode = "RH01"',
                f'[database]\nurl = "sqlite:///{db}"',
                f'[paths]\ndata_dir = "{paths.data_dir}"\nlog_dir = "{paths.log_dir}"',
                '[scanning]\ncode_secret = "9fK2-xQ7mL4pZ8wR1tB6yN0cH3vJ5sD-aE"',
                "[payments.wechat]",
                *wechat,
                "[payments.alipay]",
                *alipay,
                "",
            ]
        ),
        encoding="utf-8",
    )
    paths.config_file.chmod(0o600)
    return paths.config_file, paths


_codes = itertools.count(200_000)


def _charge(providers: dict[WalletProvider, Any], wallet: WalletProvider, number: str) -> None:
    """A payment code of the provider's shape that the sandbox pays at once (ending 0000)."""
    body = f"{next(_codes):06d}"
    code = f"2800{body}000000" if wallet is WalletProvider.ALIPAY else f"134567{body}000000"
    request = ChargeRequest(number, 1999, code, "REDHOME 测试 消费", "RH01", "T1", "127.0.0.1")
    assert providers[wallet].charge(request).confirms_payment(number, 1999)


def _key_events(database: Database) -> list[Any]:
    with database.reading() as session:
        events = AuditRepository(session).of_action("settings_change")
    return sorted(
        (e for e in events if e.detail.get("section") == "payment keys"), key=lambda e: e.seq
    )


def test_a_manager_seals_the_plain_keys_and_payments_work_from_the_sealed_ones(
    store: Store,
    sandbox: PaymentsSandboxHandle,
    tmp_path: Path,
    db_path: Path,
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
    no_keyring: None,
) -> None:
    config_file, paths = _config(tmp_path, db_path, sandbox)
    merchant_pem = (tmp_path / "plain" / "apiclient_key.pem").read_bytes()
    alipay_text = (tmp_path / "plain" / "alipay_app_key.txt").read_bytes()
    base = ["--config", str(config_file), "payments", "key"]

    assert main([*base, "list"]) == 0
    listed = capsys.readouterr().out
    assert "wechat-merchant-key" in listed and "plain: " in listed and "sealed" not in listed

    migrate = [*base, "migrate"]
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(migrate) == 1  # nobody named
    assert "--staff CODE" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    assert main([*migrate, "--staff", "1001", "--pin-stdin"]) == 1  # a clerk
    assert not PaymentKeys.of(paths).has(slot_named("wechat-merchant-key"))
    capsys.readouterr()

    # The manager seals them; the plain files are named, left for the manager to delete.
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    assert main([*migrate, "--staff", "3001", "--pin-stdin"]) == 0
    out, err = capsys.readouterr()
    assert "sealed wechat-merchant-key" in out and "sealed alipay-app-key" in out
    assert "sealed wechat-api-v3-key" in out
    assert str(tmp_path / "plain" / "apiclient_key.pem") in err and "--delete-plain" in err
    keys = PaymentKeys.of(paths)
    secret_texts = [
        merchant_pem,
        b"".join(merchant_pem.splitlines()[1:-1]),  # the key's base64 body
        b"".join(alipay_text.split())[:64],
        API_V3.encode(),
        b"PRIVATE KEY",
    ]
    for name in ("wechat-merchant-key", "wechat-api-v3-key", "alipay-app-key"):
        sealed = keys.file(slot_named(name))
        assert stat.S_IMODE(sealed.stat().st_mode) == 0o600
        raw = sealed.read_bytes()
        assert raw.startswith(b"enc1:")
        assert not any(text in raw for text in secret_texts), name
    assert keys.open(slot_named("wechat-api-v3-key")) == API_V3.encode()
    # The secrets key is kept apart from the database and the sealed files: a 0600 key file.
    assert stat.S_IMODE(key_file(paths, SECRETS_KEY).stat().st_mode) == 0o600
    events = _key_events(store.database)
    assert {e.detail["slot"] for e in events} == {
        "wechat-merchant-key",
        "wechat-api-v3-key",
        "wechat-api-v2-key",
        "alipay-app-key",
    }
    assert all(e.staff_id == store.manager.id for e in events)
    assert all(API_V3 not in str(e.detail) for e in events)

    # With the manager's consent the plain copies go: files deleted, settings emptied.
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    assert main([*migrate, "--staff", "3001", "--pin-stdin", "--delete-plain"]) == 0
    assert "plain copy removed" in capsys.readouterr().out
    assert not (tmp_path / "plain" / "apiclient_key.pem").exists()
    assert not (tmp_path / "plain" / "alipay_app_key.txt").exists()
    text = config_file.read_text(encoding="utf-8")
    assert API_V3 not in text and "apiclient_key.pem" not in text
    assert stat.S_IMODE(config_file.stat().st_mode) == 0o600

    # The program now charges with the sealed keys alone.
    config = load_config(config_file, env={}, paths=paths)
    assert config.payments.wechat.merchant_private_key_file == ""
    providers = build_providers(config.payments, requests.Session(), PaymentKeys.of(paths))
    _charge(providers, WalletProvider.WECHAT, "RH-SEALED-W1")
    _charge(providers, WalletProvider.ALIPAY, "RH-SEALED-A1")
    assert main([*base, "list"]) == 0
    assert "plain" not in capsys.readouterr().out


def test_a_manager_stores_and_rotates_a_key_audited(
    store: Store,
    sandbox: PaymentsSandboxHandle,
    tmp_path: Path,
    db_path: Path,
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
    no_keyring: None,
) -> None:
    config_file, paths = _config(tmp_path, db_path, sandbox)
    store_v3 = ["--config", str(config_file), "payments", "key", "set", "wechat-api-v3-key"]
    for key in (API_V3, API_V3_NEW):
        monkeypatch.setattr("sys.stdin", io.StringIO(f"3333\n{key}\n"))
        assert main([*store_v3, "--staff", "3001", "--pin-stdin"]) == 0
    assert "replaced" in capsys.readouterr().out
    assert PaymentKeys.of(paths).open(slot_named("wechat-api-v3-key")) == API_V3_NEW.encode()
    first, second = _key_events(store.database)
    assert (first.detail["change"], second.detail["change"]) == ("stored", "rotated")
    assert first.detail["fingerprint"] != second.detail["fingerprint"]

    monkeypatch.setattr("sys.stdin", io.StringIO("3333\nshort\n"))  # not a WeChat Pay key
    assert main([*store_v3, "--staff", "3001", "--pin-stdin"]) == 1
    assert "32 characters" in capsys.readouterr().err
    not_a_key = tmp_path / "notes.txt"
    not_a_key.write_text("hello", encoding="utf-8")
    merchant = ["--config", str(config_file), "payments", "key", "set", "alipay-app-key"]
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    assert main([*merchant, "--from-file", str(not_a_key), "--staff", "3001", "--pin-stdin"]) == 1
    assert "not an RSA private key" in capsys.readouterr().err
    assert not PaymentKeys.of(paths).has(slot_named("alipay-app-key"))
    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))  # a clerk may not
    rsa_file = str(tmp_path / "plain" / "alipay_app_key.txt")
    assert main([*merchant, "--from-file", rsa_file, "--staff", "1001", "--pin-stdin"]) == 1
    assert not PaymentKeys.of(paths).has(slot_named("alipay-app-key"))


def _in_chinese(error: PaymentConfigError) -> str:
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    try:
        return describe_error(error)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_key_missing_or_not_decryptable_is_said_in_words(
    qapp: Any, tmp_path: Path, no_keyring: None
) -> None:
    paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
    keys = PaymentKeys.of(paths)
    slot = slot_named("wechat-merchant-key")

    with pytest.raises(PaymentConfigError) as missing:
        private_key(keys, "wechat", "merchant_private_key_file", "")
    assert "not stored" in str(missing.value)
    assert "payments key set wechat-merchant-key" in str(missing.value)
    chinese = _in_chinese(missing.value)
    assert chinese.startswith("微信支付商户私钥未保存") and "wechat-merchant-key" in chinese

    keys.seal(slot, (ROOT / "tests/payments/vectors/wechatpay_doc_test_key.pem").read_bytes())
    assert private_key(keys, "wechat", "merchant_private_key_file", "") is not None
    # The secrets key is lost and a new one made (a new computer, a restore without it).
    key_file(paths, SECRETS_KEY).unlink()
    with pytest.raises(PaymentConfigError) as lost:
        private_key(PaymentKeys.of(paths), "wechat", "merchant_private_key_file", "")
    assert "cannot be decrypted" in str(lost.value)
    assert _in_chinese(lost.value).startswith("已保存的微信支付商户私钥无法用本机的加密密钥解密")
    # A damaged sealed file reads the same way, never as a missing key.
    keys.file(slot).write_bytes(b"enc1:not-a-token")
    with pytest.raises(PaymentConfigError, match="cannot be decrypted"):
        PaymentKeys.of(paths).open(slot)


def test_the_configuration_asks_for_a_key_that_is_neither_sealed_nor_plain(
    tmp_path: Path, db_path: Path, sandbox: PaymentsSandboxHandle, capsys: Any, no_keyring: None
) -> None:
    config_file, _ = _config(tmp_path, db_path, sandbox)
    text = config_file.read_text(encoding="utf-8")
    start = text.index("merchant_private_key_file")
    config_file.write_text(text[:start] + text[text.index("\n", start) + 1 :], encoding="utf-8")
    assert main(["--config", str(config_file), "payments", "key", "list"]) == 2
    assert "payments key set wechat-merchant-key" in capsys.readouterr().err


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PlaintextKeyring]:
    """A real keyring backend (keyrings.alt's file keyring) in a temporary folder, named by
    the keyring configuration as a store would name its keyring."""
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / "keyring_pass.cfg")
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


def test_the_secrets_key_is_kept_in_the_keyring_when_there_is_one(
    file_keyring: PlaintextKeyring, tmp_path: Path
) -> None:
    paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
    key = store_key(paths, SECRETS_KEY)
    assert len(key) == 32
    assert not key_file(paths, SECRETS_KEY).exists()  # not in a file beside the configuration
    service = f"{APP_NAME}:{paths.config_file.parent}"
    assert base64.b64decode(file_keyring.get_password(service, SECRETS_KEY)) == key
    assert store_key(paths, SECRETS_KEY) == key  # kept, not redrawn

    slot = slot_named("wechat-api-v2-key")
    PaymentKeys.of(paths).seal(slot, API_V3.encode())
    assert PaymentKeys.of(paths).open(slot) == API_V3.encode()  # a later start reads it back
    # The keyring's entry gone (another user, a reinstalled system): said, not misread.
    file_keyring.delete_password(service, SECRETS_KEY)
    with pytest.raises(PaymentConfigError, match="cannot be decrypted"):
        PaymentKeys.of(paths).open(slot)


def test_a_file_keyring_chosen_for_want_of_a_keyring_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """keyring picks its plain-file backend when there is no OS keyring; that would keep the
    key no better than the key file, in the home folder: the key file is used instead."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-keyring-config"))
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "home-keyring.cfg")
    before = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
        key = store_key(paths, SECRETS_KEY)
        assert key_file(paths, SECRETS_KEY).exists()
        assert stat.S_IMODE(key_file(paths, SECRETS_KEY).stat().st_mode) == 0o600
        assert not Path(backend.file_path).exists()
        assert store_key(paths, SECRETS_KEY, use_keyring=False) == key
    finally:
        keyring.set_keyring(before)


def test_every_slot_is_a_secret_of_the_payments_settings_and_named_in_chinese() -> None:
    from redhome_pos.config import PaymentsConfig
    from ui.errors import WHAT

    for slot in SLOTS:
        section = getattr(PaymentsConfig(), slot.section)
        assert hasattr(section, slot.setting), slot
        assert slot.what in WHAT, slot  # translated where a message names it


def test_a_sealed_api_client_key_reaches_tls_without_a_plain_file(
    tmp_path: Path, no_keyring: None
) -> None:
    """APIv2's refunds and reversals present the API client certificate; the TLS library reads
    the key from a file name only, so a sealed key is handed over in memory, never on disk."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "1900007291")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    cert_file = tmp_path / "apiclient_cert.pem"
    cert_file.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )
    paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
    keys = PaymentKeys.of(paths)
    keys.seal(slot_named("wechat-client-key"), pem)
    before = {p for p in tmp_path.rglob("*") if p.is_file()}
    path = client_key_path(keys, "wechat", "client_key_file", "")
    assert path.startswith("/proc/self/fd/")  # in this process's memory
    assert {p for p in tmp_path.rglob("*") if p.is_file()} == before  # nothing written
    ssl.create_default_context().load_cert_chain(str(cert_file), path)
    stored = keys.file(slot_named("wechat-client-key")).read_bytes()
    assert b"PRIVATE KEY" not in stored


def test_a_key_file_made_before_the_keyring_was_there_is_kept(
    file_keyring: PlaintextKeyring, tmp_path: Path
) -> None:
    """A store upgraded onto a computer with a keyring keeps its key: a new one would leave
    the audit log unverifiable and the tokens and payment keys sealed before unreadable."""
    paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
    before = store_key(paths, SECRETS_KEY, use_keyring=False)  # the key file, as it was
    assert store_key(paths, SECRETS_KEY) == before
    assert file_keyring.get_password(f"{APP_NAME}:{paths.config_file.parent}", SECRETS_KEY) is None


def test_a_plain_file_another_setting_still_names_is_not_deleted(
    store: Store,
    sandbox: PaymentsSandboxHandle,
    tmp_path: Path,
    db_path: Path,
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
    no_keyring: None,
) -> None:
    """APIv2 with the client certificate and its key in one file: the key is sealed, the file
    stays (the certificate is read from it) and the manager is told so."""
    config_file, paths = _config(tmp_path, db_path, sandbox)
    both = tmp_path / "plain" / "apiclient_key.pem"
    text = config_file.read_text(encoding="utf-8").replace(
        'api_version = "v3"',
        f'api_version = "v2"\nclient_key_file = "{both}"\nclient_cert_file = "{both}"',
    )
    config_file.write_text(text, encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    migrate = ["--config", str(config_file), "payments", "key", "migrate", "--delete-plain"]
    assert main([*migrate, "--staff", "3001", "--pin-stdin"]) == 0
    out, err = capsys.readouterr()
    assert "sealed wechat-client-key" in out and str(both) in err
    assert both.exists()
    assert not (tmp_path / "plain" / "alipay_app_key.txt").exists()
    config = load_config(config_file, env={}, paths=paths)
    assert config.payments.wechat.client_key_file == ""
    assert config.payments.wechat.client_cert_file == str(both)
    keys = PaymentKeys.of(paths)
    assert keys.has(slot_named("wechat-client-key")) and keys.has(slot_named("wechat-api-v2-key"))
    providers = build_providers(config.payments, requests.Session(), keys)
    _charge(providers, WalletProvider.WECHAT, "RH-SEALED-V2")  # signed with the sealed v2 key


def test_plain_keys_still_work_and_the_log_says_to_seal_them(
    sandbox: PaymentsSandboxHandle,
    tmp_path: Path,
    db_path: Path,
    caplog: pytest.LogCaptureFixture,
    no_keyring: None,
) -> None:
    config_file, paths = _config(tmp_path, db_path, sandbox)
    config = load_config(config_file, env={}, paths=paths)
    with caplog.at_level(logging.WARNING, logger="payments.keys"):
        providers = build_providers(config.payments, requests.Session(), PaymentKeys.of(paths))
    _charge(providers, WalletProvider.ALIPAY, "RH-PLAIN-A1")
    said = [r.getMessage() for r in caplog.records if "payments key migrate" in r.getMessage()]
    assert len(said) == 2  # the WeChat Pay merchant key and the Alipay app key, once each
    assert all(API_V3 not in line for line in said)


def test_a_key_in_a_keyring_that_cannot_be_opened_is_not_replaced(
    file_keyring: PlaintextKeyring, tmp_path: Path
) -> None:
    """The keyring locked or gone at a start: said, and no new key file is made (its key would
    differ from the keyring's, and the audit chain and sealed secrets would split)."""
    paths = AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")
    key = store_key(paths, SECRETS_KEY)
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(ConfigError, match="keyring, which cannot be opened now"):
        store_key(paths, SECRETS_KEY)
    assert not key_file(paths, SECRETS_KEY).exists()
    keyring.set_keyring(file_keyring)  # unlocked again: the same key
    assert store_key(paths, SECRETS_KEY) == key


def test_a_key_that_cannot_be_decrypted_stops_the_start_in_english_and_chinese(
    store: Store,
    sandbox: PaymentsSandboxHandle,
    tmp_path: Path,
    db_path: Path,
    capsys: Any,
    monkeypatch: pytest.MonkeyPatch,
    no_keyring: None,
) -> None:
    config_file, paths = _config(tmp_path, db_path, sandbox)
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    migrate = ["--config", str(config_file), "payments", "key", "migrate", "--delete-plain"]
    assert main([*migrate, "--staff", "3001", "--pin-stdin"]) == 0
    key_file(paths, SECRETS_KEY).unlink()  # the secrets key lost: a new one is made
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    charge = ["payments", "charge", "--provider", "alipay", "--amount", "0.01"]
    code = "28001234560000" + "00"
    args = ["--config", str(config_file), *charge, "--code", code, "--staff", "3001"]
    assert main([*args, "--pin-stdin"]) == 1
    err = capsys.readouterr().err
    assert "The stored WeChat Pay merchant private key cannot be decrypted" in err
    assert "已保存的微信支付商户私钥无法用本机的加密密钥解密" in err
