"""Members for a manager: the list (phone numbers masked, never whole), a member's points
history, their member QR code (to print on a card or show on a phone), and erasure at the
member's request (PIPL)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.members import Member
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.points import POINT_VALUE_FEN, PointsKind
from redhome_pos.services import members as member_service
from redhome_pos.services.members import PointsEntry
from ui.backoffice.long_jobs import long_worker
from ui.backoffice.staff import qr_png
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error


class MembersScreen(QWidget):
    loaded = Signal()
    history_shown = Signal()
    erased = Signal(str)  # the member number
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.worker = long_worker(counter)
        self.members: list[Member] = []
        self.member: Member | None = None
        self.history: list[PointsEntry] = []
        self.armed: str | None = None  # erasure asked once: the next press erases

        title = QLabel(self.tr("Members"))
        title.setObjectName("title")
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Member number or name"))
        self.search.setMinimumHeight(44)
        self.search.returnPressed.connect(self.refresh)
        find = QPushButton(self.tr("Find"))
        find.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        find.setMinimumHeight(44)
        find.clicked.connect(self.refresh)
        self.table = make_table(
            [
                self.tr("Member number"),
                self.tr("Name"),
                self.tr("Mobile"),
                self.tr("Points balance"),
                self.tr("Joined"),
            ],
            stretch=1,
        )
        self.table.itemSelectionChanged.connect(self._chosen)
        self.who = QLabel()
        self.who.setObjectName("title")
        self.who.setWordWrap(True)
        self.history_table = make_table(
            [self.tr("When"), self.tr("Movement"), self.tr("Points"), self.tr("Sale or return")],
            stretch=3,
        )
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.erase_button = QPushButton(self.tr("Erase at the member's request"))
        self.erase_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.erase_button.setMinimumHeight(44)
        self.erase_button.clicked.connect(self.erase)
        self.erase_button.setEnabled(False)
        self.banner = Banner()

        head = QHBoxLayout()
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.search, 2)
        head.addWidget(find)
        detail = QWidget()
        detail_column = QVBoxLayout(detail)
        detail_column.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.who, 1)
        top.addWidget(self.code)
        detail_column.addLayout(top)
        detail_column.addWidget(self.history_table, 1)
        detail_column.addWidget(self.erase_button, 0, Qt.AlignmentFlag.AlignRight)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setSizes([260, 340])
        column = QVBoxLayout(self)
        column.addLayout(head)
        column.addWidget(split, 1)
        column.addWidget(self.banner)

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.worker.submit(
            partial(member_service.list_members, self.counter.database, search=self.search.text()),
            on_done=self._listed,
            on_error=self._fail,
        )

    def _listed(self, members: list[Member]) -> None:
        self.members = members
        fill(
            self.table,
            [
                (
                    m.member_no,
                    self.tr("(erased)") if m.erased else m.name,
                    m.phone_masked,
                    m.points_balance,
                    self._local(m.consent_at, "%Y-%m-%d") if m.consent_at else "",
                )
                for m in members
            ],
        )
        self.loaded.emit()

    def _local(self, at: datetime, pattern: str) -> str:
        return at.astimezone(ZoneInfo(self.counter.context.timezone)).strftime(pattern)

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows and rows[0].row() < len(self.members):
            self.choose(self.members[rows[0].row()].member_no)

    def choose(self, member_no: str) -> None:
        member = next((m for m in self.members if m.member_no == member_no), None)
        if member is None:
            return
        self.member = member
        self._disarm()
        self.who.setText(
            self.tr("{name} · {points} points (worth {value})").format(
                name=member.display_name,
                points=member.points_balance,
                value=format_fen(member.points_balance * POINT_VALUE_FEN),
            )
        )
        self.erase_button.setEnabled(not member.erased)
        if member.erased or not self.counter.till.code_secret:
            self.code.clear()
        else:
            pixmap = QPixmap()
            pixmap.loadFromData(qr_png(member_service.member_code(self.counter.till, member)))
            self.code.setPixmap(pixmap.scaledToHeight(120))
        self.worker.submit(
            partial(member_service.points_history, self.counter.database, member.id),
            on_done=self._history,
            on_error=self._fail,
        )

    def movement_words(self, kind: str) -> str:
        return {
            PointsKind.EARN.value: self.tr("Earned"),
            PointsKind.REDEEM.value: self.tr("Paid with"),
            PointsKind.TAKE_BACK.value: self.tr("Taken back by a return"),
            PointsKind.REFUND.value: self.tr("Given back by a return"),
            PointsKind.EXPIRE.value: self.tr("Expired"),
            PointsKind.REWARD.value: self.tr("Spent on a reward"),
            PointsKind.REWARD_BACK.value: self.tr("Given back for a reward's goods"),
            PointsKind.VOID.value: self.tr("Undone by a void"),
        }.get(kind, kind)

    def _history(self, entries: list[PointsEntry]) -> None:
        self.history = entries
        fill(
            self.history_table,
            [
                (
                    self._local(e.at, "%Y-%m-%d %H:%M"),
                    self.movement_words(e.kind),
                    e.points,
                    e.reference.partition(":")[2] or e.reference,
                )
                for e in entries
            ],
        )
        self.history_shown.emit()

    def _disarm(self) -> None:
        self.armed = None
        self.erase_button.setText(self.tr("Erase at the member's request"))

    def erase(self) -> None:
        """Erasing cannot be undone: the first press asks, the second erases."""
        member = self.member
        if member is None or member.erased:
            return
        if self.armed != member.member_no:
            self.armed = member.member_no
            self.erase_button.setText(
                self.tr("Press again to erase {number} for good").format(number=member.member_no)
            )
            return
        self._disarm()
        database, till = self.counter.database, self.counter.till
        staff = self.counter.session.acting(self._fail)
        if staff is None:
            return
        self.worker.submit(
            partial(member_service.erase, database, till, staff, member.member_no),
            on_done=lambda _none: self._erased(member.member_no),
            on_error=self._fail,
        )

    def _erased(self, member_no: str) -> None:
        self.banner.show_ok(self.tr("Member {number} erased").format(number=member_no))
        self.member = None
        self.who.clear()
        self.code.clear()
        fill(self.history_table, [])
        self.erased.emit(member_no)
        self.refresh()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
