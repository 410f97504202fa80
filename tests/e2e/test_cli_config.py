"""``redhome-pos config init | show`` run as a separate process."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from redhome_pos.config import load_config


def redhome(home: Path, *args: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("REDHOME_")}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "cfg"), XDG_DATA_HOME=str(home / "d"))
    env.update(XDG_STATE_HOME=str(home / "state"), **extra_env)
    return subprocess.run(
        [sys.executable, "-m", "redhome_pos", "--config", str(home / "store.toml"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=home,
        timeout=120,
    )


def test_init_writes_a_complete_private_file_then_show_masks_its_secrets(tmp_path: Path) -> None:
    result = redhome(tmp_path, "config", "init", "--store-code", "SH-JA", "--terminal-id", "POS-03")
    assert result.returncode == 0, result.stderr
    file = tmp_path / "store.toml"
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    config = load_config(file, env={})
    assert (config.store.code, config.terminal_id) == ("SH-JA", "POS-03")
    secret = config.scanning.code_secret
    assert len(secret) >= 32

    again = redhome(tmp_path, "config", "init")
    assert again.returncode == 2 and "exists already" in again.stderr
    assert load_config(file, env={}).scanning.code_secret == secret  # not overwritten

    shown = redhome(tmp_path, "config", "show", REDHOME_ONLINE_STORE_APP_SECRET="env-secret-xyz")
    assert shown.returncode == 0, shown.stderr
    assert 'code = "SH-JA"' in shown.stdout
    assert "[printers.receipt]" in shown.stdout
    assert secret not in shown.stdout
    assert "env-secret-xyz" not in shown.stdout
    assert 'app_secret = "********"' in shown.stdout
