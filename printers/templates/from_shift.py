"""The counter's X or Z report (``ShiftReport``) as the data of the printed report."""

from __future__ import annotations

from datetime import datetime

from printers.templates.data import (
    ClerkFigures,
    ProviderLine,
    ShiftReportData,
    StoreHeader,
    TenderLine,
)
from printers.templates.from_sale import TENDER_LABELS
from redhome_pos.domain.shift import ShiftReport
from redhome_pos.domain.tender import TenderKind

CASH = TenderKind.CASH.value


def shift_report_from_counter(
    report: ShiftReport,
    *,
    store: StoreHeader,
    clerk: str,
    opened_at: datetime,
    closed_at: datetime | None = None,
) -> ShiftReportData:
    """``clerk`` is the name of whoever printed the report; the shift's times come from the
    shift itself (the report keeps only its id)."""
    figures = report.figures
    final = report.kind == "Z"
    by_tender = tuple(
        TenderLine(TENDER_LABELS[kind], figures.tenders_fen.get(kind.value, 0))
        for kind in TenderKind
        if figures.tenders_fen.get(kind.value, 0)
    )
    return ShiftReportData(
        store=store,
        terminal_id=report.terminal_id,
        shift_no=str(report.shift_id),
        final=final,
        opened_at=opened_at,
        closed_at=closed_at,
        printed_at=report.created_at,
        clerk=clerk,
        sales_count=figures.sales,
        sales_fen=figures.sales_fen,
        returns_count=figures.returns,
        returns_fen=figures.refunds_fen,
        discounts_fen=figures.discount_fen,
        by_tender=by_tender,
        vat=(),
        opening_float_fen=figures.float_fen,
        cash_expected_fen=report.expected_fen[CASH],
        cash_counted_fen=report.counted_fen.get(CASH) if final else None,
        z_number=report.id if final else None,
        voids_count=figures.voids,
        voids_fen=figures.voided_fen,
        cash_in_fen=figures.cash_in_fen,
        cash_out_fen=figures.cash_out_fen,
        drawer_opens=figures.drawer_opens,
        by_clerk=tuple(
            ClerkFigures(s.name, s.sales, s.sales_fen, s.refunds_fen) for s in figures.by_staff
        ),
        audit_code=report.audit_code if final else "",
        by_provider=provider_lines(report),
    )


def provider_lines(report: ShiftReport) -> tuple[ProviderLine, ...]:
    """The shift's WeChat Pay and Alipay money per tender kind, as printed."""
    return tuple(
        ProviderLine(
            TENDER_LABELS.get(TenderKind(p.kind), p.kind),
            p.paid_fen,
            p.refunded_fen,
            p.payments,
            p.refunds,
        )
        for p in report.figures.by_provider
    )
