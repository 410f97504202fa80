"""Points rewards for a manager: what members may take for points (a gift SKU free, or an
amount off a sale), created, changed and ended here; the counter offers the rewards not
ended (更多功能 → 积分兑换)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.errors import MoneyError
from redhome_pos.domain.money import format_fen, parse_fen
from redhome_pos.domain.points import Reward
from redhome_pos.services import rewards as reward_service
from ui.backoffice.long_jobs import long_worker
from ui.backoffice.tables import fill, make_table
from ui.banner import Banner
from ui.counter import Counter
from ui.errors import describe_error


class RewardsScreen(QWidget):
    loaded = Signal()
    saved = Signal(str)  # the reward's code
    failed = Signal(str)

    def __init__(self, counter: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.worker = long_worker(counter)
        self.rewards: list[Reward] = []

        title = QLabel(self.tr("Points rewards"))
        title.setObjectName("title")
        hint = QLabel(
            self.tr(
                "Members take these for points at the counter (More → Points rewards): a gift "
                "SKU free, or an amount off the sale. A return gives the points back for the "
                "goods it returns."
            )
        )
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.table = make_table(
            [self.tr("Code"), self.tr("Reward"), self.tr("Points"), self.tr("Status")],
            stretch=1,
        )
        self.table.itemSelectionChanged.connect(self._chosen)
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Words on the receipt (optional)"))
        self.points = QSpinBox()
        self.points.setRange(1, 10_000_000)
        self.points.setValue(500)
        self.gift = QLineEdit()
        self.gift.setPlaceholderText(self.tr("SKU code of the gift"))
        self.amount = QLineEdit()
        self.amount.setPlaceholderText(self.tr("or an amount off, in yuan"))
        for field in (self.code, self.name, self.points, self.gift, self.amount):
            field.setMinimumHeight(40)
        form = QFormLayout()
        form.addRow(self.tr("Code"), self.code)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Points"), self.points)
        form.addRow(self.tr("Gift SKU"), self.gift)
        form.addRow(self.tr("Amount off"), self.amount)
        self.save_button = self._button(self.tr("Save"), self.save)
        self.end_button = self._button(self.tr("End"), self.end)
        self.new_button = self._button(self.tr("New"), self.new)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.end_button)
        buttons.addWidget(self.save_button)
        self.banner = Banner()
        column = QVBoxLayout(self)
        column.addWidget(title)
        column.addWidget(hint)
        column.addWidget(self.table, 1)
        column.addLayout(form)
        column.addLayout(buttons)
        column.addWidget(self.banner)

    def _button(self, text: str, action: object) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(44)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(action)
        return button

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        self.worker.submit(
            partial(reward_service.list_rewards, self.counter.database, include_ended=True),
            on_done=self._listed,
            on_error=self._fail,
        )

    def _listed(self, rewards: list[Reward]) -> None:
        self.rewards = rewards
        fill(
            self.table,
            [
                (
                    r.code,
                    r.label if r.gift_sku_id else f"{r.label} ({format_fen(r.amount_fen)})",
                    r.points,
                    self.tr("Ended") if r.ended else self.tr("Offered"),
                )
                for r in rewards
            ],
        )
        self.loaded.emit()

    def _chosen(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.rewards):
            return
        reward = self.rewards[rows[0].row()]
        self.code.setText(reward.code)
        self.name.setText(reward.name)
        self.points.setValue(reward.points)
        self.gift.setText(reward.gift_code)
        self.amount.setText(format_fen(reward.amount_fen, sign=False) if reward.amount_fen else "")

    def new(self) -> None:
        self.table.clearSelection()
        for field in (self.code, self.name, self.gift, self.amount):
            field.clear()
        self.points.setValue(500)
        self.code.setFocus()

    def save(self) -> None:
        try:
            amount = parse_fen(self.amount.text()) if self.amount.text().strip() else 0
        except MoneyError as error:
            self._fail(describe_error(error))
            return
        staff = self.counter.session.acting(self._fail)
        if staff is None:
            return
        job = partial(
            reward_service.save_reward,
            self.counter.database,
            self.counter.till,
            staff,
            code=self.code.text(),
            points=self.points.value(),
            name=self.name.text(),
            gift_sku=self.gift.text(),
            amount_fen=amount,
        )
        self.worker.submit(job, on_done=self._saved, on_error=self._fail)

    def _saved(self, reward: Reward) -> None:
        self.banner.show_ok(self.tr("Reward {code} saved").format(code=reward.code))
        self.saved.emit(reward.code)
        self.refresh()

    def end(self) -> None:
        code = self.code.text().strip()
        if not code:
            self._fail(self.tr("Choose the reward to end"))
            return
        staff = self.counter.session.acting(self._fail)
        if staff is None:
            return
        job = partial(
            reward_service.end_reward, self.counter.database, self.counter.till, staff, code
        )
        self.worker.submit(job, on_done=lambda _none: self._ended(code), on_error=self._fail)

    def _ended(self, code: str) -> None:
        self.banner.show_ok(self.tr("Reward {code} ended").format(code=code))
        self.saved.emit(code)
        self.refresh()

    def _fail(self, error: object) -> None:
        text = error if isinstance(error, str) else describe_error(error)
        self.banner.show_error(text)
        self.failed.emit(text)
