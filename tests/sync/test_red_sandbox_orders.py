"""Orders, receivers, decryption and delivery of the independent sandbox, over raw HTTP."""

from __future__ import annotations

import time
from typing import Any

from red_sandbox_http import Gateway, error_code, gw, red

from sync.red_sandbox import SandboxHandle

__all__ = ["gw", "red"]


def _window(minutes: int = 20, time_type: int = 1, **more: Any) -> dict[str, Any]:
    now = int(time.time())
    return {"startTime": now - minutes * 60, "endTime": now + 60, "timeType": time_type, **more}


def _detail(gw: Gateway, order_id: str) -> dict[str, Any]:
    detail: dict[str, Any] = gw.data("order.getOrderDetail", orderId=order_id)
    return detail


def test_order_list_windows_pages_and_filters(red: SandboxHandle, gw: Gateway) -> None:
    made = red.generate_orders(7)
    data = gw.data("order.getOrderList", pageNo=1, pageSize=5, **_window())
    assert set(data) == {"total", "pageNo", "pageSize", "maxPageNo", "orderList"}
    assert (data["total"], data["pageNo"], data["pageSize"], data["maxPageNo"]) == (7, 1, 5, 2)
    last = gw.data("order.getOrderList", pageNo=2, pageSize=5, **_window())
    assert {o["orderId"] for o in data["orderList"] + last["orderList"]} == set(made)
    summary = data["orderList"][0]
    assert summary["orderStatus"] == 4 and summary["cancelStatus"] == 0
    assert summary["orderAfterSalesStatus"] == 1 and summary["orderType"] == 1
    assert summary["createdTime"] > 10**12  # ms
    assert gw.data("order.getOrderList", orderStatus=6, **_window())["total"] == 0
    assert gw.data("order.getOrderList", orderType=5, **_window())["total"] == 0
    exchange = red.generate_orders(1, order_type=5)
    assert [
        o["orderId"] for o in gw.data("order.getOrderList", orderType=5, **_window())["orderList"]
    ] == exchange


def test_order_list_limits(gw: Gateway) -> None:
    now = int(time.time())
    day = {"startTime": now - 24 * 3600 - 1, "endTime": now, "timeType": 1}
    assert error_code(gw.call("order.getOrderList", **day)) == -1000400
    half_hour = {"startTime": now - 31 * 60, "endTime": now, "timeType": 2}
    assert error_code(gw.call("order.getOrderList", **half_hour)) == -1000400
    assert gw.data("order.getOrderList", **{**half_hour, "startTime": now - 30 * 60})
    assert error_code(gw.call("order.getOrderList", pageNo=101, **_window())) == -1000400
    assert error_code(gw.call("order.getOrderList", pageSize=101, **_window())) == -1000400
    assert error_code(gw.call("order.getOrderList", startTime=now, endTime=now)) == -1000400
    assert gw.data("order.getOrderList", pageNo=100, **_window())["orderList"] == []


def test_update_time_windows_see_changed_orders(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1)[0]
    red.advance_clock(3600)
    red.set_order_status(order_id, 6)
    now = int(time.time()) + 3600
    changed = gw.data("order.getOrderList", startTime=now - 60, endTime=now + 60, timeType=2)
    assert [o["orderId"] for o in changed["orderList"]] == [order_id]
    assert changed["orderList"][0]["orderStatus"] == 6


