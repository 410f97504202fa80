"""Online returns in the back office, against the RED sandbox over real HTTP on loopback: a
return whose goods are on their way back is listed; its items are scanned in (a wrong one
warned), booked back into stock, and the online store is told once."""

from __future__ import annotations

from typing import Any

from acting_staff import manager_session
from test_backoffice_orders import barcode_of, engine, sandbox  # noqa: F401
from ui_helpers import log_in, scan

from redhome_pos.persistence.repositories.stock import StockRepository
from sync.engine import SyncEngine
from sync.fulfilment import request_delivery
from sync.red import api
from sync.red_sandbox import SandboxHandle


def test_returned_goods_are_scanned_in_and_confirmed_once(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: SandboxHandle,  # noqa: F811
    engine: SyncEngine,  # noqa: F811
) -> None:

    [order_id] = sandbox.generate_orders(1, pickup_share=0.0)
    assert engine.run_once().ok
    request_delivery(store.database, order_id, terminal_id="T1", pickup=False,
                     express_no="SF1", company_code="shunfeng",
                     staff=manager_session(store.database))  # fmt: skip
    assert engine.run_once().ok
    returns_id = sandbox.create_after_sale(order_id, api.RETURN_TYPE_RETURN)
    authorizer = engine.store.authorizer  # type: ignore[attr-defined]
    authorizer.client.call(
        "afterSale.auditReturns",
        {"returnsId": returns_id, "action": 2, "receiverInfo": {"sellerAddressRecordId": 1}},
        access_token=authorizer.access_token(),
    )
    sandbox.buyer_ships_return(returns_id)
    assert engine.run_once().ok

    log_in(qtbot, shell)
    screen = shell.after_sales
    shell.window.show_screen("after-sales")
    with qtbot.waitSignal(screen.loaded):
        screen.refresh()
    qtbot.waitUntil(lambda: screen.current() is not None)
    view = screen.current()
    assert view.stored.returns_id == returns_id and view.receivable
    assert not screen.receive_button.isEnabled()
    units = [line.sku_id for line in view.lines for _ in range(line.quantity)]
    with store.database.reading() as session:
        before = {sku: StockRepository(session).on_hand(sku) for sku in units}

    # An item that is not in the return is warned and not counted.
    wrong = next(sku for sku in range(1, 400) if sku not in units)
    with qtbot.waitSignal(screen.failed) as failed:
        scan(qtbot, shell, barcode_of(store.database, wrong))
    assert "not in the return" in failed.args[0]
    for sku in units:
        with qtbot.waitSignal(screen.scanned):
            scan(qtbot, shell, barcode_of(store.database, sku))
    assert screen.receive_button.isEnabled()
    qtbot.wait(50)
    with qtbot.waitSignal(screen.received):
        screen.receive_button.click()
    with store.database.reading() as session:
        for sku in set(units):
            assert StockRepository(session).on_hand(sku) == before[sku] + units.count(sku)
    assert engine.run_once().ok
    assert engine.run_once().ok
    assert sandbox.state()["calls"][api.CONFIRM_RECEIVE] == 1
    assert sandbox.state()["after_sales"][returns_id]["status"] == 4
    screen.refresh()
    qtbot.waitUntil(lambda: "confirmed" in screen.state_words(screen.current()))


def test_an_exchange_is_received_then_its_replacement_sent(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: SandboxHandle,  # noqa: F811
    engine: SyncEngine,  # noqa: F811
) -> None:
    [order_id] = sandbox.generate_orders(1, pickup_share=0.0)
    assert engine.run_once().ok
    request_delivery(store.database, order_id, terminal_id="T1", pickup=False,
                     express_no="SF1", company_code="shunfeng",
                     staff=manager_session(store.database))  # fmt: skip
    assert engine.run_once().ok
    returns_id = sandbox.create_after_sale(order_id, api.RETURN_TYPE_EXCHANGE)
    authorizer = engine.store.authorizer  # type: ignore[attr-defined]
    authorizer.client.call(
        "afterSale.auditReturns",
        {"returnsId": returns_id, "action": 2, "receiverInfo": {"sellerAddressRecordId": 1}},
        access_token=authorizer.access_token(),
    )
    sandbox.buyer_ships_return(returns_id)
    assert engine.run_once().ok

    log_in(qtbot, shell)
    screen = shell.after_sales
    shell.window.show_screen("after-sales")
    screen.refresh()
    qtbot.waitUntil(lambda: screen.current() is not None and screen.current().receivable)
    assert not screen.send_button.isVisible()
    for line in screen.current().lines:
        for _ in range(line.quantity):
            with qtbot.waitSignal(screen.scanned):
                scan(qtbot, shell, barcode_of(store.database, line.sku_id))
    with qtbot.waitSignal(screen.received):
        screen.receive_button.click()
    qtbot.waitUntil(lambda: screen.current() is not None and screen.current().exchange_to_send)
    assert screen.send_button.isVisible() and "Send instead" in screen.exchange_line.text()
    screen.express_no.setText("SF55")
    screen.company.setCurrentIndex(screen.company.findData("zto"))
    with qtbot.waitSignal(screen.exchange_sent):
        screen.send_button.click()
    assert engine.run_once().ok
    assert sandbox.state()["after_sales"][returns_id]["status"] == 13
    assert sandbox.state()["calls"][api.RECEIVE_AND_SHIP] == 1
