"""Renderers: one document, laid out for one printer, into what that printer understands."""

from __future__ import annotations

from printers.document import Document
from printers.printable import printable
from printers.profile import PrinterProfile


def render_for_printer(document: Document, profile: PrinterProfile) -> bytes:
    """The bytes to send to the printer in the language its settings name. Characters the
    printer cannot print are replaced by a visible substitute (``printers.printable``)."""
    document = printable(document, profile.encoding)
    if profile.language == "escpos":
        from printers.renderers.escpos_text import render_escpos

        return render_escpos(document, profile)
    if profile.language == "escpos-raster":
        from printers.renderers.raster import render_raster

        return render_raster(document, profile)
    if profile.language == "tspl":
        from printers.renderers.tspl import render_tspl

        return render_tspl(document, profile)
    from printers.renderers.zpl import render_zpl

    return render_zpl(document, profile)
