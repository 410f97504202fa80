"""A real sale through checkout, its receipt queued after the commit, printed, reprinted.

The sale is committed by the counter's own checkout; the printer is down at first. The
receipt waits in the queue, the sale is untouched, and the QR on the paper verifies as the
store's signed receipt code.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from escpos_decoder import decode
from fake_printer import FakePrinter
from wallet_double import instant_payments, wallet_checkout

from printers.profile import receipt_profile
from printers.queue import PrintQueue, ReceiptSettings
from printers.templates.data import StoreHeader
from printers.worker import PrintWorker
from redhome_pos.domain.cart import Cart, CartItem
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.sale import Sale
from redhome_pos.domain.signed_codes import ReceiptCode, verify
from redhome_pos.domain.staff import ScryptCost
from redhome_pos.domain.tender import TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.persistence.repositories.sales import SaleRepository
from redhome_pos.services import shifts
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


SECRET = "printer-test-secret-0123456789"
STORE = StoreHeader("REDHOME 上海静安店", "上海市静安区南京西路1266号", "RH01")


def _sell(database: Database) -> Sale:
    till = Till(
        "RH01",
        "T1",
        "Asia/Shanghai",
        False,
        lambda: datetime(2026, 11, 25, 8, 0, tzinfo=UTC),
        SECRET,
    )
    team = add_demo_staff(database, till, cost=ScryptCost(n=16, r=1, p=1))
    clerk = team["1001"]
    cart = Cart()
    for code, title, price in (
        ("LIP-520", "口红 #520 丝绒雾面", 25_900),
        ("MASK-10", "面膜 10片装", 9_900),
    ):
        with database.unit_of_work() as uow:
            catalog = CatalogRepository(uow.session)
            product_id = catalog.add_product(Product(None, title, "RED", "美妆"))
            sku_id = catalog.add_sku(Sku(None, product_id, code, price, price))
            uow.commit()
        stock_service.receive(database, sku_id, 10, terminal_id="T1", staff=team["3001"])
        cart.add(CartItem(sku_id, code, title, price, 1300))
    shifts.open_shift(database, till, clerk, 50_000)
    due = cart.totals().total_fen
    return wallet_checkout(instant_payments(database, till), clerk, cart, TenderKind.WECHAT, due)


@pytest.mark.slow
def test_receipt_of_a_real_sale_survives_a_dead_printer_and_prints_later(
    database: Database, fake_printer: FakePrinter
) -> None:
    sale = _sell(database)
    with database.reading() as session:
        stored = SaleRepository(session).by_receipt(sale.receipt_no)
    assert stored is not None and stored.id is not None

    network = {"transport": "network", "host": fake_printer.host, "port": fake_printer.port}
    printers = {"receipt": receipt_profile(48, name="receipt", **network)}
    clock = Clock()
    settings = ReceiptSettings(STORE, SECRET, "谢谢惠顾")
    queue = PrintQueue(database, printers, receipt_settings=settings, clock=clock)
    worker = PrintWorker(database, printers, clock=clock)
    fake_printer.refuse()
    job_id = queue.enqueue_sale_receipt(stored.id)
    worker.run_once()
    job = queue.job(job_id)
    assert job is not None and job.status == "queued" and job.attempts == 1

    with database.reading() as session:  # the printer fault touched nothing of the sale
        assert SaleRepository(session).by_receipt(sale.receipt_no) == stored

    fake_printer.resume()
    assert queue.retry(job_id) is False  # a queued job needs no retry: the back-off brings it
    clock.now += timedelta(seconds=5)
    worker.run_once()
    job = queue.job(job_id)
    assert job is not None and job.status == "done"

    transcript = decode(fake_printer.printed(), columns=48)
    assert transcript.problems == []
    ((kind, payload),) = transcript.codes
    code = verify(payload, secret=SECRET, store="RH01")
    assert kind == "QR" and isinstance(code, ReceiptCode) and code.receipt_no == sale.receipt_no
    printed = "\n".join(text for text, _s, _b in transcript.lines)
    transaction_id = sale.tenders[0].reference
    assert "口红 #520 丝绒雾面" in printed and f"交易单号 {transaction_id}" in printed
    assert "微信支付" in printed and "3456700" not in printed  # never the customer's code

    copy_id = queue.reprint_receipt(sale.receipt_no)
    worker.run_once()
    lines = [text for text, _s, _b in decode(fake_printer.connections[-1], columns=48).lines]
    assert any("销售小票（重印）" in line for line in lines)
    assert queue.job(copy_id).status == "done"  # type: ignore[union-attr]
