"""The manager's payment screens against the payments sandbox on loopback: payments taken
without a sale (attached to the sale in the cart, or refunded with a reason) and the day's
settlement with the providers' bills."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from ui_helpers import log_in, open_shift, scan, type_chinese
from wallet_sandbox import code, sandbox_payments

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from redhome_pos.domain.payments import AttemptState, WalletProvider
from redhome_pos.domain.tender import TenderKind
from redhome_pos.services.payments import WalletPayment
from ui.backoffice.screens import show_manager_tab

WX = WalletProvider.WECHAT


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with start_payments_sandbox(bills_anytime=True) as running:
        yield running


@pytest.fixture
def manager_shell(
    qtbot: Any, shell: Any, store: Any, sandbox: PaymentsSandboxHandle, tmp_path: Path
) -> Any:
    counter = shell.counter
    counter.context.extras["payments"] = sandbox_payments(
        counter.database, counter.till, sandbox, tmp_path / "cfg"
    )
    log_in(qtbot, shell, "3001", "3333")
    open_shift(shell)
    return shell


def _paid_without_sale(shell: Any, store: Any, amount_fen: int) -> str:
    """A payment the provider took that no sale holds (a manager's test payment here)."""
    payments = shell.counter.payments
    attempt = payments.charge_only(store.staff["3001"], WalletPayment(WX, code(WX), amount_fen))
    assert attempt.state is AttemptState.PAID
    return str(attempt.out_trade_no)


def test_a_payment_without_a_sale_is_attached_to_the_sale_in_the_cart(
    qtbot: Any, manager_shell: Any, store: Any
) -> None:
    shell = manager_shell
    number = _paid_without_sale(shell, store, 12_800)
    show_manager_tab(shell, "unsold-payments")
    screen = shell.unsold_payments
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1)
    assert screen.table.item(0, 3).text() == number
    assert screen.table.item(0, 2).text() == "￥128.00"
    # Nothing in the cart yet: refused in words.
    qtbot.mouseClick(screen.attach_button, Qt.MouseButton.LeftButton)
    assert "Ring up what the customer paid for" in screen.banner.text()

    shell.window.show_screen("sale")
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    show_manager_tab(shell, "unsold-payments")
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1)
    with qtbot.waitSignal(screen.attached, timeout=10_000) as attached:
        qtbot.mouseClick(screen.attach_button, Qt.MouseButton.LeftButton)
    sale = attached.args[0]
    assert [(t.kind, t.amount_fen, t.out_trade_no) for t in sale.tenders] == [
        (TenderKind.WECHAT, 12_800, number)
    ]
    assert shell.sale.cart.is_empty  # the sale is done; the next customer's cart is empty
    assert shell.counter.payments.attempt(number).state is AttemptState.ATTACHED
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0)
    assert screen.state.text() == "Every payment taken is in a sale."


def test_a_payment_without_a_sale_is_refunded_with_a_reason(
    qtbot: Any, manager_shell: Any, store: Any, sandbox: PaymentsSandboxHandle
) -> None:
    shell = manager_shell
    number = _paid_without_sale(shell, store, 3_000)
    show_manager_tab(shell, "unsold-payments")
    screen = shell.unsold_payments
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1)
    qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    assert screen.banner.text().endswith("Say why the payment is refunded")
    type_chinese(screen.reason, "顾客改用现金")
    with qtbot.waitSignal(screen.refunded, timeout=10_000):
        qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    order = sandbox.order("wechat", number)
    assert order is not None and order["refunded_fen"] == 3_000
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0)


def test_the_settlement_view_sets_the_bill_against_the_records(
    qtbot: Any, manager_shell: Any, store: Any
) -> None:
    from datetime import UTC, datetime

    from redhome_pos.domain.settlement import bill_day

    shell = manager_shell
    number = _paid_without_sale(shell, store, 1_000)
    show_manager_tab(shell, "settlement")
    screen = shell.settlement
    screen.day.setText("2026-13-40")
    qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)
    assert "2026-11-25" in screen.banner.text()
    screen.day.setText(bill_day(datetime.now(UTC)).isoformat())
    with qtbot.waitSignal(screen.reconciled, timeout=20_000) as done:
        qtbot.mouseClick(screen.run_button, Qt.MouseButton.LeftButton)
    report = done.args[0]
    mine = [line for line in report.lines if line.out_trade_no == number]
    assert [line.finding.value for line in mine] == ["matched"]
    assert "WeChat Pay: bill paid" in screen.totals.text()
    assert "Alipay" in screen.totals.text()
    screen.problems_only.setChecked(False)
    shown = [screen.table.item(row, 3).text() for row in range(screen.table.rowCount())]
    assert number in shown
    row = shown.index(number)
    assert screen.table.item(row, 0).text() == "matches"
    assert screen.table.item(row, 4).text() == screen.table.item(row, 5).text() == "￥10.00"
