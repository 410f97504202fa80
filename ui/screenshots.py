"""Renders every screen of the demo store to PNG, in each language and window size, offscreen.

Drives the real app: a demo database in a scratch folder, the real login, scans through the
scan router, the real dialogs; each scene waits for its background work before ``grab()``.
A window-modal dialog is painted over its window, as a clerk sees it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QApplication, QDialog

from printers.setup import printing_from_config
from redhome_pos.config import Config
from redhome_pos.domain.signed_codes import sign_receipt_code
from redhome_pos.domain.tender import TenderKind
from redhome_pos.persistence.database import Database
from ui.app import application, install_language
from ui.context import AppContext
from ui.dialogs.discount import DiscountDialog
from ui.dialogs.open_shift import OpenShiftDialog
from ui.dialogs.price_check import PriceCheckDialog
from ui.dialogs.reason import ReasonDialog
from ui.dialogs.tender import TenderDialog
from ui.shell import Shell

SIZES = ((1024, 768), (1920, 1080))
LANGUAGES = ("zh_CN", "en")


def settle(condition: Callable[[], bool] | None = None, timeout_s: float = 5.0) -> None:
    """Lets Qt run (workers report back through the event loop) until ``condition`` holds;
    without a condition, for a moment (layouts, repaints)."""
    if condition is None:
        condition, timeout_s = (lambda: False), 0.1
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if condition():
            break
        time.sleep(0.01)
    for _ in range(3):
        QApplication.processEvents()


class Director:
    """Puts one shell through the scenes and saves a picture of each."""

    def __init__(
        self, shell: Shell, folder: Path, prefix: str, config: Config, note_url: str
    ) -> None:
        self.shell = shell
        self.note_url = note_url
        self.folder = folder
        self.prefix = prefix
        self.config = config
        self.saved: list[Path] = []
        self.count = 0

    def picture(self, name: str) -> None:
        settle()
        window = self.shell.window
        pixmap = window.grab()
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            painter = QPainter(pixmap)
            painter.fillRect(pixmap.rect(), QColor(0, 0, 0, 90))
            shot = dialog.grab()
            x = max(0, (pixmap.width() - shot.width()) // 2)
            y = max(0, (pixmap.height() - shot.height()) // 2)
            painter.drawPixmap(QPoint(x, y), shot)
            painter.end()
        self.count += 1
        path = self.folder / f"{self.prefix}-{self.count:02d}-{name}.png"
        pixmap.save(str(path))
        self.saved.append(path)

    def stocked_barcodes(self, count: int) -> list[str]:
        return _barcodes_in_stock(self.shell.counter.database, count)

    def picture_display(self, name: str) -> None:
        """The customer display (客显) as the second screen shows it, at the window's size."""
        display = self.shell.customer_display
        display.catch_up()  # off screen here: it shows what it would show on one
        display.resize(self.shell.window.size())
        layout = display.layout()
        if layout is not None:
            layout.activate()
        settle()
        self.count += 1
        path = self.folder / f"{self.prefix}-{self.count:02d}-customer-display-{name}.png"
        display.grab().save(str(path))
        self.saved.append(path)

    def scan(self, text: str) -> None:
        self.shell.route_scan(text)
        settle(lambda: False, 0.3)

    def close_dialog(self) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog):
            dialog.reject()
        settle()

    def counter_actions(self, found: list[str]) -> None:
        _more_scenes(self, found)

    def run(self) -> list[Path]:
        shell = self.shell
        window = shell.window
        sale = shell.sale
        self.picture("login")
        login = shell.login
        login.staff_code.setText("1001")
        login.pin.setText("1111")
        login.submit()
        settle(lambda: not window.is_locked)
        settle(lambda: isinstance(shell.actions.dialog, OpenShiftDialog))
        offer = shell.actions.dialog
        if isinstance(offer, OpenShiftDialog):
            offer.field.setText("500")
            self.picture("open-shift")
            offer.accept()
            settle(lambda: shell.counter.session.shift is not None and shell.actions.dialog is None)
        self.picture("sale-empty")
        shell.actions.show_keys()
        self.picture("keys-help")
        self.close_dialog()

        found = _barcodes_in_stock(shell.counter.database, 4)
        for code in found[:4]:
            self.scan(code)
        settle(lambda: len(sale.cart.lines) >= min(4, len(found)))
        wrong = found[0][:-1] + str((int(found[0][-1]) + 1) % 10)
        self.scan(wrong)
        self.picture("sale-cart-scan-error")
        self.picture_display("cart")

        sale.open_search()
        sale.search.field.setText("口红" if self.prefix.startswith("zh") else "lip")
        sale.search.search_now()
        settle(lambda: sale.search.model.rowCount() > 0)
        self.picture("search")
        sale.search.close_overlay()

        sale.table.selectRow(1)
        shell.actions.ask_price()
        settle()
        dialog = shell.actions.dialog
        if isinstance(dialog, DiscountDialog):
            dialog.field.setText("59")
            self.picture("price-change")
            self.close_dialog()

        sale.table.selectRow(0)
        shell.actions.ask_discount()
        settle()
        dialog = shell.actions.dialog
        if isinstance(dialog, DiscountDialog):
            dialog.field.setText("8")  # 8 折
            self.picture("discount")
            dialog.accept()
            settle(lambda: shell.actions.dialog is not dialog)
            self.picture("approval")
            self.close_dialog()

        sale.pay()
        settle()
        tender = shell.actions.dialog
        if isinstance(tender, TenderDialog):
            tender.add_cash(10_000)
            tender.ask_reference(TenderKind.EXTERNAL_WECHAT)
            self.picture("tender-split")
            self.picture_display("paying")
            tender.handle_scan("4200002288202611258841")  # the terminal slip's reference
            tender.enter_pressed()
            settle(lambda: tender.sale is not None)
            self.picture("tender-done")
            self.picture_display("thanks")
            receipt_no = tender.sale.receipt_no if tender.sale else ""
            tender.accept()
            settle()
        else:
            receipt_no = ""

        from ui.promotion_scenes import counter_promotion_scenes

        counter_promotion_scenes(self, settle)

        for code in found[:2]:
            self.scan(code)
        settle(lambda: len(sale.cart.lines) >= 2)
        shell.actions.park_with_note("顾客去取钱包")
        settle(lambda: sale.cart.is_empty)
        shell.actions.ask_recall()
        settle(lambda: bool(shell.actions.dialog and shell.actions.dialog.list.count()))  # type: ignore[attr-defined]
        self.picture("recall")
        self.close_dialog()
        self.counter_actions(found)

        if receipt_no:
            secret = self.config.scanning.code_secret
            self.scan(sign_receipt_code(secret, self.config.store.code, receipt_no))
            settle(lambda: shell.returns.sale is not None)
            shell.returns.set_return_quantity(1, 1)
            self.picture("returns")

        from ui.lot_scenes import counter_lot_scenes, expiring_scene

        shell.window.show_screen("sale")
        counter_lot_scenes(self, settle)

        shell.window.show_screen("notes")
        self.scan(self.note_url)
        settle(lambda: shell.notes.note_id is not None)
        self.picture("notes")

        shell.window.show_screen("shift")
        shell.shift_screen.x_report()
        settle(
            lambda: (
                shell.shift_screen.preview.pixmap() is not None
                and not shell.shift_screen.preview.pixmap().isNull()
            )
        )
        self.picture("shift-x-report")
        shell.shift_screen.count_cash()
        settle()
        count = shell.shift_screen.count_dialog
        if count is not None:
            for value_fen, pieces in ((10_000, "5"), (1_000, "3"), (100, "7")):
                count.fields[value_fen].setText(pieces)
            self.picture("shift-blind-count")
            self.close_dialog()

        shell.window.show_screen("settings")
        settle(lambda: True, 0.5)
        self.picture("settings")
        from ui.backoffice.scenes import back_office_scenes
        from ui.payment_scenes import back_office_payment_scenes, payment_scenes

        back_office_scenes(self, settle)
        expiring_scene(self, settle)
        payment_scenes(self, settle)
        back_office_payment_scenes(self, settle)
        return self.saved


