"""Every method the sandbox serves, by its official name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sync.red_sandbox import aftersales, catalog, oauth, orders, stock
from sync.red_sandbox.fields import Fields
from sync.red_sandbox.state import SandboxState

Handler = Callable[[SandboxState, Fields], Any]

HANDLERS: dict[str, Handler] = {
    "oauth.getAccessToken": oauth.get_access_token,
    "oauth.refreshToken": oauth.refresh_token,
    "common.getExpressCompanyList": orders.get_express_company_list,
    "product.getDetailSkuList": catalog.get_detail_sku_list,
    "inventory.getSkuStock": stock.get_sku_stock,
    "inventory.getSkuStockV2": stock.get_sku_stock_v2,
    "inventory.syncSkuStock": stock.sync_sku_stock,
    "inventory.syncSkuStockV2": stock.sync_sku_stock_v2,
    "inventory.incSkuStock": stock.inc_sku_stock,
    "warehouse.create": stock.warehouse_create,
    "warehouse.list": stock.warehouse_list,
    "warehouse.setCoverage": stock.warehouse_set_coverage,
    "warehouse.setPriority": stock.warehouse_set_priority,
    "order.getOrderList": orders.get_order_list,
    "order.getOrderDetail": orders.get_order_detail,
    "order.getOrderReceiverInfo": orders.get_order_receiver_info,
    "order.orderDeliver": orders.order_deliver,
    "order.modifyOrderExpressInfo": orders.modify_order_express_info,
    "data.batchDecrypt": orders.batch_decrypt,
    "data.batchDesensitise": orders.batch_desensitise,
    "afterSale.listAfterSaleInfos": aftersales.list_after_sale_infos,
    "afterSale.getAfterSaleInfo": aftersales.get_after_sale_info,
    "afterSale.rejectReasons": aftersales.reject_reasons,
    "afterSale.auditReturns": aftersales.audit_returns,
    "afterSale.confirmReceive": aftersales.confirm_receive,
    "afterSale.receiveAndShip": aftersales.receive_and_ship,
}

# A successful envelope whose data has the wrong shape for every method.
HOSTILE_DATA: dict[str, Any] = {
    "data": "'; DROP TABLE skus; --",
    "pageNO": "one",
    "total": -5,
    "totalCount": "many",
    "orderList": {"$gt": ""},
    "skuStock": [1e308],
    "skuStockInfo": "none",
    "skuList": "<script>alert(1)</script>",
    "receiverInfos": 7,
    "dataInfoList": {"decryptedData": None},
    "desensitiseInfoList": "x",
    "afterSaleBasicInfos": [None, 3],
    "afterSaleInfo": [],
    "warehouseList": {"code": 1},
    "expressCompanyInfos": "zto",
    "accessToken": 12345,
    "orderStatus": "shipped",
    "skuId": ["not", "an", "id"],
    "orderId": {"$ne": None},
    "response": {"success": "yes"},
}
