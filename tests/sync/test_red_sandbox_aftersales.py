"""After-sales of the independent sandbox: returns, refunds and exchanges, over raw HTTP."""

from __future__ import annotations

import time
from typing import Any

import requests
from red_sandbox_http import Gateway, error_code, gw, red

from sync.red_sandbox import SandboxHandle

__all__ = ["gw", "red"]


def _shipped(red: SandboxHandle, gw: Gateway, **kw: Any) -> str:
    order_id = red.generate_orders(1, pickup_share=0.0, **kw)[0]
    gw.data("order.orderDeliver", orderId=order_id, expressNo="ZT100", expressCompanyCode="zto")
    return order_id


def _info(gw: Gateway, returns_id: str) -> dict[str, Any]:
    answer = gw.call("afterSale.getAfterSaleInfo", returnsId=returns_id, needNegotiateRecord=True)
    assert set(answer) == {"success", "code", "msg", "data"} and answer["success"] is True
    data: dict[str, Any] = answer["data"]
    return data


def _order(gw: Gateway, order_id: str) -> dict[str, Any]:
    detail: dict[str, Any] = gw.data("order.getOrderDetail", orderId=order_id)
    return detail


def _sent_back(red: SandboxHandle, gw: Gateway, returns_id: str) -> None:
    """The merchant agrees to take the goods back and the buyer sends them."""
    gw.data(
        "afterSale.auditReturns",
        returnsId=returns_id,
        action=2,
        receiverInfo={"sellerAddressRecordId": 1},
    )
    red.buyer_ships_return(returns_id)


def _ms_window(minutes: int = 20, time_type: int = 1) -> dict[str, Any]:
    now = int(time.time() * 1000)
    return {"startTime": now - minutes * 60_000, "endTime": now + 60_000, "timeType": time_type}


def test_list_after_sales_by_window_and_order(red: SandboxHandle, gw: Gateway) -> None:
    order_id = _shipped(red, gw)
    returns_id = red.create_after_sale(order_id, 1)
    answer = gw.call("afterSale.listAfterSaleInfos", pageNo=1, pageSize=10, **_ms_window())
    assert set(answer) == {"success", "code", "msg", "data"} and answer["code"] == 0
    data = answer["data"]
    assert set(data) == {"afterSaleBasicInfos", "totalCount", "pageNo", "pageSize"}
    [basic] = data["afterSaleBasicInfos"]
    assert (basic["returnsId"], basic["orderId"], basic["returnType"], basic["status"]) == (
        returns_id,
        order_id,
        1,
        1,
    )
    assert basic["applyTime"] > 10**12 and isinstance(basic["expectedRefundAmountYuan"], float)
    by_order = gw.data("afterSale.listAfterSaleInfos", pageNo=1, pageSize=10, orderId=order_id)
    assert by_order["totalCount"] == 1
    filtered = gw.data(
        "afterSale.listAfterSaleInfos", pageNo=1, pageSize=10, statuses=[4], **_ms_window()
    )
    assert filtered["totalCount"] == 0
    typed = gw.data(
        "afterSale.listAfterSaleInfos", pageNo=1, pageSize=10, returnTypes=[1, 2], **_ms_window()
    )
    assert typed["totalCount"] == 1


