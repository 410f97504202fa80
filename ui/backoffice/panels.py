"""The shape the back office's lists of money needing a manager share (payments taken without a
sale, refunds still owed): a title and what the list is for, a banner and a state line, the
list, the actions on the chosen row, and a reason with the button that needs it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from ui.banner import Banner


def tall_button(text: str, slot: Callable[[], object]) -> QPushButton:
    """A button a finger can hit that leaves the keyboard focus where it was."""
    button = QPushButton(text)
    button.setMinimumHeight(48)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.clicked.connect(lambda *_: slot())
    return button


def explained_title(title: str, explanation: str) -> tuple[QLabel, QLabel]:
    heading = QLabel(title)
    heading.setObjectName("title")
    explain = QLabel(explanation)
    explain.setObjectName("muted")
    explain.setWordWrap(True)
    return heading, explain


def lay_out_money_list(
    widget: QWidget,
    heading: Sequence[QLabel],
    banner: Banner,
    state: QLabel,
    table: QTableWidget,
    *,
    below: Sequence[QWidget] = (),
    refresh: QPushButton,
    actions: Sequence[QPushButton],
    reason: QLineEdit,
    with_reason: QPushButton,
) -> None:
    """Stack the parts on ``widget``: refresh on the left of the actions, the reason field
    stretching beside the button it goes with."""
    row = QHBoxLayout()
    row.addWidget(refresh)
    row.addStretch(1)
    for action in actions:
        row.addWidget(action)
    reasoned = QHBoxLayout()
    reasoned.addWidget(reason, 1)
    reasoned.addWidget(with_reason)
    column = QVBoxLayout(widget)
    for label in heading:
        column.addWidget(label)
    column.addWidget(banner)
    column.addWidget(state)
    column.addWidget(table, 1)
    for part in below:
        column.addWidget(part)
    column.addLayout(row)
    column.addLayout(reasoned)
