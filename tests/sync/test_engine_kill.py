"""``redhome-pos sync`` killed with SIGKILL in mid-run, then started again, converges: the
online stock equals the store's on-hand and every order is delivered exactly once.

Everything a person would run is run as a separate process with a config file, against the
RED sandbox over HTTP on loopback.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services.counter import Till
from redhome_pos.services.staff import login
from redhome_pos.services.stock import receive
from sync.fulfilment import request_delivery
from sync.red import api
from sync.red_sandbox import SandboxHandle, start_sandbox

pytestmark = pytest.mark.slow


@pytest.fixture
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(port=0, seed=5, skus=300) as handle:
        yield handle


@pytest.fixture
def home(tmp_path: Path, sandbox: SandboxHandle) -> Path:
    (tmp_path / "config.toml").write_text(
        f"""terminal_id = "POS-01"
[store]
code = "SH-01"
[database]
url = "sqlite:///{tmp_path / "store.db"}"
[paths]
data_dir = "{tmp_path / "data"}"
log_dir = "{tmp_path / "logs"}"
[online_store]
base_url = "{sandbox.base_url}"
app_id = "{sandbox.app_id}"
app_secret = "{sandbox.app_secret}"
warehouse_code = "{sandbox.warehouse_code}"
enabled = true
""",
        encoding="utf-8",
    )
    return tmp_path


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDHOME_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "xdg-config"))
    env.update(XDG_DATA_HOME=str(home / "xdg-data"), XDG_STATE_HOME=str(home / "xdg-state"))
    return env


def _command(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "redhome_pos", "--config", str(home / "config.toml"), *args]


MANAGER = ("--staff", "9001", "--pin-stdin")  # made by ``first_manager``; PIN on stdin
MANAGER_PIN = "24681357\n"


def redhome(home: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(home, *args), capture_output=True, text=True, env=_env(home), cwd=home,
        timeout=300, input=stdin,
    )  # fmt: skip


def first_manager(home: Path) -> None:
    made = redhome(home, "staff", "add", "9001", "店长", "--role", "manager", stdin=MANAGER_PIN)
    assert made.returncode == 0, made.stderr


def as_manager(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return redhome(home, *args, *MANAGER, stdin=MANAGER_PIN)


def store_levels(database: Database) -> dict[str, int]:
    """The figure the online store's total should show per online SKU id: the on-hand less
    the units of the store's paid online orders still on the shelf (the platform took them
    off its total at payment), never below zero (an online order handed over beyond the books
    takes the store below zero; online it stays at 0)."""
    with database.reading() as session:
        rows = session.execute(
            select(SkuRow.id, SkuRow.red_sku_id, StockLevelRow.on_hand)
            .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
            .where(SkuRow.red_sku_id.is_not(None))
        ).all()
        held = SyncRepository(session).held_online()
    return {str(red): max(0, int(on_hand) - held.get(sku, 0)) for sku, red, on_hand in rows}


def inspect(sandbox: SandboxHandle, whcode: str = "") -> dict[str, Any]:
    """The sandbox's state through its inspection endpoint (HTTP on loopback)."""
    query = f"?whcode={whcode}" if whcode else ""
    with urllib.request.urlopen(f"{sandbox.base_url}/_sandbox/state{query}", timeout=30) as answer:
        state: dict[str, Any] = json.loads(answer.read())
    return state


def online_levels(sandbox: SandboxHandle) -> dict[str, int]:
    stock = inspect(sandbox, sandbox.warehouse_code)["stock"]
    return {sku: by_wh[sandbox.warehouse_code] for sku, by_wh in stock.items()}


def calls(sandbox: SandboxHandle, method: str) -> int:
    return int(inspect(sandbox)["calls"].get(method, 0))


