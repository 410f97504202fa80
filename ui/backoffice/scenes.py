"""The back office's scenes for ``redhome-pos screenshots`` (called by ui/screenshots.py):
every back-office screen, seen by the demo store's manager."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from redhome_pos.domain.reconciliation import OnlineSkuFigures
from redhome_pos.domain.staff import Role
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.sync import (
    StoredAfterSale,
    StoredOnlineOrder,
    StoredOrderLine,
    SyncRepository,
)
from redhome_pos.services import reconciliation
from redhome_pos.services import staff as staff_service
from redhome_pos.services.demo_picks import stocked_skus
from redhome_pos.services.demo_staff import DEMO_ACCOUNTS
from sync.fulfilment import request_delivery
from ui.backoffice.screens import show_manager_tab

PICKUP_ORDER = "P7000000000001"
SPLIT_ORDER = "P7000000000002"


def back_office_scenes(director: Any, settle: Any) -> None:
    shell = director.shell
    window = shell.window
    counter = shell.counter
    account = next(a for a in DEMO_ACCOUNTS if a.role is Role.MANAGER)
    manager = staff_service.login(counter.database, counter.till, account.code, account.pin)
    counter.session.log_in(manager)
    settle()

    order_codes = _demo_order(shell)
    orders = shell.orders
    window.show_screen("orders")
    settle(lambda: bool(orders.visible_rows()))
    if orders.visible_rows():
        orders.select(PICKUP_ORDER)
        director.scan(order_codes[0])
        settle(lambda: bool(orders.pick_list() and orders.pick_list().picked))
    director.picture("backoffice-orders")
    for code in order_codes[1:]:
        director.scan(code)
    settle(lambda: bool(orders.pick_list() and orders.pick_list().complete))
    orders.pack()
    orders.print_label()
    settle(lambda: bool(orders.preview_png))
    director.picture("backoffice-orders-label")

    # A shipped order of two products: the first left in a parcel of its own, the rest to pick.
    if _demo_split_order(shell):
        orders.refresh()
        settle(lambda: any(r.order.order_id == SPLIT_ORDER for r in orders.visible_rows()))
        orders.select(SPLIT_ORDER)
        settle(lambda: bool(orders.current() and orders.current().parcels))
        director.picture("backoffice-orders-split")

    _demo_after_sale(shell)
    after_sales = shell.after_sales
    window.show_screen("after-sales")
    after_sales.refresh()
    settle(lambda: after_sales.current() is not None)
    view = after_sales.current()
    if view is not None and view.lines:
        codes = _codes(shell, [line.sku_id for line in view.lines[:1] if line.sku_id])
        if codes:
            director.scan(codes[0])
            settle(lambda: bool(after_sales.scans))
    director.picture("backoffice-returns")

    counts = shell.counts
    window.show_screen("counts")
    settle(lambda: bool(counts.records) or counts.count_id is None, 1.0)
    if counts.count_id is None:
        counts.start()
        settle(lambda: counts.count_id is not None and bool(counts.lines))
    for code in _codes(shell, [line.sku_id for line in counts.lines[:3]]):
        director.scan(code)
    settle(lambda: any(line.counted for line in counts.lines))
    director.picture("backoffice-count")

    inventory = shell.inventory
    window.show_screen("inventory")
    codes = _codes(shell, [line.sku_id for line in counts.lines[:1]])
    if codes:
        director.scan(codes[0])
        settle(lambda: inventory.product is not None)
    director.picture("backoffice-inventory")
    inventory.tabs.setCurrentIndex(1)
    inventory.reference.setText("DN-0001")
    inventory.start_delivery()
    settle(lambda: inventory.receiving_id is not None)
    for code in _codes(shell, [line.sku_id for line in counts.lines[3:5]]):
        director.scan(code)
    settle(lambda: bool(inventory.delivery))
    director.picture("backoffice-receiving")
    inventory.tabs.setCurrentIndex(0)

    _demo_reconciliation(shell, manager)
    reconciliation = shell.reconciliation
    show_manager_tab(shell, "reconciliation")
    settle(lambda: bool(reconciliation.records) and bool(reconciliation.lines), 2.0)
    director.picture("backoffice-reconciliation")

    reports = shell.reports
    show_manager_tab(shell, "reports")
    today = datetime.now(ZoneInfo(counter.context.timezone)).date()
    reports.set_period(today - timedelta(days=6), today)
    reports.choose("top_skus")
    reports.make()
    settle(lambda: reports.report is not None)
    director.picture("backoffice-reports")

    from ui.promotion_scenes import backoffice_promotion_scenes

    backoffice_promotion_scenes(director, settle)

    notes = shell.note_links
    show_manager_tab(shell, "note-links")
    settle(lambda: bool(notes.overview.links or notes.overview.unlinked), 1.0)
    if notes.overview.links:
        notes.choose(notes.overview.links[0][0])
        settle(lambda: bool(notes.products), 1.0)
    director.picture("backoffice-note-links")

    show_manager_tab(shell, "staff")
    settle(lambda: bool(shell.staff_screen.people))
    shell.staff_screen.choose("3001")
    settle()
    director.picture("backoffice-staff")

    show_manager_tab(shell, "store-settings")
    settle(lambda: bool(shell.store_settings.connection_state.text()), 1.0)
    director.picture("backoffice-store-settings")


def _demo_reconciliation(shell: Any, manager: Any) -> None:
    """A run against online figures that differ from the store's as a real week does: stock
    drifted on a few SKUs, two prices changed online, one SKU not listed, one new online."""
    counter = shell.counter
    till = counter.till
    here = reconciliation.store_figures(counter.database, till.today())
    linked = [sku for sku in here if sku.red_sku_id]
    drift = {0: 5, 3: -3, 7: 12, 11: -1}
    repriced = {1: 1_000, 5: -2_000}
    online = [
        OnlineSkuFigures(
            str(sku.red_sku_id), sku.title, sku.price_fen + repriced.get(n, 0),
            sku.original_price_fen, sku.active, tuple(sku.barcodes), sku.code,
            total=sku.sellable + drift.get(n, 0), available=sku.sellable + drift.get(n, 0),
            occupied=0,
        )
        for n, sku in enumerate(linked)
        if n != 9  # not listed online
    ]  # fmt: skip
    online.append(
        OnlineSkuFigures("RED-DEMO-NEW-1", "线上新品 限定礼盒", 19_900, 19_900, True,
                         erp_code="GIFT-2026", total=6, available=6, occupied=0)
    )  # fmt: skip
    reconciliation.run_reconciliation(counter.database, till, online, staff=manager)


def _demo_order(shell: Any) -> list[str]:
    """A pickup order of two products in stock, as the sync engine would have stored it;
    returns the barcodes to scan to pick it."""
    database = shell.counter.database
    rows = stocked_skus(database, min_on_hand=3, limit=2)
    if len(rows) < 2:
        return []
    now = datetime.now(UTC)
    lines = tuple(
        StoredOrderLine(
            n, f"red-{sku.code}", sku.sku_id, n, sku.price_fen, sku.barcode, sku.code, sku.title_zh
        )
        for n, sku in enumerate(rows, start=1)
    )
    order = StoredOnlineOrder(
        order_id=PICKUP_ORDER,
        status="awaiting_shipment",
        fulfilment="pickup",
        warehouse_code="SH001",
        ours=True,
        online_created_at=now,
        online_updated_at=now,
        lines=lines,
        receiver_name_masked="林*",
        receiver_phone_masked="138****0001",
        paid_fen=sum(line.unit_price_fen * line.quantity for line in lines),
    )
    with database.unit_of_work() as uow:
        SyncRepository(uow.session).upsert_order(order)
        uow.commit()
    return [barcode for line in lines for barcode in [line.barcode] * line.quantity]


def _demo_split_order(shell: Any) -> bool:
    """A shipped order of two products whose first product left in parcel 1 (顺丰, the rest
    later), as the orders screen would have done it; False when the demo has no stock."""
    database = shell.counter.database
    rows = stocked_skus(database, min_on_hand=3, limit=4)[2:]
    clerk = shell.counter.session.clerk
    if len(rows) < 2 or clerk is None:
        return False
    now = datetime.now(UTC)
    lines = tuple(
        StoredOrderLine(
            n, f"red-{sku.code}", sku.sku_id, n, sku.price_fen, sku.barcode, sku.code, sku.title_zh
        )
        for n, sku in enumerate(rows, start=1)
    )
    order = StoredOnlineOrder(
        order_id=SPLIT_ORDER,
        status="awaiting_shipment",
        fulfilment="ship",
        warehouse_code="SH001",
        ours=True,
        online_created_at=now,
        online_updated_at=now,
        lines=lines,
        receiver_name_masked="王*",
        receiver_phone_masked="139****0002",
        receiver_address_masked="上海市静安区**路**号",
        paid_fen=sum(line.unit_price_fen * line.quantity for line in lines),
    )
    with database.unit_of_work() as uow:
        repo = SyncRepository(uow.session)
        fresh = repo.order(SPLIT_ORDER) is None
        if fresh:
            repo.upsert_order(order)
            repo.set_reservation(SPLIT_ORDER, reserve=True)
        uow.commit()
    if fresh:
        request_delivery(
            database, SPLIT_ORDER, terminal_id=shell.counter.context.terminal_id, pickup=False,
            express_no="SF1234567890", company_code="shunfeng", lines={1: 1}, staff=clerk,
        )  # fmt: skip
    return True


def _codes(shell: Any, sku_ids: list[int]) -> list[str]:
    codes: list[str] = []
    with shell.counter.database.reading() as session:
        catalog = CatalogRepository(session)
        for sku_id in sku_ids:
            sku = catalog.sku(sku_id)
            if sku is not None and sku.barcodes:
                codes.append(sku.barcodes[0])
    return codes


def _demo_after_sale(shell: Any) -> None:
    """A return of two units on their way back and a buyer's cancel, as the sync would have
    stored them."""
    database = shell.counter.database
    rows = [sku for sku in stocked_skus(database, min_on_hand=1, limit=40) if sku.red_sku_id]
    if len(rows) < 2:
        return
    now = datetime.now(UTC)
    returned = StoredAfterSale(
        returns_id="R7000000000001", order_id="P6900000000001", return_type=1, status=3,
        ours=True, applied_at=now - timedelta(days=1), online_updated_at=now,
        refund_fen=rows[0].price_fen + rows[1].price_fen, reason="不喜欢/效果不好",
        lines=((str(rows[0].red_sku_id), 1), (str(rows[1].red_sku_id), 1)),
    )  # fmt: skip
    cancel = StoredAfterSale(
        returns_id="R7000000000002", order_id="P7000000000001", return_type=5, status=1,
        ours=True, applied_at=now - timedelta(hours=2), online_updated_at=now,
        refund_fen=rows[2].price_fen if len(rows) > 2 else 0, reason="买家申请取消订单",
    )  # fmt: skip
    with database.unit_of_work() as uow:
        repo = SyncRepository(uow.session)
        repo.upsert_after_sale(returned)
        repo.upsert_after_sale(cancel)
        uow.commit()
