"""Contract tests: the official specs' example bodies replayed against the independent sandbox.

Each file in ``official_examples/`` holds one method's example request and example answer from
the platform's documents (``source`` says which). A request example must be ACCEPTED as it is
printed (masked ids swapped for the sandbox's own where an id must exist); the sandbox's answer
must have the documented shape: the envelope of the method's gateway, no field the spec does
not list, every listed field (bar the ``not_served`` ones, each with its reason) present, and
each value of the type the spec declares.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from red_sandbox_http import Gateway, gw, md5_sign, plain, red

from sync.red_sandbox import SandboxHandle, privacy

__all__ = ["gw", "plain", "red"]

EXAMPLES = Path(__file__).parent / "official_examples"
OLD = {"success", "error_code", "error_msg", "data"}
NEW = {"success", "code", "msg", "data"}


def example(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((EXAMPLES / f"{name}.json").read_text("utf-8"))
    assert loaded["source"].startswith("docs/小红书官方文档/")
    return loaded


def same_shape(
    documented: Any, ours: Any, path: str, not_served: dict[str, str], maps: frozenset[str]
) -> None:
    """``ours`` has the documented shape: keys, nesting and JSON types."""
    if path in maps:  # keys are data (warehouse codes): every value has the documented shape
        assert isinstance(ours, dict) and ours, f"{path}: {ours!r} is not a map"
        for key, value in ours.items():
            same_shape(next(iter(documented.values())), value, f"{path}[{key}]", not_served, maps)
    elif isinstance(documented, dict):
        assert isinstance(ours, dict), f"{path}: {ours!r} is not an object"
        undocumented = set(ours) - set(documented)
        assert not undocumented, f"{path}: fields the spec does not list: {sorted(undocumented)}"
        for key, value in documented.items():
            if key in not_served and key not in ours:
                continue
            assert key in ours, f"{path}.{key} is missing"
            same_shape(value, ours[key], f"{path}.{key}", not_served, maps)
    elif isinstance(documented, list):
        assert isinstance(ours, list), f"{path}: {ours!r} is not a list"
        if documented:
            for i, entry in enumerate(ours):
                same_shape(documented[0], entry, f"{path}[{i}]", not_served, maps)
    elif isinstance(documented, bool):
        assert isinstance(ours, bool), f"{path}: {ours!r} is not a boolean"
    elif isinstance(documented, int):
        assert isinstance(ours, int) and not isinstance(ours, bool), f"{path}: {ours!r} not integer"
    elif isinstance(documented, float):
        assert isinstance(ours, int | float) and not isinstance(ours, bool), f"{path}: not a number"
    elif isinstance(documented, str):
        assert isinstance(ours, str), f"{path}: {ours!r} is not a string"


def check_answer(name: str, answer: dict[str, Any], *, inner: bool = False) -> None:
    spec = example(name)
    documented = spec["response"]
    assert set(documented) - {"data"} <= set(answer)
    assert set(answer) == (NEW if spec["envelope"] == "code" else OLD)
    assert answer["success"] is True, answer
    if "data" in documented:
        maps = frozenset(f"{name}.{key}" for key in spec.get("maps", {}))
        same_shape(documented["data"], answer["data"], name, spec.get("not_served", {}), maps)
    if inner:
        assert answer["data"]["response"]["success"] is True, answer["data"]["response"]


def replay(gw: Gateway, name: str, **swap: Any) -> dict[str, Any]:
    """The example request, system fields and ``swap``ped values aside, sent as printed."""
    fields = {**example(name)["request"], **swap}
    response = gw.post(gw.body(name, fields))
    assert response.status_code == 200
    answer: dict[str, Any] = response.json()
    return answer


def a_sku(red: SandboxHandle) -> str:
    return sorted(red.state(red.warehouse_code)["stock"])[0]


def shipped(red: SandboxHandle, gw: Gateway) -> str:
    order_id = red.generate_orders(1, pickup_share=0.0)[0]
    gw.data("order.orderDeliver", orderId=order_id, expressNo="ZT1", expressCompanyCode="zto")
    return order_id


# --- authorisation (038: whole example bodies) -----------------------------------------------


def test_oauth_examples(red: SandboxHandle) -> None:
    gateway = Gateway(red.base_url, red.app_id, red.app_secret)
    for name, swap in (("oauth.getAccessToken", {"code": red.authorization_code()}),):
        body = {**example(name)["request"], **swap, "appId": red.app_id}
        body["timestamp"] = str(int(time.time()))
        body["sign"] = md5_sign(name, red.app_id, body["timestamp"], "2.0", red.app_secret)
        assert set(body) == set(example(name)["request"])  # flat: system and method fields
        answer = gateway.post(body).json()
        check_answer(name, answer)
    refresh = answer["data"]["refreshToken"]
    body = {
        **example("oauth.refreshToken")["request"],
        "refreshToken": refresh,
        "appId": red.app_id,
        "timestamp": str(int(time.time())),
    }
    body["sign"] = md5_sign(
        "oauth.refreshToken", red.app_id, body["timestamp"], "2.0", red.app_secret
    )
    check_answer("oauth.refreshToken", gateway.post(body).json())


# --- catalog, stock, warehouses --------------------------------------------------------------


def test_catalog_example(red: SandboxHandle, gw: Gateway) -> None:
    printed = replay(gw, "product.getDetailSkuList")  # every filter of the spec, as printed
    check_answer("product.getDetailSkuList", printed)
    assert printed["data"]["total"] == 0
    check_answer(
        "product.getDetailSkuList", gw.call("product.getDetailSkuList", pageNo=1, pageSize=50)
    )
    pack = red.add_pack(a_sku(red), 3)
    check_answer(
        "product.getDetailSkuList",
        replay(
            gw,
            "product.getDetailSkuList",
            id=pack,
            createTimeFrom=0,
            createTimeTo=2**53,
            updateTimeFrom=0,
            updateTimeTo=2**53,
            stockGte=0,
            stockLte=10**6,
            barcode=None,
            scSkucode=None,
            singlePackOnly=False,
            lastId=None,
            isChannel=False,
        ),
    )


def test_express_company_example(gw: Gateway) -> None:
    check_answer("common.getExpressCompanyList", replay(gw, "common.getExpressCompanyList"))


def test_stock_examples_on_multi_warehouse_skus(red: SandboxHandle, gw: Gateway) -> None:
    sku = a_sku(red)
    check_answer(
        "inventory.getSkuStock", replay(gw, "inventory.getSkuStock", skuId=sku), inner=True
    )
    check_answer(
        "inventory.getSkuStockV2", replay(gw, "inventory.getSkuStockV2", skuId=sku), inner=True
    )
    for code in ("yunnan", "zhejiang"):  # the spec's example warehouses
        gw.data("warehouse.create", code=code, name=code, zoneCode="310105004000", address="x")
    answer = replay(gw, "inventory.syncSkuStockV2", skuId=sku)
    check_answer("inventory.syncSkuStockV2", answer, inner=True)
    assert set(answer["data"]["data"]) == {"yunnan", "zhejiang"}
    assert red.state()["stock"][sku]["yunnan"] == 100


def test_stock_examples_on_the_default_warehouse(plain: tuple[SandboxHandle, Gateway]) -> None:
    handle, gateway = plain
    sku = sorted(handle.state()["stock"])[0]
    for name in ("inventory.syncSkuStock", "inventory.incSkuStock"):
        check_answer(name, replay(gateway, name, skuId=sku), inner=True)
    assert handle.state()["stock"][sku] == {"CPartner": 200}
    fields = {**example("inventory.syncSkuStockV2")["request_default_warehouse"], "skuId": sku}
    answer = gateway.call("inventory.syncSkuStockV2", **fields)
    check_answer("inventory.syncSkuStockV2", answer, inner=True)
    assert handle.state()["stock"][sku] == {"CPartner": 100}


def test_warehouse_examples(gw: Gateway) -> None:
    for name in ("warehouse.create", "warehouse.setCoverage", "warehouse.setPriority"):
        answer = replay(gw, name)
        check_answer(name, answer)
        assert answer["data"] is None
    listed = replay(gw, "warehouse.list")
    check_answer("warehouse.list", listed)
    [entry] = listed["data"]["warehouseList"]
    assert (entry["code"], entry["areaCode"], entry["townCode"]) == (
        "test_01",
        "310105",
        "310105004000",
    )


# --- orders, receivers, decryption, delivery ------------------------------------------------


def test_order_list_example(red: SandboxHandle, gw: Gateway) -> None:
    printed = replay(gw, "order.getOrderList")
    check_answer("order.getOrderList", printed)
    assert printed["data"]["total"] == 0
    red.generate_orders(3)
    red.generate_orders(1, status=1)
    now = int(time.time())
    answer = replay(gw, "order.getOrderList", startTime=now - 600, endTime=now + 60)
    check_answer("order.getOrderList", answer)
    assert answer["data"]["total"] == 1 and answer["data"]["orderList"][0]["orderStatus"] == 1


def test_order_detail_and_receiver_examples(red: SandboxHandle, gw: Gateway) -> None:
    order_id = red.generate_orders(1)[0]
    detail = replay(gw, "order.getOrderDetail", orderId=order_id)
    check_answer("order.getOrderDetail", detail)
    query = [{"orderId": order_id, "openAddressId": detail["data"]["openAddressId"]}]
    receiver = replay(gw, "order.getOrderReceiverInfo", receiverQueries=query)
    check_answer("order.getOrderReceiverInfo", receiver)
    assert receiver["data"]["receiverInfos"][0]["matched"] is True


def test_decrypt_and_desensitise_examples(red: SandboxHandle, gw: Gateway) -> None:
    printed = replay(gw, "data.batchDecrypt")  # 051's ciphertext: not one this app issued
    check_answer("data.batchDecrypt", printed)
    assert printed["data"]["dataInfoList"][0]["errorCode"] == -1000400
    order_id = red.generate_orders(1)[0]
    detail = gw.data("order.getOrderDetail", orderId=order_id)
    info = gw.data(
        "order.getOrderReceiverInfo",
        isReturn=False,
        receiverQueries=[{"orderId": order_id, "openAddressId": detail["openAddressId"]}],
    )["receiverInfos"][0]
    base = [{"dataTag": order_id, "encryptedData": info["receiverName"]}]
    decrypted = replay(gw, "data.batchDecrypt", baseInfos=base)
    check_answer("data.batchDecrypt", decrypted)
    clear = red.receiver_plaintext(order_id)["receiverName"]
    assert decrypted["data"]["dataInfoList"][0]["decryptedData"] == clear
    masked = replay(gw, "data.batchDesensitise", baseInfos=base)
    check_answer("data.batchDesensitise", masked)
    assert masked["data"]["desensitiseInfoList"][0]["desensitisedData"] == privacy.mask_name(clear)


def test_deliver_and_modify_express_examples(red: SandboxHandle, gw: Gateway) -> None:
    skus = [a_sku(red), sorted(red.state(red.warehouse_code)["stock"])[1]]
    order_id = red.generate_orders(1, sku_ids=skus)[0]
    answer = replay(gw, "order.orderDeliver", orderId=order_id, skuIdList=skus[:1])
    spec = example("order.orderDeliver")
    assert set(spec["response"]) <= set(answer) == OLD and answer["success"] is True
    assert answer["data"] in (None, {}, "")  # typed object; null and a string also happen
    detail = gw.data("order.getOrderDetail", orderId=order_id)
    assert detail["orderStatus"] == 5 and detail["deliveryTime"] == 1612341639394
    parcel = next(p for p in detail["simpleDeliveryOrderList"] if p["status"] == 6)
    old = example("order.modifyOrderExpressInfo")["request"]["oldExpressNo"]
    gw.data(
        "order.modifyOrderExpressInfo",
        orderId=order_id,
        expressNo=old,
        expressCompanyCode="shunfeng",
        deliveryOrderIndex=parcel["deliveryOrderIndex"],
    )
    answer = replay(
        gw,
        "order.modifyOrderExpressInfo",
        orderId=order_id,
        deliveryOrderIndex=parcel["deliveryOrderIndex"],
    )
    assert set(answer) == OLD and answer["success"] is True
    detail = gw.data("order.getOrderDetail", orderId=order_id)
    numbers = {p["expressTrackingNo"] for p in detail["simpleDeliveryOrderList"]}
    assert example("order.modifyOrderExpressInfo")["request"]["expressNo"] in numbers


# --- after-sales ----------------------------------------------------------------------------


def test_after_sale_list_detail_and_reasons_examples(red: SandboxHandle, gw: Gateway) -> None:
    printed = replay(gw, "afterSale.listAfterSaleInfos")
    check_answer("afterSale.listAfterSaleInfos", printed)
    returns_id = red.create_after_sale(shipped(red, gw), 2)
    now = int(time.time() * 1000)
    listed = replay(gw, "afterSale.listAfterSaleInfos", startTime=now - 60_000, endTime=now + 1000)
    check_answer("afterSale.listAfterSaleInfos", listed)
    assert listed["data"]["totalCount"] == 1
    check_answer(
        "afterSale.getAfterSaleInfo", replay(gw, "afterSale.getAfterSaleInfo", returnsId=returns_id)
    )
    check_answer(
        "afterSale.rejectReasons", replay(gw, "afterSale.rejectReasons", returnsId=returns_id)
    )


def test_after_sale_action_examples(red: SandboxHandle, gw: Gateway) -> None:
    refund = red.create_after_sale(shipped(red, gw), 4)
    check_answer("afterSale.auditReturns", replay(gw, "afterSale.auditReturns", returnsId=refund))
    assert red.state()["after_sales"][refund]["status"] == 4
    back = red.create_after_sale(shipped(red, gw), 1)
    gw.data(
        "afterSale.auditReturns",
        returnsId=back,
        action=2,
        receiverInfo=example("afterSale.auditReturns")["request"]["receiverInfo"],
    )
    red.buyer_ships_return(back)
    check_answer("afterSale.confirmReceive", replay(gw, "afterSale.confirmReceive", returnsId=back))
    assert red.state()["after_sales"][back]["status"] == 4
    swap = red.create_after_sale(shipped(red, gw), 2)
    gw.data(
        "afterSale.auditReturns",
        returnsId=swap,
        action=2,
        receiverInfo={"sellerAddressRecordId": 123},
    )
    red.buyer_ships_return(swap)
    answer = replay(gw, "afterSale.receiveAndShip", returnsId=swap)
    assert set(answer) == OLD and answer["success"] is True
    assert red.state()["after_sales"][swap]["status"] == 13


# --- ciphertexts and masks (050, 051) ---------------------------------------------------------


def test_the_documented_ciphertext_layout_and_masks() -> None:
    samples = example("ciphertext_samples")
    for sample in samples["ciphertexts"]:
        assert privacy.parse_kind(sample["cipher"]) == sample["kind"]
        assert sample["cipher"].split("#")[1] == sample["index"]
    for case in samples["masks"]:
        plain_text = case["plain"]
        for word in case.get("sensitive_words", []):  # the platform's word list is not public
            plain_text = plain_text.replace(word, "**")
        assert privacy.mask(case["kind"], plain_text) == case["masked"], case


def test_the_sandbox_issues_ciphertexts_in_that_layout(red: SandboxHandle, gw: Gateway) -> None:
    skus = [a_sku(red)]
    first, second = red.generate_orders(2, sku_ids=skus)
    ciphers = []
    for order_id in (first, second):
        detail = gw.data("order.getOrderDetail", orderId=order_id)
        ciphers.append(
            gw.data(
                "order.getOrderReceiverInfo",
                isReturn=False,
                receiverQueries=[{"orderId": order_id, "openAddressId": detail["openAddressId"]}],
            )["receiverInfos"][0]
        )
    for field, kind in (("receiverAddress", 1), ("receiverName", 2), ("receiverPhone", 3)):
        assert privacy.parse_kind(ciphers[0][field]) == kind
    same = (
        red.receiver_plaintext(first)["receiverName"]
        == red.receiver_plaintext(second)["receiverName"]
    )
    index = [c["receiverName"].split("#")[1] for c in ciphers]
    assert (index[0] == index[1]) is same  # the same value, the same index string
    assert ciphers[0]["receiverName"] != ciphers[1]["receiverName"]  # per order


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.json")), ids=lambda p: p.stem)
def test_every_vendored_example_names_its_source(path: Path) -> None:
    loaded = json.loads(path.read_text("utf-8"))
    assert loaded["repository"] == "AndersonBY/xiaohongshu-ecommerce-python-sdk"
    assert loaded["source"].startswith("docs/小红书官方文档/") and loaded["note"]
