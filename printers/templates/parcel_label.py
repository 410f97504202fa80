"""The label on a parcel of an online order: who, what, pickup or ship, and the signed QR."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from printers.document import Cut, Document, DocumentBuilder, QrCode
from printers.templates.data import ParcelLabelData

_LONG_DIGITS = re.compile(r"\d{7,}")


def mask_digits(text: str) -> str:
    """A safety net: any run of seven or more digits (a phone number) keeps only its ends."""
    return _LONG_DIGITS.sub(lambda match: match.group()[:3] + "****" + match.group()[-4:], text)


def parcel_label(data: ParcelLabelData) -> Document:
    builder = DocumentBuilder(f"Parcel {data.order_id} {data.parcel_no}/{data.parcel_count}")
    mode = "到店自提" if data.pickup else f"快递 {data.express_company}".rstrip()
    builder.row(mode, f"{data.parcel_no}/{data.parcel_count} 件", bold=True)
    builder.text(f"订单 {data.order_id}")
    who = "提货人" if data.pickup else "收件人"  # the one who comes for it, or the addressee
    builder.text(f"{who} {mask_digits(data.recipient)}")
    for item in data.items:
        builder.text(f"· {item}")
    for extra in data.extra_lines:
        builder.text(extra)
    builder.add(QrCode(data.qr_payload, module_dots=8))
    date = data.date.astimezone(ZoneInfo(data.store.timezone)).strftime("%Y-%m-%d")
    builder.row(f"门店 {data.store.code}", date)
    builder.add(Cut())
    return builder.build()
