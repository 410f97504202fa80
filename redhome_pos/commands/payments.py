"""``redhome-pos payments charge|refund|refund-cash|status|reconcile``: a manager's test
payment through the same charge service the counter uses, refunds of payments no sale holds,
refused refunds paid in cash, and the attempts' states.

``charge`` needs a manager (``--staff CODE``, PIN on stdin or at a prompt) and prints the
attempt's state, ``out_trade_no`` and the provider's transaction id (``--json`` for scripts);
Ctrl-C while the customer enters the password cancels (the order is reversed). ``refund``
pays back a paid-without-sale or test payment (a sale's payment is refunded by a return);
``refund-cash`` pays a refund the provider refused in cash instead (a manager, audited).
``status`` lists recent attempts, or with ``--unfinished`` those still open, the payments no
sale holds and the refunds not confirmed; ``--resolve`` settles the open ones with the
providers first, as the counter does on start-up. ``reconcile`` sets a day's provider bills
against what was recorded (``commands.payments_reconcile``).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
from typing import TYPE_CHECKING, Any

from redhome_pos.commands._actor import add_actor_options, log_in
from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    open_store_database,
    reports_errors,
)

if TYPE_CHECKING:
    from redhome_pos.config import Config
    from redhome_pos.persistence.database import Database
    from redhome_pos.services.payments import Payments


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "payments", help="test payments, refunds and the state of WeChat Pay / Alipay charges"
    )
    actions = parser.add_subparsers(dest="payments_action", metavar="ACTION", required=True)
    charge = actions.add_parser("charge", help="a manager's test payment by payment code")
    charge.add_argument("--provider", choices=("wechat", "alipay"), required=True)
    charge.add_argument("--amount", required=True, help="in yuan, e.g. 0.01")
    charge.add_argument("--code", required=True, help="the customer's payment code (scanned)")
    charge.add_argument("--json", action="store_true", help="print the attempt as JSON")
    add_actor_options(charge, "the manager")
    charge.set_defaults(run=run_charge)
    refund = actions.add_parser("refund", help="refund a payment that no sale holds")
    refund.add_argument("out_trade_no", metavar="OUT_TRADE_NO")
    refund.add_argument("--amount", help="in yuan (default: all that is left)")
    refund.add_argument("--reason", required=True)
    refund.add_argument("--json", action="store_true")
    add_actor_options(refund, "the manager")
    refund.set_defaults(run=run_refund)
    cash = actions.add_parser(
        "refund-cash", help="pay in cash a refund the provider refused (a return's or void's)"
    )
    cash.add_argument("out_refund_no", metavar="OUT_REFUND_NO")
    cash.add_argument("--reason", required=True)
    cash.add_argument("--json", action="store_true")
    add_actor_options(cash, "the manager")
    cash.set_defaults(run=run_refund_cash)
    status = actions.add_parser("status", help="recent attempts, or the unfinished ones")
    status.add_argument("--unfinished", action="store_true", help="only what needs attention")
    status.add_argument("--resolve", action="store_true", help="settle open attempts first")
    status.add_argument("--all-terminals", action="store_true")
    status.add_argument("--limit", type=int, default=20)
    status.add_argument("--json", action="store_true")
    status.set_defaults(run=run_status)
    from redhome_pos.commands.payment_keys import add_key_commands
    from redhome_pos.commands.payments_reconcile import add_reconcile

    add_reconcile(actions)
    add_key_commands(actions)


def _service(config: Config, database: Database) -> Payments:
    from payments.setup import payments_from_config
    from redhome_pos.domain.payments import PaymentError

    payments = payments_from_config(config, database)
    if payments is None:
        raise PaymentError(
            "No payment provider is configured: set up [payments.wechat] or [payments.alipay]"
        )
    return payments


def _fen(text: str) -> int:
    from redhome_pos.domain.money import parse_fen

    return parse_fen(text, allow_zero=False)


def _line(attempt: dict[str, Any]) -> str:
    from redhome_pos.domain.money import format_fen

    parts = [
        attempt["state"].ljust(9),
        attempt["provider"].ljust(6),
        format_fen(attempt["amount_fen"]).rjust(10),
        attempt["out_trade_no"],
        attempt["transaction_id"] or "-",
    ]
    if attempt["receipt_no"]:
        parts.append(f"sale {attempt['receipt_no']}")
    if attempt["refunded_fen"]:
        parts.append(f"refunded {format_fen(attempt['refunded_fen'])}")
    if attempt["reason_code"] or attempt["reason"]:
        parts.append(f"({attempt['reason_code']} {attempt['reason']})".replace("( ", "("))
    return "  ".join(parts)


@reports_errors
def run_charge(args: argparse.Namespace) -> int:
    from redhome_pos.domain.payments import PaymentError, WalletProvider
    from redhome_pos.services.counter import Till
    from redhome_pos.services.payments import ChargeProgress, WalletPayment, describe_attempt

    config = load_app_config(args)
    amount = _fen(args.amount)
    database = open_store_database(config)
    try:
        payments = _service(config, database)
        staff = log_in(database, Till.from_config(config), args)
        wallet = WalletPayment(WalletProvider(args.provider), args.code.strip(), amount)
        cancel = threading.Event()
        outcome: dict[str, Any] = {}

        def progress(update: ChargeProgress) -> None:
            words = {"paying": "waiting for the customer's password", "unknown": "asking the "
                     "provider", "reversing": "reversing"}  # fmt: skip
            print(f"{words.get(update.state.value, update.state.value)}… "
                  f"{update.waited_s:.0f} s", file=sys.stderr)  # fmt: skip

        def work() -> None:
            try:
                outcome["attempt"] = payments.charge_only(
                    staff, wallet, on_progress=progress, cancel=cancel
                )
            except BaseException as error:  # handed to the main thread
                outcome["error"] = error

        worker = threading.Thread(target=work, name="payments-charge")
        worker.start()
        try:
            while worker.is_alive():
                worker.join(0.2)
        except KeyboardInterrupt:
            print("cancelling: the order is reversed…", file=sys.stderr)
            cancel.set()
            worker.join()
        error = outcome.get("error")
        if isinstance(error, PaymentError):
            print(str(error), file=sys.stderr)
            recent = [a for a in payments.recent(1)]
            if args.json and recent:
                print(json.dumps(describe_attempt(recent[0]), ensure_ascii=False))
            return EXIT_PROBLEM
        if error is not None:
            raise error
        data = describe_attempt(outcome["attempt"])
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"{data['state']}  out_trade_no {data['out_trade_no']}  "
              f"transaction_id {data['transaction_id']}")  # fmt: skip
    return EXIT_OK


@reports_errors
def run_refund(args: argparse.Namespace) -> int:
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    amount = _fen(args.amount) if args.amount else None
    database = open_store_database(config)
    try:
        payments = _service(config, database)
        staff = log_in(database, Till.from_config(config), args)
        refund = payments.refund_attempt(
            staff, args.out_trade_no.strip(), reason=args.reason, amount_fen=amount
        )
    finally:
        database.dispose()
    data = {
        "out_refund_no": refund.out_refund_no,
        "out_trade_no": refund.out_trade_no,
        "amount_fen": refund.amount_fen,
        "state": refund.state.value,
        "refund_id": refund.refund_id,
        "reason_code": refund.reason_code,
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"{data['state']}  out_refund_no {data['out_refund_no']}  "
              f"refund_id {data['refund_id'] or '-'}")  # fmt: skip
    return EXIT_OK if refund.state.value == "success" else EXIT_PROBLEM


@reports_errors
def run_refund_cash(args: argparse.Namespace) -> int:
    """A refund the provider refused (``payments status --unfinished`` lists it) paid in cash
    at this counter's open shift instead: a manager, with a reason, audited."""
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        payments = _service(config, database)
        staff = log_in(database, Till.from_config(config), args)
        refund = payments.refund_in_cash(staff, args.out_refund_no.strip(), reason=args.reason)
    finally:
        database.dispose()
    data = {
        "out_refund_no": refund.out_refund_no,
        "out_trade_no": refund.out_trade_no,
        "amount_fen": refund.amount_fen,
        "state": refund.state.value,
    }
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(f"{data['state']}  out_refund_no {data['out_refund_no']}  {data['amount_fen']} fen")
    return EXIT_OK


