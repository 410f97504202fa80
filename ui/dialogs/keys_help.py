"""F1: the keys of the counter, in one list."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget


class KeysHelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keys"))
        keys = [
            ("F1", self.tr("This help")),
            ("F2", self.tr("Search products")),
            ("F3", self.tr("Quantity of the chosen line")),
            ("+ / -", self.tr("One more / one less")),
            ("F4", self.tr("Discount")),
            ("Del", self.tr("Remove the chosen line")),
            ("F5", self.tr("Park the sale")),
            ("F6", self.tr("Recall a parked sale")),
            ("F7", self.tr("Member")),
            ("F8", self.tr("Return or exchange")),
            ("F9", self.tr("RED note")),
            ("F10", self.tr("Open the drawer")),
            ("F11", self.tr("Change price")),
            ("F12", self.tr("Pay")),
            ("Enter", self.tr("Confirm; in payment: complete the sale")),
            ("Esc", self.tr("Back / cancel")),
            ("Ctrl+1…9", self.tr("Go to a screen")),
        ]
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        for row, (key, meaning) in enumerate(keys):
            key_label = QLabel(key)
            key_label.setStyleSheet("font-weight: bold;")
            grid.addWidget(key_label, row, 0)
            grid.addWidget(QLabel(meaning), row, 1)
        hint = QLabel(self.tr("A scan works whatever has focus; nothing needs a click first."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close (Esc)"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(buttons)
