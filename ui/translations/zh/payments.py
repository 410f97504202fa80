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
    # the charge service (services/payments.py) and wallet refunds
    "A WeChat Pay or Alipay payment counts only once the provider has confirmed it: scan the customer's payment code to charge it": "微信支付或支付宝付款须经支付机构确认后才算收款：请扫描顾客的付款码发起收款",
    "A refund needs a reason": "退款需要填写原因",
    "A refund of {amount} fen is more than the {left} fen left of payment {number}": "退款 {amount} 分超过了支付单 {number} 剩余可退的 {left} 分",
    "No clear answer from the provider: the payment was reversed, so the customer keeps (or gets back) the money. Scan a fresh code to try again": "支付机构未给出明确结果：本次收款已撤销，顾客的钱不会被扣（已扣的原路退回）。请让顾客刷新付款码后重新扫码",
    "No payment with order number {number}": "没有单号为 {number} 的支付",
    "Only a payment without a sale can be refunded here; a sale's payment is refunded by returning its goods": "这里只能退还未生成销售单的付款；已成交销售的付款请通过退货办理退款",
    "Payment refused ({code}): {detail}. Nothing was taken": "付款被拒绝（{code}）：{detail}。未扣款",
    "Payment refused: the customer's balance is not enough. Nothing was taken": "付款被拒绝：顾客余额不足。未扣款",
    "Payment refused: the payment code has expired or was already used. Ask the customer to refresh the code and scan again. Nothing was taken": "付款被拒绝：付款码已过期或已使用。请顾客刷新付款码后重新扫码。未扣款",
    "The customer did not complete the payment. Nothing was taken": "顾客未完成支付。未扣款",
    "The customer did not enter the password in time: the payment was cancelled and nothing was taken": "顾客未在时限内输入支付密码：本次收款已撤销，未扣款",
    "The customer paid {amount} fen ({number}) but the sale could not be written: {detail}. A manager finds the payment under payments paid without a sale": "顾客已支付 {amount} 分（{number}），但销售单未能保存：{detail}。店长可在“已收款未成交”中处理这笔付款",
    "The payment was cancelled: nothing was taken from the customer, or it was paid back": "收款已取消：未扣顾客的钱，或已原路退回",
    "The payment {number} has no clear result yet. It is being settled with the provider: do not charge the customer again until it is (payments status)": "支付单 {number} 尚无明确结果，正在与支付机构核实：核实完成前请勿再次向顾客收款（payments status）",
    "The payment {number} is not a payment without a sale": "支付单 {number} 不是已收款未成交的付款",
    "The payment {number} was taken and could not be reversed: a manager must refund it (payments paid without a sale)": "支付单 {number} 已扣款且无法撤销：须由店长办理退款（已收款未成交）",
    "The refund is more than what is left of the sale's {kind} payments": "退款金额超过了该销售 {kind} 付款的剩余可退金额",
    "This sale was paid by WeChat Pay or Alipay and its refund goes back the same way, but this counter is not connected to the provider. A manager may approve a cash refund instead": "此销售由微信支付或支付宝付款，须原路退款，但本收银台未接入该支付机构。可由店长批准改退现金",
    "This sale was paid by WeChat Pay or Alipay: a refund in cash instead needs a manager's approval": "此销售由微信支付或支付宝付款：改退现金须经店长批准",
}
