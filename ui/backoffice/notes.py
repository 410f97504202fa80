"""RED notes for managers: notes customers showed that nothing is linked to yet (most scanned
first), the links of every note (link more by scanning, unlink one), and what each note sold."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.notes import NoteAttribution
from ui.backoffice import notes_jobs
from ui.backoffice.notes_jobs import NotesOverview
from ui.backoffice.tables import TAB_STYLE, fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error

ATTRIBUTION_DAYS = 30


class NotesManagerScreen(QWidget):
    loaded = Signal()
    products_loaded = Signal()
    linked = Signal(int)  # new links
    attribution_loaded = Signal()
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.overview = NotesOverview((), ())
        self.note_id: str | None = None
        self.products: tuple[SkuView, ...] = ()
        self.sold: list[NoteAttribution] = []

        title = QLabel(self.tr("RED notes in this store"))
        title.setObjectName("title")
        self.hint = QLabel(self.tr("Choose a note, then scan products to link them to it"))
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)

        self.unlinked = make_table(
            [self.tr("Note"), self.tr("Scans"), self.tr("Last shown")], stretch=0
        )
        self.unlinked.itemSelectionChanged.connect(
            lambda: self._note_chosen(self.unlinked, [n.note_id for n in self.overview.unlinked])
        )
        self.links = make_table([self.tr("Note"), self.tr("Products")], stretch=0)
        self.links.itemSelectionChanged.connect(
            lambda: self._note_chosen(self.links, [n for n, _ in self.overview.links])
        )
        self.note_products = make_table(
            [self.tr("Product"), self.tr("Code"), self.tr("Price")], stretch=0
        )
        self.unlink_button = QPushButton(self.tr("Unlink the chosen product"))
        self.unlink_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.unlink_button.clicked.connect(self.unlink)
        self.note_title = QLabel()
        self.note_title.setWordWrap(True)
        products = QVBoxLayout()
        products.addWidget(self.note_title)
        products.addWidget(self.note_products, 1)
        products.addWidget(self.unlink_button)

        lists = QTabWidget()
        lists.setStyleSheet(TAB_STYLE)
        lists.addTab(self.unlinked, self.tr("Not linked yet"))
        lists.addTab(self.links, self.tr("Linked notes"))
        self.lists = lists
        self.sold_table = make_table(
            [
                self.tr("Day"),
                self.tr("Note"),
                self.tr("Sales"),
                self.tr("Units"),
                self.tr("Revenue"),
                self.tr("Refunded"),
                self.tr("Net revenue"),
            ],
            stretch=1,
        )
        body = QHBoxLayout()
        body.addWidget(lists, 1)
        body.addLayout(products, 1)
        self.tabs = QTabWidget()
        self.tabs.setStyleSheet(TAB_STYLE)
        page = QWidget()
        page.setLayout(body)
        self.tabs.addTab(page, self.tr("Notes and links"))
        self.tabs.addTab(self.sold_table, self.tr("Sales from RED notes"))
        self.tabs.currentChanged.connect(lambda index: self.load_attribution() if index else None)
        self.banner = Banner()
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addWidget(self.hint)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.banner)
        self._show_products()

    # -- loading --------------------------------------------------------------------------------
    def activate(self) -> None:
        self.load()

    def load(self) -> None:
        self.counter.worker.submit(
            partial(notes_jobs.overview, self.counter.database, self.counter.scan_settings()),
            on_done=self._loaded,
            on_error=self._fail,
        )

    def _loaded(self, overview: NotesOverview) -> None:
        self.overview = overview
        zone = ZoneInfo(self.counter.context.timezone)
        for table in (self.unlinked, self.links):
            table.blockSignals(True)
        fill(
            self.unlinked,
            [
                (
                    n.note_id,
                    n.scan_count,
                    n.last_scanned_at.astimezone(zone).strftime("%m-%d %H:%M"),
                )
                for n in overview.unlinked
            ],
        )
        fill(self.links, list(overview.links))
        for table in (self.unlinked, self.links):
            table.blockSignals(False)
        self.loaded.emit()

    def choose(self, note_id: str) -> None:
        for table, ids in (
            (self.unlinked, [n.note_id for n in self.overview.unlinked]),
            (self.links, [n for n, _ in self.overview.links]),
        ):
            if note_id in ids:
                self.lists.setCurrentWidget(table)
                table.selectRow(ids.index(note_id))
                return

    def _note_chosen(self, table: QTableWidget, ids: list[str]) -> None:
        row = table.currentRow()
        if 0 <= row < len(ids):
            self.note_id = ids[row]
            self.load_products()

    def load_products(self) -> None:
        if self.note_id is None:
            return
        self.counter.worker.submit(
            partial(
                notes_jobs.products,
                self.counter.database,
                self.counter.scan_settings(),
                self.note_id,
            ),
            on_done=self._products,
            on_error=self._fail,
        )

    def _products(self, products: tuple[SkuView, ...]) -> None:
        self.products = products
        self._show_products()
        self.products_loaded.emit()

    def _show_products(self) -> None:
        if self.note_id is None:
            self.note_title.setText(self.tr("No note chosen"))
        else:
            self.note_title.setText(
                self.tr("Note {note}: %n product(s)", "", len(self.products)).format(
                    note=self.note_id
                )
            )
        fill(
            self.note_products,
            [
                (f"{p.title_zh} {p.variant_text}".strip(), p.code, format_fen(p.price_fen))
                for p in self.products
            ],
        )
        self.unlink_button.setEnabled(bool(self.products))

    # -- linking --------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        if self.note_id is None:
            self._fail(self.tr("Choose a note first, then scan its products"))
            return
        self.counter.worker.submit(
            partial(
                notes_jobs.link_scanned,
                self.counter.database,
                self.counter.scan_settings(),
                self.note_id,
                text.strip(),
                self.counter.session.clerk,
            ),
            on_done=self._linked,
            on_error=self._fail,
        )

    def _linked(self, added: int) -> None:
        if added:
            self.banner.show_ok(self.tr("Linked to the note"))
        else:
            self.banner.show_ok(self.tr("Already linked to the note"))
        self.linked.emit(added)
        self.load_products()
        self.load()

    def unlink(self) -> None:
        row = self.note_products.currentRow()
        if self.note_id is None or not 0 <= row < len(self.products):
            self._fail(self.tr("Choose the product to unlink"))
            return
        self.counter.worker.submit(
            partial(
                notes_jobs.unlink,
                self.counter.database,
                self.counter.scan_settings(),
                self.note_id,
                self.products[row].sku_id,
            ),
            on_done=self._unlinked,
            on_error=self._fail,
        )

    def _unlinked(self, _removed: bool) -> None:
        self.load_products()
        self.load()

    # -- attribution ----------------------------------------------------------------------------
    def load_attribution(self, days: int = ATTRIBUTION_DAYS) -> None:
        today = datetime.now(ZoneInfo(self.counter.context.timezone)).date()
        first: date = today - timedelta(days=days - 1)
        self.counter.worker.submit(
            partial(
                notes_jobs.attribution,
                self.counter.database,
                self.counter.scan_settings(),
                first,
                today,
            ),
            on_done=self._attribution,
            on_error=self._fail,
        )

    def _attribution(self, sold: list[NoteAttribution]) -> None:
        self.sold = sold
        fill(
            self.sold_table,
            [
                (
                    a.business_date.isoformat(),
                    a.note_id,
                    a.sales,
                    a.units,
                    format_fen(a.revenue_fen),
                    format_fen(a.refunded_fen),
                    format_fen(a.net_revenue_fen),
                )
                for a in sold
            ],
        )
        self.attribution_loaded.emit()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