def test_order_detail_has_the_official_fields(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1)[0]
    detail = _detail(gw, order_id)
    for name in (
        "orderId",
        "orderType",
        "orderStatus",
        "orderAfterSalesStatus",
        "cancelStatus",
        "createdTime",
        "paidTime",
        "updateTime",
        "whcode",
        "openAddressId",
        "skuList",
        "simpleDeliveryOrderList",
        "totalPayAmount",
        "receiverProvinceName",
    ):
        assert name in detail, name
    assert detail["whcode"] == red.warehouse_code
    for absent in ("deliveryMode", "receiverName", "receiverPhone", "receiverAddress"):
        assert absent not in detail  # no order-level pickup/express field, no clear receiver
    for line in detail["skuList"]:
        assert line["deliveryMode"] in (0, 1) and isinstance(line["skuQuantity"], int)
        [entry] = line["skuDetailList"]
        paid = entry["pricePerSku"] - entry["merchantDiscountPerSku"] - entry["redDiscountPerSku"]
        assert entry["paidAmountPerSku"] == paid
        assert line["totalPaidAmount"] == entry["paidAmountPerSku"] * line["skuQuantity"]
    [parcel] = detail["simpleDeliveryOrderList"]
    assert parcel["status"] == 4 and set(parcel["skuIdList"]) == {
        s["skuId"] for s in detail["skuList"]
    }
    assert error_code(gw.call("order.getOrderDetail", orderId="P000")) == -2000101


def test_paid_amount_differs_from_declared_price_somewhere(red: SandboxHandle, gw: Gateway) -> None:
    entries = [
        e
        for o in red.generate_orders(15)
        for line in _detail(gw, o)["skuList"]
        for e in line["skuDetailList"]
    ]
    assert any(e["paidAmountPerSku"] < e["pricePerSku"] for e in entries)


def test_pickup_orders_have_every_line_without_courier(red: SandboxHandle, gw: Gateway) -> None:
    pickups = red.generate_orders(5, pickup_share=1.0)
    parcels = red.generate_orders(5, pickup_share=0.0)
    assert all(line["deliveryMode"] == 1 for o in pickups for line in _detail(gw, o)["skuList"])
    assert all(
        any(line["deliveryMode"] == 0 for line in _detail(gw, o)["skuList"]) for o in parcels
    )


def _receiver(gw: Gateway, order_id: str, address_id: str) -> list[dict[str, Any]]:
    infos: list[dict[str, Any]] = gw.data(
        "order.getOrderReceiverInfo",
        receiverQueries=[{"orderId": order_id, "openAddressId": address_id}],
        isReturn=False,
    )["receiverInfos"]
    return infos


def test_receivers_come_encrypted_and_decrypt_with_a_quota(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1)[0]
    detail = _detail(gw, order_id)
    [info] = _receiver(gw, order_id, detail["openAddressId"])
    clear = red.receiver_plaintext(order_id)
    assert (
        info["matched"] is True and info["receiverProvinceName"] == detail["receiverProvinceName"]
    )
    for field in ("receiverName", "receiverPhone", "receiverAddress"):
        cipher = info[field]
        assert cipher.startswith("#") and cipher.endswith("##") and clear[field] not in cipher
    kinds = {f: info[f].split("#")[3] for f in ("receiverAddress", "receiverName", "receiverPhone")}
    assert kinds == {"receiverAddress": "1", "receiverName": "2", "receiverPhone": "3"}

    base = [{"dataTag": order_id, "encryptedData": info["receiverName"]}]
    masked = gw.data("data.batchDesensitise", baseInfos=base, actionType="1", appUserId="pos")
    assert masked["desensitiseInfoList"][0]["desensitisedData"] == (
        clear["receiverName"][0] + "*" * (len(clear["receiverName"]) - 1)
    )
    red.set_decrypt_quota(1)
    decrypted = gw.data("data.batchDecrypt", baseInfos=base, actionType="2", appUserId="pos")
    entry = decrypted["dataInfoList"][0]
    assert (entry["decryptedData"], entry["errorCode"]) == (clear["receiverName"], 0)
    over = gw.data("data.batchDecrypt", baseInfos=base, actionType="2", appUserId="pos")
    entry = over["dataInfoList"][0]
    assert entry["errorCode"] == -2000701 and entry["decryptedData"] == "" and entry["errorMsg"]
    red.set_decrypt_failing()
    failing = gw.data("data.batchDecrypt", baseInfos=base, actionType="1", appUserId="pos")
    assert failing["dataInfoList"][0]["errorCode"] == -2000702
    assert red.state()["decrypt"] == {"quota": 1, "used": 1, "failing": True}
    red.set_decrypt_failing(False)
    red.set_decrypt_quota(None)
    assert (
        gw.data("data.batchDecrypt", baseInfos=base, actionType="1", appUserId="pos")[
            "dataInfoList"
        ][0]["decryptedData"]
        == clear["receiverName"]
    )


