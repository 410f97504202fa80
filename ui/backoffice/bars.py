"""A simple painted bar chart: one bar per label, the value written at its end (money as ￥)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from redhome_pos.domain.money import format_fen

BAR = QColor("#4A6FA5")  # a figure, not an action: never the brand red
INK = QColor("#1F1F1F")
GREY = QColor("#6B6B6B")
MAX_BARS = 24


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars: list[tuple[str, int]] = []
        self.money = True
        self.setMinimumHeight(180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_bars(self, bars: Sequence[tuple[str, int]], *, money: bool) -> None:
        self.bars = list(bars)[:MAX_BARS]
        self.money = money
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        if not self.bars:
            painter.end()
            return
        metrics = painter.fontMetrics()
        label_width = min(
            max(metrics.horizontalAdvance(label) for label, _ in self.bars) + 12,
            self.width() * 2 // 5,
        )
        value_width = max(metrics.horizontalAdvance(self._value(v)) for _, v in self.bars) + 12
        row = max(min((self.height() - 8) / len(self.bars), 36.0), 12.0)
        top = max(0, max(value for _, value in self.bars))
        span = max(self.width() - label_width - value_width - 8, 10)
        for number, (label, value) in enumerate(self.bars):
            y = 4 + number * row
            painter.setPen(INK)
            painter.drawText(
                QRectF(4, y, label_width - 8, row),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                # The middle goes: a label's end (a variant, a code) tells like bars apart.
                metrics.elidedText(label, Qt.TextElideMode.ElideMiddle, label_width - 8),
            )
            length = span * max(value, 0) / top if top else 0
            painter.fillRect(QRectF(label_width, y + row * 0.2, length, row * 0.6), BAR)
            painter.setPen(GREY)
            painter.drawText(
                QRectF(label_width + length + 6, y, value_width, row),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._value(value),
            )
        painter.end()

    def _value(self, value: int) -> str:
        return format_fen(value) if self.money else str(value)
