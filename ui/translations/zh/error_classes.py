# ruff: noqa: E501
"""Chinese for the messages error classes give when raised without one of their own (the
``template`` on the class: the online store's, the printers', the short links', the
database's when it cannot take a write)."""

ZH: dict[str, str] = {
    "Not sent to the online store ({method}): {error_msg}": "未发送到线上店铺（{method}）：{error_msg}",
    "Printer {printer} cannot be reached: {detail}": "无法连接打印机 {printer}：{detail}",
    "Printer {printer} is not ready: {state}": "打印机 {printer} 未就绪：{state}",
    "The online store answered HTTP {status} to {method}.": "线上店铺对 {method} 应答 HTTP {status}。",
    "The online store could not be reached: {detail}": "无法连接线上店铺：{detail}",
    "The online store did not answer {method} ({detail}). Will try again.": "线上店铺未应答 {method}（{detail}），稍后将重试。",
    "The online store is limiting requests ({method}). Will try again later.": "线上店铺正在限制请求频率（{method}），稍后将重试。",
    "The online store lists more than it lets us read in one window ({method})": "线上店铺在一个时间段内列出的记录超过了可读取的上限（{method}）",
    "The online store refused the connection ({detail}). Connect the store again.": "线上店铺拒绝了连接（{detail}），请重新连接店铺。",
    "The online store refused {method}: {error_msg} (code {error_code})": "线上店铺拒绝了 {method}：{error_msg}（错误码 {error_code}）",
    "The online store sent an answer that cannot be read ({method}): {detail}": "线上店铺的应答无法读取（{method}）：{detail}",
    "The online store sent {what} that cannot be applied ({detail}). Nothing changed.": "线上店铺发来的{what}无法应用（{detail}），未做任何更改。",
    "The online store would not reveal the receiver ({error_msg}, code {error_code})": "线上店铺未提供收件人信息（{error_msg}，错误码 {error_code}）",
    "The platform refused: {error_msg}": "平台拒绝：{error_msg}",
    "The printer cannot print the character {character!r} (U+{codepoint:04X}) in {encoding}; change the text or the printer encoding": "打印机无法用 {encoding} 打印字符 {character!r}（U+{codepoint:04X}）：请修改文字或打印机编码",
    "The short link could not be opened ({detail}): scan the product itself": "短链接无法打开（{detail}）：请直接扫描商品",
    "Another counter was saving at the same moment, so nothing was saved. Try again.": "另一台收银机正在同时保存，本次未保存任何内容。请重试。",
    "The disk of the store database is full, so nothing was saved. Free some space (or call the manager), then try again.": "门店数据库所在磁盘已满，未保存任何内容。请清理空间（或联系店长）后重试。",
    "The store database is read-only, so nothing was saved. Call the manager to make it writable, then try again.": "门店数据库为只读，未保存任何内容。请联系店长将其改为可写后重试。",
}
