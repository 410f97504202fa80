"""Points rewards on a real database: a manager defines them (an amount off a sale, a gift
SKU free); a member takes them at checkout, the points spent once with the sale (never twice,
never more than the balance, never for a reward no longer offered as chosen); the receipt and
the points history show them; returns give the points back for the goods they return."""

from __future__ import annotations

import pytest
from counter_store import Store, make_store
from sqlalchemy import select

from printers.templates.data import StoreHeader
from printers.templates.from_sale import receipt_from_sale
from printers.templates.receipt import sales_receipt
from redhome_pos.domain.cart import Cart, CartError, PromotionContext
from redhome_pos.domain.members import Member
from redhome_pos.domain.points import PointsError, PointsKind
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.staff import PermissionDenied
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.models.promotions import PointsMovementRow
from redhome_pos.persistence.repositories.members import MemberRepository
from redhome_pos.services import checkout, members, promotions, returns, rewards, shifts

ALSO_ON_POSTGRES = True
HEADER = StoreHeader(name="REDHOME", code="RH01")
PHONE = "13812341234"


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 50_000)
    return store


def define(store: Store, **fields: object) -> None:
    rewards.save_reward(store.database, store.till, store.manager, **fields)  # type: ignore[arg-type]


def rich_member(store: Store, points: int) -> Member:
    member = members.enrol(store.database, store.till, store.clerk, PHONE, consent=True)
    with store.database.unit_of_work() as uow:
        MemberRepository(uow.session).move(
            member.id, PointsKind.EARN, points, "adjust:test", store.till.now(), terminal_id="T1"
        )
        uow.commit()
    found = members.find_by_phone(store.database, store.till, PHONE)
    assert found is not None
    return found


def cart_for(store: Store, member: Member | None) -> Cart:
    book = promotions.load_book(store.database, store.till)
    cart = Cart(promotions=PromotionContext(book, store.till.now()))
    cart.set_member(member)
    return cart


def pay(store: Store, cart: Cart) -> str:
    return checkout.checkout(
        store.database, store.till, store.clerk, cart, [Tender.cash(cart.totals().total_fen)]
    ).receipt_no


def balance(store: Store, member: Member) -> int:
    with store.database.reading() as session:
        found = MemberRepository(session).get(member.id)
        assert found is not None and MemberRepository(session).ledger_mismatches() == []
        return found.points_balance


def give_back(store: Store, receipt: str, line_no: int, qty: int) -> None:
    returns.return_items(
        store.database,
        store.till,
        store.supervisor,
        store.till.receipt_code(receipt),
        [ReturnRequest(line_no, qty)],
        reason="changed mind",
    )


def test_only_a_manager_defines_rewards(store: Store) -> None:
    with pytest.raises(PermissionDenied):
        rewards.save_reward(
            store.database, store.till, store.clerk, code="R5", points=500, amount_fen=500
        )
    with pytest.raises(PointsError):
        rewards.save_reward(
            store.database, store.till, store.manager, code="R0", points=0, amount_fen=500
        )
    with pytest.raises(PointsError):
        rewards.save_reward(
            store.database, store.till, store.manager, code="RX", points=10, gift_sku="NOPE"
        )
    gift = rewards.save_reward(
        store.database, store.till, store.manager, code="GIFT", points=300, gift_sku="BOOK-01"
    )
    off = rewards.save_reward(
        store.database, store.till, store.manager, code="R5", points=500, amount_fen=500
    )
    assert [r.code for r in rewards.list_rewards(store.database)] == ["GIFT", "R5"]
    assert gift.label == "积分兑换赠品" and off.label == "积分抵扣5.00"
    assert rewards.list_rewards(store.database)[0].label == "积分兑换赠品 旅行手帐"
    rewards.end_reward(store.database, store.till, store.manager, "GIFT")
    assert [r.code for r in rewards.list_rewards(store.database)] == ["R5"]


def test_an_amount_off_for_points_spent_once_and_given_back_by_returns(store: Store) -> None:
    define(store, code="R20", points=2_000, amount_fen=2_000, name="积分抵20元")
    member = rich_member(store, 2_500)
    (offered,) = rewards.list_rewards(store.database)
    cart = cart_for(store, member)
    cart.add(store.items["LIP-520"], 2)
    cart.add(store.items["MASK-10"])
    cart.add_reward(offered)
    with pytest.raises(CartError):
        cart.add_reward(offered)  # once per sale
    totals = cart.totals()
    assert totals.reward_fen == 2_000 and totals.total_fen == 2 * 25_900 + 9_900 - 2_000
    receipt = pay(store, cart)
    sale = checkout.find_sale(store.database, receipt)
    assert sale.rewards == (("积分抵20元", 2_000, 2_000),)
    printed = str(sales_receipt(receipt_from_sale(sale, store=HEADER, code_secret="s")))
    assert "积分抵20元（2000积分）" in printed and "-￥20.00" in printed
    assert sum(line.amount_fen for line in sale.lines) == sale.total_fen
    # Spent 2,000, earned 1 a yuan on the ￥597 paid.
    assert balance(store, member) == 2_500 - 2_000 + 597
    with store.database.reading() as session:
        kinds = session.scalars(
            select(PointsMovementRow.reference).order_by(PointsMovementRow.id)
        ).all()
    assert f"reward:{receipt}:R20" in kinds
    history = members.points_history(store.database, member.id)
    assert any(e.kind == "reward" and e.points == -2_000 for e in history)

    # Returns give the points back in proportion to the reward's part on the goods: a
    # lipstick carries 25,900 / 61,700 of the ￥20, so 839 points; then the rest.
    before = balance(store, member)
    give_back(store, receipt, 1, 1)
    after_one = balance(store, member)
    taken_back_1 = 25_900 * 597 // 61_700  # what the return's refund had earned (rounded)
    assert after_one - before + taken_back_1 in (839, 840)
    give_back(store, receipt, 1, 1)
    give_back(store, receipt, 2, 1)
    with store.database.reading() as session:
        back = session.scalars(
            select(PointsMovementRow.points).where(
                PointsMovementRow.kind == PointsKind.REWARD_BACK.value
            )
        ).all()
    assert sum(back) == 2_000 and len(back) == 3  # all of it, once per return
    assert balance(store, member) == 2_500  # every point earned taken back, every point spent back


