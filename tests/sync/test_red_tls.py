"""TLS is verified: a server with a certificate nobody vouches for is refused, even when the
injected session was told not to verify."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from sync.errors import SyncError
from sync.red.client import RedClient


class _Answer(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_POST(self) -> None:
        body = b'{"success": true, "error_code": 0, "data": {}}'
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def self_signed_server(tmp_path: Path) -> Iterator[str]:
    if shutil.which("openssl") is None:
        pytest.fail("openssl is needed to make a test certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"https://localhost:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_unverifiable_certificate_is_refused(self_signed_server: str) -> None:
    careless = requests.Session()
    careless.verify = False
    client = RedClient(self_signed_server, "app", "secret", session=careless)
    with client, pytest.raises(SyncError) as refused:
        client.call("x.y")
    assert "certificate could not be verified" in str(refused.value)
