"""The payments sandbox speaks Alipay's gateway (当面付 bar-code) as the documents describe."""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests
from payments_sandbox_client import CHINA, Alipay, running_sandbox

from payments.sandbox import PaymentsSandboxHandle

PAY, QUERY, CANCEL = "alipay.trade.pay", "alipay.trade.query", "alipay.trade.cancel"
REFUND, REFUND_QUERY = "alipay.trade.refund", "alipay.trade.fastpay.refund.query"
BILL = "alipay.data.dataservice.bill.downloadurl.query"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with running_sandbox() as handle:
        yield handle


@pytest.fixture
def ali(sandbox: PaymentsSandboxHandle) -> Alipay:
    sandbox.clear_switches()
    return Alipay(sandbox)


_serial = iter(range(10_000, 99_999))


def new_no() -> str:
    return f"RH-ALI-{next(_serial)}-{int(time.time() * 1000) % 10**8}"


def code(ending: str = "00", length: int = 18) -> str:
    middle = f"{next(_serial):05d}{time.time_ns() % 10**12:012d}" + "0" * 10
    return ("28" + middle)[: length - len(ending)] + ending


def call(ali: Alipay, method: str, biz: dict[str, Any], **kw: Any) -> dict[str, Any]:
    response = ali.call(method, biz, **kw)
    assert response.status_code == 200
    member, ok = ali.answer(response, method)
    assert ok, "every answer is signed with Alipay's key over the raw response member"
    return member


def pay(ali: Alipay, no: str, c: str, amount: str = "88.88") -> dict[str, Any]:
    biz = {
        "out_trade_no": no,
        "scene": "bar_code",
        "auth_code": c,
        "subject": "REDHOME 消费",
        "total_amount": amount,
        "store_id": "SH-001",
        "terminal_id": "POS-01",
    }
    return call(ali, PAY, biz)


def query(ali: Alipay, no: str) -> dict[str, Any]:
    return call(ali, QUERY, {"out_trade_no": no})


def test_instant_payment_and_signatures_both_ways(ali: Alipay) -> None:
    no = new_no()
    paid = pay(ali, no, code())
    assert paid["code"] == "10000" and paid["msg"] == "Success"
    assert paid["out_trade_no"] == no and paid["total_amount"] == "88.88"
    assert len(paid["trade_no"]) == 28 and paid["gmt_payment"]
    found = query(ali, no)
    assert found["trade_status"] == "TRADE_SUCCESS" and found["trade_no"] == paid["trade_no"]
    # A tampered answer fails verification.
    response = ali.call(QUERY, {"out_trade_no": no})
    forged = response.content.replace(b"TRADE_SUCCESS", b"TRADE_CLOSED")
    fake = requests.Response()
    fake._content, fake.status_code = forged, 200
    assert not ali.answer(fake, QUERY)[1]


def test_gbk_requests_are_signed_and_answered_in_gbk(ali: Alipay) -> None:
    no = new_no()
    biz = {"out_trade_no": no, "scene": "bar_code", "auth_code": code(), "subject": "红屋 消费",
           "total_amount": "1.00"}  # fmt: skip
    response = ali.call(PAY, biz, charset="gbk")
    assert response.headers["Content-Type"].endswith("charset=gbk")
    member, ok = ali.answer(response, PAY, "gbk")
    assert ok and member["code"] == "10000"
    assert query(ali, no)["trade_status"] == "TRADE_SUCCESS"


def test_bad_requests_are_refused_like_the_gateway(ali: Alipay) -> None:
    no = new_no()
    biz = {
        "out_trade_no": no,
        "scene": "bar_code",
        "auth_code": code(),
        "subject": "x",
        "total_amount": "1.00",
    }
    tampered = call(ali, PAY, biz, tamper={"biz_content": '{"out_trade_no":"other"}'})
    assert (tampered["code"], tampered["sub_code"]) == ("40002", "isv.invalid-signature")
    stale = call(ali, PAY, biz, timestamp=datetime.now(CHINA) - timedelta(hours=1))
    assert (stale["code"], stale["sub_code"]) == ("40002", "isv.invalid-timestamp")
    no_sign = call(ali, PAY, biz, tamper={"sign": ""})
    assert (no_sign["code"], no_sign["sub_code"]) == ("40001", "isv.missing-signature")
    other_app = call(ali, PAY, biz, tamper={"app_id": "2021000000000000"})
    assert other_app["sub_code"] == "isv.invalid-app-id"
    assert query(ali, no)["sub_code"] == "ACQ.TRADE_NOT_EXIST"


