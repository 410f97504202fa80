"""查价: a customer asks what something costs; the clerk scans it (or types its code) and the
price, variant and stock show here. The cart is never touched."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen
from redhome_pos.services.scanning import ScanOutcome
from ui import jobs
from ui.counter import Counter
from ui.errors import describe_error


class PriceCheckDialog(QDialog):
    shown = Signal()  # a product's price (or why there is none) is on the screen

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self._code = ""
        self.setWindowTitle(self.tr("Price check"))
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Scan the product or type its code, then Enter"))
        self.field.setMinimumHeight(48)
        self.field.returnPressed.connect(lambda: self.handle_scan(self.field.text()))
        self.title = QLabel(self.tr("Scan a product to see its price; the sale is not changed."))
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 22px;")
        self.variant = QLabel()
        self.variant.setObjectName("muted")
        self.price = QLabel()
        self.price.setObjectName("amountDue")
        self.price.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("banner")
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close (Esc)"))
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.field, self.title, self.variant, self.price, self.detail, self.error):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumSize(520, 380)

    def handle_scan(self, text: str) -> None:
        text = text.strip()
        self.field.clear()
        if not text:
            return
        self._code = text
        self.counter.worker.submit(
            jobs.scan,
            self.counter.database,
            self.counter.scan_settings(),
            text,
            on_done=self.show_outcome,
            on_error=self._failed,
        )

    def show_outcome(self, outcome: ScanOutcome) -> None:
        view = outcome.sku
        if view is None:
            if outcome.hint:
                self._failed(DomainError(outcome.hint, **outcome.hint_params))
            else:
                self._failed(DomainError("No product has the code {code}", code=self._code))
            return
        self.error.hide()
        english = self.counter.language == "en" and view.title_en
        self.title.setText(view.title_en if english else view.title_zh)
        self.variant.setText(view.variant_text)
        self.price.setText(format_fen(view.price_fen))
        parts = [self.tr("Code {code}").format(code=view.code)]
        if view.original_price_fen > view.price_fen:
            parts.append(self.tr("Was {price}").format(price=format_fen(view.original_price_fen)))
        parts.append(self.tr("In stock: {units}").format(units=view.on_hand))
        self.detail.setText("  ·  ".join(parts))
        self.shown.emit()

    def _failed(self, error: object) -> None:
        self.title.setText("")
        self.variant.setText("")
        self.price.setText("")
        self.detail.setText("")
        self.error.setText(describe_error(error))
        self.error.show()
        self.shown.emit()
