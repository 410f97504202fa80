"""``redhome-pos payments reconcile --date D [--json|--csv]``: each configured provider's bill
for day ``D`` (China time) against the payments and refunds the store recorded — lines on one
side only, amount differences, the provider's fees and what it settles. Exit 1 when anything
does not match or a bill could not be had."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    open_store_database,
    reports_errors,
)


def add_reconcile(actions: Any) -> None:
    reconcile = actions.add_parser(
        "reconcile", help="a day's provider bills against the recorded payments and refunds"
    )
    reconcile.add_argument("--date", required=True, type=_day, help="the bill day, YYYY-MM-DD")
    shape = reconcile.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help="the whole report as JSON")
    shape.add_argument("--csv", action="store_true", help="one CSV row per line")
    reconcile.set_defaults(run=run_reconcile)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


@reports_errors
def run_reconcile(args: argparse.Namespace) -> int:
    from redhome_pos.commands.payments import _service
    from redhome_pos.services.settlement import reconcile_day, report_csv, report_dict

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        report = reconcile_day(database, _service(config, database).providers, args.date)
    finally:
        database.dispose()
    if args.json:
        print(json.dumps(report_dict(report), ensure_ascii=False, indent=1))
    elif args.csv:
        print(report_csv(report), end="")
    else:
        print(_text(report_dict(report)))
    return EXIT_OK if report.balanced else EXIT_PROBLEM


def _text(report: dict[str, Any]) -> str:
    from redhome_pos.domain.money import format_fen

    def money(fen: int | None) -> str:
        return "-" if fen is None else format_fen(fen)

    lines = [f"Settlement of {report['day']} (China time)"]
    for t in report["totals"]:
        if t["bill_error"]:
            lines.append(f"{t['provider']}: no bill: {t['bill_error']}")
            continue
        lines.append(
            f"{t['provider']}: bill paid {money(t['bill_paid_fen'])}, refunded "
            f"{money(t['bill_refunded_fen'])}, fees {money(t['fees_fen'])}, settled "
            f"{money(t['settled_fen'])}; recorded paid {money(t['ours_paid_fen'])}, refunded "
            f"{money(t['ours_refunded_fen'])}"
        )
    problems = [line for line in report["lines"] if line["finding"] not in ("matched", "reversed")]
    for line in problems:
        number = line["out_refund_no"] or line["out_trade_no"]
        lines.append(
            f"{line['finding']:<15} {line['provider']:<6} {line['kind']:<7} {number}  "
            f"ours {money(line['ours_fen'])}  bill {money(line['bill_fen'])}  "
            f"{line['receipt_no'] or '-'}  {line['status']}".rstrip()
        )
    matched = len(report["lines"]) - len(problems)
    lines.append(f"{matched} lines match, {len(problems)} do not")
    return "\n".join(lines)
