"""Every name the RED open platform uses on the wire, in one place.

Method names, field names, limits and the error codes the platform's own documents give live
here and nowhere else, so a correction to the protocol is one edit. Each block names the
official page it comes from (``docs/小红书官方文档/`` in the public crawl the project's
``red-open-platform.md`` cites). Points the public material leaves open are marked ``OPEN`` and
the connector builds no behaviour on them.
"""

from __future__ import annotations

import hashlib
from typing import Final

# --- Gateway (开发文档/040_系统参数说明.md, 039_签名算法.md) --------------------------------------

PRODUCTION_BASE_URL: Final = "https://ark.xiaohongshu.com"
# The signing page's example host; the platform's test shops run on production.
TEST_BASE_URL: Final = "http://ark.sit.xiaohongshu.com"
GATEWAY_PATH: Final = "/ark/open_api/v3/common_controller"
AUTHORIZATION_PATH: Final = "/ark/authorization"
API_VERSION: Final = "2.0"
CONTENT_TYPE: Final = "application/json;charset=utf-8"

# --- Envelope (system fields; only method/appId/timestamp/version are signed) -------------------

APP_ID: Final = "appId"
TIMESTAMP: Final = "timestamp"  # Unix seconds, sent as a string of digits as the examples do
VERSION: Final = "version"
METHOD: Final = "method"
SIGN: Final = "sign"
ACCESS_TOKEN: Final = "accessToken"
ENVELOPE_FIELDS: Final = (APP_ID, TIMESTAMP, VERSION, METHOD, SIGN, ACCESS_TOKEN)

# --- Response: two documented shapes --------------------------------------------------------------
# Most methods: {success, error_code, error_msg, data}; methods of the newer gateway
# (inventory.syncSkuStockV2, afterSale.listAfterSaleInfos, ...): {success, code, msg, data}.
# A call is judged by ``success``; some answers also carry data.response{success, msg|message,
# code}, which can refuse inside a successful envelope.

SUCCESS: Final = "success"
ERROR_CODE: Final = "error_code"
ERROR_MSG: Final = "error_msg"
CODE_V2: Final = "code"
MSG_V2: Final = "msg"
DATA: Final = "data"
INNER_RESPONSE: Final = "response"
INNER_SUCCESS: Final = "success"
INNER_MSG: Final = "msg"
INNER_MESSAGE: Final = "message"
INNER_CODE: Final = "code"

# --- Methods -------------------------------------------------------------------------------------

GET_ACCESS_TOKEN: Final = "oauth.getAccessToken"
REFRESH_TOKEN: Final = "oauth.refreshToken"
GET_DETAIL_SKU_LIST: Final = "product.getDetailSkuList"
GET_SKU_STOCK: Final = "inventory.getSkuStock"
SYNC_SKU_STOCK: Final = "inventory.syncSkuStock"
SYNC_SKU_STOCK_V2: Final = "inventory.syncSkuStockV2"
INC_SKU_STOCK: Final = "inventory.incSkuStock"
WAREHOUSE_LIST: Final = "warehouse.list"
WAREHOUSE_CREATE: Final = "warehouse.create"
WAREHOUSE_SET_COVERAGE: Final = "warehouse.setCoverage"
WAREHOUSE_SET_PRIORITY: Final = "warehouse.setPriority"
GET_ORDER_LIST: Final = "order.getOrderList"
GET_ORDER_DETAIL: Final = "order.getOrderDetail"
GET_ORDER_RECEIVER_INFO: Final = "order.getOrderReceiverInfo"
ORDER_DELIVER: Final = "order.orderDeliver"
MODIFY_ORDER_EXPRESS: Final = "order.modifyOrderExpressInfo"
GET_EXPRESS_COMPANY_LIST: Final = "common.getExpressCompanyList"
BATCH_DECRYPT: Final = "data.batchDecrypt"
BATCH_DESENSITISE: Final = "data.batchDesensitise"
LIST_AFTER_SALE_INFOS: Final = "afterSale.listAfterSaleInfos"
GET_AFTER_SALE_INFO: Final = "afterSale.getAfterSaleInfo"
CONFIRM_RECEIVE: Final = "afterSale.confirmReceive"
RECEIVE_AND_SHIP: Final = "afterSale.receiveAndShip"
OAUTH_METHODS: Final = frozenset({GET_ACCESS_TOKEN, REFRESH_TOKEN})

