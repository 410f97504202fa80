"""The RED sandbox: a real HTTP server on loopback speaking the open platform's envelope.

``sync.sandbox.handle.start_sandbox()`` runs it in a thread (tests, the demo app, the
``redhome-pos sandbox`` command). Besides the gateway it serves a few ``/_sandbox/...``
control endpoints for tests and the demo: fault switches, generated orders, a demo
authorization code, a clock to move forward, and an inspection of its state.
"""

from __future__ import annotations

import json
import logging
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from sync.sandbox import wire as api
from sync.sandbox.faults import BEFORE_APPLYING, FaultSwitches
from sync.sandbox.limits import RequestLimits
from sync.sandbox.methods import HANDLERS, HOSTILE_DATA, Refused
from sync.sandbox.seed import red_id
from sync.sandbox.state import SandboxState

log = logging.getLogger(__name__)

DEMO_WAREHOUSE_CODE = "REDHOME-SH-001"
# A request whose timestamp is further than this from the wall clock is refused.
TIMESTAMP_TOLERANCE_S = 600
MAX_BODY_BYTES = 1 << 20


def demo_credentials(seed: int) -> tuple[str, str]:
    """The demo app id and secret; stable per seed so the demo configuration can hold them."""
    return red_id("app", seed)[:20], red_id("secret", seed) + red_id("secret2", seed)[:8]


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, address: tuple[str, int], state: SandboxState, faults: FaultSwitches,
        app_id: str, app_secret: str, warehouse_code: str,
    ) -> None:  # fmt: skip
        super().__init__(address, GatewayHandler)
        self.state = state
        self.faults = faults
        self.app_id = app_id
        self.app_secret = app_secret
        self.warehouse_code = warehouse_code
        self.busy_s = 0.0
        self._busy_lock = threading.Lock()
        self.limits: RequestLimits | None = None

    def add_busy(self, seconds: float) -> None:
        with self._busy_lock:
            self.busy_s += seconds


def envelope(data: Any = None, code: int = 0, message: str = "") -> dict[str, Any]:
    return {api.SUCCESS: code == 0, api.ERROR_CODE: code, api.ERROR_MSG: message, api.DATA: data}


class GatewayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes
    server: SandboxServer
    _was_reset = False

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox: " + format, *args)

    # --- answers -----------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type}; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, payload: Any, status: int = 200) -> None:
        self._send(status, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def _reset(self) -> None:
        """Drop the connection with a TCP reset: the client sees no answer at all."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self._was_reset = True

    def finish(self) -> None:
        if self._was_reset:
            self.connection.close()
            return
        super().finish()

    def _body(self) -> Any:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY_BYTES:
            raise ValueError("body too large")
        raw = self.rfile.read(length) if length else b""
        return json.loads(raw.decode("utf-8")) if raw else {}

    # --- routes ------------------------------------------------------------------------------

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        if path == api.GATEWAY_PATH:
            started = time.perf_counter()
            try:
                self._gateway()
            finally:
                self.server.add_busy(time.perf_counter() - started)
        elif path.startswith("/_sandbox/"):
            self._control(path)
        else:
            self._json({"error": "not found"}, 404)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/_sandbox/state":
            self._json(self._state(query.get("whcode")))
        elif url.path == "/_sandbox/code":
            self._json({"code": self.server.state.new_auth_code()})
        elif url.path == "/_sandbox/approved":
            # Where the sandbox's approval page sends the manager when no redirect is configured.
            text = f"Authorization code: {query.get(api.CODE, '')}\n"
            self._send(200, text.encode("utf-8"), "text/plain")
        elif url.path == api.AUTHORIZATION_PATH:
            self._authorize(query)
        elif url.path == api.GATEWAY_PATH:
            self._json(envelope(None, api.ERR_BAD_PARAMETER, "use POST"), 405)
        else:
            self._json({"error": "not found"}, 404)

    def _authorize(self, query: dict[str, str]) -> None:
        """The manager's approval page, approved at once: redirect back with a code."""
        redirect = query.get(api.REDIRECT_URI, "")
        if query.get(api.APP_ID) != self.server.app_id or not redirect:
            self._send(400, b"unknown appId or missing redirectUri", "text/plain")
            return
        params = {api.CODE: self.server.state.new_auth_code(), api.STATE: query.get("state", "")}
        separator = "&" if "?" in redirect else "?"
        self.send_response(302)
        self.send_header("Location", redirect + separator + urlencode(params))
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _state(self, whcode: str | None) -> dict[str, Any]:
        server = self.server
        snapshot = server.state.snapshot(whcode)
        snapshot["faults"] = server.faults.describe()
        snapshot["busy_s"] = round(server.busy_s, 6)
        snapshot["warehouse_code"] = server.warehouse_code
        snapshot["rate_limited"] = server.limits.refused if server.limits else 0
        return snapshot

    def _control(self, path: str) -> None:
        state = self.server.state
        try:
            body = self._body()
            if path == "/_sandbox/faults":
                rates = body.get("rates", {k: v for k, v in body.items()
                                           if k not in ("latency_ms", "methods")})  # fmt: skip
                self.server.faults.set(
                    rates, latency_ms=body.get("latency_ms"), methods=body.get("methods")
                )
                self._json(self.server.faults.describe())
            elif path == "/_sandbox/orders":
                ids = state.generate_orders(
                    int(body.get("count", 1)), body.get("whcode", self.server.warehouse_code),
                    pickup_share=float(body.get("pickup_share", 0.5)),
                    other_warehouse_share=float(body.get("other_warehouse_share", 0.0)),
                )  # fmt: skip
                self._json({"orderIds": ids})
            elif path == "/_sandbox/order-status":
                state.set_order_status(str(body["orderId"]), int(body["status"]))
                self._json({"ok": True})
            elif path == "/_sandbox/sku":
                changes = {k: v for k, v in body.items() if k not in ("skuId", "remove")}
                if body.get("remove"):
                    state.remove_sku(str(body["skuId"]))
                else:
                    state.update_sku(str(body["skuId"]), **changes)
                self._json({"ok": True})
            elif path == "/_sandbox/clock":
                state.clock_offset_s += float(body.get("advance_s", 0))
                self._json({"now_ms": state.now_ms()})
            else:
                self._json({"error": "not found"}, 404)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            self._json({"error": str(exc)}, 400)

    # --- the gateway -------------------------------------------------------------------------

    def _gateway(self) -> None:
        server = self.server
        try:
            body = self._body()
        except (ValueError, UnicodeDecodeError):
            self._json(envelope(None, api.ERR_BAD_PARAMETER, "body is not JSON"))
            return
        if not isinstance(body, dict):
            self._json(envelope(None, api.ERR_BAD_PARAMETER, "body is not a JSON object"))
            return
        method = body.get(api.METHOD)
        method = method if isinstance(method, str) else ""
        if method:
            server.state.count_call(method)
        if server.faults.fires("latency", method):
            time.sleep(server.faults.latency_ms / 1000)
        for fault in BEFORE_APPLYING:
            if server.faults.fires(fault, method):
                self._fault(fault)
                return
        if server.limits is not None and not server.limits.allow(method):
            self._fault("rate_limit")
            return
        refusal = self._check_envelope(body, method)
        if refusal is not None:
            self._json(envelope(None, refusal.code, refusal.message))
            return
        fields = {k: v for k, v in body.items() if k not in api.ENVELOPE_FIELDS}
        try:
            answer = envelope(HANDLERS[method](server.state, fields))
        except Refused as refused:
            answer = envelope(None, refused.code, refused.message)
        if server.faults.fires("lost", method):
            self._reset()
            return
        self._json(answer)

    def _fault(self, fault: str) -> None:
        if fault == "http_5xx":
            self._send(503, b"<html><body>503 Service Unavailable</body></html>", "text/html")
        elif fault == "rate_limit":
            code = api.ERR_RATE_LIMITED
            self._json(envelope(None, code, api.error_message(code)))
        elif fault == "malformed":
            self._send(200, b'{"success": true, "error_code": 0, "data": {"pageNO": 1, "da')
        elif fault == "hostile":
            self._json(envelope(HOSTILE_DATA))
        elif fault == "reset":
            self._reset()

    def _check_envelope(self, body: dict[str, Any], method: str) -> Refused | None:
        server = self.server
        if body.get(api.APP_ID) != server.app_id:
            return Refused(api.ERR_APP_UNKNOWN)
        if method not in HANDLERS:
            return Refused(api.ERR_METHOD_UNKNOWN, f"unknown method {method!r}")
        timestamp, version, given = (
            body.get(api.TIMESTAMP),
            body.get(api.VERSION),
            body.get(api.SIGN),
        )
        if not isinstance(given, str) or not isinstance(version, str):
            return Refused(api.ERR_SIGN_INVALID, "sign and version are required")
        if isinstance(timestamp, bool) or not isinstance(timestamp, int | str):
            return Refused(api.ERR_TIMESTAMP_STALE, "timestamp is required")
        expected = api.sign(method, server.app_id, timestamp, version, server.app_secret)
        if given != expected:
            return Refused(api.ERR_SIGN_INVALID)
        try:
            skew = abs(time.time() - int(timestamp))
        except ValueError:
            return Refused(api.ERR_TIMESTAMP_STALE, "timestamp is not a number")
        if skew > TIMESTAMP_TOLERANCE_S:
            return Refused(api.ERR_TIMESTAMP_STALE)
        if method not in api.OAUTH_METHODS:
            token = body.get(api.ACCESS_TOKEN)
            if not isinstance(token, str) or not server.state.access_token_valid(token):
                return Refused(api.ERR_ACCESS_TOKEN_INVALID)
        return None
