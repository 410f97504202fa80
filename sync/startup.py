"""Building the sync engine for the configured store (the app and ``redhome-pos sync``)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from redhome_pos.config import Config
from redhome_pos.persistence.database import Database
from sync.engine import SyncEngine
from sync.errors import SyncError
from sync.settings import SyncSettings
from sync.token_store import DatabaseTokenStore


def sync_settings(config: Config) -> SyncSettings:
    """The engine's settings from the store's configuration."""
    online = config.online_store
    return SyncSettings(
        warehouse_code=online.warehouse_code,
        terminal_id=config.terminal_id,
        store_kind=online.kind,
        timezone=config.store.timezone,
    )


@contextmanager
def engine_for_store(config: Config, database: Database) -> Iterator[SyncEngine]:
    """The sync engine of the configured online store; stopped, with its lease given back
    and its connection closed, when the block ends."""
    from sync.red.setup import red_client, red_online_store

    online = config.online_store
    if online.kind != "red":
        raise SyncError(detail=f"unknown kind of online store: {online.kind}")
    with red_client(online) as client:
        store = red_online_store(online, client, DatabaseTokenStore(database, online.kind))
        engine = SyncEngine(
            database,
            store,
            sync_settings(config),
            notice=store.authorizer.reconnect_warning,
        )
        try:
            yield engine
        finally:
            engine.close()