def test_decrypt_checks_its_fields_and_tags(red: SandboxHandle, gw: Gateway) -> None:
    order_id, other = red.generate_orders(2)
    info = _receiver(gw, order_id, _detail(gw, order_id)["openAddressId"])[0]
    wrong_tag = [{"dataTag": other, "encryptedData": info["receiverPhone"]}]
    entry = gw.data("data.batchDecrypt", baseInfos=wrong_tag, actionType="1", appUserId="pos")[
        "dataInfoList"
    ][0]
    assert entry["errorCode"] == -1000400 and entry["decryptedData"] == ""
    good = [{"dataTag": order_id, "encryptedData": info["receiverPhone"]}]
    assert (
        error_code(gw.call("data.batchDecrypt", baseInfos=good, actionType="9", appUserId="pos"))
        == -1000400
    )
    assert error_code(gw.call("data.batchDecrypt", baseInfos=good, actionType="1")) == -1000400
    assert (
        error_code(
            gw.call("data.batchDecrypt", baseInfos=good * 101, actionType="1", appUserId="pos")
        )
        == -1000400
    )


def test_desensitise_masks_phone_address_and_legacy_plain_text(
    red: SandboxHandle, gw: Gateway
) -> None:
    order_id = red.generate_orders(1)[0]
    info = _receiver(gw, order_id, _detail(gw, order_id)["openAddressId"])[0]
    clear = red.receiver_plaintext(order_id)
    base = [
        {"dataTag": order_id, "encryptedData": info[f]}
        for f in ("receiverPhone", "receiverAddress")
    ] + [{"dataTag": order_id, "encryptedData": "+8613812345678"}]
    out = gw.data("data.batchDesensitise", baseInfos=base, actionType="4", appUserId="pos")
    phone, address, legacy = (e["desensitisedData"] for e in out["desensitiseInfoList"])
    assert phone == clear["receiverPhone"][:3] + "****" + clear["receiverPhone"][-4:]
    assert address.startswith("**") and address.endswith("**")
    assert not any(ch.isdigit() for ch in address)
    assert legacy == "+86138****5678"


def test_receiver_only_while_awaiting_shipment_and_for_its_address(
    red: SandboxHandle, gw: Gateway
) -> None:
    order_id = red.generate_orders(1)[0]
    old = _detail(gw, order_id)["openAddressId"]
    new = red.change_address(order_id)
    assert new != old
    assert _receiver(gw, order_id, old) == [{"orderId": order_id, "matched": False}]
    assert _receiver(gw, order_id, new)[0]["matched"] is True
    assert "MODIFIED_ADDR" in _detail(gw, order_id)["orderTagList"]
    red.set_order_status(order_id, 6)
    assert _receiver(gw, order_id, new) == []
    assert (
        error_code(
            gw.call(
                "order.getOrderReceiverInfo",
                receiverQueries=[{"orderId": order_id, "openAddressId": new}],
            )
        )
        == -1000400
    )  # isReturn is required


def test_express_companies_and_a_full_delivery(red: SandboxHandle, gw: Gateway) -> None:
    companies = gw.data("common.getExpressCompanyList")["expressCompanyInfos"]
    codes = {c["expressCompanyCode"] for c in companies}
    assert {"zto", "shunfeng"} <= codes and "selfdelivery" not in codes
    order_id = red.generate_orders(1, pickup_share=0.0)[0]
    answer = gw.call(
        "order.orderDeliver",
        orderId=order_id,
        expressNo="SF1234567890",
        expressCompanyCode="shunfeng",
    )
    assert answer["success"] is True and answer["data"] in (None, {}, "")
    detail = _detail(gw, order_id)
    assert detail["orderStatus"] == 6 and detail["expressTrackingNo"] == "SF1234567890"
    assert detail["simpleDeliveryOrderList"][0]["status"] == 6 and detail["unpack"] is False
    again = gw.call(
        "order.orderDeliver",
        orderId=order_id,
        expressNo="SF1234567890",
        expressCompanyCode="shunfeng",
    )
    assert error_code(again) == -2000202  # already shipped: re-read the status, it is done
    assert red.state()["deliveries"][order_id] == {
        "count": 1,
        "refused": 1,
        "expressNo": "SF1234567890",
        "companyCode": "shunfeng",
    }


