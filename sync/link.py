"""Linking the store to its online store: a manager trades the approval page's code for
tokens (kept by the token store, never shown), and the link is audited (without the code)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from redhome_pos.config import OnlineStoreConfig
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting
from sync.connector import OAuthTokens
from sync.token_store import DatabaseTokenStore


@acting(Permission.SETTINGS)
def connect_store(
    database: Database,
    till: Till,
    staff: StaffSession,
    settings: OnlineStoreConfig,
    code: str,
    *,
    via: str = "back office",
) -> OAuthTokens:
    """Trade ``code`` from the approval page for tokens and keep them."""
    from sync.red.setup import red_authorizer, red_client

    tokens = DatabaseTokenStore(database, settings.kind)
    with red_client(settings) as client:
        got = red_authorizer(settings, client, tokens).connect(code.strip())
    audit.record_action(
        database, till, AuditAction.SETTINGS_CHANGE, staff.id, section="online_store", via=via,
        seller=got.seller_id, changes={"connected": [False, True]},
    )  # fmt: skip
    return got


@dataclass(frozen=True, slots=True)
class WarehouseCheck:
    """Whether the store's warehouse code exists in the online shop, and what to do if not."""

    code: str
    found: bool
    default_warehouse: bool  # the shop's single default warehouse (no multi-warehouse stock)
    codes: tuple[str, ...]  # the shop's own warehouses

    @property
    def advice(self) -> str:
        if self.default_warehouse:
            return (
                f"The store uses the shop's default warehouse {self.code}: every online order "
                "and all stock are the store's. Create a warehouse of its own (online-store "
                "warehouse-create) to share the shop with other warehouses."
            )
        if self.found:
            return f"The store's warehouse {self.code} exists in the online shop."
        listed = ", ".join(self.codes) or "none"
        return (
            f"The online shop has no warehouse {self.code} (it has: {listed}). A manager "
            f"creates it with: redhome-pos online-store warehouse-create --name NAME "
            "--zone-code TOWN_CODE --address ADDRESS --cover AREA_CODE [--first-in AREA_CODE]. "
            "Coverage (--cover, province, city or district codes) says which buyers the "
            "store's warehouse serves; priority (--first-in) puts it before the shop's other "
            "warehouses for an area. The platform sends an order to the first covering "
            "warehouse; the store takes the orders whose warehouse is its own. Switch on "
            "multi-warehouse stock (多仓区域库存) in the seller centre for the store's items."
        )


def check_warehouse(settings: OnlineStoreConfig, database: Database) -> WarehouseCheck:
    """``warehouse.list``: is the store's code one of the shop's warehouses?"""
    from sync.red import api
    from sync.red.setup import red_client, red_online_store

    with red_client(settings) as client:
        store = red_online_store(settings, client, DatabaseTokenStore(database, settings.kind))
        if settings.warehouse_code == api.DEFAULT_WAREHOUSE:
            return WarehouseCheck(settings.warehouse_code, True, True, ())
        codes = tuple(store.warehouse_codes())
    return WarehouseCheck(settings.warehouse_code, settings.warehouse_code in codes, False, codes)


@acting(Permission.SETTINGS)
def create_store_warehouse(
    database: Database,
    till: Till,
    staff: StaffSession,
    settings: OnlineStoreConfig,
    *,
    name: str,
    zone_code: str,
    address: str,
    cover: Sequence[str],
    first_in: Sequence[str] = (),
    contact_name: str = "",
    contact_tel: str = "",
    via: str = "command line",
) -> WarehouseCheck:
    """Create the store's warehouse online (``warehouse.create``), give it its coverage and
    put it first where asked; audited as a settings change."""
    from sync.red.setup import red_client, red_online_store

    with red_client(settings) as client:
        store = red_online_store(settings, client, DatabaseTokenStore(database, settings.kind))
        if settings.warehouse_code not in store.warehouse_codes():
            store.create_warehouse(name, zone_code, address, contact_name=contact_name,
                                   contact_tel=contact_tel)  # fmt: skip
        if cover:
            store.set_warehouse_coverage(cover)
        for area in first_in:
            store.put_warehouse_first(area)
    audit.record_action(
        database, till, AuditAction.SETTINGS_CHANGE, staff.id, section="online_store", via=via,
        changes={"warehouse": ["", settings.warehouse_code], "cover": ["", ",".join(cover)]},
    )  # fmt: skip
    return check_warehouse(settings, database)
