"""Inventory: a product's stock and movement history (scan it or type its code), adjustments
with a reason, and receiving a delivery by scanning each unit, then posting it."""

from __future__ import annotations

from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from printers.lot_labels import MAX_COPIES, LotLabelsQueued, queue_delivery_lot_labels
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.staff import Permission
from redhome_pos.domain.stock import MovementKind
from redhome_pos.services.receiving import ReceivedLot, ReceivingLine, ReceivingPosted
from ui.approval_flow import ask_if_needed
from ui.backoffice import inventory_jobs
from ui.backoffice.expiring import ExpiringPanel
from ui.backoffice.inventory_jobs import DeliveryState, ProductDetail
from ui.backoffice.tables import TAB_STYLE, fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.dialogs.approval import ApprovalDialog
from ui.errors import describe_error

REASONS = ("damaged", "lost", "found", "expired", "other")


class InventoryScreen(QWidget):
    product_shown = Signal(object)  # ProductDetail
    received = Signal(list)  # ReceivingLine list
    delivery_posted = Signal(object)  # ReceivingPosted
    labels_queued = Signal(object)  # LotLabelsQueued
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.product: ProductDetail | None = None
        self.receiving_id: int | None = None
        self.labelled_id: int | None = None  # the delivery just posted, when it had lots
        self.delivery: list[ReceivingLine] = []
        self.dialog: ApprovalDialog | None = None
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet(TAB_STYLE)
        self.tabs.addTab(self._product_tab(), self.tr("Product and stock"))
        self.tabs.addTab(self._receiving_tab(), self.tr("Receive a delivery"))
        self.expiring = ExpiringPanel(counter)
        self.expiring.failed.connect(self._fail)
        self.tabs.addTab(self.expiring, self.tr("Expiring soon"))
        self.tabs.currentChanged.connect(
            lambda index: (
                self.expiring.refresh() if self.tabs.widget(index) is self.expiring else None
            )
        )
        self.banner = Banner()
        column = QVBoxLayout(self)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.banner)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.expiring:
            self.expiring.refresh()

    # -- building -------------------------------------------------------------------------------
    def _product_tab(self) -> QWidget:
        page = QWidget()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan a product or type its code, then Enter"))
        self.code.returnPressed.connect(lambda: self.look_up(self.code.text()))
        self.title = QLabel(self.tr("No product chosen"))
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.movements = make_table(
            [
                self.tr("Time"),
                self.tr("Movement"),
                self.tr("Quantity"),
                self.tr("Reason"),
                self.tr("Terminal"),
            ],
            stretch=3,
        )
        self.quantity = QLineEdit()
        self.quantity.setValidator(QIntValidator(-100_000, 100_000, self))
        self.quantity.setPlaceholderText(self.tr("Units, e.g. -2"))
        self.reason = QComboBox()
        self.reason.setMinimumHeight(44)
        for reason in REASONS:
            self.reason.addItem(self.reason_words(reason), reason)
        self.adjust_button = QPushButton(self.tr("Adjust stock"))
        self.adjust_button.clicked.connect(self.adjust)
        self.adjust_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout()
        row.addWidget(self.quantity, 1)
        row.addWidget(self.reason, 1)
        row.addWidget(self.adjust_button, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(self.code)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        layout.addWidget(self.movements, 1)
        layout.addLayout(row)
        return page

    def _receiving_tab(self) -> QWidget:
        page = QWidget()
        self.reference = QLineEdit()
        self.reference.setPlaceholderText(self.tr("Delivery note number"))
        self.supplier = QLineEdit()
        self.supplier.setPlaceholderText(self.tr("Supplier"))
        self.start_button = QPushButton(self.tr("Start receiving"))
        self.start_button.clicked.connect(self.start_delivery)
        self.delivery_state = QLabel(self.tr("Start receiving, then scan each unit"))
        self.delivery_state.setObjectName("muted")
        # Lot-tracked goods: a carton's GS1 label carries its lot and date; otherwise they
        # are typed here before scanning the units of that lot.
        self.lot_field = QLineEdit()
        self.lot_field.setPlaceholderText(self.tr("Lot, if the label has no GS1 code"))
        self.expiry_field = QLineEdit()
        self.expiry_field.setPlaceholderText(self.tr("Expiry date, e.g. 2027-01-31"))
        for field in (self.lot_field, self.expiry_field):
            field.setMinimumHeight(40)
        self.delivery_lots: list[ReceivedLot] = []
        self.delivery_names: dict[int, tuple[str, str]] = {}  # sku id: title, variant
        self.delivery_table = make_table(
            [
                self.tr("Code"),
                self.tr("Product"),
                self.tr("Variant"),
                self.tr("Expected"),
                self.tr("Received"),
                self.tr("Difference"),
                self.tr("Lots"),
                self.tr("Remark"),
            ],
            stretch=1,
        )
        self.post_button = QPushButton(self.tr("Book into stock"))
        self.post_button.setObjectName("complete")
        self.post_button.clicked.connect(lambda *_: self.post_delivery())
        # After posting: a shelf/carton label for each lot received (批号, 有效期至, GS1-128).
        self.label_copies = QSpinBox()
        self.label_copies.setRange(1, MAX_COPIES)
        self.label_copies.setPrefix(self.tr("Copies of each: "))
        self.label_copies.setMinimumHeight(44)
        self.label_matrix = QCheckBox(self.tr("GS1 DataMatrix (small labels)"))
        self.labels_button = QPushButton(self.tr("Print lot labels"))
        self.labels_button.clicked.connect(self.print_lot_labels)
        for button in (self.start_button, self.post_button, self.labels_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        grid = QGridLayout()
        grid.addWidget(self.reference, 0, 0)
        grid.addWidget(self.supplier, 0, 1)
        grid.addWidget(self.start_button, 0, 2)
        grid.addWidget(self.lot_field, 1, 0)
        grid.addWidget(self.expiry_field, 1, 1)
        for number in range(3):
            grid.setColumnStretch(number, 1)
        layout = QVBoxLayout(page)
        layout.addLayout(grid)
        layout.addWidget(self.delivery_state)
        layout.addWidget(self.delivery_table, 1)
        layout.addWidget(self.post_button)
        labels = QHBoxLayout()
        labels.addWidget(self.label_copies, 1)
        labels.addWidget(self.label_matrix, 1)
        labels.addWidget(self.labels_button, 2)
        layout.addLayout(labels)
        self._update_delivery()
        return page

    # -- words ----------------------------------------------------------------------------------
    def reason_words(self, reason: str) -> str:
        return {
            "damaged": self.tr("Damaged"),
            "lost": self.tr("Lost"),
            "found": self.tr("Found"),
            "expired": self.tr("Expired"),
            "other": self.tr("Other"),
        }.get(reason, reason)

    def remark_words(self, note: str) -> str:
        return {
            "not on the note": self.tr("Not on the delivery note"),
            "unknown code": self.tr("Unknown code"),
        }.get(note, note)

    def kind_words(self, kind: MovementKind) -> str:
        return {
            MovementKind.RECEIVE: self.tr("Received"),
            MovementKind.SALE: self.tr("Sold"),
            MovementKind.RETURN: self.tr("Returned"),
            MovementKind.ADJUST: self.tr("Adjusted"),
            MovementKind.COUNT: self.tr("Counted"),
            MovementKind.ONLINE_FULFILMENT: self.tr("Online order"),
            MovementKind.TRANSFER_IN: self.tr("Transfer in"),
            MovementKind.TRANSFER_OUT: self.tr("Transfer out"),
            MovementKind.OPENING: self.tr("Opening stock"),
        }.get(kind, str(kind))

    # -- product --------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        if self.tabs.currentIndex() == 1:
            self.receive(text)
        else:
            self.look_up(text)

    def look_up(self, text: str) -> None:
        if not text.strip():
            return
        self.counter.worker.submit(
            partial(inventory_jobs.find, self.counter.database, self.counter.scan_settings(), text),
            on_done=self._show_product,
            on_error=self._fail,
        )

    def _show_product(self, product: ProductDetail) -> None:
        self.product = product
        sku = product.sku
        self.code.clear()
        self.title.setText(f"{sku.title_zh} {sku.variant_text}".strip())
        self.facts.setText(
            self.tr("{code} · {brand} · {category} · price {price} · on hand {on_hand}").format(
                code=sku.code,
                brand=sku.brand,
                category=sku.category,
                price=format_fen(sku.price_fen),
                on_hand=sku.on_hand,
            )
        )
        zone = ZoneInfo(self.counter.context.timezone)
        fill(
            self.movements,
            [
                (
                    m.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
                    self.kind_words(m.kind),
                    m.quantity,
                    m.reason,
                    m.terminal_id,
                )
                for m in product.movements
            ],
        )
        self.product_shown.emit(product)

    def adjust(self) -> None:
        clerk = self.counter.session.clerk
        if clerk is None or self.product is None:
            self._fail(self.tr("Scan the product to adjust first"))
            return
        if not self.quantity.text() or int(self.quantity.text()) == 0:
            self._fail(self.tr("Enter the units to add (or, with a minus, to take off)"))
            return
        quantity = int(self.quantity.text())
        reason = self.reason_words(self.reason.currentData())
        self.counter.worker.submit(
            partial(
                inventory_jobs.adjust,
                self.counter.database,
                self.counter.till,
                clerk,
                self.product.sku.sku_id,
                quantity,
                reason,
            ),
            on_done=self._adjusted,
            on_error=self._fail,
        )

    def _adjusted(self, product: ProductDetail) -> None:
        self.quantity.clear()
        self.banner.show_ok(
            self.tr("Stock adjusted: on hand {on_hand}").format(on_hand=product.sku.on_hand)
        )
        self._show_product(product)

    # -- receiving ------------------------------------------------------------------------------
    def start_delivery(self) -> None:
        clerk = self.counter.session.clerk
        if clerk is None:
            return
        self.counter.worker.submit(
            partial(
                inventory_jobs.start_delivery,
                self.counter.database,
                self.counter.till,
                clerk,
                self.reference.text().strip(),
                self.supplier.text().strip(),
            ),
            on_done=self._started,
            on_error=self._fail,
        )

    def _started(self, receiving_id: int) -> None:
        self.receiving_id = receiving_id
        self.delivery = []
        self.delivery_lots = []
        self._update_delivery()

    def receive(self, text: str) -> None:
        clerk = self.counter.session.clerk
        if self.receiving_id is None or clerk is None:
            self._fail(self.tr("Start receiving first"))
            return
        self.counter.worker.submit(
            partial(
                inventory_jobs.receive_scan,
                self.counter.database,
                self.counter.till,
                clerk,
                self.receiving_id,
                text,
                self.lot_field.text(),
                self.expiry_field.text(),
            ),
            on_done=self._received,
            on_error=self._fail,
        )

    def _received(self, state: DeliveryState) -> None:
        self.delivery_lots = state.lots
        self.delivery_names.update(state.names)
        self.delivery = state.lines
        self._update_delivery()
        self.received.emit(state.lines)

    def _lots_text(self, line_no: int) -> str:
        return ", ".join(
            f"{lot.lot_code}×{lot.received}"
            + (f" ({lot.expiry.isoformat()})" if lot.expiry is not None else "")
            for lot in self.delivery_lots
            if lot.line_no == line_no
        )

    def _update_delivery(self) -> None:
        fill(
            self.delivery_table,
            [
                (
                    line.code,
                    *self.delivery_names.get(line.sku_id or 0, ("", "")),
                    line.expected,
                    line.received,
                    line.difference,
                    self._lots_text(line.line_no),
                    self.remark_words(line.note),
                )
                for line in self.delivery
            ],
        )
        if self.receiving_id is not None:
            units = sum(line.received for line in self.delivery)
            self.delivery_state.setText(
                self.tr("Delivery #{id} · units scanned: {units}").format(
                    id=self.receiving_id, units=units
                )
            )
        self.post_button.setEnabled(self.receiving_id is not None and bool(self.delivery))
        self.labels_button.setEnabled(self.labelled_id is not None)
        self.label_copies.setEnabled(self.labelled_id is not None)
        self.label_matrix.setEnabled(self.labelled_id is not None)

    def post_delivery(self, approval_id: int | None = None) -> None:
        clerk = self.counter.session.clerk
        if clerk is None or self.receiving_id is None:
            return
        if approval_id is None and ask_if_needed(
            self,
            self,
            Permission.RECEIVE_STOCK,
            self.tr("Booking a delivery into stock needs a manager's approval."),
            self.post_delivery,
            detail={"receiving_id": self.receiving_id},
        ):
            return
        self.counter.worker.submit(
            partial(
                inventory_jobs.post_delivery,
                self.counter.database,
                self.counter.till,
                clerk,
                self.receiving_id,
                approval_id,
            ),
            on_done=self._posted,
            on_error=self._fail,
        )

    def _posted(self, posted: ReceivingPosted) -> None:
        self.banner.show_ok(
            self.tr(
                "Units booked into stock: {units}; lines that differ from the delivery note: "
                "{problems}"
            ).format(units=posted.units, problems=posted.discrepancies)
        )
        self.labelled_id = posted.receiving_id if self.delivery_lots else None
        self.receiving_id = None
        self.delivery = []
        self.delivery_lots = []
        self.lot_field.clear()
        self.expiry_field.clear()
        self.delivery_state.setText(self.tr("Start receiving, then scan each unit"))
        self._update_delivery()
        self.delivery_posted.emit(posted)

    def print_lot_labels(self) -> None:
        clerk = self.counter.session.clerk
        queue = self.counter.context.print_queue
        if clerk is None or self.labelled_id is None:
            return
        if queue is None:
            self._fail(self.tr("No printer is set up: lot labels cannot be printed"))
            return
        self.counter.slow_worker.submit(
            partial(
                queue_delivery_lot_labels,
                self.counter.database,
                queue,
                clerk,
                self.labelled_id,
                copies=self.label_copies.value(),
                symbology="GS1-DATAMATRIX" if self.label_matrix.isChecked() else "GS1-128",
            ),
            on_done=self._labels_queued,
            on_error=self._fail,
        )

    def _labels_queued(self, queued: LotLabelsQueued) -> None:
        self.banner.show_ok(
            self.tr("Lot labels sent to printer {printer}: {lots} lot(s) × {copies}").format(
                lots=len(queued.job_ids), printer=queued.printer, copies=queued.copies
            )
        )
        self.labels_queued.emit(queued)

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
