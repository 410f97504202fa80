"""Stock and warehouses of the independent sandbox, over raw HTTP."""

from __future__ import annotations

from typing import Any

from red_sandbox_http import Gateway, error_code, gw, plain, red

from sync.red_sandbox import CENTRAL_WAREHOUSE, SandboxHandle

__all__ = ["gw", "plain", "red"]

NUMBERS = {
    "available",
    "total",
    "occupiedQuantity",
    "productChannelQuantity",
    "productChannelOccupiedQuantity",
    "activityChannelQuantity",
    "activityChannelOccupiedQuantity",
    "reserved",
    "standalone",
}


def _a_sku(red: SandboxHandle) -> str:
    return sorted(red.state(red.warehouse_code)["stock"])[0]


def test_get_sku_stock_per_warehouse_with_inner_response(red: SandboxHandle, gw: Gateway) -> None:
    sku = _a_sku(red)
    data = gw.data("inventory.getSkuStock", skuId=sku)
    assert set(data) == {"skuId", "apiVersion", "skuStock", "skuStockInfoWithWhcode", "response"}
    assert data["response"] == {"success": True, "message": "", "code": 0}
    assert set(data["skuStock"]) == NUMBERS
    whcodes = {w["whcode"] for w in data["skuStockInfoWithWhcode"]}
    assert whcodes == {red.warehouse_code, CENTRAL_WAREHOUSE}
    assert data["skuStock"]["total"] == sum(
        w["skuStock"]["total"] for w in data["skuStockInfoWithWhcode"]
    )
    missing = gw.data("inventory.getSkuStock", skuId="nope")
    assert missing["response"]["success"] is False and missing["response"]["code"] == -1000400


def test_get_sku_stock_v2_answers_code_msg_and_inner_msg(red: SandboxHandle, gw: Gateway) -> None:
    answer = gw.call("inventory.getSkuStockV2", skuId=_a_sku(red))
    assert set(answer) == {"success", "code", "msg", "data"} and answer["code"] == 0
    data = answer["data"]
    assert data["response"] == {"success": True, "msg": "", "code": 0}
    assert set(data["skuStockInfo"]) == {"skuId", "skuStockInfo"}
    assert {w["whcode"] for w in data["skuStockInfoWithWhcode"]} == {
        red.warehouse_code,
        CENTRAL_WAREHOUSE,
    }


def test_sync_v2_sets_one_warehouse_total(red: SandboxHandle, gw: Gateway) -> None:
    sku = _a_sku(red)
    central = red.state()["stock"][sku][CENTRAL_WAREHOUSE]
    answer = gw.call("inventory.syncSkuStockV2", skuId=sku, qtyWithWhcode={red.warehouse_code: 17})
    assert set(answer) == {"success", "code", "msg", "data"}
    data = answer["data"]
    assert data["response"] == {"success": True, "msg": "", "code": 0}
    assert set(data) == {"response", "apiVersion", "skuStockInfo", "data"}
    assert data["data"][red.warehouse_code]["skuStockInfo"]["total"] == 17
    assert data["data"][red.warehouse_code]["whcode"] == red.warehouse_code
    assert red.state()["stock"][sku] == {red.warehouse_code: 17, CENTRAL_WAREHOUSE: central}


def test_refusals_come_inside_a_successful_envelope(red: SandboxHandle, gw: Gateway) -> None:
    sku = _a_sku(red)
    before = red.state()["stock"][sku]

    def refused(**fields: Any) -> dict[str, Any]:
        answer = gw.call("inventory.syncSkuStockV2", skuId=sku, **fields)
        assert answer["success"] is True and answer["code"] == 0
        inner: dict[str, Any] = answer["data"]["response"]
        assert inner["success"] is False
        return inner

    assert refused(qtyWithWhcode={red.warehouse_code: -1})["code"] == -5009202
    assert refused(qtyWithWhcode={"RH-SH-001": 3})["code"] == -1000400  # no such warehouse
    assert refused(qtyWithWhcode={"CPartner": 3})["code"] == -1000400  # multi-warehouse SKU
    red.update_sku(sku, stockLocked=True)
    assert refused(qtyWithWhcode={red.warehouse_code: 3})["code"] == -5009026
    red.update_sku(sku, stockLocked=False, isChannel=True)
    assert refused(qtyWithWhcode={red.warehouse_code: 3})["code"] == -4009203
    assert red.state()["stock"][sku] == before
    assert error_code(gw.call("inventory.syncSkuStockV2", skuId=sku, qtyWithWhcode={"x": "3"})) == (
        -1000400
    )


