"""RED notes at the counter: a customer shows a note, its products come up and are added to
the sale attributed to the note; staff link products to a note in a few scans."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen
from redhome_pos.services.scanning import NoteLinkDraft, ScanOutcome, ScanService
from ui import jobs
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error


def _save_links(
    service: ScanService, draft: NoteLinkDraft, staff_id: int | None
) -> tuple[int, int]:
    return service.save_note_links(draft, staff_id=staff_id)


class NotesScreen(QWidget):
    add_to_sale = Signal(object, str)  # SkuView, note id
    note_loaded = Signal(str)
    links_saved = Signal(int, int)  # added, removed

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.note_id: str | None = None
        self.products: list[SkuView] = []
        self.draft: NoteLinkDraft | None = None
        self.banner = Banner()

        self.title = QLabel(self.tr("Scan the QR code of the customer's RED note"))
        self.title.setObjectName("title")
        self.title.setWordWrap(True)
        self.hint = QLabel(
            self.tr(
                "Its products appear here. Enter adds the chosen one to the sale, "
                "attributed to the note."
            )
        )
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Product"), self.tr("Price"), self.tr("Stock"), self.tr("Code")]
        )
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.activated.connect(lambda _index: self.add_selected())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        self.add_button = QPushButton(self.tr("Add to sale (Enter)"))
        self.add_button.setObjectName("complete")
        self.add_button.clicked.connect(self.add_selected)
        self.add_all_button = QPushButton(self.tr("Add all"))
        self.add_all_button.clicked.connect(self.add_all)
        self.link_button = QPushButton(self.tr("Link products to this note"))
        self.link_button.clicked.connect(self.start_linking)
        self.save_button = QPushButton(self.tr("Save links"))
        self.save_button.clicked.connect(self.save_links)
        for button in (self.add_button, self.add_all_button, self.link_button, self.save_button):
            button.setFixedHeight(60)  # one row, one height
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        buttons = QHBoxLayout()
        buttons.addWidget(self.link_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_all_button)
        buttons.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.banner)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._show_buttons()

    def activate(self) -> None:
        self.table.setFocus()

    def _service(self) -> ScanService:
        return ScanService(self.counter.database, self.counter.scan_settings())

    def _show_buttons(self) -> None:
        has_note = self.note_id is not None
        linking = self.draft is not None
        self.add_button.setEnabled(has_note and bool(self.products) and not linking)
        self.add_all_button.setEnabled(has_note and bool(self.products) and not linking)
        self.link_button.setEnabled(has_note and not linking)
        self.save_button.setVisible(linking)

    # -- scans ---------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        self.counter.worker.submit(
            jobs.scan,
            self.counter.database,
            self.counter.scan_settings(),
            text,
            self.counter.short_link_resolver(),
            on_done=self.show_outcome,
            on_error=lambda error: self.banner.show_error(describe_error(error)),
        )

    def show_outcome(self, outcome: ScanOutcome) -> None:
        if outcome.note_id is not None:
            self.show_note(outcome)
        elif outcome.sku is not None:
            if self.draft is not None:
                self.add_to_draft(outcome.sku)
            elif self.note_id is not None:
                self.add_to_sale.emit(outcome.sku, self.note_id)
            else:
                self.add_to_sale.emit(outcome.sku, "")
        elif outcome.hint:
            self.banner.show_error(describe_error(DomainError(outcome.hint, **outcome.hint_params)))
        else:
            self.banner.show_error(self.tr("Scan a RED note or a product here"))

    def show_note(self, outcome: ScanOutcome) -> None:
        assert outcome.note_id is not None
        self.note_id = outcome.note_id
        self.draft = None
        self.products = list(outcome.note_products)
        self.title.setText(self.tr("RED note {note}").format(note=outcome.note_id))
        if outcome.note_products:
            self.hint.setText(
                self.tr("{count} product(s) from this note. Enter adds the chosen one.").format(
                    count=len(outcome.note_products)
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "No products are linked to this note yet: scan the product, "
                    "or link products to the note."
                )
            )
        self._fill()
        self.note_loaded.emit(outcome.note_id)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.products))
        for row, view in enumerate(self.products):
            english = self.counter.language == "en" and view.title_en
            title = view.title_en if english else view.title_zh
            text = f"{title}\n{view.variant_text}" if view.variant_text else title
            self.table.setItem(row, 0, QTableWidgetItem(text))
            price = QTableWidgetItem(format_fen(view.price_fen))
            price.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, price)
            stock = QTableWidgetItem(str(view.on_hand))
            stock.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, stock)
            self.table.setItem(row, 3, QTableWidgetItem(view.code))
        self.table.resizeRowsToContents()
        if self.products:
            self.table.selectRow(0)
        self._show_buttons()

    # -- adding to the sale ----------------------------------------------------------------------
    def add_selected(self) -> None:
        if self.note_id is None or self.draft is not None:
            return
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.add_to_sale.emit(self.products[rows[0].row()], self.note_id)

    def add_all(self) -> None:
        if self.note_id is None:
            return
        for view in self.products:
            self.add_to_sale.emit(view, self.note_id)

    # -- linking ------------------------------------------------------------------------------
    def start_linking(self) -> None:
        if self.note_id is None:
            return
        self.draft = NoteLinkDraft(self.note_id, [p.sku_id for p in self.products])
        self.hint.setText(self.tr("Linking: scan each product of the note, then save."))
        self._show_buttons()

    def add_to_draft(self, view: SkuView) -> None:
        assert self.draft is not None
        if self.draft.add(view.sku_id):
            self.products.append(view)
            self._fill()
            self.banner.show_ok(self.tr("{title} linked").format(title=view.title_zh))
        else:
            self.banner.show_error(self.tr("This product is already linked to the note"))

    def save_links(self) -> None:
        if self.draft is None:
            return
        clerk = self.counter.session.clerk
        self.counter.worker.submit(
            partial(_save_links, self._service(), self.draft, clerk.id if clerk else None),
            on_done=self._saved,
            on_error=lambda error: self.banner.show_error(describe_error(error)),
        )

    def _saved(self, counts: tuple[int, int]) -> None:
        added, removed = counts
        self.draft = None
        self.hint.setText(
            self.tr("Links saved: {added} added, {removed} removed.").format(
                added=added, removed=removed
            )
        )
        self._show_buttons()
        self.links_saved.emit(added, removed)
