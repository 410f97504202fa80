# ruff: noqa: E501
"""Chinese for lots and expiry dates (批号 / 有效期)."""

ZH: dict[str, str] = {
    "A lot number is up to 20 letters, digits or signs: {lot}": "批号最多 20 个字母、数字或符号：{lot}",
    "A lot take needs a positive quantity": "出库数量必须大于零",
    "Enter the lot number": "请输入批号",
    "Lot {lot} expired on {expiry}: it cannot be sold without a manager": "批号 {lot} 已于 {expiry} 过期：需店长批准才能销售",
    "Only expired units are left for {wanted} more: a manager must approve selling expired goods": "剩余 {wanted} 件只有过期库存：销售过期商品需店长批准",
    "Say why expired goods are sold": "请说明销售过期商品的原因",
    "The approval does not cover selling {sku} × {quantity} past its date: ask again": "该批准不包括销售过期的 {sku} × {quantity}：请重新申请",
    "(unknown)": "（未知）",
    "Expired goods": "过期商品",
    "Expired goods taken off the sale": "已将过期商品移出本单",
    "Manager allows the sale…": "店长批准销售…",
    "Reason, if a manager allows the sale": "原因（店长批准销售时必填）",
    "Selling goods past their expiry date needs a manager.": "销售已过有效期的商品需要店长批准。",
    "Take it off the sale": "移出本单",
    "{title}, lot {lot}, expired on {expiry}. It must not be sold.": "{title}，批号 {lot}，已于 {expiry} 过期，不能销售。",
    "{title}: lot {lot} expires on {expiry} ({days} days left)": "{title}：批号 {lot} 有效期至 {expiry}（还剩 {days} 天）",
    "{title}: lot {lot}, use by {expiry}": "{title}：批号 {lot}，有效期至 {expiry}",
    "Cannot receive fewer than zero units of {code} lot {lot}": "{code} 批号 {lot} 的收货数量不能小于零",
    "Expiry date, e.g. 2027-01-31": "有效期至，如 2027-01-31",
    "Give the expiry date as year-month-day, e.g. 2027-01-31: {text}": "有效期请按 年-月-日 填写，如 2027-01-31：{text}",
    "Lot (批号), if the label has no GS1 code": "批号（标签上没有 GS1 码时填写）",
    "Lots": "批号",
    "This is not a product's code: scan the item or carton": "这不是商品的条码：请扫描商品或整箱标签",
}
