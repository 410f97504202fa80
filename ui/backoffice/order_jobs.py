"""The online-order work the orders screen runs on its workers: plain values in, plain
dataclasses out (never ORM rows), so only ids and dataclasses cross threads.

Handing an order over or shipping it is ``sync.fulfilment.request_delivery``: the goods'
stock movements and the delivery intent in one transaction; the sync engine then tells the
online store exactly once. An order may leave in several parcels (part now, the rest later),
each with its own courier and tracking number.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from printers.profile import PrinterProfile
from printers.queue import PrintQueue
from printers.renderers.png import render_png
from printers.templates.data import ParcelLabelData, StoreHeader
from printers.templates.parcel_label import parcel_label
from redhome_pos.domain import signed_codes
from redhome_pos.domain.scan import ScanSettings
from redhome_pos.domain.staff import Permission, StaffError, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.sync import (
    Delivery,
    StoredOnlineOrder,
    SyncRepository,
)
from redhome_pos.services.scanning import ScanService
from sync.connector import (
    DecryptPurpose,
    ExpressCompany,
    OnlineStore,
    OrderStatus,
    SealedReceiver,
)
from sync.errors import SyncError
from sync.express import cached_couriers, correct_express_no
from sync.fulfilment import FulfilmentError, refuse_second_handover, request_delivery
from sync.settings import DELIVERIES
from sync.status import SyncStatus, sync_status
from ui.backoffice.reconcile_jobs import online_store_of


@dataclass(frozen=True, slots=True)
class OrderRow:
    order: StoredOnlineOrder
    parcels: tuple[Delivery, ...] = ()

    @property
    def delivery(self) -> Delivery | None:
        """The last parcel that left (None: nothing has left yet)."""
        return self.parcels[-1] if self.parcels else None

    @property
    def left_store(self) -> dict[int, int]:
        """Units of each order line that left in a parcel."""
        units: dict[int, int] = {}
        for parcel in self.parcels:
            for line_no, count in parcel.lines:
                units[line_no] = units.get(line_no, 0) + count
        return units

    @property
    def units_to_send(self) -> int:
        left = self.left_store
        return sum(max(0, x.quantity - left.get(x.line_no, 0)) for x in self.order.lines)

    @property
    def shipped_parcels(self) -> tuple[Delivery, ...]:
        return tuple(p for p in self.parcels if p.method == "ship")

    @property
    def open(self) -> bool:
        """Still to be fulfilled here: units not sent yet, not cancelled, not delivered."""
        status = OrderStatus(self.order.status)
        return self.units_to_send > 0 and not status.is_void and not status.is_delivered

    @property
    def stopped(self) -> bool:
        """The buyer asked to cancel before it left: picking stops, nothing is handed over."""
        return self.open and self.order.cancel_requested


@dataclass(frozen=True, slots=True)
class OrdersSnapshot:
    rows: tuple[OrderRow, ...]
    sync: SyncStatus
    couriers: tuple[ExpressCompany, ...] = ()
    variants: Mapping[int, str] = field(default_factory=dict)  # sku id: 色号：#520 …


def load_orders(database: Database) -> OrdersSnapshot:
    with database.reading() as session:
        repo = SyncRepository(session)
        rows = tuple(
            OrderRow(order, tuple(repo.parcels(order.order_id))) for order in repo.orders()
        )
        skus = (line.sku_id for row in rows for line in row.order.lines if line.sku_id)
        variants = {sku: named[1] for sku, named in CatalogRepository(session).names(skus).items()}
    return OrdersSnapshot(
        rows, sync_status(database, recent=0), tuple(cached_couriers(database)), variants
    )


def sku_of_scan(database: Database, settings: ScanSettings, text: str) -> int:
    """The SKU a scanned item names (``ScanError`` or ``CatalogError`` if none)."""
    outcome = ScanService(database, settings).scan(text)
    if outcome.sku is None:
        raise FulfilmentError("This scan is not a product: scan the item's barcode")
    return outcome.sku.sku_id


def _check(staff: StaffSession | None) -> StaffSession:
    if staff is None or not staff.may(Permission.SELL):
        raise StaffError("Log in to fulfil online orders")
    return staff


def label_data(
    order: StoredOnlineOrder,
    store: StoreHeader,
    secret: str,
    *,
    express_company: str = "",
    clear: Mapping[str, str] | None = None,
    lines: Mapping[int, int] | None = None,
    parcel_no: int = 1,
    parcel_count: int = 1,
) -> ParcelLabelData:
    """The label's data: the receiver masked, or in clear when ``clear`` (just decrypted by
    the online store, never stored) is given. ``lines`` (line no → units): what this parcel
    holds when it is part of the order (parcel ``parcel_no`` of ``parcel_count``)."""
    pickup = order.fulfilment == "pickup"
    if clear:
        parts = (clear.get("name", order.receiver_name_masked),
                 clear.get("phone", order.receiver_phone_masked), order.receiver_region,
                 clear.get("address", order.receiver_address_masked))  # fmt: skip
        recipient = " ".join(part for part in parts if part)
    else:
        recipient = order.receiver_masked
    return ParcelLabelData(
        store=store,
        order_id=order.order_id,
        parcel_no=parcel_no,
        parcel_count=parcel_count,
        pickup=pickup,
        recipient=recipient or "-",
        items=tuple(
            f"{line.title or line.red_sku_id} ×{units}"
            for line in order.lines
            if (units := line.quantity if lines is None else lines.get(line.line_no, 0))
        ),
        # Store codes are capitals only; order ids are matched without regard to case.
        qr_payload=signed_codes.sign_parcel_code(
            secret, store.code, order.order_id.upper(), parcel_no, parcel_count
        ),
        date=datetime.now(UTC),
        express_company=express_company,
    )


def label_preview(data: ParcelLabelData, profile: PrinterProfile | None = None) -> bytes:
    """The label as the printer will print it, as PNG bytes."""
    profile = profile or PrinterProfile(name="label", columns=32, dot_width=384)
    return render_png(parcel_label(data), profile)


@dataclass(frozen=True, slots=True)
class LabelPrinted:
    job_id: int | None  # None: no printer set up, only the preview
    preview_png: bytes
    masked_because: str = ""  # the online store would not reveal the receiver: why


def reveal_for_label(
    database: Database, store: OnlineStore | None, order: StoredOnlineOrder, *, who: str
) -> tuple[dict[str, str], str]:
    """The receiver in clear for a shipped parcel's label (``data.batchDecrypt``, monitored
    and limited by the online store), and why not when it would not: then the label prints
    masked and the manager finds the reason in the sync log. Pickups need no receiver."""
    if order.fulfilment == "pickup" or not order.receiver_sealed:
        return {}, ""
    if store is None:
        reason = "the online store is not connected"
    else:
        receiver = SealedReceiver(
            name_sealed=order.receiver_sealed.get("name", ""),
            phone_sealed=order.receiver_sealed.get("phone", ""),
            address_sealed=order.receiver_sealed.get("address", ""),
        )
        try:
            return store.reveal_receiver(
                order.order_id, receiver, DecryptPurpose.LABEL, who=who
            ), ""
        except SyncError as refused:
            reason = refused.message
    with database.unit_of_work() as uow:
        SyncRepository(uow.session).log(
            DELIVERIES,
            "warning",
            "The label of online order {order} was printed with the receiver masked: {reason}",
            order=order.order_id,
            reason=reason,
        )
        uow.commit()
    return {}, reason


def print_label(
    queue: PrintQueue | None,
    data: ParcelLabelData,
    *,
    clear: ParcelLabelData | None = None,
    masked_because: str = "",
) -> LabelPrinted:
    """Queue the label and draw its preview. A store without a label printer prints it on
    the receipt printer (80 mm paper takes it). ``clear`` (the receiver in clear) is printed
    but never stored: the queued copy is ``data``, masked."""
    printer = None
    profile = None
    if queue is not None:
        printer = queue.label_printer
        if printer not in queue.printers and queue.receipt_printer in queue.printers:
            printer = queue.receipt_printer
        if printer == queue.label_printer:
            profile = queue.printers.get(printer)
    if profile is not None and profile.language not in ("escpos", "escpos-raster"):
        profile = None  # a TSPL/ZPL label printer: the preview is drawn label-sized
    # On the receipt printer the preview stays label-sized too: readable at the screen's size.
    png = label_preview(clear or data, profile)
    job_id = queue.enqueue_parcel_label(data, printer, clear=clear) if queue is not None else None
    return LabelPrinted(job_id, png, masked_because)


def reveal_phone(context: Any, order: StoredOnlineOrder, *, staff: StaffSession | None) -> str:
    """One field in clear for a manager who asks (``data.batchDecrypt``, action "1": a person
    looks at one field of one order): shown, never stored; who looked is in the sync log."""
    if staff is None or not staff.may(Permission.RECONCILE):
        raise StaffError("Only a manager may see a receiver's phone in clear")
    sealed = order.receiver_sealed.get("phone", "")
    if not sealed:
        raise FulfilmentError("Online order {order} has no receiver phone", order=order.order_id)
    with online_store_of(context) as store:
        clear = store.reveal_receiver(
            order.order_id, SealedReceiver(phone_sealed=sealed), DecryptPurpose.VIEW,
            who=str(staff.id),
        )  # fmt: skip
    with context.database.unit_of_work() as uow:
        SyncRepository(uow.session).log(
            DELIVERIES, "info",
            "Staff {staff} looked at the receiver's phone of online order {order}",
            staff=staff.id, order=order.order_id,
        )  # fmt: skip
        uow.commit()
    return clear.get("phone", "")


def make_label(
    context: Any,
    order: StoredOnlineOrder,
    header: StoreHeader,
    company: str,
    *,
    who: str,
    lines: Mapping[int, int] | None = None,
    parcel: tuple[int, int] = (1, 1),
) -> LabelPrinted:
    """Print a parcel's label: the receiver revealed by the online store for this print only
    (masked when it will not, or cannot be reached), the stored job always masked. ``lines``
    and ``parcel`` (its number, of how many) for a parcel that is part of the order."""
    try:
        with online_store_of(context) as store:
            clear, because = reveal_for_label(context.database, store, order, who=who)
    except SyncError:
        clear, because = reveal_for_label(context.database, None, order, who=who)
    secret = context.code_secret

    def data_of(receiver: Mapping[str, str] | None) -> ParcelLabelData:
        return label_data(
            order, header, secret, express_company=company, clear=receiver, lines=lines,
            parcel_no=parcel[0], parcel_count=parcel[1],
        )  # fmt: skip

    data = data_of(None)
    revealed = data_of(clear) if clear else None
    return print_label(context.print_queue, data, clear=revealed, masked_because=because)


def hand_over(
    database: Database,
    settings: ScanSettings,
    order_id: str,
    scanned: str,
    *,
    terminal_id: str,
    staff: StaffSession | None,
    timezone: str = "Asia/Shanghai",
) -> Delivery:
    """The customer's pickup code was scanned: check it names this order and that it was not
    handed over already (then say when and by whom), then hand over."""
    clerk = _check(staff)
    code = signed_codes.verify(scanned, secret=settings.code_secret, store=settings.store_code)
    if not isinstance(code, signed_codes.PickupCode):
        raise FulfilmentError("This is not a pickup code: scan the code on the customer's phone")
    if code.order_id.upper() != order_id.upper():
        raise FulfilmentError(
            "This pickup code is for order {other}, not {order}",
            other=code.order_id,
            order=order_id,
        )
    refuse_second_handover(database, order_id, timezone)
    return request_delivery(database, order_id, terminal_id=terminal_id, pickup=True, staff=clerk)


def correct_express(
    database: Database,
    order_id: str,
    express_no: str,
    *,
    staff: StaffSession | None,
    parcel_no: int = 1,
) -> str:
    return correct_express_no(
        database, order_id, express_no, staff=_check(staff), parcel_no=parcel_no
    )


def ship(
    database: Database,
    order_id: str,
    express_no: str,
    company_code: str,
    *,
    terminal_id: str,
    staff: StaffSession | None,
    lines: Mapping[int, int] | None = None,
) -> Delivery:
    """Ship a parcel: ``lines`` (line no → units) for part of the order, the rest later."""
    clerk = _check(staff)
    return request_delivery(
        database,
        order_id,
        terminal_id=terminal_id,
        pickup=False,
        express_no=express_no,
        company_code=company_code,
        lines=lines,
        staff=clerk,
    )
