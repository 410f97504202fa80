"""Approval: a supervisor or manager enters their staff number and PIN for one action."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.approvals import ApprovedScope
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.services import staff as staff_service
from ui.counter import Counter
from ui.errors import describe_error
from ui.pin_pad import PinPad


class ApprovalDialog(QDialog):
    """``approved(approval_id)`` once the PIN is checked on the worker thread."""

    approved = Signal(int)

    def __init__(
        self,
        counter: Counter,
        requested_by: StaffSession,
        permission: Permission,
        reason: str,
        detail: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        *,
        covers: ApprovedScope | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Approval needed"))
        self.counter = counter
        self.requested_by = requested_by
        self.permission = permission
        self.detail = detail or {}
        self.covers = covers  # what the approval is for (line, quantity, value)
        self.approval_id: int | None = None
        self._busy = False
        why = QLabel(reason)
        why.setWordWrap(True)
        why.setStyleSheet("font-size: 18px;")
        ask = QLabel(self.tr("A supervisor or manager enters their staff number and PIN."))
        ask.setObjectName("muted")
        ask.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Staff number"))
        self.pin = QLineEdit()
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.code, self.pin):
            field.setMinimumHeight(48)
            field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.returnPressed.connect(self.pin.setFocus)
        self.pin.returnPressed.connect(self.submit)
        self.error = QLabel()
        self.error.setObjectName("banner")
        self.error.setWordWrap(True)
        self.error.hide()
        self.pad = PinPad()
        self.pad.target = self.code
        self.pad.submitted.connect(self._pad_ok)
        self.code.installEventFilter(self)
        self.pin.installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel (Esc)"))
        cancel.setAutoDefault(False)  # Enter submits the PIN, never cancels
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (why, ask, self.code, self.pin, self.error, self.pad, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(400)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if event.type() == event.Type.FocusIn and watched in (self.code, self.pin):
            self.pad.target = watched
        return super().eventFilter(watched, event)

    def _pad_ok(self) -> None:
        if self.pad.target is self.code:
            self.pin.setFocus()
        else:
            self.submit()

    def submit(self) -> None:
        if self._busy or not self.code.text().strip() or not self.pin.text():
            return
        self._busy = True
        self.error.hide()
        approver = staff_service.Approver(self.code.text().strip(), self.pin.text())
        job = partial(
            staff_service.approve,
            self.counter.database,
            self.counter.till,
            self.requested_by,
            self.permission,
            approver,
            covers=self.covers,
            **self.detail,
        )
        self.counter.worker.submit(
            job,
            on_done=self._done,
            on_error=self._failed,
        )

    def _done(self, approval_id: int) -> None:
        self._busy = False
        self.approval_id = approval_id
        self.approved.emit(approval_id)
        self.accept()

    def _failed(self, error: object) -> None:
        self._busy = False
        self.pin.clear()
        self.error.setText(describe_error(error))
        self.error.show()
        self.pin.setFocus()
