"""The Alipay trade bill: a zip of GBK-encoded CSV files; the detail file (业务明细) lists each
payment (业务类型 交易) and refund (退款) of the day.

The detail file starts and ends with ``#`` comment lines around one header row and the data
rows. Columns are found by name; amounts are yuan (refund rows may be negative), times are
China time. A refund's ``退款批次号/请求号`` is our ``out_refund_no`` (``out_request_no``).
Fees (服务费) are reported positive when charged and negative when given back with a refund,
like the WeChat Pay bill.
"""

from __future__ import annotations

import csv
import io
import zipfile

from payments.wire import china_time_to_utc, yuan_to_fen
from redhome_pos.domain.payments import BillLine, BillLineKind, PaymentBillError, WalletProvider

_KINDS = {"交易": BillLineKind.PAYMENT, "退款": BillLineKind.REFUND}


def _member_name(info: zipfile.ZipInfo) -> str:
    if info.flag_bits & 0x800:  # the name is UTF-8 already
        return info.filename
    return info.filename.encode("cp437").decode("gb18030", errors="replace")


def _detail_text(archive: bytes, cap: int) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(archive)) as bundle:
            infos = [i for i in bundle.infolist() if _member_name(i).lower().endswith(".csv")]
            details = [i for i in infos if "汇总" not in _member_name(i)]
            chosen = [i for i in details if "明细" in _member_name(i)] or details
            if not chosen:
                raise PaymentBillError("The Alipay bill archive holds no detail file")
            if chosen[0].file_size > cap:
                raise PaymentBillError("The Alipay bill is larger than {cap} bytes", cap=cap)
            data = bundle.read(chosen[0])
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError):
        raise PaymentBillError("The Alipay bill archive is damaged") from None
    return data.decode("gb18030", errors="replace")


def _column_name(header: str) -> str:
    name = header.strip()
    for unit in ("（元）", "(元)"):
        name = name.replace(unit, "")
    return name


def parse_bill_archive(archive: bytes, cap: int) -> list[BillLine]:
    """Every payment and refund in the detail file of an Alipay trade-bill archive."""
    rows = [row for row in csv.reader(io.StringIO(_detail_text(archive, cap)))]
    table = [row for row in rows if row and not row[0].lstrip().startswith("#")]
    if not table:
        return []
    index = {_column_name(name): i for i, name in enumerate(table[0])}
    needed = ("支付宝交易号", "商户订单号", "业务类型", "完成时间", "订单金额")
    missing = [name for name in needed if name not in index]
    if missing:
        raise PaymentBillError("The Alipay bill has no column {column}", column=", ".join(missing))
    lines: list[BillLine] = []
    for number, row in enumerate(table[1:], start=2):

        def field(name: str, row: list[str] = row) -> str:
            at = index.get(name)
            return row[at].strip() if at is not None and at < len(row) else ""

        kind = _KINDS.get(field("业务类型"))
        if kind is None:
            continue
        when = china_time_to_utc(field("完成时间"))
        amount = yuan_to_fen(field("订单金额"))
        fee = yuan_to_fen(field("服务费")) if field("服务费") else 0
        if when is None or amount is None or fee is None:
            raise PaymentBillError(
                "The Alipay bill's row {row} has an unreadable time or amount", row=number
            )
        refund = kind is BillLineKind.REFUND
        lines.append(
            BillLine(
                provider=WalletProvider.ALIPAY,
                kind=kind,
                out_trade_no=field("商户订单号"),
                transaction_id=field("支付宝交易号"),
                amount_fen=abs(amount),
                fee_fen=-abs(fee) if refund else abs(fee),
                at=when,
                out_refund_no=(field("退款批次号/请求号") or None) if refund else None,
            )
        )
    return lines
