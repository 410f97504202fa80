"""The Alipay 当面付 adapter over real HTTP on loopback, against recorded answers shaped as the
docs show them: paid only on a signed answer naming our order and amount; faults, unsigned,
tampered or mismatched answers are UNKNOWN; requests are signed form posts."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from alipay_gateway import answer, request_is_signed_by_app, sent_params, write_keys
from scripted_server import Answer, ScriptedServer, scripted_server

from payments.alipay.adapter import AlipayFaceToFace
from payments.http import HttpLimits, PaymentHttp
from payments.keys import load_private_key, load_public_key
from redhome_pos.domain.payments import (
    BillLineKind,
    ChargeOutcome,
    ChargeRequest,
    PaymentBillError,
    RefundOutcome,
    RefundRequest,
)

CODE = "284567890123456789"
ORDER = "RH0001-T02-000124"
REQUEST = ChargeRequest(ORDER, 1999, CODE, "REDHOME 上海静安店 消费", "RH0001", "POS-02")
PAY = "alipay.trade.pay"
NOW = datetime(2024, 6, 1, 2, 30, 0, tzinfo=UTC)


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with scripted_server() as running:
        yield running


def adapter(server: ScriptedServer, tmp_path: Path, limit: float = 10) -> AlipayFaceToFace:
    private_file, public_file = write_keys(tmp_path)
    http = PaymentHttp(requests.Session(), HttpLimits(read_timeout_s=limit, deadline_s=limit * 1.5))
    return AlipayFaceToFace(
        "2021000000000001",
        load_private_key(private_file, "app private key"),
        load_public_key(public_file, "Alipay public key")[0],
        http,
        server.url + "/gateway.do",
        store_id="SH-JINGAN-01",
        now=lambda: NOW,
    )


def paid(out_trade_no: str = ORDER, total: str = "19.99", **extra: Any) -> dict[str, Any]:
    return {
        "code": "10000",
        "msg": "Success",
        "trade_no": "2024060122001404331000000001",
        "out_trade_no": out_trade_no,
        "buyer_logon_id": "159****5620",
        "total_amount": total,
        "receipt_amount": total,
        "gmt_payment": "2024-06-01 10:30:05",
        "buyer_user_id": "2088101117955611",
        **extra,
    }


def test_a_signed_success_is_paid_and_the_request_is_a_signed_form(
    server: ScriptedServer, tmp_path: Path
) -> None:
    server.queue(answer(PAY, paid()))
    status = adapter(server, tmp_path).charge(REQUEST)
    assert status.confirms_payment(ORDER, 1999)
    assert status.transaction_id == "2024060122001404331000000001"
    assert status.paid_at == datetime(2024, 6, 1, 2, 30, 5, tzinfo=UTC)
    sent = server.requests[0]
    assert (sent.method, sent.path) == ("POST", "/gateway.do")
    params = sent_params(sent.body)
    assert request_is_signed_by_app(params)
    assert {k: params[k] for k in ("app_id", "method", "charset", "sign_type", "version")} == {
        "app_id": "2021000000000001",
        "method": "alipay.trade.pay",
        "charset": "utf-8",
        "sign_type": "RSA2",
        "version": "1.0",
    }
    assert params["timestamp"] == "2024-06-01 10:30:00"  # China time
    assert json.loads(params["biz_content"]) == {
        "out_trade_no": ORDER,
        "scene": "bar_code",
        "auth_code": CODE,
        "subject": "REDHOME 上海静安店 消费",
        "total_amount": "19.99",
        "store_id": "SH-JINGAN-01",
        "terminal_id": "POS-02",
    }


def failure(code: str, sub_code: str = "", **extra: Any) -> dict[str, Any]:
    member = {"code": code, "msg": "Business Failed", **extra}
    if sub_code:
        member.update(sub_code=sub_code, sub_msg="说明")
    return member


@pytest.mark.parametrize(
    ("recorded", "outcome", "reason_code"),
    [
        (
            answer(PAY, {**paid(), "code": "10003", "msg": "order success pay inprocess"}),
            "paying",
            "10003",
        ),
        (
            answer(PAY, failure("40004", "ACQ.PAYMENT_AUTH_CODE_INVALID")),
            "refused",
            "ACQ.PAYMENT_AUTH_CODE_INVALID",
        ),
        (
            answer(PAY, failure("40004", "ACQ.BUYER_BALANCE_NOT_ENOUGH")),
            "refused",
            "ACQ.BUYER_BALANCE_NOT_ENOUGH",
        ),
        (answer(PAY, failure("40004", "ACQ.SYSTEM_ERROR")), "unknown", "ACQ.SYSTEM_ERROR"),
        (answer(PAY, failure("40004", "ACQ.TRADE_HAS_CLOSE")), "closed", "ACQ.TRADE_HAS_CLOSE"),
        (answer(PAY, failure("20000", "aop.ACQ.SYSTEM_ERROR")), "unknown", "aop.ACQ.SYSTEM_ERROR"),
        (
            answer(PAY, failure("40002", "isv.invalid-signature")),
            "refused",
            "isv.invalid-signature",
        ),
        (answer(PAY, paid("RH0001-T02-999999")), "unknown", "MISMATCH"),
        (answer(PAY, paid(total="0.01")), "unknown", "MISMATCH"),
        (answer(PAY, paid(), tamper=True), "unknown", "BAD_SIGNATURE"),
        (answer(PAY, paid(), sign=False), "unknown", "UNSIGNED"),
        (answer("alipay.trade.query", paid()), "unknown", "NOT_PARSEABLE"),  # another call's answer
        (Answer(200, b"<html><body>System busy</body></html>", {}), "unknown", "NOT_PARSEABLE"),
        (Answer(502, b"<html>Bad Gateway</html>", {}), "unknown", "HTTP_STATUS"),
        (Answer(reset=True), "unknown", "CONNECTION"),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_every_other_answer_is_never_paid(
    server: ScriptedServer, tmp_path: Path, recorded: Answer, outcome: str, reason_code: str
) -> None:
    server.queue(recorded)
    status = adapter(server, tmp_path).charge(REQUEST)
    assert (status.outcome.value, status.reason_code) == (outcome, reason_code)
    assert not status.confirms_payment(ORDER, 1999)


def test_a_slow_answer_times_out(server: ScriptedServer, tmp_path: Path) -> None:
    server.queue(answer(PAY, paid(), delay_s=1.5))
    status = adapter(server, tmp_path, limit=0.5).charge(REQUEST)
    assert (status.outcome, status.reason_code) == (ChargeOutcome.UNKNOWN, "TIMEOUT")


def test_an_answer_signed_with_another_key_is_refused(
    server: ScriptedServer, tmp_path: Path
) -> None:
    from alipay_gateway import app_key

    server.queue(answer(PAY, paid(), key=app_key()))
    status = adapter(server, tmp_path).charge(REQUEST)
    assert (status.outcome, status.reason_code) == (ChargeOutcome.UNKNOWN, "BAD_SIGNATURE")


@pytest.mark.parametrize(
    ("trade_status", "outcome"),
    [
        ("TRADE_SUCCESS", "paid"),
        ("TRADE_FINISHED", "paid"),
        ("WAIT_BUYER_PAY", "paying"),
        ("TRADE_CLOSED", "closed"),
        ("SOMETHING_NEW", "unknown"),
    ],
)
def test_query(server: ScriptedServer, tmp_path: Path, trade_status: str, outcome: str) -> None:
    server.queue(answer("alipay.trade.query", {**paid(), "trade_status": trade_status}))
    status = adapter(server, tmp_path).query(ORDER)
    assert status.outcome.value == outcome
    assert status.amount_fen == (None if outcome == "unknown" else 1999)
    assert json.loads(sent_params(server.requests[0].body)["biz_content"]) == {
        "out_trade_no": ORDER
    }


def test_query_of_an_order_alipay_does_not_know(server: ScriptedServer, tmp_path: Path) -> None:
    server.queue(answer("alipay.trade.query", failure("40004", "ACQ.TRADE_NOT_EXIST")))
    status = adapter(server, tmp_path).query(ORDER)
    assert (status.outcome, status.reason_code) == (ChargeOutcome.UNKNOWN, "ACQ.TRADE_NOT_EXIST")


CANCEL = "alipay.trade.cancel"


@pytest.mark.parametrize(
    ("recorded", "done", "retry"),
    [
        (
            answer(
                CANCEL,
                {
                    "code": "10000",
                    "msg": "Success",
                    "out_trade_no": ORDER,
                    "retry_flag": "N",
                    "action": "refund",
                },
            ),
            True,
            False,
        ),
        (
            answer(
                CANCEL,
                {"code": "10000", "msg": "Success", "out_trade_no": ORDER, "retry_flag": "Y"},
            ),
            False,
            True,
        ),
        (answer(CANCEL, failure("40004", "ACQ.SYSTEM_ERROR", retry_flag="Y")), False, True),
        (answer(CANCEL, failure("40004", "ACQ.TRADE_NOT_EXIST")), True, False),
        (answer(CANCEL, failure("40004", "ACQ.REASON_TRADE_BEEN_FREEZEN")), False, False),
        (answer(CANCEL, failure("20000", "isp.unknow-error")), False, True),
        (answer(CANCEL, {"code": "10000", "retry_flag": "N"}, sign=False), False, True),
    ],
)
def test_cancel(
    server: ScriptedServer, tmp_path: Path, recorded: Answer, done: bool, retry: bool
) -> None:
    server.queue(recorded)
    result = adapter(server, tmp_path).reverse(ORDER)
    assert (result.done, result.retry) == (done, retry)


REFUND = RefundRequest(ORDER, "RH0001-R-000002", 500, 1999, "退货")


@pytest.mark.parametrize(
    ("recorded", "outcome"),
    [
        (
            answer(
                "alipay.trade.refund",
                {**paid(), "fund_change": "Y", "refund_fee": "5.00", "send_back_fee": "5.00"},
            ),
            "success",
        ),
        (
            answer("alipay.trade.refund", {**paid(), "fund_change": "N", "refund_fee": "5.00"}),
            "processing",
        ),
        (
            answer("alipay.trade.refund", {**paid("RH0001-T02-000999"), "fund_change": "Y"}),
            "unknown",
        ),
        (
            answer("alipay.trade.refund", failure("40004", "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL")),
            "refused",
        ),
        (answer("alipay.trade.refund", failure("40004", "ACQ.SYSTEM_ERROR")), "unknown"),
        (answer("alipay.trade.refund", failure("20000", "isp.unknow-error")), "unknown"),
    ],
)
def test_refund(server: ScriptedServer, tmp_path: Path, recorded: Answer, outcome: str) -> None:
    server.queue(recorded)
    status = adapter(server, tmp_path).refund(REFUND)
    assert status.outcome.value == outcome
    assert json.loads(sent_params(server.requests[0].body)["biz_content"]) == {
        "out_trade_no": ORDER,
        "refund_amount": "5.00",
        "out_request_no": "RH0001-R-000002",
        "refund_reason": "退货",
    }


@pytest.mark.parametrize(
    ("trade_status", "outcome"),
    [("TRADE_CLOSED", "refused"), ("TRADE_SUCCESS", "unknown")],
)
def test_a_refund_of_a_trade_in_the_wrong_state_asks_about_the_trade(
    server: ScriptedServer, tmp_path: Path, trade_status: str, outcome: str
) -> None:
    """ACQ.TRADE_STATUS_ERROR to a refund: the trade is queried (as the documents advise);
    closed (cancelled, never paid, paid back) it takes no refund, paid it stays unclear."""
    server.queue(
        answer("alipay.trade.refund", failure("40004", "ACQ.TRADE_STATUS_ERROR")),
        answer("alipay.trade.query", {**paid(), "trade_status": trade_status}),
    )
    status = adapter(server, tmp_path).refund(REFUND)
    assert status.outcome.value == outcome
    assert status.reason_code == "ACQ.TRADE_STATUS_ERROR"
    assert [sent_params(r.body)["method"] for r in server.requests] == [
        "alipay.trade.refund",
        "alipay.trade.query",
    ]


def test_refund_query(server: ScriptedServer, tmp_path: Path) -> None:
    query = "alipay.trade.fastpay.refund.query"
    found = {
        "code": "10000",
        "msg": "Success",
        "trade_no": "2024060122001404331000000001",
        "out_trade_no": ORDER,
        "out_request_no": "RH0001-R-000002",
        "total_amount": "19.99",
        "refund_amount": "5.00",
        "refund_status": "REFUND_SUCCESS",
    }
    server.queue(
        answer(query, found),
        answer(query, {"code": "10000", "msg": "Success"}),
        answer(query, {**found, "out_request_no": "RH0001-R-000009"}),
    )
    alipay = adapter(server, tmp_path)
    status = alipay.refund_query(ORDER, "RH0001-R-000002")
    assert (status.outcome, status.refund_fen) == (RefundOutcome.SUCCESS, 500)
    missing = alipay.refund_query(ORDER, "RH0001-R-000002")
    assert (missing.outcome, missing.reason_code) == (RefundOutcome.UNKNOWN, "REFUND_NOT_FOUND")
    other = alipay.refund_query(ORDER, "RH0001-R-000002")
    assert (other.outcome, other.reason_code) == (RefundOutcome.UNKNOWN, "MISMATCH")


DETAIL = (
    "#支付宝业务明细查询\n#账号：[20881234567890120156]\n"
    "#起始日期：[2024年06月01日 00:00:00]   终止日期：[2024年06月02日 00:00:00]\n"
    "#-----------------------------------------业务明细列表----------------------------------------\n"
    "支付宝交易号,商户订单号,业务类型,商品名称,创建时间,完成时间,门店编号,门店名称,操作员,终端号,"
    "对方账户,订单金额（元）,商家实收（元）,支付宝红包（元）,集分宝（元）,支付宝优惠（元）,"
    "商家优惠（元）,券核销金额（元）,券名称,商家红包消费金额（元）,卡消费金额（元）,"
    "退款批次号/请求号,服务费（元）,分润（元）,备注\n"
    "2024060122001404331000000001\t,RH0001-T02-000124\t,交易,REDHOME 消费,2024-06-01 10:30:00,"
    "2024-06-01 10:30:05,SH-JINGAN-01,,,POS-02,159****5620,19.99,19.99,"
    "0.00,0.00,0.00,0.00,0.00,,0.00,0.00,"
    ",-0.12,0.00,\n"
    "2024060122001404331000000001\t,RH0001-T02-000124\t,退款,REDHOME 消费,2024-06-01 11:00:00,"
    "2024-06-01 11:00:02,SH-JINGAN-01,,,POS-02,159****5620,-5.00,-5.00,"
    "0.00,0.00,0.00,0.00,0.00,,0.00,0.00,"
    "RH0001-R-000002\t,0.03,0.00,\n"
    "#-----------------------------------------业务明细列表结束------------------------------------\n"
    "#交易合计：1笔，商家实收：19.99元，商家优惠：0.00元\n#退款合计：1笔，商家实收：-5.00元\n"
    "#导出时间：[2024年06月02日 09:00:00]\n"
)


def bill_archive(detail: str = DETAIL) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as bundle:
        for name, text in (
            ("20881234567890120156_20240601_业务明细.csv", detail),
            ("20881234567890120156_20240601_业务明细(汇总).csv", "#汇总\n"),
        ):
            info = zipfile.ZipInfo(name.encode("gbk").decode("cp437"))  # GBK names, as Alipay's
            bundle.writestr(info, text.encode("gbk"))
    return buffer.getvalue()


def test_bill_url_then_zipped_gbk_csv(server: ScriptedServer, tmp_path: Path) -> None:
    url = (
        f"{server.url}/downloadFile.do?bizType=trade&userId=20881234567890120156"
        "&fileType=csv.zip&downloadFileName=x.csv.zip&timestamp=1717290000&token=abc"
    )
    server.queue(
        answer(
            "alipay.data.dataservice.bill.downloadurl.query",
            {"code": "10000", "msg": "Success", "bill_download_url": url},
        ),
        Answer(200, bill_archive(), {"Content-Type": "application/oct-stream"}),
    )
    lines = adapter(server, tmp_path).bill(date(2024, 6, 1))
    assert [
        (ln.kind, ln.out_trade_no, ln.transaction_id, ln.amount_fen, ln.fee_fen, ln.out_refund_no)
        for ln in lines
    ] == [
        (BillLineKind.PAYMENT, ORDER, "2024060122001404331000000001", 1999, 12, None),
        (BillLineKind.REFUND, ORDER, "2024060122001404331000000001", 500, -3, "RH0001-R-000002"),
    ]
    assert lines[0].at == datetime(2024, 6, 1, 2, 30, 5, tzinfo=UTC)
    assert json.loads(sent_params(server.requests[0].body)["biz_content"]) == {
        "bill_type": "trade",
        "bill_date": "2024-06-01",
    }


def test_bill_not_there_or_damaged(server: ScriptedServer, tmp_path: Path) -> None:
    alipay = adapter(server, tmp_path)
    method = "alipay.data.dataservice.bill.downloadurl.query"
    server.queue(answer(method, failure("40004", "isp.bill_not_exist")))
    with pytest.raises(PaymentBillError, match="说明"):
        alipay.bill(date(2024, 6, 1))
    server.queue(
        answer(method, {"code": "10000", "bill_download_url": f"{server.url}/f"}),
        Answer(200, b"PK\x03\x04 not really a zip"),
    )
    with pytest.raises(PaymentBillError, match="damaged"):
        alipay.bill(date(2024, 6, 1))
    server.queue(answer(method, {"code": "10000", "bill_download_url": "http://example.com/f"}))
    with pytest.raises(PaymentBillError, match="not https"):
        alipay.bill(date(2024, 6, 1))
