"""The back office's scenes for ``redhome-pos screenshots`` (called by ui/screenshots.py)."""

from __future__ import annotations

from typing import Any

from redhome_pos.persistence.repositories.catalog import CatalogRepository


def back_office_scenes(director: Any, settle: Any) -> None:
    """Orders, a stock count under way and the store settings, each as a picture."""
    shell = director.shell
    window = shell.window
    window.show_screen("orders")
    settle(lambda: shell.orders.snapshot is not None)
    director.picture("backoffice-orders")

    counts = shell.counts
    window.show_screen("counts")
    settle(lambda: True, 0.3)
    if counts.count_id is None:
        counts.start()
        settle(lambda: counts.count_id is not None and bool(counts.lines))
    for code in _some_codes(shell, counts):
        director.scan(code)
    settle(lambda: any(line.counted for line in counts.lines))
    director.picture("backoffice-count")

    store_settings = getattr(shell, "store_settings", None)
    if store_settings is not None:
        window.show_screen("store-settings")
        settle(lambda: True, 0.3)
        director.picture("backoffice-store-settings")


def _some_codes(shell: Any, counts: Any) -> list[str]:
    codes: list[str] = []
    with shell.counter.database.reading() as session:
        catalog = CatalogRepository(session)
        for line in counts.lines[:3]:
            sku = catalog.sku(line.sku_id)
            if sku is not None and sku.barcodes:
                codes.append(sku.barcodes[0])
    return codes
