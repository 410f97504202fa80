"""Short links followed over real HTTP on loopback, with every hop checked."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.scan import NOTE_HOSTS, ScanSettings
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services.scanning import ScanService
from sync.short_links import ShortLinkError, ShortLinkResolver

NOTE = "6756a3f1000000000b03a5d2"
NOTE_URL = f"https://www.xiaohongshu.com/explore/{NOTE}?xsec_token=AB12&xsec_source=app_share"
LOOPBACK = frozenset({"127.0.0.1"})


class ShortLinkServer(BaseHTTPRequestHandler):
    """A stand-in for xhslink.com: redirects as the real one does, plus the bad cases."""

    requests_seen: list[str]
    release_slow: threading.Event

    def do_GET(self) -> None:
        self.requests_seen.append(self.path)
        port = self.server.server_address[1]
        routes = {
            "/a/Good": (302, NOTE_URL),
            "/a/Hop": (301, f"http://127.0.0.1:{port}/a/Good"),
            "/a/Relative": (307, "/a/Good"),
            "/a/Evil": (302, "https://evil.example.com/explore/" + NOTE),
            "/a/Loop": (302, "/a/Loop"),
            "/a/NoLocation": (302, ""),
        }
        if self.path == "/a/Slow":
            self.release_slow.wait(5)
        status, location = routes.get(self.path, (404, ""))
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []
    release = threading.Event()
    handler = type("Handler", (ShortLinkServer,), {"requests_seen": seen, "release_slow": release})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def resolver() -> Iterator[ShortLinkResolver]:
    session = requests.Session()
    session.trust_env = False  # no proxy between the test and loopback
    with ShortLinkResolver(
        timeout_s=0.5, session=session, short_link_hosts=LOOPBACK, note_hosts=NOTE_HOSTS
    ) as resolver:
        yield resolver


def test_a_short_link_redirects_to_its_note(
    server: tuple[str, list[str]], resolver: ShortLinkResolver
) -> None:
    base, seen = server
    assert resolver.resolve(f"{base}/a/Good") == NOTE_URL
    assert seen == ["/a/Good"]  # the note page itself is never requested


def test_hops_on_the_short_link_host_are_followed(
    server: tuple[str, list[str]], resolver: ShortLinkResolver
) -> None:
    base, seen = server
    assert resolver.resolve(f"{base}/a/Hop") == NOTE_URL
    assert resolver.resolve(f"{base}/a/Relative") == NOTE_URL
    assert seen == ["/a/Hop", "/a/Good", "/a/Relative", "/a/Good"]


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/a/Evil", "leads away from RED"),
        ("/a/Loop", "too many redirects"),
        ("/a/NoLocation", "HTTP 302"),
        ("/a/Missing", "HTTP 404"),
    ],
)
def test_bad_redirects_are_refused(
    server: tuple[str, list[str]], resolver: ShortLinkResolver, path: str, reason: str
) -> None:
    base, _ = server
    with pytest.raises(ShortLinkError, match=reason):
        resolver.resolve(base + path)
    assert resolver(base + path) is None


def test_a_link_on_another_host_is_never_requested(
    server: tuple[str, list[str]], resolver: ShortLinkResolver
) -> None:
    base, seen = server
    other = base.replace("127.0.0.1", "localhost")
    with pytest.raises(ShortLinkError, match="not a short link"):
        resolver.resolve(f"{other}/a/Good")
    assert resolver("file:///etc/passwd") is None
    assert seen == []


def test_no_answer_in_time(server: tuple[str, list[str]], resolver: ShortLinkResolver) -> None:
    base, _ = server
    with pytest.raises(ShortLinkError, match="no answer in time"):
        resolver.resolve(f"{base}/a/Slow")


def test_offline_gives_none(resolver: ShortLinkResolver) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    with pytest.raises(ShortLinkError, match="no network"):
        resolver.resolve(f"http://127.0.0.1:{closed_port}/a/Good")
    assert resolver(f"http://127.0.0.1:{closed_port}/a/Good") is None


def test_the_scan_service_uses_the_resolver_and_remembers_the_note(
    server: tuple[str, list[str]], resolver: ShortLinkResolver, database: Database
) -> None:
    base, seen = server
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        product = catalog.add_product(Product(None, "丝绒口红", "RED Beauty", "彩妆"))
        sku_id = catalog.add_sku(Sku(None, product, "RH-LIP-520", 12800, 12800))
        uow.commit()

    def via_loopback(url: str) -> str | None:
        # The router always hands over https://xhslink.com/<code>; send it to the stand-in.
        return resolver(url.replace("https://xhslink.com", base))

    service = ScanService(
        database,
        ScanSettings(),
        resolve_short_link=via_loopback,
        clock=lambda: datetime(2026, 11, 25, tzinfo=UTC),
    )
    service.link_note(NOTE, [sku_id], staff_id=None)
    first = service.scan("http://xhslink.com/a/Good")
    again = service.scan("https://xhslink.com/a/Good?share=1")
    assert first.note_id == again.note_id == NOTE
    assert [p.sku_id for p in again.note_products] == [sku_id]
    assert seen == ["/a/Good"]
    missing = service.scan("https://xhslink.com/a/Missing")
    assert missing.note_id is None and "scan the product" in missing.hint_text
