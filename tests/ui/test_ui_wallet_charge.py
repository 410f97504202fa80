"""The wallet path of the tender dialog, driven as a clerk drives it (keys and scans), against
the real payments sandbox on loopback through the program's own adapters and charge service:
the waiting state with its seconds, Cancel that reverses, refusals in words, success."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import log_in, open_shift, scan
from wallet_sandbox import code, sandbox_payments

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from redhome_pos.domain.payments import AttemptState, WalletProvider
from redhome_pos.domain.tender import TenderKind
from redhome_pos.services.checkout import find_sale
from ui.app import install_language
from ui.dialogs.tender import TenderDialog

WX, ALI = WalletProvider.WECHAT, WalletProvider.ALIPAY


@pytest.fixture(scope="module")
def sandbox() -> Iterator[PaymentsSandboxHandle]:
    with start_payments_sandbox() as running:
        yield running


@pytest.fixture
def wallet_shell(shell: Any, sandbox: PaymentsSandboxHandle, tmp_path: Path) -> Any:
    counter = shell.counter
    counter.context.extras["payments"] = sandbox_payments(
        counter.database, counter.till, sandbox, tmp_path / "cfg"
    )
    return shell


def _pay(qtbot: Any, shell: Any, store: Any) -> TenderDialog:
    log_in(qtbot, shell)
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])  # ￥128.00
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    dialog = shell.actions.dialog
    assert isinstance(dialog, TenderDialog)
    return dialog


def _attempts(shell: Any) -> list[Any]:
    return shell.counter.payments.recent()


@pytest.mark.parametrize("provider", [WX, ALI])
def test_a_scanned_code_is_charged_and_the_sale_carries_the_transaction_id(
    qtbot: Any, wallet_shell: Any, store: Any, sandbox: PaymentsSandboxHandle,
    provider: WalletProvider,
) -> None:  # fmt: skip
    dialog = _pay(qtbot, wallet_shell, store)
    qtbot.mouseClick(dialog.quick["2000"], Qt.MouseButton.LeftButton)  # ￥20 cash first
    with qtbot.waitSignal(dialog.sale_completed, timeout=15_000) as done:
        scan(qtbot, wallet_shell, code(provider))
    sale = find_sale(wallet_shell.counter.database, done.args[0].receipt_no)
    kind = TenderKind.WECHAT if provider is WX else TenderKind.ALIPAY
    [wallet] = [t for t in sale.tenders if t.kind is kind]
    assert wallet.amount_fen == 12_800 - 2_000 and wallet.reference  # the provider's number
    [attempt] = _attempts(wallet_shell)
    assert attempt.state is AttemptState.ATTACHED and attempt.transaction_id == wallet.reference
    name = "wechat" if provider is WX else "alipay"
    order = sandbox.order(name, attempt.out_trade_no)
    assert order is not None and int(order["charges"]) == 1
    assert not dialog.charge_panel.isVisible()
    assert "transaction " + wallet.reference in dialog.list.item(1).text()


def test_waiting_for_the_password_counts_seconds_then_completes(
    qtbot: Any, wallet_shell: Any, store: Any
) -> None:
    dialog = _pay(qtbot, wallet_shell, store)
    qtbot.mouseClick(dialog.wechat_button, Qt.MouseButton.LeftButton)
    assert "Scan the customer's WeChat Pay payment code for ￥128.00" in dialog.message.text()
    scan(qtbot, wallet_shell, code(WX, "0211"))  # the customer types the password for 2 s
    panel = dialog.charge_panel
    qtbot.waitUntil(lambda: panel.title.text() == "Waiting for the customer's payment password…")
    assert panel.isVisible() and not dialog.cash_field.isEnabled()
    qtbot.waitUntil(lambda: panel.seconds.text() in ("1 s", "2 s", "3 s"), timeout=4_000)
    # Enter while waiting does not complete the sale in cash.
    qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)
    assert dialog.sale is None
    qtbot.waitUntil(lambda: dialog.sale is not None, timeout=15_000)
    assert [t.kind for t in dialog.sale.tenders] == [TenderKind.WECHAT]


def test_cancel_while_the_customer_pays_reverses_and_nothing_is_sold(
    qtbot: Any, wallet_shell: Any, store: Any, sandbox: PaymentsSandboxHandle
) -> None:
    dialog = _pay(qtbot, wallet_shell, store)
    scan(qtbot, wallet_shell, code(ALI, "3011"))  # would pay after 30 s
    panel = dialog.charge_panel
    qtbot.waitUntil(lambda: "password" in panel.title.text())
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)  # (Esc does the same)
    assert panel.title.text() == "Cancelling the payment with Alipay…"
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=15_000)
    assert "nothing was taken" in dialog.message.text() or "paid back" in dialog.message.text()
    assert dialog.sale is None and dialog.due_fen == 12_800 and dialog.isVisible()
    [attempt] = _attempts(wallet_shell)
    assert attempt.state is AttemptState.REVERSED
    order = sandbox.order("alipay", attempt.out_trade_no)
    assert order is not None and order["closed"] and order["charges"] == 0  # closed unpaid
    # The clerk can take the money another way at once.
    assert dialog.cash_field.isEnabled() and dialog.cancel_button.isEnabled()


@pytest.mark.parametrize(
    ("ending", "words"),
    [
        ("21", "balance is not enough"),
        ("22", "expired or was already used"),
    ],
)
def test_refusals_are_said_in_words_and_nothing_is_paid(
    qtbot: Any, wallet_shell: Any, store: Any, ending: str, words: str
) -> None:
    dialog = _pay(qtbot, wallet_shell, store)
    scan(qtbot, wallet_shell, code(WX, ending))
    qtbot.waitUntil(lambda: words in dialog.message.text(), timeout=15_000)
    assert dialog.sale is None and dialog.tenders == [] and dialog.due_fen == 12_800
    [attempt] = _attempts(wallet_shell)
    assert attempt.state is AttemptState.REFUSED


def test_a_system_error_is_reversed_and_said(qtbot: Any, wallet_shell: Any, store: Any) -> None:
    """No clear answer: asked, then reversed; the clerk is told nothing was taken."""
    dialog = _pay(qtbot, wallet_shell, store)
    scan(qtbot, wallet_shell, code(WX, "31"))
    qtbot.waitUntil(lambda: "No clear answer" in dialog.message.text(), timeout=20_000)
    assert dialog.sale is None
    assert _attempts(wallet_shell)[0].state in (AttemptState.REVERSED, AttemptState.REFUSED)


def test_a_code_scanned_on_the_sale_screen_opens_the_payment_and_charges_it(
    qtbot: Any, wallet_shell: Any, store: Any
) -> None:
    shell = wallet_shell
    log_in(qtbot, shell)
    open_shift(shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["CLN-120"])
    scan(qtbot, shell, code(WX))
    dialog = shell.actions.dialog
    assert isinstance(dialog, TenderDialog)
    qtbot.waitUntil(lambda: dialog.sale is not None, timeout=15_000)
    assert dialog.sale.total_fen == 6_900
    assert [t.kind for t in dialog.sale.tenders] == [TenderKind.WECHAT]


def test_the_waiting_state_in_chinese(qtbot: Any, wallet_shell: Any, store: Any) -> None:
    install_language(QApplication.instance(), "zh_CN")
    try:
        dialog = _pay(qtbot, wallet_shell, store)
        scan(qtbot, wallet_shell, code(WX, "0211"))
        panel = dialog.charge_panel
        qtbot.waitUntil(lambda: panel.title.text() == "等待顾客输入支付密码…")
        assert panel.seconds.text().endswith(" 秒")
        assert panel.cancel_button.text() == "取消收款 (Esc)"
        qtbot.waitUntil(lambda: dialog.sale is not None, timeout=15_000)
    finally:
        install_language(QApplication.instance(), "en")


def test_an_answer_lost_is_shown_as_being_resolved_then_paid_once(
    qtbot: Any, wallet_shell: Any, store: Any, sandbox: PaymentsSandboxHandle
) -> None:
    """The charge's answer is lost after the money was taken: the clerk sees that the result
    is being found out (and not to charge again); the query finds it paid; one charge."""
    dialog = _pay(qtbot, wallet_shell, store)
    titles: list[str] = []
    dialog.relay.progress.connect(lambda _p: titles.append(dialog.charge_panel.title.text()))
    scan(qtbot, wallet_shell, code(WX, "41"))
    qtbot.waitUntil(lambda: dialog.sale is not None, timeout=15_000)
    assert any(t.startswith("No clear answer from WeChat Pay yet") for t in titles), titles
    [attempt] = _attempts(wallet_shell)
    assert attempt.state is AttemptState.ATTACHED
    order = sandbox.order("wechat", attempt.out_trade_no)
    assert order is not None and order["charges"] == 1
