"""What the app is built on: the store's settings and the database, handed in by the commands."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from printers.queue import PrintQueue
from redhome_pos.config import AppPaths
from redhome_pos.config.keys import ANCHOR_FILE_NAME, AUDIT_KEY, store_key
from redhome_pos.persistence.database import Database


@dataclass
class AppContext:
    """Built once by ``redhome-pos app`` / ``demo``; screens read it, never rebuild it."""

    database: Database
    store_code: str = "SH001"
    store_name: str = "REDHOME"
    terminal_id: str = "T1"
    language: str | None = None
    timezone: str = "Asia/Shanghai"
    allow_negative_stock: bool = False
    expiry_warning_days: int = 30
    card_reference_required: bool = False
    external_terminal: bool = True
    code_secret: str = ""
    preview_dir: Path | None = None
    demo: bool = False
    config: Any = None
    store_address: str = ""
    receipt_footer: str = ""
    print_queue: PrintQueue | None = None  # built by the command; None: nothing prints
    extras: dict[str, Any] = field(default_factory=dict)
    audit_key: bytes = field(default=b"", repr=False)  # the audit chain's key (not in the db)
    anchor_file: Path | None = None  # where Z reports anchor the audit log
    allow_plain_badges: bool = False
    badge_needs_pin: str = "managers"

    @classmethod
    def from_config(cls, config: Any, database: Database, *, demo: bool = False) -> AppContext:
        """Reads the fields the counter needs from a ``Config`` (see redhome_pos.config)."""
        store = getattr(config, "store", None)
        scanning = getattr(config, "scanning", None)
        paths = getattr(config, "paths", None)
        audit_key, anchors = b"", None
        if isinstance(paths, AppPaths):
            audit_key = store_key(paths, AUDIT_KEY)
            anchors = paths.backup_dir / ANCHOR_FILE_NAME
        return cls(
            database=database,
            store_code=getattr(store, "code", "SH001"),
            store_name=getattr(store, "name", "REDHOME"),
            terminal_id=getattr(config, "terminal_id", "T1"),
            language=getattr(store, "language", None),
            timezone=getattr(store, "timezone", "Asia/Shanghai"),
            allow_negative_stock=bool(getattr(store, "allow_negative_stock", False)),
            expiry_warning_days=int(getattr(store, "expiry_warning_days", 30)),
            card_reference_required=bool(getattr(store, "card_reference_required", False)),
            external_terminal=bool(getattr(store, "external_terminal", True)),
            code_secret=getattr(scanning, "code_secret", ""),
            preview_dir=getattr(paths, "preview_dir", None),
            demo=demo,
            config=config,
            store_address=getattr(store, "address", ""),
            receipt_footer=getattr(store, "receipt_footer", ""),
            audit_key=audit_key,
            anchor_file=anchors,
            allow_plain_badges=bool(getattr(store, "allow_plain_badges", False)),
            badge_needs_pin=str(getattr(store, "badge_needs_pin", "managers")),
        )
