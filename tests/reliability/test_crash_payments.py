"""A counter process taking WeChat Pay / Alipay payments, killed with SIGKILL at every step of
a charge: before the request leaves, after it left, while polling for the password, and after
the provider confirmed but before the sale committed.

After every kill the counter starts again (settling unfinished attempts first). At the end a
manager refunds what was paid without a sale, and the database is held against the payments
sandbox's own ledger: every attempt is either paid and in exactly one sale, or its money is not
with the store (never taken, reversed, or refunded); no order was charged twice; no sale holds
a wallet tender the provider did not confirm; nothing is left unfinished.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from redhome_pos.domain.payments import AttemptState
from redhome_pos.persistence.admin import check
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import AuditEventRow, ReturnRow, SaleRow, TenderRow
from redhome_pos.persistence.models.payments import PaymentAttemptRow
from redhome_pos.services import audit
from redhome_pos.services.demo_staff import add_demo_staff

CHILD = Path(__file__).with_name("payments_child.py")
KILL_AT = ("sending", "answered", "polling", "writing", "sold")
RUNS = 30


@pytest.fixture
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with start_payments_sandbox() as running:
        yield running


def _child(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _config(sandbox: PaymentsSandboxHandle, folder: Path) -> Path:
    lines = sandbox.config_lines()
    file = folder / "config.toml"
    file.write_text(
        "\n".join(
            [
                "[payments]",
                "read_timeout_s = 1",
                "call_deadline_s = 2",
                "[payments.wechat]",
                *[line for line in lines["wechat"] if not line.startswith("#")],
                "[payments.alipay]",
                *lines["alipay"],
                "",
            ]
        ),
        encoding="utf-8",
    )
    return file


def _kept(order: dict[str, object]) -> int:
    """What the customer is out of pocket for an order now."""
    if not order["charges"]:
        return 0
    reversed_fen = sum(int(r["amount_fen"]) for r in order["reversals"])  # type: ignore[attr-defined]
    return int(order["amount_fen"]) - reversed_fen - int(order["refunded_fen"])  # type: ignore[call-overload]


def _run_until(child: subprocess.Popen[str], target: str, rng: random.Random) -> bool:
    """Read the child's markers; kill it just after ``target`` (a random moment later)."""
    assert child.stdout is not None
    while True:
        line = child.stdout.readline()
        if not line:
            return False
        if line.startswith(target):
            time.sleep(rng.uniform(0.0, 0.02))
            child.send_signal(signal.SIGKILL)
            return True


def _kill_runs(
    sandbox: PaymentsSandboxHandle, tmp_path: Path, mode: str, seed: int
) -> tuple[Path, Counter[str]]:
    """The counter (``mode``: sell or exchange) killed ``RUNS`` times at every step, then
    started once more (settling what is open) and killed again."""
    db_path = tmp_path / "store.db"
    config = _config(sandbox, tmp_path)
    setup = _child("setup", str(db_path))
    assert setup.wait(timeout=120) == 0, setup.stderr.read() if setup.stderr else ""
    rng = random.Random(seed)
    kills: Counter[str] = Counter()
    for run in range(RUNS):
        target = KILL_AT[run % len(KILL_AT)]
        child = _child(mode, str(db_path), str(config), str(run))
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready", (
            child.stderr.read() if child.stderr else ""
        )
        if _run_until(child, target, rng):
            kills[target] += 1
        child.wait(timeout=60)
    assert all(kills[point] >= 3 for point in KILL_AT), kills

    # The counter starts once more, settles what is open, and is stopped cleanly.
    last = _child(mode, str(db_path), str(config), "999")
    assert last.stdout is not None
    assert last.stdout.readline().strip() == "ready"
    last.send_signal(signal.SIGKILL)
    last.wait(timeout=60)
    return db_path, kills


@pytest.mark.slow
def test_killed_charges_end_paid_in_one_sale_or_not_charged(
    sandbox: PaymentsSandboxHandle, tmp_path: Path
) -> None:
    db_path, kills = _kill_runs(sandbox, tmp_path, "sell", 20261205)
    _settle_and_check(sandbox, tmp_path, db_path, kills)


