"""The sandbox's HTTP server: the platform's gateway on loopback plus ``/_sandbox/…`` controls.

The gateway (``POST /ark/open_api/v3/common_controller``) checks what the documents ask of a
call — a JSON body with ``Content-Type: application/json``, the system fields, ``version`` 2.0,
the MD5 signature, a fresh timestamp in seconds, an access token for merchant calls — then runs
the method and answers in the method's envelope. The control endpoints let tests and the demo
play the buyer and the platform: orders, cancel requests, after-sales, faults, the clock.
"""

from __future__ import annotations

import json
import logging
import socket
import struct
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from sync.red_sandbox import aftersales, catalog, oauth, orders
from sync.red_sandbox import protocol as p
from sync.red_sandbox.faults import BEFORE_APPLYING, FaultSwitches
from sync.red_sandbox.fields import Refused
from sync.red_sandbox.limits import RequestLimits
from sync.red_sandbox.methods import HANDLERS, HOSTILE_DATA
from sync.red_sandbox.state import SandboxState

log = logging.getLogger(__name__)
MAX_BODY_BYTES = 1 << 20


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        state: SandboxState,
        faults: FaultSwitches,
        app_id: str,
        app_secret: str,
        warehouse_code: str,
    ) -> None:
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

    def describe(self, whcode: str | None = None) -> dict[str, Any]:
        snapshot = self.state.snapshot(whcode)
        snapshot["faults"] = self.faults.describe()
        snapshot["busy_s"] = round(self.busy_s, 6)
        snapshot["warehouse_code"] = self.warehouse_code
        snapshot["rate_limited"] = self.limits.refused if self.limits else 0
        return snapshot


class GatewayHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    server: SandboxServer
    _was_reset = False

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("red sandbox: " + format, *args)

    # --- answers -----------------------------------------------------------------------------

    def _send(self, status: int, body: bytes, content_type: str = "application/json") -> None:
        self.send_response(status)
        self.send_header("Content-Type", f"{content_type};charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _json(self, payload: Any, status: int = 200) -> None:
        data = payload.get("data") if isinstance(payload, dict) else None
        if isinstance(data, p.RawJSON):  # "data" is the envelope's last key
            text = json.dumps({**payload, "data": None}, ensure_ascii=False)
            text = text.removesuffix("null}") + data + "}"
        else:
            text = json.dumps(payload, ensure_ascii=False)
        self._send(status, text.encode("utf-8"))

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
        if path == p.GATEWAY_PATH:
            started = time.perf_counter()
            try:
                self._gateway()
            finally:
                self.server.add_busy(time.perf_counter() - started)
        elif path in CONTROLS:
            try:
                body = self._body()
                if not isinstance(body, dict):
                    raise ValueError("the body is a JSON object")
                self._json(CONTROLS[path](self.server, body))
            except (ValueError, KeyError, TypeError) as exc:
                self._json({"error": str(exc)}, 400)
        else:
            self._json({"error": "not found"}, 404)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/_sandbox/state":
            self._json(self.server.describe(query.get("whcode")))
        elif url.path == "/_sandbox/code":
            self._json({"code": oauth.new_code(self.server.state)})
        elif url.path == "/_sandbox/approved":
            text = f"Authorization code: {query.get('code', '')}\n"
            self._send(200, text.encode("utf-8"), "text/plain")
        elif url.path == p.AUTHORIZATION_PATH:
            self._authorize(query)
        elif url.path == p.GATEWAY_PATH:
            self._json(p.envelope("", None, p.ERR_PARAMETER, "use POST"), 405)
        else:
            self._json({"error": "not found"}, 404)

    def _authorize(self, query: dict[str, str]) -> None:
        """The manager's approval page, approved at once: back to redirectUri with a code."""
        redirect = query.get("redirectUri", "")
        if query.get("appId") != self.server.app_id or not redirect:
            self._send(400, b"unknown appId or missing redirectUri", "text/plain")
            return
        params = {"code": oauth.new_code(self.server.state), "state": query.get("state", "")}
        separator = "&" if "?" in redirect else "?"
        self.send_response(302)
        self.send_header("Location", redirect + separator + urlencode(params))
        self.send_header("Content-Length", "0")
        self.end_headers()

    # --- the gateway -------------------------------------------------------------------------

    def _gateway(self) -> None:
        server = self.server
        content_type = self.headers.get("Content-Type") or ""
        try:
            body = self._body()
        except (ValueError, UnicodeDecodeError):
            self._json(p.envelope("", None, p.ERR_PARAMETER, "参数错误: the body is not JSON"))
            return
        if not isinstance(body, dict):
            self._json(p.envelope("", None, p.ERR_PARAMETER, "参数错误: the body is not an object"))
            return
        method = body.get("method")
        method = method if isinstance(method, str) else ""
        if method:
            server.state.count_call(method, content_type)
        if server.faults.fires("latency", method):
            time.sleep(server.faults.latency_ms / 1000)
        for fault in BEFORE_APPLYING:
            if server.faults.fires(fault, method):
                self._fault(fault, method)
                return
        if server.limits is not None and not server.limits.allow(method):
            self._fault("rate_limit", method)
            return
        try:
            self._check_envelope(body, method, content_type)
            fields = {k: v for k, v in body.items() if k not in p.SYSTEM_FIELDS}
            answer = p.envelope(method, HANDLERS[method](server.state, fields))
        except Refused as refused:
            answer = p.envelope(method, None, refused.code, refused.message)
        if server.faults.fires("lost", method):
            self._reset()
            return
        self._json(answer)

    def _fault(self, fault: str, method: str) -> None:
        if fault == "http_5xx":
            self._send(503, b"<html><body>503 Service Unavailable</body></html>", "text/html")
        elif fault == "rate_limit":
            self._json(p.envelope(method, None, p.ERR_RATE_LIMITED, p.message(p.ERR_RATE_LIMITED)))
        elif fault == "malformed":
            self._send(200, b'{"success": true, "error_code": 0, "data": {"pageNO": 1, "da')
        elif fault == "hostile":
            self._json(p.envelope(method, HOSTILE_DATA))
        elif fault == "reset":
            self._reset()

    def _check_envelope(self, body: dict[str, Any], method: str, content_type: str) -> None:
        server = self.server
        if content_type.split(";")[0].strip().lower() != "application/json":
            raise Refused(p.ERR_PARAMETER, "参数错误: Content-Type must be application/json")
        if body.get("appId") != server.app_id:
            raise Refused(p.ERR_APP_UNKNOWN)
        if method not in HANDLERS:
            raise Refused(p.ERR_METHOD_UNKNOWN, f"{p.message(p.ERR_METHOD_UNKNOWN)}: {method!r}")
        timestamp, version, given = body.get("timestamp"), body.get("version"), body.get("sign")
        if not isinstance(given, str) or not given:
            raise Refused(p.ERR_SIGN, f"{p.message(p.ERR_SIGN)}: sign is required")
        if version != p.VERSION:
            raise Refused(p.ERR_PARAMETER, f'参数错误: version must be "{p.VERSION}"')
        if isinstance(timestamp, bool) or not isinstance(timestamp, int | str):
            raise Refused(p.ERR_TIMESTAMP, f"{p.message(p.ERR_TIMESTAMP)}: timestamp is required")
        text = str(timestamp)
        if not text.isdigit():
            raise Refused(p.ERR_TIMESTAMP, f"{p.message(p.ERR_TIMESTAMP)}: not Unix seconds")
        if given != p.sign(method, server.app_id, text, version, server.app_secret):
            raise Refused(p.ERR_SIGN)
        # Against the wall clock: the platform's own clock offset is for tokens and orders.
        if abs(time.time() - int(text)) > p.TIMESTAMP_TOLERANCE_S:
            raise Refused(p.ERR_TIMESTAMP)
        if method not in p.OAUTH_METHODS:
            token = body.get("accessToken")
            if not isinstance(token, str) or not oauth.access_token_valid(server.state, token):
                raise Refused(p.ERR_ACCESS_TOKEN)


# --- control endpoints ---------------------------------------------------------------------------


def _faults(server: SandboxServer, body: dict[str, Any]) -> Any:
    rates = body.get("rates", {k: v for k, v in body.items() if k not in ("latency_ms", "methods")})
    server.faults.set(rates, latency_ms=body.get("latency_ms"), methods=body.get("methods"))
    return server.faults.describe()


def _orders(server: SandboxServer, body: dict[str, Any]) -> Any:
    ids = orders.generate_orders(
        server.state,
        int(body.get("count", 1)),
        pickup_share=float(body.get("pickup_share", 0.5)),
        other_warehouse_share=float(body.get("other_warehouse_share", 0.0)),
        status=int(body.get("status", p.STATUS_AWAITING_SHIPMENT)),
        order_type=int(body.get("orderType", 1)),
        whcode=body.get("whcode"),
        sku_ids=body.get("skuIds"),
        original_order_id=str(body.get("originalOrderId", "")),
        quantity=int(body["quantity"]) if body.get("quantity") else None,
        only_available=bool(body.get("onlyAvailable", False)),
    )
    return {"orderIds": ids}


def _order_status(server: SandboxServer, body: dict[str, Any]) -> Any:
    orders.set_order_status(server.state, str(body["orderId"]), int(body["status"]))
    return {"ok": True}


def _cancel(server: SandboxServer, body: dict[str, Any]) -> Any:
    return {
        "returnsId": aftersales.create_after_sale(
            server.state, str(body["orderId"]), p.REFUND_BEFORE_SHIPMENT, reason="买家申请取消订单"
        )
    }


def _address(server: SandboxServer, body: dict[str, Any]) -> Any:
    return {"openAddressId": orders.change_address(server.state, str(body["orderId"]))}


def _after_sale(server: SandboxServer, body: dict[str, Any]) -> Any:
    returns_id = aftersales.create_after_sale(
        server.state, str(body["orderId"]), int(body["returnType"]), sku_ids=body.get("skuIds")
    )
    return {"returnsId": returns_id}


def _after_sale_step(step: Callable[[SandboxState, str], None]) -> Callable[..., Any]:
    def run(server: SandboxServer, body: dict[str, Any]) -> Any:
        step(server.state, str(body["returnsId"]))
        return {"ok": True}

    return run


def _sku(server: SandboxServer, body: dict[str, Any]) -> Any:
    sku_id = str(body["skuId"])
    if body.get("remove"):
        catalog.remove_sku(server.state, sku_id)
    else:
        catalog.update_sku(server.state, sku_id, **{k: v for k, v in body.items() if k != "skuId"})
    return {"ok": True}


def _bundle(server: SandboxServer, body: dict[str, Any]) -> Any:
    parts = [(str(part["skuId"]), int(part.get("ipq", 1))) for part in body["parts"]]
    return {"skuId": catalog.add_bundle(server.state, parts, name=body.get("name"))}


def _multi_warehouse(server: SandboxServer, body: dict[str, Any]) -> Any:
    whcode = str(body.get("whcode") or server.warehouse_code)
    return {"items": catalog.enable_multi_warehouse(server.state, whcode)}


def _decrypt(server: SandboxServer, body: dict[str, Any]) -> Any:
    state = server.state
    if "quota" in body:
        state.set_meta("decrypt_quota", str(int(body["quota"])))
        state.set_meta("decrypt_used", "0")
    if "failing" in body:
        state.set_meta("decrypt_failing", "1" if body["failing"] else "0")
    return state.snapshot()["decrypt"]


def _clock(server: SandboxServer, body: dict[str, Any]) -> Any:
    return {"now_ms": server.state.advance_clock(float(body.get("advance_s", 0)))}


CONTROLS: dict[str, Callable[[SandboxServer, dict[str, Any]], Any]] = {
    "/_sandbox/faults": _faults,
    "/_sandbox/orders": _orders,
    "/_sandbox/order-status": _order_status,
    "/_sandbox/cancel-request": _cancel,
    "/_sandbox/address": _address,
    "/_sandbox/after-sales": _after_sale,
    "/_sandbox/after-sales/ship-back": _after_sale_step(aftersales.buyer_ships_return),
    "/_sandbox/after-sales/withdraw": _after_sale_step(aftersales.buyer_cancels),
    "/_sandbox/after-sales/confirm-exchange": _after_sale_step(aftersales.buyer_confirms_exchange),
    "/_sandbox/after-sales/fast-refund": _after_sale_step(aftersales.approve_cancel),
    "/_sandbox/sku": _sku,
    "/_sandbox/bundle": _bundle,
    "/_sandbox/multi-warehouse": _multi_warehouse,
    "/_sandbox/decrypt": _decrypt,
    "/_sandbox/clock": _clock,
}
