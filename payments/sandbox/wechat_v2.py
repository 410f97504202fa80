"""WeChat Pay APIv2 (XML) as the sandbox speaks it: ``/pay/micropay``, ``/pay/orderquery``,
``/secapi/pay/reverse``, ``/secapi/pay/refund``, ``/pay/refundquery``, ``/pay/downloadbill``.

Requests and answers are ``<xml>`` documents signed with the merchant's APIv2 key: the sorted
``key=value`` pairs of every non-empty field except ``sign``, then ``&key=<API key>``, hashed
with MD5 (default) or HMAC-SHA256 (``sign_type``), upper-case hex. ``return_code`` says whether
the call was understood (FAIL: ``return_msg`` says why, e.g. 签名错误); ``result_code`` and
``err_code`` give the business outcome. Answers are signed with the same method as the request.

The real ``/secapi/`` calls need the merchant's client certificate (mutual TLS); the sandbox
serves plain HTTP and accepts them on the key signature alone.
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import secrets
import xml.etree.ElementTree as ElementTree
from datetime import date, datetime
from typing import Any

from payments.sandbox import behaviours, ledger
from payments.sandbox.bills import wechat_trade_bill
from payments.sandbox.context import Answer, Request, Sandbox, apply_transport
from payments.sandbox.ledger import CHINA, Order, Refund, code_digest, mask_code
from payments.sandbox.wechat_v3 import STATE_DESC, TRADE_STATE

PATHS = {
    "/pay/micropay": "charge", "/pay/orderquery": "query", "/secapi/pay/reverse": "reverse",
    "/secapi/pay/refund": "refund", "/pay/refundquery": "refund_query",
    "/pay/downloadbill": "bill",
}  # fmt: skip
REFUSALS = {
    "balance": ("NOTENOUGH", "余额不足"),
    "expired": ("AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试"),
    "used": ("AUTH_CODE_INVALID", "101 每个二维码仅限使用一次，请刷新再试"),
    "gave_up": ("TRADE_ERROR", "用户取消支付"),
}  # fmt: skip
SYSTEM_ERROR = ("SYSTEMERROR", "系统超时，请立即调用被扫订单结果查询API，查询当前订单状态")


def v2_sign(fields: dict[str, str], key: str, sign_type: str = "MD5") -> str:
    text = "&".join(f"{k}={v}" for k, v in sorted(fields.items()) if k != "sign" and v)
    text += f"&key={key}"
    if sign_type == "HMAC-SHA256":
        return hmac.new(key.encode(), text.encode(), hashlib.sha256).hexdigest().upper()
    return hashlib.md5(text.encode()).hexdigest().upper()


def to_xml(fields: dict[str, str]) -> bytes:
    parts = ["<xml>"]
    for name, value in fields.items():
        if value.isdigit():
            parts.append(f"<{name}>{value}</{name}>")
        else:
            parts.append(f"<{name}><![CDATA[{value.replace(']]>', ']]]]><![CDATA[>')}]]></{name}>")
    parts.append("</xml>")
    return "".join(parts).encode("utf-8")


def from_xml(body: bytes) -> dict[str, str]:
    if b"<!DOCTYPE" in body.upper() or b"<!ENTITY" in body.upper():
        raise ValueError("XML with a DOCTYPE is refused")
    root = ElementTree.fromstring(body)
    if root.tag != "xml":
        raise ValueError("the root element must be <xml>")
    return {child.tag: (child.text or "").strip() for child in root}


class Fail(Exception):
    """A business refusal: ``result_code`` FAIL with ``err_code``."""

    def __init__(self, err_code: str, des: str, **extra: str) -> None:
        super().__init__(des)
        self.err_code, self.des, self.extra = err_code, des, extra


class WechatV2:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.ids = sandbox.wechat

    def handles(self, path: str) -> bool:
        return path in PATHS

    def xml_answer(self, fields: dict[str, str], sign_type: str | None) -> Answer:
        fields = {k: v for k, v in fields.items() if v != ""}
        if sign_type is not None:
            fields["nonce_str"] = secrets.token_hex(16)
            fields["sign"] = v2_sign(fields, self.ids.api_v2_key, sign_type)
        return Answer(200, to_xml(fields), "text/xml; charset=utf-8")

    def fail(self, message: str) -> Answer:
        return self.xml_answer({"return_code": "FAIL", "return_msg": message}, None)

    def handle(self, request: Request) -> Answer:
        name = PATHS[request.path]
        self.sandbox.ledger.count_call(f"wechat.v2.{name}")
        try:
            fields = from_xml(request.body)
        except (ValueError, ElementTree.ParseError):
            return self.fail("XML格式错误")
        sign_type = fields.get("sign_type") or "MD5"
        if sign_type not in ("MD5", "HMAC-SHA256"):
            return self.fail("签名类型错误")
        if not fields.get("sign") or not hmac.compare_digest(
            fields["sign"].upper(), v2_sign(fields, self.ids.api_v2_key, sign_type)
        ):
            return self.fail("签名错误")
        if fields.get("mch_id") not in (self.ids.mchid, self.ids.sp_mchid):
            return self.fail("商户号mch_id不存在")
        partner = fields["mch_id"] == self.ids.sp_mchid
        if partner and fields.get("sub_mch_id") != self.ids.sub_mchid:
            return self.fail("子商户号sub_mch_id不存在或与服务商无绑定关系")
        if fields.get("appid") != (self.ids.sp_appid if partner else self.ids.appid):
            return self.fail("appid和mch_id不匹配")
        merchant = self.ids.sub_mchid if partner else self.ids.mchid
        base = {"return_code": "SUCCESS", "return_msg": "OK", "appid": fields["appid"],
                "mch_id": fields["mch_id"]}  # fmt: skip
        if partner:
            base["sub_mch_id"] = merchant
        code = fields.get("auth_code") if name == "charge" else None
        behaviour = self.sandbox.behaviour("wechat", name, code)
        if behaviour.name == behaviours.LOST_BEFORE:
            return Answer(0, b"", lost=True)
        try:
            if behaviour.name == behaviours.SYSTEM_ERROR:
                raise Fail(*SYSTEM_ERROR, **({"recall": "Y"} if name == "reverse" else {}))
            if name == "bill":
                return self.downloadbill(fields, merchant, partner)
            result = getattr(self, name)(fields, merchant, behaviour)
            answer = self.xml_answer(base | {"result_code": "SUCCESS"} | result, sign_type)
        except Fail as fail:
            refusal = {"result_code": "FAIL", "err_code": fail.err_code,
                       "err_code_des": fail.des} | fail.extra  # fmt: skip
            answer = self.xml_answer(base | refusal, sign_type)
        return apply_transport(answer, behaviour)

    # --- helpers ---------------------------------------------------------------------------

    def find(self, fields: dict[str, str], merchant: str) -> Order:
        ledger_ = self.sandbox.ledger
        transaction_id = fields.get("transaction_id")
        if transaction_id:
            with ledger_.lock:
                for order in ledger_.orders.values():
                    if (order.provider, order.merchant, order.transaction_id) == (
                        "wechat", merchant, transaction_id,
                    ):  # fmt: skip
                        order.settle(ledger_.now())
                        return order
        elif fields.get("out_trade_no"):
            found = ledger_.find("wechat", merchant, fields["out_trade_no"])
            if found is not None:
                return found
        raise Fail("ORDERNOTEXIST", "此交易订单号不存在")

    def paid_fields(self, order: Order) -> dict[str, str]:
        assert order.paid_at is not None
        return {
            "openid": order.extra.get("openid", ""), "is_subscribe": "N",
            "trade_type": "MICROPAY", "bank_type": "OTHERS", "fee_type": "CNY",
            "total_fee": str(order.amount_fen), "cash_fee_type": "CNY",
            "cash_fee": str(order.amount_fen), "transaction_id": order.transaction_id,
            "out_trade_no": order.out_trade_no, "attach": order.extra.get("attach", ""),
            "time_end": datetime.fromtimestamp(order.paid_at, CHINA).strftime("%Y%m%d%H%M%S"),
        }  # fmt: skip

    # --- calls -----------------------------------------------------------------------------

    def charge(self, fields: dict[str, str], merchant: str, behaviour: Any) -> dict[str, str]:
        out_trade_no = fields.get("out_trade_no", "")
        if not 6 <= len(out_trade_no) <= 32:
            raise Fail("PARAM_ERROR", "商户订单号out_trade_no长度应为6-32")
        body = fields.get("body", "")
        if not body or len(body) > 127:
            raise Fail("PARAM_ERROR", "商品描述body不能为空且不超过127个字符")
        total = fields.get("total_fee", "")
        if not total.isdigit() or int(total) <= 0:
            raise Fail("PARAM_ERROR", "订单金额total_fee应为大于0的整数（分）")
        code = fields.get("auth_code", "")
        if not behaviours.wechat_code_ok(code):
            raise Fail(
                "AUTH_CODE_INVALID", "请扫描微信支付授权码(以10/11/12/13/14/15为前缀的18位数字)"
            )
        ledger_ = self.sandbox.ledger
        extra = {"device_id": fields.get("device_info", ""), "attach": fields.get("attach", ""),
                 "openid": "o" + code_digest(code)[:27]}  # fmt: skip
        if merchant == self.ids.sub_mchid:
            extra["sp_mchid"] = self.ids.sp_mchid
        with ledger_.lock:
            order = Order(
                "wechat", merchant, out_trade_no, int(total), code_digest(code), mask_code(code),
                ledger_.new_id("4200", 28), 0.0, ledger.PAYING, body, fields["appid"], "v2",
                extra=extra,
            )  # fmt: skip
            outcome = ledger_.charge(order, behaviour.name, behaviour.seconds)
        if outcome.kind in ("existing", "mismatch"):
            behaviour.plain()
        if outcome.kind == "not_applied" or behaviour.name == behaviours.SYSTEM_ERROR_CHARGED:
            raise Fail(*SYSTEM_ERROR)
        existing = outcome.order
        assert existing is not None
        if outcome.kind == "mismatch":
            raise Fail("OUT_TRADE_NO_USED", "商户订单号重复")
        if existing.state == ledger.PAYING:
            raise Fail("USERPAYING", "需要用户输入支付密码")
        if existing.state == ledger.SUCCESS:
            if outcome.kind == "existing":
                raise Fail("ORDERPAID", "订单已支付")
            return self.paid_fields(existing)
        if existing.state == ledger.PAYERROR:
            raise Fail(*REFUSALS[existing.refused or "gave_up"])
        raise Fail("ORDERREVERSED", "订单已撤销")

    def query(self, fields: dict[str, str], merchant: str, behaviour: Any) -> dict[str, str]:
        order = self.find(fields, merchant)
        state = TRADE_STATE[order.state]
        if state == "SUCCESS" and self.sandbox.ledger.refunded_fen(order) > 0:
            state = "REFUND"
        result = {"out_trade_no": order.out_trade_no, "trade_state": state,
                  "trade_state_desc": STATE_DESC[state]}  # fmt: skip
        if order.paid_at is not None:
            result |= self.paid_fields(order)
        return result

    def reverse(self, fields: dict[str, str], merchant: str, behaviour: Any) -> dict[str, str]:
        order = self.find(fields, merchant)
        outcome = self.sandbox.ledger.reverse(
            "wechat", merchant, order.out_trade_no, self.sandbox.limits.wechat_reverse_window_s
        )
        if outcome.kind == "expired":
            raise Fail("REVERSE_EXPIRE", "订单已超过7天撤销期，请使用申请退款", recall="N")
        if outcome.kind == "refunded":
            raise Fail("TRADE_ERROR", "订单已发生退款，不能撤销", recall="N")
        return {"recall": "N"}

    def refund_fields(self, refund: Refund, order: Order) -> dict[str, str]:
        return {"transaction_id": order.transaction_id, "out_trade_no": order.out_trade_no,
                "out_refund_no": refund.out_refund_no, "refund_id": refund.refund_id,
                "refund_fee": str(refund.amount_fen), "total_fee": str(order.amount_fen),
                "cash_fee": str(order.amount_fen),
                "cash_refund_fee": str(refund.amount_fen)}  # fmt: skip

    def refund(self, fields: dict[str, str], merchant: str, behaviour: Any) -> dict[str, str]:
        order = self.find(fields, merchant)
        out_refund_no = fields.get("out_refund_no", "")
        if not out_refund_no or len(out_refund_no) > 64:
            raise Fail("PARAM_ERROR", "商户退款单号out_refund_no不能为空且不超过64位")
        total, amount = fields.get("total_fee", ""), fields.get("refund_fee", "")
        if not (total.isdigit() and amount.isdigit()):
            raise Fail("PARAM_ERROR", "total_fee和refund_fee应为整数（分）")
        outcome = self.sandbox.ledger.refund(
            "wechat", merchant, order.out_trade_no, out_refund_no, int(amount), int(total),
            fields.get("refund_desc", ""),
        )  # fmt: skip
        errors = {
            "mismatch": ("INVALID_REQUEST", "同一商户退款单号的退款金额与之前请求不一致"),
            "not_paid": ("TRADE_STATE_ERROR", "订单状态错误，订单未支付或已撤销"),
            "total_mismatch": ("PARAM_ERROR", "订单金额total_fee与原订单金额不一致"),
            "exceeds": ("INVALID_REQUEST", "申请退款金额超过订单可退金额"),
        }  # fmt: skip
        if outcome.kind in errors:
            raise Fail(*errors[outcome.kind])
        assert outcome.refund is not None
        return self.refund_fields(outcome.refund, order)

    def refund_query(self, fields: dict[str, str], merchant: str, behaviour: Any) -> dict[str, str]:
        ledger_ = self.sandbox.ledger
        if fields.get("out_refund_no"):
            refund = ledger_.find_refund("wechat", merchant, fields["out_refund_no"])
            if refund is None:
                raise Fail("REFUNDNOTEXIST", "退款订单查询失败")
            order = ledger_.find("wechat", merchant, refund.out_trade_no)
            refunds = [refund]
        else:
            order = self.find(fields, merchant)
            refunds = [r for r in ledger_.refunds_of(order) if not r.reversal]
            if not refunds:
                raise Fail("REFUNDNOTEXIST", "退款订单查询失败")
        assert order is not None
        now = ledger_.now()
        result = {"transaction_id": order.transaction_id, "out_trade_no": order.out_trade_no,
                  "total_fee": str(order.amount_fen), "cash_fee": str(order.amount_fen),
                  "refund_count": str(len(refunds))}  # fmt: skip
        for index, refund in enumerate(refunds):
            done = refund.done(now)
            result |= {
                f"out_refund_no_{index}": refund.out_refund_no,
                f"refund_id_{index}": refund.refund_id,
                f"refund_fee_{index}": str(refund.amount_fen),
                f"refund_status_{index}": "SUCCESS" if done else "PROCESSING",
                f"refund_channel_{index}": "ORIGINAL",
                f"refund_recv_accout_{index}": "支付用户的零钱",
                f"refund_success_time_{index}": datetime.fromtimestamp(
                    refund.success_at, CHINA).strftime("%Y-%m-%d %H:%M:%S") if done else "",
            }  # fmt: skip
        return result

    def downloadbill(self, fields: dict[str, str], merchant: str, partner: bool) -> Answer:
        text = fields.get("bill_date", "")
        bill_type = fields.get("bill_type") or "ALL"
        if bill_type not in ("ALL", "SUCCESS", "REFUND"):
            return self.fail("invalid bill_type")
        try:
            day = datetime.strptime(text, "%Y%m%d").date()
        except ValueError:
            return self.fail("invalid bill_date")
        now = datetime.fromtimestamp(self.sandbox.ledger.now(), CHINA)
        if day >= now.date() and not (self.sandbox.bills_anytime and day == now.date()):
            return self.fail("invalid bill_date")
        ledger_ = self.sandbox.ledger
        payments, refunds = ledger_.day_lines("wechat", {merchant}, day)
        payments = [] if bill_type == "REFUND" else payments
        refunds = [] if bill_type == "SUCCESS" else refunds
        if (not payments and not refunds) or not self.bill_ready(day, now):
            return self.xml_answer(
                {"return_code": "FAIL", "return_msg": "No Bill Exist", "error_code": "20002"},
                None,
            )
        with ledger_.lock:
            orders = {o.out_trade_no: o for o in ledger_.orders.values()
                      if (o.provider, o.merchant) == ("wechat", merchant)}  # fmt: skip
        data = wechat_trade_bill(payments, refunds, orders, bill_type, partner)
        if fields.get("tar_type") == "GZIP":
            return Answer(200, gzip.compress(data, mtime=0), "application/octet-stream")
        return Answer(200, data, "text/plain; charset=utf-8")

    def bill_ready(self, day: date, now: datetime) -> bool:
        if self.sandbox.bills_anytime:
            return True
        next_day = date.fromordinal(day.toordinal() + 1)
        return (now.date(), now.hour) >= (next_day, self.sandbox.limits.bill_ready_hour)
