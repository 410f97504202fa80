# ruff: noqa: E501
"""Chinese for taking payments at the counter: wallets through the provider, the external
terminal (bank card, WeChat Pay / Alipay on a terminal or static QR), the charge's states, the
"paid, no sale" list and the settlement reconciliation."""

ZH: dict[str, str] = {
    # no provider, external terminal, card reference
    "This counter is not connected to WeChat Pay: use the payment terminal": "本收银台未接入微信支付，请使用收款终端",
    "This counter is not connected to Alipay: use the payment terminal": "本收银台未接入支付宝，请使用收款终端",
    "A payment on the external terminal needs the terminal's reference": "外部收款须填写收款终端的参考号",
    "A terminal reference is 4 to 32 letters or digits, as printed on the slip": "参考号应为 4 至 32 位字母或数字，以签购单上印的为准",
    "This store records the card slip's reference number: enter it": "本店银行卡收款须登记签购单参考号，请输入",
    "Alipay on the terminal": "外部收款：支付宝",
    "WeChat Pay on the terminal": "外部收款：微信",
    "WeChat": "微信",
    "On the terminal:": "外部收款：",
    "Reference on the terminal's slip": "签购单上的参考号",
    "Card payments need the slip's reference number": "银行卡收款须登记签购单参考号",
    "Take WeChat Pay and Alipay on a separate terminal or a static QR code": "可用收款终端或收款码收取微信、支付宝（外部收款）",
    "This is the customer's payment code, not the terminal's reference: scan the reference on the terminal's slip": "这是顾客的付款码，不是参考号：请扫描收款终端签购单上的参考号",
    "ref. {reference}": "参考号 {reference}",
    "{method}: take {amount} on the terminal, then enter the slip's reference (or press Enter without one)": "{method}：请在收款终端收取 {amount}，然后输入签购单参考号（没有可直接按回车）",
    "{method}: take {amount} on the terminal, then type or scan the reference printed on its slip and press Enter": "{method}：请在收款终端收取 {amount}，然后输入或扫描签购单上的参考号并按回车",
}
