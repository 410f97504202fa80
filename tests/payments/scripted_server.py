"""A real HTTP server on loopback that plays recorded provider answers, in order.

Adapter tests queue the answers a provider would give (status, headers, body — or a fault:
a reset connection, a slow answer) and then read back the requests the adapter sent. It knows
nothing of any provider; the tests build and sign the answers themselves.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # wait before answering (time-out tests)
    reset: bool = False  # close the connection without an answer
    trickle_s: float = 0.0  # send the body a byte at a time with this pause
    # Builds the answer again when it is queued: a signed answer made when the tests were
    # collected would otherwise carry a timestamp long past by the time it is served.
    fresh: Callable[[], Answer] | None = None


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class ScriptedServer:
    def __init__(self) -> None:
        self.answers: list[Answer] = []
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                with server._lock:
                    server.requests.append(
                        Request(self.command, self.path, dict(self.headers.items()), body)
                    )
                    answer = server.answers.pop(0) if server.answers else Answer(599)
                if answer.delay_s:
                    time.sleep(answer.delay_s)
                if answer.reset:
                    self.connection.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                    )
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                self.send_response(answer.status)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(answer.body)))
                self.end_headers()
                if answer.trickle_s:
                    for byte in answer.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(answer.trickle_s)
                else:
                    self.wfile.write(answer.body)

            do_GET = _serve
            do_POST = _serve

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._http.daemon_threads = True
        self._http.block_on_close = False
        self._http.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._thread = threading.Thread(
            target=self._http.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def queue(self, *answers: Answer) -> None:
        made = [answer.fresh() if answer.fresh is not None else answer for answer in answers]
        with self._lock:
            self.answers.extend(made)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._http.shutdown()
        self._http.server_close()


@contextmanager
def scripted_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()
