"""Point 9, as typed: every text field of every screen refuses control characters when they
come in — typed, pasted, or committed by an input method (Qt's own typing filter stops a
typed one, not a paste nor an input method's text). The walk goes through the counter's
screens, the manager's tabs and the counter's dialogs, and every one-line field and text box
in them; the database's check on save stays as the second line (``tests/security/test_09``)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)
from ui_helpers import log_in, scan

from ui import text_guard

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
LINE_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def _text(field: QWidget) -> str:
    return field.text() if isinstance(field, QLineEdit) else field.toPlainText()  # type: ignore[attr-defined]


def _clear(field: QWidget) -> None:
    if isinstance(field, QLineEdit):
        field.clear()
    else:
        field.setPlainText("")  # type: ignore[attr-defined]


def _fields(root: QWidget) -> list[QWidget]:
    found: list[QWidget] = []
    for kind in (QLineEdit, QPlainTextEdit, QTextEdit):
        found += [
            field
            for field in root.findChildren(kind)
            if not isinstance(field.parent(), QAbstractSpinBox)
        ]
    return found


def _type_into(field: QWidget) -> str:
    """What a person can send a field: a pasted text, an input method's text, a typed key
    carrying a control character; the field's text after them."""
    if field.isVisible():
        field.setFocus()
        QApplication.processEvents()
    _clear(field)
    QApplication.clipboard().setText("1\x002\x1b3\x07")
    field.paste()  # type: ignore[attr-defined]
    committed = QInputMethodEvent()
    committed.setCommitString("4\x015\x7f")
    QApplication.sendEvent(field, committed)
    key = QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, "\x1b"
    )
    QApplication.sendEvent(field, key)
    return _text(field)


def _plain(field: QWidget) -> bool:
    """A field any digits may be typed into (no validator of its own, editable, no limit)."""
    if isinstance(field, QLineEdit):
        inner = field.validator()
        own = inner.inner if isinstance(inner, text_guard.NoControlCharacters) else inner
        return own is None and not field.isReadOnly() and field.maxLength() >= 32
    return not field.isReadOnly()  # type: ignore[attr-defined]


def _check(where: str, root: QWidget, problems: list[str], seen: set[int]) -> int:
    checked = 0
    for field in _fields(root):
        if id(field) in seen or not field.isEnabled():
            continue
        seen.add(id(field))
        text = _type_into(field)
        name = f"{where}: {type(field).__name__} {field.objectName() or field.accessibleName()}"
        pattern = LINE_CONTROL if isinstance(field, QLineEdit) else CONTROL
        if pattern.search(text):
            problems.append(f"{name} took {text!r}")
        elif _plain(field) and "12345" not in text.replace("\n", ""):
            problems.append(f"{name} lost the rest of the text: {text!r}")
        if not text_guard.is_guarded(field):
            problems.append(f"{name} has no guard")
        _clear(field)
        checked += 1
    return checked


def test_every_text_field_of_every_screen_refuses_control_characters(
    qtbot: Any, shell: Any, store: Any
) -> None:
    problems: list[str] = []
    seen: set[int] = set()
    checked = 0
    log_in(qtbot, shell)  # a clerk at the counter: the counter's dialogs
    more = shell.counter_actions
    for name, open_dialog in (
        ("more", more.show_more),
        ("journal", more.show_journal),
        ("price check", more.check_price),
        ("cash in", lambda: more.move_cash("cash_in")),
        ("cash out", lambda: more.move_cash("cash_out")),
        ("discount", shell.actions.ask_discount),
    ):
        open_dialog()
        dialog = shell.actions.dialog
        assert dialog is not None, name
        qtbot.waitUntil(dialog.isVisible)
        checked += _check(name, dialog, problems, seen)
        dialog.reject()
        qtbot.waitUntil(lambda: shell.actions.dialog is None)
    with qtbot.waitSignal(shell.sale.line_added):  # a sale to pay: the tender dialog
        scan(qtbot, shell, store.barcodes["LIP-520"])
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert tender is not None
    checked += _check("tender", tender, problems, seen)
    tender.reject()
    qtbot.waitUntil(lambda: shell.actions.dialog is None)

    shell.counter.session.lock()
    checked += _check("login", shell.window, problems, seen)
    log_in(qtbot, shell, "3001", "3333")  # a manager sees every screen and tab
    window = shell.window
    for key in window.entries:
        window.show_screen(key)
        QApplication.processEvents()
        checked += _check(key, window, problems, seen)
    hub = shell.manager
    for key in hub.entries:
        if hub.allowed(key):
            hub.show_tab(key)
            window.show_screen("manager")
            QApplication.processEvents()
            checked += _check(f"manager/{key}", window, problems, seen)
    assert problems == []
    assert checked >= 40  # the walk reached the fields (counter, back office, dialogs)


def test_a_window_made_later_is_guarded_when_it_takes_the_focus(qtbot: Any, shell: Any) -> None:
    """The guard is the application's: a dialog no screen knew of is covered too."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    column = QVBoxLayout(dialog)
    line, box = QLineEdit(), QPlainTextEdit()
    column.addWidget(line)
    column.addWidget(box)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    line.setFocus()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: text_guard.is_guarded(box))
    assert _type_into(line) == "12345"
    assert _type_into(box) == "12345"
    QApplication.clipboard().setText("第一行\n\t第二行\x00")
    _clear(box)
    box.paste()
    assert box.toPlainText() == "第一行\n\t第二行"  # a text box keeps line breaks and tabs
    box.undo()
    assert box.toPlainText() == ""  # the paste and its cleaning are one step
