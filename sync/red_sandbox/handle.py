"""Running the sandbox in a background thread of this process, and steering it from Python."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from sync.red_sandbox import aftersales, catalog, oauth, orders
from sync.red_sandbox import protocol as p
from sync.red_sandbox.catalog import SeedOptions
from sync.red_sandbox.faults import FaultSwitches
from sync.red_sandbox.limits import RequestLimits
from sync.red_sandbox.server import SandboxServer
from sync.red_sandbox.state import SandboxState, red_id

DEMO_WAREHOUSE_CODE = "RH_SH_001"
CENTRAL_WAREHOUSE = catalog.CENTRAL_WAREHOUSE


def demo_credentials(seed: int) -> tuple[str, str]:
    """The demo app id and secret; stable per seed so a demo configuration can hold them."""
    return red_id("red-app", seed)[:20], red_id("red-secret", seed) + red_id("red-s2", seed)[:8]


@dataclass
class SandboxHandle:
    """A sandbox running in a background thread of this process."""

    server: SandboxServer
    thread: threading.Thread
    _stopping: threading.Event = field(default_factory=threading.Event)
    _timer: threading.Thread | None = None

    # --- where and who -------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def app_id(self) -> str:
        return self.server.app_id

    @property
    def app_secret(self) -> str:
        return self.server.app_secret

    @property
    def warehouse_code(self) -> str:
        return self.server.warehouse_code

    @property
    def sandbox_state(self) -> SandboxState:
        return self.server.state

    def authorization_code(self) -> str:
        """A fresh authorization code, as the approval page's redirect would carry (10 minutes)."""
        return oauth.new_code(self.server.state)

    # --- faults, limits, clock -------------------------------------------------------------------

    def set_faults(
        self, latency_ms: int | None = None, methods: list[str] | None = None, **rates: float
    ) -> None:
        """Switch faults on (``http_5xx=0.3``); switches not named are turned off."""
        self.server.faults.set(rates, latency_ms=latency_ms, methods=methods)

    def clear_faults(self) -> None:
        self.server.faults.set({})

    def enforce_limits(self, limits: RequestLimits | None = None) -> RequestLimits:
        """Refuse calls beyond the platform's rates (-9013) from now on."""
        self.server.limits = limits or RequestLimits()
        return self.server.limits

    def advance_clock(self, seconds: float) -> int:
        """Move the platform's clock (token expiry, order and after-sale times) forward."""
        return self.server.state.advance_clock(seconds)

    def state(self, whcode: str | None = None) -> dict[str, Any]:
        """What the platform holds: stock, orders, parcels, after-sales, calls, decrypt use."""
        return self.server.describe(whcode)

    # --- the merchant's own back office -------------------------------------------------------

    def update_sku(self, sku_id: str, **changes: Any) -> None:
        """``price=…``, ``barcode=…``, ``buyable=False``, ``stockLocked=True``,
        ``isChannel=True``, ``multiWarehouse=False`` …"""
        catalog.update_sku(self.server.state, sku_id, **changes)

    def enable_multi_warehouse(self, whcode: str | None = None) -> int:
        """Turn multi-warehouse stock on for every item on ``CPartner`` (after
        ``warehouse.create``): their stock moves to ``whcode`` (the store's by default)."""
        return catalog.enable_multi_warehouse(self.server.state, whcode or self.warehouse_code)

    def remove_sku(self, sku_id: str) -> None:
        catalog.remove_sku(self.server.state, sku_id)

    def set_stock(self, sku_id: str, whcode: str, total: int) -> None:
        """The merchant types a SKU's total stock of one warehouse in the seller centre."""
        with self.server.state.writing() as db:
            changed = db.execute(
                "UPDATE stock SET total = ? WHERE sku_id = ? AND whcode = ?",
                (total, sku_id, whcode),
            ).rowcount
        if not changed:
            raise ValueError(f"SKU {sku_id} has no stock row in warehouse {whcode}")

    def add_sku(
        self, name: str, *, price: int, barcode: str = "", erp_code: str = "",
        stock_units: int = 0, original_price: int | None = None,
    ) -> str:  # fmt: skip
        """The merchant creates a new item of one SKU in the seller centre; its skuId."""
        return catalog.add_sku(
            self.server.state, name, price=price, barcode=barcode, erp_code=erp_code,
            stock_units=stock_units, original_price=original_price, whcode=self.warehouse_code,
        )  # fmt: skip

    def add_pack(self, sku_id: str, ipq: int) -> str:
        """A new SKU selling ``ipq`` units of ``sku_id`` together (stock from the single)."""
        return catalog.add_bundle(self.server.state, [(sku_id, ipq)])

    def add_bundle(self, parts: list[tuple[str, int]], name: str | None = None) -> str:
        return catalog.add_bundle(self.server.state, parts, name=name)

    def set_decrypt_quota(self, quota: int | None) -> None:
        """Decryptions allowed today from now on (None: unlimited)."""
        state = self.server.state
        state.set_meta("decrypt_quota", str(-1 if quota is None else quota))
        state.set_meta("decrypt_used", "0")

    def set_decrypt_failing(self, failing: bool = True) -> None:
        """Make the platform's quota service fail (-2000702 for every decryption)."""
        self.server.state.set_meta("decrypt_failing", "1" if failing else "0")

    # --- buyers and the platform -------------------------------------------------------------

    def generate_orders(
        self,
        count: int = 1,
        *,
        pickup_share: float = 0.5,
        other_warehouse_share: float = 0.0,
        status: int = p.STATUS_AWAITING_SHIPMENT,
        order_type: int = 1,
        whcode: str | None = None,
        sku_ids: list[str] | None = None,
        quantity: int | None = None,
        only_available: bool = False,
    ) -> list[str]:
        """New paid orders; ``pickup_share`` of them wholly of lines with ``deliveryMode`` 1.
        A buyer choosing ``sku_ids`` buys ``quantity`` units of each (else 1–2); with
        ``only_available`` no more than is available in the warehouse the order goes to
        (ValueError: sold out), as the shop page sells."""
        return orders.generate_orders(
            self.server.state,
            count,
            pickup_share=pickup_share,
            other_warehouse_share=other_warehouse_share,
            status=status,
            order_type=order_type,
            whcode=whcode,
            sku_ids=sku_ids,
            quantity=quantity,
            only_available=only_available,
        )

    def set_order_status(self, order_id: str, status: int) -> None:
        orders.set_order_status(self.server.state, order_id, status)

    def request_cancel(self, order_id: str) -> str:
        """The buyer asks to cancel (cancelStatus 1): a refund before shipment, awaiting review."""
        return aftersales.create_after_sale(
            self.server.state, order_id, p.REFUND_BEFORE_SHIPMENT, reason="买家申请取消订单"
        )

    def change_address(self, order_id: str) -> str:
        """The buyer changes the receiver; returns the new openAddressId."""
        return orders.change_address(self.server.state, order_id)

    def receiver_plaintext(self, order_id: str) -> dict[str, str]:
        return orders.receiver_plaintext(self.server.state, order_id)

    def create_after_sale(
        self, order_id: str, return_type: int, sku_ids: list[str] | None = None
    ) -> str:
        """1 return, 2 exchange, 4 refund after shipment, 5 refund before shipment."""
        return aftersales.create_after_sale(
            self.server.state, order_id, return_type, sku_ids=sku_ids
        )

    def buyer_ships_return(self, returns_id: str) -> None:
        aftersales.buyer_ships_return(self.server.state, returns_id)

    def buyer_withdraws(self, returns_id: str) -> None:
        aftersales.buyer_cancels(self.server.state, returns_id)

    def buyer_confirms_exchange(self, returns_id: str) -> None:
        aftersales.buyer_confirms_exchange(self.server.state, returns_id)

    def fast_refund(self, returns_id: str) -> None:
        """The platform refunds a pending refund on its own."""
        aftersales.approve_cancel(self.server.state, returns_id)

    # --- life ----------------------------------------------------------------------------------

    def stop(self) -> None:
        self._stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
        if self._timer is not None:
            self._timer.join(timeout=5)
        self.server.state.close()

    def __enter__(self) -> SandboxHandle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_sandbox(
    port: int = 0,
    seed: int = 1,
    skus: int = 200,
    *,
    host: str = "127.0.0.1",
    warehouse_code: str = DEMO_WAREHOUSE_CODE,
    create_store_warehouse: bool = True,
    no_logistics_share: float = 0.5,
    state_path: str = ":memory:",
    faults: FaultSwitches | None = None,
    orders_every_s: float | None = None,
    limits: RequestLimits | None = None,
) -> SandboxHandle:
    """Start the sandbox in a background thread, seeded with the demo store's catalog.

    ``create_store_warehouse=False`` leaves the shop without the store's warehouse (and its
    SKUs on the default warehouse ``CPartner``), as a shop looks before ``warehouse.create``.
    """
    if not p.WAREHOUSE_CODE_RE.fullmatch(warehouse_code):
        raise ValueError(f"{warehouse_code!r} is not a valid warehouse code (letters, digits, _)")
    app_id, app_secret = demo_credentials(seed)
    state = SandboxState(state_path, app_secret=app_secret)
    if state.sku_count() == 0:
        catalog.seed_shop(
            state,
            SeedOptions(
                skus=skus,
                seed=seed,
                warehouse_code=warehouse_code,
                create_store_warehouse=create_store_warehouse,
                no_logistics_share=no_logistics_share,
            ),
        )
    server = SandboxServer(
        (host, port),
        state,
        faults or FaultSwitches(seed=seed),
        app_id,
        app_secret,
        warehouse_code,
    )
    server.limits = limits
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="red-sandbox", daemon=True
    )
    thread.start()
    handle = SandboxHandle(server, thread)
    if orders_every_s:

        def make_orders() -> None:
            while not handle._stopping.wait(orders_every_s):
                orders.generate_orders(state, 1)

        handle._timer = threading.Thread(target=make_orders, name="red-sandbox-orders", daemon=True)
        handle._timer.start()
    return handle
