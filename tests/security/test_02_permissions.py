"""Point 2: permissions are enforced by the services, for a person proven by logging in.

The layer test walks every public function of the services (and of the sync services that
act for a person) that writes to the store: each one either checks the acting staff itself
or is listed below with the reason it is not a staff action. Each checked one is then called
with a forged ``Staff``, with an altered session and with a clerk, and must refuse.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import pytest
from security_store import Store, make_store
from sqlalchemy import func, select

from redhome_pos.domain.cart import Cart
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.staff import PERMISSIONS, Permission, Role, Staff, StaffSession
from redhome_pos.domain.tender import Tender, settle
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.repositories.staff import StaffRepository
from redhome_pos.services import checkout, sessions
from redhome_pos.services import stock as stock_service
from redhome_pos.services.staff_admin import StaffChange, change_staff

# Public functions that write but are not a staff member's action, and why.
NOT_STAFF_ACTIONS = {
    "redhome_pos.services.staff.login": "logging in is how a session is obtained",
    "redhome_pos.services.staff.login_badge": "logging in is how a session is obtained",
    "redhome_pos.services.staff.approve": "checks the approver's PIN; the asker's session too",
    "redhome_pos.services.staff.add_first_manager": "first run only; refused once a manager exists",
    "redhome_pos.services.demo_staff.add_demo_staff": "demo accounts, added through "
    "add_first_manager and then by the demo manager",
    "redhome_pos.services.demo_catalog.load_demo_store": "builds the separate demo store",
    "redhome_pos.services.demo_lots.add_demo_lots": "dates the separate demo store's stock",
    "redhome_pos.services.audit.record": "appends inside a checked service's transaction",
    "redhome_pos.services.audit.record_action": "appends for an action checked by its caller",
    "redhome_pos.services.catalog_search.rebuild_index": "rebuilds derived search rows only",
    "redhome_pos.services.catalog_search.index_skus": "rebuilds derived search rows only",
    "redhome_pos.services.checkout.move_stock": "inside a checked service's transaction",
    "redhome_pos.services.stock_counts.add_skus_in": "inside a checked service's transaction",
    "redhome_pos.services.reconciliation.run_reconciliation": "records a comparison, changes "
    "no stock or price; checks the session when one is given",
    "sync.fulfilment.push_deliveries": "the sync engine sending what staff recorded",
    "redhome_pos.services.points.expire_all": "applies the points' expiry date, no one's choice",
    "redhome_pos.services.promotion_sales.record_sale_promotions": "inside checkout's transaction",
    "redhome_pos.services.promotion_sales.record_kept_back": "inside a return's transaction",
}
SYNC_SERVICES = ("sync.fulfilment", "sync.opening", "sync.link")
# Opening a writing unit of work, adding rows, recording movements or audit events, or
# SQL insert/update statements (the functions, not a dict's or set's methods).
WRITES = re.compile(r"unit_of_work\(|session\.add\(|\.record(_all)?\(|(?<![.\w])(insert|update)\(")


def _modules() -> Iterator[Any]:
    import redhome_pos.services as package

    for info in pkgutil.iter_modules(package.__path__):
        yield importlib.import_module(f"{package.__name__}.{info.name}")
    for name in SYNC_SERVICES:
        yield importlib.import_module(name)


def _public_functions() -> Iterator[tuple[str, Callable[..., Any]]]:
    for module in _modules():
        for name, function in vars(module).items():
            if name.startswith("_") or not inspect.isfunction(function):
                continue
            if function.__module__ != module.__name__:
                continue  # imported from elsewhere: checked where it is defined
            yield f"{module.__name__}.{name}", function


def _writes(function: Callable[..., Any]) -> bool:
    return WRITES.search(inspect.getsource(inspect.unwrap(function))) is not None


def _guarded() -> list[tuple[str, Callable[..., Any]]]:
    return [(name, f) for name, f in _public_functions() if sessions.guarded(f) is not None]


def test_every_writing_service_checks_the_acting_staff_or_says_why_not() -> None:
    unchecked = [
        name
        for name, function in _public_functions()
        if _writes(function)
        and sessions.guarded(function) is None
        and name not in NOT_STAFF_ACTIONS
    ]
    assert unchecked == []
    assert len(_guarded()) >= 30


def _call(function: Callable[..., Any], store: Store, actor: object) -> None:
    """Call ``function`` with ``actor`` and placeholders: the check comes before anything."""
    arguments: dict[str, Any] = {}
    with store.database.reading() as session:
        for name, parameter in inspect.signature(function).parameters.items():
            if name in ("staff", "actor"):
                arguments[name] = actor
            elif name == "database":
                arguments[name] = store.database
            elif name == "session":
                arguments[name] = session
            elif name == "till":
                arguments[name] = store.till
            elif parameter.default is inspect.Parameter.empty:
                arguments[name] = None
        function(**arguments)


def _forgeries(store: Store) -> dict[str, object]:
    manager = store.manager
    return {
        "a Staff built by hand": Staff(manager.id, manager.code, manager.name, Role.MANAGER),
        "a clerk's session raised to manager": replace(store.clerk, role=Role.MANAGER),
        "a session given another person's id": replace(store.clerk, id=manager.id),
        "nobody": None,
    }


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database)


def test_every_checked_service_refuses_forged_or_altered_staff(store: Store) -> None:
    for name, function in _guarded():
        for what, forged in _forgeries(store).items():
            with pytest.raises(PermissionDenied):
                _call(function, store, forged)
                pytest.fail(f"{name} accepted {what}")


def test_every_checked_service_beyond_a_clerk_refuses_a_clerk(store: Store) -> None:
    clerk_may = PERMISSIONS[Role.CLERK]
    beyond = [(n, f) for n, f in _guarded() if sessions.guarded(f) not in clerk_may]
    assert len(beyond) >= 15
    for name, function in beyond:
        with pytest.raises(PermissionDenied):
            _call(function, store, store.clerk)
            pytest.fail(f"{name} let a clerk through")


def test_a_deactivated_or_demoted_account_stops_at_once(store: Store) -> None:
    db, till = store.database, store.till
    sku = store.items["MASK-10"].sku_id
    supervisor: StaffSession = store.supervisor
    change_staff(db, till, store.manager, StaffChange(supervisor.id, role=Role.MANAGER))
    promoted = stock_service.adjust(
        db, sku, -1, reason="damaged", terminal_id="T1", staff=supervisor
    )  # the role in force is the stored one, not the one at login
    assert promoted.on_hand == 99
    change_staff(db, till, store.manager, StaffChange(supervisor.id, active=False))
    with pytest.raises(PermissionDenied, match="not active"):
        stock_service.adjust(db, sku, -1, reason="damaged", terminal_id="T1", staff=supervisor)
    change_staff(db, till, store.manager, StaffChange(supervisor.id, active=True, role=Role.CLERK))
    with pytest.raises(PermissionDenied, match="may not adjust stock"):
        stock_service.adjust(db, sku, -1, reason="damaged", terminal_id="T1", staff=supervisor)


def _staff_reads(monkeypatch: pytest.MonkeyPatch, writing: list[bool] | None = None) -> list[int]:
    """The id of each person whose standing the checks read from the database (and in
    ``writing``, whether each read was made inside a writing unit of work)."""
    seen: list[int] = []
    read = StaffRepository.standing

    def counted(self: StaffRepository, staff_id: int) -> Any:
        seen.append(staff_id)
        if writing is not None:
            options = self._session.get_bind().get_execution_options()
            writing.append(bool(options.get("sqlite_immediate")))
        return read(self, staff_id)

    monkeypatch.setattr(StaffRepository, "standing", counted)
    return seen


def test_a_sale_reads_the_acting_staff_member_once_not_per_nested_check(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    cart = Cart()
    cart.add(store.items["LIP-520"])
    writing: list[bool] = []
    reads = _staff_reads(monkeypatch, writing)
    store.sell(cart)
    # checkout is guarded and completes the sale through complete_sale_in, guarded too, which
    # reads the person inside the sale's own transaction
    assert reads == [store.clerk.id]
    assert writing == [True]
    store.sell(cart)
    assert len(reads) == 2  # the next service call reads the person afresh


def test_a_sale_checks_the_seal_once_and_a_forged_session_still_sells_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    cart = Cart()
    cart.add(store.items["LIP-520"])
    worked_out: list[int] = []
    seal = sessions._seal

    def counted(staff: Staff, method: str, started_at: Any) -> bytes:
        worked_out.append(staff.id)
        return seal(staff, method, started_at)

    monkeypatch.setattr(sessions, "_seal", counted)
    store.sell(cart)
    assert worked_out == [store.clerk.id]  # checkout's check; its guarded step trusts that one
    # The step itself, called with a forged session (or one not proven by this call), checks.
    forged = replace(store.clerk, role=Role.MANAGER)
    paid = settle(cart.totals().total_fen, [Tender.cash(cart.totals().total_fen)])
    with store.database.unit_of_work() as uow, pytest.raises(PermissionDenied, match="logged in"):
        checkout.complete_sale_in(uow.session, store.till, forged, cart, paid)


def test_a_deactivated_clerk_sells_nothing_though_the_session_is_genuine(store: Store) -> None:
    db, till = store.database, store.till
    cart = Cart()
    cart.add(store.items["LIP-520"])
    store.sell(cart)
    change_staff(db, till, store.manager, StaffChange(store.clerk.id, active=False))
    with db.reading() as session:
        sales_before = session.scalar(select(func.count()).select_from(SaleRow))
    with pytest.raises(PermissionDenied, match="not active"):
        store.sell(cart)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(SaleRow)) == sales_before


def test_inside_a_checked_call_a_forged_or_lesser_session_is_still_refused(store: Store) -> None:
    db = store.database
    sku = store.items["MASK-10"].sku_id
    with sessions.acting_as(db, store.clerk, Permission.SELL) as clerk:
        assert clerk is store.clerk
        raised = replace(store.clerk, role=Role.MANAGER)
        with pytest.raises(PermissionDenied, match="logged in"):
            stock_service.adjust(db, sku, -1, reason="damaged", terminal_id="T1", staff=raised)
        with pytest.raises(PermissionDenied, match="may not adjust stock"):
            stock_service.adjust(db, sku, -1, reason="damaged", terminal_id="T1", staff=clerk)
    change_staff(db, store.till, store.manager, StaffChange(store.clerk.id, active=False))
    cart = Cart()
    cart.add(store.items["LIP-520"])
    with pytest.raises(PermissionDenied, match="not active"):
        store.sell(cart)


def test_only_a_guarded_step_of_the_same_permission_in_a_transaction_may_read_the_actor() -> None:
    def sell_by_hand(database: Database, staff: StaffSession) -> None: ...

    guard = sessions.acting(Permission.SELL, read_by=stock_service.adjust)
    with pytest.raises(TypeError, match="cannot read the actor"):
        guard(sell_by_hand)  # another permission, and a database rather than a transaction
    with pytest.raises(TypeError, match="cannot read the actor"):
        sessions.acting(Permission.SELL, read_by=sell_by_hand)(sell_by_hand)  # not guarded
