"""WeChat Pay APIv2 付款码支付 (``micropay``): charge, order query, reverse, refund, refund
query and the trade bill, as XML signed with the merchant's API key.

Many merchant accounts still run APIv2. Answers are believed only when ``return_code`` is
SUCCESS and their key signature holds; reversal and refund go through the ``/secapi/`` paths
with the merchant's API client certificate. The bill download is plain text and APIv2 gives
nothing to check it with (no signature, no digest): its lines are parsed as they come.
"""

from __future__ import annotations

import json
import logging
from datetime import date

from payments.http import PaymentHttp, TransportFailure, Unusable
from payments.statuses import log_charge, logged, unknown
from payments.wechat import v2_signing
from payments.wechat.bill import parse_trade_bill
from payments.wechat.outcomes import (
    charge_outcome_of_error,
    charge_outcome_of_state,
    is_order_missing,
    refund_outcome_of_error,
    refund_outcome_of_state,
    reverse_should_retry,
)
from payments.wechat.v3 import WechatAccount
from payments.wire import china_time_to_utc
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


class WechatPayV2:
    """The port over WeChat Pay APIv2 for one merchant account."""

    provider = WalletProvider.WECHAT

    def __init__(
        self,
        account: WechatAccount,
        api_key: str,
        http: PaymentHttp,
        base_url: str,
        *,
        sign_type: str = v2_signing.HMAC_SHA256,
        client_cert: tuple[str, str] | None = None,
    ) -> None:
        self.account = account
        self._key = api_key
        self._http = http
        self.base_url = base_url.rstrip("/")
        self.sign_type = sign_type
        self._client_cert = client_cert

    def __repr__(self) -> str:
        return f"WechatPayV2({self.base_url!r}, mch_id={self.account.mchid!r})"

    # --- the port ---------------------------------------------------------------------------

    def charge(self, request: ChargeRequest) -> ChargeStatus:
        log_charge(log, "WeChat Pay v2", request)
        fields = {
            "device_info": request.terminal_id[:32],
            "body": fit_description(request.description, 128),
            "out_trade_no": request.out_trade_no,
            "total_fee": str(request.amount_fen),
            "fee_type": "CNY",
            "spbill_create_ip": request.device_ip or "127.0.0.1",
            "auth_code": request.auth_code,
            "scene_info": json.dumps({"store_info": {"id": request.store_code}}),
        }
        try:
            answer = self._call("/pay/micropay", fields)
        except Unusable as problem:
            return _unknown(request.out_trade_no, problem.reason, problem.detail)
        if answer.get("result_code") != "SUCCESS":
            code = answer.get("err_code", "")
            outcome = charge_outcome_of_error(code) if code else ChargeOutcome.UNKNOWN
            return logged(
                log,
                "WeChat Pay v2",
                ChargeStatus(
                    outcome,
                    request.out_trade_no,
                    reason_code=code or Reason.UNEXPECTED_STATE,
                    reason=answer.get("err_code_des", ""),
                ),
            )
        return logged(
            log,
            "WeChat Pay v2",
            self._order(answer, request.out_trade_no, request.amount_fen, True),
        )

    def query(self, out_trade_no: str) -> ChargeStatus:
        try:
            answer = self._call("/pay/orderquery", {"out_trade_no": out_trade_no})
        except Unusable as problem:
            return _unknown(out_trade_no, problem.reason, problem.detail)
        if answer.get("result_code") != "SUCCESS":
            code = answer.get("err_code", "") or Reason.UNEXPECTED_STATE
            return _unknown(out_trade_no, code, answer.get("err_code_des", ""))
        return logged(log, "WeChat Pay v2", self._order(answer, out_trade_no, None, False))

    def reverse(self, out_trade_no: str) -> ReversalStatus:
        try:
            answer = self._call("/secapi/pay/reverse", {"out_trade_no": out_trade_no}, secure=True)
        except Unusable as problem:
            return ReversalStatus(False, True, str(problem.reason), problem.detail)
        if answer.get("result_code") == "SUCCESS":
            if answer.get("recall") == "Y":
                return ReversalStatus(False, True, "RECALL", "WeChat Pay asks to reverse again")
            return ReversalStatus(True, False, "REVERSED", "closed or paid back")
        code, message = answer.get("err_code", ""), answer.get("err_code_des", "")
        if answer.get("recall") == "Y" or reverse_should_retry(code) or not code:
            return ReversalStatus(False, True, code or Reason.UNEXPECTED_STATE, message)
        if is_order_missing(code):
            return ReversalStatus(True, False, code, message)
        return ReversalStatus(False, False, code, message)

    def refund(self, request: RefundRequest) -> RefundStatus:
        fields = {
            "out_refund_no": request.out_refund_no,
            "total_fee": str(request.total_fen),
            "refund_fee": str(request.refund_fen),
            "refund_fee_type": "CNY",
            "refund_desc": request.reason[:80],
        }
        if request.transaction_id:
            fields["transaction_id"] = request.transaction_id
        else:
            fields["out_trade_no"] = request.out_trade_no
        try:
            answer = self._call("/secapi/pay/refund", fields, secure=True)
        except Unusable as problem:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                request.out_refund_no,
                reason_code=problem.reason,
                reason=problem.detail,
            )
        if answer.get("result_code") != "SUCCESS":
            code = answer.get("err_code", "")
            outcome = refund_outcome_of_error(code) if code else RefundOutcome.UNKNOWN
            if code.upper() == "BIZERR_NEED_RETRY":
                outcome = RefundOutcome.UNKNOWN
            return RefundStatus(
                outcome,
                request.out_refund_no,
                reason_code=code or None,
                reason=answer.get("err_code_des", ""),
            )
        if (
            answer.get("out_refund_no") != request.out_refund_no
            or (answer.get("refund_fee") != str(request.refund_fen))
            or answer.get("out_trade_no", request.out_trade_no) != request.out_trade_no
        ):
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                request.out_refund_no,
                reason_code=Reason.MISMATCH,
                reason="another refund or amount",
            )
        # APIv2 accepts the refund here; the money's arrival is told by the refund query.
        return RefundStatus(
            RefundOutcome.PROCESSING,
            request.out_refund_no,
            refund_fen=request.refund_fen,
            refund_id=answer.get("refund_id"),
            reason_code="ACCEPTED",
            reason="refund accepted",
        )

    def refund_query(self, out_trade_no: str, out_refund_no: str) -> RefundStatus:
        try:
            answer = self._call("/pay/refundquery", {"out_refund_no": out_refund_no})
        except Unusable as problem:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                out_refund_no,
                reason_code=problem.reason,
                reason=problem.detail,
            )
        if answer.get("result_code") != "SUCCESS":
            code = answer.get("err_code", "")
            if is_order_missing(code):
                return RefundStatus(
                    RefundOutcome.UNKNOWN,
                    out_refund_no,
                    reason_code="REFUND_NOT_FOUND",
                    reason="WeChat Pay has no refund under this number: send it again, same number",
                )
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                out_refund_no,
                reason_code=code or None,
                reason=answer.get("err_code_des", ""),
            )
        if answer.get("out_trade_no", out_trade_no) != out_trade_no:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                out_refund_no,
                reason_code=Reason.MISMATCH,
                reason="another order's refund",
            )
        for n in range(int(answer.get("refund_count", "0") or 0)):
            if answer.get(f"out_refund_no_{n}") == out_refund_no:
                state = answer.get(f"refund_status_{n}", "")
                amount = answer.get(f"refund_fee_{n}", "")
                return RefundStatus(
                    refund_outcome_of_state(state),
                    out_refund_no,
                    refund_fen=int(amount) if amount.isdigit() else None,
                    refund_id=answer.get(f"refund_id_{n}") or None,
                    reason_code=state or Reason.UNEXPECTED_STATE,
                    reason=answer.get(f"refund_recv_accout_{n}", state),
                )
        return RefundStatus(
            RefundOutcome.UNKNOWN,
            out_refund_no,
            reason_code=Reason.MISMATCH,
            reason="the answer does not list this refund",
        )

    def bill(self, day: date) -> list[BillLine]:
        fields = {"bill_date": day.strftime("%Y%m%d"), "bill_type": "ALL"}
        params = self._signed(fields)
        try:
            answer = self._http.send(
                "POST",
                self.base_url + "/pay/downloadbill",
                headers={"Content-Type": "text/xml; charset=utf-8", "User-Agent": "redhome-pos"},
                body=v2_signing.to_xml(params).encode("utf-8"),
                max_bytes=self._http.limits.max_bill_bytes,
            )
        except TransportFailure as failure:
            raise PaymentBillError(
                "The WeChat Pay bill for {day} could not be had: {detail}",
                day=day.isoformat(),
                detail=failure.detail,
            ) from None
        if answer.body.lstrip().startswith(b"<xml>") or answer.status != 200:
            try:
                message = v2_signing.from_xml(answer.body).get("return_msg", "")
            except ValueError:
                message = f"HTTP {answer.status}"
            raise PaymentBillError(
                "WeChat Pay has no bill for {day} yet: {detail}",
                day=day.isoformat(),
                detail=message,
            )
        return parse_trade_bill(answer.body.decode("utf-8", errors="replace"))

    # --- one call ---------------------------------------------------------------------------

    def _signed(self, fields: dict[str, str]) -> dict[str, str]:
        account = self.account
        params = {"appid": account.appid, "mch_id": account.mchid}
        if account.partner:
            params["sub_mch_id"] = account.sub_mchid
            if account.sub_appid:
                params["sub_appid"] = account.sub_appid
        params.update({k: v for k, v in fields.items() if v})
        params["nonce_str"] = v2_signing.new_nonce()
        if self.sign_type != v2_signing.MD5:
            params["sign_type"] = self.sign_type
        params["sign"] = v2_signing.sign(params, self._key, self.sign_type)
        return params

    def _call(self, path: str, fields: dict[str, str], *, secure: bool = False) -> dict[str, str]:
        if secure and self._client_cert is None:
            raise Unusable(Reason.CONNECTION, "no API client certificate configured")
        answer = self._http.send(
            "POST",
            self.base_url + path,
            headers={"Content-Type": "text/xml; charset=utf-8", "User-Agent": "redhome-pos"},
            body=v2_signing.to_xml(self._signed(fields)).encode("utf-8"),
            client_cert=self._client_cert if secure else None,
        )
        if answer.status != 200:
            raise Unusable(Reason.HTTP_STATUS, f"HTTP {answer.status}")
        try:
            data = v2_signing.from_xml(answer.body)
        except ValueError:
            raise Unusable(Reason.NOT_PARSEABLE, "the answer is not WeChat Pay XML") from None
        if data.get("return_code") != "SUCCESS":
            # Not signed: a communication failure (signature, format, busy), never a result.
            raise Unusable(Reason.UNSIGNED, f"return_code FAIL: {data.get('return_msg', '')}")
        if not v2_signing.signature_holds(data, self._key, self.sign_type):
            reason = Reason.BAD_SIGNATURE if data.get("sign") else Reason.UNSIGNED
            raise Unusable(reason, "the answer's sign does not hold")
        if data.get("mch_id", self.account.mchid) != self.account.mchid:
            raise Unusable(Reason.MISMATCH, "the answer is for another merchant")
        return data

    def _order(
        self, data: dict[str, str], out_trade_no: str, expected_fen: int | None, charged: bool
    ) -> ChargeStatus:
        named = data.get("out_trade_no", "")
        if named != out_trade_no:
            return ChargeStatus(
                ChargeOutcome.UNKNOWN,
                out_trade_no,
                reason_code=Reason.MISMATCH,
                reason=f"the answer is about order {named!r}",
            )
        state = "SUCCESS" if charged else data.get("trade_state", "")
        outcome = charge_outcome_of_state(state)
        total_text = data.get("total_fee", "")
        total = int(total_text) if total_text.isdigit() else None
        transaction_id = data.get("transaction_id") or None
        if outcome is ChargeOutcome.PAID:
            if total is None or transaction_id is None:
                return ChargeStatus(
                    ChargeOutcome.UNKNOWN,
                    out_trade_no,
                    reason_code=Reason.UNEXPECTED_STATE,
                    reason="paid without amount or id",
                )
            if expected_fen is not None and total != expected_fen:
                return ChargeStatus(
                    ChargeOutcome.UNKNOWN,
                    out_trade_no,
                    reason_code=Reason.MISMATCH,
                    reason=f"paid {total} fen, not {expected_fen}",
                )
        elif outcome is ChargeOutcome.UNKNOWN and state != "NOTPAY":
            return ChargeStatus(
                ChargeOutcome.UNKNOWN,
                out_trade_no,
                reason_code=Reason.UNEXPECTED_STATE,
                reason=f"trade_state {state}",
            )
        paid_at = china_time_to_utc(data.get("time_end"), "%Y%m%d%H%M%S")
        return ChargeStatus(
            outcome,
            out_trade_no,
            amount_fen=total,
            transaction_id=transaction_id,
            paid_at=paid_at if outcome is ChargeOutcome.PAID else None,
            reason_code=state,
            reason=data.get("trade_state_desc") or state,
        )


def _unknown(out_trade_no: str, reason: Reason | str, detail: str) -> ChargeStatus:
    return logged(log, "WeChat Pay v2", unknown(out_trade_no, reason, detail))
