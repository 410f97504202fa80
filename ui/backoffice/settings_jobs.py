"""Saving the store's settings: the configuration file is written (mode 0600) and the change
is audited with what changed (never a secret), both on a worker thread."""

from __future__ import annotations

from datetime import UTC, datetime

from printers.queue import PrintQueue
from printers.templates.data import StoreHeader, TestPageData
from redhome_pos.config import Config
from redhome_pos.persistence.database import Database
from redhome_pos.services.store_settings import StoreChanges, changes_of, save_store_settings
from sync.status import SyncStatus, sync_status

__all__ = ["StoreChanges", "changes_of", "read_sync_status", "save_store_settings", "test_print"]


def test_print(queue: PrintQueue, config: Config) -> list[int]:
    """A test page on every configured printer; returns the print job ids."""
    header = StoreHeader(config.store.name, config.store.address, config.store.code)
    return [
        queue.enqueue_test_page(
            TestPageData(name, header, datetime.now(UTC), (("transport", printer.transport),))
        )
        for name, printer in sorted(config.printers.items())
    ]


def read_sync_status(database: Database) -> SyncStatus:
    return sync_status(database, recent=15)
