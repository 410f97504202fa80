"""Staff management for a manager: the staff list, add a person, change a role, reset a PIN,
issue a badge (its QR shown to print or show on a phone), deactivate and reactivate."""

from __future__ import annotations

import io
from functools import partial

import qrcode
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.staff import PIN_COST, Role, ScryptCost, Staff
from ui.backoffice import staff_jobs
from ui.backoffice.staff_jobs import StaffChange
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error


def qr_png(text: str) -> bytes:
    buffer = io.BytesIO()
    qrcode.make(text, box_size=6, border=2).save(buffer)
    return buffer.getvalue()


class StaffScreen(QWidget):
    loaded = Signal()
    changed = Signal(object)  # the Staff after the change
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.people: list[Staff] = []
        self.pin_cost: ScryptCost = PIN_COST

        title = QLabel(self.tr("Staff"))
        title.setObjectName("title")
        self.table = make_table(
            [
                self.tr("Staff number"),
                self.tr("Name"),
                self.tr("Role"),
                self.tr("Active"),
                self.tr("Badge"),
            ],
            stretch=1,
        )
        self.table.itemSelectionChanged.connect(self._chosen)
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("Staff number"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name"))
        self.role = QComboBox()
        self.role.setMinimumHeight(44)
        for role in Role:
            self.role.addItem(self.role_words(role), role.value)
        self.pin = QLineEdit()
        self.pin.setPlaceholderText(self.tr("New PIN"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.add_button = QPushButton(self.tr("Add person"))
        self.add_button.clicked.connect(self.add)
        self.role_button = QPushButton(self.tr("Set role"))
        self.role_button.clicked.connect(self.set_role)
        self.pin_button = QPushButton(self.tr("Reset PIN"))
        self.pin_button.clicked.connect(self.reset_pin)
        self.badge_button = QPushButton(self.tr("Issue badge"))
        self.badge_button.clicked.connect(self.issue_badge)
        self.revoke_button = QPushButton(self.tr("Revoke badge"))
        self.revoke_button.clicked.connect(self.revoke_badge)
        self.active_button = QPushButton(self.tr("Deactivate / reactivate"))
        self.active_button.clicked.connect(self.toggle_active)
        for button in (
            self.add_button,
            self.role_button,
            self.pin_button,
            self.badge_button,
            self.revoke_button,
            self.active_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.banner = Banner()
        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge_text = QLabel()
        self.badge_text.setObjectName("muted")
        self.badge_text.setWordWrap(True)
        self.badge_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        form = QGridLayout()
        form.addWidget(self.code, 0, 0)
        form.addWidget(self.name, 0, 1)
        form.addWidget(self.role, 0, 2)
        form.addWidget(self.pin, 0, 3)
        form.addWidget(self.add_button, 1, 0)
        form.addWidget(self.role_button, 1, 1)
        form.addWidget(self.pin_button, 1, 2)
        form.addWidget(self.badge_button, 1, 3)
        form.addWidget(self.revoke_button, 2, 2)
        form.addWidget(self.active_button, 2, 3)
        for number in range(4):
            form.setColumnStretch(number, 1)
        side = QVBoxLayout()
        side.addWidget(self.badge)
        side.addWidget(self.badge_text)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 3)
        body.addLayout(side, 1)
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addLayout(body, 1)
        column.addWidget(self.banner)
        column.addLayout(form)

    def role_words(self, role: Role) -> str:
        return {
            Role.CLERK: self.tr("Clerk"),
            Role.SUPERVISOR: self.tr("Supervisor"),
            Role.MANAGER: self.tr("Manager"),
        }[role]

    def activate(self) -> None:
        self.load()

    def load(self) -> None:
        self.counter.worker.submit(
            partial(staff_jobs.everyone, self.counter.database),
            on_done=self._loaded,
            on_error=self._fail,
        )

    def _loaded(self, people: list[Staff]) -> None:
        chosen = self.chosen()
        self.people = people
        fill(
            self.table,
            [
                (
                    person.code,
                    person.name,
                    self.role_words(person.role),
                    self.tr("Yes") if person.active else self.tr("No"),
                    self.tr("Yes") if person.badge_code else "",
                )
                for person in people
            ],
        )
        if chosen is not None:
            self.choose(chosen.code)
        self.loaded.emit()

    def choose(self, code: str) -> None:
        for row, person in enumerate(self.people):
            if person.code == code:
                self.table.selectRow(row)

    def chosen(self) -> Staff | None:
        row = self.table.currentRow()
        return self.people[row] if 0 <= row < len(self.people) else None

    def _chosen(self) -> None:
        person = self.chosen()
        if person is not None:
            self.role.setCurrentIndex(self.role.findData(person.role.value))
            self._show_badge(person)

    def _show_badge(self, person: Staff) -> None:
        if not person.badge_code:
            self.badge.clear()
            self.badge_text.clear()
            return
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(person.badge_code), "PNG")
        self.badge.setPixmap(pixmap.scaledToWidth(180))
        self.badge_text.setText(person.badge_code)

    # -- changes --------------------------------------------------------------------------------
    def add(self) -> None:
        actor = self.counter.session.clerk
        if actor is None:
            return
        self._submit(
            partial(
                staff_jobs.add,
                self.counter.database,
                self.counter.till,
                actor,
                self.code.text(),
                self.name.text(),
                Role(self.role.currentData()),
                self.pin.text(),
                self.pin_cost,
            )
        )

    def _change(self, **fields: object) -> None:
        actor = self.counter.session.clerk
        person = self.chosen()
        if actor is None:
            return
        if person is None:
            self._fail(self.tr("Choose a person in the list first"))
            return
        change = StaffChange(person.id, **fields)  # type: ignore[arg-type]
        self._submit(
            partial(
                staff_jobs.change,
                self.counter.database,
                self.counter.till,
                actor,
                change,
                self.pin_cost,
            )
        )

    def set_role(self) -> None:
        self._change(role=Role(self.role.currentData()))

    def reset_pin(self) -> None:
        self._change(pin=self.pin.text())

    def issue_badge(self) -> None:
        self._change(badge=True)

    def revoke_badge(self) -> None:
        self._change(revoke_badge=True)

    def toggle_active(self) -> None:
        person = self.chosen()
        if person is not None:
            self._change(active=not person.active)

    def _submit(self, job: partial[Staff]) -> None:
        self.counter.worker.submit(job, on_done=self._changed, on_error=self._fail)

    def _changed(self, person: Staff) -> None:
        self.pin.clear()
        self.banner.show_ok(self.tr("Saved: {name}").format(name=person.name))
        self._show_badge(person)
        self.changed.emit(person)
        if self.code.text() == person.code:
            self.code.clear()
            self.name.clear()
        self.load()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
