"""Reading Alipay 当面付 answers (already verified) into the port's statuses.

Alipay answers carry ``code`` (10000 success, 10003 waiting for the buyer, 20000 service
unavailable, 40004 business failure with ``sub_code``, 400xx request refused) and the call's
own fields. An answer about another ``out_trade_no`` or another amount is UNKNOWN (MISMATCH).
"""

from __future__ import annotations

from typing import Any

from payments.statuses import unknown
from payments.wire import china_time_to_utc, yuan_to_fen
from redhome_pos.domain.payments import (
    ChargeOutcome,
    ChargeStatus,
    Reason,
    RefundOutcome,
    RefundStatus,
    ReversalStatus,
)

SUCCESS, WAITING, UNAVAILABLE, FAILED = "10000", "10003", "20000", "40004"
# The request itself was refused (missing/invalid parameter, signature, permission): nothing
# was charged.
_REQUEST_REFUSED = {"20001", "40001", "40002", "40003", "40006"}
# Business failures that do not decide the payment: ask again.
_SUB_UNKNOWN = {"ACQ.SYSTEM_ERROR", "ACQ.TRADE_HAS_SUCCESS", "ACQ.TRADE_STATUS_ERROR"}
_SUB_CLOSED = {"ACQ.TRADE_HAS_CLOSE"}
TRADE_NOT_EXIST = "ACQ.TRADE_NOT_EXIST"

_TRADE_STATUS = {
    "TRADE_SUCCESS": ChargeOutcome.PAID,
    "TRADE_FINISHED": ChargeOutcome.PAID,
    "WAIT_BUYER_PAY": ChargeOutcome.PAYING,
    "TRADE_CLOSED": ChargeOutcome.CLOSED,  # closed unpaid, or paid back in full
}


def text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def codes(data: dict[str, Any]) -> tuple[str, str, str]:
    """``code``, the most specific code (``sub_code`` or ``code``) and the message."""
    code = text(data, "code")
    detail = text(data, "sub_code") or code
    message = text(data, "sub_msg") or text(data, "msg") or detail
    return code, detail, message


def _order(
    data: dict[str, Any], out_trade_no: str, outcome: ChargeOutcome, expected_fen: int | None
) -> ChargeStatus:
    named = text(data, "out_trade_no")
    if named != out_trade_no:
        return unknown(out_trade_no, Reason.MISMATCH, f"the answer is about order {named!r}")
    total = yuan_to_fen(data.get("total_amount"))
    trade_no = text(data, "trade_no") or None
    if outcome is ChargeOutcome.PAID:
        if total is None or trade_no is None:
            return unknown(out_trade_no, Reason.UNEXPECTED_STATE, "paid without amount or number")
        if expected_fen is not None and total != expected_fen:
            return unknown(out_trade_no, Reason.MISMATCH, f"paid {total} fen, not {expected_fen}")
    paid_at = china_time_to_utc(data.get("gmt_payment") or data.get("send_pay_date"))
    return ChargeStatus(
        outcome,
        out_trade_no,
        amount_fen=total,
        transaction_id=trade_no,
        paid_at=paid_at if outcome is ChargeOutcome.PAID else None,
        reason_code=text(data, "trade_status") or text(data, "code"),
        reason=text(data, "msg") or None,
    )


def _failure(data: dict[str, Any], out_trade_no: str) -> ChargeStatus:
    code, detail, message = codes(data)
    if code == FAILED and detail not in _SUB_UNKNOWN:
        outcome = ChargeOutcome.CLOSED if detail in _SUB_CLOSED else ChargeOutcome.REFUSED
        return ChargeStatus(outcome, out_trade_no, reason_code=detail, reason=message)
    if code in _REQUEST_REFUSED:
        return ChargeStatus(ChargeOutcome.REFUSED, out_trade_no, reason_code=detail, reason=message)
    return unknown(out_trade_no, detail or Reason.UNEXPECTED_STATE, message)


def pay_status(data: dict[str, Any], out_trade_no: str, amount_fen: int) -> ChargeStatus:
    """The answer to ``alipay.trade.pay``."""
    code = text(data, "code")
    if code == SUCCESS:
        return _order(data, out_trade_no, ChargeOutcome.PAID, amount_fen)
    if code == WAITING:  # the customer is entering the password
        named = text(data, "out_trade_no")
        if named and named != out_trade_no:
            return unknown(out_trade_no, Reason.MISMATCH, f"the answer is about order {named!r}")
        return ChargeStatus(
            ChargeOutcome.PAYING, out_trade_no, reason_code=WAITING, reason=text(data, "msg")
        )
    return _failure(data, out_trade_no)