def test_delivery_refusals(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1, pickup_share=0.0)[0]
    free_text = gw.call(
        "order.orderDeliver", orderId=order_id, expressNo="1", expressCompanyCode="顺丰"
    )
    assert error_code(free_text) == -2000400
    self_delivery = gw.call(
        "order.orderDeliver",
        orderId=order_id,
        expressNo="到店自提",
        expressCompanyCode="selfdelivery",
    )
    assert error_code(self_delivery) == -2000400  # a line needs a courier
    assert (
        error_code(
            gw.call("order.orderDeliver", orderId="P0", expressNo="1", expressCompanyCode="zto")
        )
        == -2000101
    )
    assert error_code(gw.call("order.orderDeliver", orderId=order_id, expressNo="1")) == -1000400
    assert _detail(gw, order_id)["orderStatus"] == 4


def test_selfdelivery_when_every_line_allows_it(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1, pickup_share=1.0)[0]
    assert (
        gw.call(
            "order.orderDeliver",
            orderId=order_id,
            expressNo="门店自提 取货码 4821",
            expressCompanyCode="selfdelivery",
        )["success"]
        is True
    )
    detail = _detail(gw, order_id)
    assert detail["orderStatus"] == 6 and "NO_LOGISTICS_SHIP" in detail["orderTagList"]


def test_split_shipment_and_express_correction(red: SandboxHandle, gw: Gateway) -> None:
    skus = sorted(red.state(red.warehouse_code)["stock"])[:3]
    order_id = red.generate_orders(1, sku_ids=skus)[0]
    first = gw.call(
        "order.orderDeliver",
        orderId=order_id,
        expressNo="ZT1",
        expressCompanyCode="zto",
        unpack=True,
        skuIdList=skus[:1],
    )
    assert first["success"] is True
    detail = _detail(gw, order_id)
    assert detail["orderStatus"] == 5 and detail["unpack"] is True
    parcels = {p["deliveryOrderIndex"]: p for p in detail["simpleDeliveryOrderList"]}
    assert parcels[0]["status"] == 4 and parcels[0]["skuIdList"] == skus[1:]
    assert parcels[1]["status"] == 6 and parcels[1]["skuIdList"] == skus[:1]
    wrong = gw.call(
        "order.orderDeliver",
        orderId=order_id,
        expressNo="ZT2",
        expressCompanyCode="zto",
        unpack=True,
        skuIdList=skus[:1],
    )
    assert error_code(wrong) == -2000400  # already shipped in the first parcel
    gw.data("order.orderDeliver", orderId=order_id, expressNo="ZT2", expressCompanyCode="zto")
    detail = _detail(gw, order_id)
    assert detail["orderStatus"] == 6
    assert {p["expressTrackingNo"] for p in detail["simpleDeliveryOrderList"]} == {"ZT1", "ZT2"}
    ambiguous = gw.call(
        "order.modifyOrderExpressInfo",
        orderId=order_id,
        expressNo="SF9",
        expressCompanyCode="shunfeng",
    )
    assert error_code(ambiguous) == -2000400
    assert (
        gw.call(
            "order.modifyOrderExpressInfo",
            orderId=order_id,
            expressNo="SF9",
            expressCompanyCode="shunfeng",
            oldExpressNo="ZT1",
        )["success"]
        is True
    )
    numbers = {
        p["deliveryOrderIndex"]: p["expressTrackingNo"]
        for p in _detail(gw, order_id)["simpleDeliveryOrderList"]
    }
    assert numbers == {0: "ZT2", 1: "SF9"}
    assert (
        gw.call(
            "order.modifyOrderExpressInfo",
            orderId=order_id,
            expressNo="YT7",
            expressCompanyCode="yto",
            deliveryOrderIndex=0,
        )["success"]
        is True
    )
    assert (
        error_code(
            gw.call(
                "order.modifyOrderExpressInfo",
                orderId=order_id,
                expressNo="1",
                expressCompanyCode="nope",
                deliveryOrderIndex=0,
            )
        )
        == -2000400
    )


