"""RED notes for managers: a note customers showed but nobody linked appears with its scan
count; a manager links products to it by scanning, sees them per note, unlinks one; the
attribution table shows what a note sold."""

from __future__ import annotations

from typing import Any

from ui_helpers import log_in, open_shift, scan

from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.tender import Tender
from redhome_pos.services import checkout
from ui.backoffice.screens import show_manager_tab

NOTE_ID = "65f1c2a9000000001203beef"
NOTE_URL = f"https://www.xiaohongshu.com/explore/{NOTE_ID}"


def test_unlinked_note_is_linked_by_scanning_and_its_sales_show(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    # Two customers show the note at the counter; nothing is linked to it yet.
    shell.window.show_screen("sale")
    for _ in range(2):
        scan(qtbot, shell, NOTE_URL)
        qtbot.waitUntil(lambda: shell.notes.note_id == NOTE_ID)
        shell.notes.note_id = None
        shell.window.show_screen("sale")

    screen = shell.note_links
    with qtbot.waitSignal(screen.loaded):
        show_manager_tab(shell, "note-links")
    [unlinked] = screen.overview.unlinked
    assert (unlinked.note_id, unlinked.scan_count) == (NOTE_ID, 2)

    with qtbot.waitSignal(screen.products_loaded):
        screen.choose(NOTE_ID)
    for code in ("LIP-520", "MASK-10", "LIP-520"):
        with qtbot.waitSignal(screen.linked):
            scan(qtbot, shell, store.barcodes[code])
    qtbot.waitUntil(lambda: len(screen.products) == 2)
    qtbot.waitUntil(lambda: screen.overview.links == ((NOTE_ID, 2),))
    assert screen.overview.unlinked == ()

    screen.note_products.selectRow([p.code for p in screen.products].index("MASK-10"))
    screen.unlink_button.click()
    qtbot.waitUntil(lambda: [p.code for p in screen.products] == ["LIP-520"])

    # A sale attributed to the note shows in the attribution table.
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    cart = Cart()
    cart.add(CartItem(store.sku_ids["LIP-520"], "LIP-520", "口红", 12_800, 1300), note_id=NOTE_ID)
    counter = shell.counter
    checkout.checkout(
        store.database, counter.till, counter.session.clerk, cart, [Tender.cash(12_800)]
    )
    with qtbot.waitSignal(screen.attribution_loaded):
        screen.tabs.setCurrentIndex(1)
    [sold] = screen.sold
    assert (sold.note_id, sold.sales, sold.units, sold.revenue_fen) == (NOTE_ID, 1, 1, 12_800)
    assert screen.sold_table.item(0, 6).text() == "￥128.00"
