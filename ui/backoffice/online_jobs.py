"""Connecting the store to its online store from the back office: the approval page, the
code from it traded for tokens (kept in the store database, never shown), and how long the
authorisation lasts."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from redhome_pos.config import Config
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.staff import StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.services.counter import Till
from sync.token_store import DatabaseTokenStore


class ConnectionSetupError(DomainError):
    """The online store's settings are not complete enough to connect."""


@dataclass(frozen=True, slots=True)
class Connection:
    connected: bool
    seller: str = ""
    expires_at: datetime | None = None  # when only a new approval connects the store again


def connection(config: Config, database: Database) -> Connection:
    tokens = DatabaseTokenStore(database, config.online_store.kind).load()
    if tokens is None:
        return Connection(False)
    return Connection(True, tokens.seller_name or tokens.seller_id, tokens.refresh_expires_at)


def _check(config: Config) -> None:
    online = config.online_store
    if online.kind != "red" or not online.base_url or not online.app_id:
        raise ConnectionSetupError(
            "Set the online store's address, app id and secret in the configuration first"
        )


def approval_page(config: Config, database: Database) -> str:
    """The page the manager opens to approve this program for the store."""
    from sync.red.setup import red_authorizer, red_client

    _check(config)
    tokens = DatabaseTokenStore(database, config.online_store.kind)
    with red_client(config.online_store) as client:
        return red_authorizer(config.online_store, client, tokens).authorization_url(
            secrets.token_urlsafe(16)
        )


def connect(
    config: Config, database: Database, till: Till, staff: StaffSession, code: str
) -> Connection:
    """Trade the code from the approval page for tokens; audited (without the code)."""
    from sync.link import connect_store

    _check(config)
    connect_store(database, till, staff, config.online_store, code)
    return connection(config, database)
