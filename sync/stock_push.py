"""Stock push: the store's sellable on-hand per SKU, set absolutely in the online store.

Every stock movement leaves an outbox row (topic ``stock``, key the SKU id). Pending rows are
coalesced per SKU, oldest change first; the on-hand sent is the one in the database at push
time, so many movements of one SKU make one call with the final figure. A row is marked done
only after the online store accepted the figure, and only rows that existed when the figure
was read: a movement that lands during the push leaves a newer row behind and is sent next.
Setting the same figure twice is harmless, which is what makes a retry after a lost answer or
a crash safe. Deltas are never sent.

The online store's stock total counts what it may still sell plus what unpaid orders hold; a
paid order's units are off it from payment (the platform's own stock documents, see
``docs/red-stock-total.md``). Those units are still on the shelf here until the order leaves,
so the figure sent is the on-hand less the units of the store's paid online orders not yet
handed over (``SyncRepository.held_online``); sending the plain on-hand would offer them for
sale a second time. Units in lots past their expiry date are on hand but not sellable: the
figure sent leaves them out too. A lot that expires changes that figure without any
movement, so once a store day the push queues the SKUs whose lots expired since the last such
sweep.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select, update

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.base import utcnow
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.stock import StockLevelRow, StockLotLevelRow
from redhome_pos.persistence.models.sync import OnlineSkuRow
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.connector import OnlineStore, StockPushResult
from sync.settings import STOCK, STOCK_TOPIC, SyncSettings

# How many SKUs one round reads from the outbox; each round is pushed in settings.stock_batch.
ROUND_SKUS = 500


@dataclass(frozen=True, slots=True)
class PendingSku:
    sku_id: int
    up_to_row: int  # the newest outbox row of this SKU when the figure was read
    red_sku_id: str | None
    on_hand: int  # sellable: on hand, less expired units and units held for paid orders
    code: str
    pack: bool = False  # sold online in packs: its stock comes from the single, never pushed


@dataclass
class StockPushReport:
    calls: int = 0
    skus_pushed: int = 0
    skus_refused: int = 0
    skus_not_online: int = 0
    skus_packs: int = 0
    rows_done: int = 0
    pushed: dict[str, int] = field(default_factory=dict)


EXPIRY_SWEEP = "stock_expiry"  # the cursor of the daily sweep of lots that expired


def pending_stock(
    database: Database, limit: int = ROUND_SKUS, *, today: date | None = None
) -> list[PendingSku]:
    """SKUs with unsent stock changes, oldest first, with their sellable on-hand now (units
    of lots expired before ``today`` and units held for paid online orders left out)."""
    with database.reading() as session:
        # The outbox is read before the levels: a movement committed in between leaves a
        # row newer than ``up_to_row``, so its figure is sent in a later round at worst.
        pending = session.execute(
            select(OutboxRow.key, func.max(OutboxRow.id), func.min(OutboxRow.id))
            .where(OutboxRow.done_at.is_(None), OutboxRow.topic == STOCK_TOPIC)
            .group_by(OutboxRow.key)
            .order_by(func.min(OutboxRow.id))
            .limit(limit)
        ).all()
        newest = {int(key): int(last) for key, last, _ in pending if str(key).isdigit()}
        bad_keys = [str(key) for key, _, _ in pending if not str(key).isdigit()]
        rows = session.execute(
            select(
                SkuRow.id,
                SkuRow.red_sku_id,
                SkuRow.code,
                StockLevelRow.on_hand,
                OnlineSkuRow.pack_units,
            )
            .outerjoin(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .outerjoin(OnlineSkuRow, OnlineSkuRow.red_sku_id == SkuRow.red_sku_id)
            .where(SkuRow.id.in_(list(newest)))
        ).all()
        expired: dict[int, int] = {}
        if today is not None and rows:
            expired = {
                int(sku_id): int(units)
                for sku_id, units in session.execute(
                    select(StockLotLevelRow.sku_id, func.sum(StockLotLevelRow.on_hand))
                    .where(
                        StockLotLevelRow.sku_id.in_(list(newest)),
                        StockLotLevelRow.expiry < today,
                        StockLotLevelRow.on_hand > 0,
                    )
                    .group_by(StockLotLevelRow.sku_id)
                )
            }
        held = SyncRepository(session).held_online(list(newest)) if rows else {}
    found = [
        PendingSku(
            sku_id,
            newest[sku_id],
            red_sku_id,
            int(on_hand or 0) - expired.get(sku_id, 0) - held.get(sku_id, 0),
            code,
            pack=(pack_units or 1) > 1,
        )
        for sku_id, red_sku_id, code, on_hand, pack_units in rows
    ]
    known = {sku.sku_id for sku in found}
    # Rows for SKUs that no longer exist (or keys that are not SKU ids) can never be sent.
    found += [
        PendingSku(sku_id, last, None, 0, "")
        for sku_id, last in newest.items()
        if sku_id not in known
    ]
    if bad_keys:
        _close_bad_keys(database, bad_keys)
    order = {sku_id: n for n, sku_id in enumerate(newest)}
    return sorted(found, key=lambda sku: order[sku.sku_id])


def queue_expired_lots(database: Database, today: date) -> int:
    """Once a store day: queue a stock push for every SKU with a lot that expired since the
    last sweep (on the first sweep, every SKU with an expired lot on hand); returns how many."""
    with database.unit_of_work() as uow:
        sync = SyncRepository(uow.session)
        state = sync.cursor(EXPIRY_SWEEP).state
        last = state.get("day")
        if last == today.isoformat():
            return 0
        since = date.fromisoformat(last) - timedelta(days=1) if last else None
        query = (
            select(StockLotLevelRow.sku_id)
            .where(StockLotLevelRow.expiry < today, StockLotLevelRow.on_hand > 0)
            .distinct()
        )
        if since is not None:
            query = query.where(StockLotLevelRow.expiry >= since)
        sku_ids = [int(sku_id) for sku_id in uow.session.scalars(query)]
        OutboxRepository(uow.session).add_all(
            STOCK_TOPIC,
            [(str(sku_id), {"sku_id": sku_id, "reason": "lot expired"}) for sku_id in sku_ids],
        )
        sync.move_cursor(EXPIRY_SWEEP, None, {"day": today.isoformat()})
        uow.commit()
    return len(sku_ids)


def _close_bad_keys(database: Database, keys: list[str]) -> None:
    with database.unit_of_work() as uow:
        uow.session.execute(
            update(OutboxRow)
            .where(OutboxRow.topic == STOCK_TOPIC, OutboxRow.key.in_(keys))
            .where(OutboxRow.done_at.is_(None))
            .values(done_at=utcnow(), last_error="not a SKU id")
        )
        uow.commit()


def push_stock(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    *,
    now: Callable[[], datetime],
    should_stop: Callable[[], bool] = lambda: False,
) -> StockPushReport:
    """Send every pending stock change; stops at the first failure of the online store.
    A SKU the online store refuses is tried again on the next run, not in this one."""
    report = StockPushReport()
    refused: set[int] = set()
    today = now().astimezone(ZoneInfo(settings.timezone)).date()
    queue_expired_lots(database, today)
    while not should_stop():
        pending = [
            sku
            for sku in pending_stock(database, ROUND_SKUS + len(refused), today=today)
            if sku.sku_id not in refused
        ]
        if not pending:
            break
        offline = [sku for sku in pending if sku.red_sku_id is None]
        if offline:
            _mark_done(database, offline, now(), note="not an online SKU")
            report.skus_not_online += len(offline)
            report.rows_done += len(offline)
        packs = [sku for sku in pending if sku.red_sku_id is not None and sku.pack]
        if packs:
            # The platform takes a pack's stock from its single: setting it is refused.
            _mark_done(database, packs, now(), note="sold in packs: stock from the single")
            report.skus_packs += len(packs)
            report.rows_done += len(packs)
        online = [sku for sku in pending if sku.red_sku_id is not None and not sku.pack]
        for start in range(0, len(online), settings.stock_batch):
            batch = online[start : start + settings.stock_batch]
            refused |= _push_batch(database, store, settings, batch, now, report)
            if should_stop():
                return report
    return report


def _push_batch(
    database: Database,
    store: OnlineStore,
    settings: SyncSettings,
    batch: list[PendingSku],
    now: Callable[[], datetime],
    report: StockPushReport,
) -> set[int]:
    """Push one batch; returns the store ids of the SKUs the online store refused."""
    # The platform refuses a total below zero; a store that allows negative stock has none.
    levels = {str(sku.red_sku_id): max(0, sku.on_hand) for sku in batch}
    results = store.set_stock(levels)  # raises on trouble: nothing is marked, all is resent
    report.calls += 1
    by_red = {result.sku_id: result for result in results}
    accepted = [sku for sku in batch if (r := by_red.get(str(sku.red_sku_id))) and r.ok]
    refused = [sku for sku in batch if sku not in accepted]
    _mark_done(database, accepted, now())
    report.skus_pushed += len(accepted)
    report.rows_done += len(accepted)
    for sku in accepted:
        report.pushed[str(sku.red_sku_id)] = levels[str(sku.red_sku_id)]
    if refused:
        report.skus_refused += len(refused)
        _note_refused(database, settings, refused, by_red, now())
    return {sku.sku_id for sku in refused}


def _mark_done(database: Database, skus: list[PendingSku], at: datetime, *, note: str = "") -> None:
    if not skus:
        return
    with database.unit_of_work() as uow:
        for sku in skus:
            uow.session.execute(
                update(OutboxRow)
                .where(
                    OutboxRow.topic == STOCK_TOPIC,
                    OutboxRow.key == str(sku.sku_id),
                    OutboxRow.id <= sku.up_to_row,
                    OutboxRow.done_at.is_(None),
                )
                .values(done_at=at, last_error=note)
            )
        uow.commit()


def _note_refused(
    database: Database,
    settings: SyncSettings,
    skus: list[PendingSku],
    results: Mapping[str, StockPushResult],
    at: datetime,
) -> None:
    """Count a refused push; after a few tries the SKU is left to the reconciliation."""
    with database.unit_of_work() as uow:
        repo = SyncRepository(uow.session)
        for sku in skus:
            result = results.get(str(sku.red_sku_id))
            reason = (result.error if result else "") or "no answer for this SKU"
            attempts = uow.session.scalar(
                select(func.max(OutboxRow.attempts)).where(
                    OutboxRow.topic == STOCK_TOPIC,
                    OutboxRow.key == str(sku.sku_id),
                    OutboxRow.done_at.is_(None),
                )
            )
            tries = int(attempts or 0) + 1
            give_up = tries >= settings.stock_push_tries
            uow.session.execute(
                update(OutboxRow)
                .where(
                    OutboxRow.topic == STOCK_TOPIC,
                    OutboxRow.key == str(sku.sku_id),
                    OutboxRow.id <= sku.up_to_row,
                    OutboxRow.done_at.is_(None),
                )
                .values(attempts=tries, last_error=reason, done_at=at if give_up else None)
            )
            if give_up:
                repo.log(
                    STOCK,
                    "error",
                    "The online store refused the stock of SKU {code} ({on_hand}): {reason}. "
                    "Check it in the reconciliation",
                    code=sku.code,
                    on_hand=sku.on_hand,
                    reason=reason,
                )
        uow.commit()
