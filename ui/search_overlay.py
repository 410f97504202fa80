"""Product search over the cart: filters as you type (debounced, on the search worker), shows
stock, Enter adds the chosen product. Barcode, SKU code, Chinese and pinyin initials all work."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.money import format_fen
from redhome_pos.persistence.database import Database
from ui.counter import Counter

if TYPE_CHECKING:
    from redhome_pos.services.catalog_search import SearchPage
from ui.errors import describe_error
from ui.workers import LatestOnly

DEBOUNCE_MS = 150
PAGE = 50
Index = QModelIndex | QPersistentModelIndex


def search_page(database: Database, query: str, limit: int) -> SearchPage:
    """Runs on the search worker. The search module (and its pinyin tables, slow to load) is
    imported here, on the worker, so start-up never waits for it."""
    from redhome_pos.services.catalog_search import search_catalog

    return search_catalog(database, query, limit=limit)


def warm_up() -> None:
    """Loads the search module on the search worker ahead of the first search."""
    import redhome_pos.services.catalog_search  # noqa: F401


class ResultsModel(QAbstractTableModel):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.language = language
        self.rows: tuple[SkuView, ...] = ()

    def show(self, rows: tuple[SkuView, ...]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Product"), self.tr("Price"), self.tr("Stock"), self.tr("Code"))[
                section
            ]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        view = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                english = self.language == "en" and view.title_en
                title = view.title_en if english else view.title_zh
                return f"{title}\n{view.variant_text}" if view.variant_text else title
            if column == 1:
                return format_fen(view.price_fen)
            if column == 2:
                return str(view.on_hand)
            return view.code
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and view.on_hand <= 0:
            from PySide6.QtGui import QColor

            return QColor("#B3261E")
        return None


class SearchOverlay(QFrame):
    """Lies over the cart; ``chosen(SkuView)`` when the clerk picks a product."""

    chosen = Signal(object)
    results_shown = Signal(int)
    closed = Signal()

    def __init__(self, counter: Counter, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("overlay")
        self.counter = counter
        self._searches = LatestOnly(counter.search_worker)
        # Load the search module on the search worker while the login screen is up: loading
        # its pinyin tables holds Python's lock for a moment, better then than mid-sale.
        QTimer.singleShot(500, lambda: counter.search_worker.submit(warm_up))
        self.field = QLineEdit()
        self.field.setPlaceholderText(
            self.tr("Name, pinyin initials, barcode or SKU code (e.g. 口红, khs, LIP-520)")
        )
        self.field.setMinimumHeight(48)
        self.field.setStyleSheet("font-size: 20px;")
        self.field.textChanged.connect(self._typed)
        self.field.installEventFilter(self)
        close = QPushButton(self.tr("Close (Esc)"))
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.clicked.connect(self.close_overlay)
        self.status = QLabel()
        self.status.setObjectName("muted")
        self.model = ResultsModel(counter.language, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.activated.connect(lambda _index: self.choose())
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        top = QHBoxLayout()
        top.addWidget(self.field, 1)
        top.addWidget(close)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.hide()

    def open_overlay(self) -> None:
        parent = self.parentWidget()
        area = getattr(parent, "cart_area", None)
        if callable(area):
            self.setGeometry(area())
        elif parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.field.setFocus()
        self.field.selectAll()

    def close_overlay(self) -> None:
        self.hide()
        self.closed.emit()

    def _typed(self, _text: str) -> None:
        self._timer.start()

    def search_now(self) -> None:
        query = self.field.text().strip()
        if not query:
            self.model.show(())
            self.status.clear()
            return
        self.status.setText(self.tr("Searching…"))
        database = self.counter.database
        self._searches.submit(
            lambda: search_page(database, query, PAGE),
            on_done=self.show_page,
            on_error=lambda error: self.status.setText(describe_error(error)),
        )

    def show_page(self, page: SearchPage) -> None:
        self.model.show(page.results)
        self.table.resizeRowsToContents()
        if page.results:
            self.table.selectRow(0)
            more = "+" if page.has_more else ""
            self.status.setText(
                self.tr("{count}{more} found. ↑↓ choose, Enter adds.").format(
                    count=len(page.results), more=more
                )
            )
        else:
            self.status.setText(self.tr("Nothing found for “{query}”").format(query=page.query))
        self.results_shown.emit(len(page.results))

    def choose(self) -> None:
        if self._timer.isActive():
            self._timer.stop()
            self.search_now()
            return
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        self.chosen.emit(self.model.rows[rows[0].row()])
        self.close_overlay()

    def _move(self, step: int) -> None:
        count = self.model.rowCount()
        if not count:
            return
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        row = max(0, min(count - 1, row + step))
        self.table.selectRow(row)

    # Arrows move through the results while the cursor stays in the search field.
    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            watched is self.field
            and isinstance(event, QKeyEvent)
            and event.type() == event.Type.KeyPress
        ):
            key = event.key()
            if key == Qt.Key.Key_Down:
                self._move(+1)
                return True
            if key == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_overlay()
                return True
        return super().eventFilter(watched, event)
