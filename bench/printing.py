"""Benchmark: a 30-line sales receipt rendered to ESC/POS bytes and to a PNG preview.

Prints one JSON object:
- ``escpos``: p50/p99 ms of template + layout + ESC/POS bytes (target p50 <= 5 ms);
- ``png``: p50/p99 ms of template + layout + drawing + PNG encoding (target p50 <= 50 ms);
- ``baseline``: measured in the same run on the same machine: ``gbk_join`` encodes the
  receipt's laid-out lines to GBK and joins them (the least any text renderer must do), and
  ``pillow_lines`` draws the same lines with one ``draw.text`` call each and saves the PNG.
  ``ratio_p50`` compares each renderer with its baseline.

    .venv/bin/python bench/printing.py [--runs 300] [--columns 48]
"""

from __future__ import annotations

import argparse
import io
import json
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PIL import Image, ImageDraw

from printers.layout import Line, layout
from printers.profile import receipt_profile
from printers.renderers.escpos_text import render_escpos
from printers.renderers.png import LINE_HEIGHT, load_font, render_png
from printers.templates import sales_receipt
from printers.templates.data import ReceiptData, ReceiptLine, StoreHeader, TenderLine, VatLine

NAMES = (
    ("雅诗兰黛特润修护肌透精华露（小棕瓶）", "50ml"),
    ("兰蔻菁纯臻颜精萃乳霜", "60ml · 滋润型"),
    ("RED x 三顿半 联名咖啡礼盒", "标准装"),
    ("小红书同款帆布袋", "米白"),
    ("完美日记 小细跟口红", "#M01 丝绒"),
)


def receipt(lines: int) -> ReceiptData:
    items = tuple(
        ReceiptLine(NAMES[i % 5][0], NAMES[i % 5][1], 1 + i % 3, 12_800 + 100 * i, 500 * (i % 2), 0)
        for i in range(lines)
    )
    items = tuple(
        ReceiptLine(
            line.title,
            line.variant,
            line.qty,
            line.unit_price_fen,
            line.discount_fen,
            line.qty * line.unit_price_fen - line.discount_fen,
        )
        for line in items
    )
    total = sum(line.amount_fen for line in items)
    return ReceiptData(
        store=StoreHeader("REDHOME 上海静安店", "上海市静安区南京西路1266号", "SH01"),
        terminal_id="T01",
        receipt_no="S-T01-20261125-0042",
        time=datetime(2026, 11, 25, 8, 5, tzinfo=UTC),
        clerk="王芳",
        lines=items,
        subtotal_fen=total + sum(line.discount_fen for line in items),
        discount_fen=sum(line.discount_fen for line in items),
        total_fen=total,
        vat=(VatLine(1300, total * 13 // 113),),
        tenders=(TenderLine("微信支付", total, "4200002288202611258841", "交易单号"),),
        change_fen=0,
        receipt_code="RH1.R.SH01.S-T01-20261125-0042.9F3A6C1D2E7B",
        footer="感谢光临 REDHOME！",
    )


def timed(work: Callable[[], Any], runs: int) -> dict[str, float]:
    work()  # warm-up: fonts, glyph cache, escpos profile
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50_ms": round(statistics.median(samples), 3),
        "p99_ms": round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--columns", type=int, default=48, choices=(32, 42, 48))
    args = parser.parse_args()
    profile = receipt_profile(args.columns)
    data = receipt(30)
    document = sales_receipt(data)
    lines = [
        item
        for item in layout(document, profile.columns, profile.encoding)
        if isinstance(item, Line)
    ]

    def gbk_join() -> bytes:
        return b"\n".join(line.text.encode("gbk") for line in lines)

    def pillow_lines() -> bytes:
        font = load_font(profile.font_path, 22)
        image = Image.new("L", (profile.dot_width, LINE_HEIGHT * len(lines) + 300), 255)
        draw = ImageDraw.Draw(image)
        for row, line in enumerate(lines):
            draw.text((0, row * LINE_HEIGHT), line.text, fill=0, font=font)
        buffer = io.BytesIO()
        image.convert("1").save(buffer, format="PNG")
        return buffer.getvalue()

    escpos = timed(lambda: render_escpos(sales_receipt(data), profile), args.runs)
    png = timed(lambda: render_png(sales_receipt(data), profile), max(30, args.runs // 5))
    base_text = timed(gbk_join, args.runs)
    base_png = timed(pillow_lines, max(30, args.runs // 5))
    result = {
        "benchmark": "printing",
        "receipt_lines": len(data.lines),
        "columns": profile.columns,
        "escpos": {**escpos, "target_p50_ms": 5, "bytes": len(render_escpos(document, profile))},
        "png": {
            **png,
            "target_p50_ms": 50,
            "height_px": Image.open(io.BytesIO(render_png(document, profile))).height,
        },
        "baseline": {
            "gbk_join": base_text,
            "pillow_lines": base_png,
            "ratio_p50": {
                "escpos_vs_gbk_join": round(escpos["p50_ms"] / max(base_text["p50_ms"], 1e-6), 1),
                "png_vs_pillow_lines": round(png["p50_ms"] / max(base_png["p50_ms"], 1e-6), 2),
            },
        },
        "within_target": escpos["p50_ms"] <= 5 and png["p50_ms"] <= 50,
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