def test_packs_and_bundles_take_stock_from_their_singles(red: SandboxHandle, gw: Gateway) -> None:
    sku = _a_sku(red)
    gw.data(
        "inventory.syncSkuStockV2",
        skuId=sku,
        qtyWithWhcode={red.warehouse_code: 13, CENTRAL_WAREHOUSE: 0},
    )
    pack = red.add_pack(sku, 6)
    stock = gw.data("inventory.getSkuStock", skuId=pack)
    per = {w["whcode"]: w["skuStock"]["available"] for w in stock["skuStockInfoWithWhcode"]}
    assert per == {red.warehouse_code: 2, CENTRAL_WAREHOUSE: 0}
    inner = gw.data("inventory.syncSkuStockV2", skuId=pack, qtyWithWhcode={red.warehouse_code: 5})[
        "response"
    ]
    assert (inner["success"], inner["code"]) == (False, -5009030)
    listed = gw.data("product.getDetailSkuList", id=pack)["data"][0]["sku"]
    assert listed["stock"] == 2


def test_default_warehouse_sync_and_inc(plain: Any) -> None:
    handle, gw = plain
    sku = sorted(handle.state()["stock"])[0]
    assert set(handle.state()["stock"][sku]) == {"CPartner"}
    data = gw.data("inventory.syncSkuStock", skuId=sku, qty=40)
    assert data["response"] == {"success": True, "message": "", "code": 0}
    assert data["skuStockInfoWithWhcode"][0]["whcode"] == "CPartner"
    assert data["skuStock"]["total"] == 40
    data = gw.data("inventory.incSkuStock", skuId=sku, qty=-15)
    assert data["skuStock"]["available"] == 25
    inner = gw.data("inventory.incSkuStock", skuId=sku, qty=-26)["response"]
    assert (inner["success"], inner["code"]) == (False, -5009202)
    inner = gw.data("inventory.syncSkuStock", skuId=sku, qty=-1)["response"]
    assert (inner["success"], inner["code"]) == (False, -5009202)
    assert handle.state()["stock"][sku] == {"CPartner": 25}
    v2 = gw.data("inventory.syncSkuStockV2", skuId=sku, qtyWithWhcode={"CPartner": 9})
    assert v2["response"]["success"] is True and handle.state()["stock"][sku] == {"CPartner": 9}


def test_v1_stock_calls_refuse_multi_warehouse_skus(red: SandboxHandle, gw: Gateway) -> None:
    sku = _a_sku(red)
    for method in ("inventory.syncSkuStock", "inventory.incSkuStock"):
        inner = gw.data(method, skuId=sku, qty=5)["response"]
        assert (inner["success"], inner["code"]) == (False, -1000400)
    assert error_code(gw.call("inventory.syncSkuStock", skuId=sku)) == -1000400  # qty missing


def test_unpaid_orders_occupy_and_a_sync_below_them_warns(plain: Any) -> None:
    handle, gw = plain
    sku = sorted(handle.state()["stock"])[0]
    gw.data("inventory.syncSkuStock", skuId=sku, qty=10)
    order_id = handle.generate_orders(1, sku_ids=[sku], status=1)[0]
    held = gw.data("order.getOrderDetail", orderId=order_id)["skuList"][0]["skuQuantity"]
    stock = gw.data("inventory.getSkuStock", skuId=sku)["skuStock"]
    assert (stock["total"], stock["occupiedQuantity"], stock["available"]) == (10, held, 10 - held)
    data = gw.data("inventory.syncSkuStock", skuId=sku, qty=0)
    assert data["response"] == {
        "success": True,
        "code": -9028,
        "message": data["response"]["message"],
    }
    handle.set_order_status(order_id, 4)  # paid: the units leave the total
    assert gw.data("inventory.getSkuStock", skuId=sku)["skuStock"]["occupiedQuantity"] == 0


def test_warehouse_create_validates_code_zone_and_duplicates(plain: Any) -> None:
    handle, gw = plain
    fields = {"name": "REDHOME 上海一号店", "zoneCode": "310106012000", "address": "南京西路1266号"}
    assert error_code(gw.call("warehouse.create", code="RH-SH-001", **fields)) == -1000400
    assert error_code(gw.call("warehouse.create", code="R" * 25, **fields)) == -1000400
    assert error_code(gw.call("warehouse.create", code="CPartner", **fields)) == -1000400
    assert (
        error_code(
            gw.call("warehouse.create", code="RH_SH_001", name="x", zoneCode="310106", address="y")
        )
        == -1000400
    )
    answer = gw.call("warehouse.create", code="RH_SH_001", contactName="店长", **fields)
    assert answer == {"success": True, "error_code": 0, "error_msg": "", "data": None}
    assert error_code(gw.call("warehouse.create", code="RH_SH_001", **fields)) == -1000400
    assert "RH_SH_001" in handle.state()["warehouses"]


