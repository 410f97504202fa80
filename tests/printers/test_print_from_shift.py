"""The counter's Z report as the printed report: expected and counted cash, tenders, clerks."""

from __future__ import annotations

from datetime import UTC, datetime

from escpos_decoder import decode

from printers.profile import receipt_profile
from printers.renderers.escpos_text import render_escpos
from printers.templates import shift_report
from printers.templates.data import StoreHeader
from printers.templates.from_shift import shift_report_from_counter
from redhome_pos.domain.shift import ShiftFigures, ShiftReport, StaffFigures


def test_z_report_from_the_counter() -> None:
    figures = ShiftFigures(
        shift_id=12,
        float_fen=50_000,
        sales=3,
        sales_fen=60_000,
        discount_fen=1_000,
        voids=1,
        voided_fen=9_900,
        returns=1,
        refunds_fen=5_000,
        cash_in_fen=0,
        cash_out_fen=20_000,
        drawer_opens=2,
        tenders_fen={"cash": 25_000, "wechat": 30_000},
        by_staff=(StaffFigures(1, "王芳", 3, 60_000, 5_000),),
    )
    report = ShiftReport(
        "Z", 12, "T1", datetime(2026, 11, 25, 13, 0, tzinfo=UTC), 1, figures, {"cash": 54_500}, id=7
    )
    data = shift_report_from_counter(
        report,
        store=StoreHeader("REDHOME", code="RH01"),
        clerk="王芳",
        opened_at=datetime(2026, 11, 25, 1, 0, tzinfo=UTC),
        closed_at=datetime(2026, 11, 25, 13, 0, tzinfo=UTC),
    )
    assert data.cash_expected_fen == 50_000 + 25_000 - 20_000
    assert data.cash_difference_fen == -500
    assert data.z_number == 7

    transcript = decode(render_escpos(shift_report(data), receipt_profile(32)), columns=32)
    assert transcript.problems == []
    printed = [text for text, _s, _b in transcript.lines]
    assert any(line.startswith("差额") and line.endswith("-￥5.00") for line in printed)
    assert any(line.startswith("作废 1 笔") for line in printed)
    assert any(line.startswith("王芳 3 笔") for line in printed)
    assert any("无销售开钱箱 2 次" in line for line in printed)
