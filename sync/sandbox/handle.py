"""Running the sandbox in a background thread of this process, and steering it from Python."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from sync.sandbox.faults import FaultSwitches
from sync.sandbox.limits import RequestLimits
from sync.sandbox.seed import demo_catalog
from sync.sandbox.server import DEMO_WAREHOUSE_CODE, SandboxServer, demo_credentials
from sync.sandbox.state import SandboxState


@dataclass
class SandboxHandle:
    """A sandbox running in a background thread of this process."""

    server: SandboxServer
    thread: threading.Thread
    order_timer: threading.Thread | None = None
    _stopping: threading.Event | None = None

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

    def set_faults(
        self, latency_ms: int | None = None, methods: list[str] | None = None, **rates: float
    ) -> None:
        """Switch faults on (``http_5xx=0.3``); switches not named are turned off."""
        self.server.faults.set(rates, latency_ms=latency_ms, methods=methods)

    def clear_faults(self) -> None:
        self.server.faults.set({})

    def state(self, whcode: str | None = None) -> dict[str, Any]:
        snapshot = self.server.state.snapshot(whcode)
        snapshot["busy_s"] = self.server.busy_s
        snapshot["rate_limited"] = self.server.limits.refused if self.server.limits else 0
        return snapshot

    def enforce_limits(self, limits: RequestLimits | None = None) -> RequestLimits:
        """Refuse calls beyond the platform's rates (-9013) from now on."""
        self.server.limits = limits or RequestLimits()
        return self.server.limits

    def remove_sku(self, sku_id: str) -> None:
        """The merchant deletes a SKU online: it leaves the catalog and its stock."""
        self.server.state.remove_sku(sku_id)

    def authorization_code(self) -> str:
        return self.server.state.new_auth_code()

    def generate_orders(
        self, count: int = 1, *, pickup_share: float = 0.5, other_warehouse_share: float = 0.0
    ) -> list[str]:
        return self.server.state.generate_orders(
            count, self.warehouse_code, pickup_share=pickup_share,
            other_warehouse_share=other_warehouse_share,
        )  # fmt: skip

    def set_order_status(self, order_id: str, status: int) -> None:
        self.server.state.set_order_status(order_id, status)

    def update_sku(self, sku_id: str, **changes: Any) -> None:
        self.server.state.update_sku(sku_id, **changes)

    def advance_clock(self, seconds: float) -> None:
        """Move the platform's clock (token expiry, order times) forward."""
        self.server.state.clock_offset_s += seconds

    def stop(self) -> None:
        if self._stopping is not None:
            self._stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)
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
    state_path: str = ":memory:",
    faults: FaultSwitches | None = None,
    orders_every_s: float | None = None,
    limits: RequestLimits | None = None,
) -> SandboxHandle:
    """Start the sandbox in a background thread, seeded with the demo store's catalog."""
    state = SandboxState(state_path)
    if state.sku_count() == 0:
        state.seed(demo_catalog(skus, seed), warehouse_code, seed=seed)
    app_id, app_secret = demo_credentials(seed)
    server = SandboxServer(
        (host, port), state, faults or FaultSwitches(seed=seed), app_id, app_secret,
        warehouse_code,
    )  # fmt: skip
    thread = threading.Thread(
        target=server.serve_forever, args=(0.05,), name="red-sandbox", daemon=True
    )
    thread.start()
    server.limits = limits
    handle = SandboxHandle(server, thread)
    if orders_every_s:
        stopping = threading.Event()

        def make_orders() -> None:
            while not stopping.wait(orders_every_s):
                state.generate_orders(1, warehouse_code)

        handle._stopping = stopping
        handle.order_timer = threading.Thread(target=make_orders, name="red-orders", daemon=True)
        handle.order_timer.start()
    return handle
