"""The payments sandbox's HTTP server on loopback: both providers' APIs and its own control.

Routes: WeChat Pay APIv3 under ``/v3/``, APIv2 XML under ``/pay/`` and ``/secapi/pay/``, the
Alipay gateway at ``/gateway.do`` and its bill files at ``/alipay/bill/download``. The
sandbox's own endpoints are under ``/_sandbox/`` (see ``docs/payments-sandbox.md``).
"""

from __future__ import annotations

import json
import logging
import socket
import struct
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

from payments.sandbox.alipay import BILL_PATH, GATEWAY_PATH, AlipayGateway
from payments.sandbox.behaviours import Switch
from payments.sandbox.context import Answer, Request, Sandbox
from payments.sandbox.wechat_v2 import WechatV2
from payments.sandbox.wechat_v3 import WechatV3

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1 << 20


class PaymentsServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], sandbox: Sandbox) -> None:
        super().__init__(address, Handler)
        self.sandbox = sandbox
        self.wechat_v3 = WechatV3(sandbox)
        self.wechat_v2 = WechatV2(sandbox)
        self.alipay = AlipayGateway(sandbox)

    def dispatch(self, request: Request) -> Answer | None:
        path = request.path
        if path.startswith("/v3/"):
            return self.wechat_v3.handle(request)
        if self.wechat_v2.handles(path) and request.method == "POST":
            return self.wechat_v2.handle(request)
        if path == GATEWAY_PATH and request.method in ("POST", "GET"):
            return self.alipay.handle(request)
        if path == BILL_PATH and request.method == "GET":
            return self.alipay.bill_file(request)
        return None

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hung up before its answer (a reset, a broken pipe: a time-out on its
        side) is ordinary for a provider's server: one line at debug, no traceback. Anything
        else is reported as the standard library does."""
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            log.debug("payments sandbox: client %s went away (%s)", client_address, error)
            return
        super().handle_error(request, client_address)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: PaymentsServer
    _was_reset = False

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("payments sandbox: " + format, *args)

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        started = time.perf_counter()
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            self._send(Answer(413, b'{"code":"PARAM_ERROR","message":"body too large"}'))
            return
        body = self.rfile.read(length) if length else b""
        if url.path.startswith("/_sandbox/"):
            self._send(self._control(method, url.path, url.query, body))
            return
        request = Request(method, url.path, url.query, dict(self.headers.items()), body)
        sandbox = self.server.sandbox
        try:
            answer = self.server.dispatch(request)
        except Exception:  # a bug here must still answer, like the provider's 500
            log.exception("payments sandbox: %s %s failed", method, url.path)
            answer = Answer(500, b'{"code":"SYSTEM_ERROR","message":"sandbox error"}')
        if answer is None:
            answer = Answer(404, b'{"code":"NOT_FOUND","message":"no such endpoint"}')
        if answer.delay_s:
            time.sleep(answer.delay_s)
        if answer.lost:
            self._reset()
        else:
            self._send(answer)
        sandbox.add_busy(time.perf_counter() - started)

    def _send(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer.body)))
        self.end_headers()
        self.wfile.write(answer.body)

    def _reset(self) -> None:
        """Drop the connection with a TCP reset: the client gets no answer at all."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self._was_reset = True

    def finish(self) -> None:
        if self._was_reset:
            self.connection.close()
            return
        super().finish()

    # --- the sandbox's own endpoints ---------------------------------------------------------

    def _control(self, method: str, path: str, query: str, body: bytes) -> Answer:
        sandbox = self.server.sandbox
        try:
            data = json.loads(body.decode("utf-8")) if body else {}
            if method == "GET" and path == "/_sandbox/state":
                return _json(state_snapshot(sandbox))
            if method == "GET" and path == "/_sandbox/order":
                fields = {k: v[0] for k, v in parse_qs(query).items()}
                orders = state_snapshot(sandbox)["orders"].get(fields.get("provider", ""), {})
                found = orders.get(fields.get("out_trade_no", ""))
                return _json(found, 200 if found is not None else 404)
            if method == "POST" and path == "/_sandbox/switch":
                sandbox.switches.add(Switch(
                    str(data["behaviour"]), data.get("provider"), data.get("method"),
                    None if data.get("seconds") is None else float(data["seconds"]),
                    int(data.get("count", 1)),
                ))  # fmt: skip
                return _json({"queued": sandbox.switches.describe()})
            if method == "POST" and path == "/_sandbox/switch/clear":
                sandbox.switches.clear()
                return _json({"queued": []})
            if method == "POST" and path == "/_sandbox/clock":
                with sandbox.ledger.changing():
                    sandbox.ledger.clock_offset_s += float(data.get("advance_s", 0))
                return _json({"now": sandbox.ledger.now()})
            if method == "POST" and path == "/_sandbox/bills-anytime":
                sandbox.bills_anytime = bool(data.get("on", True))
                return _json({"bills_anytime": sandbox.bills_anytime})
        except (ValueError, KeyError, TypeError) as error:
            return _json({"error": str(error)}, 400)
        return _json({"error": "not found"}, 404)


def _json(payload: Any, status: int = 200) -> Answer:
    return Answer(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))


def state_snapshot(sandbox: Sandbox) -> dict[str, Any]:
    snapshot = sandbox.ledger.snapshot()
    snapshot["busy_s"] = round(sandbox.busy_s, 6)
    snapshot["switches"] = sandbox.switches.describe()
    snapshot["bills_anytime"] = sandbox.bills_anytime
    return snapshot
