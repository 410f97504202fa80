"""``product.getDetailSkuList`` of the independent sandbox, over raw HTTP."""

from __future__ import annotations

from typing import Any

from red_sandbox_http import Gateway, error_code, gw, red

from redhome_pos.services.demo_catalog import iter_demo_catalog
from sync.red_sandbox import SandboxHandle

__all__ = ["gw", "red"]


def _all(gw: Gateway, **filters: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    page_no = 1
    while True:
        data = gw.data("product.getDetailSkuList", pageNo=page_no, pageSize=25, **filters)
        rows += data["data"]
        if page_no * 25 >= data["total"]:
            return rows
        page_no += 1


def test_pages_carry_pageNO_pageSize_total_and_item_sku_pairs(gw: Gateway) -> None:
    data = gw.data("product.getDetailSkuList", pageNo=2, pageSize=25)
    assert set(data) == {"data", "pageNO", "pageSize", "total"}
    assert data["pageNO"] == 2 and data["pageSize"] == 25 and data["total"] == 60
    entry = data["data"][0]
    assert set(entry) == {"item", "sku"}
    sku, item = entry["sku"], entry["item"]
    assert isinstance(sku["price"], int) and isinstance(sku["stock"], int)
    assert sku["ipq"] == 1 and "unionItemDetails" not in sku
    assert sku["itemId"] == item["id"] and item["deliveryMode"] in (0, 1)
    assert all({"id", "name", "value"} <= set(v) for v in sku["variants"])
    default = gw.data("product.getDetailSkuList")
    assert default["pageNO"] == 1 and default["pageSize"] == 50 and len(default["data"]) == 50


def test_the_online_catalog_is_the_demo_store_catalog(gw: Gateway) -> None:
    online = {e["sku"]["id"]: e["sku"] for e in _all(gw)}
    demo = list(iter_demo_catalog(60, 1))
    assert set(online) == {d.red_sku_id for d in demo}
    for d in demo:
        sku = online[d.red_sku_id]
        assert (sku["barcode"], sku["price"], sku["erpCode"], sku["itemId"]) == (
            d.barcodes[0],
            d.price_fen,
            d.sku_code,
            d.red_item_id,
        )


def test_every_page_is_read_once_in_update_time_order(gw: Gateway) -> None:
    rows = _all(gw)
    ids = [e["sku"]["id"] for e in rows]
    assert len(ids) == len(set(ids)) == 60
    times = [e["sku"]["updateTime"] for e in rows]
    assert times == sorted(times, reverse=True)


def test_last_id_walks_the_shop_newest_first(gw: Gateway) -> None:
    first = gw.data("product.getDetailSkuList", pageSize=20)["data"]
    after = gw.data("product.getDetailSkuList", pageSize=20, lastId=first[-1]["sku"]["id"])["data"]
    second = gw.data("product.getDetailSkuList", pageNo=2, pageSize=20)["data"]
    assert [e["sku"]["id"] for e in after] == [e["sku"]["id"] for e in second]
    assert gw.data("product.getDetailSkuList", lastId="61694f367133c30009f8a76d")["data"] == []


def test_filters_by_update_time_barcode_id_and_buyable(red: SandboxHandle, gw: Gateway) -> None:
    rows = _all(gw)
    sku = rows[10]["sku"]
    red.update_sku(sku["id"], price=sku["price"] + 100, buyable=False)
    changed = gw.data("product.getDetailSkuList", updateTimeFrom=sku["updateTime"] + 1)["data"]
    assert [e["sku"]["id"] for e in changed][:1] == [sku["id"]]
    assert (
        changed[0]["sku"]["price"] == sku["price"] + 100 and changed[0]["sku"]["buyable"] is False
    )
    by_barcode = gw.data("product.getDetailSkuList", barcode=sku["barcode"])["data"]
    assert [e["sku"]["id"] for e in by_barcode] == [sku["id"]]
    by_id = gw.data("product.getDetailSkuList", id=sku["id"])["data"]
    assert [e["sku"]["id"] for e in by_id] == [sku["id"]]
    assert gw.data("product.getDetailSkuList", buyable=False)["total"] == 1
    red.remove_sku(sku["id"])
    assert gw.data("product.getDetailSkuList", id=sku["id"])["total"] == 0


def test_page_size_and_types_are_checked(gw: Gateway) -> None:
    assert error_code(gw.call("product.getDetailSkuList", pageSize=101)) == -1000400
    assert error_code(gw.call("product.getDetailSkuList", pageNo=0)) == -1000400
    assert error_code(gw.call("product.getDetailSkuList", pageNo="1")) == -1000400
    assert error_code(gw.call("product.getDetailSkuList", buyable="yes")) == -1000400
    assert gw.data("product.getDetailSkuList", pageSize=100)["pageSize"] == 100


def test_packs_and_bundles_list_their_singles(red: SandboxHandle, gw: Gateway) -> None:
    single = _all(gw)[0]["sku"]
    other = _all(gw)[1]["sku"]
    pack_id = red.add_pack(single["id"], 6)
    bundle_id = red.add_bundle([(single["id"], 1), (other["id"], 2)])
    pack = gw.data("product.getDetailSkuList", id=pack_id)["data"][0]["sku"]
    assert pack["ipq"] == 6
    assert pack["unionItemDetails"] == [
        {
            "id": single["id"],
            "name": single["name"],
            "scSkuCode": single["scSkucode"],
            "barcode": single["barcode"],
            "ipq": 6,
            "erpCode": single["erpCode"],
        }
    ]
    bundle = gw.data("product.getDetailSkuList", id=bundle_id)["data"][0]["sku"]
    assert [(u["id"], u["ipq"]) for u in bundle["unionItemDetails"]] == [
        (single["id"], 1),
        (other["id"], 2),
    ]
    singles = gw.data("product.getDetailSkuList", singlePackOnly=True)["total"]
    assert singles == 60
