"""Log in / lock screen: staff number and PIN on a large pad, or a badge scan."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.staff import BadgeNeedsPinError, Staff
from ui.errors import describe_error
from ui.pin_pad import PinPad
from ui.workers import Worker

PinLogin = Callable[[str, str], Staff]
BadgeLogin = Callable[[str], Staff]


class LoginScreen(QWidget):
    """Emits ``logged_in(Staff)``; the PIN is checked on the worker thread (scrypt is slow)."""

    logged_in = Signal(object)

    def __init__(
        self,
        worker: Worker,
        pin_login: PinLogin,
        badge_login: BadgeLogin,
        store_name: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._worker = worker
        self._pin_login = pin_login
        self._badge_login = badge_login
        self._busy = False

        title = QLabel(self.tr("Log in"))
        title.setObjectName("title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        store = QLabel(store_name)
        store.setObjectName("muted")
        store.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.locked_by = QLabel()
        self.locked_by.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.locked_by.setObjectName("muted")
        self.locked_by.hide()

        self.staff_code = QLineEdit()
        self.staff_code.setPlaceholderText(self.tr("Staff number"))
        self.staff_code.setMaxLength(32)
        self.pin = QLineEdit()
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(8)
        for field in (self.staff_code, self.pin):
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
            field.setMinimumHeight(52)
            field.setStyleSheet("font-size: 22px;")
        self.staff_code.returnPressed.connect(self._staff_code_entered)
        self.pin.returnPressed.connect(self.submit)

        self.message = QLabel()
        self.message.setObjectName("banner")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.hide()

        hint = QLabel(self.tr("Or scan your staff badge"))
        hint.setObjectName("muted")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.pad = PinPad()
        self.pad.target = self.staff_code
        self.pad.submitted.connect(self._pad_ok)

        form = QVBoxLayout()
        form.setSpacing(12)
        form.addWidget(title)
        form.addWidget(store)
        form.addWidget(self.locked_by)
        form.addSpacing(8)
        form.addWidget(self.staff_code)
        form.addWidget(self.pin)
        form.addWidget(self.message)
        form.addWidget(self.pad)
        form.addWidget(hint)
        column = QWidget()
        column.setLayout(form)
        column.setFixedWidth(380)

        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(column, 0, Qt.AlignmentFlag.AlignVCenter)
        outer.addStretch(1)
        self.staff_code.installEventFilter(self)
        self.pin.installEventFilter(self)

    # The pad types into whichever field has focus.
    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == event.Type.FocusIn and watched in (self.staff_code, self.pin):
            self.pad.target = watched
        return super().eventFilter(watched, event)

    def reset(self, locked_by: Staff | None = None) -> None:
        self.staff_code.clear()
        self.pin.clear()
        self.message.hide()
        if locked_by is not None:
            self.locked_by.setText(
                self.tr("Locked by {name}. Log in to continue.").format(name=locked_by.name)
            )
            self.locked_by.show()
        else:
            self.locked_by.hide()
        self.staff_code.setFocus()
        self.pad.target = self.staff_code

    def _staff_code_entered(self) -> None:
        if self.staff_code.text().strip():
            self.pin.setFocus()
            self.pad.target = self.pin

    def _pad_ok(self) -> None:
        if self.pad.target is self.staff_code:
            self._staff_code_entered()
        else:
            self.submit()

    def submit(self) -> None:
        code = self.staff_code.text().strip()
        pin = self.pin.text()
        if not code:
            self.show_error(self.tr("Enter your staff number"))
            self.staff_code.setFocus()
            return
        if not pin:
            self.pin.setFocus()
            return
        self._start(self._pin_login, code, pin)

    def log_in_with_badge(self, badge: str) -> None:
        self._start(self._badge_login, badge)

    def _start(self, function: Callable[..., Staff], *args: str) -> None:
        if self._busy:
            return
        self._busy = True
        self.message.hide()
        self._worker.submit(function, *args, on_done=self._done, on_error=self._failed)

    def _done(self, staff: Staff) -> None:
        self._busy = False
        self.pin.clear()
        self.staff_code.clear()
        self.logged_in.emit(staff)

    def _failed(self, error: object) -> None:
        self._busy = False
        self.pin.clear()
        self.show_error(describe_error(error))
        if isinstance(error, BadgeNeedsPinError):  # the badge named the person: now their PIN
            self.staff_code.setText(str(error.params.get("code", "")))
        self.pin.setFocus()
        self.pad.target = self.pin

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
