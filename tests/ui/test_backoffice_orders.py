"""Online orders in the back office, against the RED sandbox over real HTTP on loopback: an
order appears, is picked by scanning (one wrong item warned), labelled (the label is in the
print queue) and handed over against the customer's pickup code; the online store hears of
the delivery exactly once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from acting_staff import manager_session
from ui_helpers import SECRET, log_in, scan

from printers import volatile
from redhome_pos.domain.signed_codes import sign_pickup_code
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.engine import SyncEngine
from sync.opening import opening_from_online
from sync.red import api
from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.red_sandbox import SandboxHandle, start_sandbox
from sync.settings import SyncSettings


@pytest.fixture
def sandbox() -> Iterator[SandboxHandle]:
    handle = start_sandbox(port=0, seed=1, skus=200)
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def engine(database: Database, sandbox: SandboxHandle) -> Iterator[SyncEngine]:
    client = RedClient(
        sandbox.base_url,
        sandbox.app_id,
        sandbox.app_secret,
        retry=RetryPolicy(attempts=2, base_delay_s=0.001, max_delay_s=0.01),
    )
    authorizer = RedAuthorizer(client, MemoryTokenStore(), redirect_uri="http://127.0.0.1/ok")
    authorizer.connect(sandbox.authorization_code())
    online = RedOnlineStore(client, authorizer, warehouse_code=sandbox.warehouse_code)
    engine = SyncEngine(
        database, online, SyncSettings(warehouse_code=sandbox.warehouse_code, terminal_id="T1")
    )
    assert engine.run_once().ok
    opening_from_online(database, online, terminal_id="T1", staff=manager_session(database))
    assert engine.run_once().ok
    yield engine
    engine.close()


def barcode_of(database: Database, sku_id: int) -> str:
    with database.reading() as session:
        sku = CatalogRepository(session).sku(sku_id)
    assert sku is not None and sku.barcodes
    return sku.barcodes[0]


def test_a_pickup_order_is_picked_labelled_and_handed_over_once(
    qtbot: Any, shell: Any, store: Any, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    log_in(qtbot, shell)
    screen = shell.orders
    shell.window.show_screen("orders")
    qtbot.waitUntil(lambda: screen.snapshot is not None)
    assert screen.visible_rows() == []

    # A pickup order is placed online; the engine brings it in; the screen announces it.
    [order_id] = sandbox.generate_orders(1, pickup_share=1.0)
    assert engine.run_once().ok
    with qtbot.waitSignal(screen.new_orders) as announced:
        screen.refresh()
    assert announced.args == [[order_id]]
    assert screen.banner.isVisible() and order_id in screen.banner.text()
    assert shell.window.entries["orders"].button.text().startswith("Online orders (1)")
    screen.select(order_id)
    order = screen.current().order
    assert order.fulfilment == "pickup" and all(line.sku_id for line in order.lines)
    assert not screen.label_button.isEnabled()

    # A wrong item is refused in words and not counted.
    with qtbot.waitSignal(screen.failed) as failed:
        scan(qtbot, shell, store.barcodes["LIP-520"])
    assert "Wrong item" in failed.args[0] and screen.banner.is_error
    assert screen.pick_list().picked == {}

    # Every unit of every line is scanned.
    for line in order.lines:
        for _ in range(line.quantity):
            with qtbot.waitSignal(screen.picked):
                scan(qtbot, shell, barcode_of(store.database, line.sku_id))
    assert screen.pick_list().complete
    # One more of the first item is a surplus, warned and not counted.
    with qtbot.waitSignal(screen.failed) as failed:
        scan(qtbot, shell, barcode_of(store.database, order.lines[0].sku_id))
    assert "Too many" in failed.args[0]

    screen.pack_button.click()
    with qtbot.waitSignal(screen.label_queued) as queued:
        screen.label_button.click()
    job = shell.context.print_queue.job(queued.args[0])
    assert job is not None and job.kind == "parcel_label" and order_id in job.reference
    assert job.printer == "receipt"  # no label printer here: the receipt printer takes it
    qtbot.waitUntil(lambda: screen.preview.pixmap() is not None and bool(screen.preview_png))

    # A pickup code of another order is refused; the customer's own hands the order over.
    with qtbot.waitSignal(screen.failed) as failed:
        scan(qtbot, shell, sign_pickup_code(SECRET, "SH001", "P000OTHER", "4321"))
    assert "not" in failed.args[0]
    with qtbot.waitSignal(screen.delivered):
        scan(qtbot, shell, sign_pickup_code(SECRET, "SH001", order_id.upper(), "4321"))
    qtbot.waitUntil(lambda: screen.visible_rows() == [])
    assert shell.window.entries["orders"].button.text() == "Online orders\nCtrl+5"

    # The engine tells the online store once, however often it runs.
    assert engine.run_once().ok
    assert engine.run_once().ok
    assert sandbox.state()["deliveries"][order_id]["count"] == 1
    with store.database.reading() as session:
        delivery = SyncRepository(session).delivery(order_id)
    assert delivery is not None and delivery.state == "confirmed"


def test_a_shipped_order_needs_its_express_number_and_is_sent_once(
    qtbot: Any, shell: Any, store: Any, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    log_in(qtbot, shell)
    screen = shell.orders
    [order_id] = sandbox.generate_orders(1, pickup_share=0.0)
    assert engine.run_once().ok
    shell.window.show_screen("orders")
    qtbot.waitUntil(lambda: any(r.order.order_id == order_id for r in screen.visible_rows()))
    screen.select(order_id)
    order = screen.current().order
    assert order.fulfilment == "ship" and screen.ship_button.isVisible()
    assert not screen.ship_button.isEnabled()  # nothing picked yet
    for line in order.lines:
        for _ in range(line.quantity):
            with qtbot.waitSignal(screen.picked):
                scan(qtbot, shell, barcode_of(store.database, line.sku_id))
    assert screen.ship_button.isEnabled()

    # The couriers are the online store's list; without an express number the shipment is
    # refused in words.
    assert screen.company.findData("shunfeng") >= 0 and screen.company.currentIndex() == -1
    screen.company.setCurrentIndex(screen.company.findData("shunfeng"))
    with qtbot.waitSignal(screen.failed) as failed:
        screen.ship_button.click()
    assert "express number" in failed.args[0]
    screen.express_no.setText("SF1234567890")
    with qtbot.waitSignal(screen.delivered):
        screen.ship_button.click()

    assert engine.run_once().ok
    assert engine.run_once().ok
    delivery = sandbox.state()["deliveries"][order_id]
    assert (delivery["count"], delivery["expressNo"], delivery["companyCode"]) == (
        1,
        "SF1234567890",
        "shunfeng",
    )

    # A wrong tracking number is corrected and the online store told once.
    screen.show_all.setChecked(True)
    screen.refresh()
    qtbot.waitUntil(lambda: any(r.order.order_id == order_id for r in screen.visible_rows()))
    screen.select(order_id)
    qtbot.waitUntil(lambda: screen.correct_button.isVisible())
    screen.express_no.setText("SF1234567899")
    with qtbot.waitSignal(screen.corrected):
        screen.correct_button.click()
    assert engine.run_once().ok
    assert engine.run_once().ok
    assert sandbox.state()["calls"][api.MODIFY_ORDER_EXPRESS] == 1
    parcels = sandbox.state()["parcels"][order_id]
    assert [p["expressNo"] for p in parcels] == ["SF1234567899"]


def _pick_all(qtbot: Any, shell: Any, store: Any, sandbox: SandboxHandle, engine: SyncEngine,
              *, pickup_share: float) -> str:  # fmt: skip
    screen = shell.orders
    [order_id] = sandbox.generate_orders(1, pickup_share=pickup_share)
    assert engine.run_once().ok
    shell.window.show_screen("orders")
    qtbot.waitUntil(lambda: any(r.order.order_id == order_id for r in screen.visible_rows()))
    screen.select(order_id)
    for line in screen.current().order.lines:
        for _ in range(line.quantity):
            with qtbot.waitSignal(screen.picked):
                scan(qtbot, shell, barcode_of(store.database, line.sku_id))
    screen.pack_button.click()
    return order_id


def test_a_label_shows_the_receiver_revealed_for_the_print_only(
    qtbot: Any, shell: Any, store: Any, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    log_in(qtbot, shell)
    shell.context.extras["online_store"] = engine.store
    screen = shell.orders
    order_id = _pick_all(qtbot, shell, store, sandbox, engine, pickup_share=0.0)
    clear = sandbox.receiver_plaintext(order_id)
    assert clear["receiverName"] not in screen.receiver.text()  # the screen shows it masked
    with qtbot.waitSignal(screen.label_queued) as queued:
        screen.label_button.click()
    job = shell.context.print_queue.job(queued.args[0])
    assert job is not None
    # The stored job is masked; the clear label is held in memory for the printer only.
    stored = job.document if isinstance(job.document, str) else json.dumps(job.document)
    for value in clear.values():
        assert value not in stored and json.dumps(value)[1:-1] not in stored
    held = volatile.held(store.database, job.id)
    assert held is not None
    assert clear["receiverName"] in json.dumps(held.to_json(), ensure_ascii=False)
    assert sandbox.state()["decrypt"]["used"] == 3


def test_a_label_prints_masked_when_the_decrypt_quota_is_used_up(
    qtbot: Any, shell: Any, store: Any, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    log_in(qtbot, shell)
    shell.context.extras["online_store"] = engine.store
    screen = shell.orders
    order_id = _pick_all(qtbot, shell, store, sandbox, engine, pickup_share=0.0)
    sandbox.set_decrypt_quota(0)
    with qtbot.waitSignal(screen.failed) as failed:
        screen.label_button.click()
    assert "masked" in failed.args[0]
    qtbot.waitUntil(lambda: bool(screen.preview_png))
    with store.database.reading() as session:
        log = SyncRepository(session).recent_log(10)
    assert any("masked" in entry.message and order_id in entry.message for entry in log)
    jobs = shell.context.print_queue.jobs()
    assert jobs and all(volatile.held(store.database, j.id) is None for j in jobs)


def test_a_buyers_cancel_request_stops_the_pick_with_the_reason_shown(
    qtbot: Any, shell: Any, store: Any, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    log_in(qtbot, shell)
    screen = shell.orders
    order_id = _pick_all(qtbot, shell, store, sandbox, engine, pickup_share=1.0)
    with store.database.reading() as session:
        assert sum(SyncRepository(session).reserved().values()) > 0
    sandbox.request_cancel(order_id)
    assert engine.run_once().ok
    screen.refresh()
    qtbot.waitUntil(lambda: screen.current() is not None and screen.current().stopped)
    assert "cancel" in screen.receiver.text()
    assert not screen.pack_button.isEnabled() and not screen.label_button.isEnabled()
    with store.database.reading() as session:
        repo = SyncRepository(session)
        assert repo.reserved() == {}  # the units are free to sell again
        assert any("asked to cancel" in e.message for e in repo.recent_log(10))
    with qtbot.waitSignal(screen.failed) as failed:
        scan(qtbot, shell, sign_pickup_code(SECRET, "SH001", order_id.upper(), "4321"))
    assert "cancel" in failed.args[0]
    assert order_id not in sandbox.state()["deliveries"]


def test_a_manager_sees_one_receiver_phone_in_clear_when_asking(
    qtbot: Any, shell: Any, store: Any, sandbox: SandboxHandle, engine: SyncEngine
) -> None:
    shell.context.extras["online_store"] = engine.store
    [order_id] = sandbox.generate_orders(1, pickup_share=0.0)
    assert engine.run_once().ok
    phone = sandbox.receiver_plaintext(order_id)["receiverPhone"]
    log_in(qtbot, shell)  # a clerk: no such button
    screen = shell.orders
    shell.window.show_screen("orders")
    qtbot.waitUntil(lambda: any(r.order.order_id == order_id for r in screen.visible_rows()))
    screen.select(order_id)
    assert not screen.phone_button.isVisible()
    shell.counter.session.log_out()
    log_in(qtbot, shell, "3001", "3333")
    shell.window.show_screen("orders")
    qtbot.waitUntil(lambda: any(r.order.order_id == order_id for r in screen.visible_rows()))
    screen.select(order_id)
    qtbot.waitUntil(lambda: screen.phone_button.isVisible())
    assert phone not in screen.receiver.text()
    screen.phone_button.click()
    qtbot.waitUntil(lambda: phone in screen.banner.text(), timeout=10_000)
    decrypt = sandbox.state()["decrypt"]
    assert decrypt["used"] == 1
    with store.database.reading() as session:
        log = SyncRepository(session).recent_log(5)
    assert any("looked at the receiver's phone" in e.message and order_id in e.message
               for e in log)  # fmt: skip
