"""``redhome-pos print-test [PRINTER]`` and ``redhome-pos print-queue list|retry|cancel|reprint``.

``print-test`` asks the printer for its status and prints the test page on it now (a preview
printer writes a PNG into the preview folder). ``print-queue`` shows and manages the jobs
waiting in the store database.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import Any

from redhome_pos.commands._context import (
    EXIT_CONFIG,
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    reports_errors,
    store_database,
)


def register(subparsers: Any) -> None:
    test = subparsers.add_parser("print-test", help="print the test page on a printer")
    test.add_argument(
        "printer", nargs="?", help="printer name from the settings (default: the first)"
    )
    test.add_argument(
        "--status-only", action="store_true", help="only ask the printer for its status"
    )
    test.set_defaults(run=run_print_test)

    queue = subparsers.add_parser("print-queue", help="list, retry, cancel or reprint print jobs")
    actions = queue.add_subparsers(dest="queue_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="the newest jobs")
    listing.add_argument(
        "--status", action="append", default=[], help="only this status (repeatable)"
    )
    listing.add_argument("--limit", type=int, default=30)
    listing.set_defaults(run=run_queue_list)
    for name, text in (
        ("retry", "queue a failed or cancelled job again"),
        ("cancel", "cancel a job not printed yet"),
        ("reprint", "print a job's document again, marked as a reprint"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("job_id", type=int)
        action.set_defaults(run=run_queue_action)


@reports_errors
def run_print_test(args: argparse.Namespace) -> int:
    from printers.errors import PrintError
    from printers.printing import print_document
    from printers.setup import printer_profiles, store_header
    from printers.status import query_status
    from printers.templates import label_test_page, test_page
    from printers.templates.data import TestPageData
    from printers.transports import open_transport

    config = load_app_config(args)
    profiles = printer_profiles(config)
    if not profiles:
        print("No printers in the settings: add a [printers.NAME] table.", file=sys.stderr)
        return EXIT_CONFIG
    name = args.printer or next(iter(profiles))
    profile = profiles.get(name)
    if profile is None:
        print(f"No printer named {name}; the settings have: {', '.join(profiles)}", file=sys.stderr)
        return EXIT_CONFIG
    try:
        if args.status_only:
            transport = open_transport(profile)
            try:
                status = query_status(profile, transport)
            finally:
                transport.close()
            print(f"{name}: {status.state.value} {status.detail}".rstrip())
            return EXIT_OK
        data = TestPageData(
            printer_name=name,
            store=store_header(config),
            time=datetime.now(UTC),
            settings=(
                ("Transport", profile.transport),
                ("Language", profile.language),
                ("Profile", profile.profile),
                ("Columns", str(profile.columns)),
                ("Encoding", profile.encoding),
            ),
        )
        page = label_test_page(data) if profile.is_label_printer else test_page(data)
        status = print_document(page, profile)
    except PrintError as error:
        print(f"redhome-pos: {error}", file=sys.stderr)
        return EXIT_PROBLEM
    where = f" -> {profile.path}" if profile.transport in ("file", "preview") else ""
    print(f"{name}: test page sent ({status.state.value}){where}")
    return EXIT_OK


@reports_errors
def run_queue_list(args: argparse.Namespace) -> int:
    from redhome_pos.persistence.repositories.print_jobs import PrintJobRepository

    config = load_app_config(args)
    with store_database(config) as database, database.reading() as session:
        jobs = PrintJobRepository(session).jobs(statuses=tuple(args.status), limit=args.limit)
    if not jobs:
        print("No print jobs.")
    for job in jobs:
        when = job.created_at.strftime("%Y-%m-%d %H:%M:%S")
        error = f"  {job.last_error}" if job.last_error else ""
        print(
            f"{job.id:>6}  {when}  {job.terminal_id:<8} {job.status:<9} {job.kind:<14} "
            f"{job.printer:<10} {job.reference:<22} x{job.attempts}{error}"
        )
    return EXIT_OK


@reports_errors
def run_queue_action(args: argparse.Namespace) -> int:
    from printers.errors import PrintError
    from printers.setup import printing_from_config

    config = load_app_config(args)
    with store_database(config) as database:
        queue = printing_from_config(config, database).queue
        if args.queue_action == "retry":
            done = queue.retry(args.job_id)
        elif args.queue_action == "cancel":
            done = queue.cancel(args.job_id)
        else:
            try:
                new_id = queue.reprint(args.job_id)
            except PrintError as error:
                print(f"redhome-pos: {error}", file=sys.stderr)
                return EXIT_PROBLEM
            print(f"Reprint queued as job {new_id}.")
            return EXIT_OK
    if not done:
        print(
            f"Job {args.job_id} cannot be {args.queue_action}ed in its present state.",
            file=sys.stderr,
        )
        return EXIT_PROBLEM
    print(f"Job {args.job_id}: {args.queue_action} done.")
    return EXIT_OK