def test_code_shapes_single_use_and_refusals(ali: Alipay) -> None:
    used = code()
    assert pay(ali, new_no(), used)["code"] == "10000"
    again = pay(ali, new_no(), used)
    assert (again["code"], again["sub_code"]) == ("40004", "ACQ.PAYMENT_AUTH_CODE_INVALID")
    for bad in (
        "130061098828009406",
        "28006109882800",
        "3100610988280094",
        "2800610988280094061234567",
    ):
        refused = pay(ali, new_no(), bad)
        assert refused["sub_code"] == "ACQ.PAYMENT_AUTH_CODE_INVALID", bad
    assert pay(ali, new_no(), code(length=16))["code"] == "10000"
    assert pay(ali, new_no(), code(length=24))["code"] == "10000"
    no = new_no()
    poor = pay(ali, no, code("21"))
    assert (poor["code"], poor["sub_code"]) == ("40004", "ACQ.BUYER_BALANCE_NOT_ENOUGH")
    assert query(ali, no)["sub_code"] == "ACQ.TRADE_NOT_EXIST"
    assert pay(ali, new_no(), code("22"))["sub_code"] == "ACQ.PAYMENT_AUTH_CODE_INVALID"


def test_same_number_is_answered_not_charged_again(
    sandbox: PaymentsSandboxHandle, ali: Alipay
) -> None:
    no, c = new_no(), code()
    assert pay(ali, no, c)["code"] == "10000"
    assert pay(ali, no, c)["sub_code"] == "ACQ.TRADE_HAS_SUCCESS"
    assert pay(ali, no, code(), "1.00")["sub_code"] == "ACQ.CONTEXT_INCONSISTENT"
    assert sandbox.order("alipay", no)["charges"] == 1


def test_password_wait_then_paid_or_closed(sandbox: PaymentsSandboxHandle, ali: Alipay) -> None:
    no = new_no()
    waiting = pay(ali, no, code("0111"))
    assert waiting["code"] == "10003" and waiting["out_trade_no"] == no
    assert query(ali, no)["trade_status"] == "WAIT_BUYER_PAY"
    time.sleep(1.1)
    assert query(ali, no)["trade_status"] == "TRADE_SUCCESS"
    gives_up = new_no()
    assert pay(ali, gives_up, code("0112"))["code"] == "10003"
    time.sleep(1.1)
    assert query(ali, gives_up)["trade_status"] == "TRADE_CLOSED"
    assert sandbox.order("alipay", gives_up)["charges"] == 0


def test_cancel_closes_or_pays_back(sandbox: PaymentsSandboxHandle, ali: Alipay) -> None:
    waiting = new_no()
    assert pay(ali, waiting, code("3011"))["code"] == "10003"
    closed = call(ali, CANCEL, {"out_trade_no": waiting})
    assert (closed["code"], closed["action"], closed["retry_flag"]) == ("10000", "close", "N")
    assert query(ali, waiting)["trade_status"] == "TRADE_CLOSED"
    paid = new_no()
    assert pay(ali, paid, code())["code"] == "10000"
    back = call(ali, CANCEL, {"out_trade_no": paid})
    assert back["action"] == "refund" and back["gmt_refund_pay"]
    assert call(ali, CANCEL, {"out_trade_no": paid})["action"] == "refund"  # idempotent
    assert len(sandbox.order("alipay", paid)["reversals"]) == 1
    missing = call(ali, CANCEL, {"out_trade_no": new_no()})
    assert missing["sub_code"] == "ACQ.TRADE_NOT_EXIST"
    sandbox.switch("system_error", provider="alipay", method="reverse")
    busy = call(ali, CANCEL, {"out_trade_no": new_no()})
    assert (busy["code"], busy["retry_flag"]) == ("20000", "Y")


def test_system_error_and_lost_answers(sandbox: PaymentsSandboxHandle, ali: Alipay) -> None:
    nothing = new_no()
    assert pay(ali, nothing, code("31"))["code"] == "20000"
    assert query(ali, nothing)["sub_code"] == "ACQ.TRADE_NOT_EXIST"
    taken = new_no()
    assert pay(ali, taken, code("32"))["code"] == "20000"
    assert query(ali, taken)["trade_status"] == "TRADE_SUCCESS"
    lost, lost_code = new_no(), code("41")
    with pytest.raises(requests.ConnectionError):
        ali.call(PAY, {"out_trade_no": lost, "scene": "bar_code", "auth_code": lost_code,
                       "subject": "x", "total_amount": "88.88"})  # fmt: skip
    assert query(ali, lost)["trade_status"] == "TRADE_SUCCESS"
    assert pay(ali, lost, lost_code)["sub_code"] == "ACQ.TRADE_HAS_SUCCESS"
    assert sandbox.order("alipay", lost)["charges"] == 1


