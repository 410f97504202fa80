"""Settlement reconciliation against the payments sandbox's own bills, over HTTP and through
the program's adapters: a day's WeChat Pay and Alipay bills set against the charge attempts
and refunds recorded — matched, amount differences, money on one side only, fees — by the
service and by ``redhome-pos payments reconcile --date D [--json|--csv]``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from counter_store import Store, make_store, write_config
from sqlalchemy import update
from wallet_sandbox import code, sandbox_payments

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from redhome_pos.cli import main
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.payments import (
    AttemptState,
    BillLineKind,
    ChargeRequest,
    WalletProvider,
)
from redhome_pos.domain.settlement import Finding, bill_day
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.payments import PaymentAttemptRow
from redhome_pos.services import shifts
from redhome_pos.services.payments import Payments, WalletPayment
from redhome_pos.services.settlement import CSV_COLUMNS, reconcile_day

WX, ALI = WalletProvider.WECHAT, WalletProvider.ALIPAY


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with start_payments_sandbox(bills_anytime=True) as running:
        yield running


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    store.clock.now = datetime.now(UTC)  # the sandbox's bills are by its (real) clock
    shifts.open_shift(database, store.till, store.clerk, 10_000)
    return store


def _sell(store: Store, payments: Payments, provider: WalletProvider, sku: str) -> str:
    cart = Cart()
    cart.add(store.items[sku])
    amount = cart.totals().total_fen
    sale = payments.checkout(store.clerk, cart, [], WalletPayment(provider, code(provider), amount))
    [tender] = sale.tenders
    return tender.out_trade_no


def _day_of_the_bills(sandbox: PaymentsSandboxHandle) -> Any:
    return bill_day(datetime.now(UTC))


def test_a_days_bills_against_the_records(
    store: Store, sandbox: PaymentsSandboxHandle, tmp_path: Path
) -> None:
    payments = sandbox_payments(store.database, store.till, sandbox, tmp_path / "cfg")
    matched = _sell(store, payments, WX, "MASK-10")  # ￥99.00
    differs = _sell(store, payments, WX, "BOOK-01")  # ￥45.00, recorded below as ￥44.00
    test = payments.charge_only(store.manager, WalletPayment(ALI, code(ALI), 2_000))
    refund = payments.refund_attempt(
        store.manager, test.out_trade_no, reason="test", amount_fen=500
    )
    # Money the provider took that no record of ours knows (charged around the program).
    stray = payments.providers[WX].charge(
        ChargeRequest("RHSTRAY0001", 1_234, code(WX), "REDHOME", "RH01", "T1")
    )
    assert stray.outcome.value == "paid"
    now = datetime.now(UTC)
    with store.database.unit_of_work() as uow:
        uow.session.execute(
            update(PaymentAttemptRow)
            .where(PaymentAttemptRow.out_trade_no == differs)
            .values(amount_fen=4_400)
        )
        uow.session.add(  # a payment we recorded that the provider never had
            PaymentAttemptRow(
                out_trade_no="RHGHOST0001", provider="alipay", amount_fen=777, terminal_id="T1",
                staff_id=store.clerk.id, purpose="sale", state=AttemptState.PAID.value,
                transaction_id="2026GHOST", masked_code="", created_at=now, updated_at=now,
                paid_at=now,
            )
        )  # fmt: skip
        uow.commit()

    day = _day_of_the_bills(sandbox)
    report = reconcile_day(store.database, payments.providers, day)
    found = {
        (line.kind, line.out_refund_no or line.out_trade_no): line.finding for line in report.lines
    }
    assert found == {
        (BillLineKind.PAYMENT, matched): Finding.MATCHED,
        (BillLineKind.PAYMENT, differs): Finding.AMOUNT_DIFFERS,
        (BillLineKind.PAYMENT, test.out_trade_no): Finding.MATCHED,
        (BillLineKind.REFUND, refund.out_refund_no): Finding.MATCHED,
        (BillLineKind.PAYMENT, "RHSTRAY0001"): Finding.NOT_RECORDED,
        (BillLineKind.PAYMENT, "RHGHOST0001"): Finding.NOT_IN_BILL,
    }
    differing = next(line for line in report.lines if line.out_trade_no == differs)
    assert (differing.ours_fen, differing.bill_fen, differing.difference_fen) == (4_400, 4_500, 100)
    assert differing.receipt_no  # the sale it belongs to
    wechat = next(t for t in report.totals if t.provider is WX)
    alipay = next(t for t in report.totals if t.provider is ALI)
    assert wechat.bill_paid_fen == 9_900 + 4_500 + 1_234 and wechat.bill_refunded_fen == 0
    state = sandbox.state()["orders"]
    assert wechat.fees_fen == sum(o["fee_fen"] for o in state["wechat"].values()) > 0
    assert alipay.bill_paid_fen == 2_000 and alipay.bill_refunded_fen == 500
    assert alipay.settled_fen == 2_000 - 500 - alipay.fees_fen
    assert wechat.ours_paid_fen == 9_900 + 4_400 and alipay.ours_paid_fen == 2_000 + 777
    assert not report.balanced and len(report.problems) == 3


def test_the_command_prints_json_and_csv_and_says_no_bill(
    database: Database, db_path: Path, tmp_path: Path, sandbox: PaymentsSandboxHandle,
    capsys: Any,
) -> None:  # fmt: skip
    store = make_store(database)
    store.clock.now = datetime.now(UTC)
    shifts.open_shift(database, store.till, store.clerk, 10_000)
    payments = sandbox_payments(database, store.till, sandbox, tmp_path / "cfg")
    number = _sell(store, payments, ALI, "MASK-10")
    config_file = write_config(tmp_path, db_path)
    lines = sandbox.config_lines()
    config_file.write_text(
        config_file.read_text(encoding="utf-8")
        + "\n".join(
            [
                "[payments.wechat]",
                *[line for line in lines["wechat"] if not line.startswith("#")],
                "[payments.alipay]",
                *lines["alipay"],
                "",
            ]
        ),
        encoding="utf-8",
    )
    day = _day_of_the_bills(sandbox).isoformat()
    base = ["--config", str(config_file), "payments", "reconcile", "--date", day]

    exit_code = main([*base, "--json"])
    out = capsys.readouterr().out
    data = json.loads(out)
    ours = [line for line in data["lines"] if line["out_trade_no"] == number]
    assert [(line["finding"], line["bill_fen"], line["ours_fen"]) for line in ours] == [
        ("matched", 9_900, 9_900)
    ]
    # The module's sandbox also holds other tests' charges: this store never recorded them.
    assert exit_code == (0 if data["balanced"] else 1)

    assert main([*base, "--csv"]) == exit_code
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert any(row["out_trade_no"] == number and row["finding"] == "matched" for row in rows)

    assert main([*base[:-1], "2020-01-01"]) == 1  # no bill for that day
    text = capsys.readouterr().out
    assert "no bill" in text and "wechat" in text and "alipay" in text
    with pytest.raises(SystemExit) as refused:
        main([*base[:-1], "yesterday"])
    assert refused.value.code == 2
    assert "not a date (YYYY-MM-DD): 'yesterday'" in capsys.readouterr().err
