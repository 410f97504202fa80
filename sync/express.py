"""Couriers and tracking numbers of shipped online orders.

The couriers come from the online store's own list (RED: ``common.getExpressCompanyList``),
read by the engine at most once a day and kept in the store database, so the clerk chooses one
from a list and a delivery never carries a code the platform does not know. A wrong tracking
number is corrected at the counter; the engine tells the online store (RED:
``order.modifyOrderExpressInfo``) through the outbox, once, and re-tries a refusal later.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.models.sync import ParcelRow
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.sync import PENDING, SyncRepository
from redhome_pos.services.sessions import acting
from sync.connector import ExpressCompany, FulfilmentKind, OnlineStore
from sync.errors import ParseError, PlatformError
from sync.fulfilment import FulfilmentError
from sync.outbox_push import PushReport, push_topic
from sync.settings import DELIVERIES

COURIERS = "express_companies"  # the cursor row that keeps the list
REFRESH_EVERY = timedelta(days=1)
EXPRESS_FIX_TOPIC = "express_fix"


def cached_couriers(database: Database) -> list[ExpressCompany]:
    """The online store's couriers as last read (empty before the first read)."""
    with database.reading() as session:
        state = SyncRepository(session).cursor(COURIERS).state
    return [
        ExpressCompany(str(entry[0]), str(entry[1]), str(entry[2]) if len(entry) > 2 else "")
        for entry in state.get("companies", [])
        if isinstance(entry, list) and len(entry) >= 2
    ]


def refresh_couriers(database: Database, store: OnlineStore, *, now: datetime) -> bool:
    """Read the couriers again when the list is older than a day; True when it was read."""
    with database.reading() as session:
        cursor = SyncRepository(session).cursor(COURIERS)
    if cursor.position is not None and now - cursor.position < REFRESH_EVERY:
        return False
    try:
        companies = store.express_companies()
    except (PlatformError, ParseError) as error:
        # The catalog stream goes on; the list read last (if any) stays, tried again next run.
        with database.unit_of_work() as uow:
            repo = SyncRepository(uow.session)
            if cursor.last_error != error.message:
                repo.log(DELIVERIES, "warning",
                         "The couriers could not be read from the online store: {reason}",
                         reason=error.message)  # fmt: skip
            repo.record_run(COURIERS, at=now, error=error.message)
            uow.commit()
        return False
    if not companies:
        return False  # an empty list is not a list: keep the one we have
    state = {"companies": [[c.code, c.name, c.comment] for c in companies]}
    with database.unit_of_work() as uow:
        SyncRepository(uow.session).move_cursor(COURIERS, now, state)
        uow.commit()
    return True


def check_courier(database: Database, code: str) -> None:
    """A courier code must be one of the online store's (once its list has been read)."""
    known = cached_couriers(database)
    if known and code not in {c.code for c in known}:
        raise FulfilmentError(
            "Courier {code} is not in the online store's list: choose one from the list",
            code=code,
        )


@acting(Permission.SELL)
def correct_express_no(
    database: Database, order_id: str, express_no: str, *, staff: StaffSession, parcel_no: int = 1
) -> str:
    """Correct the tracking number of one shipped parcel of an order (the first unless
    ``parcel_no`` says); returns the number it replaced. If the parcel's delivery has not been
    sent yet, the intent itself is corrected; otherwise the online store is told (queued),
    naming the parcel by the number it knows."""
    express_no = express_no.strip()
    if not express_no:
        raise FulfilmentError("Type the correct express number")
    with database.unit_of_work() as uow:
        session = uow.session
        row = session.scalar(
            select(ParcelRow).where(
                ParcelRow.order_id == order_id, ParcelRow.parcel_no == parcel_no
            )
        )
        if row is None or row.method != FulfilmentKind.SHIP.value:
            raise FulfilmentError(
                "Online order {order} has not been shipped with a courier", order=order_id
            )
        old = row.express_no
        if old == express_no:
            return old
        taken = session.scalar(
            select(ParcelRow.parcel_no).where(
                ParcelRow.order_id == order_id, ParcelRow.express_no == express_no
            )
        )
        if taken is not None:
            raise FulfilmentError(
                "Parcel {parcel} of online order {order} already has express number {number}",
                parcel=taken, order=order_id, number=express_no,
            )  # fmt: skip
        key = order_id if parcel_no == 1 else f"{order_id}#{parcel_no}"
        row.express_no = express_no
        repo = SyncRepository(session)
        if row.state != PENDING:
            # The platform still has the number of the last correction it got, or the first
            # one sent: an outstanding correction is replaced by this one.
            outstanding = session.execute(
                select(OutboxRow.id, OutboxRow.payload)
                .where(
                    OutboxRow.topic == EXPRESS_FIX_TOPIC,
                    OutboxRow.key == key,
                    OutboxRow.done_at.is_(None),
                )
                .order_by(OutboxRow.id)
            ).first()
            known_online = old
            if outstanding is not None:
                known_online = str(outstanding[1].get("old", old))
                session.execute(
                    update(OutboxRow)
                    .where(
                        OutboxRow.topic == EXPRESS_FIX_TOPIC,
                        OutboxRow.key == key,
                        OutboxRow.done_at.is_(None),
                    )
                    .values(done_at=datetime.now(UTC), last_error="replaced")
                )
            OutboxRepository(session).add(
                EXPRESS_FIX_TOPIC, key,
                {"old": known_online, "new": express_no, "company": row.company_code,
                 "order_id": order_id, "parcel_no": parcel_no},
            )  # fmt: skip
        repo.log(
            DELIVERIES,
            "info",
            "Express number of parcel {parcel} of online order {order} corrected by staff {staff}",
            parcel=parcel_no,
            order=order_id,
            staff=staff.id,
        )
        uow.commit()
    return old


def push_express_fixes(
    database: Database, store: OnlineStore, *, should_stop: Callable[[], bool] = lambda: False
) -> PushReport:
    """Tell the online store of each corrected tracking number, oldest first."""

    def send(key: str, payload: dict[str, Any]) -> None:
        store.correct_express(
            str(payload.get("order_id", key)),
            str(payload["new"]),
            str(payload["company"]),
            old=str(payload["old"]),
        )

    return push_topic(
        database,
        EXPRESS_FIX_TOPIC,
        send,
        stream=DELIVERIES,
        refusal=lambda key, payload, reason: (
            "The online store refused the corrected express number of order {order}: {reason}",
            {"order": str(payload.get("order_id", key)), "reason": reason},
        ),
        should_stop=should_stop,
    )
