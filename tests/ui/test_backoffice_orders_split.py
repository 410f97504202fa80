"""A split shipment on the orders screen, as staff do it, against the RED sandbox over real
HTTP on loopback: pick what is on the shelf, pack it as a part, label and ship it with one
courier; later pick the rest and ship it with another; correct the first parcel's number."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from acting_staff import manager_session
from PySide6.QtWidgets import QApplication
from test_backoffice_orders import barcode_of, engine, sandbox  # noqa: F401 (fixtures)
from ui_helpers import log_in, scan

from redhome_pos.persistence.repositories.sync import SyncRepository
from sync.engine import SyncEngine
from sync.fulfilment import request_delivery
from sync.red import api
from sync.red_sandbox import SandboxHandle
from ui.app import install_language


def _order_of_two_lines(sandbox: SandboxHandle, engine: SyncEngine) -> str:  # noqa: F811
    """A shipped (courier) order of at least two SKUs, one of them bought twice or more, for
    the store's warehouse."""
    for _ in range(20):
        [order_id] = sandbox.generate_orders(1, pickup_share=0.0)
        assert engine.run_once().ok
        detail = engine.store.order_detail(order_id)
        many = any(line.quantity >= 2 for line in detail.lines)
        if len({line.sku_id for line in detail.lines}) >= 2 and many:
            return order_id
    raise AssertionError("the sandbox made no order of two SKUs")


def test_staff_ship_part_of_an_order_now_and_the_rest_later(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: SandboxHandle,  # noqa: F811
    engine: SyncEngine,  # noqa: F811
    tmp_path: Path,
) -> None:
    log_in(qtbot, shell)
    screen = shell.orders
    order_id = _order_of_two_lines(sandbox, engine)
    shell.window.show_screen("orders")
    qtbot.waitUntil(lambda: any(r.order.order_id == order_id for r in screen.visible_rows()))
    screen.select(order_id)
    order = screen.current().order
    first = max(order.lines, key=lambda line: line.quantity)
    rest = [line for line in order.lines if line is not first]
    assert order.fulfilment == "ship" and first.quantity >= 2

    # Only the first product is on the shelf today: it is picked and packed as a part. One
    # unit of it is not enough: the online store records a split by whole products.
    with qtbot.waitSignal(screen.picked):
        scan(qtbot, shell, barcode_of(store.database, first.sku_id))
    with qtbot.waitSignal(screen.failed) as failed:
        screen.pack_part_button.click()
    assert "finishes no product" in failed.args[0] and not screen.ship_button.isEnabled()
    for _ in range(first.quantity - 1):
        with qtbot.waitSignal(screen.picked):
            scan(qtbot, shell, barcode_of(store.database, first.sku_id))
    assert not screen.pack_button.isEnabled()  # not everything is picked
    assert not screen.ship_button.isEnabled()  # nor packed yet
    assert screen.pack_part_button.isEnabled()
    screen.pack_part_button.click()
    assert "follow later" in screen.banner.text()
    assert screen.ship_button.isEnabled()
    with qtbot.waitSignal(screen.label_queued) as queued:
        screen.label_button.click()
    job = shell.context.print_queue.job(queued.args[0])
    assert job is not None
    printed = str(job.document)
    assert (first.title or first.red_sku_id) in printed
    assert all((line.title or line.red_sku_id) not in printed for line in rest)
    screen.company.setCurrentIndex(screen.company.findData("shunfeng"))
    screen.express_no.setText("SF2026120501")
    with qtbot.waitSignal(screen.delivered):
        screen.ship_button.click()
    assert engine.run_once().ok
    state = sandbox.state()
    assert state["orders"][order_id]["orderStatus"] == 5  # partly shipped online
    [part] = [p for p in state["parcels"][order_id] if p["status"] == 6]
    assert (part["expressNo"], part["companyCode"], part["skuIdList"]) == (
        "SF2026120501", "shunfeng", [first.red_sku_id],
    )  # fmt: skip

    # The order stays on the list, part shipped, with what was sent.
    screen.refresh()
    qtbot.waitUntil(lambda: bool(screen.current() and screen.current().parcels))
    row = screen.current()
    assert row.open and screen.status_words(row).startswith("Part shipped")
    at = order.lines.index(first)
    assert screen.lines.item(at, 2).text() == str(first.quantity)  # sent
    assert screen.lines.item(at, 3).text() == "0"  # nothing picked for the next parcel
    assert "SF2026120501" in screen.parcels_line.text()
    folder = Path(os.environ.get("REDHOME_SHOT_DIR", str(tmp_path)))
    assert shell.window.grab().save(str(folder / "backoffice-orders-split-en.png"))

    # Later: the rest is picked (the first line is complete: a further scan of it is a
    # surplus) and shipped with another courier.
    with qtbot.waitSignal(screen.failed) as failed:
        scan(qtbot, shell, barcode_of(store.database, first.sku_id))
    assert "Too many" in failed.args[0]
    for line in rest:
        for _ in range(line.quantity):
            with qtbot.waitSignal(screen.picked):
                scan(qtbot, shell, barcode_of(store.database, line.sku_id))
    assert screen.pick_list().complete and not screen.pack_part_button.isEnabled()
    screen.pack_button.click()
    screen.company.setCurrentIndex(screen.company.findData("zto"))
    screen.express_no.setText("ZT2026120702")
    with qtbot.waitSignal(screen.delivered):
        screen.ship_button.click()
    qtbot.waitUntil(lambda: all(r.order.order_id != order_id for r in screen.visible_rows()))
    assert engine.run_once().ok
    state = sandbox.state()
    assert state["orders"][order_id]["orderStatus"] == 6  # shipped: every line has left
    assert sorted((p["expressNo"], p["companyCode"]) for p in state["parcels"][order_id]) == [
        ("SF2026120501", "shunfeng"),
        ("ZT2026120702", "zto"),
    ]

    # The first parcel's number was mistyped: corrected on that parcel only.
    screen.show_all.setChecked(True)
    screen.refresh()
    qtbot.waitUntil(lambda: any(r.order.order_id == order_id for r in screen.visible_rows()))
    screen.select(order_id)
    qtbot.waitUntil(lambda: screen.parcel_choice.count() == 2)
    screen.parcel_choice.setCurrentIndex(screen.parcel_choice.findData(1))
    screen.express_no.setText("SF2026120509")
    with qtbot.waitSignal(screen.corrected):
        screen.correct_button.click()
    assert engine.run_once().ok
    numbers = {p["expressNo"] for p in sandbox.state()["parcels"][order_id]}
    assert numbers == {"SF2026120509", "ZT2026120702"}
    assert sandbox.state()["calls"][api.MODIFY_ORDER_EXPRESS] == 1
    with store.database.reading() as session:
        parcels = SyncRepository(session).parcels(order_id)
    assert [(p.parcel_no, p.express_no) for p in parcels] == [
        (1, "SF2026120509"),
        (2, "ZT2026120702"),
    ]