@reports_errors
def run_status(args: argparse.Namespace) -> int:
    from redhome_pos.services.payments import describe_attempt, describe_refund

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        payments = _service(config, database)
        if args.resolve:
            payments.resolve_unfinished(all_terminals=args.all_terminals)
        if args.unfinished:
            attempts = payments.unfinished(all_terminals=args.all_terminals)
            attempts += payments.paid_without_sale()
            refunds = payments.refunds_waiting()
        else:
            attempts = payments.recent(args.limit)
            refunds = []
    finally:
        database.dispose()
    rows = [describe_attempt(a) for a in attempts]
    waiting = [describe_refund(r) for r in refunds]
    if args.json:
        print(json.dumps({"attempts": rows, "refunds": waiting}, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            print(_line(row))
        for refund in waiting:
            receipt, written = refund["receipt_no"] or "-", refund["created_at"] or "-"
            print(f"refund {refund['state']:<10} {refund['out_refund_no']}  "
                  f"{refund['amount_fen']} fen  {refund['reason_code']}  "
                  f"receipt {receipt}  {written}")  # fmt: skip
        if not rows and not waiting:
            print("nothing to show" if args.unfinished else "no payments yet")
    open_ones = [r for r in rows if r["state"] in ("created", "paying", "unknown", "reversing")]
    return EXIT_PROBLEM if args.unfinished and (rows or waiting) and open_ones else EXIT_OK
