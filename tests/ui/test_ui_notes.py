"""RED notes at the counter: link products to a note in a few scans, then a customer's note
scan brings them up and the sale records the attribution."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import select
from ui_helpers import log_in, open_shift, scan

from redhome_pos.persistence.models.counter import SaleLineRow
from redhome_pos.persistence.models.notes import NoteLinkRow
from ui.cart_table import NOTE_ROLE, CartModel
from ui.dialogs.tender import TenderDialog

NOTE_ID = "65f1c2a9000000001203abcd"
NOTE_URL = f"https://www.xiaohongshu.com/explore/{NOTE_ID}?xsec_token=abc&xsec_source=pc"


def test_link_a_note_then_sell_with_attribution(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    notes = shell.notes

    # Staff link two products to the note: note, link, product, product, save.
    shell.window.show_screen("notes")
    with qtbot.waitSignal(notes.note_loaded):
        scan(qtbot, shell, NOTE_URL)
    assert notes.products == []
    qtbot.mouseClick(notes.link_button, Qt.MouseButton.LeftButton)
    for count, code in enumerate(("LIP-520", "MASK-10"), start=1):
        scan(qtbot, shell, store.barcodes[code])
        qtbot.waitUntil(lambda n=count: notes.table.rowCount() == n)
    with qtbot.waitSignal(notes.links_saved) as saved:
        qtbot.mouseClick(notes.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [2, 0]
    with store.database.reading() as session:
        linked = session.scalars(select(NoteLinkRow.sku_id).where(NoteLinkRow.note_id == NOTE_ID))
        assert set(linked) == {store.sku_ids["LIP-520"], store.sku_ids["MASK-10"]}

    # A customer shows the note at the counter: scanned on the sale screen.
    shell.window.show_screen("sale")
    with qtbot.waitSignal(notes.note_loaded):
        scan(qtbot, shell, NOTE_URL)
    assert shell.window.current_screen() is notes
    assert [p.code for p in notes.products] == ["LIP-520", "MASK-10"]
    with qtbot.waitSignal(shell.sale.line_added):
        qtbot.mouseClick(notes.add_button, Qt.MouseButton.LeftButton)
    assert shell.window.current_screen() is shell.sale
    # An ordinary scan too: it is not attributed.
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["CLN-120"])
    lines = shell.sale.cart.lines
    assert [(line.sku_code, line.note_id) for line in lines] == [
        ("LIP-520", NOTE_ID),
        ("CLN-120", None),
    ]
    # The line names the note by when it was scanned and the id's end, not the bare 24 chars.
    shown = shell.sale.model.index(0, CartModel.PRODUCT).data(NOTE_ROLE)
    assert re.fullmatch(r"\d\d:\d\d · …" + NOTE_ID[-8:], shown)

    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    with qtbot.waitSignal(tender.sale_completed) as completed:
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)  # Enter on a fresh dialog: exact cash
    with store.database.reading() as session:
        rows = session.scalars(
            select(SaleLineRow).where(SaleLineRow.sale_id == completed.args[0].id)
        ).all()
        assert {(row.sku_code, row.note_id) for row in rows} == {
            ("LIP-520", NOTE_ID),
            ("CLN-120", None),
        }


def test_a_short_link_is_followed_when_the_store_is_online(
    qtbot: Any, shell: Any, store: Any
) -> None:
    """The app hands the scan service its short-link resolver. The machine cannot reach the
    short-link host, so the resolver here answers as the redirect would."""
    followed: list[str] = []

    def resolver(url: str) -> str | None:
        followed.append(url)
        return NOTE_URL

    shell.counter.context.extras["resolve_short_link"] = resolver
    log_in(qtbot, shell)
    shell.window.show_screen("sale")
    with qtbot.waitSignal(shell.notes.note_loaded):
        scan(qtbot, shell, "https://xhslink.com/a/Ab3xYz9")
    assert followed == ["https://xhslink.com/a/Ab3xYz9"]
    assert shell.window.current_screen() is shell.notes
