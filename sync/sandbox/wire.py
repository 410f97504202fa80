"""The wire names this sandbox answers with: its own table, apart from the connector's.

A stand-in written before the platform's documents were checked; several numbers (the error
codes) and the order-level delivery mode are its own. It is replaced by ``sync.red_sandbox``,
written from the official documents; until then it keeps the demo and the older tests running.
"""

from __future__ import annotations

import hashlib
from typing import Final

# --- Gateway -------------------------------------------------------------------------------------

PRODUCTION_BASE_URL: Final = "https://ark.xiaohongshu.com"
TEST_BASE_URL: Final = "http://ark.sit.xiaohongshu.com"
GATEWAY_PATH: Final = "/ark/open_api/v3/common_controller"
AUTHORIZATION_PATH: Final = "/ark/authorization"
API_VERSION: Final = "2.0"

# --- Envelope (system fields, signed by method/appId/timestamp/version only) --------------------

APP_ID: Final = "appId"
TIMESTAMP: Final = "timestamp"
VERSION: Final = "version"
METHOD: Final = "method"
SIGN: Final = "sign"
ACCESS_TOKEN: Final = "accessToken"
ENVELOPE_FIELDS: Final = (APP_ID, TIMESTAMP, VERSION, METHOD, SIGN, ACCESS_TOKEN)

# --- Response ------------------------------------------------------------------------------------

SUCCESS: Final = "success"
ERROR_CODE: Final = "error_code"
ERROR_MSG: Final = "error_msg"
DATA: Final = "data"

# --- Methods -------------------------------------------------------------------------------------

GET_ACCESS_TOKEN: Final = "oauth.getAccessToken"
REFRESH_TOKEN: Final = "oauth.refreshToken"
GET_DETAIL_SKU_LIST: Final = "product.getDetailSkuList"
GET_SKU_STOCK: Final = "inventory.getSkuStock"
SYNC_SKU_STOCK: Final = "inventory.syncSkuStock"
SYNC_SKU_STOCK_V2: Final = "inventory.syncSkuStockV2"
INC_SKU_STOCK: Final = "inventory.incSkuStock"
GET_ORDER_LIST: Final = "order.getOrderList"
GET_ORDER_DETAIL: Final = "order.getOrderDetail"
GET_ORDER_RECEIVER_INFO: Final = "order.getOrderReceiverInfo"
ORDER_DELIVER: Final = "order.orderDeliver"
OAUTH_METHODS: Final = frozenset({GET_ACCESS_TOKEN, REFRESH_TOKEN})

# --- OAuth ---------------------------------------------------------------------------------------

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
# With more than this left, oauth.refreshToken hands back the same tokens.
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

# --- Inventory -----------------------------------------------------------------------------------

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
INNER_RESPONSE: Final = "response"
INNER_SUCCESS: Final = "success"
INNER_MESSAGE: Final = "message"
INNER_CODE: Final = "code"

# --- Orders --------------------------------------------------------------------------------------

START_TIME: Final = "startTime"  # seconds
END_TIME: Final = "endTime"  # seconds
TIME_TYPE: Final = "timeType"
TIME_TYPE_CREATED: Final = 1
TIME_TYPE_UPDATED: Final = 2
WINDOW_MAX_S: Final = {TIME_TYPE_CREATED: 24 * 3600, TIME_TYPE_UPDATED: 30 * 60}
ORDER_STATUS: Final = "orderStatus"
ORDER_PAGE_SIZE_MAX: Final = 100
MAX_PAGE_NO: Final = "maxPageNo"
ORDER_LIST: Final = "orderList"
ORDER_ID: Final = "orderId"
CREATED_TIME: Final = "createdTime"  # ms
ORDER_UPDATE_TIME: Final = "updateTime"  # ms
SKU_LIST: Final = "skuList"
SKU_NAME: Final = "skuName"
SKU_QUANTITY: Final = "skuQuantity"
SKU_DETAIL_LIST: Final = "skuDetailList"
QUANTITY: Final = "quantity"
PRICE_PER_SKU: Final = "pricePerSku"  # fen
TOTAL_PAY_AMOUNT: Final = "totalPayAmount"  # fen
OPEN_ADDRESS_ID: Final = "openAddressId"
RECEIVER_QUERIES: Final = "receiverQueries"
RECEIVER_INFOS: Final = "receiverInfos"
RECEIVER_NAME: Final = "receiverName"
RECEIVER_PHONE: Final = "receiverPhone"
RECEIVER_ADDRESS: Final = "receiverAddress"
EXPRESS_NO: Final = "expressNo"
EXPRESS_COMPANY_CODE: Final = "expressCompanyCode"
EXPRESS_COMPANY_NAME: Final = "expressCompanyName"
DELIVERING_TIME: Final = "deliveringTime"
SELF_DELIVERY_COMPANY_CODE: Final = "selfdelivery"  # ASSUMPTION: kept a setting as well
# ASSUMPTION: how the platform marks an order the customer collects in the store is not public.
# The connector reads this order-detail field; the sandbox writes it.
DELIVERY_MODE: Final = "deliveryMode"
DELIVERY_MODE_PICKUP: Final = "pickup"
DELIVERY_MODE_EXPRESS: Final = "express"

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
# Once an order is in one of these, a delivery for it has been registered.
SHIPPED_STATUSES: Final = frozenset({STATUS_AWAITING_RECEIPT, STATUS_COMPLETED})
ORDER_STATUS_NAMES: Final = {
    STATUS_AWAITING_PAYMENT: "awaiting payment",
    STATUS_PAID: "paid",
    STATUS_CUSTOMS: "in customs",
    STATUS_AWAITING_SHIPMENT: "awaiting shipment",
    STATUS_PARTLY_SHIPPED: "partly shipped",
    STATUS_AWAITING_RECEIPT: "shipped",
    STATUS_COMPLETED: "completed",
    STATUS_CLOSED: "closed",
    STATUS_CANCELLED: "cancelled",
    STATUS_EXCHANGE_REQUESTED: "exchange requested",
}

