"""Linking the store to its online store: a manager trades the approval page's code for
tokens (kept by the token store, never shown), and the link is audited (without the code)."""

from __future__ import annotations

from redhome_pos.config import OnlineStoreConfig
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting
from sync.connector import OAuthTokens
from sync.token_store import DatabaseTokenStore


@acting(Permission.SETTINGS)
def connect_store(
    database: Database,
    till: Till,
    staff: StaffSession,
    settings: OnlineStoreConfig,
    code: str,
    *,
    via: str = "back office",
) -> OAuthTokens:
    """Trade ``code`` from the approval page for tokens and keep them."""
    from sync.red.setup import red_authorizer, red_client

    tokens = DatabaseTokenStore(database, settings.kind)
    with red_client(settings) as client:
        got = red_authorizer(settings, client, tokens).connect(code.strip())
    audit.record_action(
        database, till, AuditAction.SETTINGS_CHANGE, staff.id, section="online_store", via=via,
        seller=got.seller_id, changes={"connected": [False, True]},
    )  # fmt: skip
    return got
