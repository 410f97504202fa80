"""Print one document on one printer now: render, ask the printer, send."""

from __future__ import annotations

from collections.abc import Callable

from printers.document import Document, DrawerKick
from printers.errors import PrinterNotReady
from printers.profile import PrinterProfile
from printers.renderers import render_for_printer
from printers.status import UNKNOWN, PrinterStatus, query_status
from printers.transports import Transport, open_transport

TransportFactory = Callable[[PrinterProfile], Transport]


def render_job(document: Document, profile: PrinterProfile) -> bytes:
    """What goes down the wire: the printer's language, or a PNG for a preview printer (a
    label printer's preview is the label as it prints)."""
    if profile.transport == "preview" and profile.is_label_printer:
        from printers.renderers.label_png import render_label_png

        return render_label_png(document, profile)
    if profile.transport == "preview":
        from printers.renderers.png import render_png

        return render_png(document, profile)
    return render_for_printer(document, profile)


def print_document(
    document: Document, profile: PrinterProfile, transports: TransportFactory = open_transport
) -> PrinterStatus:
    """Send ``document`` to the printer; raise ``PrinterNotReady`` if it says it cannot print.

    Rendering happens first, so a text the printer cannot hold fails before anything is sent.
    Returns the status the printer reported before printing (often ``UNKNOWN``).
    """
    if profile.transport == "preview" and all(
        isinstance(block, DrawerKick) for block in document.blocks
    ):
        # A preview shows the last thing printed: a drawer kick prints nothing and must not
        # replace the receipt it came with.
        return UNKNOWN
    data = render_job(document, profile)
    transport = transports(profile)
    try:
        status = _status_before_printing(profile, transport)
        if not status.state.can_print:
            raise PrinterNotReady(printer=profile.name, state=status.detail or status.state.value)
        transport.send(data)
        return status
    finally:
        transport.close()


def _status_before_printing(profile: PrinterProfile, transport: Transport) -> PrinterStatus:
    if profile.transport in ("network", "usb", "serial", "dummy"):
        return query_status(profile, transport)
    return UNKNOWN  # files and system queues cannot answer
