"""``redhome-pos receive ...``: receiving deliveries from the command line.

``receive note FILE [--reference NO]`` opens a delivery from its delivery note (CSV),
``receive scan DELIVERY CODE [--quantity N] [--lot L --expiry D]`` counts units received (a
carton's GS1 code counts its units into its lot), ``receive show DELIVERY``
prints expected against received, ``receive post DELIVERY`` books the stock.
``receive labels --delivery ID [--copies N] [--datamatrix]`` queues a label for each lot
received (批号, 有效期至 and a GS1-128, or a GS1 DataMatrix, of GTIN + expiry + lot) on the
label printer; ``--now`` prints them
at once instead of leaving them to the running program's print queue.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from redhome_pos.commands._actor import add_actor_options, log_in
from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    open_store_database,
    reports_errors,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("receive", help="receive deliveries into stock")
    actions = parser.add_subparsers(dest="receive_action", metavar="ACTION", required=True)
    note = actions.add_parser("note", help="open a delivery from its delivery note (CSV)")
    note.add_argument("file", type=Path)
    note.add_argument("--reference", default="", help="the delivery note number")
    start = actions.add_parser("start", help="open a delivery without a note (scan it in)")
    start.add_argument("--reference", default="")
    scan = actions.add_parser("scan", help="count units of a code as received")
    scan.add_argument("receiving_id", type=int)
    scan.add_argument("code")
    scan.add_argument("--quantity", type=int, default=1)
    scan.add_argument("--lot", help="the lot (批号), when the code is not a GS1 code naming it")
    scan.add_argument("--expiry", help="the lot's expiry date, e.g. 2027-01-31")
    show = actions.add_parser("show", help="expected against received")
    show.add_argument("receiving_id", type=int)
    post = actions.add_parser("post", help="book what was received into stock")
    post.add_argument("receiving_id", type=int)
    for action in (note, start, scan, post):
        add_actor_options(action)
    for action in (note, start, scan, show, post):
        action.set_defaults(run=run_receive)
    labels = actions.add_parser("labels", help="print a label for each lot a delivery received")
    labels.add_argument("--delivery", type=int, required=True, metavar="ID")
    labels.add_argument("--copies", type=int, default=1, help="labels of each lot (default 1)")
    labels.add_argument("--no-price", action="store_true", help="leave the price off")
    labels.add_argument("--printer", help="printer name from the settings (default: label)")
    labels.add_argument("--now", action="store_true", help="print now, not via the queue")
    labels.add_argument(
        "--datamatrix",
        action="store_true",
        help="a GS1 DataMatrix instead of a GS1-128 (small labels, long lot numbers)",
    )
    add_actor_options(labels)
    labels.set_defaults(run=run_receive_labels)


@reports_errors
def run_receive_labels(args: argparse.Namespace) -> int:
    from printers.lot_labels import queue_delivery_lot_labels
    from printers.setup import printing_from_config
    from redhome_pos.persistence.repositories.print_jobs import DONE
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    database = open_store_database(config)
    till = Till.from_config(config)
    try:
        staff = log_in(database, till, args)
        printing = printing_from_config(config, database)
        queued = queue_delivery_lot_labels(
            database, printing.queue, staff, args.delivery,
            copies=args.copies, with_price=not args.no_price, printer=args.printer,
            symbology="GS1-DATAMATRIX" if args.datamatrix else "GS1-128",
        )  # fmt: skip
        print(
            f"delivery {queued.receiving_id}: {len(queued.job_ids)} lot label job(s), "
            f"{queued.copies} cop{'y' if queued.copies == 1 else 'ies'} each, "
            f"on {queued.printer}: {', '.join(str(job) for job in queued.job_ids)}"
        )
        if not args.now:
            return EXIT_OK
        printing.worker.run_once(limit=len(queued.job_ids))
        problems = 0
        for job_id in queued.job_ids:
            job = printing.queue.job(job_id)
            status = job.status if job is not None else "missing"
            if status != DONE:
                problems += 1
                print(f"job {job_id}: {status} {job.last_error if job else ''}".rstrip())
        return EXIT_OK if problems == 0 else EXIT_PROBLEM
    finally:
        database.dispose()


@reports_errors
def run_receive(args: argparse.Namespace) -> int:
    from redhome_pos.services import receiving
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    database = open_store_database(config)
    till = Till.from_config(config)
    action = args.receive_action
    try:
        if action == "show":
            lines = receiving.receiving_lines(database, args.receiving_id)
            for line in lines:
                mark = (
                    ""
                    if line.difference == 0 and line.sku_id
                    else f"{line.difference:+d} {line.note}"
                )
                print(
                    f"{line.line_no:>3} {line.code:<16} {line.expected:>6} {line.received:>6}"
                    f"  {mark}"
                )
            return (
                EXIT_OK
                if not receiving.discrepancies(database, args.receiving_id)
                else EXIT_PROBLEM
            )
        staff = log_in(database, till, args)
        if action == "scan":
            from redhome_pos.services.lots import parse_expiry

            lot, expiry = args.lot, parse_expiry(args.expiry or "")
            if args.quantity == 1:  # a GS1 carton code says how many it holds
                line = receiving.receive_scan(
                    database, till, staff, args.receiving_id, args.code, lot=lot, expiry=expiry
                )
            else:
                line = receiving.receive_units(
                    database, till, staff, args.receiving_id, args.code, args.quantity,
                    lot=lot, expiry=expiry,
                )  # fmt: skip
            print(f"{line.code}: {line.received} of {line.expected}")
            return EXIT_OK
        if action == "note":
            receiving_id, problems = receiving.receive_note_file(
                database, till, staff, args.file, reference=args.reference
            )
            print(f"delivery {receiving_id} opened")
            for problem in problems:
                print(f"line {problem.row}: {problem.problem}")
            return EXIT_OK if not problems else EXIT_PROBLEM
        if action == "start":
            receiving_id = receiving.start_receiving(
                database, till, staff, reference=args.reference
            )
            print(f"delivery {receiving_id} opened")
            return EXIT_OK
        posted = receiving.post_receiving(database, till, staff, args.receiving_id)
        print(
            f"delivery {posted.receiving_id} posted: {posted.units} unit(s) in "
            f"{posted.movements} movement(s), {posted.discrepancies} discrepancy line(s)"
        )
        return EXIT_OK
    finally:
        database.dispose()
