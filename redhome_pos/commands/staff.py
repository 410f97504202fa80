"""``redhome-pos staff add CODE NAME --role ROLE``, ``staff list``, ``staff unlock CODE`` and
``staff revoke-badge BADGE_ID``.

A manager adds staff: ``--staff CODE`` names them and their PIN is asked for. On the first run
(no manager yet) ``staff add CODE NAME --role manager`` makes the store's first manager without
one. PINs are read from standard input (``--pin-stdin``: the manager's PIN on the first line,
the new PIN on the next) or typed at prompts that do not echo; never printed or logged.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from redhome_pos.commands._actor import add_actor_options, log_in
from redhome_pos.commands._context import EXIT_OK, load_app_config, reports_errors, store_database


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("staff", help="add or list the staff who log in at the counter")
    actions = parser.add_subparsers(dest="staff_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="add a staff member (asks for the PIN)")
    add.add_argument("code", metavar="CODE", help="staff code typed at login")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--role", required=True, choices=["clerk", "supervisor", "manager"])
    add.add_argument("--badge", metavar="CODE", help="badge code scanned to log in")
    add_actor_options(add, "the manager")
    add.set_defaults(run=run_add)
    listing = actions.add_parser("list", help="list the staff")
    listing.set_defaults(run=run_list)
    unlock = actions.add_parser("unlock", help="end a staff member's PIN lockout (a manager)")
    unlock.add_argument("code", metavar="CODE", help="the locked staff member's code")
    add_actor_options(unlock, "the manager")
    unlock.set_defaults(run=run_unlock)
    revoke = actions.add_parser(
        "revoke-badge", help="revoke one badge by its id (the 8 characters before the seal)"
    )
    revoke.add_argument("badge_id", metavar="BADGE_ID")
    add_actor_options(revoke, "the manager")
    revoke.set_defaults(run=run_revoke_badge)


def _read_pin(from_stdin: bool) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    first = getpass.getpass("New staff member's PIN (4-8 digits): ")
    if getpass.getpass("PIN again: ") != first:
        from redhome_pos.domain.staff import StaffError

        raise StaffError("The two PINs differ")
    return first


@reports_errors
def run_add(args: argparse.Namespace) -> int:
    from redhome_pos.commands._context import open_store_database
    from redhome_pos.domain.staff import Role, StaffError
    from redhome_pos.services.counter import Till
    from redhome_pos.services.staff import add_first_manager, add_staff, has_manager

    config = load_app_config(args)
    database = open_store_database(config)
    till = Till.from_config(config)
    try:
        if not has_manager(database):
            if Role(args.role) is not Role.MANAGER:
                raise StaffError(
                    "The store has no manager yet: add the first manager (--role manager)"
                )
            staff = add_first_manager(
                database, till, args.code, args.name, _read_pin(args.pin_stdin),
                badge_code=args.badge,
            )  # fmt: skip
            print(f"Added {staff.code} {staff.name} as the store's first manager.")
            return EXIT_OK
        manager = log_in(database, till, args)
        staff = add_staff(
            database, till, args.code, args.name, Role(args.role), _read_pin(args.pin_stdin),
            badge_code=args.badge, actor=manager,
        )  # fmt: skip
    finally:
        database.dispose()
    print(f"Added {staff.code} {staff.name} ({staff.role.value}).")
    return EXIT_OK


@reports_errors
def run_list(args: argparse.Namespace) -> int:
    from redhome_pos.services.staff import list_staff

    config = load_app_config(args)
    with store_database(config, create=False) as database:
        everyone = list_staff(database)
    for staff in everyone:
        state = "" if staff.active else "  (inactive)"
        print(f"{staff.code:<8} {staff.role.value:<10} {staff.name}{state}")
    return EXIT_OK


@reports_errors
def run_unlock(args: argparse.Namespace) -> int:
    from redhome_pos.commands._context import open_store_database
    from redhome_pos.domain.staff import StaffError
    from redhome_pos.persistence.repositories.staff import StaffRepository
    from redhome_pos.services.counter import Till
    from redhome_pos.services.staff_admin import StaffChange, change_staff

    config = load_app_config(args)
    database = open_store_database(config)
    till = Till.from_config(config)
    try:
        with database.reading() as session:
            person = StaffRepository(session).by_code(args.code)
        if person is None:
            raise StaffError("No staff member {code}", code=args.code)
        manager = log_in(database, till, args)
        change_staff(database, till, manager, StaffChange(person.id, unlock=True))
    finally:
        database.dispose()
    print(f"{person.code} {person.name} can log in again.")
    return EXIT_OK


@reports_errors
def run_revoke_badge(args: argparse.Namespace) -> int:
    from redhome_pos.commands._context import open_store_database
    from redhome_pos.services.counter import Till
    from redhome_pos.services.staff_admin import revoke_badge

    config = load_app_config(args)
    database = open_store_database(config)
    till = Till.from_config(config)
    try:
        manager = log_in(database, till, args)
        person = revoke_badge(database, till, manager, args.badge_id)
    finally:
        database.dispose()
    print(f"Badge {args.badge_id.strip().upper()} of {person.code} {person.name} is revoked.")
    return EXIT_OK
