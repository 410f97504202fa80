"""Taking payment: cash with quick notes and change, card, WeChat Pay / Alipay by scanning the
customer's payment code, split tenders with the remainder. Enter completes; after the sale is
written the receipt goes to the print queue, the drawer opens, and Enter starts the next sale.

A payment code is charged only through the store's provider; a counter without one says so and
never marks anything paid. Money taken on a separate terminal (bank card, or WeChat Pay /
Alipay on a terminal or static QR) is its own tender kind, confirmed with the reference the
terminal printed (typed, or scanned from the slip)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain import scan as scan_router
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen, parse_fen
from redhome_pos.domain.payments import WalletProvider
from redhome_pos.domain.points import POINT_VALUE_FEN
from redhome_pos.domain.promotions import PromotionsChangedError
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.staff import StaffSession
from redhome_pos.domain.tender import (
    EXTERNAL_TERMINAL,
    QUICK_CASH_NOTES_FEN,
    Tender,
    TenderKind,
    amount_due,
    clean_reference,
)
from redhome_pos.services.checkout import checkout
from redhome_pos.services.payments import PROVIDER_OF, ProgressCallback, WalletPayment
from ui.counter import Counter
from ui.dialogs.wallet_charge import ChargeRelay, WalletChargePanel
from ui.errors import describe_error
from ui.receipts import print_sale


def wallet_of(code: scan_router.PaymentCode) -> TenderKind:
    """The wallet a scanned payment code belongs to."""
    if code.wallet is scan_router.ScanKind.WECHAT_PAY:
        return TenderKind.WECHAT
    return TenderKind.ALIPAY


class WalletCharge(Protocol):
    """Charges ``wallet`` for what ``tenders`` leave and writes the sale once the provider
    confirms the payment (``Payments.checkout`` of a cart; an exchange's own)."""

    def __call__(
        self,
        tenders: tuple[Tender, ...],
        wallet: WalletPayment,
        *,
        on_progress: ProgressCallback,
        cancel: threading.Event,
    ) -> Sale: ...


def no_provider_text(kind: TenderKind) -> str:
    """What the clerk is told when a payment code is scanned at a counter without the
    wallet's provider: the code is not charged and nothing is paid."""
    if kind is TenderKind.WECHAT:
        return QCoreApplication.translate(
            "Payments", "This counter is not connected to WeChat Pay: use the payment terminal"
        )
    return QCoreApplication.translate(
        "Payments", "This counter is not connected to Alipay: use the payment terminal"
    )


class TenderDialog(QDialog):
    sale_completed = Signal(object)  # Sale
    promotions_changed = Signal()  # checkout found the rules changed: the cart is priced again

    def __init__(
        self,
        counter: Counter,
        staff: StaffSession,
        cart: Cart,
        parent: QWidget | None = None,
        *,
        credit_fen: int = 0,
        complete: Callable[[tuple[Tender, ...]], Sale] | None = None,
        charge: WalletCharge | None = None,
    ) -> None:
        """``credit_fen`` is already paid (an exchange's refund); ``complete`` writes the sale
        on the worker (default: ``checkout`` of the cart); ``charge`` charges a payment code
        for the rest and writes the sale once the provider confirms it, on the payment worker
        (default: ``Payments.checkout`` of the cart; an exchange passes its own, or none)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment"))
        self.counter = counter
        self.staff = staff
        self.cart = cart
        self.credit_fen = credit_fen
        self._complete = complete or partial(checkout, counter.database, counter.till, staff, cart)
        self.exchange = complete is not None
        self._charge = charge
        self.total_fen = max(0, cart.totals().total_fen - credit_fen)
        self.tenders: list[Tender] = []
        self.sale: Sale | None = None
        self.waiting_wallet: TenderKind | None = None
        self.reference_kind: TenderKind | None = None  # a terminal payment awaiting its reference
        self.charging: threading.Event | None = None  # set: Cancel asked for (a charge under way)
        self._busy = False
        self.relay = ChargeRelay(self)
        self.charge_panel = WalletChargePanel()
        self.charge_panel.cancel_requested.connect(self.cancel_charge)
        self.relay.progress.connect(self.charge_panel.show_progress)

        due_caption = QLabel(self.tr("Amount due"))
        due_caption.setObjectName("muted")
        self.due = QLabel(format_fen(self.total_fen))
        self.due.setObjectName("amountDue")
        self.remaining = QLabel()
        self.credit = QLabel(
            self.tr("Exchange: the {amount} returned counts towards this sale").format(
                amount=format_fen(credit_fen)
            )
        )
        self.credit.setObjectName("muted")
        self.credit.setVisible(credit_fen > 0)
        self.remaining.setStyleSheet("font-size: 22px;")
        self.change_caption = QLabel(self.tr("Change"))
        self.change_caption.setObjectName("muted")
        self.change = QLabel()
        self.change.setObjectName("change")
        self.list = QListWidget()
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setMinimumHeight(96)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("banner")
        self.message.hide()

        self.cash_field = QLineEdit()
        self.cash_field.setPlaceholderText(self.tr("Cash given, e.g. 200"))
        self.cash_field.setMinimumHeight(52)
        self.cash_field.setStyleSheet("font-size: 24px;")
        self.reference_field = QLineEdit()
        self.reference_field.setPlaceholderText(self.tr("Reference on the terminal's slip"))
        self.reference_field.setMinimumHeight(52)
        self.reference_field.setStyleSheet("font-size: 24px;")
        self.reference_field.hide()

        notes = QGridLayout()
        notes.setSpacing(8)
        self.quick: dict[str, QPushButton] = {}
        for index, note_fen in enumerate(QUICK_CASH_NOTES_FEN):
            button = self._button(format_fen(note_fen, sign=True).replace(".00", ""), "quickNote")
            button.clicked.connect(lambda *_, n=note_fen: self.add_cash(n))
            notes.addWidget(button, 0, index)
            self.quick[str(note_fen)] = button
        exact = self._button(self.tr("Exact"), "quickNote")
        exact.clicked.connect(self.add_exact_cash)
        notes.addWidget(exact, 0, len(QUICK_CASH_NOTES_FEN))
        self.quick["exact"] = exact

        others = QHBoxLayout()
        self.wechat_button = self._button(self.tr("WeChat Pay"), "quickNote")
        self.wechat_button.clicked.connect(lambda: self.wait_for_wallet(TenderKind.WECHAT))
        self.alipay_button = self._button(self.tr("Alipay"), "quickNote")
        self.alipay_button.clicked.connect(lambda: self.wait_for_wallet(TenderKind.ALIPAY))
        self.points_button = self._button(self.tr("Pay with points"), "quickNote")
        self.points_button.clicked.connect(self.add_points)
        self.points_button.setVisible(cart.member is not None)
        self.undo_button = self._button(self.tr("Remove last"), "quickNote")
        self.undo_button.clicked.connect(self.remove_last)
        for button in (
            self.wechat_button,
            self.alipay_button,
            self.points_button,
            self.undo_button,
        ):
            others.addWidget(button)

        # Money taken on a device of its own: the clerk confirms it with the terminal's reference.
        terminal = QHBoxLayout()
        terminal_caption = QLabel(self.tr("On the terminal:"))
        terminal_caption.setObjectName("muted")
        terminal.addWidget(terminal_caption)
        self.card_button = self._button(self.tr("Card"), "quickNote")
        self.card_button.clicked.connect(lambda: self.ask_reference(TenderKind.CARD))
        self.external_buttons = {
            TenderKind.EXTERNAL_WECHAT: self._button(self.tr("WeChat"), "quickNote"),
            TenderKind.EXTERNAL_ALIPAY: self._button(self.tr("Alipay"), "quickNote"),
        }
        for kind, button in self.external_buttons.items():
            button.clicked.connect(lambda *_, k=kind: self.ask_reference(k))
            button.setVisible(counter.context.external_terminal)
            terminal.addWidget(button, 1)
        terminal.addWidget(self.card_button, 1)

        self.complete_button = self._button(self.tr("Complete sale (Enter)"), "complete")
        self.complete_button.setMinimumHeight(72)
        self.complete_button.clicked.connect(self.enter_pressed)
        self.cancel_button = self._button(self.tr("Back to the cart (Esc)"), "")
        self.cancel_button.clicked.connect(self.reject)

        top = QGridLayout()
        top.addWidget(due_caption, 0, 0)
        top.addWidget(self.change_caption, 0, 1, Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.due, 1, 0)
        top.addWidget(self.change, 1, 1, Qt.AlignmentFlag.AlignRight)
        top.addWidget(self.remaining, 2, 0, 1, 2)
        top.addWidget(self.credit, 3, 0, 1, 2)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.charge_panel)
        layout.addWidget(self.message)
        # What the clerk pays with; hidden while a wallet charge waits for the provider.
        self.inputs = QWidget()
        inputs = QVBoxLayout(self.inputs)
        inputs.setContentsMargins(0, 0, 0, 0)
        inputs.setSpacing(10)
        inputs.addWidget(self.cash_field)
        inputs.addWidget(self.reference_field)
        inputs.addLayout(notes)
        inputs.addLayout(others)
        inputs.addLayout(terminal)
        layout.addWidget(self.inputs)
        bottom = QHBoxLayout()
        bottom.addWidget(self.cancel_button, 1)
        bottom.addWidget(self.complete_button, 2)
        layout.addLayout(bottom)
        self.setMinimumWidth(720)
        self.show_state()
        self.cash_field.setFocus()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        if name:
            button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setMinimumHeight(56)
        button.setAutoDefault(False)
        return button

    # -- tenders --------------------------------------------------------------------------------
    @property
    def due_fen(self) -> int:
        return amount_due(self.total_fen, self.tenders)

    @property
    def change_fen(self) -> int:
        return max(0, sum(t.amount_fen for t in self.tenders) - self.total_fen)

    def add_cash(self, given_fen: int) -> None:
        self._add(Tender.cash(given_fen))

    def add_exact_cash(self) -> None:
        if self.due_fen:
            self._add(Tender.cash(self.due_fen))

    def add_card(self, reference: str = "") -> None:
        """The remainder by card, with the slip's reference (needed when the store says so)."""
        self.add_terminal(TenderKind.CARD, reference)

    @property
    def points_left_fen(self) -> int:
        """What the member's points can still pay (100 points = ￥1)."""
        member = self.cart.member
        if member is None:
            return 0
        used = sum(t.amount_fen for t in self.tenders if t.kind is TenderKind.POINTS)
        return max(0, member.points_balance * POINT_VALUE_FEN - used)

    def add_points(self) -> None:
        """The member's points pay what is left, as far as they go."""
        if self.cart.member is None:
            self._say(self.tr("Points pay only for a member: find the member first (F7)"))
            return
        amount = min(self.due_fen, self.points_left_fen)
        if amount <= 0:
            self._say(self.tr("The member has no points to pay with"))
            return
        self._add(Tender(TenderKind.POINTS, amount))

    def add_terminal(self, kind: TenderKind, reference: str) -> None:
        """The remainder taken on a terminal, confirmed with the reference it printed."""
        if not self.due_fen or kind not in EXTERNAL_TERMINAL:
            return
        needed = kind is not TenderKind.CARD or self.counter.context.card_reference_required
        if reference.strip() or needed:
            try:
                reference = clean_reference(reference)
            except DomainError as error:
                self._say(describe_error(error))
                return
        self._add(Tender(kind, self.due_fen, reference=reference))

    def terminal_name(self, kind: TenderKind) -> str:
        return {
            TenderKind.CARD: self.tr("Card"),
            TenderKind.EXTERNAL_WECHAT: self.tr("WeChat Pay on the terminal"),
            TenderKind.EXTERNAL_ALIPAY: self.tr("Alipay on the terminal"),
        }[kind]

    def ask_reference(self, kind: TenderKind) -> None:
        """Take the remainder on the terminal, then type or scan the reference it printed."""
        if not self.due_fen or self.sale is not None:
            return
        self.reference_kind = kind
        self.waiting_wallet = None
        optional = kind is TenderKind.CARD and not self.counter.context.card_reference_required
        if optional:
            text = self.tr(
                "{method}: take {amount} on the terminal, then enter the slip's reference "
                "(or press Enter without one)"
            )
        else:
            text = self.tr(
                "{method}: take {amount} on the terminal, then type or scan the reference "
                "printed on its slip and press Enter"
            )
        self._say(
            text.format(method=self.terminal_name(kind), amount=format_fen(self.due_fen)),
            error=False,
        )
        self.reference_field.clear()
        self.cash_field.hide()  # the reference takes the cash field's place
        self.reference_field.show()
        self.reference_field.setFocus()

    def _confirm_reference(self, text: str) -> None:
        kind = self.reference_kind
        if kind is None:
            return
        due = self.due_fen
        self.add_terminal(kind, text)
        if self.due_fen != due:
            self._end_reference()

    def _scanned_reference(self, text: str) -> None:
        """A slip's reference scanned (a slip's barcode is no product: no check digit asked)."""
        try:
            is_code = isinstance(
                scan_router.route(text, self.counter.scan_settings()), scan_router.PaymentCode
            )
        except DomainError:
            is_code = False
        if is_code:
            self._say(
                self.tr(
                    "This is the customer's payment code, not the terminal's reference: "
                    "scan the reference on the terminal's slip"
                )
            )
            return
        self._confirm_reference(scan_router.clean(text))

    def _end_reference(self) -> None:
        self.reference_kind = None
        self.reference_field.clear()
        self.reference_field.hide()
        self.cash_field.show()
        self.cash_field.setFocus()

    def wait_for_wallet(self, kind: TenderKind) -> None:
        """The WeChat Pay / Alipay button: the customer's code is scanned next (a counter not
        connected to the wallet's provider says so)."""
        if not self.due_fen or self.charging is not None:
            return
        if not self.counter.wallet_ready(kind):
            self._say(no_provider_text(kind))
            return
        self._end_reference()
        self.waiting_wallet = kind
        name = self.charge_panel.wallet_name(kind)
        self._say(
            self.tr("Scan the customer's {wallet} payment code for {amount}").format(
                wallet=name, amount=format_fen(self.due_fen)
            ),
            error=False,
        )

    def handle_scan(self, text: str) -> None:
        """A scan while paying: the customer's WeChat Pay / Alipay code pays the remainder."""
        if self.sale is not None:
            return
        if self.charging is not None:
            self._say(self.tr("A payment is under way: wait for it, or cancel it first"))
            return
        if self.reference_kind is not None:
            self._scanned_reference(text)
            return
        try:
            result = scan_router.route(text, self.counter.scan_settings())
        except DomainError as error:
            self._say(describe_error(error))
            return
        if not isinstance(result, scan_router.PaymentCode):
            self._say(self.tr("While paying, scan only the customer's payment code"))
            return
        kind = wallet_of(result)
        if not self.counter.wallet_ready(kind):
            self._say(no_provider_text(kind))  # never paid without the provider
            return
        self.charge_wallet(kind, result.code)

    # -- a wallet charge through the provider ---------------------------------------------------
    def charge_wallet(self, kind: TenderKind, code: str) -> None:
        """The remainder charged to the customer's code; the sale is written once the provider
        confirms the payment (``Payments.checkout``, on the payment worker)."""
        payments = self.counter.payments
        if self.charging is not None:
            self._say(self.tr("A payment is under way: wait for it, or cancel it first"))
            return
        if payments is None or self._busy or self.sale is not None:
            return
        if self.exchange and self._charge is None:
            self._say(
                self.tr("An exchange's difference is paid in cash, by card or on the terminal")
            )
            return
        amount = self.due_fen
        if not amount:
            self._say(self.tr("Nothing is left to pay"))
            return
        cancel = threading.Event()
        self.charging = cancel
        self.waiting_wallet = None
        self._end_reference()
        self.message.hide()
        wallet = WalletPayment(WalletProvider(PROVIDER_OF[kind].value), code, amount)
        charge = self._charge or partial(payments.checkout, self.staff, self.cart)
        job = partial(
            charge,
            tuple(self.tenders),
            wallet,
            on_progress=self.relay.progress.emit,
            cancel=cancel,
        )
        self._enable_inputs(False)  # first: the panel takes the inputs' room, never more
        self.charge_panel.start(kind, amount)
        self.counter.payment_worker.submit(job, on_done=self._charged, on_error=self._charge_failed)

    def cancel_charge(self) -> None:
        """Cancel: the service reverses the order with the provider (paid or not)."""
        if self.charging is not None and not self.charging.is_set():
            self.charging.set()
            self.charge_panel.cancelling()

    def _charged(self, sale: Sale) -> None:
        self.charging = None
        self.charge_panel.stop()
        self._enable_inputs(True)
        self.tenders = [Tender(t.kind, t.tendered_fen, t.reference) for t in sale.tenders]
        self._completed(sale)

    def _charge_failed(self, error: object) -> None:
        self.charging = None
        self.charge_panel.stop()
        self._enable_inputs(True)
        self._failed(error)  # refused before the charge (or after: paid, without a sale)

    def _enable_inputs(self, enabled: bool) -> None:
        for widget in (
            self.cash_field,
            *self.quick.values(),
            self.wechat_button,
            self.alipay_button,
            self.points_button,
            self.undo_button,
            self.card_button,
            *self.external_buttons.values(),
            self.cancel_button,
        ):
            widget.setEnabled(enabled)
        self.inputs.setVisible(enabled)
        if enabled:
            self.show_state()
        else:
            self.complete_button.setEnabled(False)

    def _add(self, tender: Tender) -> None:
        if self.sale is not None:
            return
        if tender.kind is not TenderKind.CASH and tender.amount_fen > self.due_fen:
            self._say(self.tr("Card and wallet payments cannot be more than what is left"))
            return
        self.tenders.append(tender)
        self.waiting_wallet = None
        self._end_reference()
        self.message.hide()
        self.show_state()

    def remove_last(self) -> None:
        if self.tenders and self.sale is None:
            self.tenders.pop()
            self.show_state()

    def _label(self, tender: Tender) -> str:
        names = {
            TenderKind.CASH: self.tr("Cash"),
            TenderKind.WECHAT: self.tr("WeChat Pay"),
            TenderKind.ALIPAY: self.tr("Alipay"),
            TenderKind.POINTS: self.tr("Points"),
        }
        name = names.get(tender.kind) or self.terminal_name(tender.kind)
        reference = (
            self.tr("transaction {reference}")
            if tender.kind in (TenderKind.WECHAT, TenderKind.ALIPAY)
            else self.tr("ref. {reference}")
        )
        extra = "  " + reference.format(reference=tender.reference) if tender.reference else ""
        if tender.kind is TenderKind.POINTS:
            extra = "  " + self.tr("{points} points").format(
                points=tender.amount_fen // POINT_VALUE_FEN
            )
        return f"{name}  {format_fen(tender.amount_fen)}{extra}"

    def show_state(self) -> None:
        self.list.clear()
        for tender in self.tenders:
            self.list.addItem(self._label(tender))
        due = self.due_fen
        if due:
            self.remaining.setText(self.tr("Still to pay: {amount}").format(amount=format_fen(due)))
        else:
            self.remaining.setText(self.tr("Paid in full"))
        change = self.change_fen
        self.change.setText(format_fen(change))
        self.change.setVisible(change > 0 or self.sale is not None)
        self.change_caption.setVisible(change > 0 or self.sale is not None)
        self.complete_button.setEnabled(due == 0 or bool(self.cash_field.text().strip()))
        for button in (self.card_button, self.wechat_button, self.alipay_button):
            button.setEnabled(due > 0 and self.sale is None)
        self.points_button.setEnabled(due > 0 and self.sale is None and self.points_left_fen > 0)
        for button in self.external_buttons.values():
            button.setEnabled(due > 0 and self.sale is None)
        self.fit_to_window()

    # -- completing -----------------------------------------------------------------------------
    def enter_pressed(self) -> None:
        if self.sale is not None:
            self.accept()  # the next customer
            return
        if self.charging is not None:
            return  # the provider decides; Esc cancels
        if self.reference_kind is not None:
            self._confirm_reference(self.reference_field.text())
            return
        typed = self.cash_field.text().strip()
        if typed:
            try:
                given = parse_fen(typed, allow_zero=False)
            except DomainError as error:
                self._say(describe_error(error))
                return
            self.cash_field.clear()
            self.add_cash(given)
            if self.due_fen:
                return
        if self.due_fen:
            if not self.tenders:
                self.add_exact_cash()  # Enter on an untouched dialog: exact cash
            else:
                self._say(self.tr("Still to pay: {amount}").format(amount=format_fen(self.due_fen)))
                return
        self.complete()

    def complete(self) -> None:
        if self._busy or self.sale is not None:
            return
        self._busy = True
        self.complete_button.setEnabled(False)
        job = partial(self._complete, tuple(self.tenders))
        self.counter.worker.submit(job, on_done=self._completed, on_error=self._failed)

    def _completed(self, sale: Sale) -> None:
        self._busy = False
        self.sale = sale
        print_sale(
            self.counter, sale, open_drawer=any(t.kind is TenderKind.CASH for t in sale.tenders)
        )
        self.cash_field.setEnabled(False)
        for button in self.quick.values():
            button.setEnabled(False)
        self.undo_button.setEnabled(False)
        self.cancel_button.setEnabled(False)
        self.complete_button.setText(self.tr("Next customer (Enter)"))
        self.complete_button.setEnabled(True)
        self._say(
            self.tr("Sale {receipt} complete. The receipt is printing.").format(
                receipt=sale.receipt_no
            ),
            error=False,
        )
        self.show_state()
        self.change.setText(format_fen(sale.change_fen))
        self.sale_completed.emit(sale)

    def _failed(self, error: object) -> None:
        self._busy = False
        if isinstance(error, PromotionsChangedError) and not self.exchange:  # price it again
            self.promotions_changed.emit()
            self.reject()
            return
        self._say(describe_error(error))
        self.show_state()

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setObjectName("banner" if error else "bannerOk")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()
        self.fit_to_window()

    # Enter is a key press, not a shortcut: a shortcut would see a scanner's closing Enter before
    # the scan filter does and pay in cash while the payment code was still arriving.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit_to_window()

    def fit_to_window(self) -> None:
        """Half the counter's width and most of its height on a large screen (the notes and
        the amounts grow with it); never smaller than its contents, never past the window."""
        parent = self.parentWidget()
        if parent is None or not self.isVisible():
            return
        window = parent.window().size()
        hint = self.minimumSizeHint()
        width = min(
            max(self.minimumWidth(), hint.width(), round(window.width() * 0.5)),
            window.width() - 40,
        )
        # A wrapped message needs the height it takes at this width, which the plain minimum
        # does not count: without it the rows below would be drawn over one another.
        layout = self.layout()
        needed = 0
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(width)
        height = max(hint.height(), needed, round(window.height() * 0.8))
        self.resize(width, min(height, window.height() - 40))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.enter_pressed()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.charging is not None:  # Esc (or closing) while charging cancels the charge
            self.cancel_charge()
            return
        if self.sale is not None:
            self.accept()
            return
        if self.reference_kind is not None:  # Esc leaves the reference, not the payment
            self._end_reference()
            self.message.hide()
            return
        super().reject()
