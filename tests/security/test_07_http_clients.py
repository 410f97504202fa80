"""Point 7: the RED client against a hostile or broken server on loopback. A redirect is an
error and nothing is sent on (the body carries the access token); an answer larger than the
cap is not read; a trickling answer stops at the deadline for the whole call, not only per
read; a refusal whose words echo the token, the signature or the app secret reaches the
screen masked. (The payment clients' one HTTP path, ``payments.http``, does the first three
already; its tests are in tests/payments.)"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from sync.errors import HttpError, PlatformError, Unreachable
from sync.red.client import RedClient, RetryPolicy

TOKEN = "at-7c1e0b9f4d2a4e51a0c3d8e6f9b2a417"
SECRET = "app-secret-3f9d6c1b7a"
Handler = Callable[[BaseHTTPRequestHandler, bytes], None]


@contextmanager
def serving(answer: Handler) -> Iterator[tuple[str, list[bytes]]]:
    """A loopback HTTP server answering every POST with ``answer``; yields its URL and the
    bodies it received."""
    received: list[bytes] = []

    class One(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            received.append(body)
            answer(self, body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), One)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", received
    finally:
        server.shutdown()
        server.server_close()


def _client(base_url: str, **kw: Any) -> RedClient:
    return RedClient(
        base_url, "app-1", SECRET, retry=RetryPolicy(attempts=1), sleep=lambda _s: None, **kw
    )


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes, **headers: str) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@pytest.mark.parametrize("status", [301, 302, 307, 308])
def test_a_redirect_is_an_error_and_the_token_goes_nowhere(status: int) -> None:
    with serving(lambda h, _b: _send(h, 200, b'{"success":true,"data":{}}')) as (
        elsewhere,
        stolen,
    ):

        def redirect(handler: BaseHTTPRequestHandler, _body: bytes) -> None:
            _send(handler, status, b"", Location=elsewhere + "/steal")

        with (
            serving(redirect) as (base_url, received),
            _client(base_url) as client,
            pytest.raises(HttpError, match="redirected"),
        ):
            client.call("product.getSkuStock", {"skuId": "S1"}, access_token=TOKEN)
        assert len(received) == 1 and TOKEN.encode() in received[0]
        assert stolen == []


def test_an_answer_over_the_cap_is_not_read() -> None:
    big = b'{"success":true,"data":"' + b"x" * 3_000_000 + b'"}'

    def streaming(handler: BaseHTTPRequestHandler, _body: bytes) -> None:
        handler.send_response(200)  # no Content-Length: the cap is met while reading
        handler.end_headers()
        for start in range(0, len(big), 65_536):
            handler.wfile.write(big[start : start + 65_536])

    for answer in (streaming, lambda h, _b: _send(h, 200, big)):
        with (
            serving(answer) as (base_url, _),
            _client(base_url, max_answer_bytes=1_048_576) as c,
            pytest.raises(HttpError, match="larger than 1 MB"),
        ):
            c.call("product.getSkuStock", {"skuId": "S1"}, access_token=TOKEN)


def test_a_trickling_answer_stops_at_the_whole_call_deadline() -> None:
    def trickle(handler: BaseHTTPRequestHandler, _body: bytes) -> None:
        handler.send_response(200)
        handler.end_headers()
        for _ in range(100):  # one byte every 0.1 s: each read is quick, the whole is not
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.1)

    with serving(trickle) as (base_url, _), _client(base_url, timeout_s=2.0, deadline_s=1.0) as c:
        started = time.monotonic()
        with pytest.raises(Unreachable, match="no whole answer in 1 s"):
            c.call("product.getSkuStock", {"skuId": "S1"}, access_token=TOKEN)
        assert time.monotonic() - started < 4.0


def test_a_refusal_that_echoes_the_token_is_shown_masked() -> None:
    def echo(handler: BaseHTTPRequestHandler, body: bytes) -> None:
        sent = json.loads(body)
        words = (
            f"invalid accessToken={sent['accessToken']} for app {SECRET}; sign: {sent['sign']}"
            f" raw {sent['accessToken']}"
        )
        answer = {"success": False, "error_code": 9999, "error_msg": words}
        _send(handler, 200, json.dumps(answer).encode())

    with (
        serving(echo) as (base_url, _),
        _client(base_url) as client,
        pytest.raises(PlatformError) as refused,
    ):
        client.call("product.getSkuStock", {"skuId": "S1"}, access_token=TOKEN)
    shown = str(refused.value)
    assert "invalid accessToken=" in shown
    assert TOKEN not in shown and SECRET not in shown
    assert TOKEN[:12] not in shown
