"""Reports in the back office: the day's sales by category and the top SKUs, drawn as bars and
listed, and exported as CSV with money in yuan."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ui_helpers import log_in, open_shift

from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services import checkout
from ui.backoffice.screens import show_manager_tab


def sell(shell: Any, store: Any, codes: list[str]) -> None:
    cart = Cart()
    with store.database.reading() as session:
        catalog = CatalogRepository(session)
        for code in codes:
            view = catalog.sku_view(store.sku_ids[code])
            assert view is not None
            cart.add(CartItem(view.sku_id, view.code, view.title_zh, view.price_fen, 1300))
    total = cart.totals().total_fen
    counter = shell.counter
    checkout.checkout(
        store.database, counter.till, counter.session.clerk, cart, [Tender.cash(total)]
    )


def test_sales_by_category_and_top_skus_with_chart_and_csv(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    sell(shell, store, ["LIP-520", "LIP-520", "CLN-120"])
    sell(shell, store, ["LIP-520"])
    shell.context.preview_dir = tmp_path

    screen = shell.reports
    show_manager_tab(shell, "reports")
    today = datetime.now(ZoneInfo("Asia/Shanghai")).date()
    screen.set_period(today - timedelta(days=1), today)
    screen.choose("sales_by_category")
    with qtbot.waitSignal(screen.shown) as shown:
        screen.show_button.click()
    report = shown.args[0]
    assert report.rows == [("美妆", 2, 4, 0, 3 * 12_800 + 6_900)]
    assert screen.chart.bars == [("美妆", 45_300)] and screen.chart.money
    assert screen.table.item(0, 4).text() == "￥453.00"

    screen.choose("top_skus")
    with qtbot.waitSignal(screen.shown) as shown:
        screen.show_button.click()
    assert [row[0] for row in shown.args[0].rows] == ["LIP-520", "CLN-120"]
    assert screen.chart.bars[0] == ("小红书限定丝绒雾面口红 色号：#520 烂番茄", 38_400)
    # The variant has its own column beside the product.
    assert [screen.table.item(r, 2).text() for r in range(2)] == [
        "色号：#520 烂番茄",
        "规格：120ml",
    ]

    with qtbot.waitSignal(screen.exported) as exported:
        screen.export_button.click()
    lines = Path(exported.args[0]).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "sku,title,variant,sales,units,discount_fen,revenue_fen"
    assert lines[1] == "LIP-520,小红书限定丝绒雾面口红,色号：#520 烂番茄,2,3,0.00,384.00"


def test_online_orders_are_listed_and_exported_with_receivers_masked(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    from redhome_pos.persistence.repositories.sync import StoredOnlineOrder, SyncRepository

    now = datetime.now(ZoneInfo("Asia/Shanghai"))
    order = StoredOnlineOrder(
        order_id="P8000000000001", status="awaiting_shipment", fulfilment="ship",
        warehouse_code="SH001", ours=True, online_created_at=now, online_updated_at=now,
        receiver_name_masked="王**", receiver_phone_masked="138****0001",
        receiver_region="上海上海市长宁区", receiver_address_masked="长宁路**号",
        receiver_sealed={"name": "#sealed#2##"}, paid_fen=12_800,
    )  # fmt: skip
    with store.database.unit_of_work() as uow:
        SyncRepository(uow.session).upsert_order(order)
        uow.commit()
    log_in(qtbot, shell, "3001", "3333")
    shell.context.preview_dir = tmp_path
    screen = shell.reports
    show_manager_tab(shell, "reports")
    screen.set_period(now.date() - timedelta(days=1), now.date())
    screen.choose("online_orders")
    with qtbot.waitSignal(screen.shown) as shown:
        screen.show_button.click()
    (row,) = shown.args[0].rows
    assert row[0] == "P8000000000001" and row[5] == "王** 138****0001 上海上海市长宁区 长宁路**号"
    with qtbot.waitSignal(screen.exported) as exported:
        screen.export_button.click()
    text = Path(exported.args[0]).read_text("utf-8-sig")
    assert "王**" in text and "#sealed#" not in text and "128.00" in text
