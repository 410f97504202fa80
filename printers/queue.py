"""The persistent print queue: jobs in the store database, seen, cancelled, retried, reprinted.

Jobs are rows (``print_jobs``) added after the sale (or return, or report) has committed, so a
printer that is off, out of paper or silent never blocks or undoes it; ``printers.worker``
prints them. A job holds the printer-independent document, so it can be reprinted as it was.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from printers import volatile
from printers.document import Document, DrawerKick, Text
from printers.errors import PrintError
from printers.profile import PrinterProfile
from printers.templates import (
    lot_label,
    parcel_label,
    return_receipt,
    sales_receipt,
    shift_report,
    test_page,
)
from printers.templates.data import (
    LotLabelData,
    ParcelLabelData,
    ReceiptData,
    ReturnReceiptData,
    ShiftReportData,
    StoreHeader,
    TestPageData,
)
from printers.templates.from_sale import receipt_from_sale
from redhome_pos.domain.sale import Sale
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.print_jobs import PrintJob, PrintJobRepository
from redhome_pos.persistence.repositories.sales import SaleRepository

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
REPRINT_MARK = "** 重印 REPRINT **"


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ReceiptSettings:
    """What a receipt made from a stored sale needs besides the sale: the store's header, the
    secret that signs the receipt code, and the footer text."""

    store: StoreHeader
    code_secret: str
    footer: str = ""


class PrintQueue:
    """Adds jobs and lets a person see, cancel, retry and reprint them."""

    def __init__(
        self,
        database: Database,
        printers: Mapping[str, PrinterProfile],
        *,
        receipt_printer: str = "receipt",
        label_printer: str = "label",
        terminal_id: str = "",
        receipt_settings: ReceiptSettings | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self.database = database
        self.terminal_id = terminal_id
        self.printers = dict(printers)
        self.receipt_settings = receipt_settings
        self.receipt_printer = receipt_printer
        self.label_printer = label_printer
        self.clock = clock
        self._listeners: list[Callable[[], None]] = []

    def on_enqueue(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each new job (the worker wakes up)."""
        self._listeners.append(listener)

    def enqueue(self, kind: str, document: Document, *, printer: str, reference: str = "") -> int:
        """Queue ``document`` for ``printer`` in a unit of work of its own; returns the job id."""
        return self._add(kind, document, printer=printer, reference=reference)

    def enqueue_receipt(self, receipt: ReceiptData, printer: str | None = None) -> int:
        return self.enqueue(
            "receipt",
            sales_receipt(receipt),
            printer=printer or self.receipt_printer,
            reference=receipt.receipt_no,
        )

    def enqueue_sale_receipt(
        self, sale_id: int, *, copy: bool = False, printer: str | None = None
    ) -> int:
        """Queue the receipt of a committed sale, read back from the database."""
        with self.database.reading() as session:
            sale = SaleRepository(session).get(sale_id)
        if sale is None:
            raise PrintError("There is no sale {sale}", sale=sale_id)
        return self.enqueue_receipt(self._receipt(sale, copy), printer)

    def reprint_receipt(self, receipt_no: str, printer: str | None = None) -> int:
        """Print any earlier receipt again from its sale, marked as a reprint."""
        with self.database.reading() as session:
            sale = SaleRepository(session).by_receipt(receipt_no)
        if sale is None:
            raise PrintError("There is no sale with receipt number {receipt}", receipt=receipt_no)
        return self.enqueue_receipt(self._receipt(sale, True), printer)

    def _receipt(self, sale: Sale, copy: bool) -> ReceiptData:
        settings = self.receipt_settings
        if settings is None:
            raise PrintError("Receipt settings (store header, code secret) are missing")
        return receipt_from_sale(
            sale,
            store=settings.store,
            code_secret=settings.code_secret,
            footer=settings.footer,
            copy=copy,
        )

    def enqueue_return_receipt(self, data: ReturnReceiptData, printer: str | None = None) -> int:
        return self.enqueue(
            "return_receipt",
            return_receipt(data),
            printer=printer or self.receipt_printer,
            reference=data.return_no,
        )

    def enqueue_shift_report(self, data: ShiftReportData, printer: str | None = None) -> int:
        kind = "z_report" if data.final else "x_report"
        return self.enqueue(
            kind,
            shift_report(data),
            printer=printer or self.receipt_printer,
            reference=data.shift_no,
        )

    def enqueue_parcel_label(
        self,
        data: ParcelLabelData,
        printer: str | None = None,
        *,
        clear: ParcelLabelData | None = None,
    ) -> int:
        """Queue a parcel label. ``data`` is what is stored (masked receiver); ``clear``, the
        same label with the receiver in clear, is held in memory only and printed instead
        while this process lives (``printers.volatile``)."""
        reference = f"{data.order_id}/{data.parcel_no}"
        return self._add(
            "parcel_label",
            parcel_label(data),
            printer=printer or self.label_printer,
            reference=reference,
            held=parcel_label(clear) if clear is not None else None,
        )

    def enqueue_lot_label(self, data: LotLabelData, printer: str | None = None) -> int:
        return self.enqueue(
            "lot_label",
            lot_label(data),
            printer=printer or self.label_printer,
            reference=data.reference or data.lot,
        )

    def enqueue_test_page(self, data: TestPageData) -> int:
        return self.enqueue("test_page", test_page(data), printer=data.printer_name)

    def kick_drawer(self, printer: str | None = None) -> int:
        """Open the cash drawer, as a job of its own (also when no receipt is printed)."""
        document = Document("Cash drawer", (DrawerKick(),))
        return self.enqueue("drawer_kick", document, printer=printer or self.receipt_printer)

    def reprint(self, job_id: int) -> int:
        """Queue the document of an earlier job again, marked as a reprint."""
        with self.database.reading() as session:
            job = PrintJobRepository(session).get(job_id)
        if job is None:
            raise PrintError("There is no print job {job}", job=job_id)
        if job.kind == "drawer_kick":
            raise PrintError("A cash drawer kick cannot be reprinted")
        document = Document.from_json(job.document)
        marked = Document(
            document.title,
            (Text(REPRINT_MARK, "center", bold=True), *document.blocks),
            document.copies,
        )
        return self._add(
            job.kind, marked, printer=job.printer, reference=job.reference, reprint_of=job.id
        )

    def cancel(self, job_id: int) -> bool:
        with self.database.unit_of_work() as uow:
            changed = PrintJobRepository(uow.session).cancel(job_id, self.clock())
            uow.commit()
        return changed

    def retry(self, job_id: int) -> bool:
        """Put a failed or cancelled job back in the queue, due now."""
        with self.database.unit_of_work() as uow:
            changed = PrintJobRepository(uow.session).requeue(job_id, self.clock())
            uow.commit()
        self._notify()
        return changed

    def jobs(
        self, *, statuses: tuple[str, ...] = (), reference: str = "", limit: int = 50
    ) -> list[PrintJob]:
        with self.database.reading() as session:
            return PrintJobRepository(session).jobs(
                statuses=statuses, reference=reference, limit=limit
            )

    def job(self, job_id: int) -> PrintJob | None:
        with self.database.reading() as session:
            return PrintJobRepository(session).get(job_id)

    def _add(
        self,
        kind: str,
        document: Document,
        *,
        printer: str,
        reference: str,
        reprint_of: int | None = None,
        held: Document | None = None,
    ) -> int:
        with self.database.unit_of_work() as uow:
            job_id = PrintJobRepository(uow.session).add(
                kind=kind,
                printer=printer,
                document=document.to_json(),
                now=self.clock(),
                terminal_id=self.terminal_id,
                reference=reference[:64],
                reprint_of=reprint_of,
            )
            if held is not None:
                volatile.hold(self.database, job_id, held)  # before the worker can see the job
            uow.commit()
        self._notify()
        return job_id

    def _notify(self) -> None:
        for listener in self._listeners:
            listener()