# --- OAuth (开发文档/036_授权流程（自研）.md) -----------------------------------------------------

REDIRECT_URI: Final = "redirectUri"
STATE: Final = "state"
CODE: Final = "code"
REFRESH_TOKEN_FIELD: Final = "refreshToken"
ACCESS_TOKEN_EXPIRES_AT: Final = "accessTokenExpiresAt"  # milliseconds
REFRESH_TOKEN_EXPIRES_AT: Final = "refreshTokenExpiresAt"  # milliseconds
SELLER_ID: Final = "sellerId"
SELLER_NAME: Final = "sellerName"
CODE_LIFETIME_S: Final = 10 * 60
ACCESS_TOKEN_LIFETIME_S: Final = 7 * 24 * 3600
REFRESH_TOKEN_LIFETIME_S: Final = 14 * 24 * 3600
# With more than this left, oauth.refreshToken hands back the same tokens: a refresh can only
# help a refused call when the access token is within this of its known expiry (or past it).
REFRESH_SAME_TOKENS_ABOVE_S: Final = 30 * 60
# After a refresh that issued new tokens, the old access token still works this long.
OLD_ACCESS_TOKEN_GRACE_S: Final = 5 * 60

# --- Catalog (product.getDetailSkuList) ----------------------------------------------------------

UPDATE_TIME_FROM: Final = "updateTimeFrom"  # ms
UPDATE_TIME_TO: Final = "updateTimeTo"  # ms
PAGE_NO: Final = "pageNo"
PAGE_NO_ANSWER: Final = "pageNO"  # the answer spells it with a capital NO
PAGE_SIZE: Final = "pageSize"
TOTAL: Final = "total"
CATALOG_PAGE_SIZE_MAX: Final = 100
ITEM: Final = "item"
SKU: Final = "sku"
ID: Final = "id"
ITEM_ID: Final = "itemId"
NAME: Final = "name"
PRICE: Final = "price"  # fen
ORIGINAL_PRICE: Final = "originalPrice"  # fen
STOCK: Final = "stock"
BARCODE: Final = "barcode"
ERP_CODE: Final = "erpCode"
SC_SKUCODE: Final = "scSkucode"
VARIANTS: Final = "variants"
VARIANT_NAME: Final = "name"
VARIANT_VALUE: Final = "value"
BUYABLE: Final = "buyable"
UPDATE_TIME: Final = "updateTime"  # ms
UNION_ITEM_DETAILS: Final = "unionItemDetails"
# Units per sale of a SKU sold in packs: its stock comes from the single pack, never pushed.
IPQ: Final = "ipq"

# --- Inventory (库存API/*.json) -------------------------------------------------------------------

SKU_ID: Final = "skuId"
QTY: Final = "qty"
QTY_WITH_WHCODE: Final = "qtyWithWhcode"
API_VERSION_FIELD: Final = "apiVersion"
SKU_STOCK: Final = "skuStock"
SKU_STOCK_WITH_WHCODE: Final = "skuStockInfoWithWhcode"
WHCODE: Final = "whcode"
AVAILABLE: Final = "available"
STOCK_TOTAL: Final = "total"
OCCUPIED: Final = "occupiedQuantity"
# The default warehouse of a shop without multi-warehouse stock (多仓区域库存).
DEFAULT_WAREHOUSE: Final = "CPartner"

# --- Warehouses (库存API/warehouse_*.json) --------------------------------------------------------

