"""Settlement reconciliation of a day (``redhome-pos payments reconcile``, the back office):
each configured provider's bill for the day, fetched through the provider port, against the
charge attempts and refunds the store recorded (``domain.settlement``).

The day is the providers' bill day (China time). Records are read for the day with a day's
margin each side, and by the numbers the bills name, so a payment written just across
midnight is matched by its number rather than reported missing."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.payments import BillLine, BillLineKind, PaymentProvider, WalletProvider
from redhome_pos.domain.settlement import BILL_TIMEZONE, SettlementReport, reconcile
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.settlement import SettlementRepository

CSV_COLUMNS = (
    "finding",
    "provider",
    "kind",
    "out_trade_no",
    "out_refund_no",
    "transaction_id",
    "ours_fen",
    "bill_fen",
    "difference_fen",
    "fee_fen",
    "receipt_no",
    "status",
)


def reconcile_day(
    database: Database, providers: Mapping[WalletProvider, PaymentProvider], day: date
) -> SettlementReport:
    """Fetch each provider's bill for ``day`` and match it with the store's records. A bill
    that cannot be had is reported in its provider's totals (its records are not judged)."""
    bills: dict[WalletProvider, list[BillLine]] = {}
    errors: dict[WalletProvider, DomainError] = {}
    for wallet, provider in providers.items():
        try:
            bills[wallet] = provider.bill(day)
        except DomainError as error:
            errors[wallet] = error
    numbers = [
        line.out_refund_no or "" if line.kind is BillLineKind.REFUND else line.out_trade_no
        for lines in bills.values()
        for line in lines
    ]
    start = datetime.combine(day - timedelta(days=1), time.min, BILL_TIMEZONE)
    end = datetime.combine(day + timedelta(days=2), time.min, BILL_TIMEZONE)
    with database.reading() as session:
        recorded = SettlementRepository(session).recorded(start, end, numbers)
    return reconcile(day, bills, recorded, bill_errors=errors)


def report_dict(report: SettlementReport) -> dict[str, Any]:
    """The report as plain data (``--json``)."""
    return {
        "day": report.day.isoformat(),
        "balanced": report.balanced,
        "problems": len(report.problems),
        "totals": [
            {
                "provider": t.provider.value,
                "bill_paid_fen": t.bill_paid_fen,
                "bill_refunded_fen": t.bill_refunded_fen,
                "fees_fen": t.fees_fen,
                "settled_fen": t.settled_fen,
                "ours_paid_fen": t.ours_paid_fen,
                "ours_refunded_fen": t.ours_refunded_fen,
                "bill_error": t.bill_error,
            }
            for t in report.totals
        ],
        "lines": [_line_dict(line) for line in report.lines],
    }


def _line_dict(line: Any) -> dict[str, Any]:
    return {
        "finding": line.finding.value,
        "provider": line.provider.value,
        "kind": line.kind.value,
        "out_trade_no": line.out_trade_no,
        "out_refund_no": line.out_refund_no,
        "transaction_id": line.transaction_id,
        "ours_fen": line.ours_fen,
        "bill_fen": line.bill_fen,
        "difference_fen": line.difference_fen,
        "fee_fen": line.fee_fen,
        "receipt_no": line.receipt_no,
        "status": line.status,
    }


def report_csv(report: SettlementReport) -> str:
    """One row per bill line or record (``--csv``); empty amounts where a side is missing."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for line in report.lines:
        row = _line_dict(line)
        writer.writerow({key: "" if row[key] is None else row[key] for key in CSV_COLUMNS})
    return out.getvalue()
