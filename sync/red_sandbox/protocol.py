"""The open platform's wire protocol as its own documents describe it (shared with no client).

Sources, all under ``docs/小红书官方文档/`` of the public crawl kept in the repository
``AndersonBY/xiaohongshu-ecommerce-python-sdk``:

- ``开发文档/039_签名算法.md``: the MD5 signature of ``{method}?appId=…&timestamp=…&version=…``
  followed straight by the app secret; system fields in the JSON body.
- ``开发文档/040_系统参数说明.md``: the system fields, seconds for ``timestamp``, ``version``
  ``2.0``, ``Content-Type: application/json;charset=utf-8``, the ``{error_code, error_msg,
  data, success}`` envelope, one gateway path.
- ``开发文档/038_授权流程（软件服务商）.md``: codes valid 10 minutes, access tokens 7 days,
  refresh tokens 14 days, the 30-minute and 5-minute refresh rules.
- ``开发文档/292_接口限流说明.md``: 100 calls/s per app, 200/s per method by default.
- ``api/<area>API/*.json``: each method's fields; the methods whose spec names the newer gateway
  (``gatewayId`` 165, server ``edith.xiaohongshu.com``) answer ``{success, code, msg, data}``.

Every code the platform does not publish is marked ASSUMED here and in docs/red-sandbox.md.
"""

from __future__ import annotations

import hashlib
import re
from typing import Final

GATEWAY_PATH: Final = "/ark/open_api/v3/common_controller"
AUTHORIZATION_PATH: Final = "/ark/authorization"
VERSION: Final = "2.0"
SYSTEM_FIELDS: Final = frozenset({"appId", "timestamp", "version", "method", "sign", "accessToken"})

# Both answer shapes; the newer gateway's methods (gatewayId 165 in their specs).
NEW_GATEWAY_METHODS: Final = frozenset(
    {
        "inventory.syncSkuStockV2",
        "inventory.getSkuStockV2",
        "afterSale.listAfterSaleInfos",
        "afterSale.getAfterSaleInfo",
        "afterSale.rejectReasons",
    }
)
OAUTH_METHODS: Final = frozenset({"oauth.getAccessToken", "oauth.refreshToken"})

# --- limits from the documents -------------------------------------------------------------------
TIMESTAMP_TOLERANCE_S: Final = 600  # ASSUMED: the documents give no tolerance
CODE_LIFETIME_S: Final = 10 * 60
ACCESS_TOKEN_LIFETIME_S: Final = 7 * 24 * 3600
REFRESH_TOKEN_LIFETIME_S: Final = 14 * 24 * 3600
REFRESH_SAME_TOKENS_ABOVE_S: Final = 30 * 60
OLD_ACCESS_TOKEN_GRACE_S: Final = 5 * 60
REQUESTS_PER_SECOND_PER_APP: Final = 100.0
REQUESTS_PER_SECOND_PER_METHOD: Final = 200.0
CATALOG_PAGE_SIZE_DEFAULT: Final = 50
ORDER_PAGE_SIZE_DEFAULT: Final = 50
PAGE_SIZE_MAX: Final = 100
ORDER_PAGE_NO_MAX: Final = 100
AFTER_SALE_ROWS_MAX: Final = 50_000  # pageNo * pageSize
WAREHOUSE_PAGE_SIZE_DEFAULT: Final = 10
WINDOW_MAX_S: Final = {1: 24 * 3600, 2: 30 * 60}  # timeType 1 created, 2 updated
DECRYPT_BATCH_MAX: Final = 100
WAREHOUSE_CODE_RE: Final = re.compile(r"[A-Za-z0-9_]{1,24}")
WAREHOUSE_NAME_MAX: Final = 50
DEFAULT_WAREHOUSE: Final = "CPartner"
SELF_DELIVERY: Final = "selfdelivery"

# --- order, after-sale and decrypt enumerations (order_getOrderList / afterSale specs) -----------
ORDER_STATUSES: Final = range(1, 11)
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
ORDER_TYPES: Final = (0, 1, 2, 3, 4, 5)
# orderAfterSalesStatus / skuAfterSaleStatus
AS_NONE, AS_PROCESSING, AS_DONE, AS_REFUSED, AS_CLOSED, AS_PLATFORM, AS_CANCELLED = range(1, 8)
# afterSale returnType
RETURN_GOODS: Final = 1
EXCHANGE: Final = 2
REFUND_AFTER_SHIPMENT: Final = 4
REFUND_BEFORE_SHIPMENT: Final = 5
RETURN_TYPES: Final = (RETURN_GOODS, EXCHANGE, REFUND_AFTER_SHIPMENT, REFUND_BEFORE_SHIPMENT)
# afterSale status
R_AWAITING_REVIEW: Final = 1
R_AWAITING_BUYER_PARCEL: Final = 2
R_AWAITING_RECEIPT: Final = 3
R_DONE: Final = 4
R_CANCELLED: Final = 5
R_CLOSED: Final = 6
R_REFUSED: Final = 9
R_RECEIPT_REFUSED: Final = 9001
R_EXCHANGE_AWAITING_SHIPMENT: Final = 12
R_EXCHANGE_AWAITING_BUYER: Final = 13
R_PLATFORM: Final = 14
RETURN_STATUSES: Final = (1, 2, 3, 4, 5, 6, 9, 9001, 12, 13, 14)
OPEN_RETURN_STATUSES: Final = (1, 2, 3, 12, 13, 14)
DECRYPT_ACTION_TYPES: Final = ("1", "2", "3", "4")
# Ciphertext kinds (数据加解密/051_加密算法介绍.md): 1 address, 2 name, 3 phone.
KIND_ADDRESS, KIND_NAME, KIND_PHONE = 1, 2, 3

