"""Scanning use cases: what a scan finds in the catalog, and the store's RED note links.

``ScanService.scan`` routes a scan (``domain.scan``) and resolves it: a barcode or SKU code to
the SKU it names, a RED note to the products staff linked to it (counting the scan), a short
link to its note when it can be followed. Store codes and payment codes come back as the
router read them, for the counter's and fulfilment's handlers.

Linking: staff scan a note, scan its products and save (``NoteLinkDraft`` then
``save_note_links``); the links live in the database, so every till sees them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from redhome_pos.config import Config
from redhome_pos.domain.barcodes import gs1_check_digit
from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.notes import NoteAttribution, NoteScanCount
from redhome_pos.domain.scan import (
    NoteLink,
    ProductBarcode,
    ScanError,
    ScanResult,
    ScanSettings,
    ShortLink,
    SkuCode,
    VariableMeasure,
    VariableMeasureLayout,
    route,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.notes import NotesRepository

# Follows a short link online and returns the URL it leads to, or None when it cannot
# (offline, timeout, a host that is not RED). Provided by ``sync.short_links``.
ShortLinkResolver = Callable[[str], "str | None"]


def scan_settings(config: Config) -> ScanSettings:
    """The router's settings from the store's configuration."""
    return ScanSettings(
        store_code=config.store.code,
        code_secret=config.scanning.code_secret,
        variable_measure=VariableMeasureLayout.named(config.scanning.gs1_variable_layout),
    )


@dataclass(frozen=True, slots=True)
class ScanOutcome:
    """A scan and what it found.

    ``sku`` is set for a product (barcode, scale label or SKU code); ``note_id`` and
    ``note_products`` for a RED note; ``hint`` is a message for the clerk when the scan was
    read but needs a person (a short link that could not be followed, a note nobody linked).
    """

    result: ScanResult
    sku: SkuView | None = None
    note_id: str | None = None
    note_products: tuple[SkuView, ...] = ()
    hint: str = ""
    hint_params: dict[str, str] = field(default_factory=dict)

    @property
    def hint_text(self) -> str:
        return self.hint.format(**self.hint_params)


@dataclass(slots=True)
class NoteLinkDraft:
    """The products being linked to one note on the linking screen, before saving."""

    note_id: str
    sku_ids: list[int] = field(default_factory=list)

    def add(self, sku_id: int) -> bool:
        if sku_id in self.sku_ids:
            return False
        self.sku_ids.append(sku_id)
        return True

    def remove(self, sku_id: int) -> bool:
        if sku_id not in self.sku_ids:
            return False
        self.sku_ids.remove(sku_id)
        return True


class ScanService:
    """Resolves scans against the store database."""

    def __init__(
        self,
        database: Database,
        settings: ScanSettings,
        *,
        resolve_short_link: ShortLinkResolver | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self._database = database
        self._settings = settings
        self._resolve_short_link = resolve_short_link
        self._clock = clock

    # --- scanning -----------------------------------------------------------------------

    def scan(self, text: str, *, record: bool = True) -> ScanOutcome:
        """Say what ``text`` is and find what it names.

        ``record=False`` looks without counting the scan of a note or short link (support
        staff checking a label). Raises ``ScanError`` when the scan must not be used: a wrong
        check digit, a forged code, a product the catalog does not have or no longer sells.
        """
        result = route(text, self._settings)
        if isinstance(result, ProductBarcode | VariableMeasure | SkuCode):
            return ScanOutcome(result, sku=self.find_product(result))
        if isinstance(result, NoteLink):
            return self._note(result, result.note_id, record)
        if isinstance(result, ShortLink):
            return self._short_link(result, record)
        return ScanOutcome(result)

    def find_product(self, result: ProductBarcode | VariableMeasure | SkuCode) -> SkuView:
        """The sellable SKU a product scan names."""
        with self._database.reading() as session:
            view = _lookup(CatalogRepository(session), result, self._settings.variable_measure)
        if view is None:
            raise ScanError(
                "No product has the code {code}: check the label or search by name",
                code=result.code,
            )
        if not view.active:
            raise ScanError(
                "{title} ({sku}) is no longer sold: take it off the shelf and ask the manager",
                title=view.title_zh,
                sku=view.code,
            )
        return view

    def _note(self, result: ScanResult, note_id: str, record: bool) -> ScanOutcome:
        with self._database.unit_of_work() as uow:
            notes = NotesRepository(uow.session)
            if record:
                notes.count_scan(note_id, self._clock())
            products = _views(uow.session, notes.linked_sku_ids(note_id))
            uow.commit()
        hint = "" if products else "No products are linked to this note yet: scan the product"
        return ScanOutcome(result, note_id=note_id, note_products=products, hint=hint)

    def _short_link(self, result: ShortLink, record: bool) -> ScanOutcome:
        with self._database.unit_of_work() as uow:
            notes = NotesRepository(uow.session)
            if record:
                note_id = notes.short_link_seen(result.code, self._clock())
            else:
                note_id = notes.short_link_note(result.code)
            uow.commit()
        if note_id is None and self._resolve_short_link is not None:
            target = self._resolve_short_link(result.url)
            if target is not None:
                resolved = _safe_route(target)
                if isinstance(resolved, NoteLink):
                    note_id = resolved.note_id
                    with self._database.unit_of_work() as uow:
                        NotesRepository(uow.session).short_link_resolved(
                            result.code, note_id, self._clock()
                        )
                        uow.commit()
        if note_id is None:
            return ScanOutcome(
                result,
                hint="This short link cannot be opened now: scan the product itself",
            )
        return self._note(result, note_id, record)

    # --- linking notes to products ------------------------------------------------------

    def start_linking(self, text: str) -> NoteLinkDraft:
        """Begin linking the note just scanned: the draft holds its current products."""
        outcome = self.scan(text)
        if outcome.note_id is None:
            if isinstance(outcome.result, ShortLink):
                raise ScanError("This short link cannot be opened now: show the note itself")
            raise ScanError("Scan a RED note first, then its products")
        return NoteLinkDraft(outcome.note_id, [p.sku_id for p in outcome.note_products])

    def save_note_links(self, draft: NoteLinkDraft, *, staff_id: int | None) -> tuple[int, int]:
        """Make the note's links exactly the draft's products; returns (added, removed)."""
        at = self._clock()
        with self._database.unit_of_work() as uow:
            notes = NotesRepository(uow.session)
            current = set(notes.linked_sku_ids(draft.note_id))
            wanted = set(draft.sku_ids)
            for sku_id in sorted(wanted - current, key=draft.sku_ids.index):
                notes.link(draft.note_id, sku_id, staff_id=staff_id, at=at)
            for sku_id in current - wanted:
                notes.unlink(draft.note_id, sku_id)
            uow.commit()
        return len(wanted - current), len(current - wanted)

    def link_note(self, note_id: str, sku_ids: Iterable[int], *, staff_id: int | None) -> int:
        """Add links from a note to products; returns how many were new."""
        at = self._clock()
        added = 0
        with self._database.unit_of_work() as uow:
            notes = NotesRepository(uow.session)
            for sku_id in sku_ids:
                added += notes.link(note_id, sku_id, staff_id=staff_id, at=at)
            uow.commit()
        return added

    def unlink_note(self, note_id: str, sku_id: int) -> bool:
        with self._database.unit_of_work() as uow:
            removed = NotesRepository(uow.session).unlink(note_id, sku_id)
            uow.commit()
        return removed

    def note_products(self, note_id: str) -> tuple[SkuView, ...]:
        """The products linked to a note, in the order they were linked."""
        with self._database.reading() as session:
            return _views(session, NotesRepository(session).linked_sku_ids(note_id))

    def unlinked_notes(self, limit: int = 100) -> list[NoteScanCount]:
        """Notes customers showed that no product is linked to yet, most scanned first."""
        with self._database.reading() as session:
            return NotesRepository(session).unlinked_notes(limit)

    def note_link_counts(self) -> list[tuple[str, int]]:
        """Linked notes with their number of products, most recently linked first."""
        with self._database.reading() as session:
            return NotesRepository(session).link_counts()

    def attribution(self, first_day: date, last_day: date) -> list[NoteAttribution]:
        """Sales, units and revenue per note per business day."""
        with self._database.reading() as session:
            return NotesRepository(session).attribution(first_day, last_day)


def _lookup(
    catalog: CatalogRepository,
    result: ProductBarcode | VariableMeasure | SkuCode,
    layout: VariableMeasureLayout,
) -> SkuView | None:
    if isinstance(result, ProductBarcode):
        return catalog.view_by_barcode(result.keys)
    if isinstance(result, VariableMeasure):
        # A scale item is found by its item code as a SKU code, or by its label with a zero
        # value (how scale items are usually entered in the catalog).
        return catalog.view_by_code(result.item_code) or catalog.view_by_barcode(
            [_zero_value_label(result, layout)]
        )
    # Text that is not a retail barcode: a SKU code, else an internal barcode.
    return catalog.view_by_code(result.code) or catalog.view_by_barcode([result.code])


def _zero_value_label(result: VariableMeasure, layout: VariableMeasureLayout) -> str:
    start, end = layout.value_start, layout.value_start + layout.value_length
    body = result.code[:start] + "0" * layout.value_length + result.code[end:-1]
    return body + str(gs1_check_digit(body))


def _views(session: Session, sku_ids: list[int]) -> tuple[SkuView, ...]:
    catalog = CatalogRepository(session)
    views = (catalog.sku_view(sku_id) for sku_id in sku_ids)
    return tuple(view for view in views if view is not None)


def _safe_route(text: str) -> ScanResult | None:
    try:
        return route(text)
    except ScanError:
        return None
