"""The payments sandbox and the program's own adapters, wired as the app wires them, for the
charge service's tests: the sandbox's configuration lines → config.toml → load_config →
build_providers → Payments."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import requests

from payments.sandbox import PaymentsSandboxHandle
from payments.setup import build_providers
from redhome_pos.config import AppPaths, load_config
from redhome_pos.domain.payments import PaymentProvider, WalletProvider
from redhome_pos.persistence.database import Database
from redhome_pos.services.counter import Till
from redhome_pos.services.payments import ChargeTimings, Payments

#: Quick deadlines for tests: half a second between queries, reversals after 0.3 s.
FAST = ChargeTimings(
    charge_deadline_s=8.0,
    poll_interval_s=0.2,
    reverse_after_s=0.3,
    reverse_retry_s=0.2,
    settle_limit_s=10.0,
)

_numbers = itertools.count(100_000)


def providers_of(
    sandbox: PaymentsSandboxHandle, folder: Path, *, read_timeout_s: float = 2.0
) -> dict[WalletProvider, PaymentProvider]:
    lines = sandbox.config_lines()
    text = "\n".join(
        [
            "[payments]",
            f"read_timeout_s = {read_timeout_s}",
            f"call_deadline_s = {read_timeout_s + 1}",
            "[payments.wechat]",
            *[line for line in lines["wechat"] if not line.startswith("#")],
            "[payments.alipay]",
            *lines["alipay"],
        ]
    )
    folder.mkdir(parents=True, exist_ok=True)
    config_file = folder / "config.toml"
    config_file.write_text(text, encoding="utf-8")
    config = load_config(config_file, env={}, paths=AppPaths.under(folder))
    return build_providers(config.payments, requests.Session())


def sandbox_payments(
    database: Database,
    till: Till,
    sandbox: PaymentsSandboxHandle,
    folder: Path,
    timings: ChargeTimings = FAST,
    **options: Any,
) -> Payments:
    return Payments(database, till, providers_of(sandbox, folder, **options), timings)


def code(provider: WalletProvider, suffix: str = "00") -> str:
    """A payment code of the provider's shape ending in the sandbox behaviour's digits (two,
    or four when the two before them give seconds: ``0111`` = password for 1 s, then paid)."""
    body, tail = f"{next(_numbers):06d}", suffix.rjust(4, "0")
    if provider is WalletProvider.ALIPAY:
        return f"2800{body}00{tail}"  # 16 digits starting 28
    return f"134567{body}00{tail}"  # 18 digits starting 13
