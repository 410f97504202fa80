"""Golden files of the printer tests: compared byte for byte, rewritten only on request."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"
# REDHOME_UPDATE_GOLDEN=1 rewrites the golden files from the current output (review the diff!).
UPDATE = os.environ.get("REDHOME_UPDATE_GOLDEN") == "1"


def check_golden_bytes(name: str, actual: bytes) -> None:
    path = GOLDEN / name
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(
                f"golden file {path} is missing; run with REDHOME_UPDATE_GOLDEN=1 to create it"
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(actual)
        return
    assert actual == path.read_bytes(), f"output differs from golden file {path}"
