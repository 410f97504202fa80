"""Reconciliation in the back office against the RED sandbox: a run shows the planted
differences by class, a decision on one line books the right movement, a bulk decision covers
every line shown, and the run exports as CSV."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from test_backoffice_orders import engine, sandbox  # noqa: F401  (fixtures)
from ui_helpers import log_in, scan

from redhome_pos.domain.reconciliation import DifferenceKind, Resolution
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.stock import StockMovementRow
from redhome_pos.persistence.repositories.stock import StockRepository
from sync.engine import SyncEngine
from sync.red_sandbox import SandboxHandle
from ui.backoffice.screens import show_manager_tab


def test_a_run_shows_planted_differences_and_decisions_move_stock(
    qtbot: Any,
    shell: Any,
    store: Any,
    sandbox: SandboxHandle,  # noqa: F811
    engine: SyncEngine,  # noqa: F811
    tmp_path: Path,
) -> None:
    database = store.database
    with database.reading() as session:
        online_skus = session.execute(
            select(SkuRow.id, SkuRow.code, SkuRow.red_sku_id)
            .where(SkuRow.red_sku_id.is_not(None))
            .order_by(SkuRow.code)
        ).all()
        (drift_id, drift_code, drift_red), (_, price_code, price_red) = online_skus[:2]
        here = StockRepository(session).on_hand(drift_id)
    sandbox.set_stock(drift_red, sandbox.warehouse_code, here + 7)
    sandbox.update_sku(price_red, price=1_234)
    shell.context.extras["online_store"] = engine.store
    shell.context.preview_dir = tmp_path

    log_in(qtbot, shell, "3001", "3333")
    screen = shell.reconciliation
    show_manager_tab(shell, "reconciliation")
    # The online store answers slowly: the run takes a while, and the counter sells meanwhile.
    sandbox.set_faults(latency_ms=400)
    steps: list[tuple[str, int, int]] = []
    screen.progress.moved.connect(lambda step, done, total: steps.append((step, done, total)))
    with qtbot.waitSignal(screen.run_finished, timeout=20_000):
        screen.run_button.click()
        assert not screen.run_button.isEnabled() and screen.bar.isVisible()
        shell.window.show_screen("sale")
        with qtbot.waitSignal(shell.sale.line_added):
            scan(qtbot, shell, store.barcodes["CLN-120"])
        assert screen.running  # the sale went through while the run was still going
    sandbox.clear_faults()
    # Progress came back while it ran: the catalog read, then the comparison, to the end.
    assert {step for step, _, _ in steps} >= {"catalog", "compare"}
    assert steps[-1][1] == steps[-1][2] and not screen.bar.isVisible()
    qtbot.waitUntil(lambda: screen.run_id is not None and len(screen.lines) >= 5)
    found = {(line.difference.kind, line.difference.sku_code) for line in screen.lines}
    assert found == {
        (DifferenceKind.STOCK_DRIFT, drift_code),
        (DifferenceKind.PRICE_MISMATCH, price_code),
        (DifferenceKind.MISSING_ONLINE, "LIP-520"),
        (DifferenceKind.MISSING_ONLINE, "CLN-120"),
        (DifferenceKind.MISSING_ONLINE, "MASK-10"),
    }
    # Each store SKU is named with its variant beside the product.
    shown = {
        screen.table.item(r, 0).text(): screen.table.item(r, 2).text()
        for r in range(screen.table.rowCount())
    }
    assert shown["LIP-520"] == "色号：#520 烂番茄" and shown["MASK-10"] == ""

    # Only the stock differences; take the online figure for the one line.
    with qtbot.waitSignal(screen.lines_loaded):
        screen.set_kind(DifferenceKind.STOCK_DRIFT)
    [drift] = screen.lines
    assert (drift.difference.here, drift.difference.online) == (here, here + 7)
    screen.choose_code(drift_code)
    screen.resolution.setCurrentIndex(screen.resolution.findData(Resolution.ACCEPT_ONLINE_STOCK))
    qtbot.keyClicks(screen.reason, "shelf checked")
    qtbot.waitUntil(lambda: screen.reason.text() == "shelf checked")
    with qtbot.waitSignal(screen.decided) as decided:
        screen.decide_button.click()
    [decision] = decided.args[0]
    with database.reading() as session:
        movement = session.scalar(
            select(StockMovementRow).where(StockMovementRow.id == decision.reference)
        )
        assert movement is not None
        assert (movement.sku_id, movement.kind, movement.quantity) == (drift_id, "adjust", 7)
        assert StockRepository(session).on_hand(drift_id) == here + 7

    # A decision that does not fit the class is refused before anything is done.
    with qtbot.waitSignal(screen.lines_loaded):
        screen.set_kind(DifferenceKind.MISSING_ONLINE)
    screen.resolution.setCurrentIndex(screen.resolution.findData(Resolution.TAKE_ONLINE_PRICE))
    with qtbot.waitSignal(screen.failed):
        screen.decide_all_button.click()
    # The three store-only SKUs are flagged in bulk.
    screen.resolution.setCurrentIndex(screen.resolution.findData(Resolution.FLAG_HEAD_OFFICE))
    with qtbot.waitSignal(screen.decided) as decided:
        screen.decide_all_button.click()
    assert len(decided.args[0]) == 3
    qtbot.waitUntil(lambda: all(line.resolution is not None for line in screen.lines))
    assert screen.records[0].resolved == 4

    with qtbot.waitSignal(screen.exported) as exported:
        screen.export_button.click()
    text = Path(exported.args[0]).read_text(encoding="utf-8-sig")
    assert drift_code in text and price_code in text and len(text.splitlines()) == 6
