"""The WeChat Pay APIv3 adapter over real HTTP on loopback, against recorded answers shaped as
the docs show them: paid only on a signed answer naming our order and amount; every fault,
unsigned or mismatched answer is UNKNOWN with a reason; requests carry a valid signature."""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests
from scripted_server import Answer, ScriptedServer, scripted_server
from wechat_platform import (
    MERCHANT_KEY_FILE,
    PLATFORM_KEY_ID,
    merchant_public_key,
    platform_key,
    signed,
)

from payments import rsa_sha256
from payments.http import HttpLimits, PaymentHttp
from payments.keys import load_private_key
from payments.wechat.v3 import WechatAccount, WechatPayV3
from payments.wechat.v3_signing import MerchantSigner, PlatformVerifier
from redhome_pos.domain.payments import (
    ChargeOutcome,
    ChargeRequest,
    PaymentBillError,
    RefundOutcome,
    RefundRequest,
)

CODE = "134567890123456789"
ORDER = "RH0001-T02-000123"
REQUEST = ChargeRequest(
    ORDER, 1999, CODE, "REDHOME 上海静安店 消费", "RH0001", "POS-02", "10.0.0.8"
)
DIRECT = WechatAccount(mchid="1900007291", appid="wxd678efh567hg6787")
PARTNER = WechatAccount(
    mchid="1900000100", appid="wx8888888888888888", sub_mchid="1900000109", sub_appid="wxsub"
)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with scripted_server() as running:
        yield running


def adapter(
    url: str, tmp_path: Path, account: WechatAccount = DIRECT, limits: HttpLimits | None = None
) -> WechatPayV3:
    key_file = tmp_path / "apiclient_key.pem"
    key_file.write_bytes(MERCHANT_KEY_FILE.read_bytes())
    key_file.chmod(0o600)
    signer = MerchantSigner(
        account.mchid,
        "408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB",
        load_private_key(key_file, "merchant key"),
    )
    verifier = PlatformVerifier(PLATFORM_KEY_ID, platform_key().public_key())
    http = PaymentHttp(requests.Session(), limits or HttpLimits(read_timeout_s=10, deadline_s=15))
    return WechatPayV3(account, signer, verifier, http, url)


def paid(out_trade_no: str = ORDER, total: int = 1999, **extra: Any) -> dict[str, Any]:
    return {
        "appid": "wxd678efh567hg6787",
        "mchid": "1900007291",
        "out_trade_no": out_trade_no,
        "transaction_id": "4200000000201906100000000001",
        "trade_type": "MICROPAY",
        "trade_state": "SUCCESS",
        "trade_state_desc": "支付成功",
        "bank_type": "CMC",
        "success_time": "2024-06-01T10:34:56+08:00",
        "payer": {"openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"},
        "amount": {"total": total, "currency": "CNY", "payer_total": total},
        **extra,
    }


def assert_signed_by_merchant(request: Any, mchid: str = "1900007291") -> None:
    header = request.headers["Authorization"]
    scheme, _, fields_text = header.partition(" ")
    assert scheme == "WECHATPAY2-SHA256-RSA2048"
    fields = dict(part.split("=", 1) for part in fields_text.split(","))
    fields = {k: v.strip('"') for k, v in fields.items()}
    assert fields["mchid"] == mchid
    message = (
        f"{request.method}\n{request.path}\n{fields['timestamp']}\n{fields['nonce_str']}\n".encode()
        + request.body
        + b"\n"
    )
    assert rsa_sha256.verify(merchant_public_key(), message, fields["signature"])


