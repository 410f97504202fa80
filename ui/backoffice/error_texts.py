"""The back office's own error templates, listed so that pyside6-lupdate puts them in
ui/translations/backoffice_*.ts (``describe_error`` translates them in the context Errors)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

ERROR_TEXTS = (
    QT_TRANSLATE_NOOP("Errors", "This scan is not a product: scan the item's barcode"),
    QT_TRANSLATE_NOOP("Errors", "Log in to fulfil online orders"),
    QT_TRANSLATE_NOOP("Errors", "This is not a pickup code: scan the code on the customer's phone"),
    QT_TRANSLATE_NOOP("Errors", "This pickup code is for order {other}, not {order}"),
)