def test_list_after_sales_limits(gw: Gateway) -> None:
    assert error_code(gw.call("afterSale.listAfterSaleInfos", pageNo=1, pageSize=10)) == -1000400
    assert error_code(gw.call("afterSale.listAfterSaleInfos", pageSize=10, **_ms_window())) == (
        -1000400
    )
    now = int(time.time() * 1000)
    day = {"startTime": now - 24 * 3600_000 - 1, "endTime": now, "timeType": 1}
    assert error_code(gw.call("afterSale.listAfterSaleInfos", pageNo=1, pageSize=10, **day)) == (
        -1000400
    )
    half = {"startTime": now - 31 * 60_000, "endTime": now, "timeType": 2}
    assert error_code(gw.call("afterSale.listAfterSaleInfos", pageNo=1, pageSize=10, **half)) == (
        -1000400
    )
    too_far = gw.call("afterSale.listAfterSaleInfos", pageNo=501, pageSize=100, **_ms_window())
    assert error_code(too_far) == -1000400  # pageNo * pageSize <= 50,000
    seconds = {"startTime": now // 1000 - 60, "endTime": now // 1000, "timeType": 1}
    assert (
        gw.data("afterSale.listAfterSaleInfos", pageNo=1, pageSize=10, **seconds)["totalCount"] == 0
    )  # times are ms: a window in seconds finds nothing of today


def test_a_return_reviewed_sent_back_and_received_is_refunded(
    red: SandboxHandle, gw: Gateway
) -> None:
    order_id = _shipped(red, gw)
    returns_id = red.create_after_sale(order_id, 1)
    assert _order(gw, order_id)["orderAfterSalesStatus"] == 2
    refund_only = gw.call("afterSale.auditReturns", returnsId=returns_id, action=1)
    assert error_code(refund_only) == -1000400  # action 1 is for refunds only
    no_address = gw.call("afterSale.auditReturns", returnsId=returns_id, action=2)
    assert error_code(no_address) == -1000400
    agreed = gw.call(
        "afterSale.auditReturns",
        returnsId=returns_id,
        action=2,
        receiverInfo={"sellerAddressRecordId": 123},
    )
    assert agreed == {"success": True, "error_code": 0, "error_msg": "", "data": ""}
    assert _info(gw, returns_id)["afterSaleInfo"]["status"] == 2
    early = gw.call("afterSale.confirmReceive", returnsId=returns_id, action=1)
    assert error_code(early) == -2000202  # the goods are not on their way yet
    red.buyer_ships_return(returns_id)
    info = _info(gw, returns_id)
    assert info["afterSaleInfo"]["status"] == 3 and info["logisticsInfo"]["afterSale"]["expressNo"]
    assert gw.data("afterSale.confirmReceive", returnsId=returns_id, action=1) == ""
    info = _info(gw, returns_id)["afterSaleInfo"]
    assert (info["status"], info["refundStatus"], info["expireTime"]) == (4, 2, -1)
    assert info["refundAmountYuan"] == info["expectedRefundAmountYuan"] > 0
    detail = _order(gw, order_id)
    assert detail["orderAfterSalesStatus"] == 3
    assert {line["skuAfterSaleStatus"] for line in detail["skuList"]} == {3}
    records = _info(gw, returns_id)["negotiateRecords"]
    assert [r["operatorRoleName"] for r in records][:1] == ["买家"] and len(records) >= 4


def test_receipt_refused_needs_a_reason_of_the_list(red: SandboxHandle, gw: Gateway) -> None:
    order_id = _shipped(red, gw)
    returns_id = red.create_after_sale(order_id, 1)
    _sent_back(red, gw, returns_id)
    reasons = gw.call("afterSale.rejectReasons", returnsId=returns_id, rejectReasonType=2)
    assert set(reasons) == {"success", "code", "msg", "data"}
    listed = reasons["data"]["rejectReasons"]
    assert {r["reasonType"] for r in listed} == {1} and all(r["reasonName"] for r in listed)
    assert (
        error_code(gw.call("afterSale.confirmReceive", returnsId=returns_id, action=2, reason=999))
        == -1000400
    )
    other = next(r["reasonId"] for r in listed if r["reasonName"] == "其他")
    assert (
        error_code(
            gw.call("afterSale.confirmReceive", returnsId=returns_id, action=2, reason=other)
        )
        == -1000400
    )  # 其他 needs a description
    before = _info(gw, returns_id)["afterSaleInfo"]
    gw.data("afterSale.confirmReceive", returnsId=returns_id, action=3)  # extend first
    assert _info(gw, returns_id)["afterSaleInfo"]["expireTime"] > before["expireTime"]
    reason = listed[0]["reasonId"]
    gw.data("afterSale.confirmReceive", returnsId=returns_id, action=2, reason=reason)
    info = _info(gw, returns_id)["afterSaleInfo"]
    assert info["status"] == 9001 and info["closeReasonZh"] == listed[0]["reasonName"]
    assert _order(gw, order_id)["orderAfterSalesStatus"] == 4


def test_refund_after_shipment_agreed_directly(red: SandboxHandle, gw: Gateway) -> None:
    order_id = _shipped(red, gw)
    returns_id = red.create_after_sale(order_id, 4)
    assert (
        error_code(
            gw.call(
                "afterSale.auditReturns",
                returnsId=returns_id,
                action=2,
                receiverInfo={"sellerAddressRecordId": 1},
            )
        )
        == -1000400
    )
    gw.data("afterSale.auditReturns", returnsId=returns_id, action=1)
    info = _info(gw, returns_id)["afterSaleInfo"]
    assert (info["status"], info["cargoStatus"]) == (4, 2)
    assert _order(gw, order_id)["orderStatus"] == 6  # the order itself stays shipped


def test_refund_before_shipment_cancels_the_order_and_frees_stock(
    red: SandboxHandle, gw: Gateway
) -> None:
    sku = sorted(red.state(red.warehouse_code)["stock"])[0]
    gw.data("inventory.syncSkuStockV2", skuId=sku, qtyWithWhcode={red.warehouse_code: 20})
    order_id = red.generate_orders(1, sku_ids=[sku])[0]
    held = red.state()["stock"][sku][red.warehouse_code]
    assert held < 20
    returns_id = red.create_after_sale(order_id, 5)
    assert _order(gw, order_id)["cancelStatus"] == 1
    gw.data("afterSale.auditReturns", returnsId=returns_id, action=1)
    detail = _order(gw, order_id)
    assert (detail["orderStatus"], detail["cancelStatus"], detail["orderAfterSalesStatus"]) == (
        9,
        0,
        3,
    )
    assert detail["cancelTime"] > 0
    assert red.state()["stock"][sku][red.warehouse_code] == 20
    info = _info(gw, returns_id)["afterSaleInfo"]
    assert info["refundAmountYuan"] == round(detail["totalPayAmount"] / 100, 2)


def test_a_refused_cancel_lets_the_order_ship(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1, pickup_share=0.0)[0]
    returns_id = red.request_cancel(order_id)
    reasons = gw.data("afterSale.rejectReasons", returnsId=returns_id, rejectReasonType=1)
    reason = reasons["rejectReasons"][0]
    assert reason["reasonType"] == 0
    gw.data("afterSale.auditReturns", returnsId=returns_id, action=3, reason=reason["reasonId"])
    detail = _order(gw, order_id)
    assert (detail["cancelStatus"], detail["orderAfterSalesStatus"], detail["orderStatus"]) == (
        0,
        4,
        4,
    )
    assert _info(gw, returns_id)["afterSaleInfo"]["status"] == 9
    assert (
        gw.call("order.orderDeliver", orderId=order_id, expressNo="ZT1", expressCompanyCode="zto")[
            "success"
        ]
        is True
    )
    again = gw.call("afterSale.auditReturns", returnsId=returns_id, action=1)
    assert error_code(again) == -2000202


def test_the_platform_may_refund_a_cancel_on_its_own(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1)[0]
    returns_id = red.request_cancel(order_id)
    red.fast_refund(returns_id)
    assert _order(gw, order_id)["orderStatus"] == 9


def test_an_exchange_received_and_shipped(red: SandboxHandle, gw: Gateway) -> None:
    order_id = _shipped(red, gw)
    returns_id = red.create_after_sale(order_id, 2)
    info = _info(gw, returns_id)["afterSaleInfo"]
    assert info["exchangeSKUs"] and info["expectedRefundAmountYuan"] == 0
    gw.data(
        "afterSale.auditReturns",
        returnsId=returns_id,
        action=2,
        receiverInfo={"sellerAddressRecordId": 1},
    )
    early = gw.call(
        "afterSale.receiveAndShip", returnsId=returns_id, expressCompanyCode="zto", expressNo="ZT9"
    )
    assert error_code(early) == -2000202
    red.buyer_ships_return(returns_id)
    free_text = gw.call(
        "afterSale.receiveAndShip", returnsId=returns_id, expressCompanyCode="中通", expressNo="ZT9"
    )
    assert error_code(free_text) == -1000400
    answer = gw.call(
        "afterSale.receiveAndShip", returnsId=returns_id, expressCompanyCode="zto", expressNo="ZT9"
    )
    assert answer["success"] is True and set(answer) == {
        "success",
        "error_code",
        "error_msg",
        "data",
    }
    info = _info(gw, returns_id)
    assert info["afterSaleInfo"]["status"] == 13
    assert info["logisticsInfo"]["exchange"]["expressNo"] == "ZT9"
    red.buyer_confirms_exchange(returns_id)
    assert _info(gw, returns_id)["afterSaleInfo"]["status"] == 4


def test_exchange_may_be_received_first_then_shipped(red: SandboxHandle, gw: Gateway) -> None:
    order_id = _shipped(red, gw)
    returns_id = red.create_after_sale(order_id, 2)
    _sent_back(red, gw, returns_id)
    gw.data("afterSale.confirmReceive", returnsId=returns_id, action=1)
    assert _info(gw, returns_id)["afterSaleInfo"]["status"] == 12
    gw.call(
        "afterSale.receiveAndShip",
        returnsId=returns_id,
        expressCompanyCode="shunfeng",
        expressNo="SF1",
    )
    assert _info(gw, returns_id)["afterSaleInfo"]["status"] == 13


def test_returns_apply_only_to_the_right_orders(red: SandboxHandle, gw: Gateway) -> None:
    unshipped = red.generate_orders(1)[0]
    shipped = _shipped(red, gw)
    for order_id, kind in ((unshipped, 1), (unshipped, 2), (unshipped, 4), (shipped, 5)):
        try:
            red.create_after_sale(order_id, kind)
        except ValueError:
            continue
        raise AssertionError(f"{kind} accepted on {order_id}")
    red.create_after_sale(shipped, 1)
    try:
        red.create_after_sale(shipped, 4)
    except ValueError:
        pass
    else:
        raise AssertionError("two open after-sales on one order")
    assert error_code(gw.call("afterSale.getAfterSaleInfo", returnsId="R0")) == -1000400


def test_buyer_withdraws_and_controls_over_http(red: SandboxHandle, gw: Gateway) -> None:
    order_id = _shipped(red, gw)
    base = red.base_url + "/_sandbox/after-sales"
    made = requests.post(base, json={"orderId": order_id, "returnType": 1}, timeout=5).json()
    returns_id = made["returnsId"]
    gw.data(
        "afterSale.auditReturns",
        returnsId=returns_id,
        action=2,
        receiverInfo={"sellerAddressRecordId": 1},
    )
    requests.post(base + "/ship-back", json={"returnsId": returns_id}, timeout=5).raise_for_status()
    assert red.state()["after_sales"][returns_id]["status"] == 3
    requests.post(base + "/withdraw", json={"returnsId": returns_id}, timeout=5).raise_for_status()
    assert red.state()["after_sales"][returns_id]["status"] == 5
    assert _order(gw, order_id)["orderAfterSalesStatus"] == 7
    refused = requests.post(base + "/withdraw", json={"returnsId": returns_id}, timeout=5)
    assert refused.status_code == 400
    bad = requests.post(base, json={"orderId": order_id, "returnType": 3}, timeout=5)
    assert bad.status_code == 400