def test_a_gift_for_points_is_free_and_comes_back_with_the_gift(store: Store) -> None:
    define(store, code="GIFT", points=300, gift_sku="BOOK-01")
    member = rich_member(store, 400)
    (gift,) = rewards.list_rewards(store.database)
    cart = cart_for(store, member)
    cart.add(store.items["MASK-10"])
    with pytest.raises(CartError, match="gift"):
        cart.add_reward(gift)  # the gift is scanned first
    cart.add(store.items["BOOK-01"])
    cart.add_reward(gift)
    assert cart.totals().total_fen == 9_900
    receipt = pay(store, cart)
    sale = checkout.find_sale(store.database, receipt)
    book = next(line for line in sale.lines if line.sku_code == "BOOK-01")
    assert book.amount_fen == 0 and book.discount_fen == 4_500
    assert balance(store, member) == 400 - 300 + 99
    give_back(store, receipt, book.line_no, 1)  # nothing refunded; the points come back
    assert balance(store, member) == 400 + 99


def test_points_short_an_ended_or_changed_reward_or_no_member_sell_nothing(store: Store) -> None:
    define(store, code="R20", points=2_000, amount_fen=2_000)
    member = rich_member(store, 2_000)
    (offered,) = rewards.list_rewards(store.database)

    def sale_with_reward() -> Cart:
        cart = cart_for(store, member)
        cart.add(store.items["LIP-520"])
        cart.add_reward(offered)
        return cart

    first, second = sale_with_reward(), sale_with_reward()  # two terminals, one balance
    pay(store, first)
    with pytest.raises(PointsError, match="Not enough points"):
        pay(store, second)
    # The manager makes it dearer while a cart holds it: refused, as chosen it is not offered.
    define(store, code="R20", points=2_500, amount_fen=2_000)
    with pytest.raises(PointsError, match="no longer offered"):
        pay(store, sale_with_reward())
    rewards.end_reward(store.database, store.till, store.manager, "R20")
    with pytest.raises(PointsError, match="no longer offered"):
        pay(store, sale_with_reward())
    stranger = cart_for(store, None)
    stranger.add(store.items["LIP-520"])
    with pytest.raises(CartError, match="members"):
        stranger.add_reward(offered)
    with store.database.reading() as session:
        assert len(session.scalars(select(SaleRow.id)).all()) == 1


def test_a_voided_sale_undoes_its_points(store: Store) -> None:
    """Voiding the last sale undoes what it moved: the points it earned, those it spent on a
    reward; once."""
    define(store, code="R20", points=2_000, amount_fen=2_000)
    member = rich_member(store, 2_500)
    cart = cart_for(store, member)
    cart.add(store.items["LIP-520"])
    cart.add_reward(rewards.list_rewards(store.database)[0])
    pay(store, cart)
    assert balance(store, member) == 2_500 - 2_000 + 239
    checkout.void_last_sale(store.database, store.till, store.manager, reason="wrong customer")
    assert balance(store, member) == 2_500
    with store.database.reading() as session:
        kinds = session.scalars(select(PointsMovementRow.kind)).all()
    assert list(kinds).count("void") == 1


def test_a_parked_cart_keeps_its_reward(store: Store) -> None:
    define(store, code="R5", points=500, amount_fen=500)
    member = rich_member(store, 600)
    cart = cart_for(store, member)
    cart.add(store.items["BOOK-01"])
    cart.add_reward(rewards.list_rewards(store.database)[0])
    again = Cart.from_dict(cart.to_dict())
    assert again.totals().total_fen == 4_000 and again.rewards == cart.rewards
    again.set_member(again.member)  # the same member found again keeps it
    assert again.rewards == cart.rewards
    other = members.enrol(store.database, store.till, store.clerk, "13900001111", consent=True)
    again.set_member(other)  # another member's points: the reward goes
    assert again.rewards == [] and again.totals().total_fen == 4_500
