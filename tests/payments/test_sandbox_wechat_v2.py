"""The payments sandbox speaks WeChat Pay APIv2 (XML, key signatures) as documented."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime

import pytest
import requests
from payments_sandbox_client import CHINA, running_sandbox, v2_call, v2_sign

from payments.sandbox import PaymentsSandboxHandle

# The signature example of the APIv2 security rules (安全规范 / 签名算法), as published.
DOC_FIELDS = {"appid": "wxd930ea5d5a258f4f", "mch_id": "10000100", "device_info": "1000",
              "body": "test", "nonce_str": "ibuaiVcKdpRxkhJA"}  # fmt: skip
DOC_KEY = "192006250b4c09247ec02edce69f6a2d"
DOC_MD5 = "9A0A8659F005D6984697E2CA0A9CF3B7"
DOC_HMAC = "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with running_sandbox() as handle:
        yield handle


_serial = iter(range(10_000, 99_999))


def new_no() -> str:
    return f"RHV2{next(_serial)}{int(time.time() * 1000) % 10**8}"


def code(ending: str = "00") -> str:
    middle = f"{next(_serial):05d}{time.time_ns() % 10**9:09d}"
    return ("11" + middle + "0" * 18)[: 18 - len(ending)] + ending


def base(sandbox: PaymentsSandboxHandle) -> dict[str, str]:
    return {"appid": sandbox.wechat.appid, "mch_id": sandbox.wechat.mchid}


def micropay(sandbox: PaymentsSandboxHandle, no: str, c: str, fee: str = "101",
             sign_type: str = "MD5") -> dict[str, str]:  # fmt: skip
    fields = base(sandbox) | {"body": "REDHOME-上海静安店-消费", "out_trade_no": no,
                              "total_fee": fee, "spbill_create_ip": "127.0.0.1",
                              "auth_code": c, "device_info": "POS-01"}  # fmt: skip
    response, answer = v2_call(sandbox, "/pay/micropay", fields, sign_type=sign_type)
    assert response.status_code == 200
    return answer


def answer_signed(sandbox: PaymentsSandboxHandle, answer: dict[str, str]) -> bool:
    sign_type = "HMAC-SHA256" if len(answer.get("sign", "")) == 64 else "MD5"
    return answer["sign"] == v2_sign(answer, sandbox.wechat.api_v2_key, sign_type)


def test_docs_signature_vectors() -> None:
    assert v2_sign(DOC_FIELDS, DOC_KEY) == DOC_MD5
    assert v2_sign(DOC_FIELDS, DOC_KEY, "HMAC-SHA256") == DOC_HMAC


def test_sandbox_checks_the_docs_vector_with_its_key(sandbox: PaymentsSandboxHandle) -> None:
    # The sandbox's APIv2 key is the docs' example key: the published signature is accepted
    # for the published fields (the call then fails on the merchant id, not on the sign).
    fields = DOC_FIELDS | {"sign": DOC_MD5}
    xml = "<xml>" + "".join(f"<{k}>{v}</{k}>" for k, v in fields.items()) + "</xml>"
    answer = requests.post(sandbox.wechat_base_url + "/pay/orderquery", data=xml.encode(),
                           timeout=10).text  # fmt: skip
    assert "签名错误" not in answer and "mch_id" in answer
    wrong = xml.replace(DOC_MD5, DOC_MD5[:-1] + "0")
    refused = requests.post(sandbox.wechat_base_url + "/pay/orderquery", data=wrong.encode(),
                            timeout=10).text  # fmt: skip
    assert "<return_code><![CDATA[FAIL]]></return_code>" in refused and "签名错误" in refused


@pytest.mark.parametrize("sign_type", ["MD5", "HMAC-SHA256"])
def test_micropay_query_and_signed_answers(sandbox: PaymentsSandboxHandle, sign_type: str) -> None:
    no = new_no()
    paid = micropay(sandbox, no, code(), sign_type=sign_type)
    assert (paid["return_code"], paid["result_code"]) == ("SUCCESS", "SUCCESS")
    assert paid["total_fee"] == "101" and paid["trade_type"] == "MICROPAY"
    assert len(paid["time_end"]) == 14 and paid["transaction_id"].startswith("4200")
    assert answer_signed(sandbox, paid)
    _, found = v2_call(sandbox, "/pay/orderquery", base(sandbox) | {"out_trade_no": no},
                       sign_type=sign_type)  # fmt: skip
    assert found["trade_state"] == "SUCCESS" and answer_signed(sandbox, found)
    again = micropay(sandbox, no, code())
    assert (again["result_code"], again["err_code"]) == ("FAIL", "OUT_TRADE_NO_USED")


def test_wrong_key_is_refused(sandbox: PaymentsSandboxHandle) -> None:
    fields = base(sandbox) | {"out_trade_no": new_no()}
    _, answer = v2_call(sandbox, "/pay/orderquery", fields, key="0" * 32)
    assert answer == {"return_code": "FAIL", "return_msg": "签名错误"}


def test_password_refusals_and_reverse(sandbox: PaymentsSandboxHandle) -> None:
    no = new_no()
    paying = micropay(sandbox, no, code("0111"))
    assert (paying["result_code"], paying["err_code"]) == ("FAIL", "USERPAYING")
    time.sleep(1.1)
    _, found = v2_call(sandbox, "/pay/orderquery", base(sandbox) | {"out_trade_no": no})
    assert found["trade_state"] == "SUCCESS"
    _, back = v2_call(sandbox, "/secapi/pay/reverse", base(sandbox) | {"out_trade_no": no})
    assert (back["result_code"], back["recall"]) == ("SUCCESS", "N")
    _, found = v2_call(sandbox, "/pay/orderquery", base(sandbox) | {"out_trade_no": no})
    assert found["trade_state"] == "REVOKED"
    assert sandbox.order("wechat", no)["state"] == "REVOKED"
    assert micropay(sandbox, new_no(), code("21"))["err_code"] == "NOTENOUGH"
    assert micropay(sandbox, new_no(), code("22"))["err_code"] == "AUTHCODEEXPIRE"
    assert micropay(sandbox, new_no(), "280000000000000000")["err_code"] == "AUTH_CODE_INVALID"
    assert micropay(sandbox, new_no(), code("31"))["err_code"] == "SYSTEMERROR"
    _, missing = v2_call(sandbox, "/secapi/pay/reverse", base(sandbox) | {"out_trade_no": new_no()})
    assert missing["err_code"] == "ORDERNOTEXIST"


def test_refund_and_refund_query(sandbox: PaymentsSandboxHandle) -> None:
    no = new_no()
    assert micropay(sandbox, no, code(), "1000")["result_code"] == "SUCCESS"

    def refund(out_refund_no: str, fee: str) -> dict[str, str]:
        fields = base(sandbox) | {"out_trade_no": no, "out_refund_no": out_refund_no,
                                  "total_fee": "1000", "refund_fee": fee}  # fmt: skip
        return v2_call(sandbox, "/secapi/pay/refund", fields)[1]

    first = refund("R1", "300")
    assert first["result_code"] == "SUCCESS" and first["refund_fee"] == "300"
    assert refund("R1", "300")["refund_id"] == first["refund_id"]
    assert refund("R2", "800")["err_code"] == "INVALID_REQUEST"
    assert refund("R2", "700")["result_code"] == "SUCCESS"
    _, listed = v2_call(sandbox, "/pay/refundquery", base(sandbox) | {"out_trade_no": no})
    assert listed["refund_count"] == "2" and listed["refund_status_1"] == "SUCCESS"
    assert {listed["out_refund_no_0"], listed["out_refund_no_1"]} == {"R1", "R2"}
    _, one = v2_call(sandbox, "/pay/refundquery", base(sandbox) | {"out_refund_no": "R2"})
    assert one["refund_count"] == "1" and one["refund_fee_0"] == "700"


def test_downloadbill(sandbox: PaymentsSandboxHandle) -> None:
    no = new_no()
    assert micropay(sandbox, no, code(), "250")["result_code"] == "SUCCESS"
    today = datetime.now(CHINA).strftime("%Y%m%d")
    response, answer = v2_call(sandbox, "/pay/downloadbill", base(sandbox) | {"bill_date": today})
    assert answer["return_code"] == "FAIL"
    sandbox.sandbox.bills_anytime = True
    try:
        response, _ = v2_call(
            sandbox,
            "/pay/downloadbill",
            base(sandbox) | {"bill_date": today, "bill_type": "SUCCESS"},
        )
    finally:
        sandbox.sandbox.bills_anytime = False
    text = response.content.decode("utf-8")
    assert text.startswith("交易时间,公众账号ID,商户号") and f"`{no}," in text
    assert "总交易单数,应结订单总金额,手续费总金额,订单总金额" in text
