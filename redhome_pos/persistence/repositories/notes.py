"""The notes repository: note → SKU links, note scan counts, short links, attribution."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Insert, Update, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from redhome_pos.domain.errors import CatalogError
from redhome_pos.domain.notes import NoteAttribution, NoteScanCount
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.counter import (
    ReturnLineRow,
    SaleLineRow,
    SaleRow,
    SaleVoidRow,
)
from redhome_pos.persistence.models.notes import NoteLinkRow, NoteScanRow, ShortLinkRow


class NotesRepository:
    """Reads and writes note data on one session (the caller commits)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # --- links --------------------------------------------------------------------------

    def link(self, note_id: str, sku_id: int, *, staff_id: int | None, at: datetime) -> bool:
        """Link ``note_id`` to a SKU; False when it was linked already."""
        if self._link_id(note_id, sku_id) is not None:
            return False
        if self._session.get(SkuRow, sku_id) is None:
            raise CatalogError("No SKU {sku_id} to link to the note", sku_id=sku_id)
        try:
            with self._session.begin_nested():
                self._session.execute(
                    insert(NoteLinkRow).values(
                        note_id=note_id, sku_id=sku_id, linked_by=staff_id, linked_at=at
                    )
                )
        except IntegrityError:
            # Another till linked the same pair a moment ago: the link is there either way.
            if self._link_id(note_id, sku_id) is None:
                raise
            return False
        return True

    def _link_id(self, note_id: str, sku_id: int) -> int | None:
        return self._session.scalar(
            select(NoteLinkRow.id).where(
                NoteLinkRow.note_id == note_id, NoteLinkRow.sku_id == sku_id
            )
        )

    def unlink(self, note_id: str, sku_id: int) -> bool:
        """Remove a link; False when there was none."""
        result = self._session.execute(
            delete(NoteLinkRow).where(NoteLinkRow.note_id == note_id, NoteLinkRow.sku_id == sku_id)
        )
        return bool(getattr(result, "rowcount", 0))

    def linked_sku_ids(self, note_id: str) -> list[int]:
        """The SKUs a note is about, in the order they were linked."""
        return list(
            self._session.scalars(
                select(NoteLinkRow.sku_id)
                .where(NoteLinkRow.note_id == note_id)
                .order_by(NoteLinkRow.linked_at, NoteLinkRow.id)
            )
        )

    def link_counts(self, limit: int = 500) -> list[tuple[str, int]]:
        """Every linked note with how many products it has, most recently linked first."""
        rows = self._session.execute(
            select(NoteLinkRow.note_id, func.count(NoteLinkRow.id))
            .group_by(NoteLinkRow.note_id)
            .order_by(func.max(NoteLinkRow.linked_at).desc())
            .limit(limit)
        ).all()
        return [(str(note_id), int(count)) for note_id, count in rows]

    def notes_of_sku(self, sku_id: int) -> list[str]:
        return list(
            self._session.scalars(
                select(NoteLinkRow.note_id)
                .where(NoteLinkRow.sku_id == sku_id)
                .order_by(NoteLinkRow.note_id)
            )
        )

    # --- scans --------------------------------------------------------------------------

    def count_scan(self, note_id: str, at: datetime) -> int:
        """Count one more scan of a note; returns the new count."""
        self._upsert(
            update(NoteScanRow)
            .where(NoteScanRow.note_id == note_id)
            .values(scan_count=NoteScanRow.scan_count + 1, last_scanned_at=at),
            insert(NoteScanRow).values(
                note_id=note_id, scan_count=1, first_scanned_at=at, last_scanned_at=at
            ),
        )
        count = self._session.scalar(
            select(NoteScanRow.scan_count).where(NoteScanRow.note_id == note_id)
        )
        return int(count or 0)

    def unlinked_notes(self, limit: int = 100) -> list[NoteScanCount]:
        """Notes scanned but linked to no product yet, most scanned first."""
        linked = select(NoteLinkRow.id).where(NoteLinkRow.note_id == NoteScanRow.note_id)
        rows = self._session.scalars(
            select(NoteScanRow)
            .where(~linked.exists())
            .order_by(NoteScanRow.scan_count.desc(), NoteScanRow.last_scanned_at.desc())
            .limit(limit)
        )
        return [
            NoteScanCount(row.note_id, row.scan_count, row.first_scanned_at, row.last_scanned_at)
            for row in rows
        ]

    # --- short links --------------------------------------------------------------------

    def short_link_seen(self, code: str, at: datetime) -> str | None:
        """Count a scan of a short link; returns the note it is known to lead to, if any."""
        self._upsert(
            update(ShortLinkRow)
            .where(ShortLinkRow.code == code)
            .values(scan_count=ShortLinkRow.scan_count + 1, last_seen_at=at),
            insert(ShortLinkRow).values(code=code, scan_count=1, first_seen_at=at, last_seen_at=at),
        )
        return self._session.scalar(select(ShortLinkRow.note_id).where(ShortLinkRow.code == code))

    def short_link_note(self, code: str) -> str | None:
        """The note a short link is known to lead to, if it was resolved before."""
        return self._session.scalar(select(ShortLinkRow.note_id).where(ShortLinkRow.code == code))

    def short_link_resolved(self, code: str, note_id: str, at: datetime) -> None:
        """Remember the note a short link led to, so the next scan needs no network."""
        self._upsert(
            update(ShortLinkRow)
            .where(ShortLinkRow.code == code)
            .values(note_id=note_id, resolved_at=at),
            insert(ShortLinkRow).values(
                code=code,
                note_id=note_id,
                scan_count=0,
                first_seen_at=at,
                last_seen_at=at,
                resolved_at=at,
            ),
        )

    def _upsert(self, change: Update, add: Insert) -> None:
        """Change the row, or add it when there is none. Two tills adding the same row at
        once (possible on a shared PostgreSQL) cannot both insert: the loser's insert fails
        inside a savepoint and it changes the row the winner added."""
        if getattr(self._session.execute(change), "rowcount", 0):
            return
        try:
            with self._session.begin_nested():
                self._session.execute(add)
        except IntegrityError:
            self._session.execute(change)

    # --- attribution --------------------------------------------------------------------

    def attribution(self, first_day: date, last_day: date) -> list[NoteAttribution]:
        """Sales, units and revenue per note per business day, from the sale lines that
        carry a note; voided lines and voided sales are left out. Returns of those lines are
        counted on the day of the sale they undo, so a day's net figures stay together."""
        voided_sale = select(SaleVoidRow.sale_id).where(SaleVoidRow.sale_id == SaleRow.id)
        counted = (
            SaleLineRow.note_id.is_not(None),
            SaleLineRow.voided.is_(False),
            ~voided_sale.exists(),
            SaleRow.business_date >= first_day,
            SaleRow.business_date <= last_day,
        )
        sold = self._session.execute(
            select(
                SaleLineRow.note_id,
                SaleRow.business_date,
                func.count(func.distinct(SaleLineRow.sale_id)),
                func.sum(SaleLineRow.quantity),
                func.sum(SaleLineRow.amount_fen),
            )
            .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
            .where(*counted)
            .group_by(SaleLineRow.note_id, SaleRow.business_date)
        )
        returned = {
            (note_id, day): (int(units or 0), int(refund or 0))
            for note_id, day, units, refund in self._session.execute(
                select(
                    SaleLineRow.note_id,
                    SaleRow.business_date,
                    func.sum(ReturnLineRow.quantity),
                    func.sum(ReturnLineRow.refund_fen),
                )
                .join(SaleLineRow, SaleLineRow.id == ReturnLineRow.sale_line_id)
                .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
                .where(*counted)
                .group_by(SaleLineRow.note_id, SaleRow.business_date)
            )
        }
        report = [
            NoteAttribution(
                str(note_id),
                day,
                int(sales),
                int(units or 0),
                int(revenue or 0),
                *returned.get((note_id, day), (0, 0)),
            )
            for note_id, day, sales, units, revenue in sold
        ]
        report.sort(key=lambda row: (row.business_date, -row.revenue_fen, row.note_id))
        return report
