"""Receiver data as the platform requires: the store keeps only the platform's ciphertexts and
masked values. The clear name, phone and address exist only for a label being printed, and are
found in no byte of the database, no log line and no export."""

from __future__ import annotations

import logging
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from test_engine_red import connected

from printers.profile import PrinterProfile
from printers.queue import PrintQueue
from printers.templates.data import StoreHeader
from printers.worker import PrintWorker
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.sync import SyncRepository
from redhome_pos.services.reports import ReportPeriod, make_report, write_csv
from sync.red_sandbox import SandboxHandle
from ui.backoffice import order_jobs


class Sink:
    """A printer transport keeping what it was sent."""

    name = "sink"

    def __init__(self) -> None:
        self.sent = bytearray()

    def __call__(self, profile: PrinterProfile) -> Any:
        return self

    def send(self, data: bytes) -> None:
        self.sent += data

    def query(self, request: bytes, complete: Any) -> bytes | None:
        return None

    def close(self) -> None:
        return None


def _every_byte(db_path: Path) -> bytes:
    found = b""
    for path in db_path.parent.glob(db_path.name + "*"):  # the file, its WAL and journal
        found += path.read_bytes()
    return found


def test_no_receiver_is_ever_written_in_clear(
    database: Database,
    db_path: Path,
    sandbox: SandboxHandle,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    engine = connected(database, sandbox)
    ids = sandbox.generate_orders(8, pickup_share=0.0)
    assert engine.run_once().ok
    clear = {i: sandbox.receiver_plaintext(i) for i in ids}
    with database.reading() as session:
        stored = [SyncRepository(session).order(i) for i in ids]
    assert all(o is not None and o.ours and set(o.receiver_sealed) == {"name", "phone", "address"}
               for o in stored)  # fmt: skip

    # Labels are printed: the clear receiver goes to the printer and nowhere else.
    profile = PrinterProfile(name="label", columns=32, dot_width=384)
    queue = PrintQueue(database, {"label": profile}, label_printer="label")
    context = SimpleNamespace(database=database, code_secret="s" * 32, print_queue=queue,
                              extras={"online_store": engine.store}, config=None)  # fmt: skip
    header = StoreHeader("REDHOME", "上海", "SH001")
    for order in stored:
        assert order is not None
        printed = order_jobs.make_label(context, order, header, "shunfeng", who="7")
        assert printed.job_id is not None and not printed.masked_because
    sink = Sink()
    worker = PrintWorker(database, {"label": profile}, transports=sink)
    assert worker.run_once() == len(ids)
    for receiver in clear.values():  # the printer got each receiver in clear
        assert receiver["receiverName"].encode("gb18030") in bytes(sink.sent)
    assert sandbox.state()["decrypt"]["used"] == 3 * len(ids)

    # An export of the orders shows them masked.
    today = date.today()
    period = ReportPeriod(today - timedelta(days=1), today + timedelta(days=1))
    report = make_report(database, "online_orders", period)
    assert {row[0] for row in report.rows} >= set(ids)
    export = tmp_path / "orders.csv"
    write_csv(report, export)
    engine.close()
    database.engine.dispose()

    haystacks = {
        "the database": _every_byte(db_path),
        "the log": caplog.text.encode(),
        "the export": export.read_bytes(),
    }
    for receiver in clear.values():
        for value in receiver.values():
            for where, haystack in haystacks.items():
                assert value.encode() not in haystack, f"{value!r} in clear in {where}"
