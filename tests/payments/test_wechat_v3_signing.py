"""WeChat Pay APIv3 signatures: our signer reproduces the docs' worked examples byte for byte,
and an answer is believed only with a valid, current platform signature from the configured key.

Vectors: the WeChat Pay merchant docs sign their examples with a published test key pair
(apiclient_test_key.pem, "使用测试的一对公私钥 … 如果算出来的签名和文档的一致则说明计算无误"),
timestamp 1554208460 and nonce 593BEC0C930BF1AFEB40B4A08C8FB242 (签名生成). SHA256 with RSA
PKCS#1 v1.5 is deterministic, so the published signature values must come out exactly.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from requests.structures import CaseInsensitiveDict
from wechat_platform import (
    MERCHANT_KEY_FILE,
    PLATFORM_KEY_ID,
    platform_key,
    sign,
    signed,
)

from payments import rsa_sha256
from payments.http import HttpAnswer
from payments.keys import load_private_key
from payments.wechat.v3_signing import MerchantSigner, PlatformVerifier, request_message
from redhome_pos.domain.payments import Reason

TIMESTAMP = 1554208460
NONCE = "593BEC0C930BF1AFEB40B4A08C8FB242"
JSAPI_BODY = (
    '{"appid":"wxd678efh567hg6787","mchid":"1230000109","description":"Image形象店-深圳腾大-QQ公仔",'
    '"out_trade_no":"1217752501201407033233368018","notify_url":"https://www.weixin.qq.com/wxpay/pay.php",'
    '"amount":{"total":100,"currency":"CNY"},"payer":{"openid":"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"}}'
)
PARTNERSHIPS_QUERY = (
    "/v3/marketing/partnerships?limit=5&offset=10&authorized_data%3D%7B%22business_type%22%3A"
    "%22FAVOR_STOCK%22%2C%20%22stock_id%22%3A%222433405%22%7D&partner%3D%7B%22type%22%3A%22APPID"
    "%22%2C%22appid%22%3A%22wx4e1916a585d1f4e9%22%2C%22merchant_id%22%3A%222480029552%22%7D"
)
DOC_VECTORS = [
    (
        "GET",
        "/v3/refund/domestic/refunds/123123123123",
        "",
        "Lc9VXxmeonkdV8Xk9tmigQFLhl0vRWTerdmoRu01aAnYwIrD/5nsSwE1WlmZGLRlAFTNQ3QsMa0+VRDlJp1Wp5p0"
        "nO8EK68b5sJBbjouxaFciIfq1zfDWWz+jqhcMoKXI1A6dPm1AW7D4d30WsMTNzp6g23OXakIsh9LO3lUmwvTuE0B"
        "Y8ncf6tNGk4wKmvXwERd/ZpoQY3MAVKz+Nakwc+2XBmzT66KcUehU5kr4IvGa/lEU5RZb/q00zP9VLdBhC/jQSX3"
        "X1UcJLCtEc4gTmib4tnmAT+bHF/e17ZAuxDNcx6rqT8gNEXqaJGG+1OflMSTU2tpyG65G4dMKdFcoA==",
    ),
    (
        "POST",
        "/v3/pay/transactions/jsapi",
        JSAPI_BODY,
        "gEuexJ547PHFV77TQ6eiE4tphVYfWfUe1Wc2dBmVnoMYU2rl/M4zhw+b3vBhuMw6AC7pteNkryLA7UWU2h+umo0O"
        "dSuuLm1++O3NckQPCSfm6dypsjn4GYm84KMqXWFrhFmyxEwIdEJDr3w1UYfxOcu55OQupfLkrt/ZzuOspnliJFrP"
        "zGQFUk7lGqMMtpz3EfbDUNxnVsHblORg3hVmuYNmbGWnS2ovU30Y2Q+iKFDxzkaXBk8LTy6HzvxizRo6Q+J4SVM7"
        "O0hKXfgo1QdI68kpzNULb3EVBXlhTyPUzhkHzzLxECL1qHl3HH2hEv8++C+4wBlsagF3j/O6PABojA==",
    ),
    (
        "GET",
        PARTNERSHIPS_QUERY,
        "",
        "C9PrZx8RTw7NF+e6SLmZxKgUBdXjH6EmUiu1i85Y6MApfWn4ueNpS4ED5no6uGObU0cfzTdaWyl6gAWDmyO2nG3M"
        "jHursadpzpNT8d+HaZapKis+boTHwJLgZXHXtacjX4zx2lOk/AONrKCLkjXRnh/DDp/kNsmDNYEiu+d/SeVvr+cL"
        "0XkL0CibAphyQSLYkv7Fh9uel89ax3ZGgVnBx+/MaBLCrYc1UqyYBDqfWPhS9fZf2OSghWMFp9c5dm+ORc97Xbgz"
        "SOwAl8dcfLSrL/Sb4+L57+JZiq0iURjMXWzAD8FTUFYsJtJOYszRXJKLZNh4WGST39oplhhSdtxcoQ==",
    ),
]


@pytest.fixture
def merchant_key_file(tmp_path: Path) -> Path:
    path = tmp_path / "apiclient_key.pem"
    path.write_bytes(MERCHANT_KEY_FILE.read_bytes())
    path.chmod(0o600)
    return path


@pytest.mark.parametrize(("method", "path", "body", "expected"), DOC_VECTORS)
def test_request_signature_reproduces_the_documented_examples(
    merchant_key_file: Path, method: str, path: str, body: str, expected: str
) -> None:
    signer = MerchantSigner(
        "1900007291",
        "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",
        load_private_key(merchant_key_file, "merchant key"),
    )
    header = signer.authorization(method, path, body, TIMESTAMP, NONCE)
    assert header == (
        'WECHATPAY2-SHA256-RSA2048 mchid="1900007291",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",'
        f'signature="{expected}",timestamp="1554208460",'
        'serial_no="408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB"'
    )
    # and the documented signature verifies with the public half of the documented key
    public = signer.private_key.public_key()
    message = request_message(method, path, TIMESTAMP, NONCE, body).encode()
    assert rsa_sha256.verify(public, message, expected)
    assert not rsa_sha256.verify(public, message.replace(b"1554208460", b"1554208461"), expected)


def test_the_string_to_sign_has_five_lines_each_ending_in_newline() -> None:
    assert request_message("GET", "/v3/certificates", TIMESTAMP, NONCE, "") == (
        "GET\n/v3/certificates\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n\n"
    )


def _answer(headers: dict[str, str], body: bytes) -> HttpAnswer:
    return HttpAnswer(200, CaseInsensitiveDict(headers), body)


def _verifier() -> PlatformVerifier:
    return PlatformVerifier(PLATFORM_KEY_ID, platform_key().public_key())


def test_a_signed_answer_is_believed_and_any_change_to_it_is_refused() -> None:
    recorded = signed(200, {"out_trade_no": "S01-000001", "amount": {"total": 1999}})
    now = time.time()
    assert _verifier().problem(_answer(recorded.headers, recorded.body), now) is None
    tampered = signed(200, {"out_trade_no": "S01-000001", "amount": {"total": 1999}}, tamper=True)
    assert _verifier().problem(_answer(tampered.headers, tampered.body), now) == (
        Reason.BAD_SIGNATURE,
        "the signature does not match the answer",
    )
    for header in ("Wechatpay-Timestamp", "Wechatpay-Nonce"):
        changed = dict(recorded.headers)
        changed[header] = changed[header] + "1"
        problem = _verifier().problem(_answer(changed, recorded.body), now)
        assert problem is not None and problem[0] is Reason.BAD_SIGNATURE


def test_unsigned_foreign_stale_and_probe_answers_are_refused() -> None:
    recorded = signed(200, {"code": "SYSTEM_ERROR"})
    now = time.time()
    unsigned = {k: v for k, v in recorded.headers.items() if k != "Wechatpay-Signature"}
    assert _verifier().problem(_answer(unsigned, recorded.body), now)[0] is Reason.UNSIGNED  # type: ignore[index]
    other = signed(200, {"code": "SYSTEM_ERROR"}, serial="PUB_KEY_ID_SOMEONE_ELSE")
    assert _verifier().problem(_answer(other.headers, other.body), now)[0] is Reason.BAD_SIGNATURE  # type: ignore[index]
    old = signed(200, {"code": "SYSTEM_ERROR"}, timestamp=int(now) - 3600)
    assert _verifier().problem(_answer(old.headers, old.body), now)[0] is Reason.STALE_ANSWER  # type: ignore[index]
    # WeChat Pay sends signature probes ("WECHATPAY/SIGNTEST/…") that must fail verification.
    probe = dict(recorded.headers)
    probe["Wechatpay-Signature"] = "WECHATPAY/SIGNTEST/" + sign(b"x")
    assert _verifier().problem(_answer(probe, recorded.body), now)[0] is Reason.BAD_SIGNATURE  # type: ignore[index]
