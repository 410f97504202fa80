"""A network printer on 127.0.0.1 for tests: records what it is sent, answers status queries
from a script, and can refuse connections, stall, or report paper out."""

from __future__ import annotations

import contextlib
import socket
import threading
from dataclasses import dataclass, field

DLE_EOT_PRINTER = b"\x10\x04\x01"
DLE_EOT_OFFLINE_CAUSE = b"\x10\x04\x02"
DLE_EOT_PAPER = b"\x10\x04\x04"
TSPL_STATUS = b"\x1b!?"
ZPL_HOST_STATUS = b"~HS"

READY_REPLIES = {DLE_EOT_PRINTER: b"\x12", DLE_EOT_PAPER: b"\x12", DLE_EOT_OFFLINE_CAUSE: b"\x12"}
PAPER_OUT_REPLIES = {
    DLE_EOT_PRINTER: b"\x1a",
    DLE_EOT_PAPER: b"\x72",
    DLE_EOT_OFFLINE_CAUSE: b"\x32",
}
COVER_OPEN_REPLIES = {
    DLE_EOT_PRINTER: b"\x1a",
    DLE_EOT_PAPER: b"\x12",
    DLE_EOT_OFFLINE_CAUSE: b"\x16",
}


@dataclass
class FakePrinter:
    """Behaviours: ``answer`` (scripted replies, default), ``silent`` (reads, never answers),
    ``stall`` (accepts, never reads nor answers), ``refuse`` (nothing listens on the port)."""

    replies: dict[bytes, bytes] = field(default_factory=lambda: dict(READY_REPLIES))
    behaviour: str = "answer"
    host: str = "127.0.0.1"
    port: int = 0
    connections: list[bytes] = field(default_factory=list)
    queries: list[bytes] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._server: socket.socket | None = None
        self._threads: list[threading.Thread] = []
        self._clients: list[socket.socket] = []
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)  # no connection is being read
        self._serving = 0
        self._stopping = threading.Event()

    # -- control -------------------------------------------------------------------------
    def start(self) -> None:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((self.host, self.port))
        server.listen(8)
        self.port = server.getsockname()[1]
        self._server = server
        self._stopping.clear()
        thread = threading.Thread(target=self._accept_loop, args=(server,), daemon=True)
        thread.start()
        self._threads.append(thread)

    def refuse(self) -> None:
        """Stop listening: connections to the port are refused until ``start`` again."""
        self._close_server()
        self.behaviour = "refuse"

    def resume(self, behaviour: str = "answer") -> None:
        self.behaviour = behaviour
        if self._server is None:
            self.start()

    def stop(self) -> None:
        self._stopping.set()
        self._close_server()
        with self._lock:
            for client in self._clients:
                with contextlib.suppress(OSError):
                    client.close()
        for thread in self._threads:
            thread.join(2)

    @property
    def received(self) -> bytes:
        """Everything sent so far. A client's bytes reach the printer's side a moment after
        the client has sent them and hung up, so this waits (up to 2 s) until every connection
        has been read to its end, except those a stalled printer holds open."""
        with self._idle:
            if self.behaviour != "stall":
                self._idle.wait_for(lambda: self._serving == 0, timeout=2)
            return b"".join(self.connections)

    def printed(self) -> bytes:
        """What was sent except the status queries (the job itself)."""
        data = self.received
        for query in (
            DLE_EOT_PRINTER,
            DLE_EOT_PAPER,
            DLE_EOT_OFFLINE_CAUSE,
            TSPL_STATUS,
            ZPL_HOST_STATUS,
        ):
            data = data.replace(query, b"")
        return data

    # -- serving -------------------------------------------------------------------------
    def _close_server(self) -> None:
        if self._server is not None:
            # shutdown wakes the thread blocked in accept(); close alone leaves it listening.
            with contextlib.suppress(OSError):
                self._server.shutdown(socket.SHUT_RDWR)
            self._server.close()
            self._server = None

    def _accept_loop(self, server: socket.socket) -> None:
        while not self._stopping.is_set():
            try:
                client, _address = server.accept()
            except OSError:
                return
            with self._lock:
                self._clients.append(client)
                self.connections.append(b"")
                index = len(self.connections) - 1
                self._serving += 1
            thread = threading.Thread(target=self._serve, args=(client, index), daemon=True)
            thread.start()
            self._threads.append(thread)

    def _serve(self, client: socket.socket, index: int) -> None:
        try:
            self._read(client, index)
        finally:
            with self._idle:
                self._serving -= 1
                self._idle.notify_all()

    def _read(self, client: socket.socket, index: int) -> None:
        if self.behaviour == "stall":
            self._stopping.wait()  # hold the connection open, read nothing
            return
        client.settimeout(0.2)
        while not self._stopping.is_set():
            try:
                chunk = client.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return
            if not chunk:
                return
            with self._lock:
                self.connections[index] += chunk
            if self.behaviour != "answer":
                continue
            for query, reply in self.replies.items():
                if chunk == query or (chunk.endswith(query) and len(chunk) <= 8):
                    self.queries.append(query)
                    try:
                        client.sendall(reply)
                    except OSError:
                        return