def _more_scenes(director: Director, found: list[str]) -> None:
    """Today's sales, price check, cash in and the void of the last sale (not carried out)."""
    shell = director.shell
    more = shell.counter_actions
    more.show_more()
    director.picture("more-functions")
    director.close_dialog()
    more.show_journal()
    journal = shell.actions.dialog
    settle(lambda: bool(getattr(journal, "sales", None)))
    director.picture("todays-sales")
    director.close_dialog()
    more.check_price()
    check = shell.actions.dialog
    if isinstance(check, PriceCheckDialog) and found:
        check.handle_scan(found[1 % len(found)])
        settle(lambda: bool(check.price.text()))
        director.picture("price-check")
    director.close_dialog()
    more.move_cash("cash_in")
    cash = shell.actions.dialog
    if isinstance(cash, ReasonDialog):
        cash.choose("change_float")
        cash.field.setText("200")
        director.picture("cash-in")
    director.close_dialog()
    more.void_last()
    settle(lambda: isinstance(shell.actions.dialog, ReasonDialog))
    void = shell.actions.dialog
    if isinstance(void, ReasonDialog):
        void.choose("customer_cancelled")
        director.picture("void-last-sale")
    director.close_dialog()


def _barcodes_in_stock(database: Database, count: int) -> list[str]:
    """Barcodes of SKUs with stock (a sale of the screenshots must go through)."""
    from redhome_pos.services.demo_picks import stocked_skus

    picks = stocked_skus(database, min_on_hand=5, limit=count * 3)
    return [sku.barcode for sku in picks][::3][:count]


