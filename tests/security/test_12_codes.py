"""Point 12: codes. Non-ASCII text in a signed code is refused in words (it used to raise
a ``TypeError`` from the signature check); a pickup code scanned a second time says the order
was already handed over, when, at which till and by whom."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from security_store import SECRET, Store, make_store

from redhome_pos.domain import signed_codes
from redhome_pos.domain.scan import ScanSettings
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.sync import (
    StoredOnlineOrder,
    StoredOrderLine,
    SyncRepository,
)
from sync.fulfilment import FulfilmentError
from ui.backoffice import order_jobs


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database, open_shift=False)


@pytest.mark.parametrize(
    "damage",
    [
        lambda code: code[:-1] + "é",  # in the seal
        lambda code: code.replace("RH01.", "RH01\u200b.", 1),  # a zero-width space
        lambda code: code.replace("RH1.", "ＲH1.", 1),  # a full-width letter
        lambda code: code.lower().replace("s", "ſ"),  # "ſ".upper() == "S"
    ],
)
def test_non_ascii_in_a_signed_code_is_refused_in_words(damage: object) -> None:
    code = signed_codes.sign_receipt_code(SECRET, "RH01", "RH01-T1-20261205-0001")
    assert callable(damage)
    with pytest.raises(signed_codes.SignedCodeError, match="characters no store code has"):
        signed_codes.verify(damage(code), secret=SECRET, store="RH01")


def _pickup_order(store: Store) -> str:
    now = datetime(2026, 12, 5, 2, 0, tzinfo=UTC)
    line = StoredOrderLine(1, "RED-LIP", store.items["LIP-520"].sku_id, 1, 11_700)
    order = StoredOnlineOrder(
        "P-1001", "awaiting_shipment", "pickup", "RH01", True, now, now, (line,)
    )
    with store.database.unit_of_work() as uow:
        SyncRepository(uow.session).upsert_order(order)
        uow.commit()
    return signed_codes.sign_pickup_code(SECRET, "RH01", "P-1001", "8842")


def test_a_pickup_code_scanned_twice_says_when_and_by_whom(store: Store) -> None:
    code = _pickup_order(store)
    settings = ScanSettings(store_code="RH01", code_secret=SECRET)
    db = store.database
    first = order_jobs.hand_over(db, settings, "P-1001", code, terminal_id="T1", staff=store.clerk)
    assert first.method == "pickup"
    with pytest.raises(FulfilmentError) as again:
        order_jobs.hand_over(db, settings, "P-1001", code, terminal_id="T2", staff=store.manager)
    said = str(again.value)
    assert "already handed over" in said and "王小红" in said and "till T1" in said
    assert first.requested_at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%H:%M") in said


def _sold(store: Store) -> str:
    from redhome_pos.domain.cart import Cart

    cart = Cart()
    cart.add(store.items["MASK-10"], 4)
    return store.sell(cart)


def test_a_return_by_the_plain_receipt_number_needs_the_signed_code_or_a_manager(
    database: Database,
) -> None:
    from redhome_pos.domain import approvals
    from redhome_pos.domain.errors import PermissionDenied
    from redhome_pos.domain.sale import ReturnRequest
    from redhome_pos.domain.staff import Permission
    from redhome_pos.services import returns
    from redhome_pos.services.staff import Approver, approve

    store = make_store(database)
    db, till, clerk, supervisor = store.database, store.till, store.clerk, store.supervisor
    receipt = _sold(store)
    one = [ReturnRequest(1, 1)]

    def ask(approver: Approver) -> int:
        return approve(
            db, till, clerk, Permission.REFUND, approver,
            covers=approvals.refund(receipt, 9_900),
        )  # fmt: skip

    # A supervisor may refund alone, but not on a number read off a screen or a bin.
    with pytest.raises(PermissionDenied, match="receipt number alone needs a manager"):
        returns.return_items(db, till, supervisor, receipt, one, reason="x")
    returns.return_items(db, till, supervisor, till.receipt_code(receipt), one, reason="x")
    # A clerk with a supervisor's approval: only with the code; a manager's approval will do.
    with pytest.raises(PermissionDenied, match="not a supervisor's"):
        returns.return_items(
            db, till, clerk, receipt, one, reason="x", approval_id=ask(Approver("2001", "2222"))
        )
    done = returns.return_items(
        db, till, clerk, receipt, one, reason="x", approval_id=ask(Approver("3001", "3333"))
    )
    assert done.refund_fen == 9_900
    # A manager takes a return by number alone.
    returns.return_items(db, till, store.manager, receipt, one, reason="x")