def test_a_signed_success_is_paid_and_the_request_is_signed(
    server: ScriptedServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server.queue(signed(200, paid()))
    with caplog.at_level(logging.DEBUG):
        status = adapter(server.url, tmp_path).charge(REQUEST)
    assert status.outcome is ChargeOutcome.PAID
    assert status.confirms_payment(ORDER, 1999)
    assert status.transaction_id == "4200000000201906100000000001"
    assert status.paid_at == datetime(2024, 6, 1, 2, 34, 56, tzinfo=UTC)
    sent = server.requests[0]
    assert (sent.method, sent.path) == ("POST", "/v3/pay/transactions/codepay")
    assert_signed_by_merchant(sent)
    body = json.loads(sent.body)
    assert body["payer"] == {"auth_code": CODE}
    assert body["amount"] == {"total": 1999, "currency": "CNY"}
    assert body["scene_info"] == {
        "device_id": "POS-02",
        "device_ip": "10.0.0.8",
        "store_info": {"out_id": "RH0001"},
    }
    assert (body["appid"], body["mchid"]) == ("wxd678efh567hg6787", "1900007291")
    assert CODE not in caplog.text  # the payment code never reaches the log
    assert "13************6789" in caplog.text


@pytest.mark.parametrize(
    ("answer", "outcome", "reason_code"),
    [
        (
            signed(202, {"code": "USERPAYING", "message": "用户支付中，需要输入密码"}),
            "paying",
            "USERPAYING",
        ),
        (signed(403, {"code": "NOTENOUGH", "message": "余额不足"}), "refused", "NOTENOUGH"),
        (
            signed(400, {"code": "AUTH_CODE_INVALID", "message": "付款码无效"}),
            "refused",
            "AUTH_CODE_INVALID",
        ),
        (signed(500, {"code": "SYSTEM_ERROR", "message": "系统错误"}), "unknown", "SYSTEM_ERROR"),
        (signed(403, {"code": "ORDERPAID", "message": "订单已支付"}), "unknown", "ORDERPAID"),
        (signed(403, {"code": "ORDER_CLOSED", "message": "订单已关闭"}), "closed", "ORDER_CLOSED"),
        (signed(200, paid("RH0001-T02-999999")), "unknown", "MISMATCH"),
        (signed(200, paid(total=1)), "unknown", "MISMATCH"),
        (signed(200, paid(), tamper=True), "unknown", "BAD_SIGNATURE"),
        (signed(200, paid(), serial="PUB_KEY_ID_OTHER"), "unknown", "BAD_SIGNATURE"),
        (
            Answer(200, json.dumps(paid()).encode(), {"Content-Type": "application/json"}),
            "unknown",
            "UNSIGNED",
        ),
        (
            Answer(
                502, b"<html><body>502 Bad Gateway</body></html>", {"Content-Type": "text/html"}
            ),
            "unknown",
            "UNSIGNED",
        ),
        (signed(502, "<html><body>502 Bad Gateway</body></html>"), "unknown", "NOT_PARSEABLE"),
        (signed(500, {"detail": "no code"}), "unknown", "HTTP_STATUS"),
        (signed(200, {**paid(), "trade_state": "WHATEVER"}), "unknown", "UNEXPECTED_STATE"),
        (Answer(reset=True), "unknown", "CONNECTION"),
        (Answer(302, b"", {"Location": "https://elsewhere.test/"}), "unknown", "REDIRECT"),
        (signed(200, {**paid(), "pad": "x" * 300_000}), "unknown", "TOO_LARGE"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_every_other_answer_is_never_paid(
    server: ScriptedServer, tmp_path: Path, answer: Answer, outcome: str, reason_code: str
) -> None:
    server.queue(answer)
    status = adapter(server.url, tmp_path).charge(REQUEST)
    assert (status.outcome.value, status.reason_code) == (outcome, reason_code)
    assert status.out_trade_no == ORDER
    assert not status.confirms_payment(ORDER, 1999)


def test_a_slow_answer_times_out(server: ScriptedServer, tmp_path: Path) -> None:
    server.queue(signed(200, paid(), delay_s=1.5))
    limits = HttpLimits(read_timeout_s=0.5, deadline_s=1)
    status = adapter(server.url, tmp_path, limits=limits).charge(REQUEST)
    assert (status.outcome, status.reason_code) == (ChargeOutcome.UNKNOWN, "TIMEOUT")


def test_a_slow_trickle_hits_the_whole_call_deadline(
    server: ScriptedServer, tmp_path: Path
) -> None:
    server.queue(signed(200, paid(), trickle_s=0.01))
    limits = HttpLimits(read_timeout_s=1, deadline_s=0.5)
    status = adapter(server.url, tmp_path, limits=limits).charge(REQUEST)
    assert (status.outcome, status.reason_code) == (ChargeOutcome.UNKNOWN, "TIMEOUT")


def test_nothing_listening_is_unknown(tmp_path: Path) -> None:
    with scripted_server() as gone:
        url = gone.url
    status = adapter(url, tmp_path).charge(REQUEST)
    assert (status.outcome, status.reason_code) == (ChargeOutcome.UNKNOWN, "CONNECTION")


def test_partner_form_paths_and_ids(server: ScriptedServer, tmp_path: Path) -> None:
    server.queue(
        signed(200, {**paid(), "sp_mchid": "1900000100", "sub_mchid": "1900000109"}),
        signed(200, {**paid(), "trade_state": "USERPAYING"}),
        signed(200, {"out_trade_no": ORDER}),
    )
    partner = adapter(server.url, tmp_path, PARTNER)
    assert partner.charge(REQUEST).outcome is ChargeOutcome.PAID
    assert partner.query(ORDER).outcome is ChargeOutcome.PAYING
    assert partner.reverse(ORDER).done
    charge, query, reverse = server.requests
    assert charge.path == "/v3/pay/partner/transactions/codepay"
    body = json.loads(charge.body)
    assert (body["sp_mchid"], body["sub_mchid"], body["sp_appid"], body["sub_appid"]) == (
        "1900000100",
        "1900000109",
        "wx8888888888888888",
        "wxsub",
    )
    assert "mchid" not in body
    assert query.path == (
        f"/v3/pay/partner/transactions/out-trade-no/{ORDER}?sp_mchid=1900000100&sub_mchid=1900000109"
    )
    assert reverse.path == f"/v3/pay/partner/transactions/out-trade-no/{ORDER}/reverse"
    for sent in server.requests:
        assert_signed_by_merchant(sent, "1900000100")


@pytest.mark.parametrize(
    ("state", "outcome"),
    [
        ("SUCCESS", "paid"),
        ("USERPAYING", "paying"),
        ("PAYERROR", "refused"),
        ("CLOSED", "closed"),
        ("REVOKED", "closed"),
        ("REFUND", "refunded"),
        ("NOTPAY", "unknown"),
    ],
)
def test_query_states(server: ScriptedServer, tmp_path: Path, state: str, outcome: str) -> None:
    server.queue(signed(200, {**paid(), "trade_state": state}))
    status = adapter(server.url, tmp_path).query(ORDER)
    assert status.outcome.value == outcome
    assert status.amount_fen == 1999
    assert server.requests[0].path == f"/v3/pay/transactions/out-trade-no/{ORDER}?mchid=1900007291"


def test_query_of_an_unknown_order_and_of_another_order(
    server: ScriptedServer, tmp_path: Path
) -> None:
    server.queue(
        signed(404, {"code": "ORDER_NOT_EXIST", "message": "订单不存在"}),
        signed(200, paid("RH0001-T02-000999")),
    )
    wechat = adapter(server.url, tmp_path)
    missing = wechat.query(ORDER)
    assert (missing.outcome, missing.reason_code) == (ChargeOutcome.UNKNOWN, "ORDER_NOT_EXIST")
    other = wechat.query(ORDER)
    assert (other.outcome, other.reason_code) == (ChargeOutcome.UNKNOWN, "MISMATCH")


@pytest.mark.parametrize(
    ("answer", "done", "retry"),
    [
        (signed(200, {"out_trade_no": ORDER}), True, False),
        (signed(200, {"out_trade_no": ORDER, "recall": "Y"}), False, True),
        (signed(500, {"code": "SYSTEM_ERROR", "message": "系统错误"}), False, True),
        (signed(403, {"code": "USERPAYING", "message": "用户支付中"}), False, True),
        (signed(403, {"code": "REVERSE_EXPIRE", "message": "订单已过撤销期"}), False, False),
        (signed(404, {"code": "ORDER_NOT_EXIST", "message": "订单不存在"}), True, False),
        (Answer(200, b"{}", {}), False, True),  # unsigned: not believed
        (Answer(reset=True), False, True),
    ],
)
def test_reverse(
    server: ScriptedServer, tmp_path: Path, answer: Answer, done: bool, retry: bool
) -> None:
    server.queue(answer)
    result = adapter(server.url, tmp_path).reverse(ORDER)
    assert (result.done, result.retry) == (done, retry)
    assert json.loads(server.requests[0].body) == {
        "appid": "wxd678efh567hg6787",
        "mchid": "1900007291",
    }


def refund_answer(status: str = "SUCCESS", refund: int = 500, **extra: Any) -> dict[str, Any]:
    return {
        "refund_id": "50000000382019052709732678859",
        "out_refund_no": "RH0001-R-000001",
        "transaction_id": "4200000000201906100000000001",
        "out_trade_no": ORDER,
        "channel": "ORIGINAL",
        "user_received_account": "招商银行信用卡0403",
        "status": status,
        "amount": {
            "total": 1999,
            "refund": refund,
            "payer_total": 1999,
            "payer_refund": refund,
            "currency": "CNY",
        },
        **extra,
    }


REFUND = RefundRequest(ORDER, "RH0001-R-000001", 500, 1999, "退货")


@pytest.mark.parametrize(
    ("answer", "outcome", "reason_code"),
    [
        (signed(200, refund_answer("SUCCESS")), "success", "SUCCESS"),
        (signed(200, refund_answer("PROCESSING")), "processing", "PROCESSING"),
        (signed(200, refund_answer("ABNORMAL")), "refused", "ABNORMAL"),
        (signed(200, refund_answer(refund=600)), "unknown", "MISMATCH"),
        (signed(200, refund_answer(out_trade_no="RH0001-T02-000999")), "unknown", "MISMATCH"),
        (
            signed(400, {"code": "INVALID_REQUEST", "message": "退款金额超过可退金额"}),
            "refused",
            "INVALID_REQUEST",
        ),
        (signed(500, {"code": "SYSTEM_ERROR", "message": "系统错误"}), "unknown", "SYSTEM_ERROR"),
        (signed(200, refund_answer(), tamper=True), "unknown", "BAD_SIGNATURE"),
    ],
)
def test_refund(
    server: ScriptedServer, tmp_path: Path, answer: Answer, outcome: str, reason_code: str
) -> None:
    server.queue(answer)
    status = adapter(server.url, tmp_path).refund(REFUND)
    assert (status.outcome.value, status.reason_code) == (outcome, reason_code)
    sent = server.requests[0]
    assert sent.path == "/v3/refund/domestic/refunds"
    assert json.loads(sent.body) == {
        "out_refund_no": "RH0001-R-000001",
        "amount": {"refund": 500, "total": 1999, "currency": "CNY"},
        "out_trade_no": ORDER,
        "reason": "退货",
    }


def test_refund_query(server: ScriptedServer, tmp_path: Path) -> None:
    server.queue(
        signed(200, refund_answer("SUCCESS")),
        signed(404, {"code": "RESOURCE_NOT_EXISTS", "message": "退款单不存在"}),
    )
    wechat = adapter(server.url, tmp_path)
    found = wechat.refund_query(ORDER, "RH0001-R-000001")
    assert (found.outcome, found.refund_fen, found.refund_id) == (
        RefundOutcome.SUCCESS,
        500,
        "50000000382019052709732678859",
    )
    missing = wechat.refund_query(ORDER, "RH0001-R-000001")
    assert (missing.outcome, missing.reason_code) == (RefundOutcome.UNKNOWN, "REFUND_NOT_FOUND")
    assert server.requests[0].path == "/v3/refund/domestic/refunds/RH0001-R-000001"


BILL = (
    "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,"
    "付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,"
    "退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注\n"
    "`2024-06-01 10:34:56,`wxd678efh567hg6787,`1900007291,`0,`POS-02,`4200000000201906100000000001,"
    "`RH0001-T02-000123,`oUpF8u,`MICROPAY,`SUCCESS,`CMC,`CNY,`19.99,`0.00,`0,`0,`0.00,`0.00,`,`,"
    "`REDHOME 消费,`,`0.12,`0.60%,`19.99,`0.00,`\n"
    "`2024-06-01 11:00:00,`wxd678efh567hg6787,`1900007291,`0,`POS-02,`4200000000201906100000000001,"
    "`RH0001-T02-000123,`oUpF8u,`MICROPAY,`REFUND,`CMC,`CNY,`0.00,`0.00,"
    "`50000000382019052709732678859,`RH0001-R-000001,`5.00,`0.00,`ORIGINAL,`SUCCESS,"
    "`REDHOME 消费,`,`-0.03,`0.60%,`0.00,`5.00,`\n"
    "总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额\n"
    "`2,`19.99,`5.00,`0.00,`0.09,`19.99,`5.00\n"
)


def test_bill_download_checked_and_parsed(server: ScriptedServer, tmp_path: Path) -> None:
    data = gzip.compress(BILL.encode())
    server.queue(
        signed(
            200,
            {
                "hash_type": "SHA1",
                "hash_value": hashlib.sha1(data).hexdigest(),
                "download_url": f"{server.url}/v3/billdownload/file?token=6XIv5TUPto7pByrTQKhd6kw",
            },
        ),
        Answer(200, data, {"Content-Type": "application/octet-stream"}),
    )
    lines = adapter(server.url, tmp_path).bill(date(2024, 6, 1))
    assert [
        (line.kind.value, line.amount_fen, line.fee_fen, line.out_refund_no) for line in lines
    ] == [
        ("payment", 1999, 12, None),
        ("refund", 500, -3, "RH0001-R-000001"),
    ]
    assert lines[0].at == datetime(2024, 6, 1, 2, 34, 56, tzinfo=UTC)
    assert lines[1].refund_id == "50000000382019052709732678859"
    apply, download = server.requests
    assert apply.path == "/v3/bill/tradebill?bill_date=2024-06-01&bill_type=ALL"
    assert urlsplit(download.path).path == "/v3/billdownload/file"
    assert_signed_by_merchant(apply)
    assert_signed_by_merchant(download)


def test_bill_refused_when_not_ready_damaged_or_elsewhere(
    server: ScriptedServer, tmp_path: Path
) -> None:
    wechat = adapter(server.url, tmp_path)
    server.queue(signed(400, {"code": "NO_STATEMENT_EXIST", "message": "账单文件不存在"}))
    with pytest.raises(PaymentBillError, match="账单文件不存在"):
        wechat.bill(date(2024, 6, 1))
    server.queue(
        signed(
            200,
            {
                "hash_type": "SHA1",
                "hash_value": "0" * 40,
                "download_url": f"{server.url}/v3/billdownload/file?token=x",
            },
        ),
        Answer(200, BILL.encode()),
    )
    with pytest.raises(PaymentBillError, match="checksum"):
        wechat.bill(date(2024, 6, 1))
    server.queue(
        signed(
            200,
            {
                "hash_type": "SHA1",
                "hash_value": "0" * 40,
                "download_url": "https://attacker.example/v3/billdownload/file?token=x",
            },
        ),
    )
    with pytest.raises(PaymentBillError, match="not WeChat Pay's"):
        wechat.bill(date(2024, 6, 1))
    assert len(server.requests) == 4  # nothing was sent to the other host
