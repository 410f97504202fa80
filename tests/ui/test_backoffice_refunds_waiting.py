"""The manager's list of refunds still owed to customers, from any day, against the payments
sandbox on loopback through the program's own adapters: a refund the provider refused two days
ago shows with its receipt, amount, state in words and age, and is paid in cash with a
manager's approval (audited, the drawer opens); a refund still on its way is asked about again
until the provider confirms it; a clerk cannot pay one out."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from ui_helpers import log_in, open_shift, type_chinese
from wallet_sandbox import FAST, code, sandbox_payments

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.payments import ProviderRefund, RefundState, WalletProvider
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.persistence.models.counter import AuditEventRow, TenderRow
from redhome_pos.persistence.repositories.print_jobs import PrintJobRepository
from redhome_pos.services import returns as return_service
from redhome_pos.services.payments import Payments, WalletPayment
from ui.app import install_language
from ui.backoffice.screens import show_manager_tab
from ui.dialogs.approval import ApprovalDialog

WX = WalletProvider.WECHAT
QUICK = replace(FAST, settle_limit_s=0.3)  # a return asks the provider for a moment only


@pytest.fixture
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    """WeChat Pay refunds stay PROCESSING for 2 s before they succeed."""
    with start_payments_sandbox(refund_delay_s=2.0) as running:
        yield running


@pytest.fixture
def payments(shell: Any, sandbox: PaymentsSandboxHandle, tmp_path: Path) -> Payments:
    counter = shell.counter
    found = sandbox_payments(counter.database, counter.till, sandbox, tmp_path / "cfg", QUICK)
    counter.context.extras["payments"] = found
    return found


def _owed_refund(
    shell: Any,
    store: Any,
    sandbox: PaymentsSandboxHandle,
    folder: Path,
    *,
    refused: bool,
    days_ago: int = 2,
) -> ProviderRefund:
    """A WeChat Pay sale returned ``days_ago`` days back (the till's clock moved back) whose
    refund the provider refused (the payment had been paid back outside the counter) or had
    not confirmed yet."""
    counter = shell.counter
    then = datetime.now(UTC) - timedelta(days=days_ago)
    till = replace(counter.till, clock=lambda: then)
    earlier = sandbox_payments(counter.database, till, sandbox, folder, QUICK)
    supervisor = store.staff["2001"]
    cart = Cart()
    cart.add(CartItem(store.sku_ids["LIP-520"], "LIP-520", "丝绒雾面口红", 12_800, 1300))
    sale = earlier.checkout(supervisor, cart, [], WalletPayment(WX, code(WX), 12_800))
    if refused:
        assert earlier.providers[WX].reverse(sale.tenders[0].out_trade_no).done
    scanned = till.receipt_code(sale.receipt_no)  # the code printed on the receipt
    result = return_service.return_items(
        counter.database, till, supervisor, scanned, (ReturnRequest(1, 1),),
        reason="质量问题", payments=earlier,
    )  # fmt: skip
    [refund] = result.provider_refunds
    assert refund.state is (RefundState.REFUSED if refused else RefundState.PROCESSING)
    return replace(refund, receipt_no=sale.receipt_no)


def _at_work(qtbot: Any, shell: Any, staff_code: str, pin: str) -> None:
    log_in(qtbot, shell, staff_code, pin)
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)


def _drawer_kicks(store: Any) -> int:
    with store.database.reading() as session:
        return len([j for j in PrintJobRepository(session).jobs() if j.kind == "drawer_kick"])


def _open(qtbot: Any, shell: Any, rows: int) -> Any:
    screen = shell.refunds_waiting
    show_manager_tab(shell, "refunds-waiting")
    qtbot.waitUntil(lambda: screen.table.rowCount() == rows and bool(screen.state.text()))
    return screen


def _cells(screen: Any, row: int) -> list[str]:
    return [screen.table.item(row, c).text() for c in range(screen.table.columnCount())]


def test_a_refused_refund_from_an_earlier_day_is_listed_and_a_manager_pays_it_in_cash(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: PaymentsSandboxHandle,
    payments: Payments,
    tmp_path: Path,
) -> None:
    _at_work(qtbot, shell, "3001", "3333")  # the manager
    refused = _owed_refund(shell, store, sandbox, tmp_path / "earlier", refused=True)
    screen = _open(qtbot, shell, 1)
    assert screen.state.text() == "Refunds waiting: 1"
    when, receipt, wallet, amount, number, state, age = _cells(screen, 0)
    day = shell.counter.local_time(datetime.now(UTC) - timedelta(days=2), "%Y-%m-%d")
    assert when.startswith(day)  # the store's date two days ago, not today
    assert (receipt, wallet, amount, number) == (
        refused.receipt_no, "WeChat Pay", "￥128.00", refused.out_refund_no,
    )  # fmt: skip
    assert state.startswith("Refused: ") and len(state) > len("Refused: ")
    assert age == "2 days"
    assert "hand over ￥128.00" in screen.detail.text()
    assert screen.detail.text().endswith(f"Refund no. {refused.out_refund_no}")  # whole
    assert screen.cash_button.isEnabled() and not screen.ask_button.isEnabled()

    # Asking again about a refusal, or paying without a reason: refused in words.
    screen.ask_again()
    assert "asking again does not change it" in screen.banner.text()
    qtbot.mouseClick(screen.cash_button, Qt.MouseButton.LeftButton)
    assert screen.banner.text().endswith("Say why the refund is paid in cash")
    assert _drawer_kicks(store) == 0

    type_chinese(screen.reason, "顾客来店，改付现金")
    with qtbot.waitSignal(screen.paid_in_cash, timeout=10_000) as paid:
        qtbot.mouseClick(screen.cash_button, Qt.MouseButton.LeftButton)
    assert screen.dialog is None  # a manager needs nobody's approval
    assert paid.args[0].state is RefundState.CASH
    assert "Hand ￥128.00 in cash to the customer" in screen.banner.text()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0)
    assert screen.state.text().startswith("No refund is owed")
    qtbot.waitUntil(lambda: _drawer_kicks(store) == 1)  # the cash comes out of the drawer
    assert payments.refunds_waiting() == []
    with store.database.reading() as session:
        rows = session.execute(
            select(TenderRow.kind, TenderRow.amount_fen).where(TenderRow.return_id.is_not(None))
        ).all()
    assert sorted(rows) == sorted([("wechat", -12_800), ("wechat", 12_800), ("cash", -12_800)])


def test_a_supervisor_pays_a_refused_refund_in_cash_only_with_a_managers_approval(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: PaymentsSandboxHandle,
    payments: Payments,
    tmp_path: Path,
) -> None:
    _at_work(qtbot, shell, "2001", "2222")  # a supervisor: may refund, not pay this in cash
    refused = _owed_refund(shell, store, sandbox, tmp_path / "earlier", refused=True, days_ago=3)
    install_language(QApplication.instance(), "zh_CN")
    try:
        screen = _open(qtbot, shell, 1)
        assert screen.state.text() == "待处理的退款：1 笔"
        assert _cells(screen, 0)[2] == "微信支付"
        assert _cells(screen, 0)[5].startswith("被拒绝：")
        assert _cells(screen, 0)[6] == "3 天"
        type_chinese(screen.reason, "原路退款被拒")

        # The supervisor's own approval is not enough.
        qtbot.mouseClick(screen.cash_button, Qt.MouseButton.LeftButton)
        approval = screen.dialog
        assert isinstance(approval, ApprovalDialog)
        qtbot.keyClicks(approval.code, "2001")
        qtbot.keyClicks(approval.pin, "2222")
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "店长" in screen.banner.text(), timeout=10_000)
        assert screen.table.rowCount() == 1 and screen.cash_button.isEnabled()
        assert [r.state for r in payments.refunds_waiting()] == [RefundState.REFUSED]

        # A manager's approval: paid in cash, gone from the list.
        qtbot.mouseClick(screen.cash_button, Qt.MouseButton.LeftButton)
        approval = screen.dialog
        assert isinstance(approval, ApprovalDialog)
        qtbot.keyClicks(approval.code, "3001")
        qtbot.keyClicks(approval.pin, "3333")
        with qtbot.waitSignal(screen.paid_in_cash, timeout=10_000):
            qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
        assert "￥128.00" in screen.banner.text() and "现金" in screen.banner.text()
        qtbot.waitUntil(lambda: screen.table.rowCount() == 0)
    finally:
        install_language(QApplication.instance(), "en")
    assert payments.refunds_waiting() == []
    with store.database.reading() as session:  # audited: who, which refund, why, approved
        details = session.scalars(
            select(AuditEventRow.detail).where(AuditEventRow.action == "payment")
        ).all()
    assert details[-1]["cash_instead"] == refused.out_refund_no
    assert details[-1]["reason"] == "原路退款被拒" and details[-1]["approval_id"] is not None


def test_a_cashier_has_no_list_of_refunds_to_pay_out(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: PaymentsSandboxHandle,
    payments: Payments,
    tmp_path: Path,
) -> None:
    _at_work(qtbot, shell, "1001", "1111")  # a cashier
    _owed_refund(shell, store, sandbox, tmp_path / "earlier", refused=True)
    assert not shell.manager.allowed("refunds-waiting")
    # Even driven directly (the tab hidden), nothing is paid without a manager.
    screen = shell.refunds_waiting
    screen.refresh()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 1)
    type_chinese(screen.reason, "顾客要现金")
    screen.pay_in_cash()
    approval = screen.dialog
    assert isinstance(approval, ApprovalDialog)
    qtbot.keyClicks(approval.code, "1001")
    qtbot.keyClicks(approval.pin, "1111")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.wait(500)
    assert [r.state for r in payments.refunds_waiting()] == [RefundState.REFUSED]
    assert _drawer_kicks(store) == 0


def test_a_refund_on_its_way_from_an_earlier_day_is_asked_about_until_done(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: PaymentsSandboxHandle,
    payments: Payments,
    tmp_path: Path,
) -> None:
    _at_work(qtbot, shell, "3001", "3333")
    pending = _owed_refund(shell, store, sandbox, tmp_path / "earlier", refused=False)
    screen = _open(qtbot, shell, 1)
    assert _cells(screen, 0)[4:6] == [pending.out_refund_no, "Refunding"]
    assert "is on its way back to the customer" in screen.detail.text()
    assert screen.ask_button.isEnabled() and not screen.cash_button.isEnabled()
    qtbot.mouseClick(screen.cash_button, Qt.MouseButton.LeftButton)  # disabled: nothing
    assert payments.refunds_waiting()[0].state is RefundState.PROCESSING

    qtbot.wait(2_100)  # the sandbox confirms the refund after 2 s
    with qtbot.waitSignal(screen.asked, timeout=10_000) as asked:
        qtbot.mouseClick(screen.ask_button, Qt.MouseButton.LeftButton)
    [done] = asked.args[0]
    assert done.state is RefundState.SUCCESS
    assert "refunded to the customer's original payment — done" in screen.banner.text()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 0)
    assert screen.state.text().startswith("No refund is owed")


def test_a_counter_without_a_provider_says_so(qtbot: Any, shell: Any, store: Any) -> None:
    _at_work(qtbot, shell, "3001", "3333")
    shell.counter.context.extras["payments"] = None
    screen = shell.refunds_waiting
    show_manager_tab(shell, "refunds-waiting")
    assert screen.state.text() == "No payment provider is configured at this counter."
    assert screen.table.rowCount() == 0 and not screen.refresh_button.isEnabled()
