"""A tiny HTTP server on loopback that answers the gateway from a list, or from a function.

Tests use it for the shapes the sandbox does not produce on its own and to replay the official
documents' example bodies through the real client (real HTTP, real parsing).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Responder = Callable[[dict[str, Any]], Any]


@dataclass
class Recorded:
    """Answers to give, in order (or ``responder`` asked per request), and what was received."""

    answers: list[tuple[int, dict[str, str], bytes]] = field(default_factory=list)
    received: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    raw: list[bytes] = field(default_factory=list)
    responder: Responder | None = None

    def add(self, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
        self.answers.append((status, headers or {}, raw))

    def ok(self, data: Any) -> None:
        self.add({"success": True, "error_code": 0, "error_msg": "", "data": data})

    def next_answer(self, body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
        if self.responder is not None and not self.answers:
            answer = self.responder(body)
            raw = json.dumps(answer, ensure_ascii=False).encode()
            return 200, {}, raw
        return self.answers.pop(0)


@contextmanager
def serving(replay: Recorded) -> Iterator[str]:
    """Serve ``replay`` on a free loopback port; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            replay.raw.append(raw)
            replay.headers.append(dict(self.headers.items()))
            body = json.loads(raw)
            replay.received.append(body)
            status, headers, answer = replay.next_answer(body)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer)))
            self.end_headers()
            self.wfile.write(answer)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
