"""The store's own settings, changed from the back office by a manager: the configuration
file is written (mode 0600) and the change audited with what changed (never a secret)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from redhome_pos.config import Config
from redhome_pos.config.writing import write_config
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting


@dataclass(frozen=True, slots=True)
class StoreChanges:
    name: str
    address: str
    receipt_footer: str
    terminal_id: str
    allow_negative_stock: bool
    card_reference_required: bool = False
    external_terminal: bool = True


def changes_of(config: Config, changes: StoreChanges) -> dict[str, list[Any]]:
    """Each setting that differs: [before, after]."""
    before = {
        "name": config.store.name,
        "address": config.store.address,
        "receipt_footer": config.store.receipt_footer,
        "terminal_id": config.terminal_id,
        "allow_negative_stock": config.store.allow_negative_stock,
        "card_reference_required": config.store.card_reference_required,
        "external_terminal": config.store.external_terminal,
    }
    after = {
        "name": changes.name,
        "address": changes.address,
        "receipt_footer": changes.receipt_footer,
        "terminal_id": changes.terminal_id,
        "allow_negative_stock": changes.allow_negative_stock,
        "card_reference_required": changes.card_reference_required,
        "external_terminal": changes.external_terminal,
    }
    return {key: [before[key], after[key]] for key in before if before[key] != after[key]}


@acting(Permission.SETTINGS)
def save_store_settings(
    database: Database, till: Till, staff: StaffSession, config: Config, changes: StoreChanges
) -> Config:
    """Write the store's settings to the configuration file (mode 0600) and audit what
    changed (never a secret); returns the configuration now in force."""
    changed = changes_of(config, changes)
    if not changed:
        return config
    store = replace(
        config.store,
        name=changes.name.strip(),
        address=changes.address.strip(),
        receipt_footer=changes.receipt_footer.strip(),
        allow_negative_stock=changes.allow_negative_stock,
        card_reference_required=changes.card_reference_required,
        external_terminal=changes.external_terminal,
    )
    terminal = changes.terminal_id.strip() or config.terminal_id
    written = write_config(replace(config, store=store, terminal_id=terminal))
    audit.record_action(
        database, till, AuditAction.SETTINGS_CHANGE, staff.id, section="store", changes=changed
    )
    return written
