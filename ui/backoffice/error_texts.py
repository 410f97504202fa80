"""The back office's own error templates, listed so that pyside6-lupdate puts them in
ui/translations/backoffice_*.ts (``describe_error`` translates them in the context Errors)."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

ERROR_TEXTS = (
    QT_TRANSLATE_NOOP("Errors", "This scan is not a product: scan the item's barcode"),
    QT_TRANSLATE_NOOP("Errors", "Log in to fulfil online orders"),
    QT_TRANSLATE_NOOP("Errors", "This is not a pickup code: scan the code on the customer's phone"),
    QT_TRANSLATE_NOOP("Errors", "This pickup code is for order {other}, not {order}"),
    QT_TRANSLATE_NOOP("Errors", "You cannot lower or deactivate your own account"),
    QT_TRANSLATE_NOOP("Errors", "No staff member {staff_id}"),
    QT_TRANSLATE_NOOP("Errors", "The store has no code secret: badges cannot be made"),
    QT_TRANSLATE_NOOP("Errors", "That badge belongs to someone else"),
    QT_TRANSLATE_NOOP(
        "Errors", "Set the online store's address, app id and secret in the configuration first"
    ),
)
