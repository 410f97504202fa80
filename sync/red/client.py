"""The one call path to the RED open platform.

Every call goes through :meth:`RedClient.call`: it builds and signs the envelope, waits for the
rate limiter, applies the timeout, retries what is worth retrying (no answer, HTTP 429/5xx, the
platform's rate-limit error) with jittered exponential back-off, and turns every failure into
one of the errors of ``sync.errors``. Secrets and tokens never reach the log.

The body carries the access token, so a redirect is never followed (it is an error: a 307
would send the body, token included, wherever it points). An answer is read as it arrives
within a size cap and a deadline for the whole call (connect, wait and every read), so a
trickling or endless answer cannot hold the sync or fill the memory. A refusal whose words
echo a token, a code or the signature has them masked before they reach a screen or the log.

The body goes out as UTF-8 JSON with ``Content-Type: application/json;charset=utf-8`` and the
timestamp as a string of digits, as the official examples send them. Both documented answer
shapes are read (``error_code``/``error_msg`` and ``code``/``msg``); a call is judged by
``success``, and an inner ``data.response`` that says ``success: false`` makes the call a
refusal too. A refusal with a code the documents name keeps its known words; any other is
"the platform refused" with the platform's own message.
"""

from __future__ import annotations

import json
import logging
import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3

from redhome_pos.logging_setup import redact
from sync.errors import (
    AuthError,
    HttpError,
    ParseError,
    PlatformError,
    RateLimited,
    SyncError,
    UnknownRefusal,
    Unreachable,
)
from sync.red import api
from sync.red.ratelimit import TokenBucket

log = logging.getLogger(__name__)

SECRET_FIELDS = frozenset(
    {
        api.SIGN,
        api.ACCESS_TOKEN,
        api.REFRESH_TOKEN_FIELD,
        api.CODE,
        "appSecret",
        api.RECEIVER_NAME,
        api.RECEIVER_PHONE,
        api.RECEIVER_ADDRESS,
        api.BASE_INFOS,
    }
)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
MAX_ANSWER_BYTES = 32 * 1024 * 1024  # a catalog page of 100 SKUs is well under a megabyte
CALL_DEADLINE_S = 60.0  # one attempt, connect to the last byte
_READ = 65_536


