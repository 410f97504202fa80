"""Settlement reconciliation: each bill line matched with the store's record by its key."""

from __future__ import annotations

from datetime import UTC, date, datetime

from redhome_pos.domain.payments import BillLine, BillLineKind, WalletProvider
from redhome_pos.domain.settlement import Finding, Recorded, RecordState, reconcile

WX, ALI = WalletProvider.WECHAT, WalletProvider.ALIPAY
PAY, REFUND = BillLineKind.PAYMENT, BillLineKind.REFUND
DAY = date(2026, 11, 25)
NOON = datetime(2026, 11, 25, 4, 0, tzinfo=UTC)  # 12:00 China time
LATE = datetime(2026, 11, 25, 16, 30, tzinfo=UTC)  # 00:30 the next day, China time


def bill(provider: WalletProvider, kind: BillLineKind, number: str, fen: int, fee: int = 0,
         refund_no: str | None = None) -> BillLine:  # fmt: skip
    return BillLine(provider, kind, number, f"T{number}", fen, fee, NOON, refund_no)


def paid(provider: WalletProvider, number: str, fen: int, at: datetime = NOON,
         state: RecordState = RecordState.MOVED) -> Recorded:  # fmt: skip
    return Recorded(provider, PAY, number, fen, at, state, receipt_no=f"S-{number}")


def test_every_kind_of_difference_is_found_and_fees_are_totalled() -> None:
    bills = {
        WX: [
            bill(WX, PAY, "A1", 10_000, 60),
            bill(WX, PAY, "A2", 5_000, 30),  # ours says 4,900
            bill(WX, PAY, "A3", 2_000, 12),  # we have no record
            bill(WX, REFUND, "A1", 3_000, -18, "R1"),
            bill(WX, PAY, "A5", 7_000, 42),  # paid, then reversed by us
            bill(WX, REFUND, "A5", 7_000, -42, None),  # the reversal (REVOKED)
            bill(WX, PAY, "A6", 1_000, 6),  # our record says refused: money moved anyway
        ],
        ALI: [bill(ALI, PAY, "B1", 8_800, 53)],
    }
    recorded = [
        paid(WX, "A1", 10_000),
        paid(WX, "A2", 4_900),
        paid(WX, "A4", 6_600),  # not in the bill
        Recorded(WX, REFUND, "A1", 3_000, NOON, RecordState.MOVED, out_refund_no="R1"),
        paid(WX, "A5", 7_000, state=RecordState.REVERSED),
        paid(WX, "A6", 1_000, state=RecordState.NOT_MOVED),
        paid(WX, "A7", 900, at=LATE),  # the next bill day: not looked for today
        paid(ALI, "B1", 8_800),
    ]
    report = reconcile(DAY, bills, recorded)
    found = {(line.provider, line.kind, line.out_refund_no or line.out_trade_no): line.finding
             for line in report.lines}  # fmt: skip
    assert found == {
        (WX, PAY, "A1"): Finding.MATCHED,
        (WX, PAY, "A2"): Finding.AMOUNT_DIFFERS,
        (WX, PAY, "A3"): Finding.NOT_RECORDED,
        (WX, REFUND, "R1"): Finding.MATCHED,
        (WX, PAY, "A5"): Finding.REVERSED,
        (WX, REFUND, "A5"): Finding.REVERSED,
        (WX, PAY, "A6"): Finding.NOT_RECORDED,
        (WX, PAY, "A4"): Finding.NOT_IN_BILL,
        (ALI, PAY, "B1"): Finding.MATCHED,
    }
    a2 = next(line for line in report.lines if line.out_trade_no == "A2")
    assert (a2.ours_fen, a2.bill_fen, a2.difference_fen, a2.receipt_no) == (
        4_900,
        5_000,
        100,
        "S-A2",
    )
    assert not report.balanced and len(report.problems) == 4
    wechat = next(t for t in report.totals if t.provider is WX)
    assert wechat.bill_paid_fen == 25_000 and wechat.bill_refunded_fen == 10_000
    assert wechat.fees_fen == 60 + 30 + 12 + 42 + 6 - 18 - 42
    assert wechat.settled_fen == 25_000 - 10_000 - wechat.fees_fen
    assert wechat.ours_paid_fen == 10_000 + 4_900 + 6_600 and wechat.ours_refunded_fen == 3_000


def test_a_payment_written_just_after_midnight_is_still_matched_by_its_number() -> None:
    report = reconcile(DAY, {WX: [bill(WX, PAY, "A7", 900)]}, [paid(WX, "A7", 900, at=LATE)])
    assert [line.finding for line in report.lines] == [Finding.MATCHED] and report.balanced


def test_a_provider_without_its_bill_is_not_judged() -> None:
    report = reconcile(DAY, {}, [paid(WX, "A1", 100)], bill_errors={WX: "not generated yet"})
    assert report.lines == () and not report.balanced
    assert report.totals[0].bill_error == "not generated yet"
