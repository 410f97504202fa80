"""Pieces every adapter uses: an UNKNOWN charge status, the log lines of a charge (the
payment code only masked), and fetching a bill file."""

from __future__ import annotations

import logging
from datetime import date

from payments.http import PaymentHttp, TransportFailure
from redhome_pos.domain.payments import (
    ChargeOutcome,
    ChargeRequest,
    ChargeStatus,
    PaymentBillError,
    Reason,
    mask_auth_code,
)


def unknown(out_trade_no: str, reason: Reason | str, detail: str) -> ChargeStatus:
    return ChargeStatus(ChargeOutcome.UNKNOWN, out_trade_no, reason_code=str(reason), reason=detail)


def logged(log: logging.Logger, provider: str, status: ChargeStatus) -> ChargeStatus:
    log.info(
        "%s %s: %s %s %s",
        provider,
        status.out_trade_no,
        status.outcome.value,
        status.reason_code or "",
        status.transaction_id or "",
    )
    return status


def log_charge(log: logging.Logger, provider: str, request: ChargeRequest) -> None:
    log.info(
        "%s charge %s %s fen code %s",
        provider,
        request.out_trade_no,
        request.amount_fen,
        mask_auth_code(request.auth_code),
    )


def fetch_bill(
    http: PaymentHttp, url: str, headers: dict[str, str], provider: str, day: date
) -> bytes:
    """The bill file at ``url`` (size-capped), or a PaymentBillError naming what went wrong."""
    try:
        answer = http.send("GET", url, headers=headers, max_bytes=http.limits.max_bill_bytes)
    except TransportFailure as failure:
        raise PaymentBillError(
            "The {provider} bill for {day} could not be downloaded: {detail}",
            provider=provider,
            day=day.isoformat(),
            detail=failure.detail,
        ) from None
    if answer.status != 200:
        raise PaymentBillError(
            "The {provider} bill download for {day} answered HTTP {status}",
            provider=provider,
            day=day.isoformat(),
            status=answer.status,
        )
    return answer.body
