"""The counter's further actions (更多功能, Ctrl+M): today's sales with reprint and return,
price check, void the last sale, cash in and out. Each asks a supervisor when the clerk may not
do it alone, and calls a service; the sale screen's banner says what happened."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from redhome_pos.domain.money import format_fen
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.tender import TenderKind
from redhome_pos.services import journal
from redhome_pos.services import shifts as shift_service
from redhome_pos.services.checkout import void_last_sale
from ui import words
from ui.approval_flow import ask_if_needed
from ui.dialogs.journal import JournalDialog
from ui.dialogs.price_check import PriceCheckDialog
from ui.dialogs.reason import ReasonDialog
from ui.dialogs.rewards import RewardsDialog
from ui.errors import describe_error

if TYPE_CHECKING:
    from ui.shell import Shell
    from ui.wiring import SaleActions


class MoreDialog(QDialog):
    """Big buttons, each with its digit: 1 today's sales … 6 the shift."""

    def __init__(self, entries: list[tuple[str, Callable[[], None]]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("More functions"))
        self.buttons: list[QPushButton] = []
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, (title, action) in enumerate(entries):
            digit = str(index + 1)
            button = QPushButton(f"{title}\n{digit}")
            button.setMinimumSize(200, 72)
            button.setAutoDefault(False)
            button.clicked.connect(partial(self._run, action))
            QShortcut(QKeySequence(digit), self, button.click)
            grid.addWidget(button, index // 2, index % 2)
            self.buttons.append(button)
        hint = QLabel(self.tr("Press the digit or touch the button; Esc goes back."))
        hint.setObjectName("muted")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)

    def _run(self, action: Callable[[], None]) -> None:
        self.accept()
        action()


class CounterActions(QObject):
    def __init__(self, shell: Shell, actions: SaleActions) -> None:
        super().__init__(actions)
        self.shell = shell
        self.actions = actions
        self.counter = shell.counter
        self.window = actions.window
        self.sale = shell.sale
        self.dialog: Any = None  # not used: dialogs go through the sale actions
        self.sale.set_hook("more", self.show_more)

    def _open(self, dialog: QDialog) -> QDialog:
        return self.actions._open(dialog)

    def _clerk(self) -> StaffSession | None:
        return self.counter.session.clerk

    def _fail(self, error: object) -> None:
        self.sale.fail(describe_error(error))

    # -- the menu -------------------------------------------------------------------------------
    def show_more(self) -> None:
        if self.actions.dialog is not None or self.window.is_locked:
            return
        entries: list[tuple[str, Callable[[], None]]] = [
            (self.tr("Today's sales / reprint"), self.show_journal),
            (self.tr("Price check"), self.check_price),
            (self.tr("Void last sale"), self.void_last),
            (self.tr("Cash in (float)"), lambda: self.move_cash("cash_in")),
            (self.tr("Cash out"), lambda: self.move_cash("cash_out")),
            (self.tr("Shift and close"), lambda: self.window.show_screen("shift")),
            (self.tr("Points rewards"), self.show_rewards),
        ]
        self._open(MoreDialog(entries, self.window))

    # -- points rewards ------------------------------------------------------------------------
    def show_rewards(self) -> None:
        if self.sale.cart.member is None:
            self.sale.fail(self.tr("Rewards are for members: find the member first (F7)"))
            return
        dialog = RewardsDialog(self.counter, self.sale.cart, parent=self.window)
        dialog.changed.connect(self.sale.refresh)
        self._open(dialog)

    # -- today's sales, reprint, return ------------------------------------------------------
    def show_journal(self) -> None:
        dialog = JournalDialog(self.counter, parent=self.window)
        dialog.reprint_requested.connect(self.reprint)
        dialog.return_requested.connect(self.sale.return_requested.emit)
        self._open(dialog)

    def reprint(self, receipt_no: str) -> None:
        queue = self.counter.context.print_queue
        if queue is None:
            return
        self.counter.slow_worker.submit(
            partial(queue.reprint_receipt, receipt_no), on_error=self._fail
        )

    # -- price check -----------------------------------------------------------------------------
    def check_price(self) -> None:
        self._open(PriceCheckDialog(self.counter, parent=self.window))

    # -- void the last sale ----------------------------------------------------------------------
    def void_last(self) -> None:
        self.counter.worker.submit(
            partial(journal.last_sale, self.counter.database, self.counter.till),
            on_done=self._ask_void,
            on_error=self._fail,
        )

    def _ask_void(self, sale: Sale | None) -> None:
        if sale is None or sale.voided:
            self.sale.fail(self.tr("This shift has no sale to void"))
            return
        prompt = self.tr(
            "Void sale {receipt} of {amount} ({time})? Its payments are given back and its "
            "goods go back to stock."
        ).format(
            receipt=sale.receipt_no,
            amount=format_fen(sale.total_fen),
            time=self.counter.local_time(sale.created_at),
        )
        reasons = {code: words.reason(code) for code in words.VOID_REASONS}
        dialog = ReasonDialog(
            self.tr("Void last sale"),
            prompt,
            reasons,
            ok_text=self.tr("Void the sale"),
            parent=self.window,
        )
        dialog.accepted.connect(lambda: self.void(dialog.reason, sale.receipt_no))
        self._open(dialog)

    def void(self, reason: str, receipt_no: str, approval_id: int | None = None) -> None:
        clerk = self._clerk()
        if clerk is None:
            return
        if approval_id is None and ask_if_needed(
            self.actions,
            self.window,
            Permission.VOID,
            self.tr("Voiding sale {receipt} needs a supervisor.").format(receipt=receipt_no),
            lambda approval: self.void(reason, receipt_no, approval),
            detail={"receipt_no": receipt_no},
            show=self._open,
        ):
            return
        self.counter.worker.submit(
            partial(
                void_last_sale,
                self.counter.database,
                self.counter.till,
                clerk,
                reason=reason,
                approval_id=approval_id,
                payments=self.counter.payments,  # wallet payments go back the way they came
            ),
            on_done=self._voided,
            on_error=self._fail,
        )

    def _voided(self, sale: Sale) -> None:
        back = "、".join(
            f"{words.tender_kind(t.kind.value)} {format_fen(t.amount_fen)}" for t in sale.tenders
        )
        self.sale.banner.show_ok(
            self.tr("Sale {receipt} voided; give back {refunds}").format(
                receipt=sale.receipt_no, refunds=back
            ),
            8000,
        )
        if any(t.kind is TenderKind.CASH for t in sale.tenders):
            self._kick_drawer()

    def _kick_drawer(self) -> None:
        queue = self.counter.context.print_queue
        if queue is not None:
            self.counter.slow_worker.submit(queue.kick_drawer, on_error=self._fail)

    # -- cash in and out -------------------------------------------------------------------------
    def move_cash(self, kind: str) -> None:
        cash_in = kind == "cash_in"
        table = words.CASH_IN_REASONS if cash_in else words.CASH_OUT_REASONS
        dialog = ReasonDialog(
            self.tr("Cash in (float)") if cash_in else self.tr("Cash out"),
            self.tr("Put cash into the drawer: how much, and why?")
            if cash_in
            else self.tr("Take cash out of the drawer: how much, and why?"),
            {code: words.reason(code) for code in table},
            amount=True,
            parent=self.window,
        )
        dialog.accepted.connect(lambda: self.record_cash(kind, dialog.amount_fen, dialog.reason))
        self._open(dialog)
        dialog.field.setFocus()

    def record_cash(
        self, kind: str, amount_fen: int, reason: str, approval_id: int | None = None
    ) -> None:
        clerk = self._clerk()
        if clerk is None:
            return
        if approval_id is None and ask_if_needed(
            self.actions,
            self.window,
            Permission.CASH_IN_OUT,
            self.tr("Moving {amount} of cash needs a supervisor.").format(
                amount=format_fen(amount_fen)
            ),
            lambda approval: self.record_cash(kind, amount_fen, reason, approval),
            detail={"amount_fen": amount_fen, "kind": kind},
            show=self._open,
        ):
            return
        service = shift_service.cash_in if kind == "cash_in" else shift_service.cash_out
        self.counter.worker.submit(
            partial(
                service,
                self.counter.database,
                self.counter.till,
                clerk,
                amount_fen,
                reason,
                approval_id=approval_id,
            ),
            on_done=lambda _id: self._cash_moved(kind, amount_fen),
            on_error=self._fail,
        )

    def _cash_moved(self, kind: str, amount_fen: int) -> None:
        text = (
            self.tr("Cash in of {amount} recorded")
            if kind == "cash_in"
            else self.tr("Cash out of {amount} recorded")
        )
        self.sale.banner.show_ok(text.format(amount=format_fen(amount_fen)))
        self._kick_drawer()
