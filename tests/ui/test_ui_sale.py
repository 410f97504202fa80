"""A sale rung up through the widgets, paid with split tenders, with its receipt queued."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import log_in, open_shift, scan

from redhome_pos.persistence.models.counter import SaleLineRow, SaleRow
from redhome_pos.persistence.repositories.print_jobs import PrintJobRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from ui.dialogs.tender import TenderDialog


def test_full_sale_with_split_tender_queues_the_receipt(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    sale = shell.sale

    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["CLN-120"])
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])  # the same lipstick: quantity 2
    totals = sale.cart.totals()
    assert [p.line.quantity for p in totals.lines] == [2, 1]
    assert totals.total_fen == 2 * 12_800 + 6_900
    assert sale.due_label.text() == "￥325.00"

    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    dialog = shell.actions.dialog
    assert isinstance(dialog, TenderDialog)
    # 100 yuan cash first, then the card terminal takes the remainder (slip reference typed).
    qtbot.mouseClick(dialog.quick["10000"], Qt.MouseButton.LeftButton)
    assert dialog.due_fen == 32_500 - 10_000
    qtbot.mouseClick(dialog.card_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.reference_field, "123456789012")
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert dialog.due_fen == 0
    with qtbot.waitSignal(dialog.sale_completed) as completed:
        qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)
    receipt_no = completed.args[0].receipt_no
    assert sale.cart.is_empty  # the next customer is one keystroke away

    with store.database.reading() as session:
        row = session.scalar(select(SaleRow).where(SaleRow.receipt_no == receipt_no))
        assert row is not None and row.total_fen == 32_500
        lines = session.scalars(select(SaleLineRow).where(SaleLineRow.sale_id == row.id)).all()
        assert sorted((line.sku_code, line.quantity) for line in lines) == [
            ("CLN-120", 1),
            ("LIP-520", 2),
        ]
        assert StockRepository(session).on_hand(store.sku_ids["LIP-520"]) == 18
    tenders = {(t.kind.value, t.amount_fen) for t in completed.args[0].tenders}
    assert tenders == {("cash", 10_000), ("card", 22_500)}

    def receipt_queued() -> bool:
        with store.database.reading() as session:
            jobs = PrintJobRepository(session).jobs()
        return any(job.kind == "receipt" and job.reference == receipt_no for job in jobs)

    qtbot.waitUntil(receipt_queued)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
