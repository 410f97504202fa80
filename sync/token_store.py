"""The store database as the connector's token store (tokens survive restarts)."""

from __future__ import annotations

from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.sync import StoredTokens, SyncRepository
from sync.connector import OAuthTokens


class DatabaseTokenStore:
    """Keeps the OAuth tokens of one online store (``store_kind``) in the store database."""

    def __init__(self, database: Database, store_kind: str = "red") -> None:
        self._database = database
        self._store_kind = store_kind

    def load(self) -> OAuthTokens | None:
        with self._database.reading() as session:
            stored = SyncRepository(session).tokens(self._store_kind)
        if stored is None:
            return None
        return OAuthTokens(
            access_token=stored.access_token,
            access_expires_at=stored.access_expires_at,
            refresh_token=stored.refresh_token,
            refresh_expires_at=stored.refresh_expires_at,
            seller_id=stored.seller_id,
            seller_name=stored.seller_name,
        )

    def save(self, tokens: OAuthTokens) -> None:
        with self._database.unit_of_work() as uow:
            SyncRepository(uow.session).save_tokens(
                self._store_kind,
                StoredTokens(
                    access_token=tokens.access_token,
                    access_expires_at=tokens.access_expires_at,
                    refresh_token=tokens.refresh_token,
                    refresh_expires_at=tokens.refresh_expires_at,
                    seller_id=tokens.seller_id,
                    seller_name=tokens.seller_name,
                ),
            )
            uow.commit()
