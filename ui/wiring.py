"""Connects the sale screen's requests to dialogs and the other screens.

Every dialog is opened with ``open()`` (window-modal, not a nested event loop): its result comes
back as a signal, so a scan, a timer or a test can keep working while it is up.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog

from redhome_pos.domain import approvals
from redhome_pos.domain import scan as scan_router
from redhome_pos.domain.cart import CartLine, Discount, discount_bp
from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.sale import ReturnRequest, Sale
from redhome_pos.domain.staff import Permission, StaffSession, may_discount
from redhome_pos.domain.tender import Tender
from redhome_pos.services import parking
from redhome_pos.services import returns as return_service
from redhome_pos.services import shifts as shift_service
from redhome_pos.services.payments import ProgressCallback, WalletPayment
from redhome_pos.services.returns import ReturnResult
from redhome_pos.services.scanning import ScanOutcome
from ui.approval_flow import ask_if_needed
from ui.counter_actions import CounterActions
from ui.customer_display import attach_customer_display
from ui.dialogs.amount import AmountDialog
from ui.dialogs.discount import DiscountBases, DiscountDialog, DiscountKind
from ui.dialogs.keys_help import KeysHelpDialog
from ui.dialogs.member import MemberDialog
from ui.dialogs.open_shift import OpenShiftDialog
from ui.dialogs.recall import ParkDialog, RecallDialog
from ui.dialogs.tender import TenderDialog, no_provider_text, wallet_of
from ui.errors import describe_error
from ui.lot_guard import LotGuard
from ui.main_window import MainWindow
from ui.receipts import print_return

if TYPE_CHECKING:
    from ui.shell import Shell


class SaleActions(QObject):
    """The dialogs behind the sale screen's buttons."""

    tender_opened = Signal(object)  # the TenderDialog (the customer display follows it)

    def __init__(self, shell: Shell, window: MainWindow) -> None:
        super().__init__(window)
        self.shell = shell
        self.window = window
        self.counter = shell.counter
        self.sale = shell.sale
        self.dialog: QDialog | None = None  # the dialog up now (tests and scans look here)
        sale = self.sale
        sale.set_hook("qty", self.ask_quantity)
        sale.set_hook("discount", self.ask_discount)
        sale.set_hook("price", self.ask_price)
        sale.set_hook("park", self.park)
        sale.set_hook("recall", self.ask_recall)
        sale.set_hook("drawer", self.open_drawer)
        sale.set_hook("member", self.ask_member)
        sale.pay_requested.connect(self.pay)
        sale.payment_code_scanned.connect(self.payment_code_scanned)
        sale.shift_needed.connect(self.offer_shift)

    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()
        first = dialog.focusWidget() or dialog.nextInFocusChain()
        if first is not None:
            first.setFocus()
        return dialog

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        if self.dialog is None:
            self.window.activateWindow()
            self.sale.activate()
        dialog.deleteLater()

    def _clerk(self) -> StaffSession | None:
        return self.counter.session.clerk

    # -- quantity -------------------------------------------------------------------------------
    def ask_quantity(self) -> None:
        line = self.sale.selected_line()
        if line is None:
            return
        dialog = AmountDialog(
            self.tr("Quantity"),
            line.title,
            money=False,
            initial=str(line.quantity),
            parent=self.window,
        )
        dialog.accepted.connect(lambda: self.change_quantity(line.line_no, dialog.value))
        self._open(dialog)

    def change_quantity(self, line_no: int, quantity: int) -> None:
        """More units void the line's discount approval: it is asked for again at once."""
        self.sale.set_quantity(line_no, quantity)
        self.ask_missing_approvals()

    def ask_missing_approvals(self) -> bool:
        """Opens the approval of the first discount that lacks one; True when one was."""
        clerk = self._clerk()
        if clerk is None:
            return False
        cart = self.sale.cart
        for line_no in approvals.unapproved_discounts(cart, clerk):
            discount = cart.order_discount if line_no is None else cart.line(line_no).discount
            if discount is not None:
                self.apply_discount(line_no, discount)
                return True
        return False

    # -- discounts and price changes ------------------------------------------------------------
    def ask_discount(self, kind: DiscountKind = DiscountKind.ZHE) -> None:
        line = self.sale.selected_line()
        cart = self.sale.cart
        totals = cart.totals()
        bases = DiscountBases(
            order_fen=totals.subtotal_fen - totals.promotion_fen - totals.line_discount_fen
        )
        if line is not None:
            bases = replace(
                bases,
                line_title=line.title,
                line_fen=cart.after_promotion_fen(line.line_no),
                unit_price_fen=line.unit_price_fen,
                quantity=line.quantity,
            )
        dialog = DiscountDialog(bases, parent=self.window, kind=kind)
        dialog.accepted.connect(lambda: self._discount_chosen(dialog, line))
        self._open(dialog)

    def ask_price(self) -> None:
        if self.sale.selected_line() is not None:
            self.ask_discount(DiscountKind.PRICE)

    def _discount_chosen(self, dialog: DiscountDialog, line: CartLine | None) -> None:
        line_no = None if dialog.whole_order or line is None else line.line_no
        if dialog.price_fen is not None and line_no is not None:
            self.change_price(line_no, dialog.price_fen)
        else:
            self.apply_discount(line_no, dialog.discount)

    def change_price(self, line_no: int, price_fen: int, approval_id: int | None = None) -> None:
        """改价: the line sells at ``price_fen`` a unit, with a supervisor's approval."""
        cart = self.sale.cart
        try:
            line = cart.line(line_no)
        except DomainError as error:
            self.sale.fail(describe_error(error))
            return
        if approval_id is None and ask_if_needed(
            self,
            self.window,
            Permission.PRICE_OVERRIDE,
            self.tr("Selling {title} at {price} instead of {list_price} needs approval.").format(
                title=line.title,
                price=format_fen(price_fen),
                list_price=format_fen(line.list_price_fen),
            ),
            lambda approval: self.change_price(line_no, price_fen, approval),
            detail={"price_fen": price_fen},
            covers=approvals.price_override(line, price_fen),
            show=self._open,
        ):
            return
        try:
            cart.override_price(line_no, price_fen, approval_id=approval_id)
        except DomainError as error:
            self.sale.fail(describe_error(error))
            return
        self.sale.refresh(line_no)
        self.ask_missing_approvals()

    def apply_discount(
        self, line_no: int | None, discount: Discount | None, approval_id: int | None = None
    ) -> None:
        clerk = self._clerk()
        cart = self.sale.cart
        if clerk is None or discount is None:
            return
        try:
            if line_no is None:
                base = cart.totals()
                gross = base.subtotal_fen - base.line_discount_fen
            else:
                gross = cart.line(line_no).gross_fen
            off = discount.of(gross)
        except DomainError as error:
            self.sale.fail(describe_error(error))
            return
        if approval_id is None and ask_if_needed(
            self,
            self.window,
            Permission.DISCOUNT_ABOVE_LIMIT,
            self.tr("A discount of {amount} is above your limit.").format(amount=format_fen(off)),
            lambda approval: self.apply_discount(line_no, discount, approval),
            needed=not may_discount(clerk, discount_bp(off, gross)),
            detail={"discount_fen": off},
            covers=(
                approvals.order_discount(cart, discount)
                if line_no is None
                else approvals.line_discount(cart, line_no, discount)
            ),
            show=self._open,
        ):
            return
        try:
            if line_no is None:
                cart.discount_order(discount, approval_id=approval_id)
            else:
                cart.discount_line(line_no, discount, approval_id=approval_id)
        except DomainError as error:
            self.sale.fail(describe_error(error))
            return
        self.sale.refresh(line_no)

    # -- park and recall ------------------------------------------------------------------------
    def park(self) -> None:
        """F5: a note for the sale put aside (optional), then it is parked."""
        if self._clerk() is None or self.sale.cart.is_empty:
            return
        dialog = ParkDialog(self.sale.cart.totals().total_fen, parent=self.window)
        dialog.accepted.connect(lambda: self.park_with_note(dialog.note))
        self._open(dialog)

    def park_with_note(self, note: str) -> None:
        clerk = self._clerk()
        if clerk is None or self.sale.cart.is_empty:
            return
        cart = self.sale.cart
        self.counter.worker.submit(
            partial(parking.park, self.counter.database, self.counter.till, clerk, cart, note),
            on_done=self._parked,
            on_error=lambda error: self.sale.fail(describe_error(error)),
        )

    def _parked(self, cart_id: int) -> None:
        self.sale.new_sale()
        self.sale.banner.show_ok(self.tr("Sale parked as #{number}").format(number=cart_id))

    def ask_recall(self) -> None:
        if not self.sale.cart.is_empty:
            self.sale.fail(self.tr("Finish or park the current sale before recalling one"))
            return
        dialog = RecallDialog(self.counter, parent=self.window)
        dialog.chosen.connect(self.recall)
        self._open(dialog)

    def recall(self, cart_id: int) -> None:
        clerk = self._clerk()
        if clerk is None:
            return
        self.counter.worker.submit(
            partial(parking.recall, self.counter.database, self.counter.till, clerk, cart_id),
            on_done=self.sale.load_cart,
            on_error=lambda error: self.sale.fail(describe_error(error)),
        )

    # -- member -------------------------------------------------------------------------------
    def ask_member(self) -> None:
        clerk = self._clerk()
        if clerk is None:
            return
        dialog = MemberDialog(self.counter, clerk, self.sale.cart.member, parent=self.window)
        dialog.member_chosen.connect(self.sale.set_member)
        self._open(dialog)

    # -- the shift -------------------------------------------------------------------------------
    def offer_shift(self) -> None:
        """No shift is open: the clerk counts the float and opens one before selling."""
        if self.counter.session.shift is None and self.dialog is None and not self.window.is_locked:
            self._open(OpenShiftDialog(self.counter, parent=self.window))

    # -- help -----------------------------------------------------------------------------------
    def show_keys(self) -> None:
        if self.dialog is None and not self.window.is_locked:
            self._open(KeysHelpDialog(self.window))

    # -- drawer ---------------------------------------------------------------------------------
    def open_drawer(self) -> None:
        clerk = self._clerk()
        if clerk is None:
            return
        if not ask_if_needed(
            self,
            self.window,
            Permission.OPEN_DRAWER,
            self.tr("Opening the drawer without a sale needs approval."),
            self._drawer,
            show=self._open,
        ):
            self._drawer(None)

    def _drawer(self, approval_id: int | None) -> None:
        clerk = self.counter.session.acting(lambda error: self.sale.fail(describe_error(error)))
        if clerk is None:
            return
        queue = self.counter.context.print_queue

        def job() -> None:
            shift_service.open_drawer(
                self.counter.database,
                self.counter.till,
                clerk,
                "no sale",
                approval_id=approval_id,
            )
            if queue is not None:
                queue.kick_drawer()

        self.counter.slow_worker.submit(
            job, on_error=lambda error: self.sale.fail(describe_error(error))
        )

    # -- exchange -------------------------------------------------------------------------------
    def exchange(
        self,
        receipt_no: str,
        requests: tuple[ReturnRequest, ...],
        reason: str,
        refund_fen: int,
        approval_id: int | None,
    ) -> None:
        """Goods back from ``receipt_no`` against the items in the cart, in one transaction."""
        clerk = self._clerk()
        if clerk is None:
            return
        if self.sale.cart.is_empty:
            self.shell.returns.banner.show_error(
                self.tr("Scan the new items into the cart first, then exchange")
            )
            return
        counter = self.counter
        cart = self.sale.cart
        returns_screen = self.shell.returns
        original = returns_screen.sale
        results: list[ReturnResult] = []

        def complete(tenders: tuple[Tender, ...]) -> Sale:  # on the worker
            returned, sold = return_service.exchange(
                counter.database,
                counter.till,
                clerk,
                receipt_no,
                requests,
                cart,
                tenders,
                reason=reason,
                approval_id=approval_id,
                payments=counter.payments,  # what is left over goes back to a wallet payment
            )
            results.append(returned)
            return sold

        def charge(
            tenders: tuple[Tender, ...],
            wallet: WalletPayment,
            *,
            on_progress: ProgressCallback,
            cancel: threading.Event,
        ) -> Sale:  # on the payment worker: the difference charged to the customer's code
            assert counter.payments is not None  # the dialog charges only when it is there
            returned, sold = return_service.exchange_paid_by_wallet(
                counter.database, counter.till, clerk, receipt_no, requests, cart, tenders,
                wallet, reason=reason, approval_id=approval_id, payments=counter.payments,
                on_progress=on_progress, cancel=cancel,
            )  # fmt: skip
            results.append(returned)
            return sold

        def done(_sale: Sale) -> None:
            if results and original is not None:
                print_return(counter, results[0], original, reason)
                returns_screen.wallet_refunds.show_refunds(
                    results[0].provider_refunds, original.receipt_no, reason
                )
            self.sale.new_sale()
            returns_screen.clear()

        self.window.show_screen("sale")
        dialog = TenderDialog(
            counter, clerk, cart, parent=self.window, credit_fen=refund_fen, complete=complete,
            charge=charge,
        )  # fmt: skip
        dialog.sale_completed.connect(done)
        self._open(dialog)
        self.tender_opened.emit(dialog)

    # -- pay ------------------------------------------------------------------------------------
    def payment_code_scanned(self, code: scan_router.PaymentCode) -> None:
        """A customer's payment code scanned on the sale screen: the payment opens and the
        code is charged for what is due; a counter not connected to the wallet's provider
        says so and charges nothing."""
        kind = wallet_of(code)
        if not self.counter.wallet_ready(kind):
            self.sale.fail(no_provider_text(kind))
            return
        if self.sale.cart.is_empty:
            self.sale.fail(self.tr("Scan the goods first, then the customer's payment code"))
            return
        self.pay()
        if isinstance(self.dialog, TenderDialog):
            self.dialog.charge_wallet(kind, code.code)

    def pay(self) -> None:
        clerk = self._clerk()
        if clerk is None or self.sale.cart.is_empty or self.ask_missing_approvals():
            return
        dialog = TenderDialog(self.counter, clerk, self.sale.cart, parent=self.window)
        dialog.sale_completed.connect(lambda _sale: self.sale.new_sale())
        dialog.sale_completed.connect(lambda _sale: self.sale.promotions.reload())
        dialog.promotions_changed.connect(self.sale.reprice)
        self._open(dialog)
        self.tender_opened.emit(dialog)


