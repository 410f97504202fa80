"""``redhome-pos payments-sandbox``: WeChat Pay and Alipay on this computer, for the demo."""

from __future__ import annotations

import argparse
import sys
import threading
from typing import Any

DEFAULT_PORT = 8766


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "payments-sandbox",
        help="run the WeChat Pay / Alipay sandbox on this computer (demo and tests)",
        description="Serve WeChat Pay (APIv3 and APIv2) and Alipay's gateway on 127.0.0.1 and "
        "print the configuration lines a store pastes into [payments.wechat] and "
        "[payments.alipay]. Payment codes choose behaviours by their last digits "
        "(docs/payments-sandbox.md).",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port on 127.0.0.1 (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--state", default=None, metavar="FILE",
        help="keep orders and refunds in FILE so they survive a restart (keys in FILE.keys/)",
    )  # fmt: skip
    parser.add_argument("--keys", default=None, metavar="DIR", help="key directory")
    parser.add_argument(
        "--merchant-public-key", default=None, metavar="FILE",
        help="check WeChat Pay requests with this merchant public key (default: a demo key)",
    )  # fmt: skip
    parser.add_argument(
        "--app-public-key", default=None, metavar="FILE",
        help="check Alipay requests with this app public key (default: a demo key)",
    )  # fmt: skip
    parser.add_argument(
        "--refund-delay", type=float, default=0.0, metavar="SECONDS",
        help="WeChat Pay refunds stay PROCESSING this long (default 0)",
    )  # fmt: skip
    parser.add_argument(
        "--bills-anytime", action="store_true",
        help="serve a day's bill at once instead of from 09:00 the next day",
    )  # fmt: skip
    parser.set_defaults(run=run_payments_sandbox)


def run_payments_sandbox(args: argparse.Namespace) -> int:
    from payments.sandbox import SUFFIXES, start_payments_sandbox

    try:
        handle = start_payments_sandbox(
            args.port, state_path=args.state, key_dir=args.keys,
            merchant_public_key_file=args.merchant_public_key,
            app_public_key_file=args.app_public_key, refund_delay_s=args.refund_delay,
            bills_anytime=args.bills_anytime,
        )  # fmt: skip
    except (OSError, ValueError) as error:
        print(f"redhome-pos payments-sandbox: {error}", file=sys.stderr)
        return 2
    lines = handle.config_lines()
    print("Payments sandbox running (Ctrl-C to stop)")
    print(f"  keys:  {handle.key_dir}")
    print(f"  state: GET {handle.base_url}/_sandbox/state")
    print(f"  switch the next call: POST {handle.base_url}/_sandbox/switch")
    print("  payment codes: WeChat 18 digits starting 10-15, Alipay 16-24 digits starting 25-30;")
    endings = ", ".join(f"…{ending} {name}" for ending, name in SUFFIXES.items())
    print(f"  last two digits choose: {endings}; any other ending pays at once")
    print()
    print("[payments.wechat]")
    print("\n".join(lines["wechat"]))
    print()
    print("[payments.alipay]")
    print("\n".join(lines["alipay"]))
    sys.stdout.flush()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        handle.stop()
    return 0