WAREHOUSE_LIST_FIELD: Final = "warehouseList"
WAREHOUSE_CODE: Final = "code"
WAREHOUSE_NAME: Final = "name"
WAREHOUSE_ZONE_CODE: Final = "zoneCode"  # the town/street's administrative code (last level)
WAREHOUSE_ADDRESS: Final = "address"
WAREHOUSE_CONTACT_NAME: Final = "contactName"
WAREHOUSE_CONTACT_TEL: Final = "contactTel"
WAREHOUSE_PROVINCE: Final = "province"
WAREHOUSE_CITY: Final = "city"
WAREHOUSE_AREA: Final = "area"
WH_CODE: Final = "whCode"  # setCoverage / setPriority spell it so
ZONE_CODE_LIST: Final = "zoneCodeList"  # province, city or district codes
WAREHOUSE_PRIORITY_LIST: Final = "warehousePriorityList"  # highest priority first
WAREHOUSE_CODE_MAX: Final = 24  # letters, digits and _ only
WAREHOUSE_NAME_MAX: Final = 50
WAREHOUSE_PAGE_SIZE_MAX: Final = 100

# --- Orders (订单API/order_*.json) ----------------------------------------------------------------

START_TIME: Final = "startTime"  # seconds for orders, ms for after-sales
END_TIME: Final = "endTime"
TIME_TYPE: Final = "timeType"
TIME_TYPE_CREATED: Final = 1
TIME_TYPE_UPDATED: Final = 2
WINDOW_MAX_S: Final = {TIME_TYPE_CREATED: 24 * 3600, TIME_TYPE_UPDATED: 30 * 60}
ORDER_TYPE: Final = "orderType"
ORDER_TYPE_ALL: Final = 0
ORDER_TYPE_EXCHANGE_RESHIPMENT: Final = 5
ORDER_STATUS: Final = "orderStatus"
ORDER_PAGE_SIZE_MAX: Final = 100
ORDER_PAGE_NO_MAX: Final = 100
MAX_PAGE_NO: Final = "maxPageNo"
ORDER_LIST: Final = "orderList"
ORDER_ID: Final = "orderId"
ORIGINAL_ORDER_ID: Final = "originalOrderId"
CANCEL_STATUS: Final = "cancelStatus"
CANCEL_REQUESTED: Final = 1  # the buyer asked to cancel: stop picking, never hand over
ORDER_AFTER_SALES_STATUS: Final = "orderAfterSalesStatus"
CREATED_TIME: Final = "createdTime"  # ms
ORDER_UPDATE_TIME: Final = "updateTime"  # ms
SKU_LIST: Final = "skuList"
SKU_NAME: Final = "skuName"
SKU_QUANTITY: Final = "skuQuantity"
SKU_DETAIL_LIST: Final = "skuDetailList"
SKU_AFTER_SALE_STATUS: Final = "skuAfterSaleStatus"
QUANTITY: Final = "quantity"
PRICE_PER_SKU: Final = "pricePerSku"  # fen: the declared price before tax, not what was paid
PAID_AMOUNT_PER_SKU: Final = "paidAmountPerSku"  # fen: what the customer paid for one unit
TOTAL_PAY_AMOUNT: Final = "totalPayAmount"  # fen, with shipping and deposit
# Per line, an integer: 1 = may be delivered without a courier (无物流发货), 0 = may not.
DELIVERY_MODE: Final = "deliveryMode"
DELIVERY_MODE_NO_LOGISTICS: Final = 1
SIMPLE_DELIVERY_ORDER_LIST: Final = "simpleDeliveryOrderList"  # the parcels
DELIVERY_ORDER_INDEX: Final = "deliveryOrderIndex"
PARCEL_STATUS: Final = "status"
SKU_ID_LIST: Final = "skuIdList"
EXPRESS_TRACKING_NO: Final = "expressTrackingNo"
OPEN_ADDRESS_ID: Final = "openAddressId"
RECEIVER_QUERIES: Final = "receiverQueries"
IS_RETURN: Final = "isReturn"
RECEIVER_INFOS: Final = "receiverInfos"
MATCHED: Final = "matched"
RECEIVER_NAME: Final = "receiverName"  # ciphertext since 2022
RECEIVER_PHONE: Final = "receiverPhone"  # ciphertext
RECEIVER_ADDRESS: Final = "receiverAddress"  # ciphertext
RECEIVER_PROVINCE: Final = "receiverProvinceName"
RECEIVER_CITY: Final = "receiverCityName"
RECEIVER_DISTRICT: Final = "receiverDistrictName"
RECEIVER_TOWN: Final = "receiverTownName"
EXPRESS_NO: Final = "expressNo"
EXPRESS_COMPANY_CODE: Final = "expressCompanyCode"
EXPRESS_COMPANY_NAME: Final = "expressCompanyName"
DELIVERING_TIME: Final = "deliveringTime"  # ms
UNPACK: Final = "unpack"  # split shipment: only the lines of skuIdList
OLD_EXPRESS_NO: Final = "oldExpressNo"
# The company code of a delivery without a courier; expressNo then says what was done.
SELF_DELIVERY_COMPANY_CODE: Final = "selfdelivery"

