"""The printer test page: proves the encoding, the column width, the QR and the cutter."""

from __future__ import annotations

from printers.document import Barcode, Cut, Document, DocumentBuilder, Feed, QrCode
from printers.templates.common import local_time
from printers.templates.data import TestPageData

SAMPLE_CHINESE = "小红书 REDHOME 线下门店，打印测试：￥128.00 （含税）。"
SAMPLE_BARCODE = "6901234567892"


def test_page(data: TestPageData) -> Document:
    builder = DocumentBuilder(f"Test page {data.printer_name}")
    builder.text(data.store.name, "center", bold=True, size=2)
    builder.text("打印机测试页", "center", bold=True)
    builder.rule("=")
    builder.row("打印机", data.printer_name)
    builder.row("时间", local_time(data.time, data.store.timezone))
    for key, value in data.settings:
        builder.row(key, value)
    builder.rule()
    builder.text("1234567890" * 8)
    builder.text(SAMPLE_CHINESE)
    builder.text("加粗 Bold", bold=True)
    builder.text("居中 Centre", "center")
    builder.text("靠右 Right", "right")
    builder.text("倍大", "center", size=2)
    builder.row("左栏", "中栏", "右栏")
    builder.rule()
    builder.add(QrCode(f"REDHOME-TEST:{data.printer_name}"))
    builder.add(Barcode(SAMPLE_BARCODE, "EAN13"))
    builder.text("测试完成", "center")
    builder.add(Feed(2)).add(Cut())
    return builder.build()


def label_test_page(data: TestPageData) -> Document:
    """The test page of a label printer: fits a 60 × 40 mm label."""
    builder = DocumentBuilder(f"Test label {data.printer_name}")
    builder.text("标签打印测试", bold=True)
    builder.text(data.printer_name)
    builder.text(local_time(data.time, data.store.timezone))
    builder.text("￥128.00 小红书")
    builder.add(QrCode(f"REDHOME-TEST:{data.printer_name}", module_dots=4))
    return builder.build()