def test_express_correction_needs_a_shipped_order(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1)[0]
    refused = gw.call(
        "order.modifyOrderExpressInfo", orderId=order_id, expressNo="1", expressCompanyCode="zto"
    )
    assert error_code(refused) == -2000202


def test_a_cancel_request_stops_delivery(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1, pickup_share=0.0)[0]
    returns_id = red.request_cancel(order_id)
    detail = _detail(gw, order_id)
    assert detail["cancelStatus"] == 1 and detail["orderAfterSalesStatus"] == 2
    refused = gw.call(
        "order.orderDeliver", orderId=order_id, expressNo="ZT1", expressCompanyCode="zto"
    )
    assert error_code(refused) == -2000203
    assert red.state()["deliveries"][order_id]["refused"] == 1
    red.buyer_withdraws(returns_id)
    assert _detail(gw, order_id)["cancelStatus"] == 0
    assert (
        gw.call("order.orderDeliver", orderId=order_id, expressNo="ZT1", expressCompanyCode="zto")[
            "success"
        ]
        is True
    )


def test_controls_over_http(red: SandboxHandle, gw: Gateway) -> None:
    import requests

    made = requests.post(
        red.base_url + "/_sandbox/orders", json={"count": 2, "pickup_share": 1}, timeout=5
    ).json()["orderIds"]
    assert len(made) == 2
    cancel = requests.post(
        red.base_url + "/_sandbox/cancel-request", json={"orderId": made[0]}, timeout=5
    ).json()
    assert cancel["returnsId"].startswith("R") and _detail(gw, made[0])["cancelStatus"] == 1
    requests.post(
        red.base_url + "/_sandbox/order-status", json={"orderId": made[1], "status": 7}, timeout=5
    ).raise_for_status()
    assert red.state()["orders"][made[1]]["orderStatus"] == 7
    address = requests.post(
        red.base_url + "/_sandbox/address", json={"orderId": made[1]}, timeout=5
    ).json()["openAddressId"]
    assert _detail(gw, made[1])["openAddressId"] == address
    bad = requests.post(red.base_url + "/_sandbox/order-status", json={"orderId": "x"}, timeout=5)
    assert bad.status_code == 400


def test_update_windows_are_safe_read_from_the_last_page(red: SandboxHandle, gw: Gateway) -> None:
    # 订单列表 spec: timeType 2 "倒序拉取 最后一页到第一页". An order updated while a window is
    # read leaves it (its new update time is later); reading forwards then skips an order that
    # did not change, reading from maxPageNo back to page 1 does not.
    orders = red.generate_orders(6)
    now = int(time.time())
    window = {"startTime": now - 600, "endTime": now, "timeType": 2, "pageSize": 2}

    def page(page_no: int) -> list[str]:
        listed = gw.data("order.getOrderList", pageNo=page_no, **window)["orderList"]
        return [o["orderId"] for o in listed]

    red.advance_clock(2)
    forwards = page(1)
    red.set_order_status(forwards[0], 4)  # updated after the window's end
    forwards += page(2) + page(3)
    unchanged = set(orders) - {forwards[0]}
    assert not unchanged <= set(forwards)  # one unchanged order was skipped

    window["startTime"], window["endTime"] = now - 600, now + 1
    last = gw.data("order.getOrderList", pageNo=1, **window)["maxPageNo"]
    backwards = page(last)
    red.advance_clock(2)
    earliest = page(1)[0]
    red.set_order_status(earliest, 4)
    for page_no in range(last - 1, 0, -1):
        backwards += page(page_no)
    assert set(orders) - {earliest, forwards[0]} <= set(backwards)