STATUS_AWAITING_PAYMENT: Final = 1
STATUS_PAID: Final = 2
STATUS_CUSTOMS: Final = 3
STATUS_AWAITING_SHIPMENT: Final = 4
STATUS_PARTLY_SHIPPED: Final = 5
STATUS_AWAITING_RECEIPT: Final = 6
STATUS_COMPLETED: Final = 7
STATUS_CLOSED: Final = 8
STATUS_CANCELLED: Final = 9
STATUS_EXCHANGE_REQUESTED: Final = 10

# --- Express companies (公共API/common_getExpressCompanyList) -------------------------------------

EXPRESS_COMPANY_INFOS: Final = "expressCompanyInfos"
EXPRESS_COMPANY_COMMENT: Final = "comment"

# --- Receiver data (数据加解密/050_数据加密对接方案.md, 订单API/data_*.json) ----------------------

BASE_INFOS: Final = "baseInfos"  # at most 100 per call
DATA_TAG: Final = "dataTag"  # the order id (or the after-sale id)
ENCRYPTED_DATA: Final = "encryptedData"
ACTION_TYPE: Final = "actionType"
APP_USER_ID: Final = "appUserId"  # "any non-empty value"
ACTION_VIEW_ONE: Final = "1"  # a person looks at one field of one order
ACTION_PRINT: Final = "2"  # decrypted to print the parcel label
DATA_INFO_LIST: Final = "dataInfoList"
DECRYPTED_DATA: Final = "decryptedData"
DESENSITISE_INFO_LIST: Final = "desensitiseInfoList"
DESENSITISED_DATA: Final = "desensitisedData"
ITEM_ERROR_CODE: Final = "errorCode"
ITEM_ERROR_MSG: Final = "errorMsg"
DECRYPT_BATCH_MAX: Final = 100

# --- After-sales (售后API/afterSale_*.json) -------------------------------------------------------

AFTER_SALE_BASIC_INFOS: Final = "afterSaleBasicInfos"
AFTER_SALE_INFO: Final = "afterSaleInfo"
TOTAL_COUNT: Final = "totalCount"
RETURNS_ID: Final = "returnsId"
RETURN_TYPE: Final = "returnType"
AFTER_SALE_STATUS: Final = "status"
STATUSES: Final = "statuses"
RETURN_TYPES: Final = "returnTypes"
APPLY_TIME: Final = "applyTime"  # ms
UPDATED_AT: Final = "updatedAt"  # ms
REASON_NAME: Final = "reasonNameZh"
EXPECTED_REFUND_YUAN: Final = "expectedRefundAmountYuan"  # yuan, a number
AFTER_SALE_SKUS: Final = "skus"
EXCHANGE_SKUS: Final = "exchangeSKUs"
APPLIED_COUNT: Final = "appliedCount"
SKU_ERP_CODE: Final = "skuERPCode"
ACTION: Final = "action"
ACTION_CONFIRM_RECEIPT: Final = 1
# pageNo * pageSize may not pass this.
AFTER_SALE_ROWS_MAX: Final = 50_000

