"""RED notes for managers: notes shown at the counter but not linked to any product, the
links of every note, linking by scanning, and what each note sold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.notes import NoteAttribution, NoteScanCount
from redhome_pos.domain.scan import ScanSettings
from redhome_pos.domain.staff import Staff
from redhome_pos.persistence.database import Database
from redhome_pos.services.scanning import ScanService
from ui.backoffice.order_jobs import sku_of_scan


@dataclass(frozen=True, slots=True)
class NotesOverview:
    unlinked: tuple[NoteScanCount, ...]
    links: tuple[tuple[str, int], ...]  # note id, products linked


def overview(database: Database, settings: ScanSettings) -> NotesOverview:
    service = ScanService(database, settings)
    return NotesOverview(tuple(service.unlinked_notes()), tuple(service.note_link_counts()))


def products(database: Database, settings: ScanSettings, note_id: str) -> tuple[SkuView, ...]:
    return ScanService(database, settings).note_products(note_id)


def link_scanned(
    database: Database, settings: ScanSettings, note_id: str, text: str, staff: Staff | None
) -> int:
    """Link the product a scan names to the note; returns how many links were new (0 or 1)."""
    sku_id = sku_of_scan(database, settings, text)
    staff_id = staff.id if staff else None
    return ScanService(database, settings).link_note(note_id, [sku_id], staff_id=staff_id)


def unlink(database: Database, settings: ScanSettings, note_id: str, sku_id: int) -> bool:
    return ScanService(database, settings).unlink_note(note_id, sku_id)


def attribution(
    database: Database, settings: ScanSettings, first: date, last: date
) -> list[NoteAttribution]:
    return ScanService(database, settings).attribution(first, last)
