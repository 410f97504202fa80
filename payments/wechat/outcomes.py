"""What WeChat Pay's error codes and trade states mean for a charge, refund or reversal.

APIv2 and APIv3 name the same conditions slightly differently (``SYSTEMERROR`` /
``SYSTEM_ERROR``, ``NOTENOUGH`` / ``NOT_ENOUGH``), so codes are compared without underscores.
Anything not listed is UNKNOWN: the charge service then queries and, if need be, reverses.
"""

from __future__ import annotations

from redhome_pos.domain.payments import ChargeOutcome, RefundOutcome


def _norm(code: str) -> str:
    return code.upper().replace("_", "")


# The customer is still entering the password.
_PAYING = {"USERPAYING"}
# Definitively not paid, nothing to reverse: a bad, expired or used code, no balance, a risk
# rule, or a request WeChat Pay refused outright (parameters, signature, permissions).
_REFUSED = {
    "AUTHCODEEXPIRE",
    "AUTHCODEINVALID",
    "AUTHCODEERROR",
    "NOTENOUGH",
    "NOTSUPORTCARD",
    "NOTSUPPORTCARD",
    "BUYERMISMATCH",
    "PAYERROR",
    "TRADEERROR",
    "RULELIMIT",
    "NOAUTH",
    "PARAMERROR",
    "INVALIDREQUEST",
    "SIGNERROR",
    "LACKPARAMS",
    "XMLFORMATERROR",
    "NOTUTF8",
    "REQUIREPOSTMETHOD",
    "POSTDATAEMPTY",
    "APPIDMCHIDNOTMATCH",
    "APPIDNOTEXIST",
    "MCHIDNOTEXIST",
    "MCHNOTEXISTS",
    "ACCOUNTERROR",
}
# The order number is closed or reversed at WeChat Pay.
_CLOSED = {"ORDERCLOSED", "ORDERREVERSED"}


def charge_outcome_of_error(code: str) -> ChargeOutcome:
    """The outcome of a charge that came back with error ``code``."""
    norm = _norm(code)
    if norm in _PAYING:
        return ChargeOutcome.PAYING
    if norm in _REFUSED:
        return ChargeOutcome.REFUSED
    if norm in _CLOSED:
        return ChargeOutcome.CLOSED
    return ChargeOutcome.UNKNOWN  # SYSTEMERROR, BANKERROR, ORDERPAID, OUT_TRADE_NO_USED, …


_TRADE_STATES = {
    "SUCCESS": ChargeOutcome.PAID,
    "USERPAYING": ChargeOutcome.PAYING,
    "PAYERROR": ChargeOutcome.REFUSED,
    "CLOSED": ChargeOutcome.CLOSED,
    "REVOKED": ChargeOutcome.CLOSED,
    "REFUND": ChargeOutcome.REFUNDED,  # a refund was made (the query does not say how much)
    "NOTPAY": ChargeOutcome.UNKNOWN,  # not final for a code payment: reverse to close it
}


def charge_outcome_of_state(trade_state: str) -> ChargeOutcome:
    return _TRADE_STATES.get(trade_state.upper(), ChargeOutcome.UNKNOWN)


def is_order_missing(code: str) -> bool:
    return _norm(code) in {"ORDERNOTEXIST", "RESOURCENOTEXISTS", "REFUNDNOTEXIST"}


# A reversal that WeChat Pay asks to call again.
_REVERSE_RETRY = {"SYSTEMERROR", "USERPAYING", "BANKERROR", "FREQUENCYLIMITED"}


def reverse_should_retry(code: str) -> bool:
    return _norm(code) in _REVERSE_RETRY


_REFUND_STATES = {
    "SUCCESS": RefundOutcome.SUCCESS,
    "PROCESSING": RefundOutcome.PROCESSING,
    "CLOSED": RefundOutcome.REFUSED,
    "REFUNDCLOSE": RefundOutcome.REFUSED,
    "ABNORMAL": RefundOutcome.REFUSED,  # the money could not reach the customer: by hand
    "CHANGE": RefundOutcome.REFUSED,  # APIv2's name for the same
}


def refund_outcome_of_state(status: str) -> RefundOutcome:
    return _REFUND_STATES.get(_norm(status), RefundOutcome.UNKNOWN)


# Refund errors that are worth asking again about (with the same out_refund_no).
_REFUND_UNKNOWN = {"SYSTEMERROR", "BANKERROR", "FREQUENCYLIMITED"}


def refund_outcome_of_error(code: str) -> RefundOutcome:
    if _norm(code) in _REFUND_UNKNOWN:
        return RefundOutcome.UNKNOWN
    return RefundOutcome.REFUSED  # NOT_ENOUGH, INVALID_REQUEST, PARAM_ERROR, USER_ACCOUNT_ABNORMAL…
