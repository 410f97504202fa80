"""Alipay 当面付 条码支付 (bar-code payment): pay, query, cancel, refund, refund query, bill.

Calls go to the open-platform gateway as signed form posts (``app_id``, ``method``,
``charset`` utf-8, ``sign_type`` RSA2, ``timestamp`` in China time, ``version`` 1.0,
``biz_content`` JSON, ``sign``); every answer's ``sign`` must verify with the Alipay public
key over the raw ``…_response`` member before anything in it is believed. This adapter speaks
the public-key mode (公钥模式), not the public-key-certificate mode.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlencode, urlsplit

from cryptography.hazmat.primitives.asymmetric import rsa

from payments.alipay import answers, signing
from payments.alipay.bill import parse_bill_archive
from payments.http import LOOPBACK_HOSTS, PaymentHttp, Unusable
from payments.statuses import fetch_bill, log_charge, logged, unknown
from payments.wire import china_now_text, fen_to_yuan
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
)

log = logging.getLogger(__name__)
#: Alipay's "trade state not valid" (for a refund: query the trade, say the documents).
TRADE_STATUS_ERROR = "ACQ.TRADE_STATUS_ERROR"

SUBJECT_MAX_CHARS = 256


class AlipayFaceToFace:
    """The port over Alipay 当面付 for one app."""

    provider = WalletProvider.ALIPAY

    def __init__(
        self,
        app_id: str,
        app_private_key: rsa.RSAPrivateKey,
        alipay_public_key: rsa.RSAPublicKey,
        http: PaymentHttp,
        gateway_url: str,
        *,
        store_id: str = "",
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.app_id = app_id
        self._private_key = app_private_key
        self._public_key = alipay_public_key
        self._http = http
        self.gateway_url = gateway_url
        self.store_id = store_id
        self._now = now

    def __repr__(self) -> str:
        return f"AlipayFaceToFace({self.gateway_url!r}, app_id={self.app_id!r})"

    # --- the port ---------------------------------------------------------------------------

    def charge(self, request: ChargeRequest) -> ChargeStatus:
        log_charge(log, "Alipay", request)
        biz = {
            "out_trade_no": request.out_trade_no,
            "scene": "bar_code",
            "auth_code": request.auth_code,
            "subject": request.description[:SUBJECT_MAX_CHARS],
            "total_amount": fen_to_yuan(request.amount_fen),
            "store_id": self.store_id or request.store_code,
            "terminal_id": request.terminal_id,
        }
        try:
            data = self._call("alipay.trade.pay", biz)
        except Unusable as problem:
            return logged(
                log, "Alipay", unknown(request.out_trade_no, problem.reason, problem.detail)
            )
        return logged(
            log, "Alipay", answers.pay_status(data, request.out_trade_no, request.amount_fen)
        )

    def query(self, out_trade_no: str) -> ChargeStatus:
        try:
            data = self._call("alipay.trade.query", {"out_trade_no": out_trade_no})
        except Unusable as problem:
            return logged(log, "Alipay", unknown(out_trade_no, problem.reason, problem.detail))
        return logged(log, "Alipay", answers.query_status(data, out_trade_no))

    def reverse(self, out_trade_no: str) -> ReversalStatus:
        try:
            data = self._call("alipay.trade.cancel", {"out_trade_no": out_trade_no})
        except Unusable as problem:
            result = ReversalStatus(False, True, str(problem.reason), problem.detail)
        else:
            result = answers.cancel_status(data, out_trade_no)
        log.info(
            "Alipay cancel %s: done=%s retry=%s %s",
            out_trade_no,
            result.done,
            result.retry,
            result.reason_code,
        )
        return result

    def refund(self, request: RefundRequest) -> RefundStatus:
        biz = {
            "out_trade_no": request.out_trade_no,
            "refund_amount": fen_to_yuan(request.refund_fen),
            "out_request_no": request.out_refund_no,
        }
        if request.reason:
            biz["refund_reason"] = request.reason[:256]
        try:
            data = self._call("alipay.trade.refund", biz)
        except Unusable as problem:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                request.out_refund_no,
                reason_code=problem.reason,
                reason=problem.detail,
            )
        status = answers.refund_status(data, request.out_trade_no, request.out_refund_no)
        if status.outcome is RefundOutcome.UNKNOWN and status.reason_code == TRADE_STATUS_ERROR:
            return self._refund_of_unrefundable(request, status)
        return status

    def _refund_of_unrefundable(self, request: RefundRequest, status: RefundStatus) -> RefundStatus:
        """``ACQ.TRADE_STATUS_ERROR`` to a refund: the documents say to query the trade. A trade
        closed (never paid, cancelled, or paid back in full) can take no refund: refused, with
        the trade's state in the words; paid or unclear: still unknown (asked again later)."""
        trade = self.query(request.out_trade_no)
        if trade.outcome in (ChargeOutcome.CLOSED, ChargeOutcome.REFUSED):
            return RefundStatus(
                RefundOutcome.REFUSED,
                request.out_refund_no,
                reason_code=TRADE_STATUS_ERROR,
                reason=status.reason or "",
            )
        return status

    def refund_query(self, out_trade_no: str, out_refund_no: str) -> RefundStatus:
        biz = {"out_trade_no": out_trade_no, "out_request_no": out_refund_no}
        try:
            data = self._call("alipay.trade.fastpay.refund.query", biz)
        except Unusable as problem:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                out_refund_no,
                reason_code=problem.reason,
                reason=problem.detail,
            )
        return answers.refund_query_status(data, out_trade_no, out_refund_no)

    def bill(self, day: date) -> list[BillLine]:
        biz = {"bill_type": "trade", "bill_date": day.isoformat()}
        try:
            data = self._call("alipay.data.dataservice.bill.downloadurl.query", biz)
        except Unusable as problem:
            raise PaymentBillError(
                "The Alipay bill for {day} could not be had: {detail}",
                day=day.isoformat(),
                detail=problem.detail,
            ) from None
        code, _, message = answers.codes(data)
        url = answers.text(data, "bill_download_url")
        if code != answers.SUCCESS or not url:
            raise PaymentBillError(
                "Alipay has no bill for {day} yet: {detail}", day=day.isoformat(), detail=message
            )
        return parse_bill_archive(self._download(url, day), self._http.limits.max_bill_bytes)

    # --- one call ---------------------------------------------------------------------------

    def _call(self, method: str, biz: dict[str, Any]) -> dict[str, Any]:
        params = {
            "app_id": self.app_id,
            "method": method,
            "format": "JSON",
            "charset": "utf-8",
            "sign_type": "RSA2",
            "timestamp": china_now_text(self._now()),
            "version": "1.0",
            "biz_content": json.dumps(biz, ensure_ascii=False, separators=(",", ":")),
        }
        params["sign"] = signing.sign(self._private_key, params)
        answer = self._http.send(
            "POST",
            self.gateway_url,
            headers={
                "Content-Type": "application/x-www-form-urlencoded;charset=utf-8",
                "Accept": "application/json",
                "User-Agent": "redhome-pos",
            },
            body=urlencode(params).encode("ascii"),
        )
        if answer.status != 200:
            raise Unusable(Reason.HTTP_STATUS, f"HTTP {answer.status}")
        return self._verified(method, answer.body)

    def _verified(self, method: str, body: bytes) -> dict[str, Any]:
        try:
            members = signing.top_level_members(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise Unusable(Reason.NOT_PARSEABLE, "the answer is not a JSON object") from None
        name = method.replace(".", "_") + "_response"
        member = members.get(name) or members.get("error_response")
        if member is None:
            raise Unusable(Reason.NOT_PARSEABLE, f"the answer has no {name}")
        try:
            signature = json.loads(members.get("sign", '""'))
            data = json.loads(member)
        except ValueError:
            raise Unusable(Reason.NOT_PARSEABLE, "the answer cannot be read") from None
        if not isinstance(signature, str) or not signature:
            code = data.get("sub_code") or data.get("code") if isinstance(data, dict) else ""
            raise Unusable(Reason.UNSIGNED, f"the answer carries no sign (unverified: {code})")
        if not signing.verify(self._public_key, member, signature):
            raise Unusable(Reason.BAD_SIGNATURE, "the sign does not match the answer")
        if not isinstance(data, dict):
            raise Unusable(Reason.NOT_PARSEABLE, f"{name} is not a JSON object")
        return data

    def _download(self, url: str, day: date) -> bytes:
        parts = urlsplit(url)
        if parts.scheme != "https" and not (
            parts.scheme == "http" and parts.hostname in LOOPBACK_HOSTS
        ):
            raise PaymentBillError("The Alipay bill address {url} is not https", url=url)
        return fetch_bill(self._http, url, {"User-Agent": "redhome-pos"}, "Alipay", day)
