"""Expiring soon (临期商品): lots on hand that have expired or expire within the days asked,
the soonest first, with the value at stake, for the manager's daily walk of the shelves."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from redhome_pos.domain.money import format_fen
from redhome_pos.services import lots
from redhome_pos.services.lots import ExpiringLot
from ui.backoffice.tables import fill, make_table
from ui.counter import Counter
from ui.errors import describe_error


class ExpiringPanel(QWidget):
    shown = Signal(list)  # ExpiringLot list
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.found: list[ExpiringLot] = []
        self.days = QSpinBox()
        self.days.setRange(0, 3650)
        self.days.setValue(counter.context.expiry_warning_days)
        self.days.setSuffix(self.tr(" days"))
        self.days.setMinimumHeight(44)
        self.days.setMinimumWidth(140)
        self.refresh_button = QPushButton(self.tr("Show"))
        self.refresh_button.setObjectName("complete")
        self.refresh_button.setMinimumHeight(44)
        self.refresh_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.refresh_button.clicked.connect(self.refresh)
        self.summary = QLabel()
        self.summary.setObjectName("muted")
        self.summary.setWordWrap(True)
        self.table = make_table(
            [
                self.tr("Code"),
                self.tr("Product"),
                self.tr("Lot"),
                self.tr("Expiry date"),
                self.tr("Days left"),
                self.tr("On hand"),
                self.tr("Value"),
            ],
            stretch=1,
        )
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Expired, or expiring within")))
        head.addWidget(self.days)
        head.addWidget(self.refresh_button)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.counter.worker.submit(
            partial(
                lots.expiring_soon,
                self.counter.database,
                self.counter.till,
                days=self.days.value(),
            ),
            on_done=self._show,
            on_error=lambda error: self.failed.emit(describe_error(error)),
        )

    def _show(self, found: list[ExpiringLot]) -> None:
        self.found = found
        today = self.counter.till.today()
        rows = []
        expired = 0
        for lot in found:
            left = (lot.expiry - today).days
            if left < 0:
                expired += 1
            rows.append(
                (
                    lot.sku_code,
                    lot.title,
                    lot.lot_code or self.tr("(unknown)"),
                    lot.expiry.isoformat(),
                    self.tr("Expired") if left < 0 else str(left),
                    lot.on_hand,
                    format_fen(lot.value_fen),
                )
            )
        fill(self.table, rows)
        self.summary.setText(
            self.tr(
                "Lots: {lots} · units: {units} · at stake: {value} · lots expired: {expired}"
            ).format(
                lots=len(found),
                units=sum(lot.on_hand for lot in found),
                value=format_fen(sum(lot.value_fen for lot in found)),
                expired=expired,
            )
        )
        self.shown.emit(found)
