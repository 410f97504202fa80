"""WeChat Pay APIv3 as the sandbox speaks it: codepay (direct and partner), query by
out_trade_no, reverse, domestic refunds and their query, the trade bill and its download.

Every answer except the bill file is signed (see ``wechat_sign``). Errors are HTTP 4xx/5xx
with ``{"code": …, "message": …}``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar
from urllib.parse import parse_qs

from payments.sandbox import behaviours, ledger
from payments.sandbox.bills import wechat_trade_bill
from payments.sandbox.context import Answer, Request, Sandbox, apply_transport
from payments.sandbox.ledger import CHINA, Order, Refund, code_digest, mask_code
from payments.sandbox.wechat_sign import AuthError, answer_headers, check_request

OUT_TRADE_NO = re.compile(r"[0-9A-Za-z_\-|*]{6,32}")
TRADE_STATE = {
    ledger.PAYING: "USERPAYING",
    ledger.SUCCESS: "SUCCESS",
    ledger.PAYERROR: "PAYERROR",
    ledger.CLOSED: "REVOKED",
    ledger.REVOKED: "REVOKED",
}
STATE_DESC = {
    "USERPAYING": "用户支付中，需要输入密码",
    "SUCCESS": "支付成功",
    "REFUND": "转入退款",
    "PAYERROR": "支付失败，请撤销订单",
    "REVOKED": "已撤销",
}
REFUSALS = {  # ledger reason -> (status, code, message)
    "balance": (403, "NOTENOUGH", "用户余额不足"),
    "expired": (403, "AUTHCODEEXPIRE", "二维码已过期，请用户在微信上刷新后再试"),
    "used": (403, "AUTH_CODE_INVALID", "每个二维码仅限使用一次，请刷新再试"),
    "gave_up": (403, "TRADE_ERROR", "用户取消支付"),
}  # fmt: skip
SYSTEM_ERROR = (500, "SYSTEM_ERROR", "系统繁忙,请稍后重试")
T = TypeVar("T")


class Refused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def rfc3339(timestamp: float | None) -> str | None:
    if timestamp is None:
        return None
    return datetime.fromtimestamp(timestamp, CHINA).isoformat(timespec="seconds")


class WechatV3:
    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.ids = sandbox.wechat

    # --- dispatch --------------------------------------------------------------------------

    def route(self, request: Request) -> tuple[str, Any] | None:
        """(method name, handler) for a path of this API, or None."""
        path, verb = request.path, request.method
        partner = path.startswith("/v3/pay/partner/")
        base = "/v3/pay/partner/transactions" if partner else "/v3/pay/transactions"
        if verb == "POST" and path == base + "/codepay":
            return "charge", lambda: self.codepay(request, partner)
        match = re.fullmatch(re.escape(base) + r"/out-trade-no/([^/]+)(/reverse)?", path)
        if match and verb == "GET" and not match.group(2):
            return "query", lambda: self.query(request, match.group(1), partner)
        if match and verb == "POST" and match.group(2):
            return "reverse", lambda: self.reverse(request, match.group(1), partner)
        if verb == "POST" and path == "/v3/refund/domestic/refunds":
            return "refund", lambda: self.refund(request)
        match = re.fullmatch(r"/v3/refund/domestic/refunds/([^/]+)", path)
        if match and verb == "GET":
            return "refund_query", lambda: self.refund_query(request, match.group(1))
        if verb == "GET" and path == "/v3/bill/tradebill":
            return "bill", lambda: self.tradebill(request)
        if verb == "GET" and path == "/v3/billdownload/file":
            return "bill_download", lambda: self.bill_file(request)
        return None

    def handle(self, request: Request) -> Answer:
        routed = self.route(request)
        if routed is None:
            return self.error(404, "NOT_FOUND", "请求的资源不存在")
        name, run = routed
        self.sandbox.ledger.count_call(f"wechat.v3.{name}")
        try:
            self.check_auth(request)
            answer: Answer = run()
        except Refused as refused:
            return self.error(refused.status, refused.code, refused.message)
        return answer

    def check_auth(self, request: Request) -> None:
        try:
            check_request(
                request.header("Authorization"), request.method, request.target, request.body,
                merchant_key=self.sandbox.keys.merchant_public,
                merchant_serial=self.ids.merchant_serial,
                known_mchids={self.ids.mchid, self.ids.sp_mchid},
                now=self.sandbox.ledger.now(),
                tolerance_s=self.sandbox.limits.wechat_timestamp_tolerance_s,
            )  # fmt: skip
        except AuthError as error:
            raise Refused(401, "SIGN_ERROR", str(error)) from None

    # --- answers ---------------------------------------------------------------------------

    def signed(self, status: int, payload: dict[str, Any] | None) -> Answer:
        body = b"" if payload is None else json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = answer_headers(
            self.sandbox.keys.wechatpay_platform, self.ids.platform_public_key_id, body,
            self.sandbox.ledger.now(),
        )  # fmt: skip
        return Answer(status, body, headers=headers)

    def error(self, status: int, code: str, message: str) -> Answer:
        return self.signed(status, {"code": code, "message": message})

    def json_body(self, request: Request) -> dict[str, Any]:
        try:
            body = json.loads(request.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Refused(400, "PARAM_ERROR", "请求体不是合法的JSON") from None
        if not isinstance(body, dict):
            raise Refused(400, "PARAM_ERROR", "请求体不是JSON对象")
        return body

    def merchant_of(self, fields: dict[str, Any], partner: bool) -> str:
        """The merchant an order belongs to; refuses ids the sandbox does not know."""
        if partner:
            if fields.get("sp_mchid") != self.ids.sp_mchid:
                raise Refused(400, "MCH_NOT_EXISTS", "服务商商户号不存在")
            if fields.get("sub_mchid") != self.ids.sub_mchid:
                raise Refused(400, "MCH_NOT_EXISTS", "子商户号不存在或与服务商无绑定关系")
            return self.ids.sub_mchid
        if fields.get("mchid") != self.ids.mchid:
            raise Refused(400, "MCH_NOT_EXISTS", "商户号不存在")
        return self.ids.mchid

    def order_payload(self, order: Order, partner: bool) -> dict[str, Any]:
        state = TRADE_STATE[order.state]
        if state == "SUCCESS" and self.sandbox.ledger.refunded_fen(order) > 0:
            state = "REFUND"
        payload: dict[str, Any] = self.ids_payload(order, partner)
        payload |= {"out_trade_no": order.out_trade_no, "trade_type": "MICROPAY",
                    "trade_state": state, "trade_state_desc": STATE_DESC[state]}  # fmt: skip
        if order.paid_at is not None:
            openid = order.extra.get("openid", "")
            payload |= {
                "transaction_id": order.transaction_id,
                "bank_type": "OTHERS",
                "success_time": rfc3339(order.paid_at),
                "payer": {"sp_openid": openid} if partner else {"openid": openid},
                "amount": {"total": order.amount_fen, "payer_total": order.amount_fen,
                           "currency": "CNY", "payer_currency": "CNY"},
            }  # fmt: skip
            if order.extra.get("attach"):
                payload["attach"] = order.extra["attach"]
        return payload

    def ids_payload(self, order: Order, partner: bool) -> dict[str, Any]:
        if partner:
            return {"sp_appid": order.appid, "sp_mchid": self.ids.sp_mchid,
                    "sub_mchid": order.merchant}  # fmt: skip
        return {"appid": order.appid, "mchid": order.merchant}

    # --- calls -----------------------------------------------------------------------------

    def codepay(self, request: Request, partner: bool) -> Answer:
        fields = self.json_body(request)
        merchant = self.merchant_of(fields, partner)
        appid = fields.get("sp_appid" if partner else "appid")
        expected_appid = self.ids.sp_appid if partner else self.ids.appid
        if appid != expected_appid:
            raise Refused(400, "APPID_MCHID_NOT_MATCH", "AppID和mch_id不匹配")
        out_trade_no = str(fields.get("out_trade_no", ""))
        if not OUT_TRADE_NO.fullmatch(out_trade_no):
            raise Refused(
                400, "PARAM_ERROR", "商户订单号out_trade_no应为6-32位数字、大小写字母_-|*"
            )
        description = fields.get("description")
        if not isinstance(description, str) or not 0 < len(description) <= 127:
            raise Refused(400, "PARAM_ERROR", "商品描述description长度应为1-127")
        amount = fields.get("amount")
        total = amount.get("total") if isinstance(amount, dict) else None
        if isinstance(total, bool) or not isinstance(total, int) or total <= 0:
            raise Refused(400, "PARAM_ERROR", "订单金额amount.total应为大于0的整数（分）")
        if isinstance(amount, dict) and amount.get("currency", "CNY") != "CNY":
            raise Refused(400, "PARAM_ERROR", "货币类型currency只支持CNY")
        payer = fields.get("payer")
        code = payer.get("auth_code") if isinstance(payer, dict) else None
        if not isinstance(code, str) or not code:
            raise Refused(400, "PARAM_ERROR", "缺少付款码payer.auth_code")
        scene = fields.get("scene_info")
        if not isinstance(scene, dict) or not isinstance(scene.get("store_info"), dict):
            raise Refused(400, "PARAM_ERROR", "缺少场景信息scene_info.store_info")
        behaviour = self.sandbox.behaviour("wechat", "charge", code)
        if behaviour.name == behaviours.LOST_BEFORE:
            return Answer(0, b"", lost=True)
        if not behaviours.wechat_code_ok(code):
            raise Refused(403, "AUTH_CODE_INVALID",
                          "请扫描微信支付付款码(以10/11/12/13/14/15为前缀的18位数字)")  # fmt: skip
        store = scene["store_info"]
        extra = {
            "device_id": str(scene.get("device_id", "")),
            "store_id": str(store.get("out_id", store.get("id", ""))),
            "openid": "o" + code_digest(code)[:27],
            "attach": str(fields.get("attach", "")),
        }
        if partner:
            extra["sp_mchid"] = self.ids.sp_mchid
        ledger_ = self.sandbox.ledger
        with ledger_.lock:
            order = Order(
                "wechat", merchant, out_trade_no, total, code_digest(code), mask_code(code),
                ledger_.new_id("4200", 28), 0.0, ledger.PAYING, description, str(appid), "v3",
                extra=extra,
            )  # fmt: skip
            outcome = ledger_.charge(order, behaviour.name, behaviour.seconds)
        if outcome.kind in ("existing", "mismatch"):
            behaviour.plain()
        answer = self.charge_answer(outcome, partner, behaviour.name)
        return apply_transport(answer, behaviour)

    def charge_answer(self, outcome: ledger.Outcome, partner: bool, behaviour: str) -> Answer:
        order = outcome.order
        if outcome.kind == "not_applied" or behaviour == behaviours.SYSTEM_ERROR_CHARGED:
            return self.error(*SYSTEM_ERROR)
        assert order is not None
        if outcome.kind == "mismatch":
            return self.error(403, "OUT_TRADE_NO_USED", "商户订单号重复")
        if order.state == ledger.PAYING:
            return self.signed(202, {"trade_state": "USERPAYING"})
        if order.state == ledger.SUCCESS:
            if outcome.kind == "existing":
                return self.error(403, "ORDERPAID", "该订单已支付")
            return self.signed(200, self.order_payload(order, partner))
        if order.state == ledger.PAYERROR:
            return self.error(*REFUSALS[order.refused or "gave_up"])
        return self.error(403, "ORDERREVERSED", "订单已撤销")

    def query(self, request: Request, out_trade_no: str, partner: bool) -> Answer:
        merchant = self.merchant_of({k: v[0] for k, v in parse_qs(request.query).items()}, partner)
        return self.read(
            "query", lambda: self.sandbox.ledger.find("wechat", merchant, out_trade_no),
            (404, "ORDER_NOT_EXIST", "订单不存在"), lambda o: self.order_payload(o, partner),
        )  # fmt: skip

    def read(
        self, method: str, find: Callable[[], T | None], missing: tuple[int, str, str],
        payload: Callable[[T], dict[str, Any]],
    ) -> Answer:  # fmt: skip
        """A read call: switched behaviours, then the thing found or a 404."""
        behaviour = self.sandbox.behaviour("wechat", method)
        early = self.early(behaviour)
        if early is not None:
            return early
        found = find()
        answer = self.error(*missing) if found is None else self.signed(200, payload(found))
        return apply_transport(answer, behaviour)

    def query_merchant(self, request: Request) -> tuple[str, dict[str, str]]:
        """The merchant a GET names by ``sub_mchid`` (partner form) or the direct one."""
        fields = {k: v[0] for k, v in parse_qs(request.query).items()}
        if "sub_mchid" not in fields:
            return self.ids.mchid, fields
        if fields["sub_mchid"] != self.ids.sub_mchid:
            raise Refused(400, "MCH_NOT_EXISTS", "子商户号不存在")
        return self.ids.sub_mchid, fields

    def early(self, behaviour: behaviours.Behaviour) -> Answer | None:
        """Behaviours that answer before anything is applied."""
        if behaviour.name == behaviours.LOST_BEFORE:
            return Answer(0, b"", lost=True)
        if behaviour.name == behaviours.SYSTEM_ERROR:
            return self.error(*SYSTEM_ERROR)
        return None

    def reverse(self, request: Request, out_trade_no: str, partner: bool) -> Answer:
        fields = self.json_body(request)
        merchant = self.merchant_of(fields, partner)
        behaviour = self.sandbox.behaviour("wechat", "reverse")
        early = self.early(behaviour)
        if early is not None:
            return early
        outcome = self.sandbox.ledger.reverse(
            "wechat", merchant, out_trade_no, self.sandbox.limits.wechat_reverse_window_s
        )
        if outcome.kind in ("closed", "paid_back"):
            assert outcome.order is not None
            payload = self.ids_payload(outcome.order, partner) | {"out_trade_no": out_trade_no}
            answer = self.signed(200, payload)
        elif outcome.kind == "not_found":
            answer = self.error(404, "ORDER_NOT_EXIST", "订单不存在")
        elif outcome.kind == "expired":
            answer = self.error(403, "REVERSE_EXPIRE", "订单已超过7天撤销期，请使用申请退款")
        else:
            answer = self.error(403, "TRADE_ERROR", "订单已发生退款，不能撤销，请使用申请退款")
        return apply_transport(answer, behaviour)

    def refund_payload(self, refund: Refund) -> dict[str, Any]:
        order = self.sandbox.ledger.find(refund.provider, refund.merchant, refund.out_trade_no)
        assert order is not None
        done = refund.done(self.sandbox.ledger.now())
        return {
            "refund_id": refund.refund_id,
            "out_refund_no": refund.out_refund_no,
            "transaction_id": order.transaction_id,
            "out_trade_no": order.out_trade_no,
            "channel": "ORIGINAL",
            "user_received_account": "支付用户零钱",
            **({"success_time": rfc3339(refund.success_at)} if done else {}),
            "create_time": rfc3339(refund.created_at),
            "status": "SUCCESS" if done else "PROCESSING",
            "funds_account": "AVAILABLE",
            "amount": {
                "total": order.amount_fen,
                "refund": refund.amount_fen,
                "payer_total": order.amount_fen,
                "payer_refund": refund.amount_fen,
                "settlement_total": order.amount_fen,
                "settlement_refund": refund.amount_fen,
                "discount_refund": 0,
                "currency": "CNY",
                "refund_fee": refund.fee_fen,
                "from": [],
            },
            "promotion_detail": [],
        }

    def refund(self, request: Request) -> Answer:
        fields = self.json_body(request)
        partner = "sub_mchid" in fields
        merchant = self.ids.sub_mchid if partner else self.ids.mchid
        if partner and fields.get("sub_mchid") != self.ids.sub_mchid:
            raise Refused(400, "MCH_NOT_EXISTS", "子商户号不存在")
        out_refund_no = str(fields.get("out_refund_no", ""))
        if not re.fullmatch(r"[0-9A-Za-z_\-|*@]{1,64}", out_refund_no):
            raise Refused(400, "PARAM_ERROR", "商户退款单号out_refund_no格式不正确")
        amount = fields.get("amount")
        refund = amount.get("refund") if isinstance(amount, dict) else None
        total = amount.get("total") if isinstance(amount, dict) else None
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (refund, total)):
            raise Refused(400, "PARAM_ERROR", "退款金额amount.refund与原订单金额amount.total必填")
        assert isinstance(refund, int) and isinstance(total, int)
        out_trade_no = self.resolve_trade(fields, merchant)
        behaviour = self.sandbox.behaviour("wechat", "refund")
        early = self.early(behaviour)
        if early is not None:
            return early
        outcome = self.sandbox.ledger.refund(
            "wechat", merchant, out_trade_no, out_refund_no, refund, total,
            str(fields.get("reason", "")),
        )  # fmt: skip
        answer = self.refund_answer(outcome)
        return apply_transport(answer, behaviour)

    def resolve_trade(self, fields: dict[str, Any], merchant: str) -> str:
        if fields.get("out_trade_no"):
            return str(fields["out_trade_no"])
        transaction_id = fields.get("transaction_id")
        if not transaction_id:
            raise Refused(400, "PARAM_ERROR", "transaction_id和out_trade_no必须二选一")
        with self.sandbox.ledger.lock:
            for order in self.sandbox.ledger.orders.values():
                if (order.provider, order.merchant, order.transaction_id) == (
                    "wechat", merchant, transaction_id,
                ):  # fmt: skip
                    return order.out_trade_no
        raise Refused(404, "RESOURCE_NOT_EXISTS", "订单不存在")

    def refund_answer(self, outcome: ledger.Outcome) -> Answer:
        if outcome.kind in ("created", "existing"):
            assert outcome.refund is not None
            return self.signed(200, self.refund_payload(outcome.refund))
        errors = {
            "mismatch": (400, "INVALID_REQUEST", "同一商户退款单号的退款金额与之前请求不一致"),
            "not_found": (404, "RESOURCE_NOT_EXISTS", "订单不存在"),
            "not_paid": (400, "INVALID_REQUEST", "订单未支付或已撤销，不能退款"),
            "total_mismatch": (400, "PARAM_ERROR", "订单金额amount.total与原订单金额不一致"),
            "exceeds": (400, "INVALID_REQUEST", "申请退款金额超过订单可退金额"),
        }
        return self.error(*errors[outcome.kind])

    def refund_query(self, request: Request, out_refund_no: str) -> Answer:
        merchant, _ = self.query_merchant(request)
        return self.read(
            "refund_query",
            lambda: self.sandbox.ledger.find_refund("wechat", merchant, out_refund_no),
            (404, "RESOURCE_NOT_EXISTS", "退款单不存在"), self.refund_payload,
        )  # fmt: skip

    # --- bills -----------------------------------------------------------------------------

    def bill_day(self, text: str) -> date:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise Refused(400, "PARAM_ERROR", "账单日期bill_date格式应为YYYY-MM-DD") from None
        if len(text) != 10:
            raise Refused(400, "PARAM_ERROR", "账单日期bill_date格式应为YYYY-MM-DD")
        now = datetime.fromtimestamp(self.sandbox.ledger.now(), CHINA)
        if self.sandbox.bills_anytime:
            if day > now.date():
                raise Refused(400, "NO_STATEMENT_EXIST", "账单日期不能晚于当前日期")
            return day
        ready = datetime.combine(day + timedelta(days=1), datetime.min.time(), CHINA) + timedelta(
            hours=self.sandbox.limits.bill_ready_hour
        )
        if day >= now.date():
            raise Refused(400, "NO_STATEMENT_EXIST", "账单日期不能是当天或以后，当日账单次日生成")
        if now < ready:
            raise Refused(400, "STATEMENT_CREATING", "账单生成中，请在次日10点后再获取")
        return day

    def bill_bytes(self, merchant: str, day: date, bill_type: str) -> bytes:
        ledger_ = self.sandbox.ledger
        payments, refunds = ledger_.day_lines("wechat", {merchant}, day)
        if bill_type == "SUCCESS":
            refunds = []
        elif bill_type == "REFUND":
            payments = []
        if not payments and not refunds:
            raise Refused(400, "NO_STATEMENT_EXIST", "当日无交易，账单不存在")
        with ledger_.lock:
            orders = {o.out_trade_no: o for o in ledger_.orders.values()
                      if (o.provider, o.merchant) == ("wechat", merchant)}  # fmt: skip
        return wechat_trade_bill(payments, refunds, orders, bill_type, merchant != self.ids.mchid)

    def tradebill(self, request: Request) -> Answer:
        merchant, fields = self.query_merchant(request)
        bill_type = fields.get("bill_type", "ALL")
        if bill_type not in ("ALL", "SUCCESS", "REFUND"):
            raise Refused(400, "PARAM_ERROR", "账单类型bill_type只能是ALL、SUCCESS或REFUND")
        tar_type = fields.get("tar_type")
        if tar_type not in (None, "GZIP"):
            raise Refused(400, "PARAM_ERROR", "压缩类型tar_type只能是GZIP")
        behaviour = self.sandbox.behaviour("wechat", "bill")
        early = self.early(behaviour)
        if early is not None:
            return early
        day = self.bill_day(fields.get("bill_date", ""))
        data = self.bill_bytes(merchant, day, bill_type)
        if tar_type == "GZIP":
            data = gzip.compress(data, mtime=0)
        token = self.sandbox.new_bill_token(
            "wechat", merchant, f"{day.isoformat()}|{bill_type}",
            self.sandbox.limits.wechat_bill_url_ttl_s, gzip=tar_type == "GZIP",
        )  # fmt: skip
        payload = {
            "hash_type": "SHA1",
            "hash_value": hashlib.sha1(data).hexdigest(),
            "download_url": f"{self.sandbox.base_url}/v3/billdownload/file?token={token}",
        }
        return apply_transport(self.signed(200, payload), behaviour)

    def bill_file(self, request: Request) -> Answer:
        fields = {k: v[0] for k, v in parse_qs(request.query).items()}
        token = self.sandbox.bill_token(fields.get("token", ""))
        if token is None or token.provider != "wechat":
            raise Refused(400, "INVALID_REQUEST", "下载链接已失效，请重新申请账单")
        day_text, bill_type = token.day.split("|")
        data = self.bill_bytes(token.merchant, date.fromisoformat(day_text), bill_type)
        if token.gzip:
            return Answer(200, gzip.compress(data, mtime=0), "application/octet-stream")
        return Answer(200, data, "text/plain; charset=utf-8")  # the bill file is not signed
