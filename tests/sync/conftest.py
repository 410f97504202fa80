"""Fixtures for talking to the RED sandbox over real HTTP on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sync.sandbox import SandboxHandle, start_sandbox


@pytest.fixture
def sandbox() -> Iterator[SandboxHandle]:
    """A fresh RED sandbox (200 demo SKUs, seed 1, no faults) on a free loopback port."""
    handle = start_sandbox(port=0, seed=1, skus=200)
    try:
        yield handle
    finally:
        handle.stop()
