"""The returns screen tells how the money of a WeChat Pay / Alipay sale went back, driven as
a clerk drives it, against the payments sandbox on loopback through the program's own adapters:
a refund still on its way (asked about again until done) and a refund the provider refused
(paid in cash instead with a manager's approval). Exchanges: the difference paid by the
customer's payment code, a refused charge, and an exchange for less refunded to the wallet."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from ui_helpers import SECRET, log_in, open_shift, scan
from wallet_sandbox import FAST, code, sandbox_payments

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.payments import RefundState, WalletProvider
from redhome_pos.domain.signed_codes import sign_receipt_code
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.models.counter import ApprovalRow, ReturnRow, TenderRow
from redhome_pos.persistence.repositories.print_jobs import PrintJobRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services.checkout import checkout
from redhome_pos.services.payments import Payments, WalletPayment
from ui.app import install_language
from ui.dialogs.approval import ApprovalDialog
from ui.dialogs.tender import TenderDialog

WX = WalletProvider.WECHAT


@pytest.fixture
def slow_sandbox() -> Iterator[PaymentsSandboxHandle]:
    """WeChat Pay refunds stay PROCESSING for 2 s before they succeed."""
    with start_payments_sandbox(refund_delay_s=2.0) as running:
        yield running


@pytest.fixture
def payments(shell: Any, slow_sandbox: PaymentsSandboxHandle, tmp_path: Path) -> Payments:
    counter = shell.counter
    # A return asks the provider for a moment only, then tells the clerk how it stands.
    quick = replace(FAST, settle_limit_s=0.3)
    found = sandbox_payments(counter.database, counter.till, slow_sandbox, tmp_path / "cfg", quick)
    counter.context.extras["payments"] = found
    return found


def _wallet_sale(qtbot: Any, shell: Any, store: Any, payments: Payments) -> Any:
    log_in(qtbot, shell, "2001", "2222")  # a supervisor: may refund alone, not a manager
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    cart = Cart()
    cart.add(CartItem(store.sku_ids["LIP-520"], "LIP-520", "丝绒雾面口红", 12_800, 1300))
    return payments.checkout(
        shell.counter.session.clerk, cart, [], WalletPayment(WX, code(WX), 12_800)
    )


def _drawer_kicks(store: Any) -> int:
    with store.database.reading() as session:
        return len([j for j in PrintJobRepository(session).jobs() if j.kind == "drawer_kick"])


def _return_it(qtbot: Any, shell: Any, sale: Any) -> Any:
    screen = shell.returns
    with qtbot.waitSignal(screen.sale_found):
        scan(qtbot, shell, sign_receipt_code(SECRET, "SH001", sale.receipt_no))
    screen.set_return_quantity(1, 1)
    with qtbot.waitSignal(screen.return_done, timeout=15_000) as done:
        qtbot.mouseClick(screen.refund_button, Qt.MouseButton.LeftButton)
    return done.args[0]


def test_a_refund_on_its_way_is_said_so_then_shown_done_when_asked_again(
    qtbot: Any, shell: Any, store: Any, payments: Payments
) -> None:
    sale = _wallet_sale(qtbot, shell, store, payments)
    result = _return_it(qtbot, shell, sale)
    [refund] = result.provider_refunds
    assert refund.state is RefundState.PROCESSING
    panel = shell.returns.wallet_refunds
    assert panel.isVisible()
    assert "￥128.00 is on its way back to the customer" in panel.text.text()
    assert refund.out_refund_no in panel.text.text()
    assert panel.ask_button.isVisible() and not panel.cash_button.isVisible()

    # Asked at once: still travelling, said so again (and nothing sent twice).
    with qtbot.waitSignal(panel.changed, timeout=10_000):
        qtbot.mouseClick(panel.ask_button, Qt.MouseButton.LeftButton)
    assert "on its way" in panel.text.text()

    qtbot.wait(2_100)
    with qtbot.waitSignal(panel.changed, timeout=10_000) as asked:
        qtbot.mouseClick(panel.ask_button, Qt.MouseButton.LeftButton)
    [done] = asked.args[0]
    assert done.state is RefundState.SUCCESS
    assert "refunded to the customer's original payment — done" in panel.text.text()
    assert not panel.ask_button.isVisible() and not panel.cash_button.isVisible()


def test_a_refused_refund_is_said_so_and_paid_in_cash_with_a_managers_approval(
    qtbot: Any, shell: Any, store: Any, payments: Payments
) -> None:
    sale = _wallet_sale(qtbot, shell, store, payments)
    # The payment was already paid back outside the counter: the provider refuses the refund.
    assert payments.providers[WX].reverse(sale.tenders[0].out_trade_no).done
    install_language(QApplication.instance(), "zh_CN")
    try:
        result = _return_it(qtbot, shell, sale)
        [refused] = result.provider_refunds
        assert refused.state is RefundState.REFUSED
        panel = shell.returns.wallet_refunds
        text = panel.text.text()
        assert text.startswith("微信支付拒绝了 ￥128.00 的退款")
        assert "店长可改为现金退款" in text and refused.out_refund_no in text
        assert panel.cash_button.isVisible() and not panel.ask_button.isVisible()

        assert _drawer_kicks(store) == 0  # nothing paid in cash yet
        qtbot.mouseClick(panel.cash_button, Qt.MouseButton.LeftButton)
        approval = shell.returns.dialog
        assert isinstance(approval, ApprovalDialog)  # a supervisor may not do it alone
        qtbot.keyClicks(approval.code, "3001")
        qtbot.keyClicks(approval.pin, "3333")
        with qtbot.waitSignal(panel.changed, timeout=10_000) as paid:
            qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
        [cash] = paid.args[0]
        assert cash.state is RefundState.CASH
        assert "已改为现金退给顾客" in panel.text.text()
        assert not panel.cash_button.isVisible()
        qtbot.waitUntil(lambda: _drawer_kicks(store) == 1)  # the cash comes out of the drawer
    finally:
        install_language(QApplication.instance(), "en")
    assert payments.refunds_waiting() == []
    with store.database.reading() as session:
        rows = session.execute(
            select(TenderRow.kind, TenderRow.amount_fen).where(TenderRow.return_id.is_not(None))
        ).all()
    assert sorted(rows) == sorted([("wechat", -12_800), ("wechat", 12_800), ("cash", -12_800)])


def test_a_supervisors_approval_does_not_pay_a_refused_refund_in_cash(
    qtbot: Any, shell: Any, store: Any, payments: Payments
) -> None:
    sale = _wallet_sale(qtbot, shell, store, payments)
    assert payments.providers[WX].reverse(sale.tenders[0].out_trade_no).done
    _return_it(qtbot, shell, sale)
    panel = shell.returns.wallet_refunds
    qtbot.mouseClick(panel.cash_button, Qt.MouseButton.LeftButton)
    approval = shell.returns.dialog
    assert isinstance(approval, ApprovalDialog)
    qtbot.keyClicks(approval.code, "2001")
    qtbot.keyClicks(approval.pin, "2222")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    banner = shell.returns.banner
    qtbot.waitUntil(lambda: "manager's approval" in banner.text(), timeout=10_000)
    assert "refused the refund" in panel.text.text() and panel.cash_button.isEnabled()
    assert [r.state for r in payments.refunds_waiting()] == [RefundState.REFUSED]


# -- exchanges: the difference paid by a payment code, or refunded to the original payment --


@pytest.fixture
def instant_payments(shell: Any, tmp_path: Path) -> Iterator[Payments]:
    with start_payments_sandbox() as sandbox:
        counter = shell.counter
        found = sandbox_payments(counter.database, counter.till, sandbox, tmp_path / "cfg")
        counter.context.extras["payments"] = found
        yield found


def _exchange(qtbot: Any, shell: Any, store: Any, old: Any, new_code: str) -> TenderDialog:
    """The new goods scanned, the old sale's receipt scanned on the returns screen, one unit
    back, Exchange: the payment dialog opens for the difference."""
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes[new_code])
    screen = shell.returns
    shell.window.show_screen("returns")
    with qtbot.waitSignal(screen.sale_found):
        scan(qtbot, shell, sign_receipt_code(SECRET, "SH001", old.receipt_no))
    screen.set_return_quantity(1, 1)
    qtbot.mouseClick(screen.exchange_button, Qt.MouseButton.LeftButton)
    dialog = shell.actions.dialog
    assert isinstance(dialog, TenderDialog)
    return dialog


def _cash_sale(shell: Any, store: Any, sku: str, title: str, price_fen: int) -> Any:
    cart = Cart()
    cart.add(CartItem(store.sku_ids[sku], sku, title, price_fen, 1300))
    clerk = shell.counter.session.clerk
    return checkout(
        shell.counter.database, shell.counter.till, clerk, cart, [Tender.cash(price_fen)]
    )


def _supervisor_at_work(qtbot: Any, shell: Any) -> None:
    log_in(qtbot, shell, "2001", "2222")
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)


@pytest.mark.parametrize("provider", [WalletProvider.WECHAT, WalletProvider.ALIPAY])
def test_an_exchanges_difference_is_paid_by_the_customers_payment_code(
    qtbot: Any, shell: Any, store: Any, instant_payments: Payments, provider: WalletProvider
) -> None:
    _supervisor_at_work(qtbot, shell)
    old = _cash_sale(shell, store, "CLN-120", "氨基酸温和洁面乳 120ml", 6_900)
    dialog = _exchange(qtbot, shell, store, old, "LIP-520")  # 128.00 for 69.00: 59.00 to pay
    assert dialog.due_fen == 5_900
    with qtbot.waitSignal(dialog.sale_completed, timeout=15_000) as completed:
        scan(qtbot, shell, code(provider))
    new_sale = completed.args[0]
    kind = provider.value
    assert [(t.kind.value, t.amount_fen) for t in new_sale.tenders] == [
        ("cash", 6_900),
        (kind, 5_900),
    ]
    [attempt] = instant_payments.recent()
    assert (
        attempt.sale_id == new_sale.id and attempt.transaction_id == new_sale.tenders[1].reference
    )
    assert "transaction " + new_sale.tenders[1].reference in dialog.list.item(1).text()
    with store.database.reading() as session:
        returned = session.scalars(select(ReturnRow)).one()
        assert (returned.sale_id, returned.refund_fen) == (old.id, 6_900)
        stock = StockRepository(session)
        assert stock.on_hand(store.sku_ids["CLN-120"]) == 20  # sold one, took it back
        assert stock.on_hand(store.sku_ids["LIP-520"]) == 19
    assert shell.sale.cart.is_empty


def test_an_exchanges_refused_charge_writes_nothing_and_the_clerk_takes_cash(
    qtbot: Any, shell: Any, store: Any, instant_payments: Payments
) -> None:
    _supervisor_at_work(qtbot, shell)
    old = _cash_sale(shell, store, "CLN-120", "氨基酸温和洁面乳 120ml", 6_900)
    dialog = _exchange(qtbot, shell, store, old, "LIP-520")
    scan(qtbot, shell, code(WX, "21"))  # the customer's balance is not enough
    qtbot.waitUntil(lambda: dialog.charging is None and dialog.message.isVisible(), timeout=15_000)
    assert "balance is not enough" in dialog.message.text()
    assert dialog.sale is None and dialog.due_fen == 5_900
    with store.database.reading() as session:
        assert session.scalars(select(ReturnRow)).all() == []
    with qtbot.waitSignal(dialog.sale_completed, timeout=10_000) as completed:
        qtbot.mouseClick(dialog.quick["10000"], Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)
    assert completed.args[0].change_fen == 4_100
    [refused] = instant_payments.recent()
    assert refused.state.value == "refused" and refused.sale_id is None


def test_an_exchange_for_less_of_a_wallet_sale_refunds_the_rest_to_the_wallet(
    qtbot: Any, shell: Any, store: Any, instant_payments: Payments
) -> None:
    _supervisor_at_work(qtbot, shell)
    clerk = shell.counter.session.clerk
    cart = Cart()
    cart.add(CartItem(store.sku_ids["LIP-520"], "LIP-520", "丝绒雾面口红", 12_800, 1300))
    old = instant_payments.checkout(clerk, cart, [], WalletPayment(WX, code(WX), 12_800))
    dialog = _exchange(qtbot, shell, store, old, "CLN-120")  # 69.00 for 128.00
    assert dialog.due_fen == 0
    with qtbot.waitSignal(dialog.sale_completed, timeout=15_000) as completed:
        qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)
    new_sale = completed.args[0]
    assert new_sale.change_fen == 0  # nothing handed out in cash for a WeChat payment
    panel = shell.returns.wallet_refunds
    [refund] = panel.refunds
    assert refund.state is RefundState.SUCCESS and refund.amount_fen == 5_900
    assert refund.out_trade_no == old.tenders[0].out_trade_no
    assert "￥59.00 refunded to the customer's original payment — done" in panel.text.text()


def test_a_cashiers_exchange_with_approval_paid_by_code(
    qtbot: Any, shell: Any, store: Any, instant_payments: Payments
) -> None:
    """A cashier may not take goods back alone: the supervisor's approval is asked first and
    is used by the exchange written once the customer's code is paid."""
    log_in(qtbot, shell)  # the cashier
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    old = _cash_sale(shell, store, "CLN-120", "氨基酸温和洁面乳 120ml", 6_900)
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    screen = shell.returns
    shell.window.show_screen("returns")
    with qtbot.waitSignal(screen.sale_found):
        scan(qtbot, shell, sign_receipt_code(SECRET, "SH001", old.receipt_no))
    screen.set_return_quantity(1, 1)
    qtbot.mouseClick(screen.exchange_button, Qt.MouseButton.LeftButton)
    approval = screen.dialog
    assert isinstance(approval, ApprovalDialog)
    qtbot.keyClicks(approval.code, "2001")
    qtbot.keyClicks(approval.pin, "2222")
    qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, TenderDialog), timeout=10_000)
    dialog = shell.actions.dialog
    assert dialog.due_fen == 5_900
    with qtbot.waitSignal(dialog.sale_completed, timeout=15_000) as completed:
        scan(qtbot, shell, code(WalletProvider.ALIPAY))
    assert [t.kind.value for t in completed.args[0].tenders] == ["cash", "alipay"]
    with store.database.reading() as session:
        returned = session.scalars(select(ReturnRow)).one()
        assert returned.approval_id is not None
        approval_row = session.get(ApprovalRow, returned.approval_id)
        assert approval_row is not None and approval_row.used_at is not None
