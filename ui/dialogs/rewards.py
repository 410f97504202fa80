"""Points rewards at the counter: the sale's member takes a reward a manager defined (a gift
free, or an amount off) for points. The list shows each reward with its points; one the
member cannot afford (with the rewards already taken) is greyed. Taking it prices the sale at
once; checkout spends the points with the sale."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.points import Reward
from redhome_pos.services import rewards as reward_service
from ui.counter import Counter
from ui.errors import describe_error


class RewardsDialog(QDialog):
    changed = Signal()  # a reward was taken or taken off: the sale is priced again

    def __init__(self, counter: Counter, cart: Cart, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Points rewards"))
        self.counter = counter
        self.cart = cart
        self.offered: list[Reward] = []
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(240)
        self.list.setStyleSheet("font-size: 18px;")
        self.list.itemDoubleClicked.connect(lambda _item: self.take())
        self.message = QLabel()
        self.message.setObjectName("banner")
        self.message.setWordWrap(True)
        self.message.hide()
        self.take_button = self._button(self.tr("Take (Enter)"), self.take)
        self.off_button = self._button(self.tr("Take off"), self.take_off)
        self.done_button = self._button(self.tr("Done (Esc)"), self.accept)
        buttons = QHBoxLayout()
        for button in (self.take_button, self.off_button, self.done_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.list)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self.show_state()
        counter.worker.submit(
            partial(reward_service.list_rewards, counter.database),
            on_done=self._loaded,
            on_error=lambda error: self._say(describe_error(error)),
        )

    def _button(self, text: str, action: object) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumHeight(52)
        button.setAutoDefault(False)
        button.clicked.connect(action)
        return button

    def _loaded(self, offered: list[Reward]) -> None:
        self.offered = offered
        self.show_state()

    def points_left(self) -> int:
        member = self.cart.member
        balance = member.points_balance if member is not None else 0
        return balance - sum(r.points for r in self.cart.rewards)

    def show_state(self) -> None:
        member = self.cart.member
        self.who.setText(
            self.tr("{name} · {points} points left for rewards").format(
                name=member.display_name if member is not None else "",
                points=self.points_left(),
            )
        )
        taken = {r.code for r in self.cart.rewards}
        row = max(0, self.list.currentRow())
        self.list.clear()
        for reward in self.offered:
            value = self.tr("worth {amount}").format(amount=format_fen(reward.amount_fen))
            text = self.tr("{words} · {points} points").format(
                words=reward.label, points=reward.points
            )
            if reward.gift_sku_id is None:
                text = f"{text} ({value})"
            if reward.code in taken:
                text = self.tr("Taken: {reward}").format(reward=text)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, reward.code)
            if reward.code not in taken and reward.points > self.points_left():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        if self.offered:
            self.list.setCurrentRow(min(row, len(self.offered) - 1))
        elif not self.message.isVisible():
            self._say(self.tr("The store offers no rewards for points yet"), error=False)

    def _chosen(self) -> Reward | None:
        item = self.list.currentItem()
        if item is None:
            return None
        code = item.data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.offered if r.code == code), None)

    def take(self) -> None:
        reward = self._chosen()
        if reward is None:
            return
        if reward.points > self.points_left():
            self._say(self.tr("Not enough points for this reward"))
            return
        try:
            self.cart.add_reward(reward)
        except DomainError as error:
            self._say(describe_error(error))
            return
        self.message.hide()
        self.changed.emit()
        self.show_state()

    def take_off(self) -> None:
        reward = self._chosen()
        if reward is not None and any(r.code == reward.code for r in self.cart.rewards):
            self.cart.remove_reward(reward.code)
            self.changed.emit()
            self.show_state()

    def _say(self, text: str, *, error: bool = True) -> None:
        self.message.setObjectName("banner" if error else "bannerOk")
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setText(text)
        self.message.show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.take()
            return
        super().keyPressEvent(event)
