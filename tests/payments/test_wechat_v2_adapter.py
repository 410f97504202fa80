"""The WeChat Pay APIv2 adapter against recorded XML answers on loopback: paid only when the
answer's key signature holds and it names our order and amount."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from scripted_server import Answer, ScriptedServer, scripted_server

from payments.http import HttpLimits, PaymentHttp
from payments.wechat.v2 import WechatPayV2
from payments.wechat.v2_signing import from_xml
from payments.wechat.v3 import WechatAccount
from redhome_pos.domain.payments import ChargeRequest

KEY = "192006250b4c09247ec02edce69f6a2d"
ORDER = "RH0001-T02-000125"
REQUEST = ChargeRequest(ORDER, 1999, "134567890123456789", "REDHOME 消费", "RH0001", "POS-02")


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with scripted_server() as running:
        yield running


def xml_answer(fields: dict[str, str], *, key: str = KEY, tamper: bool = False) -> Answer:
    """An answer signed as the docs say (HMAC-SHA256 over the sorted fields and the key)."""
    content = "&".join(f"{k}={fields[k]}" for k in sorted(fields) if fields[k]) + f"&key={key}"
    signature = hmac.new(key.encode(), content.encode(), hashlib.sha256).hexdigest().upper()
    if tamper:
        fields = {**fields, "total_fee": "1"}
    body = "".join(f"<{k}><![CDATA[{v}]]></{k}>" for k, v in {**fields, "sign": signature}.items())
    return Answer(200, f"<xml>{body}</xml>".encode(), {"Content-Type": "text/xml"})


def paid(**extra: str) -> dict[str, str]:
    return {
        "return_code": "SUCCESS",
        "return_msg": "OK",
        "appid": "wxd930ea5d5a258f4f",
        "mch_id": "10000100",
        "nonce_str": "Hl1u1gSxAGqLHBGx",
        "result_code": "SUCCESS",
        "openid": "oUpF8uN95-Ptaags6E_roPHg7AG0",
        "trade_type": "MICROPAY",
        "bank_type": "CCB_DEBIT",
        "total_fee": "1999",
        "fee_type": "CNY",
        "transaction_id": "4200000001201906100000000123",
        "out_trade_no": ORDER,
        "time_end": "20240601103005",
        **extra,
    }


@pytest.mark.parametrize(
    ("answer", "outcome", "reason_code"),
    [
        (xml_answer(paid()), "paid", "SUCCESS"),
        (xml_answer(paid(), tamper=True), "unknown", "BAD_SIGNATURE"),
        (xml_answer(paid(), key="0" * 32), "unknown", "BAD_SIGNATURE"),
        (xml_answer(paid(out_trade_no="RH0001-T02-999999")), "unknown", "MISMATCH"),
        (xml_answer(paid(total_fee="1")), "unknown", "MISMATCH"),
        (xml_answer(paid(mch_id="10000999")), "unknown", "MISMATCH"),
        (
            xml_answer({**paid(), "result_code": "FAIL", "err_code": "USERPAYING"}),
            "paying",
            "USERPAYING",
        ),
        (
            xml_answer({**paid(), "result_code": "FAIL", "err_code": "NOTENOUGH"}),
            "refused",
            "NOTENOUGH",
        ),
        (
            xml_answer({**paid(), "result_code": "FAIL", "err_code": "SYSTEMERROR"}),
            "unknown",
            "SYSTEMERROR",
        ),
        (
            Answer(
                200,
                b"<xml><return_code>FAIL</return_code><return_msg>sign error</return_msg></xml>",
            ),
            "unknown",
            "UNSIGNED",
        ),
        (Answer(200, b"<html>busy</html>"), "unknown", "NOT_PARSEABLE"),
        (Answer(reset=True), "unknown", "CONNECTION"),
    ],
)
def test_micropay_answers(
    server: ScriptedServer, tmp_path: Path, answer: Answer, outcome: str, reason_code: str
) -> None:
    server.queue(answer)
    http = PaymentHttp(requests.Session(), HttpLimits(read_timeout_s=10, deadline_s=15))
    wechat = WechatPayV2(WechatAccount("10000100", "wxd930ea5d5a258f4f"), KEY, http, server.url)
    status = wechat.charge(REQUEST)
    assert (status.outcome.value, status.reason_code) == (outcome, reason_code)
    assert status.confirms_payment(ORDER, 1999) is (outcome == "paid")
    sent = from_xml(server.requests[0].body)
    assert server.requests[0].path == "/pay/micropay"
    assert (sent["auth_code"], sent["total_fee"], sent["sign_type"]) == (
        "134567890123456789",
        "1999",
        "HMAC-SHA256",
    )
