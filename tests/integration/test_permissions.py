"""Permissions are checked by the services themselves, whoever calls them."""

from __future__ import annotations

import pytest
from counter_store import CHEAP_PIN_COST, Store, make_store

from redhome_pos.domain import approvals
from redhome_pos.domain.audit import AuditEvent
from redhome_pos.domain.cart import Cart, Discount
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.staff import Permission, Role, StaffError
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import ApprovalRow
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit, checkout, returns, shifts
from redhome_pos.services.staff import Approver, add_staff, approve

REFUND = approvals.refund("RH01-T1-20261125-0001", 100)
ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured


@pytest.fixture
def store(database: Database) -> Store:
    s = make_store(database)
    shifts.open_shift(database, s.till, s.clerk, 10_000)
    return s


def _sell(store: Store, cart: Cart | None = None) -> str:
    if cart is None:
        cart = Cart()
        cart.add(store.items["MASK-10"], 2)
    total = cart.totals().total_fen
    return checkout.checkout(
        store.database, store.till, store.clerk, cart, [Tender.cash(total)]
    ).receipt_no


def test_a_clerk_calling_the_refund_service_directly_is_refused(store: Store) -> None:
    receipt = _sell(store)
    with pytest.raises(PermissionDenied):
        returns.return_items(
            store.database, store.till, store.clerk, receipt, [ReturnRequest(1, 1)], reason="x"
        )


def test_an_approval_serves_one_action_for_the_person_it_was_given_to(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    receipt = _sell(store)
    approval = approve(
        db, till, clerk, Permission.REFUND, Approver("2001", "2222"), why="test",
        covers=approvals.refund(receipt, 9_900),
    )  # fmt: skip
    code = till.receipt_code(receipt)  # the receipt's code scanned: no manager needed
    result = returns.return_items(
        db, till, clerk, code, [ReturnRequest(1, 1)], reason="x", approval_id=approval
    )
    assert result.refund_fen == 9_900
    with pytest.raises(PermissionDenied):  # used once already
        returns.return_items(
            db, till, clerk, code, [ReturnRequest(1, 1)], reason="x", approval_id=approval
        )
    with db.reading() as session:
        row = session.get(ApprovalRow, approval)
        assert row is not None
        assert (row.action, row.approver_id, row.requested_by) == (
            "refund",
            store.supervisor.id,
            clerk.id,
        )
        assert row.used_at is not None
    assert any(e.detail.get("approval_id") == approval for e in _events(db, "approval"))


def test_an_approval_for_another_action_or_too_old_does_not_count(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    receipt = _sell(store)
    void_approval = approve(db, till, clerk, Permission.VOID, Approver("3001", "3333"))
    with pytest.raises(PermissionDenied):
        returns.return_items(
            db, till, clerk, receipt, [ReturnRequest(1, 1)], reason="x", approval_id=void_approval
        )
    old = approve(
        db, till, clerk, Permission.REFUND, Approver("3001", "3333"),
        covers=approvals.refund(receipt, 9_900),
    )  # fmt: skip
    store.clock.advance(minutes=6)
    with pytest.raises(PermissionDenied):
        returns.return_items(
            db, till, clerk, receipt, [ReturnRequest(1, 1)], reason="x", approval_id=old
        )


def test_a_clerk_cannot_approve_and_a_wrong_pin_approves_nothing(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    add_staff(
        db, till, "1002", "周店员", Role.CLERK, "4444", actor=store.manager, cost=CHEAP_PIN_COST
    )
    with pytest.raises(PermissionDenied):
        approve(db, till, clerk, Permission.REFUND, Approver("1002", "4444"), covers=REFUND)
    with pytest.raises(StaffError):
        approve(db, till, clerk, Permission.REFUND, Approver("2001", "9999"), covers=REFUND)
    with db.reading() as session:
        assert session.query(ApprovalRow).count() == 0


def test_price_override_and_big_discount_need_approval_at_checkout(store: Store) -> None:
    db, till, clerk = store.database, store.till, store.clerk
    cart = Cart()
    line = cart.add(store.items["LIP-520"])
    cart.override_price(line.line_no, 20_000, approval_id=None)
    with pytest.raises(PermissionDenied):
        _sell(store, cart)
    approval = approve(
        db, till, clerk, Permission.PRICE_OVERRIDE, Approver("2001", "2222"),
        covers=approvals.price_override(line, 20_000),
    )  # fmt: skip
    cart.override_price(line.line_no, 20_000, approval_id=approval)
    assert _sell(store, cart).endswith("-0001")

    cart = Cart()
    line = cart.add(store.items["BAG-RED"])
    cart.discount_line(line.line_no, Discount(percent_bp=1_000))  # 10 %: the clerk may
    _sell(store, cart)
    cart = Cart()
    cart.add(store.items["BAG-RED"])
    cart.discount_order(Discount(percent_bp=2_000))  # 20 %: needs approval
    with pytest.raises(PermissionDenied):
        _sell(store, cart)
    approval = approve(
        db, till, clerk, Permission.DISCOUNT_ABOVE_LIMIT, Approver("2001", "2222"),
        covers=approvals.order_discount(cart, Discount(percent_bp=2_000)),
    )  # fmt: skip
    cart.discount_order(Discount(percent_bp=2_000), approval_id=approval)
    _sell(store, cart)
    [override] = _events(db, "price_override")
    assert (override.detail["sku"], override.detail["price_fen"]) == ("LIP-520", 20_000)
    assert override.detail["receipt_no"].endswith("-0001")
    [discount] = _events(db, "discount")  # the 10 % line discount needed no approval
    assert discount.detail["discount_fen"] == 2_560 and discount.detail["approval_id"]


def test_cash_out_drawer_and_closing_need_their_permissions(store: Store) -> None:
    db, till, clerk, sup = store.database, store.till, store.clerk, store.supervisor
    with pytest.raises(PermissionDenied):
        shifts.cash_out(db, till, clerk, 1_000, "safe")
    with pytest.raises(PermissionDenied):
        shifts.open_drawer(db, till, clerk, "change for a customer")
    with pytest.raises(PermissionDenied):
        shifts.close_shift(db, till, clerk, {"cash": 10_000})
    shifts.open_drawer(db, till, sup, "change for a customer")
    approval = approve(db, till, clerk, Permission.CLOSE_SHIFT, Approver("3001", "3333"))
    z = shifts.close_shift(db, till, clerk, {"cash": 10_000}, approval_id=approval)
    assert z.figures.drawer_opens == 1
    with pytest.raises(PermissionDenied):
        add_staff(db, till, "1003", "新人", Role.CLERK, "5555", actor=sup)


def _events(db: Database, action: str) -> list[AuditEvent]:
    with db.reading() as session:
        events = AuditRepository(session).of_action(action)
    assert audit.verify(db) == []
    return events
