"""Following ``xhslink.com`` short links to the RED note they stand for.

Only the redirect tells which note a short link means, so resolving needs the network. Every
hop is checked before it is requested: the first must be a short-link host, later ones a
short-link host too, and the walk stops, without requesting it, at the first address on a RED
note host. Any other host is refused and never contacted. Offline, or when anything is off,
the resolver answers None and the counter asks the clerk to scan the product instead.
"""

from __future__ import annotations

import logging
from types import TracebackType
from urllib.parse import urljoin, urlsplit

import requests

from redhome_pos.domain.scan import NOTE_HOSTS, SHORT_LINK_HOSTS
from sync.errors import SyncError

log = logging.getLogger(__name__)

MAX_HOPS = 5
REDIRECTS = (301, 302, 303, 307, 308)


class ShortLinkError(SyncError):
    """A short link could not be followed to a RED note."""

    template = "The short link could not be opened ({detail}): scan the product itself"


class ShortLinkResolver:
    """Follows short links with a timeout; ``resolve`` raises, calling the resolver does not.

    ``short_link_hosts`` and ``note_hosts`` are the hosts allowed on the way; tests pass a
    loopback host, a store never needs to change them.
    """

    def __init__(
        self,
        *,
        timeout_s: float = 3.0,
        session: requests.Session | None = None,
        short_link_hosts: frozenset[str] = SHORT_LINK_HOSTS,
        note_hosts: frozenset[str] = NOTE_HOSTS,
    ) -> None:
        self.timeout_s = timeout_s
        self._session = session or requests.Session()
        self._short_link_hosts = short_link_hosts
        self._note_hosts = note_hosts

    def __enter__(self) -> ShortLinkResolver:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def __call__(self, url: str) -> str | None:
        """The note address ``url`` leads to, or None when it cannot be found now."""
        try:
            return self.resolve(url)
        except ShortLinkError as error:
            log.info("short link not resolved: %s", error.message)
            return None

    def resolve(self, url: str) -> str:
        """The RED note address ``url`` redirects to; ``ShortLinkError`` otherwise."""
        if self._host(url) not in self._short_link_hosts:
            raise ShortLinkError(detail="not a short link")
        for _ in range(MAX_HOPS):
            location = self._next(url)
            host = self._host(location)
            if host in self._note_hosts:
                return location
            if host not in self._short_link_hosts:
                raise ShortLinkError(detail="it leads away from RED")
            url = location
        raise ShortLinkError(detail="too many redirects")

    def _next(self, url: str) -> str:
        try:
            response = self._session.get(
                url, allow_redirects=False, timeout=self.timeout_s, stream=True
            )
        except requests.Timeout:
            raise ShortLinkError(detail="no answer in time") from None
        except requests.RequestException:
            raise ShortLinkError(detail="no network") from None
        with response:
            location = response.headers.get("Location", "")
            if response.status_code not in REDIRECTS or not location:
                raise ShortLinkError(detail=f"HTTP {response.status_code}")
        return urljoin(url, location)

    @staticmethod
    def _host(url: str) -> str:
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
        except ValueError:
            return ""
        return host if parts.scheme in ("http", "https") else ""
