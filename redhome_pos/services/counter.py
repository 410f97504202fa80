"""The till a counter service works for: store, terminal, time zone, stock rule and clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from redhome_pos.config import Config
from redhome_pos.config.keys import ANCHOR_FILE_NAME, AUDIT_KEY, store_key
from redhome_pos.domain import signed_codes


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class Till:
    """Where a counter action happens. ``clock`` is injectable so tests can move time."""

    store_code: str
    terminal_id: str
    timezone: str = "Asia/Shanghai"
    allow_negative_stock: bool = False
    clock: Callable[[], datetime] = field(default=utc_now)
    code_secret: str = field(default="", repr=False)  # verifies receipt codes scanned back
    expiry_warning_days: int = 30  # lots this close to their date are shown as expiring
    audit_key: bytes = field(default=b"", repr=False)  # the audit chain's HMAC key
    anchor_file: Path | None = None  # where Z reports anchor the audit chain's head
    allow_plain_badges: bool = False  # badges that are not our signed codes log in
    badge_needs_pin: str = "managers"  # everyone | managers (and supervisors) | nobody
    card_reference_required: bool = False  # a card tender needs its slip's reference

    def today(self) -> date:
        """The store's date now (expiry dates are store dates)."""
        return self.now().astimezone(ZoneInfo(self.timezone)).date()

    def receipt_no_of(self, text: str) -> str:
        """The receipt number in what was typed or scanned: a plain receipt number, or the
        signed receipt code printed on our receipts (checked with the store's secret)."""
        text = text.strip()
        if self.code_secret and signed_codes.looks_signed(text):
            code = signed_codes.verify(text, secret=self.code_secret, store=self.store_code)
            if not isinstance(code, signed_codes.ReceiptCode):
                raise signed_codes.SignedCodeError("This code is not a receipt")
            return code.receipt_no
        return text

    def receipt_code(self, receipt_no: str) -> str:
        """The signed code printed on the receipt ``receipt_no`` (what scanning it gives)."""
        return signed_codes.sign_receipt_code(self.code_secret, self.store_code, receipt_no)

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    @classmethod
    def from_config(cls, config: Config) -> Till:
        return cls(
            store_code=config.store.code,
            terminal_id=config.terminal_id,
            timezone=config.store.timezone,
            allow_negative_stock=config.store.allow_negative_stock,
            code_secret=config.scanning.code_secret,
            expiry_warning_days=config.store.expiry_warning_days,
            audit_key=store_key(config.paths, AUDIT_KEY),
            anchor_file=anchor_file(config),
            allow_plain_badges=config.store.allow_plain_badges,
            badge_needs_pin=config.store.badge_needs_pin,
            card_reference_required=config.store.card_reference_required,
        )


def anchor_file(config: Config) -> Path:
    """The audit anchors' file, beside the backups."""
    return config.paths.backup_dir / ANCHOR_FILE_NAME
