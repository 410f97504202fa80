"""WeChat Pay APIv3 付款码支付 (code payment): charge, query, reverse, refund, bill.

One adapter serves both account forms: a direct merchant (``/v3/pay/transactions/…`` with
``appid``/``mchid``) and a service provider acting for a sub-merchant
(``/v3/pay/partner/transactions/…`` with ``sp_appid``/``sp_mchid``/``sub_mchid``). Every
call is signed with the merchant key, and every answer must carry a valid WeChat Pay platform
signature before anything in it is believed (see ``v3_signing``).
"""

from __future__ import annotations

import gzip
import hashlib
import hmac
import json
import logging
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from payments.http import PaymentHttp, Unusable
from payments.statuses import fetch_bill, log_charge, logged, unknown
from payments.wechat import v3_answers as answers
from payments.wechat.bill import parse_trade_bill
from payments.wechat.outcomes import is_order_missing, reverse_should_retry
from payments.wechat.v3_signing import MerchantSigner, PlatformVerifier, new_nonce
from redhome_pos.domain.payments import (
    BillLine,
    ChargeOutcome,
    ChargeRequest,
    ChargeStatus,
    PaymentBillError,
    Reason,
    RefundOutcome,
    RefundRequest,
    RefundStatus,
    ReversalStatus,
    WalletProvider,
    fit_description,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WechatAccount:
    """Who is charging: a direct merchant, or a service provider for a sub-merchant."""

    mchid: str  # the direct merchant's mchid, or the service provider's sp_mchid
    appid: str  # appid, or sp_appid
    sub_mchid: str = ""  # set: the partner form
    sub_appid: str = ""

    @property
    def partner(self) -> bool:
        return bool(self.sub_mchid)


@dataclass(frozen=True, slots=True)
class _Reply:
    status: int
    data: dict[str, Any]


class WechatPayV3:
    """The port over WeChat Pay APIv3 for one merchant account."""

    provider = WalletProvider.WECHAT

    def __init__(
        self,
        account: WechatAccount,
        signer: MerchantSigner,
        verifier: PlatformVerifier,
        http: PaymentHttp,
        base_url: str,
        *,
        wall_clock: Callable[[], float] = time.time,
        nonce: Callable[[], str] = new_nonce,
    ) -> None:
        self.account = account
        self._signer = signer
        self._verifier = verifier
        self._http = http
        self.base_url = base_url.rstrip("/")
        self._wall_clock = wall_clock
        self._nonce = nonce

    def __repr__(self) -> str:
        form = "partner" if self.account.partner else "direct"
        return f"WechatPayV3({self.base_url!r}, mchid={self.account.mchid!r}, {form})"

    # --- the port ---------------------------------------------------------------------------

    def charge(self, request: ChargeRequest) -> ChargeStatus:
        log_charge(log, "WeChat Pay", request)
        scene: dict[str, Any] = {
            "device_id": request.terminal_id,
            "store_info": {"out_id": request.store_code},
        }
        if request.device_ip:
            scene["device_ip"] = request.device_ip
        body = {
            **self._payer_ids(),
            "description": fit_description(request.description),
            "out_trade_no": request.out_trade_no,
            "payer": {"auth_code": request.auth_code},
            "amount": {"total": request.amount_fen, "currency": "CNY"},
            "scene_info": scene,
        }
        path = (
            "/v3/pay/partner/transactions/codepay"
            if self.account.partner
            else ("/v3/pay/transactions/codepay")
        )
        try:
            reply = self._call("POST", path, body)
        except Unusable as problem:
            status = unknown(request.out_trade_no, problem.reason, problem.detail)
        else:
            if reply.status == 200:
                status = answers.order_status(reply.data, request.out_trade_no, request.amount_fen)
            elif reply.status == 202:  # the customer is entering the password
                code, message = answers.error_code(reply.data)
                status = ChargeStatus(
                    ChargeOutcome.PAYING,
                    request.out_trade_no,
                    reason_code=code or "USERPAYING",
                    reason=message or "USERPAYING",
                )
            else:
                status = answers.charge_error_status(reply.status, reply.data, request.out_trade_no)
        return logged(log, "WeChat Pay", status)

    def query(self, out_trade_no: str) -> ChargeStatus:
        number = quote(out_trade_no, safe="")
        if self.account.partner:
            path = f"/v3/pay/partner/transactions/out-trade-no/{number}?" + urlencode(
                {"sp_mchid": self.account.mchid, "sub_mchid": self.account.sub_mchid}
            )
        else:
            path = f"/v3/pay/transactions/out-trade-no/{number}?" + urlencode(
                {"mchid": self.account.mchid}
            )
        try:
            reply = self._call("GET", path, None)
        except Unusable as problem:
            return logged(log, "WeChat Pay", unknown(out_trade_no, problem.reason, problem.detail))
        if reply.status == 200:
            return logged(log, "WeChat Pay", answers.order_status(reply.data, out_trade_no, None))
        code, message = answers.error_code(reply.data)
        if reply.status == 404 or is_order_missing(code):
            detail = "WeChat Pay has no order under this number"
            return logged(
                log, "WeChat Pay", unknown(out_trade_no, code or "ORDER_NOT_EXIST", detail)
            )
        reason = code or Reason.HTTP_STATUS
        return logged(
            log,
            "WeChat Pay",
            unknown(out_trade_no, reason, message or f"HTTP {reply.status}"),
        )

    def reverse(self, out_trade_no: str) -> ReversalStatus:
        number = quote(out_trade_no, safe="")
        prefix = "/v3/pay/partner/transactions" if self.account.partner else "/v3/pay/transactions"
        try:
            reply = self._call("POST", f"{prefix}/out-trade-no/{number}/reverse", self._payer_ids())
        except Unusable as problem:
            result = ReversalStatus(False, True, str(problem.reason), problem.detail)
        else:
            result = self._reversal(reply)
        log.info(
            "WeChat Pay reverse %s: done=%s retry=%s %s",
            out_trade_no,
            result.done,
            result.retry,
            result.reason_code,
        )
        return result

    def refund(self, request: RefundRequest) -> RefundStatus:
        body: dict[str, Any] = {
            "out_refund_no": request.out_refund_no,
            "amount": {"refund": request.refund_fen, "total": request.total_fen, "currency": "CNY"},
        }
        if request.transaction_id:
            body["transaction_id"] = request.transaction_id
        else:
            body["out_trade_no"] = request.out_trade_no
        if request.reason:
            body["reason"] = fit_description(request.reason, 80)
        if self.account.partner:
            body["sub_mchid"] = self.account.sub_mchid
        try:
            reply = self._call("POST", "/v3/refund/domestic/refunds", body)
        except Unusable as problem:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                request.out_refund_no,
                reason_code=problem.reason,
                reason=problem.detail,
            )
        if reply.status == 200:
            status = answers.refund_status(reply.data, request.out_refund_no, request.refund_fen)
            return self._refund_of_order(status, reply.data, request.out_trade_no)
        return answers.refund_error_status(reply.status, reply.data, request.out_refund_no)

    def refund_query(self, out_trade_no: str, out_refund_no: str) -> RefundStatus:
        path = f"/v3/refund/domestic/refunds/{quote(out_refund_no, safe='')}"
        if self.account.partner:
            path += "?" + urlencode({"sub_mchid": self.account.sub_mchid})
        try:
            reply = self._call("GET", path, None)
        except Unusable as problem:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                out_refund_no,
                reason_code=problem.reason,
                reason=problem.detail,
            )
        if reply.status == 200:
            status = answers.refund_status(reply.data, out_refund_no, None)
            return self._refund_of_order(status, reply.data, out_trade_no)
        code, _ = answers.error_code(reply.data)
        if reply.status == 404 or is_order_missing(code):
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                out_refund_no,
                reason_code="REFUND_NOT_FOUND",
                reason="WeChat Pay has no refund under this number: send it again, same number",
            )
        return answers.refund_error_status(reply.status, reply.data, out_refund_no)

    def bill(self, day: date) -> list[BillLine]:
        query = {"bill_date": day.isoformat(), "bill_type": "ALL"}
        if self.account.partner:
            query["sub_mchid"] = self.account.sub_mchid
        try:
            reply = self._call("GET", "/v3/bill/tradebill?" + urlencode(query), None)
        except Unusable as problem:
            raise PaymentBillError(
                "The WeChat Pay bill for {day} could not be had: {detail}",
                day=day.isoformat(),
                detail=problem.detail,
            ) from None
        if reply.status != 200:
            code, message = answers.error_code(reply.data)
            raise PaymentBillError(
                "WeChat Pay has no bill for {day} yet: {detail}",
                day=day.isoformat(),
                detail=message or code or f"HTTP {reply.status}",
            )
        return parse_trade_bill(self._download_bill(reply.data, day))

    # --- one call ---------------------------------------------------------------------------

    def _payer_ids(self) -> dict[str, str]:
        account = self.account
        if not account.partner:
            return {"appid": account.appid, "mchid": account.mchid}
        ids = {"sp_appid": account.appid, "sp_mchid": account.mchid, "sub_mchid": account.sub_mchid}
        if account.sub_appid:
            ids["sub_appid"] = account.sub_appid
        return ids

    def _headers(self, method: str, path_and_query: str, body: str) -> dict[str, str]:
        authorization = self._signer.authorization(
            method, path_and_query, body, int(self._wall_clock()), self._nonce()
        )
        headers = {
            "Authorization": authorization,
            "Accept": "application/json",
            "User-Agent": "redhome-pos",
            "Wechatpay-Serial": self._verifier.key_id,
        }
        if body:
            headers["Content-Type"] = "application/json"
        return headers

    def _call(self, method: str, path_and_query: str, body: dict[str, Any] | None) -> _Reply:
        text = json.dumps(body, ensure_ascii=False, separators=(",", ":")) if body else ""
        answer = self._http.send(
            method,
            self.base_url + path_and_query,
            headers=self._headers(method, path_and_query, text),
            body=text.encode("utf-8") if text else None,
        )
        problem = self._verifier.problem(answer, self._wall_clock())
        if problem is not None:
            reason, detail = problem
            raise Unusable(reason, f"{detail} (HTTP {answer.status})")
        if not answer.body.strip():
            return _Reply(answer.status, {})
        try:
            data = json.loads(answer.body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Unusable(Reason.NOT_PARSEABLE, f"HTTP {answer.status}: not JSON") from None
        if not isinstance(data, dict):
            raise Unusable(Reason.NOT_PARSEABLE, f"HTTP {answer.status}: not a JSON object")
        return _Reply(answer.status, data)

    def _reversal(self, reply: _Reply) -> ReversalStatus:
        if 200 <= reply.status < 300:
            recall = reply.data.get("recall")
            if recall in (True, "Y", "y", "true"):
                return ReversalStatus(False, True, "RECALL", "WeChat Pay asks to reverse again")
            return ReversalStatus(True, False, "REVERSED", "closed or paid back")
        code, message = answers.error_code(reply.data)
        if reverse_should_retry(code) or (not code and reply.status >= 500):
            return ReversalStatus(False, True, code or Reason.HTTP_STATUS, message or code)
        if is_order_missing(code) or reply.status == 404:
            return ReversalStatus(
                True, False, code or "ORDER_NOT_EXIST", "no such order to reverse"
            )
        return ReversalStatus(False, False, code or Reason.HTTP_STATUS, message or code)

    def _refund_of_order(
        self, status: RefundStatus, data: dict[str, Any], out_trade_no: str
    ) -> RefundStatus:
        named = data.get("out_trade_no")
        if isinstance(named, str) and named and named != out_trade_no:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                status.out_refund_no,
                reason_code=Reason.MISMATCH,
                reason=f"the refund belongs to order {named!r}",
            )
        return status

    def _download_bill(self, data: dict[str, Any], day: date) -> str:
        url = data.get("download_url")
        expected_hash = str(data.get("hash_value") or "")
        if not isinstance(url, str) or not url:
            raise PaymentBillError("WeChat Pay gave no bill address for {day}", day=day.isoformat())
        parts, base = urlsplit(url), urlsplit(self.base_url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            # The download is signed with the merchant key: never send that to another host.
            raise PaymentBillError("The WeChat Pay bill address {url} is not WeChat Pay's", url=url)
        path_and_query = parts.path + (f"?{parts.query}" if parts.query else "")
        headers = self._headers("GET", path_and_query, "")
        body = fetch_bill(self._http, url, headers, "WeChat Pay", day)
        # The download answer is not signed: the signed bill answer's hash vouches for it.
        actual = hashlib.sha1(body).hexdigest()  # the digest WeChat Pay names
        if not hmac.compare_digest(actual.lower(), expected_hash.lower()):
            raise PaymentBillError(
                "The WeChat Pay bill for {day} does not match its checksum", day=day.isoformat()
            )
        return _bill_text(body, self._http.limits.max_bill_bytes)


def _bill_text(data: bytes, cap: int) -> str:
    if data[:2] == b"\x1f\x8b":
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = inflater.decompress(data, cap)
            if inflater.unconsumed_tail:
                raise PaymentBillError("The WeChat Pay bill is larger than {cap} bytes", cap=cap)
        except (zlib.error, gzip.BadGzipFile):
            raise PaymentBillError("The WeChat Pay bill file is damaged") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")
