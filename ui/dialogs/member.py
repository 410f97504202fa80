"""Finding the customer's membership: their mobile number typed (keypad or keyboard) or their
member code scanned; a customer who is not a member yet can be enrolled here, with their
consent to the store keeping their number. The number is never shown whole."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain import scan as scan_router
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.members import Member, MemberError, normalize_phone
from redhome_pos.domain.staff import StaffSession
from redhome_pos.services import members as member_service
from ui.counter import Counter
from ui.errors import describe_error
from ui.pin_pad import PinPad

NOT_FOUND = "No member with phone {phone}"


class MemberDialog(QDialog):
    member_chosen = Signal(object)  # Member, or None: the sale is for no member

    def __init__(
        self,
        counter: Counter,
        staff: StaffSession,
        current: Member | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Member"))
        self.counter = counter
        self.staff = staff
        self.busy = False
        self.prompt = QLabel(
            self.tr("Type the customer's mobile number, or scan their member code")
        )
        self.prompt.setWordWrap(True)
        self.current = QLabel()
        self.current.setObjectName("muted")
        if current is not None:
            self.current.setText(
                self.tr("This sale is for {name} ({points} points)").format(
                    name=current.display_name, points=current.points_balance
                )
            )
        self.current.setVisible(current is not None)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Mobile number"))
        self.field.setStyleSheet("font-size: 26px;")
        self.field.setMinimumHeight(56)
        self.message = QLabel()
        self.message.setObjectName("banner")
        self.message.setWordWrap(True)
        self.message.hide()
        self.pad = PinPad()
        self.pad.target = self.field
        self.pad.submitted.connect(self.find_member)

        self.enrol_box = QWidget()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name (optional)"))
        self.name.setMinimumHeight(44)
        self.consent = QCheckBox(
            self.tr("The customer agrees that the store keeps their mobile number for membership")
        )
        self.consent.setMinimumHeight(44)
        self.enrol_button = self._button(self.tr("Enrol as member"), "complete")
        self.enrol_button.clicked.connect(self.enrol)
        enrol = QVBoxLayout(self.enrol_box)
        enrol.setContentsMargins(0, 0, 0, 0)
        enrol.addWidget(self.name)
        enrol.addWidget(self.consent)
        enrol.addWidget(self.enrol_button)
        self.enrol_box.hide()

        self.find_button = self._button(self.tr("Find (Enter)"), "complete")
        self.find_button.clicked.connect(self.find_member)
        self.remove_button = self._button(self.tr("No member for this sale"), "")
        self.remove_button.clicked.connect(self.remove)
        self.remove_button.setVisible(current is not None)
        cancel = self._button(self.tr("Cancel (Esc)"), "")
        cancel.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(cancel)
        bottom.addWidget(self.remove_button)
        bottom.addWidget(self.find_button, 1)

        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.current)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addWidget(self.enrol_box)
        layout.addWidget(self.pad)
        layout.addLayout(bottom)
        self.setMinimumWidth(520)
        self.field.setFocus()

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text)
        if name:
            button.setObjectName(name)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoDefault(False)
        button.setMinimumHeight(52)
        return button

    # -- finding --------------------------------------------------------------------------------
    def handle_scan(self, text: str) -> None:
        """A member code scanned while the dialog is up finds its member; a number typed as
        fast as a scanner types (and caught as a scan) is a mobile number typed."""
        try:
            normalize_phone(text)
        except DomainError:
            pass
        else:
            self.field.setText(text.strip())
            self.find_member()
            return
        try:
            result = scan_router.route(text, self.counter.scan_settings())
        except DomainError as error:
            self._say(describe_error(error))
            return
        if result.kind is not scan_router.ScanKind.MEMBER_CODE:
            self._say(self.tr("This is not a member code"))
            return
        self._look_up(text)

    def find_member(self) -> None:
        text = self.field.text().strip()
        if not text:
            self._say(self.tr("Type the customer's mobile number"))
            return
        self._look_up(text)

    def _look_up(self, text: str) -> None:
        if self.busy:
            return
        self.busy = True
        self.counter.worker.submit(
            partial(member_service.find, self.counter.database, self.counter.till, text),
            on_done=self._chosen,
            on_error=self._not_found,
        )

    def _not_found(self, error: object) -> None:
        self.busy = False
        self._say(describe_error(error))
        # A number that is no member's yet: the customer may join now.
        if isinstance(error, MemberError) and error.template == NOT_FOUND:
            self.enrol_box.show()
            self.name.setFocus()

    def _chosen(self, member: Member) -> None:
        self.busy = False
        self.member_chosen.emit(member)
        self.accept()

    def remove(self) -> None:
        self.member_chosen.emit(None)
        self.accept()

    # -- enrolling ------------------------------------------------------------------------------
    def enrol(self) -> None:
        if self.busy:
            return
        if not self.consent.isChecked():
            self._say(self.tr("Ask the customer first: membership needs their consent"))
            return
        try:
            phone = normalize_phone(self.field.text())
        except DomainError as error:
            self._say(describe_error(error))
            return
        self.busy = True
        self.counter.worker.submit(
            partial(
                member_service.enrol,
                self.counter.database,
                self.counter.till,
                self.staff,
                phone,
                consent=True,
                name=self.name.text(),
            ),
            on_done=self._chosen,
            on_error=self._failed,
        )

    def _failed(self, error: object) -> None:
        self.busy = False
        self._say(describe_error(error))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    # Enter finds (a key press, not a shortcut: a scanner's closing Enter reaches the scan
    # filter first).
    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if self.enrol_box.isVisible() and self.name.hasFocus():
                self.enrol()
            else:
                self.find_member()
            return
        super().keyPressEvent(event)
