"""客显: the customer-facing display on a second monitor — the lines as they are scanned, what
promotions and discounts saved, the total; "请出示付款码" while paying; the change given and a
thank-you with the receipt's QR code once paid.

It follows the sale screen and the tender dialog through their signals and never takes focus
(scans and keys stay with the clerk's window). ``[store] customer_display`` says when it shows:
``auto`` (on a second screen when one is connected), ``on`` or ``off``.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.cart import CartTotals
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.signed_codes import sign_receipt_code
from ui.counter import Counter
from ui.theme import GREY, INK, OK_GREEN, RED

STYLE = f"""
QWidget#customerDisplay {{ background: white; }}
QLabel#cdWelcome {{ font-size: 56px; color: {INK}; }}
QLabel#cdStore {{ font-size: 28px; color: {GREY}; }}
QLabel#cdTotal {{ font-size: 64px; font-weight: bold; color: {INK}; }}
QLabel#cdCaption {{ font-size: 22px; color: {GREY}; }}
QLabel#cdSaving {{ font-size: 26px; color: {OK_GREEN}; }}
QLabel#cdBig {{ font-size: 52px; font-weight: bold; color: {INK}; }}
QLabel#cdChange {{ font-size: 60px; font-weight: bold; color: {OK_GREEN}; }}
QFrame#cdBrand {{ background: {RED}; min-height: 10px; max-height: 10px; }}
QTableWidget {{ font-size: 22px; border: none; }}
"""


def qr_pixmap(text: str, size: int) -> QPixmap:
    import qrcode  # loaded when a sale is paid, not at start-up

    buffer = io.BytesIO()
    qrcode.make(text, box_size=8, border=2).save(buffer)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap.scaled(
        size,
        size,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class CustomerDisplay(QWidget):
    WELCOME, CART, PAYING, THANKS = range(4)

    def __init__(self, counter: Counter, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.counter = counter
        self.setObjectName("customerDisplay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle(self.tr("Customer display"))
        self.setStyleSheet(STYLE)
        self.state = self.WELCOME
        self._cart: Callable[[], CartTotals] | None = None  # changed since last shown
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.catch_up)

        welcome = QWidget()
        column = QVBoxLayout(welcome)
        column.addStretch(1)
        hello = QLabel(self.tr("Welcome"))
        hello.setObjectName("cdWelcome")
        store = QLabel(store_name)
        store.setObjectName("cdStore")
        for label in (hello, store):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch(1)

        cart = QWidget()
        self.lines = QTableWidget(0, 3)
        self.lines.verticalHeader().hide()
        self.lines.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Qty"), self.tr("Amount")]
        )
        self.lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lines.setShowGrid(False)
        self.lines.setWordWrap(True)
        header = self.lines.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.items = QLabel()
        self.items.setObjectName("cdCaption")
        self.saving = QLabel()
        self.saving.setObjectName("cdSaving")
        total_caption = QLabel(self.tr("Total"))
        total_caption.setObjectName("cdCaption")
        self.total = QLabel()
        self.total.setObjectName("cdTotal")
        side = QVBoxLayout()
        side.addStretch(1)
        for label in (self.items, self.saving, total_caption, self.total):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            side.addWidget(label)
        row = QHBoxLayout(cart)
        row.addWidget(self.lines, 62)
        row.addLayout(side, 38)

        paying = QWidget()
        column = QVBoxLayout(paying)
        self.ask = QLabel(self.tr("Please show your payment code"))
        self.ask.setObjectName("cdBig")
        self.due_caption = QLabel(self.tr("To pay"))
        self.due_caption.setObjectName("cdCaption")
        self.due = QLabel()
        self.due.setObjectName("cdTotal")
        column.addStretch(1)
        for label in (self.ask, self.due_caption, self.due):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch(1)

        thanks = QWidget()
        row = QHBoxLayout(thanks)
        words = QVBoxLayout()
        self.change_caption = QLabel(self.tr("Your change"))
        self.change_caption.setObjectName("cdCaption")
        self.change = QLabel()
        self.change.setObjectName("cdChange")
        self.paid = QLabel()
        self.paid.setObjectName("cdCaption")
        self.thank_you = QLabel(self.tr("Thank you, see you again"))
        self.thank_you.setObjectName("cdBig")
        self.thank_you.setWordWrap(True)
        words.addStretch(1)
        for label in (self.thank_you, self.paid, self.change_caption, self.change):
            words.addWidget(label)
        words.addStretch(1)
        qr_column = QVBoxLayout()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr_hint = QLabel(self.tr("Your receipt: keep it for returns"))
        qr_hint.setObjectName("cdCaption")
        qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        qr_column.addStretch(1)
        qr_column.addWidget(self.qr)
        qr_column.addWidget(qr_hint)
        qr_column.addStretch(1)
        row.addLayout(words, 3)
        row.addLayout(qr_column, 2)

        self.pages = QStackedWidget()
        for page in (welcome, cart, paying, thanks):
            self.pages.addWidget(page)
        brand = QFrame()
        brand.setObjectName("cdBrand")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(brand)
        inner = QVBoxLayout()
        inner.setContentsMargins(32, 24, 32, 24)
        inner.addWidget(self.pages)
        layout.addLayout(inner, 1)

    def _page(self, state: int) -> None:
        self.state = state
        self.pages.setCurrentIndex(state)

    # -- what the counter tells it ---------------------------------------------------------------
    def follow(self, totals: Callable[[], CartTotals]) -> None:
        """The cart changed (``totals`` works it out). Shown once the clerk's screen has been
        drawn, once for a burst of changes, and only while the display is on a screen: a till
        with one screen does none of this work, and a display shown later catches up."""
        self._cart = totals
        if self.isVisible():
            self._later.start()

    def catch_up(self) -> None:
        """Shows the cart as it is now when it changed since it was last shown."""
        if self._cart is not None:
            self.show_cart(self._cart())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.catch_up()

    def _settled(self) -> None:
        """What is shown now is newer than any cart change waiting to be shown."""
        self._later.stop()
        self._cart = None

    def show_cart(self, totals: CartTotals) -> None:
        """The lines as scanned; an empty cart keeps the thank-you up until the next scan."""
        self._settled()
        if not totals.lines:
            if self.state != self.THANKS:
                self._page(self.WELCOME)
            return
        self.lines.setRowCount(len(totals.lines))
        for row, priced in enumerate(totals.lines):
            line = priced.line
            title = f"{line.title}\n{line.variant}" if line.variant else line.title
            price = f"{line.quantity} × {format_fen(line.unit_price_fen)}"
            amount = format_fen(priced.amount_fen)
            if priced.saving_fen:
                amount += "\n" + self.tr("saved {amount}").format(
                    amount=format_fen(priced.saving_fen)
                )
            for column, text in enumerate((title, price, amount)):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.lines.setItem(row, column, item)
        self.lines.resizeRowsToContents()
        self.lines.scrollToBottom()
        count = sum(p.line.quantity for p in totals.lines)
        self.items.setText(self.tr("%n item(s)", "", count))
        self.saving.setText(
            self.tr("You save {amount}").format(amount=format_fen(totals.saving_fen))
            if totals.saving_fen
            else ""
        )
        self.total.setText(format_fen(totals.total_fen))
        self._page(self.CART)

    def show_paying(self, due_fen: int) -> None:
        self._settled()
        self.due.setText(format_fen(due_fen))
        self._page(self.PAYING)

    def show_thanks(self, sale: Sale) -> None:
        self._settled()
        self.paid.setText(self.tr("Paid {amount}").format(amount=format_fen(sale.paid_fen)))
        self.change.setText(format_fen(sale.change_fen))
        self.change.setVisible(sale.change_fen > 0)
        self.change_caption.setVisible(sale.change_fen > 0)
        context = self.counter.context
        code = sign_receipt_code(context.code_secret, context.store_code, sale.receipt_no)
        self.qr.setPixmap(qr_pixmap(code, max(160, min(self.height() // 2, 360))))
        self._page(self.THANKS)

    # -- where it shows ---------------------------------------------------------------------------
    def place(self, mode: str) -> bool:
        """Shown full screen on the second screen (``auto``/``on``), in a window with one screen
        (``on`` only); True when shown."""
        screens = QGuiApplication.screens()
        if mode == "off" or (mode == "auto" and len(screens) < 2):
            return False
        if len(screens) >= 2:
            second = screens[1]
            self.setScreen(second)
            self.setGeometry(second.geometry())
            self.showFullScreen()
        else:
            self.resize(1024, 600)
            self.show()
        return True


def attach_customer_display(shell: Any, window: QWidget) -> CustomerDisplay:
    """Builds the display beside ``window`` (it goes with it) and has it follow the sale."""
    display = CustomerDisplay(shell.counter, shell.context.store_name, parent=window)
    sale = shell.sale
    sale.cart_changed.connect(lambda: display.follow(sale.cart.totals))
    shell.actions.tender_opened.connect(lambda dialog: _follow_payment(display, dialog, sale))
    store = getattr(shell.context.config, "store", None)
    display.place(getattr(store, "customer_display", "auto"))
    return display


def _follow_payment(display: CustomerDisplay, dialog: Any, sale: Any) -> None:
    display.show_paying(dialog.total_fen)
    dialog.sale_completed.connect(display.show_thanks)
    dialog.rejected.connect(lambda: display.show_cart(sale.cart.totals()))
