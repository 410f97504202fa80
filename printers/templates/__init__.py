"""Templates: plain data in (``templates.data``), a printer-independent ``Document`` out."""

from printers.templates.lot_label import lot_label
from printers.templates.parcel_label import parcel_label
from printers.templates.receipt import sales_receipt
from printers.templates.return_receipt import return_receipt
from printers.templates.shift_report import shift_report
from printers.templates.test_page import label_test_page, test_page

__all__ = [
    "label_test_page",
    "lot_label",
    "parcel_label",
    "return_receipt",
    "sales_receipt",
    "shift_report",
    "test_page",
]
