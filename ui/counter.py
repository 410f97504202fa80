"""What every screen shares: the store context, the worker threads and the counter session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from redhome_pos.domain.scan import ScanSettings, VariableMeasureLayout
from redhome_pos.domain.tender import TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.services.counter import Till
from redhome_pos.services.payments import PROVIDER_OF, Payments
from ui.context import AppContext
from ui.session import CounterSession
from ui.workers import Worker


class Counter(QObject):
    """Built once per window. ``worker`` runs database work; ``slow_worker`` runs printing and
    network calls, so a stuck printer never delays a scan; ``payment_worker`` runs a wallet
    charge, which may wait a minute for the customer's password."""

    def __init__(self, context: AppContext, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.language = language
        self.session = CounterSession(self)
        self.worker = Worker("database", self)
        self.slow_worker = Worker("devices", self)
        self.search_worker = Worker("search", self)
        self.payment_worker = Worker("payments", self)

    @property
    def till(self) -> Till:
        return Till(
            store_code=self.context.store_code,
            terminal_id=self.context.terminal_id,
            timezone=self.context.timezone,
            allow_negative_stock=self.context.allow_negative_stock,
            code_secret=self.context.code_secret,
            expiry_warning_days=self.context.expiry_warning_days,
            audit_key=self.context.audit_key,
            anchor_file=self.context.anchor_file,
            allow_plain_badges=self.context.allow_plain_badges,
            badge_needs_pin=self.context.badge_needs_pin,
            card_reference_required=self.context.card_reference_required,
        )

    @property
    def database(self) -> Database:
        return self.context.database

    @property
    def payments(self) -> Payments | None:
        """The wallet charge service (None when no provider is configured)."""
        found: Payments | None = self.context.extras.get("payments")
        return found

    def wallet_ready(self, kind: TenderKind) -> bool:
        """Whether a WeChat Pay / Alipay code is charged through its provider at this counter."""
        payments = self.payments
        provider = PROVIDER_OF.get(kind)
        return payments is not None and provider is not None and payments.configured(provider)

    def scan_settings(self) -> ScanSettings:
        layout = VariableMeasureLayout()
        scanning = getattr(self.context.config, "scanning", None)
        name = getattr(scanning, "gs1_variable_layout", None)
        if name:
            layout = VariableMeasureLayout.named(name)
        return ScanSettings(
            store_code=self.context.store_code,
            code_secret=self.context.code_secret,
            variable_measure=layout,
        )

    def short_link_resolver(self) -> Callable[[str], str | None] | None:
        """What follows RED short links (set by the app when the store is online), or None."""
        resolver: Callable[[str], str | None] | None = self.context.extras.get("resolve_short_link")
        return resolver

    def local_time(self, at: datetime, pattern: str = "%H:%M") -> str:
        """A UTC instant as the store's clock shows it."""
        return at.astimezone(ZoneInfo(self.context.timezone)).strftime(pattern)

    def stop(self) -> None:
        for worker in (self.worker, self.slow_worker, self.search_worker, self.payment_worker):
            worker.stop()
