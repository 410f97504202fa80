"""The one HTTP path every payment adapter call takes.

:meth:`PaymentHttp.send` applies the connect and read time-outs, never follows a redirect, caps
the size of the answer, and keeps the whole call (connect, wait, read) inside a deadline. Every
way the network can fail becomes a :class:`TransportFailure` carrying a ``Reason``; the adapters
turn that into an UNKNOWN outcome. Nothing here retries: a payment call is never sent twice
behind the caller's back (the charge service decides to query or reverse instead).

Only the method, the path and the status reach the log: bodies carry payment codes and
signatures, query strings may carry order numbers of other merchants' formats.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests
import urllib3

from redhome_pos.domain.payments import PaymentConfigError, Reason

log = logging.getLogger(__name__)

LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
_CHUNK = 16_384


@dataclass(frozen=True, slots=True)
class HttpLimits:
    """How long a payment call may take and how much it may bring back."""

    connect_timeout_s: float = 5.0
    read_timeout_s: float = 15.0
    deadline_s: float = 30.0  # the whole call, connect to last byte
    max_answer_bytes: int = 256 * 1024  # API answers are a few kilobytes
    max_bill_bytes: int = 64 * 1024 * 1024  # a day's bill file


@dataclass(frozen=True, slots=True)
class HttpAnswer:
    status: int
    headers: Mapping[str, str]  # case-insensitive (requests' own mapping)
    body: bytes

    def header(self, name: str) -> str:
        return str(self.headers.get(name, "") or "")


class Unusable(Exception):
    """No answer to believe; ``reason`` says why (for ``ChargeStatus.reason_code``)."""

    def __init__(self, reason: Reason, detail: str) -> None:
        super().__init__(f"{reason.value}: {detail}")
        self.reason = reason
        self.detail = detail


class TransportFailure(Unusable):
    """No answer came back at all: time-out, reset, redirect, too large."""


def checked_base_url(url: str, what: str) -> str:
    """``url`` without a trailing slash, refused unless https (plain http only on loopback)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PaymentConfigError(
            "The {what} address {url} is not a web address", what=what, url=url
        )
    if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS:
        raise PaymentConfigError("The {what} address {url} must use https", what=what, url=url)
    return url.rstrip("/")


class PaymentHttp:
    """Sends one request and reads its answer within the limits (see the module docstring)."""

    def __init__(
        self,
        session: requests.Session,
        limits: HttpLimits | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.session = session
        self.limits = limits or HttpLimits()
        self._clock = clock

    def send(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str],
        body: bytes | None = None,
        max_bytes: int | None = None,
        client_cert: tuple[str, str] | None = None,
    ) -> HttpAnswer:
        limits = self.limits
        cap = max_bytes if max_bytes is not None else limits.max_answer_bytes
        started = self._clock()
        path = urlsplit(url).path
        try:
            with self.session.request(
                method,
                url,
                data=body,
                headers=dict(headers),
                timeout=(limits.connect_timeout_s, min(limits.read_timeout_s, limits.deadline_s)),
                allow_redirects=False,
                stream=True,
                cert=client_cert,
            ) as response:
                status = response.status_code
                if 300 <= status < 400:
                    raise TransportFailure(Reason.REDIRECT, f"HTTP {status} (not followed)")
                declared = response.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > cap:
                    raise TransportFailure(Reason.TOO_LARGE, f"{declared} bytes announced")
                data = self._read(response, cap, started)
                answer = HttpAnswer(status, response.headers, data)
        except TransportFailure as failure:
            log.warning("%s %s: %s", method, path, failure)
            raise
        except requests.Timeout as exc:
            log.warning("%s %s: timed out", method, path)
            raise TransportFailure(Reason.TIMEOUT, type(exc).__name__) from None
        except requests.RequestException as exc:
            log.warning("%s %s: no answer (%s)", method, path, type(exc).__name__)
            raise TransportFailure(Reason.CONNECTION, type(exc).__name__) from None
        log.info("%s %s: HTTP %s in %.0f ms", method, path, status, self._elapsed_ms(started))
        return answer

    def _read(self, response: requests.Response, cap: int, started: float) -> bytes:
        chunks: list[bytes] = []
        size = 0
        for chunk in _pieces(response):
            size += len(chunk)
            if size > cap:
                raise TransportFailure(Reason.TOO_LARGE, f"more than {cap} bytes")
            chunks.append(chunk)
            if self._clock() - started > self.limits.deadline_s:
                raise TransportFailure(Reason.TIMEOUT, "the whole-call deadline passed")
        return b"".join(chunks)

    def _elapsed_ms(self, started: float) -> float:
        return (self._clock() - started) * 1000


def _pieces(response: requests.Response) -> Iterator[bytes]:
    """The body as it arrives: one socket read at a time, so a trickling answer still meets
    the deadline check between reads (``iter_content`` would wait for whole chunks)."""
    raw = response.raw
    read1 = getattr(raw, "read1", None)
    if read1 is None:  # an older urllib3
        yield from response.iter_content(_CHUNK)
        return
    try:
        while piece := read1(_CHUNK, decode_content=True):
            yield piece
    except urllib3.exceptions.ReadTimeoutError as exc:
        raise requests.Timeout(str(exc)) from None
    except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError) as exc:
        raise requests.ConnectionError(str(exc)) from None