def test_refunds(sandbox: PaymentsSandboxHandle, ali: Alipay) -> None:
    no = new_no()
    assert pay(ali, no, code(), "10.00")["code"] == "10000"

    def refund(request_no: str, amount: str) -> dict[str, Any]:
        return call(
            ali,
            REFUND,
            {
                "out_trade_no": no,
                "refund_amount": amount,
                "out_request_no": request_no,
                "refund_reason": "退货",
            },
        )

    first = refund("R1", "6.00")
    assert (first["code"], first["fund_change"], first["refund_fee"]) == ("10000", "Y", "6.00")
    again = refund("R1", "6.00")
    assert (again["fund_change"], again["refund_fee"]) == ("N", "6.00")
    assert refund("R1", "5.00")["sub_code"] == "ACQ.DISCORDANT_REPEAT_REQUEST"
    assert refund("R2", "4.01")["sub_code"] == "ACQ.REFUND_AMT_NOT_EQUAL_TOTAL"
    assert refund("R2", "4.00")["refund_fee"] == "10.00"
    assert query(ali, no)["trade_status"] == "TRADE_CLOSED"
    found = call(ali, REFUND_QUERY, {"out_trade_no": no, "out_request_no": "R2",
                                     "query_options": ["gmt_refund_pay"]})  # fmt: skip
    assert (found["refund_amount"], found["refund_status"]) == ("4.00", "REFUND_SUCCESS")
    assert found["gmt_refund_pay"]
    none = call(ali, REFUND_QUERY, {"out_trade_no": no, "out_request_no": "R9"})
    assert none["code"] == "10000" and "refund_amount" not in none  # no data: not refunded
    assert sandbox.order("alipay", no)["refunded_fen"] == 1000
    assert call(ali, CANCEL, {"out_trade_no": no})["sub_code"] == "ACQ.TRADE_STATUS_ERROR"


def test_bill_download_is_a_gbk_zip_of_the_day() -> None:
    with running_sandbox() as sandbox:
        ali = Alipay(sandbox)
        paid, refunded = new_no(), new_no()
        assert pay(ali, paid, code(), "12.34")["code"] == "10000"
        assert pay(ali, refunded, code(), "10.00")["code"] == "10000"
        biz = {"out_trade_no": refunded, "refund_amount": "2.50", "out_request_no": "R1"}
        assert call(ali, REFUND, biz)["code"] == "10000"
        today = datetime.now(CHINA).date()
        early = call(ali, BILL, {"bill_type": "trade", "bill_date": today.isoformat()})
        assert (early["code"], early["sub_code"]) == ("40004", "isp.bill_not_exist")
        sandbox.sandbox.bills_anytime = True
        url = call(ali, BILL, {"bill_type": "trade", "bill_date": today.isoformat()})
        assert url["code"] == "10000"
        data = requests.get(url["bill_download_url"], timeout=10).content
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = sorted(archive.namelist())
        stem = f"{sandbox.alipay.seller_id}0156_{today:%Y%m%d}"
        assert names == [f"{stem}_业务明细(汇总).csv", f"{stem}_业务明细.csv"]
        text = archive.read(f"{stem}_业务明细.csv").decode("gbk")
        lines = text.split("\r\n")
        assert lines[0] == "#支付宝业务明细查询"
        header = lines[4].split(",")
        assert header[:3] == ["支付宝交易号", "商户订单号", "业务类型"]
        rows = [[v.rstrip("\t") for v in line.split(",")] for line in lines[5:]
                if line and not line.startswith("#")]  # fmt: skip
        kinds = {(row[1], row[2]): row for row in rows}
        assert kinds[(paid, "交易")][header.index("订单金额（元）")] == "12.34"
        assert kinds[(paid, "交易")][header.index("服务费（元）")] == "-0.07"
        back = kinds[(refunded, "退款")]
        assert back[header.index("订单金额（元）")] == "-2.50"
        assert back[header.index("退款批次号/请求号")] == "R1"
        assert "#交易合计：2笔，退款合计：1笔" in lines
        # The address works 30 seconds only.
        sandbox.advance_clock(31)
        stale = requests.get(url["bill_download_url"], timeout=10)
        assert not stale.content.startswith(b"PK") and "下载超时" in stale.content.decode()