@pytest.mark.slow
def test_killed_exchanges_end_paid_with_their_return_or_not_charged(
    sandbox: PaymentsSandboxHandle, tmp_path: Path
) -> None:
    """An exchange's difference paid by a code, killed at every step: every exchange written
    holds its return and its confirmed payment together; no return without its paid sale."""
    db_path, kills = _kill_runs(sandbox, tmp_path, "exchange", 20261206)
    _settle_and_check(sandbox, tmp_path, db_path, kills)
    database = Database(f"sqlite:///{db_path}")
    try:
        with database.reading() as session:
            returned_sales = session.scalars(select(ReturnRow.sale_id)).all()
            exchanges = [
                d["exchange"]
                for d in session.scalars(
                    select(AuditEventRow.detail).where(AuditEventRow.action == "refund")
                )
            ]
            paid_by_wallet = set(
                session.scalars(
                    select(SaleRow.receipt_no)
                    .join(TenderRow, TenderRow.sale_id == SaleRow.id)
                    .where(TenderRow.kind.in_(["wechat", "alipay"]))
                )
            )
        assert len(returned_sales) == len(set(returned_sales))  # each notebook back once
        assert len(exchanges) == len(returned_sales) >= 3
        # Each return was written with its new sale, and that sale is paid by a confirmed code;
        # every wallet-paid sale is an exchange's.
        assert set(exchanges) == paid_by_wallet
    finally:
        database.dispose()


def _settle_and_check(
    sandbox: PaymentsSandboxHandle, tmp_path: Path, db_path: Path, kills: Counter[str]
) -> None:
    database = Database(f"sqlite:///{db_path}")
    try:
        from wallet_sandbox import providers_of

        from redhome_pos.services.counter import Till
        from redhome_pos.services.payments import ChargeTimings, Payments

        till = Till("RH01", "T9")
        payments = Payments(
            database, till, providers_of(sandbox, tmp_path / "manager"),
            ChargeTimings(4.0, 0.1, 0.2, 0.1, 8.0),
        )  # fmt: skip
        report = payments.resolve_unfinished()
        assert report.still_unfinished == ()
        manager = add_demo_staff(database, till)["3001"]
        without_sale = payments.paid_without_sale()
        for attempt in without_sale:
            refund = payments.refund_attempt(manager, attempt.out_trade_no, reason="crash test")
            assert refund.state.value == "success"

        orders = {**sandbox.state()["orders"]["wechat"], **sandbox.state()["orders"]["alipay"]}
        with database.reading() as session:
            attempts = session.execute(
                select(
                    PaymentAttemptRow.out_trade_no,
                    PaymentAttemptRow.state,
                    PaymentAttemptRow.amount_fen,
                    PaymentAttemptRow.transaction_id,
                )
            ).all()
            wallet_tenders = session.execute(
                select(TenderRow.out_trade_no, TenderRow.sale_id, TenderRow.amount_fen).where(
                    TenderRow.kind.in_(["wechat", "alipay"]), TenderRow.sale_id.is_not(None)
                )
            ).all()
            sales = session.execute(select(SaleRow.id, SaleRow.total_fen)).all()
            paid_by_sale: Counter[int] = Counter()
            for sale_id, amount in session.execute(
                select(TenderRow.sale_id, TenderRow.amount_fen).where(
                    TenderRow.sale_id.is_not(None)
                )
            ).all():
                paid_by_sale[sale_id] += amount
        in_sales = Counter(number for number, _, _ in wallet_tenders)
        assert sales, "the child sold nothing"
        for sale_id, total in sales:
            assert paid_by_sale[sale_id] == total
        states: Counter[str] = Counter()
        for attempt in attempts:
            states[attempt.state] += 1
            order = orders.get(attempt.out_trade_no)
            charged = order is not None and bool(order["charges"])
            assert order is None or int(order["charges"]) <= 1  # never charged twice
            if attempt.state == AttemptState.ATTACHED.value:
                # paid, and in exactly one sale, with the provider's transaction id
                assert in_sales[attempt.out_trade_no] == 1
                assert order is not None and _kept(order) == attempt.amount_fen
                assert order["transaction_id"] == attempt.transaction_id
            else:
                assert attempt.state in (
                    AttemptState.REFUSED.value,
                    AttemptState.REVERSED.value,
                    AttemptState.REFUNDED.value,
                ), attempt.state
                assert in_sales[attempt.out_trade_no] == 0
                assert not charged or _kept(order) == 0  # type: ignore[arg-type]
        # No sale holds a wallet tender the provider did not confirm.
        for number, _, amount in wallet_tenders:
            order = orders[number]
            assert order["charges"] == 1 and _kept(order) == amount
        # Every order the sandbox knows is one of ours.
        assert set(orders) <= {a.out_trade_no for a in attempts}
        # Every outcome happened: sold, never paid, reversed after a kill, paid with no sale
        # (killed between the provider's yes and the sale's commit) and refunded by a manager.
        print(
            f"kills {dict(kills)}, attempts {dict(states)}, paid without a sale {len(without_sale)}"
        )
        assert states[AttemptState.ATTACHED.value] >= 3, states
        assert states[AttemptState.REFUSED.value] >= 1, states
        assert states[AttemptState.REVERSED.value] >= 1, states
        assert states[AttemptState.REFUNDED.value] == len(without_sale) >= 1, states
        assert check(database) == []
        assert audit.verify(database) == []
    finally:
        database.dispose()
