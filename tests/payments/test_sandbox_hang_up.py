"""A client of the payments sandbox that hangs up before its answer (its own time-out, a reset
while it still sends) is ordinary: the sandbox logs one line at debug, prints no traceback and
goes on answering others."""

from __future__ import annotations

import logging
import socket
import struct
import time
from typing import Any

import pytest
from payments_sandbox_client import WechatV3, running_sandbox

from payments.sandbox import PaymentsSandboxHandle


def _connect(sandbox: PaymentsSandboxHandle) -> socket.socket:
    host, port = sandbox.server.server_address[:2]
    client = socket.create_connection((str(host), int(port)), timeout=5)
    # close() sends a TCP reset, as a client killed or timing out with unread data does
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    return client


def _went_away(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if "went away" in r.getMessage()]


def _still_answers(sandbox: PaymentsSandboxHandle) -> None:
    wx = WechatV3(sandbox)
    found = wx.call("GET", f"/v3/pay/transactions/out-trade-no/NONE-0001?mchid={wx.mchid}")
    assert found.status_code == 404


def _hang_up(sandbox: PaymentsSandboxHandle, caplog: pytest.LogCaptureFixture, sent: bytes) -> None:
    """Sends ``sent``, hangs up 0.2 s later with a reset, waits until the sandbox has said so
    and checks it still answers."""
    client = _connect(sandbox)
    client.sendall(sent)
    time.sleep(0.2)
    client.close()
    deadline = time.monotonic() + 5
    while not _went_away(caplog) and time.monotonic() < deadline:
        time.sleep(0.05)
    _still_answers(sandbox)


def test_a_client_gone_before_the_answer_is_one_debug_line(
    capfd: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="payments.sandbox.server")
    with running_sandbox() as sandbox:
        sandbox.switch("slow", provider="wechat", method="query", seconds=0.6)
        wx = WechatV3(sandbox)
        target = f"/v3/pay/transactions/out-trade-no/GONE-0001?mchid={wx.mchid}"
        request = (
            f"GET {target} HTTP/1.1\r\nHost: sandbox\r\nAccept: application/json\r\n"
            f"Authorization: {wx.authorization('GET', target, b'')}\r\n\r\n"
        ).encode()
        _hang_up(sandbox, caplog, request)  # the sandbox holds the answer back for 0.6 s
    assert len(_went_away(caplog)) == 1
    assert "Traceback" not in capfd.readouterr().err


def test_a_client_gone_while_sending_its_body_is_one_debug_line(
    capfd: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="payments.sandbox.server")
    with running_sandbox() as sandbox:
        partly = (
            b"POST /v3/pay/transactions/codepay HTTP/1.1\r\nHost: sandbox\r\n"
            b'Content-Type: application/json\r\nContent-Length: 500\r\n\r\n{"mchid":'
        )
        _hang_up(sandbox, caplog, partly)  # the sandbox waits for the rest of the body
    assert len(_went_away(caplog)) == 1
    assert "Traceback" not in capfd.readouterr().err
