"""The counter app runs the sync engine in the background when the online store is on."""

from __future__ import annotations

import time
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from redhome_pos.commands.app import _start_sync
from redhome_pos.commands.online_store import _connector
from redhome_pos.config import AppPaths, Config, load_config
from redhome_pos.persistence.database import Database
from sync.red_sandbox import SandboxHandle
from sync.status import sync_status


def _config(tmp_path: Path, database: Database, sandbox: SandboxHandle, enabled: bool) -> Config:
    config = load_config(env={"REDHOME_DATABASE_URL": database.url}, paths=AppPaths.under(tmp_path))
    online = replace(
        config.online_store,
        base_url=sandbox.base_url,
        app_id=sandbox.app_id,
        app_secret=sandbox.app_secret,
        warehouse_code=sandbox.warehouse_code,
        enabled=enabled,
    )
    return replace(config, online_store=online)


def _wait(condition: object, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if callable(condition) and condition():
            return True
        time.sleep(0.05)
    return False


def test_the_app_syncs_in_the_background_and_gives_the_lease_back(
    tmp_path: Path, database: Database, sandbox: SandboxHandle
) -> None:
    config = _config(tmp_path, database, sandbox, enabled=True)
    client, authorizer = _connector(config, database)
    with client:
        authorizer.connect(sandbox.authorization_code())
    with ExitStack() as stack:
        _start_sync(stack, config, database)
        assert _wait(lambda: sync_status(database).online is True)
        assert sync_status(database).engine_holder is not None
    assert sync_status(database).engine_holder is None


def test_with_the_online_store_off_no_engine_runs(
    tmp_path: Path, database: Database, sandbox: SandboxHandle
) -> None:
    config = _config(tmp_path, database, sandbox, enabled=False)
    with ExitStack() as stack:
        _start_sync(stack, config, database)
        assert sync_status(database).engine_holder is None
        assert sync_status(database).online is None


def test_an_engine_that_cannot_start_leaves_the_counter_offline(
    tmp_path: Path, database: Database, sandbox: SandboxHandle
) -> None:
    config = _config(tmp_path, database, sandbox, enabled=True)
    config = replace(config, online_store=replace(config.online_store, kind="another-platform"))
    with ExitStack() as stack:
        _start_sync(stack, config, database)  # logged, not raised
        assert sync_status(database).engine_holder is None
