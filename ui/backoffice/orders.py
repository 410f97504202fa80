"""Online orders this store fulfils: pick by scanning, pack, print the parcel label (with its
preview), ship with an express number or hand over against the customer's pickup code.

A shipped order may leave in several parcels: what is picked so far is packed as a part
("Pack these, the rest later"), labelled and shipped with its own courier and number; the
rest is picked and shipped later. A wrong number is corrected on the parcel chosen.

A new online order announces itself (a beep and a banner) when the list is read again.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from printers.templates.data import StoreHeader
from redhome_pos.domain import signed_codes
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.staff import Permission
from redhome_pos.persistence.repositories.sync import Delivery
from sync.connector import OrderStatus
from ui.backoffice import order_jobs
from ui.backoffice.order_jobs import OrderRow, OrdersSnapshot
from ui.backoffice.picking import PickList, PickOutcome
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error

REFRESH_MS = 30_000


class OrdersScreen(QWidget):
    loaded = Signal()
    new_orders = Signal(list)  # order ids
    picked = Signal(str)  # order id
    label_queued = Signal(int)  # print job id
    delivered = Signal(str)  # order id
    corrected = Signal(str)  # order id: its express number was corrected
    failed = Signal(str)  # the message shown
    open_count = Signal(int)  # orders still to fulfil (the navigation shows it)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.snapshot: OrdersSnapshot | None = None
        self.pick_lists: dict[str, PickList] = {}
        self.known: set[str] | None = None
        self.selected: str | None = None
        self.preview_png: bytes = b""

        title = QLabel(self.tr("Online orders to fulfil"))
        title.setObjectName("title")
        self.sync_line = QLabel()
        self.sync_line.setObjectName("muted")
        self.sync_line.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refresh_button.clicked.connect(self.refresh)
        self.show_all = QPushButton(self.tr("Show finished too"))
        self.show_all.setCheckable(True)
        self.show_all.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.show_all.toggled.connect(lambda _on: self._show_list())
        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.show_all)
        head.addWidget(self.refresh_button)

        self.orders = make_table(
            [
                self.tr("Order"),
                self.tr("Time"),
                self.tr("Customer"),
                self.tr("Amount"),
                self.tr("Status"),
            ],
            stretch=-1,
        )
        self.orders.horizontalHeader().setStretchLastSection(True)
        self.orders.setWordWrap(True)
        # The state takes the room left and wraps (rows follow the widths as the window lays
        # out) rather than being cut.
        self.orders.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.orders.horizontalHeader().sectionResized.connect(
            lambda *_: self.orders.resizeRowsToContents()
        )
        self.orders.itemSelectionChanged.connect(self._selection_changed)

        self.order_title = QLabel(self.tr("Choose an order, then scan each item"))
        self.order_title.setWordWrap(True)
        self.receiver = QLabel()
        self.receiver.setObjectName("muted")
        self.receiver.setWordWrap(True)
        self.lines = make_table(
            [self.tr("Item"), self.tr("Ordered"), self.tr("Sent"), self.tr("Picked")]
        )
        self.parcels_line = QLabel()
        self.parcels_line.setObjectName("muted")
        self.parcels_line.setWordWrap(True)
        self.banner = Banner()
        self.pack_button = QPushButton(self.tr("Packed"))
        self.pack_button.clicked.connect(self.pack)
        self.pack_part_button = QPushButton(self.tr("Pack these, the rest later"))
        self.pack_part_button.clicked.connect(self.pack_part)
        # Which shipped parcel a corrected express number is for.
        self.parcel_choice = QComboBox()
        self.parcel_choice.setMinimumContentsLength(8)
        self.parcel_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.label_button = QPushButton(self.tr("Print parcel label"))
        self.label_button.clicked.connect(self.print_label)
        self.express_no = QLineEdit()
        self.express_no.setPlaceholderText(self.tr("Express number"))
        # The couriers come from the online store's own list (read by the sync engine).
        self.company = QComboBox()
        self.company.setPlaceholderText(self.tr("Courier"))
        self.company.setMinimumContentsLength(10)
        self.phone_button = QPushButton(self.tr("Show the phone (manager)"))
        self.phone_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.phone_button.clicked.connect(self.show_phone)
        self.correct_button = QPushButton(self.tr("Correct express number"))
        self.correct_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.correct_button.clicked.connect(self.correct_express)
        self.ship_button = QPushButton(self.tr("Ship"))
        self.ship_button.setObjectName("complete")
        self.ship_button.clicked.connect(self.ship)
        self.pickup_hint = QLabel(self.tr("Pickup: scan the code on the customer's phone"))
        self.pickup_hint.setObjectName("muted")
        self.pickup_hint.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setFixedWidth(230)
        self.preview.hide()  # shown with the first label
        for button in (
            self.pack_button, self.pack_part_button, self.label_button, self.ship_button
        ):  # fmt: skip
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        actions = QGridLayout()
        actions.addWidget(self.pack_button, 0, 0)
        actions.addWidget(self.label_button, 0, 1)
        actions.addWidget(self.pack_part_button, 1, 0, 1, 2)
        actions.addWidget(self.express_no, 2, 0)
        actions.addWidget(self.company, 2, 1)
        actions.addWidget(self.ship_button, 3, 0, 1, 2)
        actions.addWidget(self.parcel_choice, 4, 0)
        actions.addWidget(self.correct_button, 4, 1)
        actions.addWidget(self.pickup_hint, 5, 0, 1, 2)

        detail = QVBoxLayout()
        detail.addWidget(self.order_title)
        receiver_row = QHBoxLayout()
        receiver_row.addWidget(self.receiver, 1)
        receiver_row.addWidget(self.phone_button)
        detail.addLayout(receiver_row)
        detail.addWidget(self.lines, 1)
        detail.addWidget(self.parcels_line)
        detail.addWidget(self.banner)
        detail.addLayout(actions)

        body = QHBoxLayout()
        body.addWidget(self.orders, 5)  # room for when, who, how much and the state
        body.addLayout(detail, 4)
        body.addWidget(self.preview, 0)

        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(self.sync_line)
        column.addLayout(body, 1)
        self._update_actions()

        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)

    # -- the list -------------------------------------------------------------------------------
    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.counter.worker.submit(
            partial(order_jobs.load_orders, self.counter.database),
            on_done=self._loaded,
            on_error=self._fail,
        )

    def _loaded(self, snapshot: OrdersSnapshot) -> None:
        self.snapshot = snapshot
        open_ids = {row.order.order_id for row in snapshot.rows if row.open}
        if self.known is not None:
            fresh = sorted(open_ids - self.known)
            if fresh:
                QApplication.beep()
                self.banner.show_ok(
                    self.tr("New online order: {orders}").format(orders=", ".join(fresh)),
                    timeout_ms=15_000,
                )
                self.new_orders.emit(fresh)
        self.known = (self.known or set()) | open_ids
        self.open_count.emit(len(open_ids))
        self.sync_line.setText(self._sync_words(snapshot))
        self._fill_couriers(snapshot)
        self._show_list()
        self.loaded.emit()

    def _fill_couriers(self, snapshot: OrdersSnapshot) -> None:
        chosen = self.company.currentData()
        codes = [self.company.itemData(i) for i in range(self.company.count())]
        if codes == [c.code for c in snapshot.couriers]:
            return
        self.company.clear()
        for courier in snapshot.couriers:
            self.company.addItem(courier.name or courier.code, courier.code)
        index = self.company.findData(chosen)
        self.company.setCurrentIndex(index)  # -1: none chosen yet

    def _sync_words(self, snapshot: OrdersSnapshot) -> str:
        sync = snapshot.sync
        if sync.online is None:
            state = self.tr("The online store has not been reached yet")
        elif sync.online:
            state = self.tr("Online store connected")
        else:
            state = self.tr("Online store not reachable: {error}").format(error=sync.last_error)
        waiting = self.tr("%n delivery(s) waiting to be sent", "", sync.deliveries_waiting)
        return f"{state} · {waiting}"

    def visible_rows(self) -> list[OrderRow]:
        if self.snapshot is None:
            return []
        rows = list(self.snapshot.rows)
        if not self.show_all.isChecked():
            rows = [row for row in rows if row.open]
        return rows

    def _show_list(self) -> None:
        rows = self.visible_rows()
        self.orders.blockSignals(True)
        fill(
            self.orders,
            [
                (
                    row.order.order_id,
                    self.placed_words(row.order.online_created_at),
                    row.order.receiver_name_masked or "-",
                    format_fen(row.order.paid_fen),
                    f"{self.kind_words(row.order.fulfilment)} · {self.status_words(row)}",
                )
                for row in rows
            ],
            right=(3,),
        )
        self.orders.resizeRowsToContents()  # a long status wraps instead of being cut
        self.orders.blockSignals(False)
        ids = [row.order.order_id for row in rows]
        if self.selected in ids:
            self.orders.selectRow(ids.index(self.selected))
        elif ids:
            self.select(ids[0])
        else:
            self.selected = None
        self._show_detail()

    def placed_words(self, at: datetime) -> str:
        """When an order was placed, on the store's clock: the time alone for today's."""
        today = self.counter.local_time(at, "%Y-%m-%d") == self.counter.till.today().isoformat()
        return self.counter.local_time(at, "%H:%M" if today else "%m-%d %H:%M")

    def kind_words(self, fulfilment: str) -> str:
        return self.tr("Pickup") if fulfilment == "pickup" else self.tr("Ship")

    def status_words(self, row: OrderRow) -> str:
        if row.delivery is not None and row.open and not row.stopped:
            return self.tr("Part shipped · units still to send: {left}").format(
                left=row.units_to_send
            )
        if row.delivery is not None:
            return self.delivery_words(row.delivery)
        status = OrderStatus(row.order.status)
        if status.is_void:
            return self.tr("Cancelled")
        if status.is_delivered:
            return self.tr("Delivered")
        if row.stopped:
            return self.tr("Buyer asked to cancel: stop picking")
        pick = self.pick_lists.get(row.order.order_id)
        if pick is not None and pick.packed:
            return self.tr("Packed")
        if pick is not None and pick.complete:
            return self.tr("Picked")
        if pick is not None and pick.picked:
            return self.tr("Picking")
        return self.tr("To pick")

    def delivery_words(self, delivery: Delivery) -> str:
        if delivery.state == "confirmed":
            return self.tr("Delivered")
        if delivery.state == "void":
            return self.tr("Cancelled after hand-over")
        if delivery.last_error:
            return self.tr("Refused online: {reason}").format(reason=delivery.last_error)
        return self.tr("Handed over, telling the online store")

    def select(self, order_id: str) -> None:
        ids = [row.order.order_id for row in self.visible_rows()]
        if order_id in ids:
            self._forget_preview(order_id)
            self.selected = order_id
            self.orders.selectRow(ids.index(order_id))
            self._show_detail()

    def _selection_changed(self) -> None:
        rows = self.visible_rows()
        index = self.orders.currentRow()
        if 0 <= index < len(rows):
            self._forget_preview(rows[index].order.order_id)
            self.selected = rows[index].order.order_id
            self._show_detail()

    def _forget_preview(self, order_id: str) -> None:
        """Another order is chosen: the label shown was not its own."""
        if order_id != self.selected:
            self.preview.clear()
            self.preview.hide()

    def current(self) -> OrderRow | None:
        if self.snapshot is None or self.selected is None:
            return None
        return next((r for r in self.snapshot.rows if r.order.order_id == self.selected), None)

    def pick_list(self) -> PickList | None:
        row = self.current()
        if row is None:
            return None
        pick = self.pick_lists.setdefault(row.order.order_id, PickList(row.order))
        left = row.left_store
        if pick.shipped != left:  # a parcel left since: the next one starts empty
            pick.parcel_left(left)
        return pick

    def _show_detail(self) -> None:
        row = self.current()
        pick = self.pick_list()
        if row is None or pick is None:
            self.order_title.setText(self.tr("No online orders to fulfil"))
            self.receiver.clear()
            fill(self.lines, [])
            self.parcels_line.hide()
            self.parcel_choice.clear()
            self._update_actions()
            return
        order = row.order
        self.order_title.setText(
            self.tr("Order {order} · {kind} · paid {paid}").format(
                order=order.order_id,
                kind=self.kind_words(order.fulfilment),
                paid=format_fen(order.paid_fen),
            )
        )
        if row.stopped:
            self.receiver.setText(
                self.tr(
                    "The buyer asked to cancel this order: stop picking, put the items back, "
                    "do not hand it over or ship it"
                )
            )
        elif order.fulfilment == "pickup":  # the person who comes for it: 提货人
            self.receiver.setText(
                self.tr("Picked up by {receiver}").format(receiver=order.receiver_masked or "-")
            )
        else:
            self.receiver.setText(
                self.tr("For {receiver}").format(receiver=order.receiver_masked or "-")
            )
        variants = self.snapshot.variants if self.snapshot is not None else {}
        sent = row.left_store
        fill(
            self.lines,
            [
                (
                    " · ".join(
                        part
                        for part in (line.title or line.red_sku_id, variants.get(line.sku_id or 0))
                        if part
                    ),
                    line.quantity,
                    sent.get(line.line_no, 0),
                    pick.picked_of(line.line_no),
                )
                for line in order.lines
            ],
        )  # fmt: skip
        self._show_parcels(row)
        self._update_actions()

    def _show_parcels(self, row: OrderRow) -> None:
        """The parcels that left, and the choice of the one a correction is for."""
        couriers = {c.code: c.name for c in (self.snapshot.couriers if self.snapshot else ())}
        words = [
            self.tr("Parcel {n}: {courier} {number} (units: {units}, {state})").format(
                n=parcel.parcel_no,
                courier=couriers.get(parcel.company_code, parcel.company_code),
                number=parcel.express_no,
                units=parcel.units,
                state=self.delivery_words(parcel),
            )
            for parcel in row.shipped_parcels
        ]
        self.parcels_line.setText("\n".join(words))
        self.parcels_line.setVisible(bool(words))
        chosen = self.parcel_choice.currentData()
        self.parcel_choice.clear()
        for parcel in row.shipped_parcels:
            self.parcel_choice.addItem(
                self.tr("Parcel {n}").format(n=parcel.parcel_no),
                parcel.parcel_no,
            )  # fmt: skip
        index = self.parcel_choice.findData(chosen)
        self.parcel_choice.setCurrentIndex(index if index >= 0 else 0)

    def _update_actions(self) -> None:
        row = self.current()
        pick = self.pick_list()
        open_ = row is not None and row.open and not row.stopped
        complete = pick is not None and pick.complete
        ship = row is not None and row.order.fulfilment != "pickup"
        # A shipped order may leave in parts: what is picked is packed, the rest comes later.
        part = ship and pick is not None and pick.packed and bool(pick.parcel) and not complete
        ready = open_ and (complete or part)
        self.pack_button.setEnabled(open_ and complete)
        self.pack_part_button.setVisible(row is None or ship)
        self.pack_part_button.setEnabled(
            open_ and ship and pick is not None and bool(pick.parcel) and not complete
        )
        self.label_button.setEnabled(ready)
        shipped = row is not None and bool(row.shipped_parcels)
        for widget in (self.express_no, self.company, self.ship_button):
            widget.setEnabled((ready and ship) or (widget is self.express_no and shipped))
            widget.setVisible(row is None or ship)
        self.correct_button.setVisible(shipped)
        self.correct_button.setEnabled(shipped)
        self.parcel_choice.setVisible(shipped)
        clerk = self.counter.session.clerk
        self.phone_button.setVisible(
            row is not None and "phone" in row.order.receiver_sealed and clerk is not None
            and clerk.may(Permission.RECONCILE)
        )  # fmt: skip
        self.pickup_hint.setVisible(open_ and not ship)

    # -- picking --------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        if signed_codes.looks_signed(text.strip()):
            self.hand_over(text)
            return
        row = self.current()
        if row is None or not row.open:
            self._fail(self.tr("Choose an order to pick first"))
            return
        if row.stopped:
            self._fail(
                self.tr("The buyer asked to cancel order {order}: stop picking").format(
                    order=row.order.order_id
                )
            )
            return
        order_id = row.order.order_id
        self.counter.worker.submit(
            partial(
                order_jobs.sku_of_scan, self.counter.database, self.counter.scan_settings(), text
            ),
            on_done=lambda sku_id: self._scanned(order_id, sku_id),
            on_error=self._fail,
        )

    def _scanned(self, order_id: str, sku_id: int) -> None:
        pick = self.pick_lists.get(order_id)
        if pick is None:
            return
        result = pick.pick(sku_id)
        if result.outcome is PickOutcome.WRONG_ITEM:
            self._fail(
                self.tr("Wrong item: this product is not in order {order}").format(order=order_id)
            )
        elif result.outcome is PickOutcome.SURPLUS:
            self._fail(
                self.tr("Too many: all of {item} are already picked").format(item=result.title)
            )
        else:
            shipped_order = pick.order.fulfilment != "pickup"
            if pick.complete:
                self.banner.show_ok(self.tr("All items picked: pack the order"))
            elif shipped_order:
                self.banner.show_ok(
                    self.tr(
                        "{item} picked, {left} to go (or pack these and send the rest later)"
                    ).format(item=result.title, left=pick.units_left)
                )
            else:
                self.banner.show_ok(
                    self.tr("{item} picked, {left} to go").format(
                        item=result.title, left=pick.units_left
                    )
                )
            self.picked.emit(order_id)
        self._show_list()

    def pack(self) -> None:
        pick = self.pick_list()
        if pick is None or not pick.complete:
            return
        pick.packed = True
        self.banner.show_ok(self.tr("Packed: print the parcel label"))
        self._show_list()

    def pack_part(self) -> None:
        """Pack what is picked as one parcel; the rest of the order is sent later."""
        pick = self.pick_list()
        if pick is None or not pick.parcel or pick.complete:
            return
        if not pick.finishes_a_product:
            self._fail(
                self.tr(
                    "This parcel finishes no product: the online store records a split shipment "
                    "by whole products, so pick the last units of at least one product first"
                )
            )
            return
        pick.packed = True
        self.banner.show_ok(
            self.tr(
                "Packed as parcel {n} (units: {units}): print its label and ship it; units to "
                "follow later: {left}"
            ).format(units=sum(pick.parcel.values()), n=self._next_parcel_no(),
                     left=pick.units_left)
        )  # fmt: skip
        self._show_list()

    def _next_parcel_no(self) -> int:
        row = self.current()
        return 1 + (len(row.parcels) if row is not None else 0)

    # -- label ----------------------------------------------------------------------------------
    def print_label(self) -> None:
        row = self.current()
        if row is None:
            return
        context = self.counter.context
        header = StoreHeader(context.store_name, context.store_address, context.store_code)

        who = str(self.counter.session.clerk.id) if self.counter.session.clerk else "store"
        pick = self.pick_list()
        # The parcel packed: what is picked, else everything still to send.
        lines = None
        if pick is not None:
            lines = pick.parcel or {x.line_no: pick.wanted(x.line_no) for x in row.order.lines}
        number = self._next_parcel_no()
        # A part parcel: at least one more follows.
        count = number + 1 if pick is not None and pick.parcel and not pick.complete else number

        def job() -> order_jobs.LabelPrinted:
            return order_jobs.make_label(
                context, row.order, header, company, who=who, lines=lines,
                parcel=(number, count),
            )  # fmt: skip

        company = self.company.currentText().strip() if self.company.currentIndex() >= 0 else ""
        self.counter.slow_worker.submit(job, on_done=self._label_printed, on_error=self._fail)

    def _label_printed(self, printed: order_jobs.LabelPrinted) -> None:
        self._show_preview(printed.preview_png)
        if printed.masked_because:
            self._fail(
                self.tr(
                    "The label shows the receiver masked ({reason}); the manager is told in "
                    "the sync log"
                ).format(reason=printed.masked_because)
            )
            if printed.job_id is not None:
                self.label_queued.emit(printed.job_id)
            return
        if printed.job_id is None:
            self._fail(self.tr("No label printer is set up: the preview shows the label"))
            return
        self.banner.show_ok(self.tr("Parcel label sent to the printer"))
        self.label_queued.emit(printed.job_id)

    def _show_preview(self, png: bytes) -> None:
        self.preview_png = png
        self.preview.show()
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self.preview.setPixmap(
            pixmap.scaledToWidth(220, Qt.TransformationMode.SmoothTransformation)
        )

    # -- hand over and ship ---------------------------------------------------------------------
    def hand_over(self, text: str) -> None:
        row = self.current()
        if row is None:
            self._fail(self.tr("Choose the order the customer collects first"))
            return
        pick = self.pick_lists.get(row.order.order_id)
        if row.open and (pick is None or not pick.complete):
            self._fail(self.tr("Pick every item before handing the order over"))
            return
        counter = self.counter
        self.counter.worker.submit(
            partial(
                order_jobs.hand_over,
                counter.database,
                counter.scan_settings(),
                row.order.order_id,
                text.strip(),
                terminal_id=counter.context.terminal_id,
                staff=counter.session.clerk,
                timezone=counter.context.timezone,
            ),
            on_done=self._delivered,
            on_error=self._fail,
        )

    def ship(self) -> None:
        row = self.current()
        pick = self.pick_list()
        if row is None or pick is None:
            return
        counter = self.counter
        self.counter.worker.submit(
            partial(
                order_jobs.ship,
                counter.database,
                row.order.order_id,
                self.express_no.text(),
                str(self.company.currentData() or ""),
                terminal_id=counter.context.terminal_id,
                staff=counter.session.clerk,
                lines=pick.parcel,
            ),
            on_done=self._delivered,
            on_error=self._fail,
        )

    def show_phone(self) -> None:
        row = self.current()
        if row is None:
            return
        context = self.counter.context
        self.counter.slow_worker.submit(
            partial(order_jobs.reveal_phone, context, row.order, staff=self.counter.session.clerk),
            on_done=lambda phone: self.banner.show_ok(
                self.tr("Receiver's phone: {phone}").format(phone=phone), timeout_ms=20_000
            ),
            on_error=self._fail,
        )

    def correct_express(self) -> None:
        row = self.current()
        if row is None or row.delivery is None:
            return
        order_id = row.order.order_id
        parcel_no = int(self.parcel_choice.currentData() or 1)
        self.counter.worker.submit(
            partial(order_jobs.correct_express, self.counter.database, order_id,
                    self.express_no.text(), staff=self.counter.session.clerk,
                    parcel_no=parcel_no),
            on_done=lambda _old: self._corrected(order_id),
            on_error=self._fail,
        )  # fmt: skip

    def _corrected(self, order_id: str) -> None:
        self.banner.show_ok(
            self.tr("Express number of order {order} corrected; the online store is told").format(
                order=order_id
            )
        )
        self.express_no.clear()
        self.corrected.emit(order_id)
        self.refresh()

    def _delivered(self, delivery: Delivery) -> None:
        self.preview.hide()  # the label shown was this parcel's: it has left
        if delivery.split:
            self.banner.show_ok(
                self.tr("Parcel {n} of order {order} has left the store").format(
                    n=delivery.parcel_no, order=delivery.order_id
                )
            )
        else:
            self.banner.show_ok(
                self.tr("Order {order} has left the store").format(order=delivery.order_id)
            )
        self.express_no.clear()
        self.delivered.emit(delivery.order_id)
        self.refresh()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
