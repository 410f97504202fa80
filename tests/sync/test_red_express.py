"""Couriers from the platform's list and corrected tracking numbers, against the RED sandbox
over real HTTP on loopback."""

from __future__ import annotations

import pytest
from acting_staff import manager_session
from test_engine_red import connected

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.express import cached_couriers, correct_express_no
from sync.fulfilment import FulfilmentError, request_delivery
from sync.red import api
from sync.red.connector import RedOnlineStore
from sync.red_sandbox import SandboxHandle


def test_the_couriers_come_from_the_platforms_list(red_store: RedOnlineStore) -> None:
    companies = red_store.express_companies()
    codes = {c.code for c in companies}
    assert {"zto", "shunfeng"} <= codes and api.SELF_DELIVERY_COMPANY_CODE not in codes
    assert all(c.name for c in companies)


def test_a_courier_not_in_the_list_is_refused_and_the_list_is_cached(
    database: Database, sandbox: SandboxHandle
) -> None:
    engine = connected(database, sandbox)
    assert {c.code for c in cached_couriers(database)} >= {"zto", "shunfeng"}
    calls = sandbox.state()["calls"][api.GET_EXPRESS_COMPANY_LIST]
    assert engine.run_once().ok
    assert sandbox.state()["calls"][api.GET_EXPRESS_COMPANY_LIST] == calls  # once a day
    [order_id] = sandbox.generate_orders(1, pickup_share=0.0)
    assert engine.run_once().ok
    boss = manager_session(database)
    with pytest.raises(FulfilmentError, match="not in the online store's list"):
        request_delivery(database, order_id, terminal_id="T1", pickup=False, express_no="X1",
                         company_code="fedex", staff=boss)  # fmt: skip
    engine.close()


@pytest.mark.parametrize("fault", ["lost", "http_5xx", "reset"])
def test_a_wrong_tracking_number_is_corrected_online_once(
    database: Database, sandbox: SandboxHandle, fault: str
) -> None:
    engine = connected(database, sandbox)
    ids = sandbox.generate_orders(2, pickup_share=0.0)
    assert engine.run_once().ok
    boss = manager_session(database)
    for order_id in ids:
        request_delivery(database, order_id, terminal_id="T1", pickup=False,
                         express_no="SF000", company_code="shunfeng", staff=boss)  # fmt: skip
    # Corrected before it left: the intent itself carries the right number.
    correct_express_no(database, ids[0], "SF111", staff=boss)
    assert engine.run_once().ok
    assert sandbox.state()["calls"].get(api.MODIFY_ORDER_EXPRESS) is None
    # Corrected twice after it left: the platform gets the last one, replacing the first sent.
    correct_express_no(database, ids[1], "SF222", staff=boss)
    correct_express_no(database, ids[1], "SF333", staff=boss)
    sandbox.set_faults(**{fault: 0.5}, methods=[api.MODIFY_ORDER_EXPRESS, api.GET_ORDER_DETAIL])
    for _ in range(20):
        engine.run_once()
        parcels = sandbox.state()["parcels"]
        if [p["expressNo"] for p in parcels[ids[1]]] == ["SF333"]:
            break
    sandbox.clear_faults()
    assert engine.run_once().ok
    parcels = sandbox.state()["parcels"]
    assert [p["expressNo"] for p in parcels[ids[0]]] == ["SF111"]
    assert [p["expressNo"] for p in parcels[ids[1]]] == ["SF333"]
    with database.reading() as session:
        assert SyncRepository(session).delivery(ids[1]).express_no == "SF333"  # type: ignore[union-attr]
    engine.close()
