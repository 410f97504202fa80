"""A longer sync run against the RED sandbox: the faults change every round (several at
once, at random rates), the counter sells and receives throughout, online orders keep
arriving, and the terminal running the sync engine crashes now and then so another terminal
takes over once its lease runs out. When the faults stop, everything converges: the outbox
is empty, every order was handed over exactly once and the online stock equals the store's.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from acting_staff import manager_session
from sqlalchemy import select

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services.stock import adjust, receive
from sync.engine import SyncEngine
from sync.fulfilment import request_delivery
from sync.opening import opening_from_online
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.red_sandbox import FAULTS, start_sandbox
from sync.settings import SyncSettings
from sync.status import sync_status

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured

ROUNDS = 16
CRASH_EVERY = 5


@dataclass
class Clock:
    """Real time, moved forward by hand together with the platform's clock."""

    ahead: timedelta = field(default_factory=timedelta)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.ahead


def _levels(database: Database) -> dict[str, int]:
    """What the online total should be: on hand less units of paid online orders still here."""
    with database.reading() as session:
        rows = session.execute(
            select(SkuRow.id, SkuRow.red_sku_id, StockLevelRow.on_hand)
            .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .where(SkuRow.red_sku_id.is_not(None))
        ).all()
        held = SyncRepository(session).held_online()
    return {str(red): max(0, int(on_hand) - held.get(sku, 0)) for sku, red, on_hand in rows}


def _hand_over(database: Database, done: set[str]) -> set[str]:
    with database.reading() as session:
        waiting = [o for o in SyncRepository(session).orders() if o.order_id not in done]
    for order in waiting:
        pickup = order.fulfilment == "pickup"
        request_delivery(
            database,
            order.order_id,
            terminal_id="T1",
            pickup=pickup,
            express_no="" if pickup else "SF2000",
            company_code="" if pickup else "shunfeng",
            staff=manager_session(database),
        )
    return {order.order_id for order in waiting}


def test_a_long_run_with_changing_faults_and_crashing_leaders_converges(
    database: Database,
) -> None:
    rng = random.Random(20261125)
    clock = Clock()  # the terminals' clock, moved with the platform's
    with start_sandbox(port=0, seed=5, skus=120) as sandbox:
        client = RedClient(
            sandbox.base_url,
            sandbox.app_id,
            sandbox.app_secret,
            retry=RetryPolicy(attempts=3, base_delay_s=0.001, max_delay_s=0.01),
        )
        with client:
            authorizer = RedAuthorizer(client, MemoryTokenStore(), redirect_uri="http://x/ok")
            authorizer.connect(sandbox.authorization_code())
            store = RedOnlineStore(client, authorizer, warehouse_code=sandbox.warehouse_code)
            settings = SyncSettings(warehouse_code=sandbox.warehouse_code, terminal_id="T1")

            def engine(n: int) -> SyncEngine:
                return SyncEngine(database, store, settings, clock=clock, holder=f"T{n}@till{n}/1")

            leader = engine(1)
            assert leader.run_once().ok
            opening_from_online(database, store, terminal_id="T1", staff=manager_session(database))
            with database.reading() as session:
                skus = list(session.scalars(select(SkuRow.id).order_by(SkuRow.id)).all()[:30])
            orders: list[str] = []
            handed: set[str] = set()
            terminals = 1
            for round_no in range(ROUNDS):
                chosen = rng.sample(FAULTS, k=rng.randint(1, 3))
                sandbox.set_faults(latency_ms=2, **{f: rng.uniform(0.1, 0.4) for f in chosen})
                for sku in rng.sample(skus, 10):
                    receive(
                        database,
                        sku,
                        rng.randint(1, 3),
                        terminal_id="T1",
                        staff=manager_session(database),
                    )
                    adjust(
                        database,
                        sku,
                        -1,
                        reason="sold",
                        terminal_id="T2",
                        staff=manager_session(database),
                    )
                if round_no % 3 == 0:
                    orders += sandbox.generate_orders(2, pickup_share=0.5)
                follower = engine(terminals + 1)
                assert not follower.run_once().lease_held  # the leader's lease still runs
                leader.run_once()  # may fail part-way; nothing is lost
                handed |= _hand_over(database, handed)
                if round_no % CRASH_EVERY == CRASH_EVERY - 1:
                    # The leader's terminal loses power (no clean stop); once its lease has
                    # run out the next terminal takes over.
                    wait = settings.lease_ttl + timedelta(seconds=1)
                    clock.ahead += wait
                    sandbox.advance_clock(wait.total_seconds())
                    terminals += 1
                    leader = engine(terminals)
                    assert leader.run_once().lease_held
                clock.ahead += timedelta(seconds=5)
                sandbox.advance_clock(5)
            sandbox.clear_faults()
            for _ in range(4):
                leader.run_once()
                handed |= _hand_over(database, handed)
            assert leader.run_once().ok
            assert terminals > 2
            status = sync_status(database)
            assert status.queue_length == 0 and status.online is True
            assert handed == set(orders)
            deliveries = sandbox.state()["deliveries"]
            assert {o: deliveries[o]["count"] for o in orders} == {o: 1 for o in orders}
            online = sandbox.state(sandbox.warehouse_code)["stock"]
            assert _levels(database) == {s: w[sandbox.warehouse_code] for s, w in online.items()}
            leader.close()
