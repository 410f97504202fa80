"""Small helpers the back-office tables share: read-only, whole rows, numbers right-aligned."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

# Tabs a finger can hit (44 px and more), as the rest of the touch targets.
TAB_STYLE = "QTabBar::tab { min-height: 40px; min-width: 96px; padding: 2px 14px; }"


def make_table(headers: Sequence[str], stretch: int = 0) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(40)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        mode = (
            QHeaderView.ResizeMode.Stretch
            if column == stretch
            else (QHeaderView.ResizeMode.ResizeToContents)
        )
        header.setSectionResizeMode(column, mode)
    return table


def fill_row(
    table: QTableWidget, row: int, values: Sequence[object], right: Sequence[int] = ()
) -> None:
    """``right``: columns of amounts already written as text, aligned as numbers are."""
    for column, value in enumerate(values):
        item = QTableWidgetItem(str(value))
        if isinstance(value, int) or column in right:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, column, item)


def fill(table: QTableWidget, rows: Sequence[Sequence[object]], right: Sequence[int] = ()) -> None:
    table.setRowCount(len(rows))
    for number, values in enumerate(rows):
        fill_row(table, number, values, right)
