"""Alipay RSA2: the string to sign is built exactly as Alipay's "自行实现签名" document shows,
and an answer's signature covers the raw ``…_response`` text as it came over the wire.

Vector: the document's request example (app_id 2014072300007148, method
alipay.mobile.public.menu.add, charset GBK, timestamp 2014-07-24 03:07:50) and the string to
sign it gives. Alipay publishes no key pair with a worked signature; the SHA256-with-RSA step
itself is the one checked against the WeChat Pay documents' published vectors.
"""

from __future__ import annotations

import pytest
from alipay_gateway import alipay_key, rsa2

from payments.alipay.signing import sign_content, top_level_members, verify

MENU = (
    '{"button":[{"actionParam":"ZFB_HFCZ","actionType":"out","name":"话费充值"},'
    '{"name":"查询","subButton":[{"actionParam":"ZFB_YECX","actionType":"out","name":"余额查询"},'
    '{"actionParam":"ZFB_LLCX","actionType":"out","name":"流量查询"},'
    '{"actionParam":"ZFB_HFCX","actionType":"out","name":"话费查询"}]},'
    '{"actionParam":"http://m.alipay.com","actionType":"link","name":"最新优惠"}]}'
)
DOC_REQUEST = {
    "app_id": "2014072300007148",
    "method": "alipay.mobile.public.menu.add",
    "charset": "GBK",
    "sign_type": "RSA2",
    "timestamp": "2014-07-24 03:07:50",
    "biz_content": MENU,
    "sign": "e9zEAe4TTQ4LPLQvETPoLGXTiURcxiAKfMVQ6Hrrsx2hmyIEGvSfAQzbLxHrhyZ48wOJXTsD4FPnt+YGdK57+"
    "fP1BCbf9rIVycfjhYCqlFhbTu9pFnZgT55W+xbAFb9y7vL0MyAxwXUXvZtQVqEwW7pURtKilbcBTEW7TAxzgro=",
    "version": "1.0",
}
DOC_STRING_TO_SIGN = (
    "app_id=2014072300007148&biz_content=" + MENU + "&charset=GBK"
    "&method=alipay.mobile.public.menu.add&sign_type=RSA2&timestamp=2014-07-24 03:07:50&version=1.0"
)


def test_string_to_sign_matches_the_document() -> None:
    assert sign_content(DOC_REQUEST) == DOC_STRING_TO_SIGN


def test_empty_values_are_left_out_of_the_string_to_sign() -> None:
    assert sign_content({"b": "2", "a": "1", "notify_url": "", "sign": "x"}) == "a=1&b=2"


ANSWER = (
    '{"alipay_trade_pay_response":{"code":"10000","msg":"Success","trade_no":"2013112011001004330000121536",'
    '"out_trade_no":"6823789339978248","buyer_logon_id":"159****5620","total_amount":"88.88",'
    '"receipt_amount":"8.88","gmt_payment":"2014-11-27 15:45:57","store_name":"证大五道口店",'
    '"buyer_user_id":"2088101117955611","fund_bill_list":[{"fund_channel":"ALIPAYACCOUNT",'
    '"amount":"10"}]},"sign":"SIGN"}'
)


def test_members_are_cut_out_raw_as_they_came() -> None:
    members = top_level_members(ANSWER)
    assert members["alipay_trade_pay_response"].startswith('{"code":"10000"')
    assert members["alipay_trade_pay_response"].endswith('"amount":"10"}]}')
    assert members["sign"] == '"SIGN"'
    spaced = '{ "a_response" : {"x": "\\u4e2d\\/"} ,\n "sign":"s" }'
    assert top_level_members(spaced)["a_response"] == '{"x": "\\u4e2d\\/"}'
    for broken in ("[]", '{"a":1', '{"a":1} trailing', '{"a" 1}', "<html>502</html>"):
        with pytest.raises(ValueError):
            top_level_members(broken)


def test_the_signature_covers_the_raw_member_and_nothing_else() -> None:
    member = top_level_members(ANSWER)["alipay_trade_pay_response"]
    signature = rsa2(member.encode(), alipay_key())
    public = alipay_key().public_key()
    assert verify(public, member, signature)
    assert not verify(public, member.replace("88.88", "98.88"), signature)
    assert not verify(public, member + " ", signature)
    assert not verify(public, member, "not base64 at all!")
    assert not verify(public, member, "")
