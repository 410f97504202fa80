"""The WeChat Pay trade bill (交易账单, type ALL) as bill lines.

Both API versions hand out the same text: a header row, detail rows, a summary header
(``总交易单数,…``) and a summary row; fields are comma-separated and every detail and summary
field starts with a back-quote (so spreadsheets keep long numbers). Columns are found by their
names in the header, not by position, since the docs warn the order may change. Amounts are
yuan; times are China time.

A row in state SUCCESS is a payment; REFUND is a refund (its own refund numbers and amount);
REVOKED is a payment that was reversed: it yields the payment and a refund of the same amount,
so the day's money adds up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from payments.wire import china_time_to_utc, yuan_to_fen
from redhome_pos.domain.payments import BillLine, BillLineKind, PaymentBillError, WalletProvider

_SUMMARY_FIRST_COLUMN = "总交易单数"


def _clean(field: str) -> str:
    return field.strip().lstrip("`").strip()


class _Columns:
    def __init__(self, header: Sequence[str]) -> None:
        self.index = {_clean(name): i for i, name in enumerate(header)}

    def find(self, *names: str) -> int | None:
        for name in names:
            if name in self.index:
                return self.index[name]
        return None

    def need(self, *names: str) -> int:
        found = self.find(*names)
        if found is None:
            raise PaymentBillError(
                "The WeChat Pay bill has no column {column}", column=" / ".join(names)
            )
        return found


def parse_trade_bill(text: str) -> list[BillLine]:
    """Every payment and refund row of a WeChat Pay ALL-type trade bill."""
    rows = [line.split(",") for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    if not rows:
        return []
    columns = _Columns(rows[0])
    at = columns.need("交易时间")
    transaction_id = columns.need("微信订单号")
    out_trade_no = columns.need("商户订单号")
    state = columns.need("交易状态")
    order_amount = columns.need("订单金额", "应结订单金额")
    refund_id = columns.find("微信退款单号")
    out_refund_no = columns.find("商户退款单号")
    refund_amount = columns.find("申请退款金额", "退款金额")
    fee = columns.find("手续费")
    lines: list[BillLine] = []
    for number, row in enumerate(rows[1:], start=2):
        if _clean(row[0]) == _SUMMARY_FIRST_COLUMN:
            break
        if len(row) < len(columns.index):
            raise PaymentBillError(
                "The WeChat Pay bill's line {line} has too few fields", line=number
            )

        def field(index: int | None, row: list[str] = row) -> str:
            return _clean(row[index]) if index is not None else ""

        when = china_time_to_utc(field(at))
        amount = yuan_to_fen(field(order_amount))
        fee_fen = yuan_to_fen(field(fee)) if field(fee) else 0
        if when is None or amount is None or fee_fen is None:
            raise PaymentBillError(
                "The WeChat Pay bill's line {line} has an unreadable time or amount", line=number
            )
        payment = BillLine(
            provider=WalletProvider.WECHAT,
            kind=BillLineKind.PAYMENT,
            out_trade_no=field(out_trade_no),
            transaction_id=field(transaction_id),
            amount_fen=amount,
            fee_fen=fee_fen,
            at=when,
        )
        state_text = field(state).upper()
        if state_text in ("SUCCESS", "REVOKED"):
            lines.append(payment)
        if state_text == "REVOKED":
            lines.append(replace(payment, kind=BillLineKind.REFUND, fee_fen=0))
        elif state_text == "REFUND":
            refunded = yuan_to_fen(field(refund_amount))
            if refunded is None:
                raise PaymentBillError(
                    "The WeChat Pay bill's line {line} has an unreadable refund amount",
                    line=number,
                )
            refund = replace(
                payment,
                kind=BillLineKind.REFUND,
                amount_fen=abs(refunded),
                out_refund_no=field(out_refund_no) or None,
                refund_id=field(refund_id) or None,
            )
            lines.append(refund)
    return lines
