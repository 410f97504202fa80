"""``redhome-pos sandbox``: run the RED sandbox (the online store for the demo and tests)."""

from __future__ import annotations

import argparse
import sys
import threading
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="run the RED open-platform sandbox on this computer (demo online store)",
    )
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765)")
    parser.add_argument("--seed", type=int, default=1, help="catalog and credentials seed")
    parser.add_argument("--skus", type=int, default=200, help="SKUs in the online catalog")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="NAME=RATE",
        help="switch a fault on, RATE 0..1: latency, http_5xx, rate_limit, malformed, "
        "hostile, reset, lost (repeatable)",
    )
    parser.add_argument("--latency-ms", type=int, default=300, help="delay of the latency fault")
    parser.add_argument("--warehouse", default=None, help="the demo store's warehouse code")
    parser.add_argument(
        "--state", default=":memory:", metavar="FILE", help="keep the sandbox's state in FILE"
    )
    parser.add_argument(
        "--orders-every",
        type=float,
        default=None,
        metavar="SECONDS",
        help="generate a new online order for the store this often",
    )
    parser.add_argument(
        "--enforce-limits",
        action="store_true",
        help="refuse calls beyond the platform's rates (100/s per app, 200/s per method)",
    )
    parser.set_defaults(run=run_sandbox)


def run_sandbox(args: argparse.Namespace) -> int:
    from sync.red_sandbox import (
        DEMO_WAREHOUSE_CODE,
        FaultSwitches,
        RequestLimits,
        parse_fault_option,
        start_sandbox,
    )

    try:
        rates = dict(parse_fault_option(text) for text in args.fault)
        faults = FaultSwitches(rates, latency_ms=args.latency_ms, seed=args.seed)
    except ValueError as error:
        print(f"redhome-pos sandbox: {error}")
        return 2
    handle = start_sandbox(
        port=args.port,
        seed=args.seed,
        skus=args.skus,
        warehouse_code=args.warehouse or DEMO_WAREHOUSE_CODE,
        state_path=args.state,
        faults=faults,
        orders_every_s=args.orders_every,
        limits=RequestLimits() if args.enforce_limits else None,
    )
    print("RED sandbox running (Ctrl-C to stop)")
    print(f"  base_url       = {handle.base_url}")
    print(f"  app_id         = {handle.app_id}")
    print(f"  app_secret     = {handle.app_secret}")
    print(f"  warehouse_code = {handle.warehouse_code}")
    print(f"  SKUs           = {handle.sandbox_state.sku_count()}")
    print(f"  demo authorization code (valid 10 minutes) = {handle.authorization_code()}")
    print(f"  more codes: GET {handle.base_url}/_sandbox/code")
    print(f"  state:      GET {handle.base_url}/_sandbox/state")
    if rates:
        print(f"  faults: {faults.describe()}")
    sys.stdout.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        handle.stop()
    return 0
