"""Reconciliation runs: compare the store with the online store, keep the differences, and
decide on them.

The service does not talk to the online store: the caller hands it the online figures as plain
``OnlineSkuFigures`` (the command line and the back office fetch them with the configured
connector through ``sync/reconcile_fetch.py``, on a worker thread). Long steps take a
``progress(done, total)`` callback.

Decisions (manager only, ``Permission.RECONCILE``), each kept on the line with who, why and
when, plus one audit event per decision call:

- push store stock: an outbox ``stock`` row, so the sync engine sets the online figure to the
  store's on-hand;
- accept the online figure: an ``adjust`` movement by (online − store) as found by the run,
  so sales made since the run are kept;
- recount: the SKU is added to an open stock count;
- take the online price: the store SKU's price and original price become the online ones;
- flag for head office: recorded only.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import cast

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.reconciliation import (
    Difference,
    DifferenceKind,
    OnlineSkuFigures,
    ReconciliationError,
    Resolution,
    StoreSkuFigures,
    Summary,
    check_resolution,
    filter_and_sort,
    reconcile,
)
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import BarcodeRow, ProductRow, SkuRow
from redhome_pos.persistence.models.manager import ReconciliationLineRow, ReconciliationRunRow
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockMovementRow
from redhome_pos.persistence.models.sync import OnlineOrderLineRow
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.persistence.repositories.outbox import STOCK_TOPIC, OutboxRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services import audit, stock_counts
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting, authorize
from redhome_pos.services.stock import new_movement_id

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class RunLine:
    """A difference as kept in a run, with the decision taken on it (if any)."""

    id: int
    difference: Difference
    resolution: Resolution | None = None
    resolved_by: int | None = None
    resolved_at: datetime | None = None
    reason: str = ""
    reference: str = ""  # the movement id, outbox row or count the decision made


@dataclass(frozen=True, slots=True)
class RunRecord:
    id: int
    started_at: datetime
    finished_at: datetime
    staff_id: int | None
    terminal_id: str
    summary: Summary
    resolved: int


@dataclass(frozen=True, slots=True)
class Decision:
    line_id: int
    resolution: Resolution
    reference: str


# --- the store's side ------------------------------------------------------------------------


@contextmanager
def without_gc_pauses() -> Iterator[None]:
    """Build many small objects without the cycle collector walking them again and again
    (a 200,000-SKU run spends most of its time there otherwise); nothing built here forms
    cycles, so collection simply waits until the block ends."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def store_figures(database: Database, today: date | None = None) -> list[StoreSkuFigures]:
    """Every store SKU with its on-hand, reservations, units held for paid online orders,
    barcodes and unsent stock changes, by code (titles left empty: ``with_titles`` fills them
    in for the SKUs that differ);
    with ``today``, the units of lots expired before it, which are not offered online."""
    with database.reading() as session, without_gc_pauses():
        # Core statements on the session's connection: plain rows, no ORM bookkeeping.
        connection = session.connection()
        barcodes: dict[int, set[str]] = {}
        for code, sku_id in connection.execute(select(BarcodeRow.code, BarcodeRow.sku_id)):
            barcodes.setdefault(sku_id, set()).add(code)
        reserved = dict(
            connection.execute(
                select(OnlineOrderLineRow.sku_id, func.sum(OnlineOrderLineRow.reserved))
                .where(OnlineOrderLineRow.reserved > 0, OnlineOrderLineRow.sku_id.is_not(None))
                .group_by(OnlineOrderLineRow.sku_id)
            ).all()
        )
        pending = {
            key
            for (key,) in connection.execute(
                select(OutboxRow.key)
                .where(OutboxRow.done_at.is_(None), OutboxRow.topic == STOCK_TOPIC)
                .distinct()
            )
        }
        expired = LotRepository(session).expired_units_by_sku(today) if today else {}
        held = SyncRepository(session).held_online()
        # Titles are read later, for the few SKUs that differ.
        rows = connection.execute(
            select(
                SkuRow.id, SkuRow.code, SkuRow.red_sku_id, SkuRow.price_fen,
                SkuRow.original_price_fen, SkuRow.active, func.coalesce(StockLevelRow.on_hand, 0),
            )
            .outerjoin(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .order_by(SkuRow.code)
        )  # fmt: skip
        no_barcodes: frozenset[str] = frozenset()
        return [
            StoreSkuFigures(
                sku_id,
                code,
                "",
                red,
                price,
                original,
                bool(active),
                int(on_hand),
                int(reserved.get(sku_id, 0) or 0),
                frozenset(barcodes[sku_id]) if sku_id in barcodes else no_barcodes,
                str(sku_id) in pending,
                expired.get(sku_id, 0),
                held.get(sku_id, 0),
            )
            for sku_id, code, red, price, original, active, on_hand in rows
        ]


def moved_since_last_run(database: Database) -> list[str] | None:
    """Online ids of the SKUs whose stock moved since the last run began (None when there
    was no run yet: every SKU). A large store reads online stock for these only."""
    with database.reading() as session:
        since = session.scalar(select(func.max(ReconciliationRunRow.started_at)))
        if since is None:
            return None
        return [
            str(red)
            for (red,) in session.execute(
                select(SkuRow.red_sku_id)
                .where(
                    SkuRow.red_sku_id.is_not(None),
                    SkuRow.id.in_(
                        select(StockMovementRow.sku_id).where(StockMovementRow.created_at >= since)
                    ),
                )
                .order_by(SkuRow.red_sku_id)
            )
        ]


def stock_to_read(database: Database) -> list[str] | None:
    """Online ids of the SKUs whose online stock a run reads: those that moved since the last
    run began and those the last run found different (so a difference not yet decided is
    found again); None when there was no run yet (every SKU)."""
    moved = moved_since_last_run(database)
    if moved is None:
        return None
    with database.reading() as session:
        last = session.scalar(select(func.max(ReconciliationRunRow.id)))
        differed = session.scalars(
            select(ReconciliationLineRow.red_sku_id)
            .where(
                ReconciliationLineRow.run_id == last,
                ReconciliationLineRow.red_sku_id.is_not(None),
                ReconciliationLineRow.red_sku_id != "",
            )
            .distinct()
        ).all()
    return sorted({*moved, *(str(red) for red in differed)})


def with_titles(database: Database, differences: list[Difference]) -> list[Difference]:
    """The differences of store SKUs with their product titles filled in."""
    ids = sorted({d.sku_id for d in differences if d.sku_id is not None and not d.title})
    titles: dict[int, str] = {}
    with database.reading() as session:
        for start in range(0, len(ids), 500):
            rows = session.execute(
                select(SkuRow.id, ProductRow.title_zh)
                .join(ProductRow, ProductRow.id == SkuRow.product_id)
                .where(SkuRow.id.in_(ids[start : start + 500]))
            )
            titles.update((sku_id, title) for sku_id, title in rows)
    return [
        replace(d, title=titles[d.sku_id]) if d.sku_id in titles and not d.title else d
        for d in differences
    ]


# --- runs ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RunResult:
    run_id: int
    summary: Summary
    differences: list[Difference]


def run_reconciliation(
    database: Database,
    till: Till,
    online: Iterable[OnlineSkuFigures],
    *,
    staff: StaffSession | None = None,
    started_at: datetime | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """Compare the store with ``online`` and keep the run and its differences."""
    if staff is not None:
        staff = authorize(database, staff, Permission.RECONCILE)
    begun = started_at or till.now()
    with without_gc_pauses():
        here = store_figures(database, till.today())
        differences, summary = reconcile(here, online, progress=progress)
        del here
    differences = with_titles(database, differences)
    with database.unit_of_work() as uow:
        run = ReconciliationRunRow(
            started_at=begun,
            finished_at=till.now(),
            staff_id=staff.id if staff else None,
            terminal_id=till.terminal_id,
            skus_here=summary.skus_here,
            skus_online=summary.skus_online,
            differences=summary.differences,
            value_fen=summary.value_fen,
            summary={"count": summary.count_by_kind, "value_fen": summary.value_by_kind_fen},
        )
        uow.session.add(run)
        uow.session.flush()
        if differences:
            # One plain Core executemany: a large run keeps thousands of lines.
            uow.session.connection().execute(
                insert(cast(Table, ReconciliationLineRow.__table__)),
                [
                    {
                        "run_id": run.id,
                        "kind": d.kind.value,
                        "sku_id": d.sku_id,
                        "red_sku_id": d.red_sku_id,
                        "sku_code": d.sku_code,
                        "title": d.title[:200],
                        "here": d.here,
                        "online": d.online,
                        "value_fen": d.value_fen,
                        "detail": dict(d.detail),
                        "resolution_reason": "",
                        "resolution_ref": "",
                    }
                    for d in differences
                ],
            )
        run_id = run.id
        uow.commit()
    return RunResult(run_id, summary, differences)


def _summary(row: ReconciliationRunRow) -> Summary:
    return Summary(
        row.skus_here,
        row.skus_online,
        dict(row.summary.get("count", {})),
        dict(row.summary.get("value_fen", {})),
    )


def runs(database: Database, limit: int = 50) -> list[RunRecord]:
    """The newest runs first, with how many of their lines are decided."""
    with database.reading() as session:
        resolved = dict(
            session.execute(
                select(ReconciliationLineRow.run_id, func.count())
                .where(ReconciliationLineRow.resolution.is_not(None))
                .group_by(ReconciliationLineRow.run_id)
            ).all()
        )
        rows = session.scalars(
            select(ReconciliationRunRow).order_by(ReconciliationRunRow.id.desc()).limit(limit)
        ).all()
        return [
            RunRecord(
                r.id,
                r.started_at,
                r.finished_at,
                r.staff_id,
                r.terminal_id,
                _summary(r),
                int(resolved.get(r.id, 0)),
            )
            for r in rows
        ]


def run_record(database: Database, run_id: int) -> RunRecord:
    """One run with how many of its lines are decided."""
    with database.reading() as session:
        row = session.get(ReconciliationRunRow, run_id)
        if row is None:
            raise ReconciliationError("No reconciliation run {run_id}", run_id=run_id)
        resolved = session.scalar(
            select(func.count())
            .select_from(ReconciliationLineRow)
            .where(
                ReconciliationLineRow.run_id == run_id,
                ReconciliationLineRow.resolution.is_not(None),
            )
        )
        return RunRecord(
            row.id, row.started_at, row.finished_at, row.staff_id, row.terminal_id,
            _summary(row), int(resolved or 0),
        )  # fmt: skip


def _line(row: ReconciliationLineRow) -> RunLine:
    difference = Difference(
        DifferenceKind(row.kind), row.sku_id, row.red_sku_id, row.sku_code, row.title,
        row.here, row.online, row.value_fen, dict(row.detail),
    )  # fmt: skip
    return RunLine(
        row.id, difference, Resolution(row.resolution) if row.resolution else None,
        row.resolved_by, row.resolved_at, row.resolution_reason, row.resolution_ref,
    )  # fmt: skip


def run_lines(
    database: Database,
    run_id: int,
    *,
    kinds: Iterable[DifferenceKind] | None = None,
    text: str = "",
    sort: str = "code",
    undecided_only: bool = False,
) -> list[RunLine]:
    """The lines of a run, filtered and sorted as ``filter_and_sort`` does."""
    with database.reading() as session:
        rows = session.scalars(
            select(ReconciliationLineRow).where(ReconciliationLineRow.run_id == run_id)
        ).all()
        lines = {row.id: _line(row) for row in rows}
    if undecided_only:
        lines = {k: v for k, v in lines.items() if v.resolution is None}
    by_difference = {id(line.difference): line for line in lines.values()}
    chosen = filter_and_sort(
        [line.difference for line in lines.values()], kinds=kinds, text=text, sort=sort
    )
    return [by_difference[id(d)] for d in chosen]


# --- decisions -----------------------------------------------------------------------------


@acting(Permission.RECONCILE)
def resolve(
    database: Database,
    till: Till,
    staff: StaffSession,
    line_ids: Sequence[int],
    resolution: Resolution,
    *,
    reason: str,
    count_id: int | None = None,
) -> list[Decision]:
    """Decide ``resolution`` on each line (one line, or many in bulk), in one transaction.

    Every line must allow the decision and be undecided; otherwise nothing is done. A recount
    goes into ``count_id`` or, without one, into an open count made for the run.
    """
    if not reason.strip():
        raise ReconciliationError("A reconciliation decision needs a reason")
    decisions: list[Decision] = []
    with database.unit_of_work() as uow:
        session = uow.session
        rows = session.scalars(
            select(ReconciliationLineRow).where(ReconciliationLineRow.id.in_(list(line_ids)))
        ).all()
        found = {row.id for row in rows}
        missing = [i for i in line_ids if i not in found]
        if missing:
            raise ReconciliationError("No reconciliation line {line_id}", line_id=missing[0])
        for row in sorted(rows, key=lambda r: r.id):
            check_resolution(DifferenceKind(row.kind), resolution)
            if row.resolution is not None:
                raise ReconciliationError(
                    "Line {line_id} was already decided ({resolution})",
                    line_id=row.id,
                    resolution=row.resolution,
                )
        if resolution is Resolution.RECOUNT and count_id is None:
            count_id = stock_counts.open_count_in(
                session, till, staff, name=f"recount (reconciliation {rows[0].run_id})"
            )
        for row in sorted(rows, key=lambda r: r.id):
            reference = _carry_out(session, till, staff, row, resolution, reason, count_id)
            row.resolution = resolution.value
            row.resolved_by = staff.id
            row.resolved_at = till.now()
            row.resolution_reason = reason[:200]
            row.resolution_ref = reference
            decisions.append(Decision(row.id, resolution, reference))
        audit.record(
            session, till, AuditAction.RECONCILE_DECISION, staff.id,
            resolution=resolution.value, reason=reason, lines=[d.line_id for d in decisions],
            references=[d.reference for d in decisions],
        )  # fmt: skip
        uow.commit()
    return decisions


def _carry_out(
    session: Session,
    till: Till,
    staff: StaffSession,
    row: ReconciliationLineRow,
    resolution: Resolution,
    reason: str,
    count_id: int | None,
) -> str:
    sku_id = row.sku_id
    if resolution is Resolution.FLAG_HEAD_OFFICE:
        return ""
    assert sku_id is not None  # only lines of store SKUs allow the other decisions
    if resolution is Resolution.PUSH_STORE_STOCK:
        on_hand = StockRepository(session).on_hand(sku_id)
        outbox_id = OutboxRepository(session).add(
            STOCK_TOPIC,
            str(sku_id),
            {"sku_id": sku_id, "on_hand": on_hand, "reconciliation_line": row.id},
        )
        return f"outbox:{outbox_id}"
    if resolution is Resolution.ACCEPT_ONLINE_STOCK:
        quantity = int(row.online or 0) - int(row.here or 0)
        movement = StockMovement(
            id=new_movement_id(), sku_id=sku_id, kind=MovementKind.ADJUST, quantity=quantity,
            reason=f"reconciliation: {reason}"[:200], staff_id=staff.id,
            terminal_id=till.terminal_id, created_at=till.now(),
            reference=f"reconcile:{row.run_id}:{row.id}",
        )  # fmt: skip
        StockRepository(session).record(
            movement, allow_negative=till.allow_negative_stock, sku_code=row.sku_code
        )
        return movement.id
    if resolution is Resolution.RECOUNT:
        assert count_id is not None
        stock_counts.add_skus_in(session, count_id, [sku_id], recount=True)
        return f"count:{count_id}"
    # Take the online price.
    detail = row.detail or {}
    price = int(row.online or 0)
    original = int(detail.get("original_online_fen", price) or price)
    session.execute(
        update(SkuRow)
        .where(SkuRow.id == sku_id)
        .values(price_fen=price, original_price_fen=original, updated_at=till.now())
    )
    return f"price:{price}/{original}"


def undecided(database: Database, run_id: int) -> int:
    with database.reading() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(ReconciliationLineRow)
                .where(
                    ReconciliationLineRow.run_id == run_id,
                    ReconciliationLineRow.resolution.is_(None),
                )
            )
            or 0
        )
