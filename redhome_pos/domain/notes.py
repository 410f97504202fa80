"""RED notes at the store: what the note-link screens and the attribution report show."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class NoteScanCount:
    """A note customers showed at the counter, and how often."""

    note_id: str
    scan_count: int
    first_scanned_at: datetime
    last_scanned_at: datetime


@dataclass(frozen=True, slots=True)
class NoteAttribution:
    """What one note sold on one business day: sales, units and revenue (fen), and how much
    of it came back (returns of those sales, whenever they happened)."""

    note_id: str
    business_date: date
    sales: int
    units: int
    revenue_fen: int
    returned_units: int = 0
    refunded_fen: int = 0

    @property
    def net_revenue_fen(self) -> int:
        return self.revenue_fen - self.refunded_fen