def test_warehouse_list_pages_and_filters(red: SandboxHandle, gw: Gateway) -> None:
    data = gw.data("warehouse.list")
    assert data["total"] == 2
    store = next(w for w in data["warehouseList"] if w["code"] == red.warehouse_code)
    assert store["province"] == "上海" and store["cityCode"] == "310100"
    assert store["areaCode"] == "310106" and store["townCode"] == "310106012000"
    assert set(store) == {
        "code",
        "name",
        "province",
        "provinceCode",
        "city",
        "cityCode",
        "area",
        "areaCode",
        "town",
        "townCode",
        "address",
        "contactName",
        "contactTel",
    }
    only = gw.data("warehouse.list", code=red.warehouse_code)
    assert [w["code"] for w in only["warehouseList"]] == [red.warehouse_code]
    second = gw.data("warehouse.list", pageNo=2, pageSize=1)
    assert second["total"] == 2 and len(second["warehouseList"]) == 1
    assert error_code(gw.call("warehouse.list", pageSize=101)) == -1000400


def test_coverage_and_priority_route_orders(red: SandboxHandle, gw: Gateway) -> None:
    orders = red.generate_orders(6, other_warehouse_share=0.0)
    assert {red.state()["orders"][o]["whcode"] for o in orders} == {red.warehouse_code}
    elsewhere = red.generate_orders(6, other_warehouse_share=1.0)
    assert {red.state()["orders"][o]["whcode"] for o in elsewhere} == {CENTRAL_WAREHOUSE}
    assert (
        gw.data(
            "warehouse.setPriority",
            zoneCode="310000",
            warehousePriorityList=[{"whCode": CENTRAL_WAREHOUSE}, {"whCode": red.warehouse_code}],
        )
        is None
    )
    moved = red.generate_orders(4)
    assert {red.state()["orders"][o]["whcode"] for o in moved} == {CENTRAL_WAREHOUSE}
    assert (
        gw.data("warehouse.setCoverage", whCode=CENTRAL_WAREHOUSE, zoneCodeList=["330000"]) is None
    )
    back = red.generate_orders(4)
    assert {red.state()["orders"][o]["whcode"] for o in back} == {red.warehouse_code}
    assert error_code(gw.call("warehouse.setCoverage", whCode="NOPE", zoneCodeList=["310000"])) == (
        -1000400
    )
    assert (
        error_code(gw.call("warehouse.setCoverage", whCode=red.warehouse_code, zoneCodeList=["31"]))
        == -1000400
    )
    assert (
        error_code(
            gw.call(
                "warehouse.setPriority",
                zoneCode="310000",
                warehousePriorityList=[{"whCode": "NOPE"}],
            )
        )
        == -1000400
    )


def test_paid_orders_take_stock_off_their_warehouse(red: SandboxHandle, gw: Gateway) -> None:
    sku = _a_sku(red)
    gw.data("inventory.syncSkuStockV2", skuId=sku, qtyWithWhcode={red.warehouse_code: 10})
    order_id = red.generate_orders(1, sku_ids=[sku])[0]
    qty = gw.data("order.getOrderDetail", orderId=order_id)["skuList"][0]["skuQuantity"]
    assert red.state()["stock"][sku][red.warehouse_code] == 10 - qty
    red.set_order_status(order_id, 9)  # cancelled before shipment: the units come back
    assert red.state()["stock"][sku][red.warehouse_code] == 10


def test_a_shop_sets_up_the_store_warehouse(plain: Any) -> None:
    handle, gw = plain
    assert gw.data("warehouse.list")["total"] == 0
    sku = sorted(handle.state()["stock"])[0]
    early = gw.data("inventory.syncSkuStockV2", skuId=sku, qtyWithWhcode={"RH_SH_001": 4})
    assert early["response"]["success"] is False  # still a single-warehouse SKU
    try:
        handle.enable_multi_warehouse()
    except ValueError:
        pass
    else:
        raise AssertionError("multi-warehouse stock before any warehouse exists")
    gw.data(
        "warehouse.create",
        code="RH_SH_001",
        name="REDHOME 上海一号店",
        zoneCode="310106012000",
        address="南京西路1266号",
    )
    gw.data("warehouse.setCoverage", whCode="RH_SH_001", zoneCodeList=["310000"])
    total = handle.state()["stock"][sku]["CPartner"]
    assert handle.enable_multi_warehouse() == len(
        {e["item"]["id"] for e in gw.data("product.getDetailSkuList", pageSize=100)["data"]}
    )
    assert handle.state()["stock"][sku] == {"RH_SH_001": total}
    item = gw.data("product.getDetailSkuList", id=sku)["data"][0]["item"]
    assert item["enableMultiWarehouse"] is True
    done = gw.data("inventory.syncSkuStockV2", skuId=sku, qtyWithWhcode={"RH_SH_001": 4})
    assert done["response"]["success"] is True
    orders = handle.generate_orders(3)
    assert {handle.state()["orders"][o]["whcode"] for o in orders} == {"RH_SH_001"}
