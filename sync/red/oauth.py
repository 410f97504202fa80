"""Connecting the store to RED: the authorization URL, the code exchange, refreshing tokens.

The access token lives 7 days and the refresh token 14. The program refreshes by itself when the
access token has less than ``refresh_before`` left (the platform hands back the same tokens while
more than 30 minutes remain, so the margin sits below that), and warns the manager days before
the refresh token runs out, since after that only a new approval connects the store again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from sync.connector import OAuthTokens, TokenStore
from sync.errors import AuthError, ParseError
from sync.red import api
from sync.red.client import RedClient


class MemoryTokenStore:
    """Tokens kept in memory (tests, one-off commands)."""

    def __init__(self, tokens: OAuthTokens | None = None) -> None:
        self.tokens = tokens
        self.saves = 0

    def load(self) -> OAuthTokens | None:
        return self.tokens

    def save(self, tokens: OAuthTokens) -> None:
        self.tokens = tokens
        self.saves += 1


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _from_ms(value: Any, method: str, name: str) -> datetime:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ParseError(method=method, detail=f"'{name}' is not a time in milliseconds")
    try:
        return datetime.fromtimestamp(value / 1000, UTC)
    except (OverflowError, OSError, ValueError):
        raise ParseError(method=method, detail=f"'{name}' is out of range") from None


def tokens_from_answer(method: str, data: Any) -> OAuthTokens:
    """Read the tokens out of ``oauth.getAccessToken`` / ``oauth.refreshToken`` data."""
    if not isinstance(data, Mapping):
        raise ParseError(method=method, detail="no token data in the answer")
    access, refresh = data.get(api.ACCESS_TOKEN), data.get(api.REFRESH_TOKEN_FIELD)
    if not isinstance(access, str) or not access or not isinstance(refresh, str) or not refresh:
        raise ParseError(method=method, detail="the answer has no access or refresh token")
    seller_id, seller_name = data.get(api.SELLER_ID, ""), data.get(api.SELLER_NAME, "")
    return OAuthTokens(
        access_token=access,
        access_expires_at=_from_ms(
            data.get(api.ACCESS_TOKEN_EXPIRES_AT), method, api.ACCESS_TOKEN_EXPIRES_AT
        ),
        refresh_token=refresh,
        refresh_expires_at=_from_ms(
            data.get(api.REFRESH_TOKEN_EXPIRES_AT), method, api.REFRESH_TOKEN_EXPIRES_AT
        ),
        seller_id=str(seller_id) if isinstance(seller_id, str | int) else "",
        seller_name=seller_name if isinstance(seller_name, str) else "",
    )


class RedAuthorizer:
    """The store's authorisation with RED: approval, code exchange, tokens kept fresh."""

    def __init__(
        self,
        client: RedClient,
        tokens: TokenStore,
        *,
        redirect_uri: str,
        authorization_base_url: str | None = None,
        refresh_before: timedelta = timedelta(minutes=20),
        warn_before: timedelta = timedelta(days=3),
        now: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.client = client
        self.tokens = tokens
        self.redirect_uri = redirect_uri
        self.authorization_base_url = (authorization_base_url or client.base_url).rstrip("/")
        self.refresh_before = refresh_before
        self.warn_before = warn_before
        self._now = now
        self._lock = threading.Lock()

    def authorization_url(self, state: str) -> str:
        """The page the manager opens to approve this program for the store."""
        query = urlencode(
            {api.APP_ID: self.client.app_id, api.REDIRECT_URI: self.redirect_uri, api.STATE: state}
        )
        return f"{self.authorization_base_url}{api.AUTHORIZATION_PATH}?{query}"

    def exchange_code(self, code: str) -> OAuthTokens:
        """Trade the code from the approval redirect (valid 10 minutes, once) for tokens."""
        code = code.strip()
        if not code:
            raise AuthError(detail="no authorization code given")
        data = self.client.call(api.GET_ACCESS_TOKEN, {api.CODE: code})
        return tokens_from_answer(api.GET_ACCESS_TOKEN, data)

    def connect(self, code: str) -> OAuthTokens:
        """Exchange the code and keep the tokens."""
        tokens = self.exchange_code(code)
        self.tokens.save(tokens)
        return tokens

    def access_token(self, *, force_refresh: bool = False) -> str:
        """A valid access token, refreshed first when it is about to expire."""
        with self._lock:
            tokens = self.tokens.load()
            if tokens is None:
                raise AuthError(detail="the store is not connected to the online store yet")
            now = self._now()
            if tokens.refresh_expires_at <= now and tokens.access_expires_at <= now:
                raise AuthError(detail="the online store authorisation has expired")
            if force_refresh or tokens.access_expires_at - now <= self.refresh_before:
                if tokens.refresh_expires_at > now:
                    tokens = self._refresh(tokens)
                elif tokens.access_expires_at <= now:
                    raise AuthError(detail="the online store authorisation has expired")
            return tokens.access_token

    def near_expiry(self) -> bool:
        """Whether the access token is within 30 minutes of its known expiry, or past it: only
        then can a refresh give a new one (with more left the platform returns the same)."""
        tokens = self.tokens.load()
        if tokens is None:
            return False
        left = tokens.access_expires_at - self._now()
        return left <= timedelta(seconds=api.REFRESH_SAME_TOKENS_ABOVE_S)

    def refresh(self) -> OAuthTokens:
        """Ask for fresh tokens now (the platform returns the same ones while > 30 min left)."""
        with self._lock:
            tokens = self.tokens.load()
            if tokens is None:
                raise AuthError(detail="the store is not connected to the online store yet")
            return self._refresh(tokens)

    def _refresh(self, tokens: OAuthTokens) -> OAuthTokens:
        if tokens.refresh_expires_at <= self._now():
            raise AuthError(detail="the online store authorisation has expired")
        data = self.client.call(api.REFRESH_TOKEN, {api.REFRESH_TOKEN_FIELD: tokens.refresh_token})
        fresh = tokens_from_answer(api.REFRESH_TOKEN, data)
        if fresh != tokens:
            self.tokens.save(fresh)
        return fresh

    def authorisation_left(self) -> timedelta | None:
        """How long until only a new approval connects the store again (None: not connected)."""
        tokens = self.tokens.load()
        return None if tokens is None else tokens.refresh_expires_at - self._now()

    def reconnect_warning(self) -> str | None:
        """Words for the manager when the refresh token runs out within ``warn_before``."""
        left = self.authorisation_left()
        if left is None:
            return "The store is not connected to the online store."
        if left <= timedelta(0):
            return "The online store authorisation has expired. Connect the store again."
        if left <= self.warn_before:
            days = max(left.days, 0)
            hours = int(left.total_seconds() // 3600)
            when = f"in {days} days" if days >= 1 else f"in {hours} hours"
            return f"The online store authorisation runs out {when}. Connect the store again."
        return None
