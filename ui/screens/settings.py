"""Settings at the counter: the language of the screens, this till, and the printer's last
preview (the demo printer writes PNG previews instead of paper)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.counter import Counter


class SettingsScreen(QWidget):
    language_chosen = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        context = counter.context

        language_box = QGroupBox(self.tr("Language of the screens"))
        row = QHBoxLayout(language_box)
        self.languages = QButtonGroup(self)
        self.language_buttons: dict[str, QPushButton] = {}
        # Each language is named in itself, so anyone can find their own.
        for code, name in (("zh_CN", "简体中文"), ("en", "English")):
            button = QPushButton(name)
            button.setCheckable(True)
            button.setChecked(code == counter.language)
            button.setMinimumHeight(56)
            button.clicked.connect(lambda *_, c=code: self.choose(c))
            self.languages.addButton(button)
            self.language_buttons[code] = button
            row.addWidget(button)
        row.addStretch(1)

        till_box = QGroupBox(self.tr("This till"))
        form = QFormLayout(till_box)
        form.addRow(self.tr("Store"), QLabel(f"{context.store_name} ({context.store_code})"))
        form.addRow(self.tr("Terminal"), QLabel(context.terminal_id))
        form.addRow(self.tr("Time zone"), QLabel(context.timezone))
        mode = self.tr("Demo store") if context.demo else self.tr("Store")
        form.addRow(self.tr("Mode"), QLabel(mode))

        preview_box = QGroupBox(self.tr("Last printout (preview printer)"))
        preview_layout = QVBoxLayout(preview_box)
        self.preview = QLabel(self.tr("Nothing printed yet."))
        self.preview.setObjectName("muted")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        refresh = QPushButton(self.tr("Show the latest"))
        refresh.clicked.connect(self.show_preview)
        preview_layout.addWidget(scroll, 1)
        preview_layout.addWidget(refresh)

        left = QVBoxLayout()
        left.addWidget(language_box)
        left.addWidget(till_box)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(left, 1)
        layout.addWidget(preview_box, 1)

    def choose(self, language: str) -> None:
        if language != self.counter.language:
            self.language_chosen.emit(language)

    def activate(self) -> None:
        self.show_preview()

    def preview_file(self) -> Path | None:
        folder = self.counter.context.preview_dir
        if folder is None or not Path(folder).is_dir():
            return None
        pictures = sorted(Path(folder).glob("*.png"), key=lambda p: p.stat().st_mtime)
        return pictures[-1] if pictures else None

    def show_preview(self) -> None:
        picture = self.preview_file()
        if picture is None:
            return
        pixmap = QPixmap(str(picture))
        if not pixmap.isNull():
            self.preview.setPixmap(pixmap)
