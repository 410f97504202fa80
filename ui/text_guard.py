"""Every text field refuses control characters as they come in: typed, pasted, dropped or
committed by an input method (Qt's own typing filter lets paste, drop and the input method
through).

One shared guard for the whole program: ``install`` hooks the application's focus changes,
and whenever a widget takes the focus every text field of its window is guarded — a
``QLineEdit`` (and an editable combo box's) gets ``NoControlCharacters`` in front of its own
validator, a ``QPlainTextEdit``/``QTextEdit`` has control characters taken out of what was just
inserted. A field is always guarded before it can receive a key (it has the focus first) or
a paste. The characters are dropped; the rest of what was pasted enters. A one-line field
refuses line breaks and tabs too; a text box keeps them, as the database does.

The database refuses control characters on every write as well
(``redhome_pos.persistence.dialect``): this is the first line, that one the second.
"""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextCursor, QTextDocument, QValidator
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f]")  # a one-line field: every control character
TEXT_BOX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # line breaks and tabs pass
_GUARDED = "redhome_text_guard"


def has_control(text: str, *, one_line: bool = True) -> bool:
    return (ONE_LINE if one_line else TEXT_BOX).search(text) is not None


class NoControlCharacters(QValidator):
    """Drops control characters from a one-line field's text, then asks the field's own
    validator (a number's range, a code's shape), if it has one."""

    def __init__(self, inner: QValidator | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.inner = inner

    def validate(self, text: str, position: int) -> Any:
        if ONE_LINE.search(text):
            before = ONE_LINE.sub("", text[:position])
            text, position = ONE_LINE.sub("", text), len(before)
            QApplication.beep()
        if self.inner is not None:
            return self.inner.validate(text, position)
        return (QValidator.State.Acceptable, text, position)

    def fixup(self, text: str) -> str:
        text = ONE_LINE.sub("", text)
        return self.inner.fixup(text) if self.inner is not None else text


def _guard_line(field: QLineEdit) -> None:
    current = field.validator()
    if isinstance(current, NoControlCharacters):
        return
    field.setValidator(NoControlCharacters(current, field))


def _clean_inserted(document: QTextDocument, position: int, added: int) -> None:
    if added <= 0 or document.property(_GUARDED) == "cleaning":
        return
    cursor = QTextCursor(document)
    end = min(position + added, document.characterCount() - 1)
    cursor.setPosition(position)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    inserted = cursor.selectedText()  # paragraph breaks come as U+2029, not control characters
    if not TEXT_BOX.search(inserted):
        return
    document.setProperty(_GUARDED, "cleaning")
    try:
        found = list(TEXT_BOX.finditer(inserted))
        cursor.joinPreviousEditBlock()  # undone with the insertion, as one step
        for match in reversed(found):
            cursor.setPosition(position + match.start())
            cursor.setPosition(position + match.end(), QTextCursor.MoveMode.KeepAnchor)
            cursor.removeSelectedText()
        cursor.endEditBlock()
    finally:
        document.setProperty(_GUARDED, "guarded")
    QApplication.beep()


def _guard_box(box: QPlainTextEdit | QTextEdit) -> None:
    document = box.document()
    if document.property(_GUARDED):
        return
    document.setProperty(_GUARDED, "guarded")
    document.contentsChange.connect(
        lambda position, _removed, added: _clean_inserted(document, position, added)
    )


def guard(widget: QWidget) -> None:
    """Guard ``widget`` if it is a text field, and every text field inside it."""
    fields: list[QWidget] = [widget, *widget.findChildren(QLineEdit)]
    fields += widget.findChildren(QPlainTextEdit) + widget.findChildren(QTextEdit)
    for field in fields:
        if isinstance(field, QLineEdit):
            if not isinstance(field.parent(), QAbstractSpinBox):  # digits only, its own check
                _guard_line(field)
        elif isinstance(field, QPlainTextEdit | QTextEdit):
            _guard_box(field)


def is_guarded(field: QWidget) -> bool:
    if isinstance(field, QLineEdit):
        return isinstance(field.validator(), NoControlCharacters) or isinstance(
            field.parent(), QAbstractSpinBox
        )
    if isinstance(field, QPlainTextEdit | QTextEdit):
        return bool(field.document().property(_GUARDED))
    return False


def _focus_changed(_old: QWidget | None, new: QWidget | None) -> None:
    if new is not None:
        guard(new.window())


def install(app: QApplication) -> None:
    """Guard the text fields of every window of ``app`` from now on (once per application)."""
    if app.property(_GUARDED):
        return
    app.setProperty(_GUARDED, True)
    app.focusChanged.connect(_focus_changed)
    for window in app.topLevelWidgets():
        guard(window)
