"""The online orders list as the floor reads it: when each order came, who it is for and what
was paid; the pick list names each item's variant; a pickup order names its 提货人."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication
from ui_helpers import log_in

from redhome_pos.persistence.repositories.sync import (
    StoredOnlineOrder,
    StoredOrderLine,
    SyncRepository,
)
from ui.app import install_language

PLACED = datetime(2026, 11, 28, 2, 7, tzinfo=UTC)  # 10:07 in Shanghai, days before the test


def add_order(
    store: Any,
    order_id: str,
    fulfilment: str,
    codes: list[str],
    name: str,
    placed: datetime = PLACED,
) -> None:
    lines = tuple(
        StoredOrderLine(n, f"red-{code}", store.sku_ids[code], 1, 12_800, store.barcodes[code],
                        code, "小红书限定丝绒雾面口红" if code == "LIP-520" else code)
        for n, code in enumerate(codes, start=1)
    )  # fmt: skip
    order = StoredOnlineOrder(
        order_id=order_id, status="awaiting_shipment", fulfilment=fulfilment,
        warehouse_code="SH001", ours=True, online_created_at=placed, online_updated_at=placed,
        lines=lines, receiver_name_masked=name, receiver_phone_masked="138****0001",
        paid_fen=12_800 * len(lines),
    )  # fmt: skip
    with store.database.unit_of_work() as uow:
        SyncRepository(uow.session).upsert_order(order)
        uow.commit()


def test_the_list_shows_time_customer_and_amount_and_the_pick_list_the_variant(
    qtbot: Any, shell: Any, store: Any
) -> None:
    add_order(store, "P100", "pickup", ["LIP-520", "CLN-120"], "林*")
    just_now = datetime.now(UTC)
    add_order(store, "P200", "express", ["MASK-10"], "王*", just_now)
    log_in(qtbot, shell)
    screen = shell.orders
    shell.window.show_screen("orders")
    qtbot.waitUntil(lambda: screen.orders.rowCount() == 2)

    table = screen.orders
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Order", "Time", "Customer", "Amount", "Status"]
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in (1, 2, 3)]
        for r in range(table.rowCount())
    }
    # Today's order by its time alone; an older one with its day.
    shanghai = ZoneInfo("Asia/Shanghai")
    days_ago = PLACED.astimezone(shanghai).strftime("%m-%d %H:%M")
    today = {just_now.astimezone(shanghai).strftime("%H:%M")}
    assert rows["P100"] == ["11-28 10:07", "林*", "￥256.00"] and days_ago == "11-28 10:07"
    assert rows["P200"][1:] == ["王*", "￥128.00"] and rows["P200"][0] in today

    screen.select("P100")
    items = [screen.lines.item(r, 0).text() for r in range(screen.lines.rowCount())]
    assert items == ["小红书限定丝绒雾面口红 · 色号：#520 烂番茄", "CLN-120 · 规格：120ml"]
    assert screen.receiver.text().startswith("Picked up by 林*")
    screen.select("P200")
    assert screen.receiver.text().startswith("For 王*")


def test_a_pickup_order_names_its_collector_in_chinese(qtbot: Any, shell: Any, store: Any) -> None:
    add_order(store, "P100", "pickup", ["LIP-520"], "林*")
    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    log_in(qtbot, shell)
    shell.window.show_screen("orders")
    screen = shell.orders
    qtbot.waitUntil(lambda: screen.orders.rowCount() == 1)
    screen.select("P100")
    assert screen.receiver.text().startswith("提货人：林*")
    headers = [screen.orders.horizontalHeaderItem(c).text() for c in range(5)]
    assert headers == ["订单", "时间", "顾客", "金额", "状态"]
