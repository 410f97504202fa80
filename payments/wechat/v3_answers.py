"""Reading WeChat Pay APIv3 answers (already verified) into the port's statuses.

Every answer is checked against what was asked: an order answer must name our
``out_trade_no`` (and, for a charge, our amount), a refund answer our ``out_refund_no``;
otherwise the status is UNKNOWN with reason MISMATCH, never PAID.
"""

from __future__ import annotations

from typing import Any

from payments.statuses import unknown
from payments.wechat.outcomes import (
    charge_outcome_of_error,
    charge_outcome_of_state,
    refund_outcome_of_error,
    refund_outcome_of_state,
)
from payments.wire import rfc3339_to_utc
from redhome_pos.domain.payments import (
    ChargeOutcome,
    ChargeStatus,
    Reason,
    RefundOutcome,
    RefundStatus,
)


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    return value if isinstance(value, str) else ""


def _amount(data: dict[str, Any], key: str) -> int | None:
    amount = data.get("amount")
    value = amount.get(key) if isinstance(amount, dict) else None
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def error_code(data: dict[str, Any]) -> tuple[str, str]:
    """The ``code`` and ``message`` of an error answer (empty when absent)."""
    return _text(data, "code"), _text(data, "message")


def order_status(
    data: dict[str, Any], out_trade_no: str, expected_amount_fen: int | None
) -> ChargeStatus:
    """The status an order answer (charge or query) gives for ``out_trade_no``."""
    named = _text(data, "out_trade_no")
    if named != out_trade_no:
        return unknown(out_trade_no, Reason.MISMATCH, f"the answer is about order {named!r}")
    state = _text(data, "trade_state")
    if not state:
        return unknown(out_trade_no, Reason.UNEXPECTED_STATE, "the answer has no trade_state")
    outcome = charge_outcome_of_state(state)
    total = _amount(data, "total")
    transaction_id = _text(data, "transaction_id") or None
    described = _text(data, "trade_state_desc") or state
    if outcome is ChargeOutcome.PAID:
        if total is None or transaction_id is None:
            return unknown(out_trade_no, Reason.UNEXPECTED_STATE, "paid without amount or id")
        if expected_amount_fen is not None and total != expected_amount_fen:
            return unknown(
                out_trade_no, Reason.MISMATCH, f"paid {total} fen, not {expected_amount_fen}"
            )
        return ChargeStatus(
            ChargeOutcome.PAID,
            out_trade_no,
            amount_fen=total,
            transaction_id=transaction_id,
            paid_at=rfc3339_to_utc(data.get("success_time")),
            reason_code=state,
            reason=described,
        )
    if outcome is ChargeOutcome.UNKNOWN and state.upper() != "NOTPAY":
        return unknown(out_trade_no, Reason.UNEXPECTED_STATE, f"trade_state {state}")
    return ChargeStatus(
        outcome,
        out_trade_no,
        amount_fen=total,
        transaction_id=transaction_id,
        reason_code=state,
        reason=described,
    )


def charge_error_status(status: int, data: dict[str, Any], out_trade_no: str) -> ChargeStatus:
    code, message = error_code(data)
    if not code:
        return unknown(out_trade_no, Reason.HTTP_STATUS, f"HTTP {status} without an error code")
    outcome = charge_outcome_of_error(code)
    return ChargeStatus(outcome, out_trade_no, reason_code=code, reason=message or code)


def refund_status(
    data: dict[str, Any], out_refund_no: str, expected_refund_fen: int | None
) -> RefundStatus:
    named = _text(data, "out_refund_no")
    if named != out_refund_no:
        return RefundStatus(
            RefundOutcome.UNKNOWN,
            out_refund_no,
            reason_code=Reason.MISMATCH,
            reason=f"the answer is about refund {named!r}",
        )
    state = _text(data, "status")
    outcome = refund_outcome_of_state(state)
    refunded = _amount(data, "refund")
    if expected_refund_fen is not None and refunded != expected_refund_fen:
        return RefundStatus(
            RefundOutcome.UNKNOWN,
            out_refund_no,
            reason_code=Reason.MISMATCH,
            reason=f"the answer refunds {refunded} fen, not {expected_refund_fen}",
        )
    return RefundStatus(
        outcome,
        out_refund_no,
        refund_fen=refunded,
        refund_id=_text(data, "refund_id") or None,
        reason_code=state or Reason.UNEXPECTED_STATE,
        reason=_text(data, "user_received_account") or state,
    )


def refund_error_status(status: int, data: dict[str, Any], out_refund_no: str) -> RefundStatus:
    code, message = error_code(data)
    if not code:
        return RefundStatus(
            RefundOutcome.UNKNOWN,
            out_refund_no,
            reason_code=Reason.HTTP_STATUS,
            reason=f"HTTP {status} without an error code",
        )
    return RefundStatus(
        refund_outcome_of_error(code), out_refund_no, reason_code=code, reason=message or code
    )
