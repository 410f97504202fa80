"""Fixtures for talking to the RED sandbox over real HTTP on 127.0.0.1."""

from __future__ import annotations

import random
from collections.abc import Iterator

import pytest
from replay import Recorded, serving

from sync.red.client import RedClient, RetryPolicy
from sync.red.connector import RedOnlineStore
from sync.red.oauth import MemoryTokenStore, RedAuthorizer
from sync.red_sandbox import SandboxHandle, start_sandbox


@pytest.fixture
def sandbox() -> Iterator[SandboxHandle]:
    """A fresh RED sandbox (200 demo SKUs, seed 1, no faults) on a free loopback port."""
    handle = start_sandbox(port=0, seed=1, skus=200)
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture
def sleeps() -> list[float]:
    """The back-off waits a client asked for (recorded, not slept, so tests stay fast)."""
    return []


@pytest.fixture
def red_client(sandbox: SandboxHandle, sleeps: list[float]) -> Iterator[RedClient]:
    """A client of the sandbox's demo app: 4 attempts per call, back-off recorded in ``sleeps``."""
    client = RedClient(
        sandbox.base_url,
        sandbox.app_id,
        sandbox.app_secret,
        timeout_s=5.0,
        retry=RetryPolicy(attempts=4, base_delay_s=0.2, max_delay_s=2.0),
        sleep=sleeps.append,
        rng=random.Random(0),
    )
    with client:
        yield client


@pytest.fixture
def red_tokens() -> MemoryTokenStore:
    return MemoryTokenStore()


@pytest.fixture
def red_authorizer(
    sandbox: SandboxHandle, red_client: RedClient, red_tokens: MemoryTokenStore
) -> RedAuthorizer:
    """The store connected to the sandbox (tokens already exchanged and kept)."""
    authorizer = RedAuthorizer(red_client, red_tokens, redirect_uri="http://127.0.0.1/approved")
    authorizer.connect(sandbox.authorization_code())
    return authorizer


@pytest.fixture
def red_store(sandbox: SandboxHandle, red_authorizer: RedAuthorizer) -> RedOnlineStore:
    """The RED connector over the sandbox, for the demo store's warehouse."""
    return RedOnlineStore(
        red_authorizer.client, red_authorizer, warehouse_code=sandbox.warehouse_code
    )


@pytest.fixture
def recorded() -> Iterator[tuple[Recorded, str]]:
    """A loopback server answering the gateway from a list (``replay.Recorded``)."""
    replay = Recorded()
    with serving(replay) as base_url:
        yield replay, base_url
