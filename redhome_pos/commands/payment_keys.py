"""``redhome-pos payments key set|migrate|list``: the payment providers' secret keys, sealed at
rest with the store's secrets key (``redhome_pos.config.payment_keys``).

``set SLOT`` stores or replaces one key: an RSA private key from ``--from-file FILE``, an API
key typed at a prompt that does not echo (or the line after the PIN with ``--pin-stdin``).
``migrate`` seals every key the configuration still keeps in plain text and names the plain
files to delete; ``--delete-plain`` deletes them (and empties the plain settings) once the
sealed copies read back. Both need a manager (``--staff CODE``) and are audited. ``list``
only reads: which slots are sealed, which are still plain.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from redhome_pos.commands._actor import add_actor_options, log_in, read_secret
from redhome_pos.commands._context import (
    EXIT_OK,
    load_app_config,
    open_store_database,
    reports_errors,
)


def add_key_commands(actions: Any) -> None:
    from redhome_pos.config.payment_keys import SLOT_NAMES

    key = actions.add_parser("key", help="store, replace or seal the payment keys (manager)")
    steps = key.add_subparsers(dest="key_action", metavar="STEP", required=True)
    store = steps.add_parser("set", help="store or replace one payment key, sealed")
    store.add_argument("slot", choices=SLOT_NAMES, metavar="SLOT", help=", ".join(SLOT_NAMES))
    store.add_argument("--from-file", metavar="FILE", help="the key file (RSA private keys)")
    add_actor_options(store, "the manager")
    store.set_defaults(run=run_set)
    migrate = steps.add_parser("migrate", help="seal the keys still kept in plain text")
    migrate.add_argument(
        "--delete-plain",
        action="store_true",
        help="delete the plain key files and empty the plain settings once sealed",
    )
    add_actor_options(migrate, "the manager")
    migrate.set_defaults(run=run_migrate)
    listing = steps.add_parser("list", help="which payment keys are sealed and which are plain")
    listing.set_defaults(run=run_list)


@reports_errors
def run_set(args: argparse.Namespace) -> int:
    from redhome_pos.config.payment_keys import PaymentKeys, slot_named
    from redhome_pos.domain.payments import PaymentConfigError
    from redhome_pos.services.counter import Till
    from redhome_pos.services.payment_keys import store_payment_key

    config = load_app_config(args)
    slot = slot_named(args.slot)
    if slot.rsa and not args.from_file:
        raise PaymentConfigError(
            "The {what} is read from its file: add --from-file FILE", what=slot.what
        )
    database = open_store_database(config)
    try:
        till = Till.from_config(config)
        staff = log_in(database, till, args)
        if args.from_file:
            try:
                key = Path(args.from_file).read_bytes()
            except OSError as error:
                raise PaymentConfigError(
                    "The {what} file {path} cannot be read: {detail}",
                    what=slot.what,
                    path=args.from_file,
                    detail=error.strerror or type(error).__name__,
                ) from None
        else:
            key = read_secret(args, f"{slot.what}: ").encode()
        keys = PaymentKeys.of(config.paths)
        sealed = store_payment_key(database, till, staff, keys, slot.name, key)
    finally:
        database.dispose()
    done = "replaced" if sealed.replaced else "stored"
    print(f"{slot.what} {done}, sealed in {keys.file(slot)} (fingerprint {sealed.fingerprint})")
    if args.from_file:
        print(f"Delete the plain file now that it is sealed: {args.from_file}")
    return EXIT_OK


@reports_errors
def run_migrate(args: argparse.Namespace) -> int:
    from redhome_pos.config.payment_keys import PaymentKeys
    from redhome_pos.services.counter import Till
    from redhome_pos.services.payment_keys import migrate_payment_keys, removable

    config = load_app_config(args)
    database = open_store_database(config)
    try:
        till = Till.from_config(config)
        staff = log_in(database, till, args)
        keys = PaymentKeys.of(config.paths)
        sealed = migrate_payment_keys(
            database, till, staff, config, keys, remove_plain=args.delete_plain
        )
    finally:
        database.dispose()
    if not sealed:
        print("No payment key is kept in plain text: nothing to seal.")
        return EXIT_OK
    for item in sealed:
        gone = " (plain copy removed)" if item.plain_removed else ""
        print(f"sealed {item.slot} from {item.plain} (fingerprint {item.fingerprint}){gone}")
    left = removable(sealed)
    if left:
        print("The plain key files are still on disk. Delete them (and their copies), or run "
              "again with --delete-plain:", file=sys.stderr)  # fmt: skip
        for path in left:
            print(f"  {path}", file=sys.stderr)
    settings = [i.plain for i in sealed if i.plain.startswith("[payments.") and not i.plain_removed]
    if settings:
        print("Empty these settings in the configuration (the sealed keys stand for them), or "
              "run again with --delete-plain: " + ", ".join(settings), file=sys.stderr)  # fmt: skip
    return EXIT_OK


@reports_errors
def run_list(args: argparse.Namespace) -> int:
    from redhome_pos.config.payment_keys import SLOTS, PaymentKeys

    config = load_app_config(args)
    keys = PaymentKeys.of(config.paths)
    for slot in SLOTS:
        plain = str(getattr(getattr(config.payments, slot.section), slot.setting))
        states = ["sealed"] if keys.has(slot) else []
        if plain:
            states.append("plain: " + (plain if slot.from_file else "in the configuration"))
        state = ", ".join(states) or "-"
        print(f"{slot.name.ljust(20)} {state}")
    return EXIT_OK
