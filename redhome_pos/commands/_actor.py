"""Who runs a command that changes the store: a staff code and PIN, checked like at the counter.

The code is given with ``--staff CODE`` (or typed at a prompt); the PIN is never a command
argument: it is read from standard input (``--pin-stdin``, the first line, for scripts) or
typed at a prompt that does not echo it. A wrong PIN counts towards the account's lockout,
as at the counter. Commands that only read stay open to anyone who can run the program.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any

from redhome_pos.domain.staff import StaffError

if TYPE_CHECKING:
    from redhome_pos.domain.staff import StaffSession
    from redhome_pos.persistence.database import Database
    from redhome_pos.services.counter import Till


def add_actor_options(parser: argparse.ArgumentParser, who: str = "the staff member") -> None:
    parser.add_argument("--staff", metavar="CODE", help=f"staff code of {who} doing it")
    parser.add_argument(
        "--pin-stdin",
        action="store_true",
        help="read the PIN from standard input (its first line) instead of a prompt",
    )


def read_secret(args: argparse.Namespace, prompt: str) -> str:
    """One line from standard input (``--pin-stdin`` or no terminal), else a silent prompt."""
    if getattr(args, "pin_stdin", False) or not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    return getpass.getpass(prompt)


def staff_code(args: argparse.Namespace) -> str:
    code = (getattr(args, "staff", None) or "").strip()
    if code:
        return code
    if sys.stdin.isatty():
        return input("Staff code: ").strip()
    raise StaffError("Name the staff member doing this with --staff CODE")


def log_in(database: Database, till: Till, args: argparse.Namespace) -> StaffSession:
    """The staff member named by ``--staff`` (or asked for), after their PIN."""
    from redhome_pos.services.staff import login

    code = staff_code(args)
    return login(database, till, code, read_secret(args, f"PIN of {code}: "))


def audit_command(
    database: Database, till: Till, action: Any, staff: StaffSession, **detail: Any
) -> None:
    """An audit event naming the staff member who ran a command, and what it did."""
    from redhome_pos.services import audit

    audit.record_action(database, till, action, staff.id, via="command line", **detail)
