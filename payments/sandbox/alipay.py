"""Alipay's open-platform gateway as the sandbox speaks it (当面付 bar-code payments).

``POST /gateway.do`` with the common parameters (``app_id``, ``method``, ``charset``,
``sign_type`` RSA2, ``timestamp`` in China time, ``version`` 1.0, ``sign``, ``biz_content``) in
the query string and/or a form body. The request signature is checked with the app's public
key over the sorted ``key=value`` pairs of every non-empty parameter except ``sign``. Every
answer is ``{"<method>_response": {...}, "sign": "..."}`` signed with Alipay's key over the
raw JSON text of the response member.

Methods: ``alipay.trade.pay`` (scene bar_code), ``alipay.trade.query``, ``alipay.trade.cancel``,
``alipay.trade.refund``, ``alipay.trade.fastpay.refund.query`` and
``alipay.data.dataservice.bill.downloadurl.query``; the bill file itself comes from
``GET /alipay/bill/download?token=…``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import parse_qs, quote

from payments.sandbox import behaviours, ledger
from payments.sandbox.bills import alipay_bill_zip, alipay_file_stem, yuan
from payments.sandbox.context import Answer, Request, Sandbox, apply_transport
from payments.sandbox.keys import rsa_sign, rsa_verify
from payments.sandbox.ledger import CHINA, Order, code_digest, mask_code

GATEWAY_PATH = "/gateway.do"
MISSING = {  # a common parameter left out -> the gateway's sub_code
    "app_id": "isv.missing-app-id", "method": "isv.missing-method",
    "sign": "isv.missing-signature", "sign_type": "isv.missing-signature-type",
    "timestamp": "isv.missing-timestamp", "version": "isv.missing-version",
    "charset": "isv.missing-charset",
}  # fmt: skip
BILL_PATH = "/alipay/bill/download"
SYSTEM_ERROR = ("20000", "Service Currently Unavailable", "ACQ.SYSTEM_ERROR", "系统错误")
REFUSALS = {
    "balance": ("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足"),
    "expired": (
        "ACQ.PAYMENT_AUTH_CODE_INVALID",
        "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款",
    ),
    "used": ("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，付款码已被使用，请顾客刷新付款码"),
    "gave_up": ("ACQ.TRADE_HAS_CLOSE", "交易已经关闭"),
}  # fmt: skip


class Failed(Exception):
    """A refusal answered inside the method's response member."""

    def __init__(self, code: str, msg: str, sub_code: str, sub_msg: str, **extra: Any) -> None:
        super().__init__(sub_msg)
        self.fields: dict[str, Any] = {"code": code, "msg": msg}
        if sub_code:
            self.fields |= {"sub_code": sub_code, "sub_msg": sub_msg}
        self.fields |= extra


def business(sub_code: str, sub_msg: str, **extra: Any) -> Failed:
    return Failed("40004", "Business Failed", sub_code, sub_msg, **extra)


def invalid(sub_code: str, sub_msg: str) -> Failed:
    return Failed("40002", "Invalid Arguments", sub_code, sub_msg)


def missing(sub_code: str, sub_msg: str) -> Failed:
    return Failed("40001", "Missing Required Arguments", sub_code, sub_msg)


def china_text(timestamp: float | None) -> str:
    if timestamp is None:
        return ""
    return datetime.fromtimestamp(timestamp, CHINA).strftime("%Y-%m-%d %H:%M:%S")


def parse_amount(value: Any, name: str) -> int:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise business("ACQ.INVALID_PARAMETER", f"参数{name}格式错误") from None
    if amount != amount.quantize(Decimal("0.01")) or not Decimal("0.01") <= amount <= Decimal(
        "100000000"
    ):
        raise business("ACQ.INVALID_PARAMETER", f"参数{name}应为0.01~100000000之间、最多两位小数")
    return int(amount * 100)


