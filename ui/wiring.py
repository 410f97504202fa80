"""Connects the screens' requests to the dialogs and the other screens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.main_window import MainWindow

if TYPE_CHECKING:
    from ui.shell import Shell


def wire_screens(shell: Shell, window: MainWindow) -> None:
    sale = shell.sale
    sale.search_requested.connect(lambda: None)
