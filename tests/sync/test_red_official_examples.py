"""The official documents' example values, put together as the answers they describe and
replayed through the real client and connector over loopback.

Each body below is made of the ``example`` values of the method's JSON spec (the public crawl
``docs/小红书官方文档/api/...``), wrapped in the envelope its page documents. Where the spec gives
no example, the field is left out, as an answer may.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from replay import Recorded

from sync.connector import (
    AfterSaleKind,
    AfterSaleState,
    DecryptPurpose,
    FulfilmentKind,
    OAuthTokens,
    OrderCursor,
    OrderStatus,
)
from sync.errors import PlatformError
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer

# 订单API/order_getOrderDetail_订单详情.json (OrderDetailV3 and its parts).
ORDER_DETAIL = {
    "orderId": "P321***4012", "orderType": 1, "orderStatus": 1, "orderAfterSalesStatus": 1,
    "cancelStatus": 1, "createdTime": 1612518379000, "paidTime": 1612518379000,
    "updateTime": 1612518379000, "deliveryTime": 1612518379000, "cancelTime": 1612518379000,
    "finishTime": 1612518379000, "promiseLastDeliveryTime": 1612518379000,
    "planInfoId": "601a***fb49", "planInfoName": "不包邮-默认模板",
    "receiverCountryName": "中国", "receiverProvinceName": "江苏", "receiverCityName": "苏州",
    "receiverDistrictName": "相城区", "customerRemark": "请尽快送达", "sellerRemark": "请尽快送达",
    "sellerRemarkFlag": 1,
    "skuList": [{
        "skuId": "603c****0b0a", "skuName": "商品1号", "skuQuantity": 1,
        "skuDetailList": [{
            "skuId": "690***466", "barcode": "690***466", "scSkuCode": "620***301",
            "quantity": 100, "registerName": "商品1号", "skuName": "商品1号", "pricePerSku": 100,
            "taxPerSku": 10, "paidAmountPerSku": 100, "depositAmountPerSku": 30,
            "merchantDiscountPerSku": 10, "redDiscountPerSku": 5, "rawPricePerSku": 115,
        }],
        "totalPaidAmount": 115, "totalMerchantDiscount": 10, "totalRedDiscount": 5,
        "totalTaxAmount": 10, "totalNetWeight": 2000, "skuTag": 1, "isChannel": False,
        "deliveryMode": 1, "kolId": "112321", "kolName": "达人a", "skuAfterSaleStatus": 1,
    }],
    "totalNetWeightAmount": 2000, "totalPayAmount": 10000, "totalShippingFree": 1000,
    "unpack": True, "expressTrackingNo": "1021***1412", "expressCompanyCode": "shunfeng",
    "simpleDeliveryOrderList": [{"status": 1, "skuIdList": ["603c****0b0a"]}],
    "logistics": "red_express", "totalDepositAmount": 10000, "totalMerchantDiscount": 1000,
    "totalRedDiscount": 1000, "merchantActualReceiveAmount": 1000,
    "totalChangePriceAmount": 1000, "paymentType": 1, "shopId": "shopabc",
    "shopName": "xx的店面", "whcode": "testWhCode", "userId": "12345", "logisticsMode": 1,
    "customsCode": "YIWU",
}  # fmt: skip

# 库存API/inventory_syncSkuStockV2_同步库存V2.json: the newer gateway's {code, msg} envelope.
SYNC_STOCK_V2 = {
    "success": True, "code": 0, "msg": "",
    "data": {
        "response": {"success": True, "msg": "", "code": 0},
        "apiVersion": "V1",
        "skuStockInfo": {"skuId": "670517bc29b37600015127d1", "skuStockInfo": {
            "available": 170, "reserved": 0, "standalone": 0, "total": 200,
            "occupiedQuantity": 30, "productChannelQuantity": 0,
            "productChannelOccupiedQuantity": 0, "activityChannelQuantity": 0,
            "activityChannelOccupiedQuantity": 0}},
    },
}  # fmt: skip


@pytest.fixture
def store(recorded: tuple[Recorded, str]) -> Iterator[RedOnlineStore]:
    with RedClient(
        recorded[1], "21d6***748be8de0", "429a***a3aee9ef9e4a858210",
        retry=RetryPolicy(attempts=1), rng=random.Random(1),
    ) as client:  # fmt: skip
        far = datetime.now(UTC) + timedelta(days=5)
        tokens = MemoryTokenStore(OAuthTokens("tok", far, "ref", far + timedelta(days=7)))
        authorizer = RedAuthorizer(client, tokens, redirect_uri="http://x/")
        yield RedOnlineStore(client, authorizer, warehouse_code="testWhCode")


def test_order_detail_example(recorded: tuple[Recorded, str], store: RedOnlineStore) -> None:
    recorded[0].ok(ORDER_DETAIL)
    order = store.order_detail("P321***4012")
    assert order.status is OrderStatus.AWAITING_PAYMENT and order.cancel_requested
    assert order.warehouse_code == "testWhCode" and order.paid_fen == 10000
    (line,) = order.lines
    # What the customer paid per unit, not the declared price before tax (equal here: 100).
    assert (line.sku_id, line.quantity, line.unit_price_fen) == ("690***466", 100, 100)
    assert line.line_sku_id == "603c****0b0a" and line.no_courier and order.no_courier
    assert order.fulfilment is FulfilmentKind.PICKUP  # every line may go without a courier
    (parcel,) = order.parcels
    assert parcel.sku_ids == ("603c****0b0a",) and parcel.status is OrderStatus.AWAITING_PAYMENT
    assert order.reshipment_of == ""  # orderType 1, not an exchange's re-shipment
    paid = dict(ORDER_DETAIL)
    paid["skuList"] = [
        {
            **ORDER_DETAIL["skuList"][0],
            "skuDetailList": [  # type: ignore[index]
                {"skuId": "690***466", "quantity": 2, "pricePerSku": 100, "paidAmountPerSku": 85}
            ],
        }
    ]
    recorded[0].ok(paid)
    assert store.order_detail("P321***4012").lines[0].unit_price_fen == 85


def test_a_cancel_request_stops_the_delivery(
    recorded: tuple[Recorded, str], store: RedOnlineStore
) -> None:
    recorded[0].ok({**ORDER_DETAIL, "orderStatus": 4})
    with pytest.raises(PlatformError, match="the buyer asked to cancel"):
        store.deliver("P321***4012", "1074****2048", "zto")
    assert [body["method"] for body in recorded[0].received] == ["order.getOrderDetail"]


def test_sync_stock_v2_example(recorded: tuple[Recorded, str], store: RedOnlineStore) -> None:
    recorded[0].add(SYNC_STOCK_V2)
    (result,) = store.set_stock({"670517bc29b37600015127d1": 200})
    assert result.ok
    refused = {
        **SYNC_STOCK_V2,
        "data": {
            **SYNC_STOCK_V2["data"],  # type: ignore[dict-item]
            "response": {"success": False, "msg": "总库存不能小于0", "code": -5009202},
        },
    }
    recorded[0].add(refused)
    (result,) = store.set_stock({"670517bc29b37600015127d1": 200})
    assert not result.ok and "总库存不能小于0" in result.error
    sent = recorded[0].received[-1]
    assert sent["qtyWithWhcode"] == {"testWhCode": 200} and sent["timestamp"].isdigit()


# --- the official example answers of the methods the after-sales, receivers, couriers and
# warehouses use, read from tests/sync/official_examples/ (placeholders such as "" ids and the
# spec's 1.0 filled with values of the documented type, the rest as printed) -----------------

EXAMPLES = Path(__file__).parent / "official_examples"
T_MS = 1_733_390_000_000


def example(method: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((EXAMPLES / f"{method}.json").read_text("utf-8"))["response"]
    return body


def test_after_sale_list_example(recorded: tuple[Recorded, str], store: RedOnlineStore) -> None:
    body = example("afterSale.listAfterSaleInfos")
    (info,) = body["data"]["afterSaleBasicInfos"]
    info.update(returnsId="R123", orderId="P321", applyTime=T_MS, updatedAt=T_MS + 1000,
                expectedRefundAmountYuan=12.5)  # fmt: skip
    recorded[0].add(body)
    now = datetime.fromtimestamp(T_MS / 1000, UTC)
    page = store.after_sales_since(OrderCursor(start=now, end=now + timedelta(minutes=5)))
    (item,) = page.items
    assert (item.returns_id, item.order_id, item.refund_fen) == ("R123", "P321", 1250)
    assert item.kind is AfterSaleKind.RETURN and item.state is AfterSaleState.AWAITING_REVIEW
    assert page.total == 1 and page.next_cursor is None
    sent = recorded[0].received[-1]
    assert sent["method"] == "afterSale.listAfterSaleInfos" and sent["timeType"] == 2
    assert sent["startTime"] == T_MS and sent["pageNo"] == 1  # milliseconds


def test_after_sale_detail_example(recorded: tuple[Recorded, str], store: RedOnlineStore) -> None:
    body = example("afterSale.getAfterSaleInfo")
    info = body["data"]["afterSaleInfo"]
    info.update(returnsId="R123", orderId="P321", applyTime=T_MS, updatedAt=T_MS, status=3)
    info["skus"][0].update(skuId="603c0b0a", appliedCount=2)
    info["exchangeSKUs"][0].update(skuId="603c0b0b", appliedCount=2)
    recorded[0].add(body)
    item = store.after_sale("R123")
    assert item.state is AfterSaleState.AWAITING_RECEIPT
    assert [(line.sku_id, line.quantity) for line in item.lines] == [("603c0b0a", 2)]
    assert [(line.sku_id, line.quantity) for line in item.exchange_lines] == [("603c0b0b", 2)]


def test_receiver_examples_are_kept_sealed_masked_and_revealed(
    recorded: tuple[Recorded, str], store: RedOnlineStore
) -> None:
    masked, clear = example("data.batchDesensitise"), example("data.batchDecrypt")
    sealed = masked["data"]["desensitiseInfoList"][0]["encryptedData"]
    receiver = example("order.getOrderReceiverInfo")
    receiver["data"]["receiverInfos"][0].update(
        orderId="P132***4125", receiverName=sealed, receiverPhone="", receiverAddress=""
    )
    detail = {**ORDER_DETAIL, "orderId": "P132***4125", "orderStatus": 4,
              "openAddressId": "addr-1"}  # fmt: skip
    recorded[0].ok(detail)
    recorded[0].add(receiver)
    recorded[0].add(masked)
    order = store.order_detail("P132***4125")
    assert order.receiver.name_sealed == sealed and order.receiver.name_masked == "王**"
    assert order.receiver.region == "浙江杭州市西湖区"
    assert "王小二" not in repr(order)
    recorded[0].add(clear)
    assert store.reveal_receiver("P132***4125", order.receiver, DecryptPurpose.LABEL, who="7") == {
        "name": "王小二"
    }
    sent = recorded[0].received[-1]
    assert sent["actionType"] == "2" and sent["baseInfos"] == [
        {"dataTag": "P132***4125", "encryptedData": sealed}
    ]


def test_courier_and_warehouse_list_examples(
    recorded: tuple[Recorded, str], store: RedOnlineStore
) -> None:
    recorded[0].add(example("common.getExpressCompanyList"))
    (courier,) = store.express_companies()
    assert (courier.code, courier.name, courier.comment) == (
        "zto",
        "中通速递",
        "该快递可做一单到底",
    )
    recorded[0].add(example("warehouse.list"))
    assert store.warehouse_codes() == ["test_01"]
