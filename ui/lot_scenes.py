"""Lots in ``redhome-pos screenshots`` (called by ui/screenshots.py): a lot expiring soon
scanned at the counter, an expired one stopped, and the back office's expiring-soon list."""

from __future__ import annotations

from typing import Any

from redhome_pos.domain.gs1 import element_string, element_string_hri
from redhome_pos.services.demo_lots import demo_lot_pick
from ui.lot_guard import ExpiredDialog


def counter_lot_scenes(director: Any, settle: Any) -> None:
    """At the sale screen with a shift open: the lot notices a clerk sees."""
    shell = director.shell
    pick = demo_lot_pick(shell.counter.database, shell.counter.till)
    if pick is None:
        return
    sale = shell.sale
    sale.new_sale()
    director.scan(element_string_hri(element_string(pick.barcode, lot=pick.soon_lot)))
    settle(lambda: pick.soon_lot in sale.banner.text())
    director.picture("lot-expiring-soon")
    director.scan(
        element_string_hri(
            element_string(pick.barcode, lot=pick.expired_lot, expiry=pick.expired_expiry)
        )
    )
    settle(lambda: isinstance(shell.actions.dialog, ExpiredDialog))
    director.picture("lot-expired")
    director.close_dialog()
    settle(lambda: shell.actions.dialog is None)
    sale.new_sale()


def expiring_scene(director: Any, settle: Any) -> None:
    """In the back office, as a manager: the expiring-soon list."""
    shell = director.shell
    inventory = shell.inventory
    shell.window.show_screen("inventory")
    inventory.tabs.setCurrentWidget(inventory.expiring)
    settle(lambda: bool(inventory.expiring.found))
    director.picture("backoffice-expiring-soon")
    inventory.tabs.setCurrentIndex(0)