def test_connecting_a_store_and_its_opening_stock_from_a_count(
    home: Path, sandbox: SandboxHandle
) -> None:
    authorize = redhome(home, "online-store", "authorize")
    assert authorize.returncode == 0, authorize.stderr
    assert f"{sandbox.base_url}{api.AUTHORIZATION_PATH}?appId={sandbox.app_id}" in authorize.stdout
    code = sandbox.authorization_code()
    first_manager(home)
    connect = as_manager(home, "online-store", "connect", code)
    assert connect.returncode == 0, connect.stderr
    assert "Connected to" in connect.stdout
    assert code not in connect.stdout
    # The same code again gives the same tokens (the documents say so) until it expires; an
    # expired one is refused with one clear line.
    sandbox.advance_clock(10 * 60 + 5)
    again = as_manager(home, "online-store", "connect", code)
    assert again.returncode == 1 and again.stderr.startswith("redhome-pos: ")
    assert "Traceback" not in again.stderr
    assert redhome(home, "sync", "--once").returncode == 0

    database = Database(f"sqlite:///{home / 'store.db'}")
    try:
        with database.reading() as session:
            tokens = SyncRepository(session).tokens("red")
            codes = session.scalars(select(SkuRow.code).order_by(SkuRow.id).limit(2)).all()
        assert tokens is not None
        assert tokens.access_token not in connect.stdout + connect.stderr
        logs = "".join(p.read_text() for p in (home / "logs").rglob("*") if p.is_file())
        assert tokens.access_token not in logs and tokens.refresh_token not in logs

        (home / "count.csv").write_text(f"code,units\n{codes[0]},7\n{codes[1]},0\n")
        done = as_manager(home, "online-store", "opening-stock", "--count", str(home / "count.csv"))
        assert done.returncode == 0, done.stderr
        assert "taken from the count: 7 units added, 0 removed" in done.stdout
        with database.reading() as session:
            levels = dict(
                session.execute(
                    select(SkuRow.code, StockLevelRow.on_hand).join(
                        StockLevelRow, StockLevelRow.sku_id == SkuRow.id
                    )
                ).all()
            )
        assert (levels[codes[0]], levels[codes[1]]) == (7, 0)
        twice = as_manager(home, "online-store", "opening-stock")
        assert twice.returncode == 1 and "already been taken" in twice.stderr
    finally:
        database.dispose()


def _run_until(sandbox: SandboxHandle, home: Path, method: str, count: int) -> None:
    """Start ``redhome-pos sync`` and SIGKILL it once ``count`` more ``method`` calls came."""
    before = calls(sandbox, method)
    process = subprocess.Popen(
        _command(home, "sync"), env=_env(home), cwd=home,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while calls(sandbox, method) < before + count:
            assert process.poll() is None, "the sync process ended by itself"
            assert time.monotonic() < deadline, "the sync process never got going"
            time.sleep(0.02)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)


def test_sync_killed_mid_run_and_started_again_converges(
    home: Path, sandbox: SandboxHandle
) -> None:
    first_manager(home)
    assert as_manager(home, "online-store", "connect", sandbox.authorization_code()).returncode == 0
    first = redhome(home, "sync", "--once")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "catalog: 300 SKUs read" in first.stdout
    assert as_manager(home, "online-store", "opening-stock").returncode == 0

    orders = sandbox.generate_orders(10, pickup_share=0.5)
    assert redhome(home, "sync", "--once").returncode == 0
    database = Database(f"sqlite:///{home / 'store.db'}")
    try:
        with database.reading() as session:
            stored = SyncRepository(session).orders()
            sku_ids = session.scalars(select(SkuRow.id).order_by(SkuRow.id)).all()
        assert {o.order_id for o in stored} == set(orders)
        manager = login(database, Till("SH-01", "POS-01"), "9001", MANAGER_PIN.strip())
        for order in stored:
            pickup = order.fulfilment == "pickup"
            request_delivery(
                database, order.order_id, terminal_id="POS-01", pickup=pickup,
                express_no="" if pickup else f"SF{order.order_id[-6:]}",
                company_code="" if pickup else "shunfeng", staff=manager,
            )  # fmt: skip
        for sku_id in sku_ids[:150]:
            receive(database, sku_id, 3, terminal_id="POS-01", staff=manager)

        # Slow answers, so each kill lands while calls are going out: first in the middle of
        # the deliveries, then, started again, in the middle of the stock pushes.
        sandbox.set_faults(latency=1.0, latency_ms=40)
        _run_until(sandbox, home, api.ORDER_DELIVER, 2)
        delivered = inspect(sandbox)["deliveries"]
        assert 0 < sum(d["count"] for d in delivered.values()) < len(orders)
        sandbox.set_faults(latency=1.0, latency_ms=15)
        _run_until(sandbox, home, api.SYNC_SKU_STOCK_V2, 40)
        sandbox.clear_faults()
        assert store_levels(database) != online_levels(sandbox)  # cut off mid-way

        again = redhome(home, "sync", "--once")
        assert again.returncode == 0, again.stdout + again.stderr
        assert store_levels(database) == online_levels(sandbox)
        deliveries = inspect(sandbox)["deliveries"]
        assert {o: deliveries[o]["count"] for o in orders} == {o: 1 for o in orders}
        status = redhome(home, "online-store", "status")
        assert status.returncode == 0 and "online store: online" in status.stdout
        assert "waiting: 0 stock changes, 0 deliveries" in status.stdout
    finally:
        database.dispose()


