"""A manager stores, replaces and seals the payment providers' secret keys.

``store_payment_key`` seals a key into its slot (a new key, or a rotation of the old one);
``migrate_payment_keys`` seals every key the configuration still keeps in plain text (a
private key file, an API key written in the configuration) and, only when the manager says
so, removes the plain copy afterwards: the file is deleted and the setting emptied. Each is
audited with who did it, the slot and the key's fingerprint, never the key.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

from redhome_pos.config import Config, PaymentsConfig
from redhome_pos.config.payment_keys import SLOTS, KeySlot, PaymentKeys, fingerprint, slot_named
from redhome_pos.config.writing import write_config
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.payments import PaymentConfigError
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting


@dataclass(frozen=True, slots=True)
class SealedKey:
    slot: str
    fingerprint: str
    replaced: bool = False  # a key was stored in the slot before (a rotation)
    plain: str = ""  # where the plain copy was read from (a file, or the setting's name)
    plain_removed: bool = False


def _audit(
    database: Database, till: Till, staff: StaffSession, how: str, sealed: SealedKey
) -> None:
    audit.record_action(
        database,
        till,
        AuditAction.SETTINGS_CHANGE,
        staff.id,
        section="payment keys",
        change=how,
        slot=sealed.slot,
        fingerprint=sealed.fingerprint,
        replaced=sealed.replaced,
        plain_removed=sealed.plain_removed,
    )


@acting(Permission.SETTINGS)
def store_payment_key(
    database: Database, till: Till, staff: StaffSession, keys: PaymentKeys, slot: str, key: bytes
) -> SealedKey:
    """Seal ``key`` into ``slot`` (one of ``SLOT_NAMES``), replacing what was stored."""
    where = slot_named(slot)
    replaced = keys.has(where)
    sealed = SealedKey(where.name, keys.seal(where, key), replaced=replaced)
    _audit(database, till, staff, "rotated" if replaced else "stored", sealed)
    return sealed


def _plain_value(config: Config, slot: KeySlot) -> str:
    section = getattr(config.payments, slot.section)
    return str(getattr(section, slot.setting))


def _read_plain(slot: KeySlot, value: str) -> bytes:
    if not slot.from_file:
        return value.encode()
    try:
        return Path(value).read_bytes()
    except OSError as error:
        raise PaymentConfigError(
            "The {what} file {path} cannot be read: {detail}",
            what=slot.what,
            path=value,
            detail=error.strerror or type(error).__name__,
        ) from None


@acting(Permission.SETTINGS)
def migrate_payment_keys(
    database: Database,
    till: Till,
    staff: StaffSession,
    config: Config,
    keys: PaymentKeys,
    *,
    remove_plain: bool = False,
) -> list[SealedKey]:
    """Seal every secret key the configuration keeps in plain text. With ``remove_plain``
    (the manager's consent), each plain file is deleted and each plain setting emptied once
    its sealed copy reads back the same; otherwise they are left for the manager to delete."""
    done: list[SealedKey] = []
    emptied: dict[str, dict[str, str]] = {}
    for slot in SLOTS:
        value = _plain_value(config, slot)
        if not value:
            continue
        key = _read_plain(slot, value)
        replaced = keys.has(slot)
        digest = keys.seal(slot, key)
        sealed = keys.open(slot)
        if sealed is None or fingerprint(sealed) != digest:  # never delete what did not seal
            raise PaymentConfigError("The {what} could not be sealed", what=slot.what)
        if remove_plain:
            emptied.setdefault(slot.section, {})[slot.setting] = ""
        shown = value if slot.from_file else f"[payments.{slot.section}] {slot.setting}"
        done.append(SealedKey(slot.name, digest, replaced, shown, remove_plain))
    if remove_plain and emptied:
        payments = config.payments
        for section, settings in emptied.items():
            emptied_section = replace(getattr(payments, section), **settings)
            payments = replace(payments, **{section: emptied_section})
        write_config(replace(config, payments=payments))
        named = _files_named(payments)
        for index, item in enumerate(done):
            if item.plain.startswith("[payments."):
                continue
            if item.plain in named:  # also a certificate's file: kept, the manager decides
                done[index] = replace(item, plain_removed=False)
                continue
            Path(item.plain).unlink(missing_ok=True)
    for item in done:
        _audit(database, till, staff, "sealed from plain", item)
    return done


def _files_named(payments: PaymentsConfig) -> set[str]:
    """Every file the payments settings still name (certificates, public keys)."""
    return {
        str(getattr(section, item.name))
        for section in (payments.wechat, payments.alipay)
        for item in fields(section)
        if item.name.endswith("_file") and getattr(section, item.name)
    }


def removable(sealed: list[SealedKey]) -> list[str]:
    """The plain files left behind that the manager should delete."""
    return [
        item.plain
        for item in sealed
        if not item.plain_removed
        and not item.plain.startswith("[payments.")
        and os.path.exists(item.plain)
    ]
