"""A reconciliation run on paper: CSV of its lines and decisions (UTF-8 with BOM, so
spreadsheet programs show Chinese) and a plain-text summary for the printer or the screen."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from zoneinfo import ZoneInfo

from redhome_pos.domain.money import format_fen
from redhome_pos.domain.reconciliation import DifferenceKind
from redhome_pos.persistence.database import Database
from redhome_pos.services.reconciliation import run_lines, run_record
from redhome_pos.services.reports import yuan

CSV_COLUMNS = (
    "line", "kind", "sku", "online_sku", "title", "here", "online", "value",
    "decision", "decided_by", "decided_at", "reason", "reference", "detail",
)  # fmt: skip

KIND_WORDS = {
    DifferenceKind.STOCK_DRIFT: "stock drift",
    DifferenceKind.PRICE_MISMATCH: "price mismatch",
    DifferenceKind.BARCODE_MISMATCH: "barcode mismatch",
    DifferenceKind.MISSING_HERE: "missing here",
    DifferenceKind.MISSING_ONLINE: "missing online",
    DifferenceKind.INACTIVE_BUT_STOCKED: "inactive but stocked",
}


def write_run_csv(database: Database, run_id: int, path: Path, *, sort: str = "code") -> int:
    """Write every line of the run with its decision; returns how many lines."""
    run_record(database, run_id)  # refuses an unknown run
    lines = run_lines(database, run_id, sort=sort)
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(CSV_COLUMNS)
        for line in lines:
            d = line.difference
            writer.writerow(
                [
                    line.id, d.kind.value, d.sku_code, d.red_sku_id, d.title,
                    "" if d.here is None else d.here, "" if d.online is None else d.online,
                    yuan(d.value_fen), line.resolution.value if line.resolution else "",
                    "" if line.resolved_by is None else line.resolved_by,
                    line.resolved_at.isoformat() if line.resolved_at else "", line.reason,
                    line.reference, json.dumps(d.detail, ensure_ascii=False, sort_keys=True),
                ]
            )  # fmt: skip
    return len(lines)


def summary_lines(database: Database, run_id: int, *, timezone: str = "Asia/Shanghai") -> list[str]:
    """The run in a few lines: when, how many SKUs each side, differences and value per kind,
    how many are decided."""
    record = run_record(database, run_id)
    summary = record.summary
    when = record.started_at.astimezone(ZoneInfo(timezone)).strftime("%Y-%m-%d %H:%M")
    lines = [
        f"Reconciliation #{record.id}  {when}",
        f"SKUs here {summary.skus_here}   online {summary.skus_online}",
        "",
    ]
    for kind in DifferenceKind:
        count = summary.count_by_kind.get(kind.value, 0)
        value = summary.value_by_kind_fen.get(kind.value, 0)
        lines.append(f"{KIND_WORDS[kind]:<22}{count:>7}  {format_fen(value):>14}")
    lines += [
        f"{'total':<22}{summary.differences:>7}  {format_fen(summary.value_fen):>14}",
        "",
        f"decided {record.resolved} of {summary.differences}",
    ]
    return lines
