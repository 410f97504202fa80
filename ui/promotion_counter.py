"""Promotions and members at the counter: the store's promotion rules the sale screen prices
with (read on the database worker at login and after each sale, so a scan never waits for
them), the member a sale is for, and the words the totals show for both."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, Signal

from redhome_pos.domain.cart import Cart, CartTotals, PromotionContext
from redhome_pos.domain.members import Member
from redhome_pos.domain.money import format_fen
from redhome_pos.domain.promotions import PromotionBook
from redhome_pos.domain.staff import Staff
from redhome_pos.services import members as member_service
from redhome_pos.services import promotions as promotion_service
from ui.counter import Counter
from ui.errors import describe_error


class CounterPromotions(QObject):
    loaded = Signal()  # the rules were read again
    failed = Signal(str)  # what to tell the clerk

    def __init__(self, counter: Counter, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.counter = counter
        self.book: PromotionBook | None = None
        counter.session.clerk_changed.connect(self._clerk_changed)
        if counter.session.clerk is not None:
            self.reload()

    def _clerk_changed(self, clerk: Staff | None) -> None:
        if clerk is not None:
            self.reload()

    def reload(self) -> None:
        """Read the rules again (a new sale then prices with them)."""
        counter = self.counter
        counter.worker.submit(
            partial(promotion_service.load_book, counter.database, counter.till),
            on_done=self._loaded,
            on_error=lambda error: self.failed.emit(describe_error(error)),
        )

    def _loaded(self, book: PromotionBook) -> None:
        self.book = book
        self.loaded.emit()

    def price_from_now(self, cart: Cart) -> None:
        """A sale is priced at the moment it starts (its first line, or its recall), so a price
        does not change under the clerk's hands while it is rung up."""
        if self.book is None or not (cart.promotions is None or cart.is_empty):
            return
        cart.promotions = PromotionContext(
            self.book, self.counter.till.now(), member=cart.member is not None
        )

    def reprice(self, cart: Cart, on_done: Callable[[], None]) -> None:
        """Read the rules again and price ``cart`` with them from now (checkout refused it:
        the rules changed after it was priced)."""
        counter = self.counter

        def priced(book: PromotionBook) -> None:
            self._loaded(book)
            cart.promotions = PromotionContext(book, counter.till.now(), cart.member is not None)
            on_done()

        counter.worker.submit(
            partial(promotion_service.load_book, counter.database, counter.till),
            on_done=priced,
            on_error=lambda error: self.failed.emit(describe_error(error)),
        )

    def repriced_text(self, totals: CartTotals) -> str:
        return self.tr(
            "The promotions changed while the sale was rung up: it is priced again with "
            "those in force now. New total {amount}: take the payment again."
        ).format(amount=format_fen(totals.total_fen))

    def find_member(self, text: str, on_found: Callable[[Member], None]) -> None:
        """A member by phone number or scanned member code, looked up on the worker."""
        counter = self.counter
        counter.worker.submit(
            partial(member_service.find, counter.database, counter.till, text),
            on_done=on_found,
            on_error=lambda error: self.failed.emit(describe_error(error)),
        )

    def savings_text(self, totals: CartTotals) -> str:
        discounts = self.tr("Discounts: {amount}").format(amount=format_fen(-totals.discount_fen))
        text = discounts
        if totals.promotion_fen:
            promotions = self.tr("Promotions: {amount}").format(
                amount=format_fen(-totals.promotion_fen)
            )
            text = f"{promotions}    {discounts}"
        if totals.reward_fen:  # a line of its own: the totals panel is narrow
            rewards = self.tr("Points rewards: {amount}")
            text += "\n" + rewards.format(amount=format_fen(-totals.reward_fen))
        return text

    def member_text(self, member: Member | None) -> str:
        if member is None:
            return ""
        return self.tr("Member {name} · {points} points").format(
            name=member.display_name, points=member.points_balance
        )
