"""The payment scenes of ``redhome-pos screenshots`` (called by ui/screenshots.py): the tender
dialog charging a WeChat Pay / Alipay code through the payments sandbox on loopback (waiting
for the password, cancelled, refused, paid), a counter without a provider, and the manager's
payments without a sale, refunds still owed and settlement screens.

``sandbox_payments`` starts the sandbox (a thread of this process) and builds the counter's
charge service over the program's own adapters, configured with the sandbox's lines as a
store would paste them."""

from __future__ import annotations

import itertools
import tomllib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from payments.sandbox import PaymentsSandboxHandle, start_payments_sandbox
from payments.setup import payments_from_config
from redhome_pos.config import Config
from redhome_pos.config.payments import AlipayConfig, PaymentsConfig, WechatPayConfig
from redhome_pos.domain import approvals
from redhome_pos.domain.payments import WalletProvider
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.settlement import bill_day
from redhome_pos.domain.signed_codes import sign_receipt_code
from redhome_pos.domain.staff import Permission, Role
from redhome_pos.persistence.database import Database
from redhome_pos.services import staff as staff_service
from redhome_pos.services.demo_staff import DEMO_ACCOUNTS
from redhome_pos.services.payments import PROVIDER_OF, Payments, WalletPayment
from ui.backoffice.refunds_waiting import RefundsWaitingScreen
from ui.backoffice.screens import show_manager_tab
from ui.dialogs.tender import TenderDialog

_numbers = itertools.count(1)
_running: list[PaymentsSandboxHandle] = []  # the sandbox of ``sandbox_payments``, while it runs


def wallet_code(provider: WalletProvider, ending: str = "00") -> str:
    """A payment code of the provider's shape whose last digits choose the sandbox's answer."""
    body = f"{next(_numbers):06d}{ending.rjust(4, '0')}"
    return f"28000000{body}" if provider is WalletProvider.ALIPAY else f"13456700{body}"


@contextmanager
def sandbox_payments(config: Config, database: Database) -> Iterator[Payments]:
    """The counter's charge service over the payments sandbox, for as long as it runs."""
    with start_payments_sandbox(bills_anytime=True) as sandbox:
        lines = sandbox.config_lines()
        wechat = tomllib.loads("\n".join(lines["wechat"]))
        alipay = tomllib.loads("\n".join(lines["alipay"]))
        settings = PaymentsConfig(
            charge_deadline_s=30.0,
            poll_interval_s=0.3,
            reverse_after_s=0.3,
            reverse_retry_s=0.3,
            wechat=WechatPayConfig(**wechat),
            alipay=AlipayConfig(**alipay),
        )
        payments = payments_from_config(replace(config, payments=settings), database)
        assert payments is not None  # both providers are configured
        _running.append(sandbox)
        try:
            yield payments
        finally:
            _running.remove(sandbox)


def payment_scenes(director: Any, settle: Any) -> None:
    shell = director.shell
    counter = shell.counter
    payments = counter.payments
    if payments is None:
        return
    sale = shell.sale
    shell.window.show_screen("sale")
    codes = director.stocked_barcodes(2)
    for code in codes:
        director.scan(code)
    settle(lambda: len(sale.cart.lines) >= len(codes))

    # A counter without the provider: the code is refused in words, nothing is paid.
    sale.pay()
    settle()
    tender = shell.actions.dialog
    if not isinstance(tender, TenderDialog):
        return
    counter.context.extras["payments"] = None
    tender.handle_scan(wallet_code(WalletProvider.WECHAT))
    director.picture("tender-no-provider")
    counter.context.extras["payments"] = payments

    # The customer enters the password: the seconds count; then the clerk cancels.
    tender.handle_scan(wallet_code(WalletProvider.WECHAT, "2511"))
    panel = tender.charge_panel
    settle(lambda: panel.state is not None and panel.seconds.text()[:1] in "23456789", 6.0)
    director.picture("tender-wallet-waiting")
    tender.cancel_charge()
    settle(lambda: tender.charging is None, 15.0)
    director.picture("tender-wallet-cancelled")

    # Refused: the customer's balance is not enough.
    tender.handle_scan(wallet_code(WalletProvider.ALIPAY, "21"))
    settle(lambda: tender.charging is None and tender.message.isVisible(), 10.0)
    director.picture("tender-wallet-refused")

    # Paid: ￥50 in cash first, the rest by WeChat Pay.
    if tender.due_fen > 5_000:
        tender.add_cash(5_000)
    tender.handle_scan(wallet_code(WalletProvider.WECHAT))
    settle(lambda: tender.sale is not None, 15.0)
    director.picture("tender-wallet-paid")
    paid = tender.sale
    tender.accept()
    settle()
    if paid is not None:
        wallet_refund_scene(director, settle, paid)
    exchange_wallet_scene(director, settle)