# --- error codes ---------------------------------------------------------------------------------
# Seen in the official documents.
ERR_PARAMETER: Final = -1000400
ERR_ORDER_NOT_FOUND: Final = -2000101
ERR_ORDER_STATUS: Final = -2000202
ERR_FULFILMENT_STOPPED: Final = -2000203  # the buyer asked to cancel
ERR_ORDER_PARAMETER: Final = -2000400  # ASSUMED meaning: an order call's value refused
ERR_DECRYPT_QUOTA: Final = -2000701
ERR_DECRYPT_QUOTA_SERVICE: Final = -2000702
ERR_STOCK_BELOW_ZERO: Final = -5009202
ERR_STOCK_NOT_MODIFIABLE: Final = -5009026
ERR_BUNDLE_STOCK: Final = -5009030
ERR_CHANNEL_PRODUCT: Final = -4009203
ERR_RATE_LIMITED: Final = -9013  # a method's rate limit (seen in a third-party client)
WARN_OCCUPIED_NOT_DEDUCTED: Final = -9028  # inner code of a SUCCESSFUL sync (syncSkuStock spec)
# ASSUMED: the platform publishes no code for these; the sandbox's own, in a range of its own.
ERR_SIGN: Final = -9001001
ERR_APP_UNKNOWN: Final = -9001002
ERR_TIMESTAMP: Final = -9001003
ERR_ACCESS_TOKEN: Final = -9001004
ERR_METHOD_UNKNOWN: Final = -9001005
ERR_AUTH_CODE: Final = -9001006
ERR_REFRESH_TOKEN: Final = -9001007

MESSAGES: Final = {
    ERR_PARAMETER: "参数错误",
    ERR_ORDER_NOT_FOUND: "订单不存在",
    ERR_ORDER_STATUS: "订单状态不允许此操作",
    ERR_FULFILMENT_STOPPED: "用户已申请取消订单，请停止发货",
    ERR_ORDER_PARAMETER: "订单参数不合法",
    ERR_DECRYPT_QUOTA: "已达解密限额，无法解密",
    ERR_DECRYPT_QUOTA_SERVICE: "解密限额服务异常，无法解密",
    ERR_STOCK_BELOW_ZERO: "总库存不能小于0",
    ERR_STOCK_NOT_MODIFIABLE: "该商品库存不可修改",
    ERR_BUNDLE_STOCK: "组合商品（含多包组）的库存由子商品决定，不可直接修改",
    ERR_CHANNEL_PRODUCT: "渠道商品不可直接修改库存",
    ERR_RATE_LIMITED: "请求过于频繁，已被限流",
    WARN_OCCUPIED_NOT_DEDUCTED: "同步成功，但占用库存未扣减",
    ERR_SIGN: "签名校验失败",
    ERR_APP_UNKNOWN: "appId不存在",
    ERR_TIMESTAMP: "时间戳已过期",
    ERR_ACCESS_TOKEN: "accessToken无效或已过期",
    ERR_METHOD_UNKNOWN: "方法不存在",
    ERR_AUTH_CODE: "授权码无效或已过期",
    ERR_REFRESH_TOKEN: "refreshToken无效或已过期",
}
ASSUMED_CODES: Final = (
    ERR_SIGN,
    ERR_APP_UNKNOWN,
    ERR_TIMESTAMP,
    ERR_ACCESS_TOKEN,
    ERR_METHOD_UNKNOWN,
    ERR_AUTH_CODE,
    ERR_REFRESH_TOKEN,
)


def message(code: int) -> str:
    return MESSAGES.get(code, "平台错误")


def sign(method: str, app_id: str, timestamp: str, version: str, app_secret: str) -> str:
    """039_签名算法.md: MD5, lower-case hex, of the joined system fields and the secret."""
    text = f"{method}?appId={app_id}&timestamp={timestamp}&version={version}{app_secret}"
    return hashlib.md5(text.encode("utf-8")).hexdigest()


class RawJSON(str):
    """``data`` already serialised (a large page built by the database): sent as it is."""


def envelope(method: str, data: object = None, code: int = 0, msg: str = "") -> dict[str, object]:
    """The answer in the shape the method's gateway uses."""
    if method in NEW_GATEWAY_METHODS:
        return {"success": code == 0, "code": code, "msg": msg, "data": data}
    return {"success": code == 0, "error_code": code, "error_msg": msg, "data": data}
