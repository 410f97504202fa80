"""Importing escpos leaves our logging alone and caches its capabilities in one folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, logging, os
root = logging.getLogger()
root.setLevel(logging.WARNING)
before = list(root.handlers)
import printers.escpos_import as imp
print(json.dumps({
    "handlers_same": list(root.handlers) == before,
    "level": root.level,
    "dir": os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"],
    "files": sorted(os.listdir(os.environ["ESCPOS_CAPABILITIES_PICKLE_DIR"])),
}))
"""


def _run(env: dict[str, str]) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path.cwd(),
    )
    data: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def test_escpos_import_keeps_root_logging_and_uses_the_fixed_cache(tmp_path: Path) -> None:
    env = {**os.environ, "ESCPOS_CAPABILITIES_PICKLE_DIR": str(tmp_path / "cache")}
    first = _run(env)
    second = _run(env)
    assert first["handlers_same"] is True
    assert first["level"] == 30
    assert first["dir"] == str(tmp_path / "cache")
    assert first["files"] and first["files"] == second["files"]  # one pickle, reused
