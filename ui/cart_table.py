"""The cart as a table: line, product (title over a grey variant, never clipped), quantity,
unit price, discount, amount. Numbers right-aligned in tabular digits."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from redhome_pos.domain.cart import CartTotals, PricedLine
from redhome_pos.domain.money import format_fen
from ui.theme import GREY, SMALL_PX

VARIANT_ROLE = Qt.ItemDataRole.UserRole + 1
NOTE_ROLE = Qt.ItemDataRole.UserRole + 2
SAVINGS_ROLE = Qt.ItemDataRole.UserRole + 3  # the promotions' savings, in their own words
RED = "#B3261E"
Index = QModelIndex | QPersistentModelIndex


class CartModel(QAbstractTableModel):
    NO, PRODUCT, QTY, PRICE, DISCOUNT, AMOUNT = range(6)  # DISCOUNT: 优惠, every saving

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.note_times: dict[str, str] = {}  # note id -> when it was scanned (HH:MM)
        self.lines: tuple[PricedLine, ...] = ()
        self.titles = (
            self.tr("#"),
            self.tr("Product"),
            self.tr("Qty"),
            self.tr("Price"),
            self.tr("Savings"),
            self.tr("Amount"),
        )

    def show_totals(self, totals: CartTotals) -> list[int]:
        """Shows the cart's lines; returns the rows whose height may have changed.

        A scan changes one line or adds one at the end: only that row is told, so a long cart
        is not laid out again for every scan."""
        old = [p.line.line_no for p in self.lines]
        new = [p.line.line_no for p in totals.lines]
        # A promotion reached (or lost) changes the words under lines scanned earlier.
        savings = [p.savings for p in self.lines]
        resaid = [
            row for row, p in enumerate(totals.lines[: len(old)]) if p.savings != savings[row]
        ]
        if new == old:
            self.lines = totals.lines
            if new:
                self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, 5))
            return resaid
        if new[: len(old)] == old:
            first = len(old)
            self.beginInsertRows(QModelIndex(), first, len(new) - 1)
            self.lines = totals.lines
            self.endInsertRows()
            if old:
                self.dataChanged.emit(self.index(0, 0), self.index(len(old) - 1, 5))
            return resaid + list(range(first, len(new)))
        self.beginResetModel()
        self.lines = totals.lines
        self.endResetModel()
        return list(range(len(new)))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if section in (self.QTY, self.PRICE, self.DISCOUNT, self.AMOUNT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        priced = self.lines[index.row()]
        line = priced.line
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NO:
                return str(index.row() + 1)
            if column == self.PRODUCT:
                return line.title
            if column == self.QTY:
                return str(line.quantity)
            if column == self.PRICE:
                return format_fen(line.unit_price_fen)
            if column == self.DISCOUNT:  # promotions and manual discounts
                return format_fen(-priced.saving_fen) if priced.saving_fen else ""
            if column == self.AMOUNT:
                return format_fen(priced.amount_fen)
        if role == VARIANT_ROLE and column == self.PRODUCT:
            if line.lot:  # a lot scanned from its GS1 code: shown with the variant
                lot = self.tr("Lot {lot}").format(lot=line.lot)
                return f"{line.variant}  ·  {lot}" if line.variant else lot
            return line.variant
        if role == NOTE_ROLE and column == self.PRODUCT:
            if not line.note_id:
                return ""
            # Something a person can match: when the note was scanned, and the id's end.
            seen = self.note_times.get(line.note_id)
            short = "…" + line.note_id[-8:]
            return f"{seen} · {short}" if seen else short
        if role == SAVINGS_ROLE and column == self.PRODUCT:
            return "  ".join(
                f"{saving.label} {format_fen(-saving.amount_fen)}" for saving in priced.savings
            )
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.QTY, self.PRICE, self.DISCOUNT, self.AMOUNT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == self.NO:
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.DISCOUNT:
            return QColor(RED)
        return None

    def line_no_at(self, row: int) -> int | None:
        if 0 <= row < len(self.lines):
            return self.lines[row].line.line_no
        return None

    def row_of(self, line_no: int) -> int | None:
        for row, priced in enumerate(self.lines):
            if priced.line.line_no == line_no:
                return row
        return None


class ProductDelegate(QStyledItemDelegate):
    """Title on the first line(s), variant (and note) smaller and grey under it, then what
    each promotion saved on the line in red ("第二件半价 -￥64.00"), all wrapped."""

    @staticmethod
    def _pad(option: QStyleOptionViewItem) -> int:
        """Room around the text, growing with it (a larger screen's cart has airier rows)."""
        return max(6, round(option.font.pixelSize() * 0.4))

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        title = QFont(option.font)
        small = QFont(option.font)
        body_px = option.font.pixelSize()
        small.setPixelSize(max(SMALL_PX, round(body_px * 0.875)) if body_px > 0 else SMALL_PX)
        return title, small

    def _second_line(self, index: Index, metrics: QFontMetrics, width: int) -> str:
        variant = str(index.data(VARIANT_ROLE) or "")
        if metrics.horizontalAdvance(variant) > width:  # narrow: one attribute a line, whole
            variant = variant.replace(" / ", "\n")
        note = index.data(NOTE_ROLE) or ""
        if note:
            note_text = self.tr("Note {note}").format(note=note)
            return f"{variant}  ·  {note_text}" if variant else note_text
        return str(variant)

    def _layout(
        self, option: QStyleOptionViewItem, index: Index, width: int
    ) -> tuple[QRect, QRect, QRect]:
        title_font, small_font = self._fonts(option)
        text_width = max(40, width - 2 * self._pad(option))
        flags = int(Qt.TextFlag.TextWordWrap)
        title_rect = QFontMetrics(title_font).boundingRect(
            QRect(0, 0, text_width, 10_000), flags, str(index.data() or "")
        )
        second = self._second_line(index, QFontMetrics(small_font), text_width)
        small_rect = (
            QFontMetrics(small_font).boundingRect(QRect(0, 0, text_width, 10_000), flags, second)
            if second
            else QRect(0, 0, 0, 0)
        )
        savings = str(index.data(SAVINGS_ROLE) or "")
        savings_rect = (
            QFontMetrics(small_font).boundingRect(QRect(0, 0, text_width, 10_000), flags, savings)
            if savings
            else QRect(0, 0, 0, 0)
        )
        return title_rect, small_rect, savings_rect

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = option.rect.width() if option.rect.width() > 0 else 320
        title_rect, small_rect, savings_rect = self._layout(option, index, width)
        height = title_rect.height() + small_rect.height() + savings_rect.height()
        height += 2 * self._pad(option) + 2 + (2 if savings_rect.height() else 0)
        return QSize(width, max(48, round(option.font.pixelSize() * 2.8), height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        text = option.text
        option.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        option.text = text
        title_font, small_font = self._fonts(option)
        pad = self._pad(option)
        rect = option.rect.adjusted(pad, pad, -pad, -pad)
        title_rect, small_rect, savings_rect = self._layout(option, index, option.rect.width())
        painter.save()
        painter.setFont(title_font)
        painter.setPen(option.palette.color(option.palette.ColorRole.Text))
        top = QRect(rect.left(), rect.top(), rect.width(), title_rect.height())
        painter.drawText(top, int(Qt.TextFlag.TextWordWrap), str(index.data() or ""))
        second = self._second_line(index, QFontMetrics(small_font), rect.width())
        if second:
            painter.setFont(small_font)
            painter.setPen(QColor(GREY))
            below = QRect(rect.left(), top.bottom() + 2, rect.width(), small_rect.height())
            painter.drawText(below, int(Qt.TextFlag.TextWordWrap), second)
            top = below
        savings = str(index.data(SAVINGS_ROLE) or "")
        if savings:
            painter.setFont(small_font)
            painter.setPen(QColor(RED))
            below = QRect(rect.left(), top.bottom() + 2, rect.width(), savings_rect.height())
            painter.drawText(below, int(Qt.TextFlag.TextWordWrap), savings)
        painter.restore()


class CartTable(QTableView):
    def __init__(self, model: CartModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cart")  # larger on a large screen (ui/theme.py)
        self.setModel(model)
        self.setItemDelegateForColumn(CartModel.PRODUCT, ProductDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        header = self.horizontalHeader()
        header.setSectionResizeMode(CartModel.NO, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(CartModel.PRODUCT, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(44)
        self.fit_number_columns()
        header.sectionResized.connect(self._column_resized)

    def fit_number_columns(self) -> None:
        model = self.model()
        header = self.horizontalHeader()
        metrics = QFontMetrics(self.font())
        number_title = str(model.headerData(CartModel.NO, Qt.Orientation.Horizontal))
        widest_no = max(metrics.horizontalAdvance("999"), metrics.horizontalAdvance(number_title))
        header.resizeSection(CartModel.NO, max(44, widest_no + 16))
        # Number columns get a fixed width that holds the widest amount a till sees: sizing
        # them to their contents would read every row again on every scan.
        metrics = QFontMetrics(self.font())
        widest = {
            CartModel.QTY: "999",
            CartModel.PRICE: "￥9999.00",
            CartModel.DISCOUNT: "-￥999.00",
            CartModel.AMOUNT: "￥99999.00",
        }
        for column, sample in widest.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, width + 14)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # a larger screen: wider number columns
            self.fit_number_columns()
            self.fit_rows(range(self.model().rowCount()))

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        # Only the product column wraps: a new width may change every row's height.
        if column == CartModel.PRODUCT:
            self.fit_rows(range(self.model().rowCount()))

    def fit_rows(self, rows: Iterable[int]) -> None:
        """Each of ``rows`` made as tall as its product cell needs. Only that column wraps (the
        number columns hold one line, lower than a product row's least height), so it alone is
        measured, and a row keeps its height when its words change but not their lines: a
        满减 reached rewords every line's savings, and measuring every cell of every row cost
        more than pricing the cart."""
        delegate = self.itemDelegateForColumn(CartModel.PRODUCT)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(0, 0, self.columnWidth(CartModel.PRODUCT), 1)
        model = self.model()
        for row in rows:
            height = delegate.sizeHint(option, model.index(row, CartModel.PRODUCT)).height()
            if height != self.rowHeight(row):
                self.setRowHeight(row, height)

    def select_line(self, line_no: int | None) -> None:
        model = self.model()
        assert isinstance(model, CartModel)
        row = model.row_of(line_no) if line_no is not None else None
        if row is None:
            if model.rowCount():
                row = model.rowCount() - 1
            else:
                return
        self.selectRow(row)
        self.scrollTo(model.index(row, 0))

    def selected_line_no(self) -> int | None:
        model = self.model()
        assert isinstance(model, CartModel)
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        return model.line_no_at(rows[0].row())