class AlipayGateway:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.ids = sandbox.alipay
        self.methods: dict[str, Callable[[dict[str, Any]], dict[str, Any] | Answer]] = {
            "alipay.trade.pay": self.pay,
            "alipay.trade.query": self.query,
            "alipay.trade.cancel": self.cancel,
            "alipay.trade.refund": self.refund,
            "alipay.trade.fastpay.refund.query": self.refund_query,
            "alipay.data.dataservice.bill.downloadurl.query": self.bill_url,
        }
        self.short = {"alipay.trade.pay": "charge", "alipay.trade.query": "query",
                      "alipay.trade.cancel": "reverse", "alipay.trade.refund": "refund",
                      "alipay.trade.fastpay.refund.query": "refund_query",
                      "alipay.data.dataservice.bill.downloadurl.query": "bill"}  # fmt: skip

    # --- envelope --------------------------------------------------------------------------

    def params(self, request: Request) -> tuple[dict[str, str], str]:
        raw = dict(parse_qs(request.query, keep_blank_values=True, encoding="latin-1"))
        raw.update(parse_qs(request.body.decode("latin-1"), keep_blank_values=True,
                            encoding="latin-1"))  # fmt: skip
        charset = (raw.get("charset") or ["utf-8"])[0].lower()
        if charset not in ("utf-8", "gbk", "gb2312"):
            charset = "utf-8"
        merged: dict[str, str] = {}
        for part in (request.query, request.body.decode("latin-1")):
            for key, values in parse_qs(part, keep_blank_values=True, encoding=charset).items():
                merged[key] = values[0]
        return merged, charset

    def answer(self, method: str, member: dict[str, Any], charset: str) -> Answer:
        name = (
            method.replace(".", "_") + "_response" if method in self.methods else "error_response"
        )
        text = json.dumps(member, ensure_ascii=False, separators=(",", ":"))
        sign = rsa_sign(self.sandbox.keys.alipay, text.encode(charset))
        body = '{"' + name + '":' + text + ',"sign":"' + sign + '"}'
        return Answer(200, body.encode(charset), f"text/html;charset={charset}")

    def check(self, params: dict[str, str], charset: str) -> None:
        for name, sub_code in MISSING.items():
            if not params.get(name):
                raise missing(sub_code, f"缺少{name}参数")
        if params["app_id"] != self.ids.app_id:
            raise invalid("isv.invalid-app-id", "无效的AppID参数")
        if params["method"] not in self.methods:
            raise invalid("isv.invalid-method", "不存在的方法名")
        if params["sign_type"] != "RSA2":
            raise invalid("isv.invalid-signature-type", "无效的签名类型，应为RSA2")
        if params["version"] != "1.0":
            raise invalid("isv.invalid-version", "无效的版本号")
        try:
            sent = datetime.strptime(params["timestamp"], "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA)
        except ValueError:
            raise invalid("isv.invalid-timestamp", "非法的时间戳参数") from None
        skew = abs(self.sandbox.ledger.now() - sent.timestamp())
        if skew > self.sandbox.limits.alipay_timestamp_tolerance_s:
            raise invalid("isv.invalid-timestamp", "非法的时间戳参数")
        content = "&".join(f"{k}={v}" for k, v in sorted(params.items()) if k != "sign" and v)
        if not rsa_verify(self.sandbox.keys.app_public, content.encode(charset), params["sign"]):
            raise invalid(
                "isv.invalid-signature", "验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配"
            )

    def handle(self, request: Request) -> Answer:
        params, charset = self.params(request)
        method = params.get("method", "")
        if method in self.methods:
            self.sandbox.ledger.count_call(f"alipay.{method}")
        try:
            self.check(params, charset)
            try:
                biz = json.loads(params.get("biz_content") or "{}")
            except ValueError:
                raise business("ACQ.INVALID_PARAMETER", "参数biz_content不是合法的JSON") from None
            if not isinstance(biz, dict):
                raise business("ACQ.INVALID_PARAMETER", "参数biz_content不是JSON对象")
            code = biz.get("auth_code") if method == "alipay.trade.pay" else None
            behaviour = self.sandbox.behaviour("alipay", self.short[method], code)
            if behaviour.name == behaviours.LOST_BEFORE:
                return Answer(0, b"", lost=True)
            if behaviour.name == behaviours.SYSTEM_ERROR:
                retry = {"retry_flag": "Y"} if method == "alipay.trade.cancel" else {}
                raise Failed(*SYSTEM_ERROR, **retry)
            biz["_behaviour"] = behaviour
            result = self.methods[method](biz)
        except Failed as failed:
            return self.answer(method, failed.fields, charset)
        if isinstance(result, Answer):
            return result
        answer = self.answer(method, {"code": "10000", "msg": "Success"} | result, charset)
        return apply_transport(answer, behaviour)

    # --- helpers ---------------------------------------------------------------------------

    def order(self, biz: dict[str, Any]) -> Order:
        ledger_ = self.sandbox.ledger
        out_trade_no, trade_no = biz.get("out_trade_no"), biz.get("trade_no")
        if not out_trade_no and not trade_no:
            raise business("ACQ.INVALID_PARAMETER", "商户订单号和支付宝交易号不能同时为空")
        with ledger_.lock:
            if trade_no:
                for order in ledger_.orders.values():
                    if order.provider == "alipay" and order.transaction_id == trade_no:
                        order.settle(ledger_.now())
                        return order
                raise business("ACQ.TRADE_NOT_EXIST", "交易不存在")
            found = ledger_.find("alipay", self.ids.app_id, str(out_trade_no))
        if found is None or found.refused in ("balance", "expired", "used"):
            raise business("ACQ.TRADE_NOT_EXIST", "交易不存在")
        return found

    def trade_fields(self, order: Order) -> dict[str, Any]:
        return {"trade_no": order.transaction_id, "out_trade_no": order.out_trade_no,
                "buyer_logon_id": order.extra.get("buyer_logon_id", ""),
                "total_amount": yuan(order.amount_fen)}  # fmt: skip

    def paid_fields(self, order: Order) -> dict[str, Any]:
        amount = yuan(order.amount_fen)
        return {"receipt_amount": amount, "buyer_pay_amount": amount, "point_amount": "0.00",
                "invoice_amount": amount,
                "fund_bill_list": [{"fund_channel": "ALIPAYACCOUNT", "amount": amount}],
                "buyer_user_id": order.extra.get("buyer_user_id", "")}  # fmt: skip

    # --- methods ---------------------------------------------------------------------------

    def pay(self, biz: dict[str, Any]) -> dict[str, Any]:
        behaviour: behaviours.Behaviour = biz["_behaviour"]
        out_trade_no = str(biz.get("out_trade_no") or "")
        if not out_trade_no or len(out_trade_no) > 64:
            raise business("ACQ.INVALID_PARAMETER", "参数out_trade_no不能为空且不超过64位")
        if biz.get("scene") != "bar_code":
            raise business("ACQ.INVALID_PARAMETER", "参数scene应为bar_code")
        code = str(biz.get("auth_code") or "")
        subject = biz.get("subject")
        if not isinstance(subject, str) or not subject or len(subject) > 256:
            raise business("ACQ.INVALID_PARAMETER", "参数subject不能为空且不超过256位")
        amount = parse_amount(biz.get("total_amount"), "total_amount")
        if not behaviours.alipay_code_ok(code):
            raise business(*REFUSALS["expired"][:1], "支付失败，付款码无效，请顾客出示支付宝付款码")
        ledger_ = self.sandbox.ledger
        digest = code_digest(code)
        extra = {"store_id": str(biz.get("store_id", "")),
                 "terminal_id": str(biz.get("terminal_id", "")),
                 "buyer_logon_id": "159****" + str(int(digest[:4], 16)).rjust(4, "0")[:4],
                 "buyer_user_id": "2088" + str(int(digest[:12], 16))[:12].rjust(12, "0"),
                 }  # fmt: skip
        with ledger_.lock:
            order = Order("alipay", self.ids.app_id, out_trade_no, amount, digest, mask_code(code),
                          ledger_.new_id("", 28)[:8] + "22001" + ledger_.new_id("", 23)[8:],
                          0.0, ledger.PAYING, subject, self.ids.app_id, "alipay",
                          extra=extra)  # fmt: skip
            outcome = ledger_.charge(order, behaviour.name, behaviour.seconds)
        if outcome.kind in ("existing", "mismatch"):
            behaviour.plain()
        if outcome.kind == "not_applied" or behaviour.name == behaviours.SYSTEM_ERROR_CHARGED:
            raise Failed(*SYSTEM_ERROR)
        existing = outcome.order
        assert existing is not None
        if outcome.kind == "mismatch":
            raise business("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改")
        if existing.state == ledger.PAYING:
            raise Failed("10003", "Order success pay inprocess", "", "",
                         **self.trade_fields(existing))  # fmt: skip
        if existing.state == ledger.SUCCESS:
            if outcome.kind == "existing":
                raise business("ACQ.TRADE_HAS_SUCCESS", "交易已被支付")
            return (
                self.trade_fields(existing)
                | self.paid_fields(existing)
                | {"gmt_payment": china_text(existing.paid_at), "store_name": ""}
            )
        if existing.state == ledger.PAYERROR:
            raise business(*REFUSALS[existing.refused or "gave_up"])
        raise business("ACQ.TRADE_HAS_CLOSE", "交易已经关闭")

    def query(self, biz: dict[str, Any]) -> dict[str, Any]:
        order = self.order(biz)
        ledger_ = self.sandbox.ledger
        status = {ledger.PAYING: "WAIT_BUYER_PAY", ledger.SUCCESS: "TRADE_SUCCESS"}.get(
            order.state, "TRADE_CLOSED"
        )
        if status == "TRADE_SUCCESS" and ledger_.refunded_fen(order) >= order.amount_fen:
            status = "TRADE_CLOSED"
        fields = self.trade_fields(order) | {
            "trade_status": status,
            "store_id": order.extra.get("store_id", ""),
            "terminal_id": order.extra.get("terminal_id", ""),
        }
        if order.paid_at is not None:
            fields |= self.paid_fields(order) | {"send_pay_date": china_text(order.paid_at)}
        return fields

    def cancel(self, biz: dict[str, Any]) -> dict[str, Any]:
        out_trade_no = biz.get("out_trade_no")
        if biz.get("trade_no") and not out_trade_no:
            out_trade_no = self.order(biz).out_trade_no
        if not out_trade_no:
            raise business("ACQ.INVALID_PARAMETER", "商户订单号和支付宝交易号不能同时为空")
        outcome = self.sandbox.ledger.reverse(
            "alipay", self.ids.app_id, str(out_trade_no), self.sandbox.limits.alipay_cancel_window_s
        )
        if outcome.kind == "not_found":
            raise business("ACQ.TRADE_NOT_EXIST", "交易不存在", retry_flag="N")
        if outcome.kind == "expired":
            raise business("ACQ.TRADE_CANCEL_TIME_OUT", "超过撤销时间范围，请使用退款接口",
                           retry_flag="N")  # fmt: skip
        if outcome.kind == "refunded":
            raise business("ACQ.TRADE_STATUS_ERROR", "交易已发生退款，不能撤销", retry_flag="N")
        order = outcome.order
        assert order is not None
        fields = {
            "trade_no": order.transaction_id,
            "out_trade_no": order.out_trade_no,
            "retry_flag": "N",
            "action": "close" if outcome.kind == "closed" else "refund",
        }
        if outcome.kind == "paid_back":
            fields["gmt_refund_pay"] = china_text(order.closed_at)
        return fields

    def refund(self, biz: dict[str, Any]) -> dict[str, Any]:
        order = self.order(biz)
        amount = parse_amount(biz.get("refund_amount"), "refund_amount")
        out_request_no = str(biz.get("out_request_no") or order.out_trade_no)
        ledger_ = self.sandbox.ledger
        outcome = ledger_.refund(
            "alipay",
            self.ids.app_id,
            order.out_trade_no,
            out_request_no,
            amount,
            None,
            str(biz.get("refund_reason", "")),
            delay_s=0.0,
        )
        errors = {
            "mismatch": ("ACQ.DISCORDANT_REPEAT_REQUEST", "不一致的请求：退款请求号已用于其他金额"),
            "not_found": ("ACQ.TRADE_NOT_EXIST", "交易不存在"),
            "not_paid": ("ACQ.TRADE_STATUS_ERROR", "交易状态不合法"),
            "exceeds": ("ACQ.REFUND_AMT_NOT_EQUAL_TOTAL", "退款金额超限"),
        }  # fmt: skip
        if outcome.kind in errors:
            raise business(*errors[outcome.kind])
        refund = outcome.refund
        assert refund is not None
        return self.trade_fields(order) | {
            "fund_change": "Y" if outcome.kind == "created" else "N",
            "refund_fee": yuan(ledger_.refunded_fen(order)),
            "gmt_refund_pay": china_text(refund.success_at),
            "buyer_user_id": order.extra.get("buyer_user_id", ""),
            "send_back_fee": yuan(refund.amount_fen),
        }

    def refund_query(self, biz: dict[str, Any]) -> dict[str, Any]:
        order = self.order(biz)
        out_request_no = str(biz.get("out_request_no") or "")
        if not out_request_no:
            raise business("ACQ.INVALID_PARAMETER", "参数out_request_no不能为空")
        ledger_ = self.sandbox.ledger
        fields: dict[str, Any] = {"trade_no": order.transaction_id,
                                  "out_trade_no": order.out_trade_no,
                                  "out_request_no": out_request_no}  # fmt: skip
        refund = ledger_.find_refund("alipay", self.ids.app_id, out_request_no, order.out_trade_no)
        if refund is None:
            return fields  # no refund data: the refund did not happen
        fields |= {"total_amount": yuan(order.amount_fen),
                   "refund_amount": yuan(refund.amount_fen),
                   "refund_status": "REFUND_SUCCESS"}  # fmt: skip
        options = biz.get("query_options")
        if isinstance(options, list) and "gmt_refund_pay" in options:
            fields["gmt_refund_pay"] = china_text(refund.success_at)
        return fields

    def bill_url(self, biz: dict[str, Any]) -> dict[str, Any]:
        if biz.get("bill_type") != "trade":
            raise business("ACQ.INVALID_PARAMETER", "账单类型bill_type仅支持trade")
        text = str(biz.get("bill_date") or "")
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise business(
                "ACQ.INVALID_PARAMETER", "参数bill_date格式应为yyyy-MM-dd（月账单未提供）"
            )
        day = date.fromisoformat(text)
        now = datetime.fromtimestamp(self.sandbox.ledger.now(), CHINA)
        ready = datetime.combine(day + timedelta(days=1), datetime.min.time(), CHINA) + timedelta(
            hours=self.sandbox.limits.bill_ready_hour
        )
        if day > now.date() or (not self.sandbox.bills_anytime and now < ready):
            raise business("isp.bill_not_exist", "账单不存在")
        token = self.sandbox.new_bill_token(
            "alipay", self.ids.app_id, day.isoformat(), self.sandbox.limits.alipay_bill_url_ttl_s
        )
        stem = alipay_file_stem(self.ids.seller_id, day)
        url = (f"{self.sandbox.base_url}{BILL_PATH}?bizType=trade&userId={self.ids.seller_id}0156"
               f"&fileType=csv.zip&bizDates={day:%Y%m%d}&downloadFileName={stem}.csv.zip"
               f"&token={token}")  # fmt: skip
        return {"bill_download_url": url}

    def bill_file(self, request: Request) -> Answer:
        self.sandbox.ledger.count_call("alipay.bill_download")
        token_text = (parse_qs(request.query).get("token") or [""])[0]
        token = self.sandbox.bill_token(token_text)
        if token is None or token.provider != "alipay":
            page = "<html><body>下载超时，请重新下载</body></html>".encode()
            return Answer(200, page, "text/html;charset=utf-8")
        day = date.fromisoformat(token.day)
        ledger_ = self.sandbox.ledger
        payments, refunds = ledger_.day_lines("alipay", {self.ids.app_id}, day)
        with ledger_.lock:
            orders = {o.out_trade_no: o for o in ledger_.orders.values() if o.provider == "alipay"}
        data = alipay_bill_zip(self.ids.seller_id, day, payments, refunds, orders, ledger_.now())
        name = quote(f"{alipay_file_stem(self.ids.seller_id, day)}.csv.zip")
        return Answer(
            200,
            data,
            "application/octet-stream",
            headers={"Content-Disposition": f"attachment; filename={name}"},
        )
