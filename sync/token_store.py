"""The store database as the connector's token store (tokens survive restarts).

The tokens are encrypted at rest (Fernet: AES with an HMAC) with the store's secrets key,
which is kept apart from the database (the OS keyring, else a 0600 key file beside the
configuration; ``redhome_pos.config.keys``): a copy of the database alone does not give the
store's online shop away. Tokens written before encryption are still read, and written
encrypted the next time they are saved (every refresh).
"""

from __future__ import annotations

import logging

from cryptography.fernet import Fernet, InvalidToken

from redhome_pos.config.keys import SECRETS_KEY, process_key, sealing
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.sync import StoredTokens, SyncRepository
from sync.connector import OAuthTokens

log = logging.getLogger(__name__)

ENCRYPTED = "enc1:"


def _cipher(key: bytes) -> Fernet:
    return sealing(key, "online-store tokens")


class DatabaseTokenStore:
    """Keeps the OAuth tokens of one online store (``store_kind``) in the store database,
    encrypted with ``key`` (by default this process's store's secrets key)."""

    def __init__(
        self, database: Database, store_kind: str = "red", key: bytes | None = None
    ) -> None:
        self._database = database
        self._store_kind = store_kind
        key = key if key is not None else process_key(SECRETS_KEY)
        self._cipher = _cipher(key) if key else None

    def _seal(self, token: str) -> str:
        if self._cipher is None or not token:
            return token
        return ENCRYPTED + self._cipher.encrypt(token.encode()).decode("ascii")

    def _open(self, stored: str) -> str | None:
        if not stored.startswith(ENCRYPTED):
            return stored  # written before encryption
        if self._cipher is None:
            return None
        try:
            return self._cipher.decrypt(stored[len(ENCRYPTED) :].encode("ascii")).decode()
        except InvalidToken:
            return None

    def load(self) -> OAuthTokens | None:
        with self._database.reading() as session:
            stored = SyncRepository(session).tokens(self._store_kind)
        if stored is None:
            return None
        access, refresh = self._open(stored.access_token), self._open(stored.refresh_token)
        if access is None or refresh is None:
            log.warning(
                "the online store's tokens cannot be read with this computer's key: "
                "connect the online store again"
            )
            return None
        return OAuthTokens(
            access_token=access,
            access_expires_at=stored.access_expires_at,
            refresh_token=refresh,
            refresh_expires_at=stored.refresh_expires_at,
            seller_id=stored.seller_id,
            seller_name=stored.seller_name,
        )

    def save(self, tokens: OAuthTokens) -> None:
        with self._database.unit_of_work() as uow:
            SyncRepository(uow.session).save_tokens(
                self._store_kind,
                StoredTokens(
                    access_token=self._seal(tokens.access_token),
                    access_expires_at=tokens.access_expires_at,
                    refresh_token=self._seal(tokens.refresh_token),
                    refresh_expires_at=tokens.refresh_expires_at,
                    seller_id=tokens.seller_id,
                    seller_name=tokens.seller_name,
                ),
            )
            uow.commit()
