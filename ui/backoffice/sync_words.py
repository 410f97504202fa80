"""The sync log in the clerk's language: each entry's template is translated, then filled.

The templates are the sync engine's own (listed here so that pyside6-lupdate finds them);
an entry whose template is not listed is shown as the engine wrote it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from redhome_pos.persistence.repositories.sync import SyncLogEntry

CONTEXT = "SyncLog"

TEMPLATES = (
    QT_TRANSLATE_NOOP(
        "SyncLog",
        "Barcode {barcode} belongs to SKU {owner} here but to SKU {code} online: not moved; "
        "check both products",
    ),
    QT_TRANSLATE_NOOP(
        "SyncLog",
        "Catalog: {read} SKUs read, {created} new, {changed} changed, {conflicts} conflicts, "
        "{deactivated} no longer online",
    ),
    QT_TRANSLATE_NOOP("SyncLog", "New online order {order} for {fulfilment}: {units} units"),
    QT_TRANSLATE_NOOP(
        "SyncLog", "Online SKU {red_sku} has a barcode the store cannot use ({reason})"
    ),
    QT_TRANSLATE_NOOP("SyncLog", "Online order {order} delivered"),
    QT_TRANSLATE_NOOP("SyncLog", "Online order {order} has SKUs the store does not know: {skus}"),
    QT_TRANSLATE_NOOP(
        "SyncLog",
        "Online order {order} was cancelled before its delivery was sent; the goods were handed "
        "over: check with the customer and count the stock",
    ),
    QT_TRANSLATE_NOOP(
        "SyncLog",
        "Opening stock taken from the {source}: {skus} SKUs, {added} units added, "
        "{removed} removed",
    ),
    QT_TRANSLATE_NOOP(
        "SyncLog",
        "SKU code {code} belongs to online SKU {linked} here, but online SKU {red_sku} has it too: "
        "not applied",
    ),
    QT_TRANSLATE_NOOP(
        "SyncLog", "SKU {code} (online {red_sku}) is no longer in the online store: deactivated"
    ),
    QT_TRANSLATE_NOOP(
        "SyncLog",
        "The online catalog changed while it was read in full; SKUs gone online are looked for at "
        "the next full read",
    ),
    QT_TRANSLATE_NOOP("SyncLog", "The online catalog changed while it was read; reading again"),
    QT_TRANSLATE_NOOP("SyncLog", "The online store is out of reach; changes wait"),
    QT_TRANSLATE_NOOP("SyncLog", "The online store is reachable again"),
    QT_TRANSLATE_NOOP(
        "SyncLog", "The online store refused the delivery of order {order}: {reason}"
    ),
    QT_TRANSLATE_NOOP(
        "SyncLog",
        "The online store refused the stock of SKU {code} ({on_hand}): {reason}. Check it in the "
        "reconciliation",
    ),
)


def log_words(entry: SyncLogEntry) -> str:
    template = QCoreApplication.translate(CONTEXT, entry.template)
    try:
        return template.format(**entry.params)
    except (KeyError, IndexError, ValueError):
        return entry.message
