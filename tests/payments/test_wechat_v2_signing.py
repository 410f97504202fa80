"""WeChat Pay APIv2 key signatures against the docs' own example (安全规范, 签名算法):
appid wxd930ea5d5a258f4f, mch_id 10000100, device_info 1000, body test, nonce_str
ibuaiVcKdpRxkhJA, key 192006250b4c09247ec02edce69f6a2d → MD5 9A0A8659F005D6984697E2CA0A9CF3B7,
HMAC-SHA256 6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6."""

from __future__ import annotations

import pytest

from payments.wechat.v2_signing import (
    HMAC_SHA256,
    MD5,
    from_xml,
    sign,
    signature_holds,
    string_to_sign,
    to_xml,
)

KEY = "192006250b4c09247ec02edce69f6a2d"
DOC = {
    "appid": "wxd930ea5d5a258f4f",
    "mch_id": "10000100",
    "device_info": "1000",
    "body": "test",
    "nonce_str": "ibuaiVcKdpRxkhJA",
}


def test_the_documented_example() -> None:
    assert string_to_sign(DOC, KEY) == (
        "appid=wxd930ea5d5a258f4f&body=test&device_info=1000&mch_id=10000100"
        "&nonce_str=ibuaiVcKdpRxkhJA&key=192006250b4c09247ec02edce69f6a2d"
    )
    assert sign(DOC, KEY, MD5) == "9A0A8659F005D6984697E2CA0A9CF3B7"
    assert sign(DOC, KEY, HMAC_SHA256) == (
        "6A9AE1657590FD6257D693A078E1C3E4BB6BA4DC30B23E0EE2496E54170DACD6"
    )


def test_an_answer_holds_only_unchanged_and_with_the_right_key() -> None:
    answer = {**DOC, "sign": "9A0A8659F005D6984697E2CA0A9CF3B7", "empty": ""}
    assert signature_holds(answer, KEY, MD5)  # empty values do not take part
    assert not signature_holds({**answer, "body": "test2"}, KEY, MD5)
    assert not signature_holds(answer, KEY[:-1] + "e", MD5)
    assert not signature_holds({**DOC}, KEY, MD5)  # no sign at all


def test_xml_both_ways_and_no_entities() -> None:
    params = {"return_code": "SUCCESS", "body": "REDHOME 上海静安店 消费 <&>"}
    assert from_xml(to_xml(params).encode()) == params
    with pytest.raises(ValueError):
        from_xml(b'<!DOCTYPE x [<!ENTITY a "b">]><xml><a>&a;</a></xml>')
    for broken in (b"<html>502</html>", b"<xml><a>", b"not xml"):
        with pytest.raises(ValueError):
            from_xml(broken)
    with pytest.raises(ValueError):
        to_xml({"body": "a]]>b"})