def query_status(data: dict[str, Any], out_trade_no: str) -> ChargeStatus:
    """The answer to ``alipay.trade.query``."""
    code, detail, message = codes(data)
    if code == SUCCESS:
        trade_status = text(data, "trade_status")
        outcome = _TRADE_STATUS.get(trade_status)
        if outcome is None:
            return unknown(out_trade_no, Reason.UNEXPECTED_STATE, f"trade_status {trade_status!r}")
        return _order(data, out_trade_no, outcome, None)
    return unknown(out_trade_no, detail or Reason.UNEXPECTED_STATE, message)


def cancel_status(data: dict[str, Any], out_trade_no: str) -> ReversalStatus:
    """The answer to ``alipay.trade.cancel``."""
    code, detail, message = codes(data)
    retry = text(data, "retry_flag") == "Y"
    named = text(data, "out_trade_no")
    if code == SUCCESS:
        if named and named != out_trade_no:
            return ReversalStatus(False, True, Reason.MISMATCH, f"the answer is about {named!r}")
        if retry:
            return ReversalStatus(False, True, "RETRY", message)
        return ReversalStatus(True, False, text(data, "action") or "close", message)
    if detail == TRADE_NOT_EXIST:
        return ReversalStatus(True, False, detail, message)
    if code == UNAVAILABLE or detail in _SUB_UNKNOWN or retry:
        return ReversalStatus(False, True, detail, message)
    return ReversalStatus(False, False, detail or Reason.UNEXPECTED_STATE, message)


def refund_status(data: dict[str, Any], out_trade_no: str, out_refund_no: str) -> RefundStatus:
    """The answer to ``alipay.trade.refund`` (fund_change Y means the money went back)."""
    code, detail, message = codes(data)
    if code == SUCCESS:
        named = text(data, "out_trade_no")
        if named != out_trade_no:
            return RefundStatus(
                RefundOutcome.UNKNOWN,
                out_refund_no,
                reason_code=Reason.MISMATCH,
                reason=f"the refund answer is about order {named!r}",
            )
        changed = text(data, "fund_change") == "Y"
        return RefundStatus(
            RefundOutcome.SUCCESS if changed else RefundOutcome.PROCESSING,
            out_refund_no,
            refund_fen=yuan_to_fen(data.get("send_back_fee")),
            refund_id=text(data, "trade_no") or None,
            reason_code="fund_change=" + (text(data, "fund_change") or "none"),
            reason=message,
        )
    if code == FAILED and detail not in _SUB_UNKNOWN:
        return RefundStatus(
            RefundOutcome.REFUSED, out_refund_no, reason_code=detail, reason=message
        )
    if code in _REQUEST_REFUSED:
        return RefundStatus(
            RefundOutcome.REFUSED, out_refund_no, reason_code=detail, reason=message
        )
    return RefundStatus(RefundOutcome.UNKNOWN, out_refund_no, reason_code=detail, reason=message)


def refund_query_status(
    data: dict[str, Any], out_trade_no: str, out_refund_no: str
) -> RefundStatus:
    """The answer to ``alipay.trade.fastpay.refund.query``: a refund amount with an empty or
    REFUND_SUCCESS status means refunded; no refund data means not refunded (yet)."""
    code, detail, message = codes(data)
    if code != SUCCESS:
        return RefundStatus(
            RefundOutcome.UNKNOWN, out_refund_no, reason_code=detail, reason=message
        )
    named_refund = text(data, "out_request_no")
    amount = yuan_to_fen(data.get("refund_amount"))
    if amount is None and not text(data, "refund_status"):
        # Alipay echoes the numbers asked about even when it has no such refund.
        return RefundStatus(
            RefundOutcome.UNKNOWN,
            out_refund_no,
            reason_code="REFUND_NOT_FOUND",
            reason="Alipay has no refund under this number: send it again, same number",
        )
    if named_refund != out_refund_no or text(data, "out_trade_no") not in ("", out_trade_no):
        return RefundStatus(
            RefundOutcome.UNKNOWN,
            out_refund_no,
            reason_code=Reason.MISMATCH,
            reason="the answer is about another refund",
        )
    refund_state = text(data, "refund_status")
    outcome = (
        RefundOutcome.SUCCESS
        if refund_state in ("", "REFUND_SUCCESS")
        else (RefundOutcome.PROCESSING)
    )
    return RefundStatus(
        outcome,
        out_refund_no,
        refund_fen=amount,
        refund_id=text(data, "trade_no") or None,
        reason_code=refund_state or "REFUND_SUCCESS",
        reason=message,
    )