RETURN_TYPE_RETURN: Final = 1
RETURN_TYPE_EXCHANGE: Final = 2
RETURN_TYPE_REFUND_AFTER_SHIPMENT: Final = 4
RETURN_TYPE_REFUND_BEFORE_SHIPMENT: Final = 5
AS_AWAITING_REVIEW: Final = 1
AS_AWAITING_BUYER_PARCEL: Final = 2
AS_AWAITING_MERCHANT_RECEIPT: Final = 3
AS_DONE: Final = 4
AS_CANCELLED: Final = 5
AS_CLOSED: Final = 6
AS_REFUSED: Final = 9
AS_RECEIPT_REFUSED: Final = 9001
AS_EXCHANGE_AWAITING_SHIPMENT: Final = 12
AS_EXCHANGE_AWAITING_BUYER: Final = 13
AS_PLATFORM_INVOLVED: Final = 14

# --- Rate limits (开发文档/292_接口限流说明.md) ---------------------------------------------------

REQUESTS_PER_SECOND_PER_APP: Final = 100
REQUESTS_PER_SECOND_PER_METHOD: Final = 200
ORDER_POLL_MIN_INTERVAL_S: Final = 5 * 60

# --- Error codes ---------------------------------------------------------------------------------
# Only the codes the official pages name. The codes of a bad signature, an expired token, a stale
# timestamp are OPEN (not public): an unknown code is shown as "the platform refused" with the
# platform's own message, and nothing is built on a guessed number.

ERR_BAD_PARAMETERS: Final = -1000400
ERR_ORDER_NOT_FOUND: Final = -2000101
ERR_ORDER_WRONG_STATUS: Final = -2000202
ERR_FULFILMENT_STOPPED: Final = -2000203  # the buyer asked to cancel
ERR_ORDER_REFUSED: Final = -2000400
ERR_DECRYPT_REFUSED: Final = -2000701  # the decryption quota was hit
ERR_DECRYPT_QUOTA_UNAVAILABLE: Final = -2000702  # the quota check itself failed
ERR_STOCK_BELOW_ZERO: Final = -5009202
ERR_STOCK_NOT_MODIFIABLE: Final = -5009026
ERR_BUNDLE_STOCK: Final = -5009030
ERR_CHANNEL_PRODUCT: Final = -4009203
# Seen in a third-party client only (no official table is public); retried like HTTP 429.
ERR_RATE_LIMITED: Final = -9013

ERROR_MESSAGES: Final = {
    ERR_BAD_PARAMETERS: "bad parameters",
    ERR_ORDER_NOT_FOUND: "order not found",
    ERR_ORDER_WRONG_STATUS: "the order's status does not allow this",
    ERR_FULFILMENT_STOPPED: "fulfilment stopped: the buyer asked to cancel",
    ERR_DECRYPT_REFUSED: "the decryption quota is used up",
    ERR_DECRYPT_QUOTA_UNAVAILABLE: "the decryption quota could not be checked",
    ERR_STOCK_BELOW_ZERO: "total stock cannot be below 0",
    ERR_STOCK_NOT_MODIFIABLE: "this item's stock cannot be modified",
    ERR_BUNDLE_STOCK: "a bundle's stock comes from its parts",
    ERR_CHANNEL_PRODUCT: "a channel product's stock cannot be set here",
    ERR_RATE_LIMITED: "too many requests for this method",
}
KNOWN_ERROR_CODES: Final = frozenset(ERROR_MESSAGES) | {ERR_ORDER_REFUSED}
RATE_LIMIT_ERROR_CODES: Final = frozenset({ERR_RATE_LIMITED})
DECRYPT_QUOTA_ERROR_CODES: Final = frozenset({ERR_DECRYPT_REFUSED, ERR_DECRYPT_QUOTA_UNAVAILABLE})


def sign(method: str, app_id: str, timestamp: int | str, version: str, app_secret: str) -> str:
    """The request signature: MD5 (lower-case hex) of the method, the query and the secret."""
    text = f"{method}?appId={app_id}&timestamp={timestamp}&version={version}{app_secret}"
    return hashlib.md5(text.encode("utf-8")).hexdigest()
