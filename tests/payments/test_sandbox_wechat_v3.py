"""The payments sandbox speaks WeChat Pay APIv3 codepay as the documents describe."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest
import requests
from payments_sandbox_client import CHINA, WechatV3, control, path_of, running_sandbox, state

from payments.sandbox import PaymentsSandboxHandle

CODEPAY = "/v3/pay/transactions/codepay"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with running_sandbox() as handle:
        yield handle


@pytest.fixture
def wx(sandbox: PaymentsSandboxHandle) -> WechatV3:
    sandbox.clear_switches()
    return WechatV3(sandbox)


_serial = iter(range(10_000, 99_999))


def new_no() -> str:
    return f"RH{next(_serial)}{int(time.time() * 1000) % 10**8}"


def code(ending: str = "00") -> str:
    """An 18-digit WeChat payment code starting 13 with the given ending, unique per call."""
    middle = f"{next(_serial):05d}{time.time_ns() % 10**9:09d}"
    return ("13" + middle + "0" * 18)[: 18 - len(ending)] + ending


def charge(wx: WechatV3, sandbox: PaymentsSandboxHandle, no: str, c: str, total: int = 100
           ) -> requests.Response:  # fmt: skip
    return wx.call("POST", CODEPAY, wx.codepay_body(sandbox.wechat.appid, no, c, total))


def query(wx: WechatV3, no: str) -> requests.Response:
    return wx.call("GET", f"/v3/pay/transactions/out-trade-no/{no}?mchid={wx.mchid}")


def reverse(wx: WechatV3, sandbox: PaymentsSandboxHandle, no: str) -> requests.Response:
    body = {"appid": sandbox.wechat.appid, "mchid": wx.mchid}
    return wx.call("POST", f"/v3/pay/transactions/out-trade-no/{no}/reverse", body)


def test_docs_codepay_example_is_charged_and_answer_is_signed(
    sandbox: PaymentsSandboxHandle, wx: WechatV3
) -> None:
    # The request example of the codepay page (4012382150), replayed as published.
    example = {
        "appid": "wxd678efh567hg6787", "mchid": "1230000109",
        "description": "Image形象店-深圳腾大-QQ公仔",
        "out_trade_no": "1217752501201407033233368018",
        "attach": "自定义数据说明", "goods_tag": "WXG", "support_fapiao": True,
        "payer": {"auth_code": "130061098828009406"},
        "amount": {"total": 100, "currency": "CNY"},
        "scene_info": {"device_id": "013467007045764", "device_ip": "128.0.0.1",
                       "store_info": {"id": "0001", "out_id": "A1111"}},
        "detail": {"cost_price": 608800, "invoice_id": "微信123", "goods_detail": [
            {"merchant_goods_id": "1246464644", "wxpay_goods_id": "1001",
             "goods_name": "iPhoneX 256G", "quantity": 1, "unit_price": 528800}]},
        "settle_info": {"profit_sharing": True},
    }  # fmt: skip
    response = wx.call("POST", CODEPAY, example)
    assert response.status_code == 200, response.text
    assert wx.answer_ok(response)
    body = response.json()
    assert body["trade_state"] == "SUCCESS"
    assert body["out_trade_no"] == "1217752501201407033233368018"
    assert body["amount"]["total"] == 100 and body["amount"]["payer_total"] == 100
    assert body["trade_type"] == "MICROPAY" and body["transaction_id"].startswith("4200")
    assert datetime.fromisoformat(body["success_time"]).utcoffset() == timedelta(hours=8)
    assert body["attach"] == "自定义数据说明"
    # A tampered answer no longer verifies.
    assert not wx.answer_ok(response, response.content.replace(b'"total": 100', b'"total": 1'))
    queried = query(wx, "1217752501201407033233368018")
    assert queried.status_code == 200 and wx.answer_ok(queried)
    assert queried.json()["transaction_id"] == body["transaction_id"]


def test_request_signatures_are_checked(sandbox: PaymentsSandboxHandle, wx: WechatV3) -> None:
    no, c = new_no(), code()
    payload = wx.codepay_body(sandbox.wechat.appid, no, c)
    missing = requests.post(wx.base + CODEPAY, json=payload, timeout=10)
    assert missing.status_code == 401 and missing.json()["code"] == "SIGN_ERROR"
    assert wx.answer_ok(missing)  # refusals are signed too
    stale = wx.call("POST", CODEPAY, payload, timestamp=int(time.time()) - 600)
    assert stale.status_code == 401 and "5分钟" in stale.json()["message"]
    tampered_body = wx.call("POST", CODEPAY, payload, body_after_signing=b'{"tampered": 1}')
    assert tampered_body.status_code == 401
    other_key = wx.authorization("POST", CODEPAY, b"{}").replace(wx.serial, "0" * 40)
    wrong_serial = wx.call("POST", CODEPAY, payload, authorization=other_key)
    assert wrong_serial.status_code == 401
    signed_for_other_url = wx.authorization("POST", "/v3/pay/other", b"")
    assert wx.call("POST", CODEPAY, payload, authorization=signed_for_other_url).status_code == 401
    assert query(wx, no).status_code == 404  # nothing was charged by the refused calls
    assert sandbox.order("wechat", no) is None


def test_instant_success_then_same_number_is_not_charged_twice(
    sandbox: PaymentsSandboxHandle, wx: WechatV3
) -> None:
    no, c = new_no(), code()
    first = charge(wx, sandbox, no, c, 2590)
    assert first.status_code == 200 and first.json()["trade_state"] == "SUCCESS"
    again = charge(wx, sandbox, no, c, 2590)
    assert again.status_code == 403 and again.json()["code"] == "ORDERPAID"
    other_amount = charge(wx, sandbox, no, code(), 100)
    assert other_amount.status_code == 403 and other_amount.json()["code"] == "OUT_TRADE_NO_USED"
    order = sandbox.order("wechat", no)
    assert order is not None and order["charges"] == 1 and order["amount_fen"] == 2590
    assert order["code"].startswith(c[:4]) and c not in str(order)


def test_code_is_single_use_and_shapes_are_checked(
    sandbox: PaymentsSandboxHandle, wx: WechatV3
) -> None:
    c = code()
    assert charge(wx, sandbox, new_no(), c).status_code == 200
    reused = charge(wx, sandbox, new_no(), c)
    assert reused.status_code == 403 and reused.json()["code"] == "AUTH_CODE_INVALID"
    for bad in (
        "1300610988280094",
        "160061098828009406",
        "28006109882800940612",
        "13006109882800940A",
    ):
        refused = charge(wx, sandbox, new_no(), bad)
        assert refused.status_code == 403 and refused.json()["code"] == "AUTH_CODE_INVALID", bad
        assert "18位数字" in refused.json()["message"]


@pytest.mark.parametrize(
    ("ending", "status", "error"),
    [("21", 403, "NOTENOUGH"), ("22", 403, "AUTHCODEEXPIRE"), ("23", 403, "AUTH_CODE_INVALID")],
)
def test_refusals_take_nothing(
    sandbox: PaymentsSandboxHandle, wx: WechatV3, ending: str, status: int, error: str
) -> None:
    no = new_no()
    refused = charge(wx, sandbox, no, code(ending))
    assert (refused.status_code, refused.json()["code"]) == (status, error)
    assert wx.answer_ok(refused)
    queried = query(wx, no).json()
    assert queried["trade_state"] == "PAYERROR" and "transaction_id" not in queried
    assert sandbox.order("wechat", no)["charges"] == 0


def test_password_then_success(sandbox: PaymentsSandboxHandle, wx: WechatV3) -> None:
    no = new_no()
    answer = charge(wx, sandbox, no, code("3011"))  # 30 s of password entry
    assert answer.status_code == 202 and answer.json() == {"trade_state": "USERPAYING"}
    assert wx.answer_ok(answer)
    assert query(wx, no).json()["trade_state"] == "USERPAYING"
    wx.advance(sandbox, 31)
    try:
        paid = query(wx, no).json()
        assert paid["trade_state"] == "SUCCESS" and paid["amount"]["total"] == 100
    finally:
        wx.advance(sandbox, -31)


def test_password_then_failure_and_reverse_closes(
    sandbox: PaymentsSandboxHandle, wx: WechatV3
) -> None:
    no = new_no()
    assert charge(wx, sandbox, no, code("0112")).status_code == 202  # 1 s, then gives up
    time.sleep(1.1)
    assert query(wx, no).json()["trade_state"] == "PAYERROR"
    reversed_ = reverse(wx, sandbox, no)
    assert reversed_.status_code == 200 and wx.answer_ok(reversed_)
    assert reversed_.json() == {"appid": sandbox.wechat.appid, "mchid": wx.mchid,
                                "out_trade_no": no}  # fmt: skip
    assert query(wx, no).json()["trade_state"] == "REVOKED"
    assert sandbox.order("wechat", no)["charges"] == 0


def test_reverse_while_paying_closes_so_it_never_pays(
    sandbox: PaymentsSandboxHandle, wx: WechatV3
) -> None:
    no = new_no()
    assert charge(wx, sandbox, no, code("0111")).status_code == 202
    assert reverse(wx, sandbox, no).status_code == 200
    time.sleep(1.1)
    assert query(wx, no).json()["trade_state"] == "REVOKED"
    order = sandbox.order("wechat", no)
    assert order["charges"] == 0 and order["reversals"] == []


def test_reverse_of_paid_pays_back_once_within_seven_days(
    sandbox: PaymentsSandboxHandle, wx: WechatV3
) -> None:
    no = new_no()
    assert charge(wx, sandbox, no, code()).status_code == 200
    assert reverse(wx, sandbox, no).status_code == 200
    assert reverse(wx, sandbox, no).status_code == 200  # again: still done, not twice
    order = sandbox.order("wechat", no)
    assert order["state"] == "REVOKED" and len(order["reversals"]) == 1
    assert reverse(wx, sandbox, new_no()).json()["code"] == "ORDER_NOT_EXIST"
    late = new_no()
    assert charge(wx, sandbox, late, code()).status_code == 200
    wx.advance(sandbox, 7 * 86400 + 60)
    try:
        expired = reverse(wx, sandbox, late)
        assert expired.status_code == 403 and expired.json()["code"] == "REVERSE_EXPIRE"
    finally:
        wx.advance(sandbox, -(7 * 86400 + 60))


def test_system_errors(sandbox: PaymentsSandboxHandle, wx: WechatV3) -> None:
    nothing = new_no()
    failed = charge(wx, sandbox, nothing, code("31"))
    assert (failed.status_code, failed.json()["code"]) == (500, "SYSTEM_ERROR")
    assert query(wx, nothing).status_code == 404
    taken = new_no()
    assert charge(wx, sandbox, taken, code("32")).status_code == 500
    assert query(wx, taken).json()["trade_state"] == "SUCCESS"


def test_answer_lost_after_the_charge_was_taken(
    sandbox: PaymentsSandboxHandle, wx: WechatV3
) -> None:
    no, c = new_no(), code("41")
    with pytest.raises(requests.ConnectionError):
        charge(wx, sandbox, no, c)
    assert query(wx, no).json()["trade_state"] == "SUCCESS"
    resent = charge(wx, sandbox, no, c)  # the counter re-sends: answered, not charged again
    assert resent.status_code == 403 and resent.json()["code"] == "ORDERPAID"
    assert sandbox.order("wechat", no)["charges"] == 1
    before = new_no()
    with pytest.raises(requests.ConnectionError):
        charge(wx, sandbox, before, code("42"))
    assert query(wx, before).status_code == 404


def test_slow_answer(sandbox: PaymentsSandboxHandle, wx: WechatV3) -> None:
    started = time.monotonic()
    answer = charge(wx, sandbox, new_no(), code("0151"))
    assert answer.status_code == 200 and time.monotonic() - started >= 1.0


def test_switches_act_on_the_next_call_only(sandbox: PaymentsSandboxHandle, wx: WechatV3) -> None:
    no = new_no()
    assert charge(wx, sandbox, no, code()).status_code == 200
    control(sandbox, "/_sandbox/switch", {"behaviour": "system_error", "provider": "wechat",
                                          "method": "query"})  # fmt: skip
    assert query(wx, no).status_code == 500
    assert query(wx, no).status_code == 200
    sandbox.switch("insufficient_balance", provider="wechat", method="charge")
    assert charge(wx, sandbox, new_no(), code()).json()["code"] == "NOTENOUGH"
    sandbox.switch("lost_after", provider="wechat", method="reverse")
    with pytest.raises(requests.ConnectionError):
        reverse(wx, sandbox, no)
    assert sandbox.order("wechat", no)["state"] == "REVOKED"
    bad = requests.post(sandbox.base_url + "/_sandbox/switch", json={"behaviour": "nonsense"},
                        timeout=5)  # fmt: skip
    assert bad.status_code == 400


def test_partner_form(sandbox: PaymentsSandboxHandle) -> None:
    ids = sandbox.wechat
    wx = WechatV3(sandbox, mchid=ids.sp_mchid)
    no = new_no()
    body = {
        "sp_appid": ids.sp_appid,
        "sp_mchid": ids.sp_mchid,
        "sub_mchid": ids.sub_mchid,
        "description": "REDHOME 消费",
        "out_trade_no": no,
        "payer": {"auth_code": code()},
        "amount": {"total": 300},
        "scene_info": {"store_info": {"out_id": "SH-002"}},
    }
    paid = wx.call("POST", "/v3/pay/partner/transactions/codepay", body)
    assert paid.status_code == 200 and wx.answer_ok(paid)
    assert paid.json()["sub_mchid"] == ids.sub_mchid and "sp_openid" in paid.json()["payer"]
    target = (f"/v3/pay/partner/transactions/out-trade-no/{no}"
              f"?sp_mchid={ids.sp_mchid}&sub_mchid={ids.sub_mchid}")  # fmt: skip
    assert wx.call("GET", target).json()["trade_state"] == "SUCCESS"
    wrong_sub = body | {"sub_mchid": "1900000999", "out_trade_no": new_no()}
    assert wx.call("POST", "/v3/pay/partner/transactions/codepay", wrong_sub).status_code == 400
    reverse_body = {"sp_mchid": ids.sp_mchid, "sub_mchid": ids.sub_mchid}
    reversed_ = wx.call("POST", f"/v3/pay/partner/transactions/out-trade-no/{no}/reverse",
                        reverse_body)  # fmt: skip
    assert reversed_.status_code == 200 and reversed_.json()["sub_mchid"] == ids.sub_mchid
    # The direct merchant's number space is not the sub-merchant's.
    assert query(WechatV3(sandbox), no).status_code == 404


def test_refunds_add_up_to_the_total_and_repeat_safely(
    sandbox: PaymentsSandboxHandle, wx: WechatV3
) -> None:
    no = new_no()
    assert charge(wx, sandbox, no, code(), 1000).status_code == 200

    def refund(out_refund_no: str, amount: int, total: int = 1000) -> requests.Response:
        body = {
            "out_trade_no": no,
            "out_refund_no": out_refund_no,
            "reason": "退货",
            "amount": {"refund": amount, "total": total, "currency": "CNY"},
        }
        return wx.call("POST", "/v3/refund/domestic/refunds", body)

    first = refund(no + "-R1", 600)
    assert first.status_code == 200 and wx.answer_ok(first)
    assert first.json()["status"] == "SUCCESS" and first.json()["amount"]["refund"] == 600
    repeated = refund(no + "-R1", 600)
    assert repeated.json()["refund_id"] == first.json()["refund_id"]
    assert refund(no + "-R1", 500).json()["code"] == "INVALID_REQUEST"
    assert refund(no + "-R2", 500).json()["code"] == "INVALID_REQUEST"  # 600 + 500 > 1000
    assert refund(no + "-R3", 100, total=999).json()["code"] == "PARAM_ERROR"
    assert refund(no + "-R4", 400).status_code == 200
    assert query(wx, no).json()["trade_state"] == "REFUND"
    order = sandbox.order("wechat", no)
    assert order["refunded_fen"] == 1000 and len(order["refunds"]) == 2
    found = wx.call("GET", f"/v3/refund/domestic/refunds/{no}-R4")
    assert found.status_code == 200 and found.json()["amount"]["refund"] == 400
    assert wx.call("GET", "/v3/refund/domestic/refunds/NOPE-1").status_code == 404
    unknown = {
        "out_trade_no": new_no(),
        "out_refund_no": "X-1",
        "amount": {"refund": 1, "total": 1, "currency": "CNY"},
    }
    assert wx.call("POST", "/v3/refund/domestic/refunds", unknown).status_code == 404
    # A reversal can no longer apply once money went back by refunds.
    assert reverse(wx, sandbox, no).json()["code"] == "TRADE_ERROR"


def test_refund_is_processing_until_it_lands() -> None:
    with running_sandbox(refund_delay_s=1.0) as sandbox:
        wx = WechatV3(sandbox)
        no = new_no()
        assert charge(wx, sandbox, no, code(), 500).status_code == 200
        body = {
            "out_trade_no": no,
            "out_refund_no": no + "-R",
            "amount": {"refund": 500, "total": 500, "currency": "CNY"},
        }
        answer = wx.call("POST", "/v3/refund/domestic/refunds", body).json()
        assert answer["status"] == "PROCESSING" and "success_time" not in answer
        time.sleep(1.05)
        landed = wx.call("GET", f"/v3/refund/domestic/refunds/{no}-R").json()
        assert landed["status"] == "SUCCESS" and landed["success_time"]


def test_trade_bill_for_a_day(tmp_path: object) -> None:
    with running_sandbox() as sandbox:
        wx = WechatV3(sandbox)
        paid, refunded = new_no(), new_no()
        assert charge(wx, sandbox, paid, code(), 1234).status_code == 200
        assert charge(wx, sandbox, refunded, code(), 1000).status_code == 200
        body = {
            "out_trade_no": refunded,
            "out_refund_no": refunded + "-R",
            "amount": {"refund": 250, "total": 1000, "currency": "CNY"},
        }
        assert wx.call("POST", "/v3/refund/domestic/refunds", body).status_code == 200
        today = datetime.now(CHINA).date().isoformat()
        not_yet = wx.call("GET", f"/v3/bill/tradebill?bill_date={today}&bill_type=ALL")
        assert not_yet.status_code == 400 and not_yet.json()["code"] == "NO_STATEMENT_EXIST"
        # The next day at 10:00 China time the bill exists.
        now = datetime.now(CHINA)
        next_morning = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), CHINA)
        wx.advance(sandbox, (next_morning - now).total_seconds() + 10 * 3600)
        answer = wx.call("GET", f"/v3/bill/tradebill?bill_date={today}&bill_type=ALL")
        assert answer.status_code == 200 and wx.answer_ok(answer)
        info = answer.json()
        assert info["hash_type"] == "SHA1"
        download = wx.call("GET", path_of(info["download_url"]))
        assert download.status_code == 200
        assert "Wechatpay-Signature" not in download.headers  # bill files are not signed
        import hashlib

        assert hashlib.sha1(download.content).hexdigest() == info["hash_value"]
        lines = download.content.decode("utf-8").split("\r\n")
        assert lines[0].startswith("交易时间,公众账号ID,商户号")
        rows = [line.split(",") for line in lines[1:] if line.startswith("`")]
        details, summary = rows[:-1], rows[-1]
        assert all(value.startswith("`") for row in rows for value in row)
        header = lines[0].split(",")
        by_no = {
            row[header.index("商户订单号")][1:]: row for row in details if row[9] == "`SUCCESS"
        }
        assert by_no[paid][header.index("应结订单金额")] == "`12.34"
        assert by_no[paid][header.index("手续费")] == "`0.07"  # 0.6 % of 12.34, rounded
        refund_rows = [row for row in details if row[header.index("交易状态")] == "`REFUND"]
        assert len(refund_rows) == 1
        assert refund_rows[0][header.index("退款金额")] == "`2.50"
        assert refund_rows[0][header.index("商户退款单号")] == f"`{refunded}-R"
        assert lines[-3] == ("总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,"
                             "订单总金额,申请退款总金额")  # fmt: skip
        assert summary[:3] == ["`3", "`22.34", "`2.50"]
        gz = wx.call("GET", f"/v3/bill/tradebill?bill_date={today}&bill_type=ALL&tar_type=GZIP")
        import gzip

        packed = wx.call("GET", path_of(gz.json()["download_url"])).content
        assert gzip.decompress(packed) == download.content
        assert state(sandbox)["calls"]["wechat.v3.bill"] >= 2
