"""``redhome-pos members find PHONE`` (the member, phone masked, with their points) and
``members expire`` (write off points past their day; run daily).

A phone number is never printed or logged in full."""

from __future__ import annotations

import argparse
from typing import Any
from zoneinfo import ZoneInfo

from redhome_pos.commands._context import (
    EXIT_OK,
    EXIT_PROBLEM,
    load_app_config,
    reports_errors,
    store_database,
)


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("members", help="find a member; expire old points")
    actions = parser.add_subparsers(dest="members_action", metavar="ACTION", required=True)
    find = actions.add_parser("find", help="a member by phone number (shown masked)")
    find.add_argument("phone", metavar="PHONE")
    find.add_argument("--history", type=int, default=10, metavar="N", help="last N movements")
    find.set_defaults(run=run_find)
    expire = actions.add_parser("expire", help="write off points past their expiry day")
    expire.set_defaults(run=run_expire)


@reports_errors
def run_find(args: argparse.Namespace) -> int:
    from redhome_pos.domain.members import mask_phone, normalize_phone
    from redhome_pos.services import members
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    till = Till.from_config(config)
    with store_database(config, create=False) as database:
        member = members.find_by_phone(database, till, args.phone)
        history = members.points_history(database, member.id, args.history) if member else []
    if member is None:
        print(f"No member with phone {mask_phone(normalize_phone(args.phone))}")
        return EXIT_PROBLEM
    name = f"  {member.name}" if member.name else ""
    print(f"{member.member_no}  {member.phone_masked}{name}  points {member.points_balance}")
    for entry in history:
        at = entry.at.astimezone(ZoneInfo(config.store.timezone)).strftime("%Y-%m-%d %H:%M")
        print(f"  {at}  {entry.kind:<10} {entry.points:>+8}  {entry.reference}")
    return EXIT_OK


@reports_errors
def run_expire(args: argparse.Namespace) -> int:
    from redhome_pos.services import points
    from redhome_pos.services.counter import Till

    config = load_app_config(args)
    with store_database(config) as database:
        expired = points.expire_all(database, Till.from_config(config))
    print(f"{expired} point(s) expired")
    return EXIT_OK