# --- Rate limits ---------------------------------------------------------------------------------

REQUESTS_PER_SECOND_PER_APP: Final = 100
REQUESTS_PER_SECOND_PER_METHOD: Final = 200
ORDER_POLL_MIN_INTERVAL_S: Final = 5 * 60

# --- Error codes ---------------------------------------------------------------------------------
# No official table is public. -9013 (a method's rate limit) was seen in a third-party client;
# ASSUMPTION: the other numbers are ours, shared with the sandbox, the messages follow the
# platform's documented wording where it is known.

ERR_SIGN_INVALID: Final = -1001
ERR_TIMESTAMP_STALE: Final = -1002
ERR_APP_UNKNOWN: Final = -1003
ERR_ACCESS_TOKEN_INVALID: Final = -1010
ERR_REFRESH_TOKEN_INVALID: Final = -1011
ERR_AUTH_CODE_INVALID: Final = -1012
ERR_METHOD_UNKNOWN: Final = -1020
ERR_BAD_PARAMETER: Final = -1030
ERR_TIME_WINDOW_TOO_LONG: Final = -1031
ERR_STOCK_BELOW_ZERO: Final = -4001
ERR_STOCK_LOCKED: Final = -4002
ERR_SKU_NOT_FOUND: Final = -4003
ERR_ORDER_NOT_FOUND: Final = -5001
ERR_ORDER_ALREADY_SHIPPED: Final = -5002
ERR_ORDER_NOT_DELIVERABLE: Final = -5003
ERR_RATE_LIMITED: Final = -9013

ERROR_MESSAGES: Final = {
    ERR_SIGN_INVALID: "signature check failed",
    ERR_TIMESTAMP_STALE: "request timestamp too far from the platform's clock",
    ERR_APP_UNKNOWN: "unknown appId",
    ERR_ACCESS_TOKEN_INVALID: "access token invalid or expired",
    ERR_REFRESH_TOKEN_INVALID: "refresh token invalid or expired",
    ERR_AUTH_CODE_INVALID: "authorization code invalid, used or expired",
    ERR_METHOD_UNKNOWN: "unknown method",
    ERR_BAD_PARAMETER: "bad parameters",
    ERR_TIME_WINDOW_TOO_LONG: "time window too long for this timeType",
    ERR_STOCK_BELOW_ZERO: "total stock cannot be below 0",
    ERR_STOCK_LOCKED: "this item's stock cannot be modified",
    ERR_SKU_NOT_FOUND: "SKU not found",
    ERR_ORDER_NOT_FOUND: "order not found",
    ERR_ORDER_ALREADY_SHIPPED: "order already shipped",
    ERR_ORDER_NOT_DELIVERABLE: "order cannot be delivered in its current status",
    ERR_RATE_LIMITED: "too many requests for this method",
}
# The manager has to connect the store again (or fix the app credentials).
AUTH_ERROR_CODES: Final = frozenset(
    {
        ERR_SIGN_INVALID,
        ERR_APP_UNKNOWN,
        ERR_ACCESS_TOKEN_INVALID,
        ERR_REFRESH_TOKEN_INVALID,
        ERR_AUTH_CODE_INVALID,
    }
)
RATE_LIMIT_ERROR_CODES: Final = frozenset({ERR_RATE_LIMITED})


def error_message(code: int, fallback: str = "") -> str:
    """The known message for a platform error code, else what the platform said."""
    return fallback or ERROR_MESSAGES.get(code, f"error {code}")


def sign(method: str, app_id: str, timestamp: int | str, version: str, app_secret: str) -> str:
    """The request signature: MD5 (lower-case hex) of the method, the query and the secret."""
    text = f"{method}?appId={app_id}&timestamp={timestamp}&version={version}{app_secret}"
    return hashlib.md5(text.encode("utf-8")).hexdigest()