def test_sync_refuses_while_the_online_store_is_switched_off(home: Path) -> None:
    config = home / "config.toml"
    config.write_text(config.read_text().replace("enabled = true", "enabled = false"))
    result = redhome(home, "sync", "--once")
    assert result.returncode == 2
    assert "enabled = true" in result.stderr and "Traceback" not in result.stderr


def test_sync_killed_amid_returns_and_cancellations_converges(
    home: Path, sandbox: SandboxHandle
) -> None:
    """Returns received here are confirmed online exactly once in effect (each refunded once)
    and cancellations stop their picks, however often the sync process is killed."""
    from sync.after_sales import receive_return
    from sync.red.client import RedClient
    from sync.red.oauth import MemoryTokenStore, RedAuthorizer

    first_manager(home)
    code = sandbox.authorization_code()
    assert as_manager(home, "online-store", "connect", code).returncode == 0
    assert redhome(home, "sync", "--once").returncode == 0
    assert as_manager(home, "online-store", "opening-stock").returncode == 0
    shipped = sandbox.generate_orders(5, pickup_share=0.0)
    assert redhome(home, "sync", "--once").returncode == 0
    database = Database(f"sqlite:///{home / 'store.db'}")
    try:
        manager = login(database, Till("SH-01", "POS-01"), "9001", MANAGER_PIN.strip())
        for order_id in shipped:
            request_delivery(database, order_id, terminal_id="POS-01", pickup=False,
                             express_no=f"SF{order_id[-6:]}", company_code="shunfeng",
                             staff=manager)  # fmt: skip
        assert redhome(home, "sync", "--once").returncode == 0
        returns = []
        with RedClient(sandbox.base_url, sandbox.app_id, sandbox.app_secret) as gateway:
            # The same code again gives the store's own tokens (the documents say so).
            tokens = RedAuthorizer(gateway, MemoryTokenStore(), redirect_uri="http://x/").connect(
                code
            )
            for order_id in shipped:
                returns_id = sandbox.create_after_sale(order_id, api.RETURN_TYPE_RETURN)
                gateway.call(  # the manager approves in the seller centre
                    "afterSale.auditReturns",
                    {"returnsId": returns_id, "action": 2,
                     "receiverInfo": {"sellerAddressRecordId": 1}},
                    access_token=tokens.access_token,
                )  # fmt: skip
                sandbox.buyer_ships_return(returns_id)
                returns.append(returns_id)
        picking = sandbox.generate_orders(4, pickup_share=1.0)
        assert redhome(home, "sync", "--once").returncode == 0
        for order_id in picking:
            sandbox.request_cancel(order_id)
        for returns_id in returns:
            with database.reading() as session:
                stored = SyncRepository(session).after_sale(returns_id)
                assert stored is not None and stored.status == 3
                units = [
                    sku
                    for red, qty in stored.lines
                    for sku in [session.scalar(select(SkuRow.id).where(SkuRow.red_sku_id == red))]
                    for _ in range(qty)
                ]
            receive_return(database, returns_id, units, terminal_id="POS-01", staff=manager)

        # Killed amid the after-sales pull, then amid the receipt confirmations.
        sandbox.set_faults(latency=1.0, latency_ms=60)
        _run_until(sandbox, home, api.LIST_AFTER_SALE_INFOS, 1)
        _run_until(sandbox, home, api.CONFIRM_RECEIVE, 2)
        sandbox.clear_faults()

        again = redhome(home, "sync", "--once")
        assert again.returncode == 0, again.stdout + again.stderr
        online = inspect(sandbox)["after_sales"]
        assert [online[r]["status"] for r in returns] == [4] * len(returns)  # each refunded
        with database.reading() as session:
            repo = SyncRepository(session)
            assert {repo.after_sale(r).confirm_state for r in returns} == {"confirmed"}  # type: ignore[union-attr]
            for order_id in picking:
                order = repo.order(order_id)
                assert order is not None and order.cancel_requested
            lines = [line for o in picking for line in repo.order(o).lines]  # type: ignore[union-attr]
            assert not set(repo.reserved()) & {line.sku_id for line in lines}
        # The sandbox takes a paid order's units off the online total while the buyer's cancel
        # is still open; those SKUs are left out, every other figure (returns too) is the store's.
        open_cancels = {line.red_sku_id for line in lines}
        here, there = store_levels(database), online_levels(sandbox)
        assert {k: v for k, v in here.items() if k not in open_cancels} == {
            k: v for k, v in there.items() if k not in open_cancels
        }
    finally:
        database.dispose()
