"""Settlement reconciliation: a provider's bill for a day against what the store recorded.

The providers' bills are by China time (Asia/Shanghai), payments by payment time and refunds
(and reversals of paid orders) by request time. Each bill line is matched by its key — a
payment by ``out_trade_no``, a refund by ``out_refund_no`` — with the store's record of it,
whatever day the store wrote it on (a payment near midnight may fall on either side); only the
store's records of the day itself are looked for in the bill. What comes out:

- ``matched``: on both sides with the same amount;
- ``reversed``: a payment the provider took and paid back by a reversal (the bill's refund line
  carries the order number as its refund number), recorded by us as reversed;
- ``amount_differs``: on both sides, amounts differ;
- ``not_in_bill``: we recorded money moving, the provider's bill does not have it;
- ``not_recorded``: the bill has money moving we have no record of, or our record says it did
  not move (refused, reversed, still unclear).

Fees are the provider's (手续费): charged on payments, given back (in part) with refunds; the
provider settles what was paid, less refunds, less fees.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.payments import BillLine, BillLineKind, WalletProvider

BILL_TIMEZONE = ZoneInfo("Asia/Shanghai")  # the providers' bill days


class Finding(enum.StrEnum):
    MATCHED = "matched"
    REVERSED = "reversed"
    AMOUNT_DIFFERS = "amount_differs"
    NOT_IN_BILL = "not_in_bill"
    NOT_RECORDED = "not_recorded"

    @property
    def is_problem(self) -> bool:
        return self not in (Finding.MATCHED, Finding.REVERSED)


class RecordState(enum.StrEnum):
    """What our record says of the money (from the attempt's or refund's state)."""

    MOVED = "moved"  # paid (with or without a sale, or refunded later) / refund done
    PENDING = "pending"  # a refund on its way, a charge still unclear
    REVERSED = "reversed"  # the charge was reversed (closed, or paid back by the reversal)
    NOT_MOVED = "not_moved"  # refused, or a refund refused


@dataclass(frozen=True, slots=True)
class Recorded:
    """A payment (``out_refund_no`` empty) or a refund through a provider, as recorded."""

    provider: WalletProvider
    kind: BillLineKind
    out_trade_no: str
    amount_fen: int
    at: datetime | None  # paid at (payment) or requested at (refund), UTC; None: never paid
    state: RecordState
    out_refund_no: str = ""
    transaction_id: str = ""
    receipt_no: str = ""  # the sale (or return) it belongs to, when there is one
    status: str = ""  # the record's own state word (attached, paid, success…), for people

    @property
    def key(self) -> tuple[WalletProvider, BillLineKind, str]:
        number = self.out_refund_no if self.kind is BillLineKind.REFUND else self.out_trade_no
        return (self.provider, self.kind, number)


@dataclass(frozen=True, slots=True)
class SettlementLine:
    finding: Finding
    provider: WalletProvider
    kind: BillLineKind
    out_trade_no: str
    out_refund_no: str = ""
    transaction_id: str = ""
    ours_fen: int | None = None  # None: not recorded
    bill_fen: int | None = None  # None: not in the bill
    fee_fen: int = 0  # the provider's fee on this line (negative: given back with a refund)
    receipt_no: str = ""
    status: str = ""  # our record's state word

    @property
    def difference_fen(self) -> int:
        """Bill less ours (a missing side counts as zero)."""
        return (self.bill_fen or 0) - (self.ours_fen or 0)


@dataclass(frozen=True, slots=True)
class ProviderTotals:
    provider: WalletProvider
    bill_paid_fen: int = 0
    bill_refunded_fen: int = 0
    fees_fen: int = 0
    ours_paid_fen: int = 0
    ours_refunded_fen: int = 0
    bill_error: str = ""  # the bill could not be had: why (in English, for logs and files)
    bill_fault: DomainError | None = None  # the same as an error, for a person's language

    @property
    def settled_fen(self) -> int:
        """What the provider pays out for the day: paid, less refunds, less fees."""
        return self.bill_paid_fen - self.bill_refunded_fen - self.fees_fen


@dataclass(frozen=True, slots=True)
class SettlementReport:
    day: date
    lines: tuple[SettlementLine, ...]
    totals: tuple[ProviderTotals, ...] = field(default=())

    @property
    def problems(self) -> tuple[SettlementLine, ...]:
        return tuple(line for line in self.lines if line.finding.is_problem)

    @property
    def balanced(self) -> bool:
        return not self.problems and not any(t.bill_error for t in self.totals)


def bill_day(at: datetime) -> date:
    """The providers' bill day of an instant."""
    return at.astimezone(BILL_TIMEZONE).date()


def _bill_key(line: BillLine) -> tuple[WalletProvider, BillLineKind, str]:
    number = line.out_refund_no or "" if line.kind is BillLineKind.REFUND else line.out_trade_no
    return (line.provider, line.kind, number)


def _is_reversal(line: BillLine) -> bool:
    """A reversal of a paid order shows as a refund with no refund number of ours (WeChat Pay
    REVOKED) or numbered with the order number itself."""
    return line.kind is BillLineKind.REFUND and line.out_refund_no in (None, "", line.out_trade_no)