def redacted(fields: Mapping[str, Any]) -> dict[str, Any]:
    """A copy fit for a log line: secrets, tokens, codes and receiver data replaced."""
    return {k: ("***" if k in SECRET_FIELDS else v) for k, v in fields.items()}


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how patiently a call is tried again."""

    attempts: int = 5
    base_delay_s: float = 0.5
    max_delay_s: float = 30.0

    def delay(self, retry_no: int, rng: random.Random) -> float:
        """Exponential back-off with jitter: between half and all of base * 2**n, capped."""
        ceiling = min(self.max_delay_s, self.base_delay_s * (2**retry_no))
        return rng.uniform(ceiling / 2, ceiling)


class _Retry(Exception):
    """A failure worth trying again; ``error`` is raised if the attempts run out."""

    def __init__(self, error: SyncError, wait_s: float | None = None) -> None:
        self.error = error
        self.wait_s = wait_s


class RedClient:
    """Signed calls to the open platform's gateway for one app."""

    def __init__(
        self,
        base_url: str,
        app_id: str,
        app_secret: str,
        *,
        session: requests.Session | None = None,
        timeout_s: float = 10.0,
        retry: RetryPolicy | None = None,
        rate_limiter: TokenBucket | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        allow_plain_http: bool = False,
        max_answer_bytes: int = MAX_ANSWER_BYTES,
        deadline_s: float = CALL_DEADLINE_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SyncError(detail=f"the online store address {base_url!r} is not a web address")
        if parts.scheme == "http" and parts.hostname not in LOOPBACK_HOSTS and not allow_plain_http:
            raise SyncError(detail=f"the online store address {base_url!r} must use https")
        self.base_url = base_url.rstrip("/")
        self.app_id = app_id
        self._app_secret = app_secret
        self._session = session if session is not None else requests.Session()
        self.timeout_s = timeout_s
        self.max_answer_bytes = max_answer_bytes
        self.deadline_s = deadline_s
        self._monotonic = monotonic
        self.retry = retry or RetryPolicy()
        self._clock = clock
        self._sleep = sleep
        self._rng = rng or random.Random()
        # The platform allows about 100 calls a second per app; stay under it.
        self._bucket = rate_limiter or TokenBucket(api.REQUESTS_PER_SECOND_PER_APP)
        self.calls_made = 0

    def __repr__(self) -> str:
        return f"RedClient({self.base_url!r}, app_id={self.app_id!r})"

    def __enter__(self) -> RedClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._session.close()

    def envelope(
        self, method: str, fields: Mapping[str, Any] | None = None, access_token: str | None = None
    ) -> dict[str, Any]:
        """The signed request body: system fields, then the method's own fields."""
        timestamp = str(int(self._clock()))
        body: dict[str, Any] = {
            api.APP_ID: self.app_id,
            api.TIMESTAMP: timestamp,
            api.VERSION: api.API_VERSION,
            api.METHOD: method,
            api.SIGN: api.sign(method, self.app_id, timestamp, api.API_VERSION, self._app_secret),
        }
        if access_token is not None:
            body[api.ACCESS_TOKEN] = access_token
        for name, value in (fields or {}).items():
            if name in api.ENVELOPE_FIELDS:
                raise ValueError(f"{name} is a system field, not a business field")
            body[name] = value
        return body

    def call(
        self,
        method: str,
        fields: Mapping[str, Any] | None = None,
        *,
        access_token: str | None = None,
    ) -> Any:
        """Call ``method``; returns the envelope's ``data`` (which may be None) on success."""
        last: _Retry | None = None
        for attempt in range(self.retry.attempts):
            if last is not None:
                wait = last.wait_s
                if wait is None:
                    wait = self.retry.delay(attempt - 1, self._rng)
                log.info("retrying %s in %.2f s after: %s", method, wait, last.error)
                self._sleep(wait)
            try:
                return self._attempt(method, fields, access_token)
            except _Retry as retry:
                last = retry
        assert last is not None
        raise last.error from None

    # --- one attempt -------------------------------------------------------------------------

    def _attempt(
        self, method: str, fields: Mapping[str, Any] | None, access_token: str | None
    ) -> Any:
        # Signed per attempt: a retry carries a fresh timestamp.
        body = self.envelope(method, fields, access_token)
        self._bucket.take()
        self.calls_made += 1
        log.debug("calling %s %s", method, redacted(body))
        secrets = [self._app_secret]
        secrets += [str(body[k]) for k in SECRET_FIELDS if isinstance(body.get(k), str)]
        started = self._monotonic()
        try:
            with self._session.post(
                self.base_url + api.GATEWAY_PATH,
                data=json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                headers={"Content-Type": api.CONTENT_TYPE},
                timeout=self.timeout_s,
                verify=True,
                allow_redirects=False,
                stream=True,
            ) as response:
                status = response.status_code
                if 300 <= status < 400:
                    raise HttpError(
                        "The online store call {method} was redirected (HTTP {status}): "
                        "redirects are not followed",
                        method=method,
                        status=status,
                    )
                answer = self._answer(method, response, started)
        except requests.exceptions.SSLError:
            raise SyncError(
                "The online store's certificate could not be verified ({method}). "
                "Check the computer's date and the network.",
                method=method,
            ) from None
        except (requests.ConnectionError, requests.Timeout) as exc:
            raise _Retry(Unreachable(method=method, detail=type(exc).__name__)) from None
        except requests.RequestException as exc:
            raise HttpError(
                "The online store call {method} failed: {detail}",
                method=method,
                detail=type(exc).__name__,
            ) from None
        return self._read(method, status, response.headers, answer, secrets)

    def _answer(self, method: str, response: requests.Response, started: float) -> bytes:
        """The body as it arrives, one socket read at a time, within the cap and deadline."""
        cap = self.max_answer_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > cap:
            raise _too_large(method, cap)
        raw = response.raw
        read = getattr(raw, "read1", None) or raw.read
        pieces: list[bytes] = []
        size = 0
        try:
            while piece := read(_READ, decode_content=True):
                size += len(piece)
                if size > cap:
                    raise _too_large(method, cap)
                pieces.append(piece)
                if self._monotonic() - started > self.deadline_s:
                    raise _Retry(
                        Unreachable(
                            method=method, detail=f"no whole answer in {self.deadline_s:g} s"
                        )
                    )
        except urllib3.exceptions.ReadTimeoutError as exc:
            raise requests.Timeout(str(exc)) from None
        except (urllib3.exceptions.ProtocolError, urllib3.exceptions.DecodeError) as exc:
            raise requests.ConnectionError(str(exc)) from None
        return b"".join(pieces)

    def _read(
        self,
        method: str,
        status: int,
        headers: Mapping[str, str],
        answer: bytes,
        secrets: list[str],
    ) -> Any:
        if status == 429:
            raise _Retry(RateLimited(method=method), _retry_after(headers))
        if status >= 500:
            raise _Retry(HttpError(method=method, status=status), _retry_after(headers))
        if status in (401, 403):
            raise AuthError(detail=f"HTTP {status}")
        if status != 200:
            raise HttpError(method=method, status=status)
        try:
            payload = json.loads(answer)
        except ValueError:
            raise ParseError(method=method, detail="the answer is not JSON") from None
        return self._unwrap(method, payload, secrets)

    def _unwrap(self, method: str, payload: Any, secrets: list[str] | None = None) -> Any:
        if not isinstance(payload, dict):
            raise ParseError(method=method, detail="the answer is not a JSON object")
        success = payload.get(api.SUCCESS)
        if not isinstance(success, bool):
            raise ParseError(method=method, detail=f"'{api.SUCCESS}' is missing or not true/false")
        code = _code(method, payload, api.ERROR_CODE, api.CODE_V2)
        message = redact(_words(payload, api.ERROR_MSG, api.MSG_V2), secrets or ())
        if not success:
            raise self._refusal(method, code, message)
        data = payload.get(api.DATA)
        inner = data.get(api.INNER_RESPONSE) if isinstance(data, dict) else None
        if isinstance(inner, dict) and inner.get(api.INNER_SUCCESS) is False:
            # Refused inside a successful envelope: the call failed all the same.
            code = _code(method, inner, api.INNER_CODE)
            words = redact(_words(inner, api.INNER_MSG, api.INNER_MESSAGE), secrets or ())
            raise self._refusal(method, code, words, inner=True)
        return data

    @staticmethod
    def _refusal(method: str, code: int, message: str, *, inner: bool = False) -> Exception:
        """``inner``: refused inside a successful envelope (about the one thing asked)."""
        if code in api.RATE_LIMIT_ERROR_CODES:
            return _Retry(RateLimited(method=method))
        if code in api.KNOWN_ERROR_CODES:
            words = message or api.ERROR_MESSAGES.get(code, "refused")
            return PlatformError(method=method, error_code=code, error_msg=words, inner=inner)
        words = message or (f"code {code}" if code else "no reason given")
        return UnknownRefusal(method=method, error_code=code, error_msg=words, inner=inner)


def _code(method: str, fields: dict[str, Any], *names: str) -> int:
    """The first of ``names`` present, as a number (absent or null: 0)."""
    for name in names:
        value = fields.get(name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParseError(method=method, detail=f"'{name}' is not a number")
        return value
    return 0


def _words(fields: dict[str, Any], *names: str) -> str:
    for name in names:
        value = fields.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()[:500]
    return ""


def _too_large(method: str, cap: int) -> HttpError:
    return HttpError(
        "The online store's answer to {method} is larger than {size} MB: it was not read",
        method=method,
        size=cap // (1024 * 1024),
    )


def _retry_after(headers: Mapping[str, str]) -> float | None:
    value = headers.get("Retry-After", "")
    try:
        seconds = float(value)
    except ValueError:
        return None
    return min(max(seconds, 0.0), 120.0)
