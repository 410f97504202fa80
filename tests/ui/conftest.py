"""A counter app on a real migrated SQLite file, with a small catalog and the demo staff."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication
from ui_helpers import CHEAP, SECRET

from printers.profile import PrinterProfile
from printers.queue import PrintQueue, ReceiptSettings
from printers.templates.data import StoreHeader
from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.staff import Staff
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff
from ui.collector import MainThreadCollector


@dataclass
class Store:
    database: Database
    staff: dict[str, Staff]
    barcodes: dict[str, str]  # sku code -> EAN-13
    sku_ids: dict[str, int]


def add_product(
    catalog: CatalogRepository, title: str, code: str, price_fen: int, body: str, **variant: str
) -> tuple[int, str]:
    product_id = catalog.add_product(Product(None, title, "RED", "美妆"))
    barcode = make_ean13(body)
    sku_id = catalog.add_sku(
        Sku(None, product_id, code, price_fen, price_fen, dict(variant), barcodes=(barcode,))
    )
    return sku_id, barcode


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test() -> Iterator[None]:
    """Every window a test left is closed and deleted after it: closed windows kept alive pile
    up over the run, and each change of the application's style sheet (a test that scales the
    counter up, the next one setting it back) re-polishes every one of them."""
    yield
    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()  # here, on the GUI thread, as the app's own collector does (ui/collector.py)
    # The tests that run no event loop get the interpreter's own collection back; the next
    # test building the app (``application()``) starts the GUI thread's collector again.
    found = app.findChild(MainThreadCollector)
    if isinstance(found, MainThreadCollector):
        found.stop()


@pytest.fixture
def store(database: Database) -> Store:
    till = Till("SH001", "T1")
    staff = add_demo_staff(database, till, cost=CHEAP)
    barcodes: dict[str, str] = {}
    sku_ids: dict[str, int] = {}
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        for title, code, price, body, variant in [
            ("小红书限定丝绒雾面口红", "LIP-520", 12_800, "690123456789", {"色号": "#520 烂番茄"}),
            ("氨基酸温和洁面乳 120ml", "CLN-120", 6_900, "690123456790", {"规格": "120ml"}),
            ("玻尿酸补水面膜 10片装", "MASK-10", 9_900, "690123456791", {}),
        ]:
            sku_ids[code], barcodes[code] = add_product(
                catalog, title, code, price, body, **variant
            )
        uow.commit()
    for sku_id in sku_ids.values():
        stock_service.receive(
            database, sku_id, 20, terminal_id="T1", reason="test stock", staff=staff["3001"]
        )
    return Store(database, staff, barcodes, sku_ids)


@pytest.fixture
def shell(qtbot, store: Store) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from ui.app import application, install_language
    from ui.context import AppContext
    from ui.shell import Shell

    app = application()
    install_language(app, "en")
    header = StoreHeader("REDHOME 上海静安店", "静安区南京西路 1 号", "SH001")
    queue = PrintQueue(
        store.database,
        {"receipt": PrinterProfile(name="receipt")},
        terminal_id="T1",
        receipt_settings=ReceiptSettings(header, SECRET),
    )
    context = AppContext(
        database=store.database,
        store_code="SH001",
        store_name="REDHOME 上海静安店",
        terminal_id="T1",
        language="en",
        code_secret=SECRET,
        print_queue=queue,
    )
    the_shell = Shell(context, app)
    the_shell.window.resize(1024, 768)
    the_shell.show()
    yield the_shell
    for widget in QApplication.topLevelWidgets():
        widget.close()
    the_shell.stop()
    app.removeEventFilter(the_shell.scan_filter)