def reconcile(
    day: date,
    bills: Mapping[WalletProvider, Sequence[BillLine]],
    recorded: Iterable[Recorded],
    *,
    bill_errors: Mapping[WalletProvider, str | DomainError] | None = None,
) -> SettlementReport:
    """Match each provider's bill for ``day`` against ``recorded`` (the day's records and any
    other record a bill line names). A provider in ``bill_errors`` had no bill: its records
    are not judged (nothing to judge them by) and its totals say why."""
    errors = dict(bill_errors or {})
    by_key: dict[tuple[WalletProvider, BillLineKind, str], Recorded] = {}
    for record in recorded:
        by_key[record.key] = record
    attempts = {
        (r.provider, r.out_trade_no): r for r in by_key.values() if r.kind is BillLineKind.PAYMENT
    }
    lines: list[SettlementLine] = []
    seen: set[tuple[WalletProvider, BillLineKind, str]] = set()
    for provider, bill in bills.items():
        for item in bill:
            key = _bill_key(item)
            seen.add(key)
            ours = by_key.get(key)
            if _is_reversal(item) and ours is None:
                ours = attempts.get((provider, item.out_trade_no))
                if ours is not None and ours.state is RecordState.REVERSED:
                    lines.append(_line(Finding.REVERSED, item, ours, ours_fen=item.amount_fen))
                    continue
                ours = None
            lines.append(_judge(item, ours))
    for key, record in by_key.items():
        if key in seen or record.provider in errors or record.provider not in bills:
            continue
        if record.at is None or bill_day(record.at) != day:
            continue  # another day's record, named by no line of this day's bills
        if record.state is RecordState.MOVED:
            lines.append(
                SettlementLine(
                    Finding.NOT_IN_BILL, record.provider, record.kind, record.out_trade_no,
                    record.out_refund_no, record.transaction_id, record.amount_fen, None, 0,
                    record.receipt_no, record.status,
                )
            )  # fmt: skip
    lines.sort(key=lambda line: (line.provider.value, not line.finding.is_problem, line.kind))
    return SettlementReport(day, tuple(lines), _totals(day, bills, by_key.values(), errors))


def _judge(item: BillLine, ours: Recorded | None) -> SettlementLine:
    if ours is None:
        return _line(Finding.NOT_RECORDED, item, None)
    if item.kind is BillLineKind.PAYMENT and ours.state is RecordState.REVERSED:
        # Paid, then reversed: the reversal's refund line settles it (matched on its own).
        return _line(Finding.REVERSED, item, ours, ours_fen=item.amount_fen)
    if ours.state not in (RecordState.MOVED, RecordState.PENDING):
        return _line(Finding.NOT_RECORDED, item, ours)
    finding = Finding.MATCHED if ours.amount_fen == item.amount_fen else Finding.AMOUNT_DIFFERS
    return _line(finding, item, ours)


def _line(
    finding: Finding, item: BillLine, ours: Recorded | None, *, ours_fen: int | None = None
) -> SettlementLine:
    if ours_fen is None and ours is not None and finding is not Finding.NOT_RECORDED:
        ours_fen = ours.amount_fen
    return SettlementLine(
        finding=finding,
        provider=item.provider,
        kind=item.kind,
        out_trade_no=item.out_trade_no,
        out_refund_no=item.out_refund_no or "",
        transaction_id=item.transaction_id,
        ours_fen=ours_fen,
        bill_fen=item.amount_fen,
        fee_fen=item.fee_fen,
        receipt_no=ours.receipt_no if ours is not None else "",
        status=ours.status if ours is not None else "",
    )


def _totals(
    day: date,
    bills: Mapping[WalletProvider, Sequence[BillLine]],
    recorded: Iterable[Recorded],
    errors: Mapping[WalletProvider, str | DomainError],
) -> tuple[ProviderTotals, ...]:
    ours: dict[WalletProvider, list[int]] = {}
    for record in recorded:
        if record.state is not RecordState.MOVED or record.at is None or bill_day(record.at) != day:
            continue
        paid_refunded = ours.setdefault(record.provider, [0, 0])
        paid_refunded[0 if record.kind is BillLineKind.PAYMENT else 1] += record.amount_fen
    totals = []
    for provider in WalletProvider:
        if provider not in bills and provider not in errors and provider not in ours:
            continue
        bill = bills.get(provider, ())
        paid = sum(i.amount_fen for i in bill if i.kind is BillLineKind.PAYMENT)
        refunded = sum(i.amount_fen for i in bill if i.kind is BillLineKind.REFUND)
        fees = sum(i.fee_fen for i in bill)  # charged on payments, given back with refunds
        ours_paid, ours_refunded = ours.get(provider, [0, 0])
        fault = errors.get(provider)
        totals.append(
            ProviderTotals(
                provider, paid, refunded, fees, ours_paid, ours_refunded,
                fault.message if isinstance(fault, DomainError) else fault or "",
                fault if isinstance(fault, DomainError) else None,
            )
        )  # fmt: skip
    return tuple(totals)
