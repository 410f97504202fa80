"""A stock count in the back office: scan to count, a recount, and posting books exactly the
variances as count movements."""

from __future__ import annotations

from typing import Any

from acting_staff import manager_session
from sqlalchemy import select
from ui_helpers import log_in, scan

from redhome_pos.domain.stock import MovementKind
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.services import stock as stock_service


def count_movements(store: Any) -> dict[int, int]:
    with store.database.reading() as session:
        rows = session.execute(
            select(StockMovementRow.sku_id, StockMovementRow.quantity).where(
                StockMovementRow.kind == MovementKind.COUNT.value
            )
        ).all()
    return {sku_id: quantity for sku_id, quantity in rows}


def test_a_count_posts_the_variances_as_movements(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell, "3001", "3333")  # a manager posts without approval
    screen = shell.counts
    shell.window.show_screen("counts")
    with qtbot.waitSignal(screen.sheet_loaded):
        screen.start_button.click()
    assert {line.code for line in screen.lines} >= {"LIP-520", "CLN-120", "MASK-10"}

    lip, cleanser = store.sku_ids["LIP-520"], store.sku_ids["CLN-120"]
    for expected in (1, 2):
        with qtbot.waitSignal(screen.counted) as counted:
            scan(qtbot, shell, store.barcodes["LIP-520"])
        assert counted.args == [lip, expected]
    qtbot.waitUntil(lambda: screen.sheet.rowCount() > 0)

    # The two lipsticks look wrong: count them again (three this time).
    screen.choose_code("LIP-520")
    with qtbot.waitSignal(screen.sheet_loaded):
        screen.recount_button.click()
    with qtbot.waitSignal(screen.failed) as failed:
        screen.post_button.click()
    assert "recount" in failed.args[0]
    for _ in range(3):
        with qtbot.waitSignal(screen.counted):
            scan(qtbot, shell, store.barcodes["LIP-520"])

    # The cleansers are counted by number: 22 on the shelf.
    qtbot.waitUntil(lambda: any(line.counted == 3 for line in screen.lines))
    screen.choose_code("CLN-120")
    qtbot.keyClicks(screen.quantity, "22")
    qtbot.waitUntil(lambda: screen.quantity.text() == "22")  # typed keys pass the scan filter
    with qtbot.waitSignal(screen.counted):
        screen.set_button.click()
    qtbot.waitUntil(lambda: screen.summary.text().startswith("2 of"))
    variances = {line.code: line.variance for line in screen.lines if line.variance}
    assert variances == {"LIP-520": -17, "CLN-120": 2}

    # A sale during the count does not spoil it: the snapshot was taken when counting began.
    stock_service.adjust(
        store.database,
        store.sku_ids["MASK-10"],
        -1,
        reason="sold",
        terminal_id="T1",
        staff=manager_session(store.database),
    )
    with qtbot.waitSignal(screen.posted) as posted:
        screen.post_button.click()
    assert (posted.args[0].movements, posted.args[0].units_added, posted.args[0].units_removed) == (
        2,
        2,
        17,
    )
    assert count_movements(store) == {lip: -17, cleanser: 2}
    with store.database.reading() as session:
        from redhome_pos.persistence.repositories.stock import StockRepository

        stock = StockRepository(session)
        assert (stock.on_hand(lip), stock.on_hand(cleanser)) == (3, 22)


def test_a_clerk_posts_a_count_with_a_managers_approval(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)  # a clerk counts
    screen = shell.counts
    shell.window.show_screen("counts")
    with qtbot.waitSignal(screen.sheet_loaded):
        screen.start_button.click()
    with qtbot.waitSignal(screen.counted):
        scan(qtbot, shell, store.barcodes["MASK-10"])

    screen.post_button.click()
    dialog = screen.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.code.setText("1001")  # a clerk cannot approve
    dialog.pin.setText("1111")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.error.isVisible())
    assert count_movements(store) == {}
    dialog.code.setText("3001")
    dialog.pin.setText("3333")
    with qtbot.waitSignal(screen.posted) as posted:
        dialog.submit()
    assert posted.args[0].movements == 1
    assert count_movements(store) == {store.sku_ids["MASK-10"]: 1 - 20}


def test_the_count_header_follows_the_scans_and_lines_show_the_variant(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    screen = shell.counts
    shell.window.show_screen("counts")
    with qtbot.waitSignal(screen.sheet_loaded):
        screen.start_button.click()
    qtbot.waitUntil(lambda: "lines counted: 0/3 · units: 0" in screen.choice.currentText())

    for code, units in (("LIP-520", 1), ("LIP-520", 2), ("CLN-120", 3)):
        with qtbot.waitSignal(screen.sheet_loaded):
            scan(qtbot, shell, store.barcodes[code])
        lines = 1 if code == "LIP-520" else 2
        assert f"lines counted: {lines}/3 · units: {units}" in screen.choice.currentText()

    rows = {
        screen.sheet.item(r, 0).text(): screen.sheet.item(r, 2).text()
        for r in range(screen.sheet.rowCount())
    }
    assert rows == {"LIP-520": "色号：#520 烂番茄", "CLN-120": "规格：120ml", "MASK-10": ""}

    # Chosen again from the list, the count says the same.
    screen.load_counts()
    qtbot.waitUntil(lambda: "lines counted: 2/3 · units: 3" in screen.choice.currentText())
