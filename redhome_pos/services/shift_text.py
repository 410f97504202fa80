"""A shift report as plain text lines (for the terminal and as the printers' source text)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from redhome_pos.domain.money import format_fen
from redhome_pos.domain.shift import ShiftReport


def report_lines(report: ShiftReport, timezone: str = "Asia/Shanghai") -> list[str]:
    f = report.figures
    at = report.created_at.astimezone(ZoneInfo(timezone))
    lines = [
        f"{report.kind} report  shift {report.shift_id}  terminal {report.terminal_id}",
        f"printed {at:%Y-%m-%d %H:%M}  by staff {report.staff_id}",
        f"sales        {f.sales:>5}  {format_fen(f.sales_fen):>14}",
        f"discounts           {format_fen(f.discount_fen):>14}",
        f"voids        {f.voids:>5}  {format_fen(f.voided_fen):>14}",
        f"returns      {f.returns:>5}  {format_fen(f.refunds_fen):>14}",
        f"float               {format_fen(f.float_fen):>14}",
        f"cash in             {format_fen(f.cash_in_fen):>14}",
        f"cash out            {format_fen(f.cash_out_fen):>14}",
        f"drawer opened {f.drawer_opens} time(s) without a sale",
        "tender        expected       counted    difference",
    ]
    expected = report.expected_fen
    difference = report.difference_fen
    for kind, amount in expected.items():
        if report.kind == "Z":
            counted = format_fen(report.counted_fen.get(kind, 0))
            lines.append(
                f"{kind:<8} {format_fen(amount):>13} {counted:>13} "
                f"{format_fen(difference[kind]):>13}"
            )
        else:
            lines.append(f"{kind:<8} {format_fen(amount):>13}")
    lines.append("by staff")
    for s in f.by_staff:
        lines.append(
            f"  {s.name:<10} {s.sales:>4} sales {format_fen(s.sales_fen):>13}  "
            f"refunds {format_fen(s.refunds_fen)}"
        )
    return lines
