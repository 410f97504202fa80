"""A shift opened and closed through the shift screen, with its Z report stored and queued."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import log_in, scan

from redhome_pos.persistence.models.counter import ShiftReportRow, ShiftRow
from redhome_pos.persistence.repositories.print_jobs import PrintJobRepository
from ui.dialogs.approval import ApprovalDialog
from ui.dialogs.tender import TenderDialog


def test_open_sell_and_close_a_shift_with_a_z_report(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell, float_text=None)  # the shift opened on the shift screen instead
    shell.window.show_screen("shift")
    screen = shell.shift_screen
    qtbot.keyClicks(screen.float_field, "500")
    qtbot.mouseClick(screen.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    assert shell.window.status.shift_label.text() == "Shift: #1 open"

    shell.window.show_screen("sale")
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["CLN-120"])
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    with qtbot.waitSignal(tender.sale_completed):
        qtbot.mouseClick(tender.quick["10000"], Qt.MouseButton.LeftButton)
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    assert tender.change.text() == "￥31.00"
    qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)  # next customer
    qtbot.waitUntil(lambda: shell.actions.dialog is None)

    shell.window.show_screen("shift")
    with qtbot.waitSignal(screen.report_ready) as x_ready:
        qtbot.mouseClick(screen.x_button, Qt.MouseButton.LeftButton)
    assert x_ready.args[0].kind == "X"
    assert x_ready.args[0].figures.sales_fen == 6_900

    # The drawer holds the float and the sale: 569.00; the clerk counts 568.50.
    qtbot.keyClicks(screen.counted["cash"], "568.50")
    qtbot.mouseClick(screen.close_button, Qt.MouseButton.LeftButton)
    approval = screen.dialog
    assert isinstance(approval, ApprovalDialog)  # a clerk may not close a shift alone
    qtbot.keyClicks(approval.code, "2001")
    qtbot.keyClicks(approval.pin, "2222")
    with qtbot.waitSignal(screen.report_ready) as z_ready:
        qtbot.keyClick(approval.pin, Qt.Key.Key_Return)
    report = z_ready.args[0]
    assert report.kind == "Z"
    assert report.counted_fen["cash"] == 56_850
    assert report.difference_fen["cash"] == -50
    qtbot.waitUntil(lambda: shell.counter.session.shift is None)
    qtbot.waitUntil(
        lambda: screen.preview.pixmap() is not None and not screen.preview.pixmap().isNull()
    )

    with store.database.reading() as session:
        shift = session.scalars(select(ShiftRow)).one()
        assert shift.closed_at is not None
        rows = session.scalars(select(ShiftReportRow).order_by(ShiftReportRow.id)).all()
        assert [row.kind for row in rows] == ["X", "Z"]

    def z_report_queued() -> bool:
        with store.database.reading() as session:
            return any(job.kind == "z_report" for job in PrintJobRepository(session).jobs())

    qtbot.waitUntil(z_report_queued)