def exchange_wallet_scene(director: Any, settle: Any) -> None:
    """An exchange for dearer goods: the payment dialog counts the return towards the new
    sale and the customer pays the difference by WeChat Pay (waiting for the password)."""
    shell = director.shell
    sale = shell.sale
    first, second = director.stocked_barcodes(2)[:2]
    shell.window.show_screen("sale")
    director.scan(first)
    settle(lambda: len(sale.cart.lines) == 1)
    sale.pay()
    settle()
    tender = shell.actions.dialog
    if not isinstance(tender, TenderDialog):
        return
    tender.add_exact_cash()
    tender.complete()
    settle(lambda: tender.sale is not None, 10.0)
    old = tender.sale
    tender.accept()
    settle(lambda: sale.cart.is_empty)
    if old is None:
        return
    for code in (first, second):  # the new goods: the same again and one more
        director.scan(code)
    settle(lambda: len(sale.cart.lines) == 2)
    secret = director.config.scanning.code_secret
    director.scan(sign_receipt_code(secret, director.config.store.code, old.receipt_no))
    screen = shell.returns
    settle(lambda: screen.sale is not None and screen.sale.receipt_no == old.receipt_no)
    screen.set_return_quantity(1, 1)
    screen.refund(exchange=True)
    settle(lambda: isinstance(shell.actions.dialog, TenderDialog))
    exchange = shell.actions.dialog
    if not isinstance(exchange, TenderDialog):
        return
    exchange.handle_scan(wallet_code(WalletProvider.WECHAT, "2511"))
    panel = exchange.charge_panel
    settle(lambda: panel.state is not None and panel.seconds.text()[:1] in "23456789", 6.0)
    director.picture("exchange-wallet-waiting")
    exchange.cancel_charge()
    settle(lambda: exchange.charging is None, 15.0)
    exchange.reject()
    settle()


def wallet_refund_scene(director: Any, settle: Any, sale: Sale) -> None:
    """A return of the wallet-paid sale whose refund the provider refuses (the payment was
    paid back outside the counter first): the returns screen says so and offers cash."""
    shell = director.shell
    counter = shell.counter
    payments, clerk = counter.payments, counter.session.clerk
    wallet = next((t for t in sale.tenders if t.kind in PROVIDER_OF and t.out_trade_no), None)
    if payments is None or clerk is None or wallet is None:
        return
    payments.providers[PROVIDER_OF[wallet.kind]].reverse(wallet.out_trade_no)
    secret = director.config.scanning.code_secret
    director.scan(sign_receipt_code(secret, director.config.store.code, sale.receipt_no))
    screen = shell.returns
    settle(lambda: screen.sale is not None and screen.sale.receipt_no == sale.receipt_no)
    screen.set_return_quantity(1, 1)
    manager = next(a for a in DEMO_ACCOUNTS if a.role is Role.MANAGER)
    approval = staff_service.approve(
        counter.database, counter.till, clerk, Permission.REFUND,
        staff_service.Approver(manager.code, manager.pin),
        covers=approvals.refund(sale.receipt_no, screen.refund_fen(screen.requests())),
        receipt_no=sale.receipt_no,
    )  # fmt: skip
    screen.refund(approval)
    settle(lambda: screen.wallet_refunds.isVisible(), 15.0)
    director.picture("returns-wallet-refund-refused")


def back_office_payment_scenes(director: Any, settle: Any) -> None:
    shell = director.shell
    counter = shell.counter
    payments = counter.payments
    clerk = counter.session.clerk
    if payments is None or clerk is None:
        return
    # A payment the provider took that no sale holds (a test payment of the manager's).
    payments.charge_only(clerk, WalletPayment(WalletProvider.ALIPAY, wallet_code(
        WalletProvider.ALIPAY), 12_800))  # fmt: skip
    unsold = shell.unsold_payments
    show_manager_tab(shell, "unsold-payments")
    settle(lambda: unsold.table.rowCount() > 0, 3.0)
    director.picture("backoffice-unsold-payments")
    refunds_waiting_scene(director, settle)

    settlement = shell.settlement
    show_manager_tab(shell, "settlement")
    settlement.day.setText(bill_day(datetime.now(UTC)).isoformat())
    settlement.problems_only.setChecked(False)
    settlement.run()
    settle(lambda: settlement.report is not None, 20.0)
    director.picture("backoffice-settlement")


def refunds_waiting_scene(director: Any, settle: Any) -> None:
    """Refunds still owed: the return's refund WeChat Pay refused (``wallet_refund_scene``)
    and a refund of a test payment the provider has not confirmed yet (the sandbox keeps it
    on its way for an hour; the service asks once and leaves it)."""
    shell = director.shell
    counter = shell.counter
    payments, clerk = counter.payments, counter.session.clerk
    if payments is None or clerk is None or not _running:
        return
    attempt = payments.charge_only(clerk, WalletPayment(WalletProvider.WECHAT, wallet_code(
        WalletProvider.WECHAT), 6_900))  # fmt: skip
    ledger = _running[-1].sandbox.ledger
    ledger.refund_delay_s = 3_600.0
    try:
        once = replace(payments.timings, settle_limit_s=0.0)
        asking_once = Payments(counter.database, counter.till, payments.providers, once)
        asking_once.refund_attempt(clerk, attempt.out_trade_no, reason="顾客改用现金")
    finally:
        ledger.refund_delay_s = 0.0
    screen: RefundsWaitingScreen = shell.refunds_waiting
    show_manager_tab(shell, "refunds-waiting")
    settle(lambda: screen.table.rowCount() >= 2, 3.0)
    refused = [i for i, r in enumerate(screen.refunds) if r.state.value == "refused"]
    if refused:
        screen.table.selectRow(refused[-1])  # its detail says what to hand over
    settle()
    director.picture("backoffice-refunds-waiting")
