"""Members and points on a real database: enrolment with consent, phone kept hashed and
encrypted and shown masked, found by phone or member QR code, points earned, redeemed, taken
back by returns and expired on their day, erasure."""

from __future__ import annotations

from dataclasses import replace

import pytest
from counter_store import Store, make_store
from sqlalchemy import select

from redhome_pos.domain.cart import Cart, PromotionContext
from redhome_pos.domain.members import MemberError
from redhome_pos.domain.points import PointsError
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.signed_codes import MemberCode, SignedCodeError, sign
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.promotions import MemberRow, PointsMovementRow
from redhome_pos.persistence.repositories.members import MemberRepository
from redhome_pos.services import checkout, members, points, promotions, returns, shifts

ALSO_ON_POSTGRES = True
PHONE = "13812341234"


@pytest.fixture
def store(database: Database) -> Store:
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 50_000)
    return store


def member_cart(store: Store, member: object | None) -> Cart:
    book = promotions.load_book(store.database, store.till)
    cart = Cart(promotions=PromotionContext(book, store.till.now()))
    cart.set_member(member)  # type: ignore[arg-type]
    return cart


def balance(store: Store, member_no: str) -> int:
    with store.database.reading() as session:
        found = MemberRepository(session).by_no(member_no)
        assert found is not None
        assert MemberRepository(session).ledger_mismatches() == []
        return found.points_balance


def test_enrolment_needs_consent_and_keeps_no_plain_number(store: Store) -> None:
    with pytest.raises(MemberError):
        members.enrol(store.database, store.till, store.clerk, PHONE, consent=False)
    member = members.enrol(
        store.database, store.till, store.clerk, "+86 138-1234-1234", consent=True
    )
    assert member.phone_masked == "138****1234" and member.name == ""
    assert member.member_no.startswith("M")
    with store.database.reading() as session:
        row = session.scalars(select(MemberRow)).one()
        stored = " ".join(
            str(v) for v in (row.phone_hash, row.phone_cipher, row.phone_masked, row.name)
        )
        assert row.consent_version and row.consent_by == store.clerk.id
    assert PHONE not in stored and "12341234" not in stored
    for typed in (PHONE, "138 1234 1234", "１３８１２３４１２３４"):
        found = members.find_by_phone(store.database, store.till, typed)
        assert found is not None and found.id == member.id
    assert members.find_by_phone(store.database, store.till, "13900000000") is None
    with pytest.raises(MemberError):
        members.enrol(store.database, store.till, store.clerk, PHONE, consent=True)
    with pytest.raises(MemberError):
        members.find(store.database, store.till, "12345")


def test_a_member_qr_code_finds_the_member_and_forgeries_do_not(store: Store) -> None:
    member = members.enrol(
        store.database, store.till, store.clerk, PHONE, consent=True, name="小红"
    )
    code = members.member_code(store.till, member)
    assert members.find(store.database, store.till, code).id == member.id
    with pytest.raises(SignedCodeError):
        members.find(store.database, store.till, code[:-2] + "AA")
    other_store = sign(store.till.code_secret, MemberCode("RH99", member.member_no))
    with pytest.raises(SignedCodeError):
        members.find(store.database, store.till, other_store)


def test_points_earned_redeemed_and_taken_back_by_returns(store: Store) -> None:
    member = members.enrol(store.database, store.till, store.clerk, PHONE, consent=True)
    cart = member_cart(store, member)
    cart.add(store.items["LIP-520"], 2)  # ￥518
    sale = checkout.checkout(store.database, store.till, store.clerk, cart, [Tender.cash(60_000)])
    assert (sale.points_earned, sale.points_balance) == (518, 518)

    # 300 points pay ￥3; the rest in cash earns points.
    cart = member_cart(store, member)
    cart.add(store.items["BOOK-01"])  # ￥45
    paid = checkout.checkout(
        store.database,
        store.till,
        store.clerk,
        cart,
        [Tender(TenderKind.POINTS, 300), Tender.cash(4_200)],
    )
    assert paid.points_earned == 42
    assert balance(store, member.member_no) == 518 - 300 + 42 == paid.points_balance

    # Not enough points: refused, nothing written.
    cart = member_cart(store, member)
    cart.add(store.items["LIP-520"])
    with pytest.raises(PointsError):
        checkout.checkout(
            store.database, store.till, store.clerk, cart, [Tender(TenderKind.POINTS, 25_900)]
        )
    assert balance(store, member.member_no) == 260
    # Points pay only for a member.
    anonymous = member_cart(store, None)
    anonymous.add(store.items["BOOK-01"])
    with pytest.raises(Exception, match="member"):
        checkout.checkout(
            store.database, store.till, store.clerk, anonymous, [Tender(TenderKind.POINTS, 4_500)]
        )

    # Returning one lipstick takes back half of the 518; the second return the rest.
    for expected in (518 - 259, 0):
        returns.return_items(
            store.database,
            store.till,
            store.supervisor,
            store.till.receipt_code(sale.receipt_no),
            [ReturnRequest(1, 1)],
            reason="size",
        )
        assert balance(store, member.member_no) == 260 - 518 + expected
    # Returning the book refunds the points that paid for it and takes back what it earned.
    before = balance(store, member.member_no)
    result = returns.return_items(
        store.database,
        store.till,
        store.supervisor,
        store.till.receipt_code(paid.receipt_no),
        [ReturnRequest(1, 1)],
        reason="size",
    )
    assert {r.kind for r in result.refunds} == {TenderKind.CASH, TenderKind.POINTS}
    assert balance(store, member.member_no) == before + 300 - 42


def test_points_expire_on_their_day(store: Store) -> None:
    member = members.enrol(store.database, store.till, store.clerk, PHONE, consent=True)
    cart = member_cart(store, member)
    cart.add(store.items["BOOK-01"])
    checkout.checkout(store.database, store.till, store.clerk, cart, [Tender.cash(4_500)])
    store.clock.advance(days=365)  # 2027-11-25: the points last to 2027-11-30
    assert points.expire_all(store.database, store.till) == 0
    store.clock.advance(days=6)
    assert points.expire_all(store.database, store.till) == 45
    assert balance(store, member.member_no) == 0
    assert points.expire_all(store.database, store.till) == 0  # once


def test_member_prices_need_the_member_and_erasure_forgets_them(store: Store) -> None:
    promotions.set_member_price(store.database, store.till, store.manager, "LIP-520", 19_900)
    member = members.enrol(
        store.database, store.till, store.clerk, PHONE, consent=True, name="小红"
    )
    item = replace(store.items["LIP-520"])
    cart = member_cart(store, None)
    cart.add(item)
    assert cart.totals().total_fen == 25_900
    cart.set_member(member)
    assert cart.totals().total_fen == 19_900
    assert [s.label for s in cart.totals().lines[0].savings] == ["会员价"]
    sale = checkout.checkout(store.database, store.till, store.clerk, cart, [Tender.cash(19_900)])

    with pytest.raises(Exception, match="may not"):
        members.erase(store.database, store.till, store.clerk, member.member_no)
    members.erase(store.database, store.till, store.manager, member.member_no)
    assert members.find_by_phone(store.database, store.till, PHONE) is None
    with store.database.reading() as session:
        row = session.scalars(select(MemberRow)).one()
        assert (row.name, row.phone_hash, row.phone_cipher, row.phone_masked) == (
            "",
            None,
            None,
            "",
        )
        assert row.erased_at is not None
        movements = session.scalars(select(PointsMovementRow.points)).all()
    assert sum(movements) == sale.points_earned == 199
    assert balance(store, member.member_no) == 199
