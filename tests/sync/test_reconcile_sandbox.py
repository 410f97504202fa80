"""Reconciliation against the RED sandbox (``sync.red_sandbox``, written from the platform's
documents): a store in step finds nothing; planted differences of every class are found, and
nothing else; decisions make exactly the right movements and sync actions (the pushed figure
reaches the sandbox).

The platform's stock total leaves paid orders' units out (docs/red-stock-total.md): a store in
step with paid online orders on its shelf shows on-hand less those units online, without any
push of its own."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.reconciliation import DifferenceKind, ReconciliationError, Resolution
from redhome_pos.domain.staff import ScryptCost, Staff
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.counter import AuditEventRow
from redhome_pos.persistence.models.manager import StockCountLineRow
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services import reconciliation, stock_counts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff
from redhome_pos.services.reconciliation_export import summary_lines, write_run_csv
from sync.catalog_pull import pull_catalog
from sync.opening import opening_from_online
from sync.order_pull import pull_orders
from sync.reconcile_fetch import OnlineFigures, fetch_mirrored_figures, fetch_online_figures
from sync.red.connector import RedOnlineStore
from sync.red_sandbox import SandboxHandle
from sync.settings import SyncSettings
from sync.stock_push import push_stock

CHEAP = ScryptCost(n=16, r=1, p=1)


@dataclass
class Linked:
    database: Database
    sandbox: SandboxHandle
    store: RedOnlineStore
    settings: SyncSettings
    till: Till
    manager: Staff
    clerk: Staff
    skus: list[tuple[int, str, str]]  # (sku id, code, online id), by code


def _flush_pushes(linked: Linked) -> None:
    push_stock(linked.database, linked.store, linked.settings, now=lambda: datetime.now(UTC))
    with linked.database.reading() as session:
        left = session.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.done_at.is_(None))
        )
    assert left == 0


@pytest.fixture
def linked(database: Database, sandbox: SandboxHandle, red_store: RedOnlineStore) -> Linked:
    """A store that imported the sandbox catalog, took its opening stock and pushed it."""
    settings = SyncSettings(warehouse_code=sandbox.warehouse_code, terminal_id="T1")
    pull_catalog(database, red_store, settings, now=datetime.now(UTC))
    till = Till("RH01", "T1")
    staff = add_demo_staff(database, till, cost=CHEAP)
    opening_from_online(database, red_store, terminal_id="T1", staff=staff["3001"])
    with database.reading() as session:
        skus = [
            (i, c, str(r))
            for i, c, r in session.execute(
                select(SkuRow.id, SkuRow.code, SkuRow.red_sku_id).order_by(SkuRow.code)
            )
        ]
    result = Linked(
        database, sandbox, red_store, settings, till, staff["3001"], staff["1001"], skus
    )
    _flush_pushes(result)
    return result


def _run(linked: Linked) -> reconciliation.RunResult:
    online = fetch_online_figures(linked.store)
    return reconciliation.run_reconciliation(
        linked.database, linked.till, online.skus, staff=linked.manager
    )


def _on_hand(linked: Linked, sku_id: int) -> int:
    with linked.database.reading() as session:
        return StockRepository(session).on_hand(sku_id)


def _online_total(linked: Linked, red: str) -> int:
    wh = linked.sandbox.warehouse_code
    return int(linked.sandbox.state(wh)["stock"][red][wh])


def test_a_store_in_step_has_no_differences(linked: Linked) -> None:
    # Paid online orders for the store's warehouse: the platform took their units off its
    # total at payment; here they are still on the shelf, reserved for picking and held off
    # the figure the store pushes. That is not drift.
    # Buyers order what the shop page offers: SKUs in stock in the store's warehouse.
    stocked = [red for sku, _, red in linked.skus if _on_hand(linked, sku) >= 2]
    for red in stocked[:5]:
        linked.sandbox.generate_orders(
            1, sku_ids=[red], whcode=linked.sandbox.warehouse_code, only_available=True
        )
    pull_orders(linked.database, linked.store, linked.settings, now=datetime.now(UTC))
    with linked.database.reading() as session:
        reserved = SyncRepository(session).reserved()
        held = SyncRepository(session).held_online()
    assert sum(reserved.values()) > 0 and held == reserved
    # Before the store pushes anything, the platform's own figure is already the store's.
    red_of = {sku: red for sku, _, red in linked.skus}
    figures = {f.sku_id: f for f in reconciliation.store_figures(linked.database)}
    for sku, units in held.items():
        assert figures[sku].held_online == units and figures[sku].reserved == units
        assert _online_total(linked, red_of[sku]) == figures[sku].sellable
    _flush_pushes(linked)  # the order pull queued these SKUs: the same figures are set
    assert all(_online_total(linked, red_of[s]) == figures[s].sellable for s in held)
    result = _run(linked)
    assert result.summary.skus_here == result.summary.skus_online == 200
    assert result.differences == []


def test_planted_differences_of_every_class_are_found_and_nothing_else(linked: Linked) -> None:
    sandbox = linked.sandbox
    wh = linked.sandbox.warehouse_code
    (drift_id, drift_code, drift_red) = linked.skus[3]
    (_, price_code, price_red) = linked.skus[10]
    (_, barcode_code, barcode_red) = linked.skus[20]
    (_, gone_code, gone_red) = linked.skus[30]
    (_, unbuyable_code, unbuyable_red) = linked.skus[40]
    (inactive_id, inactive_code, _) = linked.skus[50]
    (sold_id, _, _) = linked.skus[60]

    online_total = _online_total(linked, drift_red)
    here = _on_hand(linked, drift_id)
    sandbox.set_stock(drift_red, wh, here + 7)
    sandbox.update_sku(price_red, price=12_345)
    sandbox.update_sku(barcode_red, barcode="6901234567892")
    sandbox.remove_sku(gone_red)
    sandbox.update_sku(unbuyable_red, buyable=False)
    sandbox.add_sku(
        "新品 唇釉", price=9_900, original_price=12_900, barcode="6970000000014",
        erp_code="NEW-1", stock_units=4,
    )  # fmt: skip
    with linked.database.unit_of_work() as uow:
        uow.session.execute(update(SkuRow).where(SkuRow.id == inactive_id).values(active=False))
        uow.commit()
    # A stock change not pushed yet is not drift: the next push sets the online figure.
    stock_service.adjust(
        linked.database, sold_id, -1, reason="damaged", terminal_id="T1", staff=linked.manager
    )

    result = _run(linked)
    found = sorted((d.kind, d.sku_code or d.red_sku_id) for d in result.differences)
    assert found == sorted(
        [
            (DifferenceKind.STOCK_DRIFT, drift_code),
            (DifferenceKind.PRICE_MISMATCH, price_code),
            (DifferenceKind.BARCODE_MISMATCH, barcode_code),
            (DifferenceKind.MISSING_ONLINE, gone_code),
            (DifferenceKind.INACTIVE_BUT_STOCKED, unbuyable_code),
            (DifferenceKind.INACTIVE_BUT_STOCKED, inactive_code),
            (DifferenceKind.MISSING_HERE, "NEW-1"),
        ]
    ), online_total
    drift = next(d for d in result.differences if d.kind is DifferenceKind.STOCK_DRIFT)
    assert (drift.here, drift.online) == (here, here + 7)
    assert all(d.title for d in result.differences)  # titles read for the lines
    price = next(d for d in result.differences if d.kind is DifferenceKind.PRICE_MISMATCH)
    assert price.online == 12_345
    assert result.summary.count_by_kind["inactive_but_stocked"] == 2
    assert result.summary.differences == 7
    assert result.summary.skus_online == 200  # one removed, one added

    history = reconciliation.runs(linked.database)
    assert history[0].id == result.run_id and history[0].summary.differences == 7
    only_stock = reconciliation.run_lines(
        linked.database, result.run_id, kinds=[DifferenceKind.STOCK_DRIFT]
    )
    assert [line.difference.sku_code for line in only_stock] == [drift_code]


def test_decisions_make_the_right_movements_and_sync_actions(
    linked: Linked, tmp_path: Path
) -> None:
    sandbox = linked.sandbox
    wh = linked.sandbox.warehouse_code
    stocked = [sku for sku in linked.skus if _on_hand(linked, sku[0]) >= 3]
    (push_id, _, push_red) = stocked[1]
    (accept_id, _, accept_red) = stocked[2]
    (count_id_sku, _, count_red) = stocked[4]
    (price_id, _, price_red) = stocked[5]
    push_here = _on_hand(linked, push_id)
    accept_here = _on_hand(linked, accept_id)
    sandbox.set_stock(push_red, wh, push_here + 3)
    sandbox.set_stock(accept_red, wh, accept_here + 2)
    sandbox.set_stock(count_red, wh, _on_hand(linked, count_id_sku) + 1)
    sandbox.update_sku(price_red, price=777, originalPrice=999)

    result = _run(linked)
    lines = {(ln.difference.sku_id, ln.difference.kind): ln.id for ln in
             reconciliation.run_lines(linked.database, result.run_id)}  # fmt: skip
    assert len(lines) == 4

    # Only a manager decides, and a decision needs a reason.
    with pytest.raises(PermissionDenied):
        reconciliation.resolve(
            linked.database, linked.till, linked.clerk,
            [lines[push_id, DifferenceKind.STOCK_DRIFT]], Resolution.PUSH_STORE_STOCK,
            reason="x",
        )  # fmt: skip
    with pytest.raises(ReconciliationError):
        reconciliation.resolve(
            linked.database, linked.till, linked.manager,
            [lines[price_id, DifferenceKind.PRICE_MISMATCH]], Resolution.ACCEPT_ONLINE_STOCK,
            reason="wrong kind",
        )  # fmt: skip

    # A sale after the run: accepting the online figure keeps it.
    stock_service.adjust(
        linked.database, accept_id, -1, reason="broken", terminal_id="T1", staff=linked.manager
    )
    _flush_pushes(linked)  # the sale's push; the push SKU was not touched

    def decide(sku_id: int, kind: DifferenceKind, resolution: Resolution) -> str:
        [decision] = reconciliation.resolve(
            linked.database, linked.till, linked.manager, [lines[sku_id, kind]], resolution,
            reason="checked the shelf",
        )  # fmt: skip
        return decision.reference

    def movements(sku_id: int) -> list[tuple[str, int]]:
        with linked.database.reading() as session:
            return [
                (k, q)
                for k, q in session.execute(
                    select(StockMovementRow.kind, StockMovementRow.quantity)
                    .where(StockMovementRow.sku_id == sku_id)
                    .order_by(StockMovementRow.created_at)
                )
            ]

    before_push = movements(push_id)
    ref = decide(push_id, DifferenceKind.STOCK_DRIFT, Resolution.PUSH_STORE_STOCK)
    assert ref.startswith("outbox:") and movements(push_id) == before_push
    ref = decide(accept_id, DifferenceKind.STOCK_DRIFT, Resolution.ACCEPT_ONLINE_STOCK)
    assert movements(accept_id)[-1] == ("adjust", 2)
    assert _on_hand(linked, accept_id) == accept_here + 2 - 1
    ref = decide(count_id_sku, DifferenceKind.STOCK_DRIFT, Resolution.RECOUNT)
    count_id = int(ref.split(":")[1])
    with linked.database.reading() as session:
        on_count = session.scalars(
            select(StockCountLineRow.sku_id).where(StockCountLineRow.count_id == count_id)
        ).all()
    assert on_count == [count_id_sku]
    decide(price_id, DifferenceKind.PRICE_MISMATCH, Resolution.TAKE_ONLINE_PRICE)
    with linked.database.reading() as session:
        row = session.get(SkuRow, price_id)
        assert row is not None and (row.price_fen, row.original_price_fen) == (777, 999)

    with pytest.raises(ReconciliationError):  # a line is decided once
        decide(push_id, DifferenceKind.STOCK_DRIFT, Resolution.FLAG_HEAD_OFFICE)

    # The sync engine sends the pushed and accepted figures; the online store agrees again.
    push_stock(linked.database, linked.store, linked.settings, now=lambda: datetime.now(UTC))
    assert _online_total(linked, push_red) == push_here
    assert _online_total(linked, accept_red) == accept_here + 1
    again = _run(linked)
    assert [(d.kind, d.sku_id) for d in again.differences] == [
        (DifferenceKind.STOCK_DRIFT, count_id_sku)
    ]
    with linked.database.reading() as session:
        actions = session.scalars(
            select(AuditEventRow.action).where(AuditEventRow.action == "reconcile_decision")
        ).all()
    assert len(actions) == 4
    assert stock_counts.count_sheet(linked.database, count_id)[0].recount

    # The first run's lines and decisions, as a spreadsheet reads them.
    path = tmp_path / "run.csv"
    assert write_run_csv(linked.database, result.run_id, path, sort="kind") == 4
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert sorted((r["kind"], r["decision"], r["reason"]) for r in rows) == [
        ("price_mismatch", "take_online_price", "checked the shelf"),
        ("stock_drift", "accept_online_stock", "checked the shelf"),
        ("stock_drift", "push_store_stock", "checked the shelf"),
        ("stock_drift", "recount", "checked the shelf"),
    ]
    assert all(r["decided_by"] == str(linked.manager.id) for r in rows)
    summary = "\n".join(summary_lines(linked.database, result.run_id))
    assert "decided 4 of 4" in summary and "stock drift" in summary


def _default_run(
    linked: Linked, *, full: bool = False
) -> tuple[OnlineFigures, reconciliation.RunResult]:
    """A run as ``redhome-pos reconcile`` makes it: the mirror brought up to date first."""
    moved = None if full else reconciliation.stock_to_read(linked.database)
    online = fetch_mirrored_figures(linked.database, linked.store, moved=moved, full=full)
    result = reconciliation.run_reconciliation(
        linked.database, linked.till, online.skus, staff=linked.manager
    )
    return online, result


def test_the_default_run_reads_what_changed_online_and_finds_a_new_price(linked: Linked) -> None:
    first, result = _default_run(linked)
    assert first.full and first.stock_skus == 200  # the first run reads everything
    assert result.differences == []
    (price_id, price_code, price_red) = linked.skus[10]
    with linked.database.reading() as session:
        price_before = session.scalar(select(SkuRow.price_fen).where(SkuRow.id == price_id))
    assert price_before is not None
    linked.sandbox.update_sku(price_red, price=price_before + 250)

    online, result = _default_run(linked)
    # Only the changed page was read, and stock only for the SKU that changed online.
    assert not online.full
    assert online.catalog_calls < first.catalog_calls
    assert (online.changed_online, online.stock_skus) == (1, 1)
    assert result.summary.skus_online == 200
    assert [(d.kind, d.sku_code) for d in result.differences] == [
        (DifferenceKind.PRICE_MISMATCH, price_code)
    ]
    with linked.database.reading() as session:  # the mirror, not the store, took the price
        assert session.scalar(select(SkuRow.price_fen).where(SkuRow.id == price_id)) == (
            price_before
        )

    # Undecided, the difference is found again by the next run, online unchanged.
    again, result = _default_run(linked)
    assert again.changed_online == 0
    assert [(d.kind, d.sku_code) for d in result.differences] == [
        (DifferenceKind.PRICE_MISMATCH, price_code)
    ]


def test_stock_drift_on_a_sku_that_moved_here_is_found_by_the_default_run(
    linked: Linked,
) -> None:
    _default_run(linked)
    (drift_id, drift_code, drift_red) = linked.skus[3]
    (_, _, still_red) = linked.skus[4]
    stock_service.adjust(
        linked.database, drift_id, -1, reason="broken", terminal_id="T1", staff=linked.manager
    )
    _flush_pushes(linked)  # the new figure goes online
    wh = linked.sandbox.warehouse_code
    for red in (drift_red, still_red):  # online moves too, without the store's push
        linked.sandbox.set_stock(red, wh, _online_total(linked, red) + 2)
    online, result = _default_run(linked)
    assert online.stock_skus == 1
    assert [(d.kind, d.sku_code) for d in result.differences] == [
        (DifferenceKind.STOCK_DRIFT, drift_code)
    ]
    online, result = _default_run(linked, full=True)
    assert online.full and online.stock_skus == 200
    assert sorted(d.red_sku_id for d in result.differences) == sorted([drift_red, still_red])


def test_a_full_read_finds_a_sku_gone_online(linked: Linked) -> None:
    _default_run(linked)
    (_, gone_code, gone_red) = linked.skus[30]
    linked.sandbox.remove_sku(gone_red)
    _, result = _default_run(linked, full=True)
    assert result.summary.skus_online == 199
    assert [(d.kind, d.sku_code) for d in result.differences] == [
        (DifferenceKind.MISSING_ONLINE, gone_code)
    ]