def render_all(
    config: Config,
    database: Database,
    folder: Path,
    *,
    languages: tuple[str, ...] = LANGUAGES,
    sizes: tuple[tuple[int, int], ...] = SIZES,
    note_url: str = "",
) -> list[Path]:
    """Every scene in every language and size; returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    app = application()
    printing = printing_from_config(config, database)
    printing.worker.start()
    saved: list[Path] = []
    stack = ExitStack()
    try:
        from ui.payment_scenes import sandbox_payments

        payments = stack.enter_context(sandbox_payments(config, database))
        for language in languages:
            for width, height in sizes:
                install_language(app, language)
                context = AppContext.from_config(config, database, demo=True)
                context.print_queue = printing.queue
                context.language = language
                context.extras["payments"] = payments
                shell = Shell(context, app)
                shell.window.resize(width, height)
                shell.window.setFixedSize(width, height)
                shell.show()
                settle(lambda: False, 0.2)
                try:
                    director = Director(
                        shell, folder, f"{language}-{width}x{height}", config, note_url
                    )
                    saved += director.run()
                finally:
                    for widget in QApplication.topLevelWidgets():
                        widget.close()
                    shell.stop()
                    settle(lambda: False, 0.1)
                _close_open_shift(config, database)
    finally:
        stack.close()
        printing.worker.stop()
    return saved


def _close_open_shift(config: Config, database: Database) -> None:
    """Each run starts with no shift open, as a clerk's day does."""
    from redhome_pos.persistence.repositories.shifts import ShiftRepository
    from redhome_pos.services.counter import Till

    till = Till.from_config(config)
    with database.unit_of_work() as uow:
        shifts = ShiftRepository(uow.session)
        shift = shifts.current(till.terminal_id)
        if shift is not None:
            shifts.close(shift.id, shift.opened_by, till.now())
            uow.commit()


def demo_config(root: Path) -> Config:
    """A demo store's configuration with everything under ``root``."""
    from redhome_pos.config import AppPaths, default_config

    paths = AppPaths.under(root)
    for folder in (paths.data_dir, paths.log_dir, paths.backup_dir, paths.preview_dir):
        Path(folder).mkdir(parents=True, exist_ok=True)
    base = default_config(paths)
    store = replace(
        base.store, code="SH001", name="REDHOME 上海静安店", address="静安区南京西路 1 号"
    )
    scanning = replace(base.scanning, code_secret="screenshots-demo-secret")
    return replace(base, store=store, scanning=scanning, terminal_id="T1")
