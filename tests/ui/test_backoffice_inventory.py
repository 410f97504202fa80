"""Inventory in the back office: a product's stock and history by scanning it, an adjustment
with a reason, and a delivery received by scanning and booked into stock."""

from __future__ import annotations

from typing import Any

from ui_helpers import log_in, scan

from redhome_pos.domain.stock import MovementKind
from redhome_pos.persistence.repositories.stock import StockRepository


def test_product_detail_adjustment_and_receiving(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell, "3001", "3333")
    screen = shell.inventory
    shell.window.show_screen("inventory")
    lipstick = store.sku_ids["LIP-520"]

    with qtbot.waitSignal(screen.product_shown) as shown:
        scan(qtbot, shell, store.barcodes["LIP-520"])
    product = shown.args[0]
    assert (product.sku.code, product.sku.on_hand) == ("LIP-520", 20)
    assert [m.kind for m in product.movements] == [MovementKind.RECEIVE]
    assert "20" in screen.facts.text()

    # Two damaged lipsticks come off, with the reason kept on the movement.
    screen.quantity.setText("-2")
    screen.reason.setCurrentIndex(screen.reason.findData("damaged"))
    with qtbot.waitSignal(screen.product_shown) as shown:
        screen.adjust_button.click()
    product = shown.args[0]
    assert product.sku.on_hand == 18
    newest = product.movements[0]
    assert (newest.kind, newest.quantity, newest.reason) == (MovementKind.ADJUST, -2, "Damaged")
    assert screen.movements.rowCount() == 2

    # A delivery: three lipsticks and a mask scanned, booked into stock.
    screen.tabs.setCurrentIndex(1)
    screen.reference.setText("DN-2026-001")
    screen.start_button.click()
    qtbot.waitUntil(lambda: screen.receiving_id is not None)
    for code in ("LIP-520", "LIP-520", "LIP-520", "MASK-10"):
        with qtbot.waitSignal(screen.received):
            scan(qtbot, shell, store.barcodes[code])
    assert [(line.received, line.expected) for line in screen.delivery] == [(3, 0), (1, 0)]
    # What was scanned is named with its variant beside the code.
    table = screen.delivery_table
    assert [[table.item(r, c).text() for c in (1, 2, 4)] for r in range(2)] == [
        ["小红书限定丝绒雾面口红", "色号：#520 烂番茄", "3"],
        ["玻尿酸补水面膜 10片装", "", "1"],
    ]
    with qtbot.waitSignal(screen.delivery_posted) as posted:
        screen.post_button.click()
    assert (posted.args[0].movements, posted.args[0].units) == (2, 4)
    with store.database.reading() as session:
        stock = StockRepository(session)
        assert stock.on_hand(lipstick) == 21
        assert stock.on_hand(store.sku_ids["MASK-10"]) == 21
        assert stock.movements(lipstick, 1)[0].reference.startswith("receiving:")
