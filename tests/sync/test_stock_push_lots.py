"""Expired units are on the shelf but not for sale online: the stock pushed leaves them out,
a lot that expires overnight is pushed again the next store day, and reconciliation compares
the online figure with what is sellable, counting the expired units apart."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from acting_staff import manager_session
from fake_store import Clock, FakeStore, red_id
from sqlalchemy import select

from redhome_pos.domain.reconciliation import OnlineSkuFigures, reconcile
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.services.reconciliation import store_figures
from redhome_pos.services.stock import receive
from sync.catalog_pull import pull_catalog
from sync.settings import SyncSettings
from sync.stock_push import push_stock

SETTINGS = SyncSettings(warehouse_code="SH01", terminal_id="T1", timezone="Asia/Shanghai")

ALSO_ON_POSTGRES = True


def one_tracked_sku(database: Database, clock: Clock) -> tuple[FakeStore, int]:
    store = FakeStore()
    store.add_sku(0)
    pull_catalog(database, store, SETTINGS, now=clock())
    with database.unit_of_work() as uow:
        sku_id = int(uow.session.scalar(select(SkuRow.id)) or 0)
        LotRepository(uow.session).set_tracked([sku_id], True)
        uow.commit()
    return store, sku_id


def store_day(clock: Clock) -> date:
    return (clock() + timedelta(hours=8)).date()  # Asia/Shanghai, no daylight saving


def test_expired_units_are_not_pushed_and_a_lot_expiring_overnight_is_pushed_next_day(
    database: Database,
) -> None:
    clock = Clock(datetime.fromisoformat("2026-12-05T04:00:00+00:00"))  # 12:00 in Shanghai
    store, sku = one_tracked_sku(database, clock)
    today = store_day(clock)
    staff = manager_session(database)
    receive(database, sku, 3, terminal_id="T1", staff=staff, lot="OLD", expiry=today - timedelta(1))
    receive(database, sku, 4, terminal_id="T1", staff=staff, lot="LAST", expiry=today)
    receive(
        database, sku, 5, terminal_id="T1", staff=staff, lot="NEW", expiry=today + timedelta(90)
    )
    push_stock(database, store, SETTINGS, now=clock)
    assert store.stock[red_id(0)] == 9  # 12 on hand, 3 expired

    # Nothing moves overnight, but LAST's day has passed: the next store day pushes 5.
    calls = len(store.stock_calls)
    clock.advance(hours=2)  # 14:00, same day: nothing new to push
    push_stock(database, store, SETTINGS, now=clock)
    assert len(store.stock_calls) == calls
    clock.advance(hours=12)  # 02:00 the next day in Shanghai
    push_stock(database, store, SETTINGS, now=clock)
    assert store.stock[red_id(0)] == 5
    assert len(store.stock_calls) == calls + 1


def test_reconciliation_compares_what_is_sellable_and_counts_expired_apart(
    database: Database,
) -> None:
    clock = Clock(datetime.fromisoformat("2026-12-05T04:00:00+00:00"))
    _, sku = one_tracked_sku(database, clock)
    today = store_day(clock)
    staff = manager_session(database)
    receive(database, sku, 3, terminal_id="T1", staff=staff, lot="OLD", expiry=today - timedelta(1))
    receive(database, sku, 5, terminal_id="T1", staff=staff, lot="NEW", expiry=today + timedelta(9))
    here = [f._replace(push_pending=False) for f in store_figures(database, today)]
    assert (here[0].on_hand, here[0].expired, here[0].sellable) == (8, 3, 5)

    def online(total: int) -> OnlineSkuFigures:
        return OnlineSkuFigures(
            red_sku_id=here[0].red_sku_id or "", title="", price_fen=here[0].price_fen,
            original_price_fen=here[0].original_price_fen, buyable=True,
            barcodes=tuple(here[0].barcodes), total=total,
        )  # fmt: skip

    assert reconcile(here, [online(5)])[0] == []  # online shows exactly what is sellable
    differences, _ = reconcile(here, [online(8)])  # online still offers the expired units
    assert [(d.here, d.online) for d in differences] == [(5, 8)]
    assert differences[0].detail["expired_here"] == 3
