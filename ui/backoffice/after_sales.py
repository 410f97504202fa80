"""Returns, exchanges and refunds of online orders (after-sales), as the sync pulls them.

A refund before shipment shows which pick it stopped. When a customer's returned goods reach
the store, the clerk chooses the after-sale, scans each item and books them back into stock;
the sync engine then confirms the receipt to the online store.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.money import format_fen
from redhome_pos.persistence.database import Database
from sync.after_sales import AfterSaleView, after_sales_view, receive_return, ship_exchange
from sync.connector import AfterSaleKind, AfterSaleState, ExpressCompany
from sync.express import cached_couriers
from ui.backoffice import order_jobs
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter as CounterContext
from ui.errors import describe_error

REFRESH_MS = 60_000


def load(database: Database) -> tuple[list[AfterSaleView], list[ExpressCompany]]:
    return after_sales_view(database), cached_couriers(database)


class AfterSalesScreen(QWidget):
    loaded = Signal()
    scanned = Signal(int)  # units scanned so far
    received = Signal(str)  # returns id
    exchange_sent = Signal(str)  # returns id
    failed = Signal(str)

    def __init__(self, counter: CounterContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.views: list[AfterSaleView] = []
        self.selected: str | None = None
        self.scans: Counter[int] = Counter()

        title = QLabel(self.tr("Online returns and refunds"))
        title.setObjectName("title")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.refresh_button)

        self.table = make_table(
            [self.tr("Order"), self.tr("Kind"), self.tr("Status"), self.tr("Refund")], stretch=-1
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.detail = QLabel(self.tr("Choose a return to receive its goods"))
        self.detail.setWordWrap(True)
        self.lines = make_table([self.tr("Item"), self.tr("Returned"), self.tr("Scanned")])
        self.banner = Banner()
        self.receive_button = QPushButton(self.tr("Book returned goods into stock"))
        self.receive_button.setObjectName("complete")
        self.receive_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.receive_button.clicked.connect(self.receive)

        # An exchange whose goods came back: its replacement leaves with a courier.
        self.exchange_line = QLabel()
        self.exchange_line.setWordWrap(True)
        self.express_no = QLineEdit()
        self.express_no.setPlaceholderText(self.tr("Express number"))
        self.company = QComboBox()
        self.company.setPlaceholderText(self.tr("Courier"))
        self.send_button = QPushButton(self.tr("Send the exchange"))
        self.send_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.send_button.clicked.connect(self.send_exchange)
        exchange = QHBoxLayout()
        exchange.addWidget(self.express_no, 1)
        exchange.addWidget(self.company, 1)
        exchange.addWidget(self.send_button)

        detail = QVBoxLayout()
        detail.addWidget(self.detail)
        detail.addWidget(self.lines, 1)
        detail.addWidget(self.banner)
        detail.addWidget(self.receive_button)
        detail.addWidget(self.exchange_line)
        detail.addLayout(exchange)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(detail, 2)
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addLayout(body, 1)
        self._show_detail()

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)

    # -- words ----------------------------------------------------------------------------------
    def kind_words(self, kind: AfterSaleKind) -> str:
        return {
            AfterSaleKind.RETURN: self.tr("Return"),
            AfterSaleKind.EXCHANGE: self.tr("Exchange"),
            AfterSaleKind.REFUND_AFTER_SHIPMENT: self.tr("Refund only"),
            AfterSaleKind.REFUND_BEFORE_SHIPMENT: self.tr("Cancel (refund)"),
        }.get(kind, self.tr("Other"))

    def state_words(self, view: AfterSaleView) -> str:
        if view.stored.received_at is not None:
            if view.stored.confirm_state == "confirmed":
                return self.tr("Received, confirmed online")
            if view.stored.confirm_error:
                return self.tr("Received; refused online: {reason}").format(
                    reason=view.stored.confirm_error
                )
            return self.tr("Received, telling the online store")
        return {
            AfterSaleState.AWAITING_REVIEW: self.tr("Awaiting review"),
            AfterSaleState.AWAITING_BUYER_PARCEL: self.tr("Buyer to send back"),
            AfterSaleState.AWAITING_RECEIPT: self.tr("Coming back: receive"),
            AfterSaleState.DONE: self.tr("Done"),
            AfterSaleState.CANCELLED: self.tr("Withdrawn"),
            AfterSaleState.CLOSED: self.tr("Closed"),
            AfterSaleState.REFUSED: self.tr("Refused"),
            AfterSaleState.RECEIPT_REFUSED: self.tr("Receipt refused"),
            AfterSaleState.EXCHANGE_AWAITING_SHIPMENT: self.tr("Exchange: to send"),
            AfterSaleState.EXCHANGE_SHIPPED: self.tr("Exchange sent"),
            AfterSaleState.PLATFORM_INVOLVED: self.tr("The platform is involved"),
        }.get(view.state, self.tr("Unknown"))

    # -- the list -------------------------------------------------------------------------------
    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.counter.worker.submit(
            partial(load, self.counter.database),
            on_done=self._loaded,
            on_error=self._fail,
        )

    def _loaded(self, loaded: tuple[list[AfterSaleView], list[ExpressCompany]]) -> None:
        views, couriers = loaded
        self.views = views
        if [self.company.itemData(i) for i in range(self.company.count())] != [
            c.code for c in couriers
        ]:
            self.company.clear()
            for courier in couriers:
                self.company.addItem(courier.name or courier.code, courier.code)
            self.company.setCurrentIndex(-1)
        self.table.blockSignals(True)
        fill(
            self.table,
            [
                (v.stored.order_id, self.kind_words(v.kind), self.state_words(v),
                 format_fen(v.stored.refund_fen))
                for v in views
            ],
        )  # fmt: skip
        self.table.blockSignals(False)
        ids = [v.stored.returns_id for v in views]
        if self.selected in ids:
            self.table.selectRow(ids.index(self.selected))
        else:
            receivable = [v.stored.returns_id for v in views if v.receivable]
            self.selected = None
            if receivable:
                self.select(receivable[0])
        self._show_detail()
        self.loaded.emit()

    def select(self, returns_id: str) -> None:
        ids = [v.stored.returns_id for v in self.views]
        if returns_id in ids:
            if returns_id != self.selected:
                self.scans.clear()
            self.selected = returns_id
            self.table.selectRow(ids.index(returns_id))
            self._show_detail()

    def _selection_changed(self) -> None:
        index = self.table.currentRow()
        if 0 <= index < len(self.views):
            self.select(self.views[index].stored.returns_id)

    def current(self) -> AfterSaleView | None:
        return next((v for v in self.views if v.stored.returns_id == self.selected), None)

    def _expected(self, view: AfterSaleView) -> Counter[int]:
        return Counter({line.sku_id: line.quantity for line in view.lines if line.sku_id})

    def _show_detail(self) -> None:
        view = self.current()
        sending = view is not None and view.exchange_to_send
        for widget in (self.exchange_line, self.express_no, self.company, self.send_button):
            widget.setVisible(sending)
        if view is not None and sending:
            self.exchange_line.setText(
                self.tr("Send instead: {items}").format(
                    items=", ".join(
                        f"{line.title} ×{line.quantity}" for line in view.exchange_lines
                    )
                )
            )
        if view is None:
            self.detail.setText(self.tr("Choose a return to receive its goods"))
            fill(self.lines, [])
            self.receive_button.setEnabled(False)
            return
        text = self.tr("After-sale {returns} of order {order}: {kind}").format(
            returns=view.stored.returns_id, order=view.stored.order_id,
            kind=self.kind_words(view.kind),
        )  # fmt: skip
        if view.stored.reason:
            text += " · " + view.stored.reason
        self.detail.setText(text)
        fill(
            self.lines,
            [(line.title, line.quantity, self.scans.get(line.sku_id or -1, 0))
             for line in view.lines],
        )  # fmt: skip
        self.receive_button.setEnabled(
            view.receivable and bool(view.lines) and self.scans == self._expected(view)
        )

    # -- receiving returned goods ---------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        view = self.current()
        if view is None or not view.receivable:
            self._fail(self.tr("Choose a return whose goods are on their way back first"))
            return
        self.counter.worker.submit(
            partial(order_jobs.sku_of_scan, self.counter.database,
                    self.counter.scan_settings(), text),
            on_done=self._scanned,
            on_error=self._fail,
        )  # fmt: skip

    def _scanned(self, sku_id: int) -> None:
        view = self.current()
        if view is None:
            return
        expected = self._expected(view)
        if self.scans[sku_id] >= expected.get(sku_id, 0):
            self._fail(self.tr("This item is not in the return, or all of it is scanned"))
            return
        self.scans[sku_id] += 1
        left = sum(expected.values()) - sum(self.scans.values())
        if left:
            self.banner.show_ok(self.tr("{left} more to scan").format(left=left))
        else:
            self.banner.show_ok(self.tr("All returned items scanned: book them into stock"))
        self._show_detail()
        self.scanned.emit(sum(self.scans.values()))

    def receive(self) -> None:
        view = self.current()
        if view is None:
            return
        units = list(self.scans.elements())
        counter = self.counter
        staff = counter.session.acting(self._fail)
        if staff is None:
            return
        self.counter.worker.submit(
            partial(receive_return, counter.database, view.stored.returns_id, units,
                    terminal_id=counter.context.terminal_id, staff=staff),
            on_done=lambda stored: self._received(stored.returns_id),
            on_error=self._fail,
        )  # fmt: skip

    def _received(self, returns_id: str) -> None:
        self.scans.clear()
        self.banner.show_ok(self.tr("Returned goods are back in stock; the online store is told"))
        self.received.emit(returns_id)
        self.refresh()

    def send_exchange(self) -> None:
        view = self.current()
        if view is None:
            return
        returns_id = view.stored.returns_id
        counter = self.counter
        staff = counter.session.acting(self._fail)
        if staff is None:
            return
        self.counter.worker.submit(
            partial(ship_exchange, counter.database, returns_id, self.express_no.text(),
                    str(self.company.currentData() or ""),
                    terminal_id=counter.context.terminal_id, staff=staff),
            on_done=lambda _none: self._exchange_sent(returns_id),
            on_error=self._fail,
        )  # fmt: skip

    def _exchange_sent(self, returns_id: str) -> None:
        self.express_no.clear()
        self.banner.show_ok(self.tr("The exchange has left the store; the online store is told"))
        self.exchange_sent.emit(returns_id)
        self.refresh()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
