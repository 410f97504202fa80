"""Printing built from the configuration: printer profiles, the print queue and its worker.

Called once by the composition root (the app, a command) after the database is open; nothing
here connects to a printer until the worker prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from printers.profile import PrinterProfile, profile_from_config
from printers.queue import Clock, PrintQueue, ReceiptSettings, utc_now
from printers.templates.data import StoreHeader
from printers.worker import PrintWorker
from redhome_pos.config import Config
from redhome_pos.persistence.database import Database


def printer_profiles(config: Config) -> dict[str, PrinterProfile]:
    """Every configured printer; a preview printer naming no file draws into the preview folder."""
    profiles: dict[str, PrinterProfile] = {}
    for name, printer in config.printers.items():
        profile = profile_from_config(printer)
        if profile.transport == "preview" and not profile.path:
            preview = Path(config.paths.preview_dir) / f"{name}.png"
            preview.parent.mkdir(parents=True, exist_ok=True)
            profile = profile_from_config(printer, path=str(preview))
        profiles[name] = profile
    return profiles


def store_header(config: Config) -> StoreHeader:
    store = config.store
    return StoreHeader(store.name, store.address, store.code, store.timezone)


@dataclass(frozen=True)
class Printing:
    queue: PrintQueue
    worker: PrintWorker
    profiles: dict[str, PrinterProfile]


def printing_from_config(config: Config, database: Database, *, clock: Clock = utc_now) -> Printing:
    """The queue (enqueue after a sale commits) and the worker (``start()`` it, ``stop()`` at
    exit); the queue wakes the worker whenever a job is added."""
    profiles = printer_profiles(config)
    settings = ReceiptSettings(
        store_header(config), config.scanning.code_secret, config.store.receipt_footer
    )
    queue = PrintQueue(
        database, profiles, terminal_id=config.terminal_id, receipt_settings=settings, clock=clock
    )
    worker = PrintWorker(database, profiles, terminal_id=config.terminal_id, clock=clock)
    queue.on_enqueue(worker.wake)
    return Printing(queue, worker, profiles)
