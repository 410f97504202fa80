# ruff: noqa: E501
"""Chinese for the counter's discounts, price changes, shift opening and counter actions."""

ZH: dict[str, str] = {
    "A 折 is between 0.1 and 9.9 (or 11 to 99): {text}": "折数须在 0.1 到 9.9 之间（或 11 到 99）：{text}",
    "Change price": "改价",
    "Customer pays {paid}, saves {saved}": "顾客实付 {paid}，优惠 {saved}",
    "Discount (折)": "打折",
    "Discount or price change": "折扣 / 改价",
    "Float counted, e.g. 500": "清点的备用金，如 500",
    "No shift is open at this till. Count the cash in the drawer and enter it as the float; sales start once the shift is open.": "本收银台尚未开班。请清点钱箱现金并输入为备用金，开班后即可收银。",
    "No shift is open: count the float and open the shift first": "尚未开班：请先清点备用金并开班",
    "Not a discount in 折: {text}": "不是有效的折数：{text}",
    "Open the shift": "开班",
    "Open the shift first; the scanned item was not added.": "请先开班，刚才扫描的商品未加入。",
    "Savings": "优惠",
    "Selling {title} at {price} instead of {list_price} needs approval.": "{title} 以 {price} 出售（原价 {list_price}）需要授权。",
    "This line: {title}": "单行：{title}",
    "Type the new unit price in yuan (list price {price})": "输入新的单价（元），原价 {price}",
    "Type the yuan taken off, e.g. 20": "输入减免的金额（元），如 20",
    "Type the 折: 8 = 8折 (pay 80%), 85 = 85折, 9.5 = 95折": "输入折数：8 = 8折（付 80%），85 = 85折，9.5 = 95折",
    "{due_fen} still to pay": "仍需支付 {due_fen}",
}