def test_a_part_shipped_order_reads_in_chinese(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: SandboxHandle,  # noqa: F811
    engine: SyncEngine,  # noqa: F811
    tmp_path: Path,
) -> None:
    order_id = _order_of_two_lines(sandbox, engine)
    with store.database.reading() as session:
        order = SyncRepository(session).order(order_id)
    assert order is not None
    first = order.lines[0]
    request_delivery(
        store.database, order_id, terminal_id="T1", pickup=False, express_no="SF2026120501",
        company_code="shunfeng", lines={first.line_no: first.quantity},
        staff=manager_session(store.database),
    )  # fmt: skip
    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    try:
        log_in(qtbot, shell)
        screen = shell.orders
        shell.window.show_screen("orders")
        qtbot.waitUntil(lambda: any(r.order.order_id == order_id for r in screen.visible_rows()))
        screen.select(order_id)
        row = screen.current()
        assert screen.status_words(row) == f"部分已发：还有 {row.units_to_send} 件待发"
        assert screen.lines.horizontalHeaderItem(2).text() == "已发"
        assert screen.parcels_line.text().startswith("包裹 1：")
        assert screen.pack_part_button.text() == "先打包这些，其余稍后发"
        folder = Path(os.environ.get("REDHOME_SHOT_DIR", str(tmp_path)))
        qtbot.wait(100)  # the window lays out as it would before anyone looks
        assert shell.window.grab().save(str(folder / "backoffice-orders-split-zh_CN.png"))
    finally:
        install_language(QApplication.instance(), "en")  # type: ignore[arg-type]
        shell.switch_language("en")
