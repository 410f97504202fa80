"""A small store for counter tests: three demo staff, a few SKUs with stock, a till."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from acting_staff import CHEAP_PIN_COST
from hand_clock import Clock

from redhome_pos.domain.cart import CartItem
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.staff import StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories import CatalogRepository
from redhome_pos.services import stock as stock_service
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_staff import add_demo_staff

__all__ = ["CHEAP_PIN_COST", "SECRET", "Clock", "Store", "make_store", "write_config"]
SECRET = "test-secret-0123456789-abcdefghijklmnop"


@dataclass
class Store:
    database: Database
    till: Till
    clock: Clock
    clerk: StaffSession
    supervisor: StaffSession
    manager: StaffSession
    items: dict[str, CartItem]


# code, title, price, VAT rate, stock
CATALOG = [
    ("LIP-520", "口红 #520", 25_900, 1300, 20),
    ("MASK-10", "面膜 10片", 9_900, 1300, 30),
    ("BOOK-01", "旅行手帐", 4_500, 900, 10),
    ("BAG-RED", "帆布包 红", 12_800, 1300, 5),
]


def make_store(database: Database, *, terminal_id: str = "T1") -> Store:
    clock = Clock()
    till = Till("RH01", terminal_id, "Asia/Shanghai", False, clock, SECRET)
    staff = add_demo_staff(database, till, cost=CHEAP_PIN_COST)
    items: dict[str, CartItem] = {}
    for code, title, price, rate, on_hand in CATALOG:
        with database.unit_of_work() as uow:
            catalog = CatalogRepository(uow.session)
            product_id = catalog.add_product(
                Product(id=None, title_zh=title, brand="RED", category="test", vat_rate_bp=rate)
            )
            sku_id = catalog.add_sku(
                Sku(
                    id=None,
                    product_id=product_id,
                    code=code,
                    price_fen=price,
                    original_price_fen=price,
                )
            )
            uow.commit()
        stock_service.receive(
            database, sku_id, on_hand, terminal_id=terminal_id, staff=staff["3001"]
        )
        items[code] = CartItem(sku_id, code, title, price, rate)
    return Store(database, till, clock, staff["1001"], staff["2001"], staff["3001"], items)


def write_config(folder: Path, db_path: Path) -> Path:
    """A configuration file for the command line, everything kept under ``folder``."""
    file = folder / "config.toml"
    file.write_text(
        f"""terminal_id = "T1"
[store]
code = "RH01"
[database]
url = "sqlite:///{db_path}"
[paths]
data_dir = "{folder / "data"}"
log_dir = "{folder / "logs"}"
backup_dir = "{folder / "backups"}"
[scanning]
code_secret = "{SECRET}"
""",
        encoding="utf-8",
    )
    return file