def wire_screens(shell: Shell, window: MainWindow) -> None:
    shell.actions = SaleActions(shell, window)
    shell.counter_actions = CounterActions(shell, shell.actions)
    shell.customer_display = attach_customer_display(shell, window)
    shell.lot_guard = LotGuard(shell.actions)
    keys = QShortcut(QKeySequence("F1"), window)
    keys.activated.connect(shell.actions.show_keys)
    shell.returns.exchange_requested.connect(shell.actions.exchange)
    shell.sale.return_requested.connect(lambda receipt: show_return(shell, window, receipt))
    shell.sale.set_hook("note", lambda: window.show_screen("notes"))
    shell.sale.note_scanned.connect(lambda outcome: show_note(shell, window, outcome))
    shell.notes.add_to_sale.connect(lambda view, note: add_from_note(shell, window, view, note))


def show_note(shell: Shell, window: MainWindow, outcome: ScanOutcome) -> None:
    window.show_screen("notes")
    shell.notes.show_note(outcome)


def add_from_note(shell: Shell, window: MainWindow, view: SkuView, note_id: str) -> None:
    window.show_screen("sale")
    shell.sale.add_sku(view, note_id=note_id or None)


def show_return(shell: Shell, window: MainWindow, receipt: str) -> None:
    window.show_screen("returns")
    if receipt:
        shell.returns.handle_scan(receipt)
