"""One clock: every time the screens show is the store's (its configured time zone), never the
machine's. The machine here is set to a zone whose date and hour differ from Shanghai's."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from test_backoffice_order_list import PLACED, add_order
from test_ui_counter_actions import _more, _sell
from ui_helpers import log_in, scan

from ui.dialogs.journal import JournalDialog
from ui.dialogs.recall import RecallDialog

STORE = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def machine_elsewhere(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The machine's zone: whichever of UTC+14 and UTC-11 has another date than the store."""
    now = datetime.now(UTC)
    zone = next(
        name
        for name in ("Pacific/Kiritimati", "Pacific/Pago_Pago")
        if now.astimezone(ZoneInfo(name)).date() != now.astimezone(STORE).date()
    )
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    assert datetime.now().astimezone().utcoffset() != datetime.now(STORE).utcoffset()
    yield zone
    monkeypatch.undo()
    time.tzset()


def _store_minutes(at: datetime, pattern: str = "%H:%M") -> set[str]:
    """The store's reading of ``at`` (and of the next minute, if the clock turns meanwhile)."""
    return {(at + timedelta(minutes=m)).astimezone(STORE).strftime(pattern) for m in (0, 1)}


def test_the_screens_show_the_stores_clock(qtbot: Any, shell: Any, store: Any) -> None:
    add_order(store, "P100", "pickup", ["LIP-520"], "林*")
    started = datetime.now(UTC)
    log_in(qtbot, shell)
    assert shell.window.top_bar.clock.text() in _store_minutes(started)

    # Today's sales: the time of each sale.
    sold = _sell(qtbot, shell, store.barcodes["LIP-520"])
    journal = _more(qtbot, shell, Qt.Key.Key_1)
    assert isinstance(journal, JournalDialog)
    qtbot.waitUntil(lambda: len(journal.sales) == 1)
    assert journal.table.item(0, 0).text() == sold.created_at.astimezone(STORE).strftime("%H:%M")
    qtbot.keyClick(journal, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)

    # A parked sale: when it was parked.
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["MASK-10"])
    parked = datetime.now(UTC)
    shell.actions.park_with_note("")
    qtbot.waitUntil(lambda: shell.sale.cart.is_empty)
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F6)
    recall = shell.actions.dialog
    assert isinstance(recall, RecallDialog)
    qtbot.waitUntil(lambda: recall.list.count() == 1)
    assert any(f" {hm} " in recall.list.item(0).text() for hm in _store_minutes(parked))
    qtbot.keyClick(recall.list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)

    # The shift: open since the store's hour.
    shell.window.show_screen("shift")
    shift = shell.counter.session.shift
    assert shell.counter.local_time(shift.opened_at) in shell.shift_screen.state.text()
    assert shift.opened_at.astimezone(STORE).strftime("%H:%M") in shell.shift_screen.state.text()

    # Online orders: when each was placed.
    shell.window.show_screen("orders")
    qtbot.waitUntil(lambda: shell.orders.orders.rowCount() == 1)
    placed = PLACED.astimezone(STORE).strftime("%m-%d %H:%M")
    assert shell.orders.orders.item(0, 1).text() == placed


def test_reports_start_from_the_stores_today(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell, "3001", "3333")
    today = datetime.now(STORE).date()
    reports = shell.reports
    assert reports.last.date().toPython() == today
    assert reports.first.date().toPython() == today - timedelta(days=6)
