"""``python -m sync.red_sandbox``: run the independent RED sandbox on this computer."""

from __future__ import annotations

import argparse
import sys
import threading

from sync.red_sandbox import (
    DEMO_WAREHOUSE_CODE,
    FaultSwitches,
    RequestLimits,
    parse_fault_option,
    start_sandbox,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sync.red_sandbox",
        description="The RED open platform's gateway on loopback, written from its documents.",
    )
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (default 8765)")
    parser.add_argument("--seed", type=int, default=1, help="catalog and credentials seed")
    parser.add_argument("--skus", type=int, default=200, help="SKUs in the online catalog")
    parser.add_argument("--warehouse", default=DEMO_WAREHOUSE_CODE, help="the store's warehouse")
    parser.add_argument(
        "--no-store-warehouse",
        action="store_true",
        help="the shop has not created the store's warehouse yet (SKUs on CPartner)",
    )
    parser.add_argument("--state", default=":memory:", metavar="FILE", help="keep state in FILE")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="NAME=RATE",
        help="latency, http_5xx, rate_limit, malformed, hostile, reset, lost (repeatable)",
    )
    parser.add_argument("--latency-ms", type=int, default=300, help="delay of the latency fault")
    parser.add_argument("--orders-every", type=float, default=None, metavar="SECONDS")
    parser.add_argument(
        "--enforce-limits", action="store_true", help="100/s per app, 200/s per method"
    )
    args = parser.parse_args(argv)
    try:
        rates = dict(parse_fault_option(text) for text in args.fault)
        faults = FaultSwitches(rates, latency_ms=args.latency_ms, seed=args.seed)
        handle = start_sandbox(
            port=args.port,
            seed=args.seed,
            skus=args.skus,
            warehouse_code=args.warehouse,
            create_store_warehouse=not args.no_store_warehouse,
            state_path=args.state,
            faults=faults,
            orders_every_s=args.orders_every,
            limits=RequestLimits() if args.enforce_limits else None,
        )
    except ValueError as error:
        print(f"red sandbox: {error}", file=sys.stderr)
        return 2
    print("RED sandbox running (Ctrl-C to stop)")
    print(f"  base_url       = {handle.base_url}")
    print(f"  app_id         = {handle.app_id}")
    print(f"  app_secret     = {handle.app_secret}")
    print(f"  warehouse_code = {handle.warehouse_code}")
    print(f"  authorization code (10 minutes) = {handle.authorization_code()}")
    print(f"  more codes: GET {handle.base_url}/_sandbox/code")
    print(f"  state:      GET {handle.base_url}/_sandbox/state")
    sys.stdout.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        handle.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
