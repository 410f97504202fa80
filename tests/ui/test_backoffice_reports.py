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
    assert screen.chart.bars[0] == ("小红书限定丝绒雾面口红 LIP-520", 38_400)

    with qtbot.waitSignal(screen.exported) as exported:
        screen.export_button.click()
    lines = Path(exported.args[0]).read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "sku,title,sales,units,discount_fen,revenue_fen"
    assert lines[1] == "LIP-520,小红书限定丝绒雾面口红,2,3,0.00,384.00"
