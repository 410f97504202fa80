"""The sale screen: the cart on the left, totals under it, actions with F-keys on the right.

A scan is caught whatever has focus (see ``ui.scan_filter``) and lands here as ``handle_scan``;
the lookup runs on the database worker and the line appears when it comes back.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain import scan as scan_router
from redhome_pos.domain.cart import Cart, CartError, CartItem, CartLine
from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.members import Member
from redhome_pos.domain.money import format_fen
from redhome_pos.services.promotions import cart_item
from redhome_pos.services.scanning import ScanOutcome
from ui import jobs
from ui.banner import Banner
from ui.buttons import action_button
from ui.cart_table import CartModel, CartTable
from ui.counter import Counter
from ui.errors import describe_error
from ui.promotion_counter import CounterPromotions
from ui.search_overlay import SearchOverlay


class SaleScreen(QWidget):
    """Signals ask the window for other screens and dialogs; the cart is a domain ``Cart``."""

    cart_changed = Signal()
    line_added = Signal(int)  # line_no, once visible in the table
    scan_failed = Signal(str)  # the message shown
    pay_requested = Signal()
    search_requested = Signal()
    return_requested = Signal(str)  # a receipt code or number ("" to ask)
    note_scanned = Signal(object)  # a ScanOutcome with the note's products
    badge_scanned = Signal(object)  # a StaffBadge
    payment_code_scanned = Signal(object)
    shift_needed = Signal()  # something was to be sold with no shift open

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.cart = Cart()
        self.note_id: str | None = None  # a note scanned: next lines are attributed to it
        self.hooks: dict[str, Callable[[], None]] = {}

        self.banner = Banner()
        self.model = CartModel(self)
        self.table = CartTable(self.model)
        self.table.installEventFilter(self)
        self.empty_hint = QLabel(self.tr("Scan the product barcode"), self.table.viewport())
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setStyleSheet("color: #8A8A8A; font-size: 28px;")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_entry = QLineEdit()
        self.code_entry.setPlaceholderText(
            self.tr("Scan, or type a barcode or SKU code and press Enter")
        )
        self.code_entry.returnPressed.connect(self._code_typed)

        self.items_label = QLabel()
        self.subtotal_label = QLabel()
        self.discount_label = QLabel()
        self.due_caption = QLabel(self.tr("Amount due"))
        self.due_caption.setObjectName("muted")
        self.due_label = QLabel()
        self.due_label.setObjectName("amountDue")
        self.due_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note_label = QLabel()
        self.note_label.setObjectName("muted")
        self.member_label = QLabel()
        self.member_label.setObjectName("muted")
        self.promotions = CounterPromotions(counter, self)
        self.promotions.failed.connect(self.fail)

        self.totals = totals = QFrame()
        totals.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(totals)
        grid.setContentsMargins(14, 8, 14, 8)
        grid.addWidget(self.items_label, 0, 0)
        grid.addWidget(self.subtotal_label, 1, 0)
        grid.addWidget(self.discount_label, 2, 0)
        grid.addWidget(self.note_label, 3, 0)
        grid.addWidget(self.member_label, 4, 0)
        grid.addWidget(self.due_caption, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.due_label, 1, 1, 4, 1)
        grid.setColumnStretch(1, 1)

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.banner)
        left.addWidget(self.code_entry)
        left.addWidget(self.table, 1)
        left.addWidget(totals)

        self.buttons: dict[str, Any] = {}
        actions = QGridLayout()
        actions.setSpacing(8)
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("search", self.tr("Search"), "F2", self.open_search),
            ("qty", self.tr("Quantity"), "F3", lambda: self._hook("qty")),
            ("plus", self.tr("Qty +1"), "+", lambda: self.change_quantity(+1)),
            ("minus", self.tr("Qty −1"), "-", lambda: self.change_quantity(-1)),
            ("discount", self.tr("Discount"), "F4", lambda: self._hook("discount")),
            ("price", self.tr("Change price"), "F11", lambda: self._hook("price")),
            ("remove", self.tr("Remove line"), "Del", self.remove_selected),
            ("park", self.tr("Park"), "F5", lambda: self._hook("park")),
            ("recall", self.tr("Recall"), "F6", lambda: self._hook("recall")),
            ("return", self.tr("Return"), "F8", lambda: self.return_requested.emit("")),
            ("note", self.tr("RED note"), "F9", lambda: self._hook("note")),
            ("drawer", self.tr("Open drawer"), "F10", lambda: self._hook("drawer")),
            ("member", self.tr("Member"), "F7", lambda: self._hook("member")),
            ("more", self.tr("More"), "Ctrl+M", lambda: self._hook("more")),
        ]
        for index, (name, title, key, slot) in enumerate(specs):
            shortcut_key = "" if key in {"+", "-"} else key
            button = action_button(self, title, shortcut_key, slot)
            if not shortcut_key:
                button.setText(f"{title}\n{key}")
            self.buttons[name] = button
            actions.addWidget(button, index // 2, index % 2)
        pay = action_button(self, self.tr("Pay"), "F12", self.pay, object_name="pay", height=96)
        self.buttons["pay"] = pay

        right = QVBoxLayout()
        right.setSpacing(10)
        right.addLayout(actions)
        right.addStretch(1)
        right.addWidget(pay)

        self.body = row = QHBoxLayout(self)
        row.setContentsMargins(10, 10, 10, 10)
        row.setSpacing(12)
        row.addLayout(left, 62)
        row.addLayout(right, 38)
        back = QShortcut(QKeySequence("Esc"), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back)
        self.search = SearchOverlay(counter, self)
        self.search.chosen.connect(lambda view: self.add_sku(view))
        self.search.closed.connect(self.activate)
        self.refresh()

    # -- what the window wires in ------------------------------------------------------------
    def set_hook(self, name: str, action: Callable[[], None]) -> None:
        """Dialog-opening actions (quantity, discount, park, recall, note, drawer)."""
        self.hooks[name] = action

    def _hook(self, name: str) -> None:
        action = self.hooks.get(name)
        if action is not None:
            action()

    # -- scans ---------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        try:
            result = scan_router.route(text, self.counter.scan_settings())
        except DomainError as error:
            self.fail(describe_error(error))
            return
        kind = result.kind
        if isinstance(
            result,
            scan_router.ProductBarcode
            | scan_router.SkuCode
            | scan_router.VariableMeasure
            | scan_router.NoteLink
            | scan_router.ShortLink,
        ):
            self._look_up(text)
        elif isinstance(result, scan_router.PaymentCode):
            self.payment_code_scanned.emit(result)
        elif isinstance(result, scan_router.StoreCode):
            if kind is scan_router.ScanKind.RECEIPT_CODE:
                # The code itself, not its number: it proves the receipt is at the counter.
                self.return_requested.emit(scan_router.clean(text))
            elif kind is scan_router.ScanKind.MEMBER_CODE:
                self.promotions.find_member(text, self.set_member)
            elif kind is scan_router.ScanKind.STAFF_BADGE:
                self.badge_scanned.emit(result.code)
            else:
                self.fail(self.tr("This is a parcel or pickup code: use the online orders screen"))
        else:
            self.fail(describe_error(DomainError(result.template, **dict(result.params))))

    def _look_up(self, text: str) -> None:
        self.counter.worker.submit(
            jobs.scan,
            self.counter.database,
            self.counter.scan_settings(),
            text,
            self.counter.short_link_resolver(),
            on_done=self.show_outcome,
            on_error=lambda error: self.fail(describe_error(error)),
        )

    def show_outcome(self, outcome: ScanOutcome) -> None:
        if outcome.sku is not None:
            price = None
            if isinstance(outcome.result, scan_router.VariableMeasure):
                price = outcome.result.price_fen
            gs1 = getattr(outcome.result, "gs1", None)  # a GS1 code names the lot scanned
            lot = gs1.lot if gs1 is not None else None
            expiry = gs1.expiry if gs1 is not None else None
            self.add_sku(outcome.sku, price_fen=price, lot=lot, lot_expiry=expiry)
        elif outcome.note_id is not None:
            self.note_scanned.emit(outcome)
        elif outcome.hint:
            self.fail(describe_error(DomainError(outcome.hint, **outcome.hint_params)))

    def cart_item(self, view: SkuView) -> CartItem:
        return cart_item(view, english=self.counter.language == "en")

    def add_sku(
        self,
        view: SkuView,
        *,
        price_fen: int | None = None,
        note_id: str | None = None,
        lot: str | None = None,
        lot_expiry: date | None = None,
    ) -> None:
        if self.counter.session.shift is None:
            self.fail(self.tr("No shift is open: count the float and open the shift first"))
            self.shift_needed.emit()
            return
        item = self.cart_item(view)
        if price_fen is not None:
            # A scale label carries its own price: the line sells at the label's total.
            item = replace(item, price_fen=price_fen)
        self.promotions.price_from_now(self.cart)
        note = note_id or self.note_id
        if note and note not in self.model.note_times:
            self.model.note_times[note] = self.counter.local_time(datetime.now(UTC))
        try:
            line = self.cart.add(
                item, note_id=note_id or self.note_id, lot=lot, lot_expiry=lot_expiry
            )
        except CartError as error:
            self.fail(describe_error(error))
            return
        self.refresh(line.line_no)
        if view.on_hand <= 0:
            self.banner.show_error(
                self.tr("{title}: the system shows no stock; check the shelf").format(
                    title=item.title
                )
            )
        else:
            self.banner.show_ok(self.tr("{title} added").format(title=item.title), 1500)
        self.line_added.emit(line.line_no)

    def fail(self, message: str) -> None:
        self.banner.show_error(message)
        self.scan_failed.emit(message)

    # -- the cart ------------------------------------------------------------------------------
    def refresh(self, select_line: int | None = None) -> None:
        totals = self.cart.totals()
        self.table.fit_rows(self.model.show_totals(totals))
        count = sum(p.line.quantity for p in totals.lines)
        self.items_label.setText(self.tr("Items: {count}").format(count=count))
        self.subtotal_label.setText(
            self.tr("Subtotal: {amount}").format(amount=format_fen(totals.subtotal_fen))
        )
        self.discount_label.setText(self.promotions.savings_text(totals))
        self.note_label.setText(
            self.tr("Note: {note}").format(note=self.note_id) if self.note_id else ""
        )
        self.member_label.setText(self.promotions.member_text(self.cart.member))
        self.due_label.setText(format_fen(totals.total_fen))
        self.buttons["pay"].setEnabled(not self.cart.is_empty)
        self.empty_hint.setGeometry(self.table.viewport().rect())
        self.empty_hint.setVisible(self.cart.is_empty)
        self.table.select_line(select_line)
        self.cart_changed.emit()

    def selected_line(self) -> CartLine | None:
        line_no = self.table.selected_line_no()
        if line_no is None:
            return None
        try:
            return self.cart.line(line_no)
        except CartError:
            return None

    def change_quantity(self, delta: int) -> None:
        line = self.selected_line()
        if line is None:
            return
        self.set_quantity(line.line_no, line.quantity + delta)

    def set_quantity(self, line_no: int, quantity: int) -> None:
        try:
            if quantity < 1:
                self.cart.remove(line_no)
                self.refresh()
                return
            self.cart.set_quantity(line_no, quantity)
        except CartError as error:
            self.fail(describe_error(error))
            return
        self.refresh(line_no)

    def remove_selected(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        self.cart.remove(line.line_no)
        self.refresh()

    def new_sale(self) -> None:
        self.cart = Cart()
        self.note_id = None
        self.model.note_times.clear()
        self.banner.hide()  # the last sale's messages are not the next customer's
        self.refresh()

    def load_cart(self, cart: Cart) -> None:
        self.cart = cart
        self.promotions.price_from_now(cart)
        self.refresh()

    def set_member(self, member: Member | None) -> None:
        """The sale is for ``member`` (None: for no member): member prices and points apply."""
        self.cart.set_member(member)
        self.refresh()
        if member is not None:
            self.banner.show_ok(self.promotions.member_text(member), 2500)

    def reprice(self) -> None:
        """Checkout found the promotions changed: price the sale with the rules read now."""
        self.promotions.reprice(self.cart, self._repriced)

    def _repriced(self) -> None:
        self.refresh()
        self.fail(self.promotions.repriced_text(self.cart.totals()))

    def pay(self) -> None:
        if not self.cart.is_empty:
            self.pay_requested.emit()

    def open_search(self) -> None:
        self.search.open_overlay()
        self.search_requested.emit()

    def _code_typed(self) -> None:
        text = self.code_entry.text().strip()
        self.code_entry.clear()
        if text:
            self.handle_scan(text)
        self.activate()

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.empty_hint.setGeometry(self.table.viewport().rect())
        if self.search.isVisible():
            self.search.setGeometry(self.cart_area())

    def cart_area(self) -> QRect:
        """Where the search lies: over the cart and its totals, the actions stay in view."""
        top = self.contentsMargins().top() + self.body.contentsMargins().top()
        bottom_right = self.totals.geometry().bottomRight()
        return QRect(QPoint(self.table.x(), top), bottom_right)

    def back(self) -> None:
        if self.search.isVisible():
            self.search.close_overlay()
        elif self.banner.isVisible():
            self.banner.hide()
        elif self.note_id:
            self.note_id = None
            self.refresh()

    def activate(self) -> None:
        self.table.setFocus()

    # + and - change the quantity of the selected line; the table would eat them otherwise.
    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            if event.text() == "+":
                self.change_quantity(+1)
                return True
            if event.text() == "-":
                self.change_quantity(-1)
                return True
        return super().eventFilter(watched, event)
