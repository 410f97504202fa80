"""The persistent print queue against a real SQLite file and a fake printer on 127.0.0.1."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from escpos_decoder import decode
from fake_printer import PAPER_OUT_REPLIES, READY_REPLIES, FakePrinter
from print_samples import parcel_data, receipt_data
from sqlalchemy import select

from printers import printable
from printers.document import Document, Text
from printers.profile import PrinterProfile, receipt_profile
from printers.queue import REPRINT_MARK, PrintQueue
from printers.setup import printing_from_config
from printers.transports import DummyTransport, Transport, open_transport
from printers.worker import Backoff, PrintWorker
from redhome_pos.config import AppPaths, PrinterConfig, default_config
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.outbox import OutboxRow
from redhome_pos.persistence.repositories.outbox import OutboxRepository
from redhome_pos.persistence.repositories.print_jobs import PrintJobRepository

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _printers(fake: FakePrinter) -> dict[str, PrinterProfile]:
    return {
        "receipt": receipt_profile(
            48, name="receipt", transport="network", host=fake.host, port=fake.port, timeout_s=0.5
        )
    }


def _commit_sale(database: Database) -> int:
    """A committed row standing for the sale whose receipt is printed."""
    with database.unit_of_work() as uow:
        row_id = OutboxRepository(uow.session).add(
            "sale", "S-T01-20261125-0042", {"total_fen": 411_800}
        )
        uow.commit()
    return row_id


def _sale_is_committed(database: Database, row_id: int) -> bool:
    with database.reading() as session:
        return session.scalar(select(OutboxRow.id).where(OutboxRow.id == row_id)) == row_id


def _setup(database: Database, fake: FakePrinter, clock: Clock) -> tuple[PrintQueue, PrintWorker]:
    printers = _printers(fake)
    return PrintQueue(database, printers, clock=clock), PrintWorker(database, printers, clock=clock)


def test_receipt_prints_on_a_ready_printer(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    queue, worker = _setup(database, fake_printer, clock)
    job_id = queue.enqueue_receipt(receipt_data())
    assert worker.run_once() == 1

    job = queue.job(job_id)
    assert job is not None and job.status == "done" and job.attempts == 1
    transcript = decode(fake_printer.printed(), columns=48)
    assert transcript.problems == []
    assert ("QR", receipt_data().receipt_code) in transcript.codes
    assert any("S-T01-20261125-0042" in text for text, _s, _b in transcript.lines)


def test_refused_printer_is_retried_with_back_off_and_the_sale_stays(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    queue, worker = _setup(database, fake_printer, clock)
    sale_row = _commit_sale(database)
    fake_printer.refuse()
    job_id = queue.enqueue_receipt(receipt_data())

    worker.run_once()
    job = queue.job(job_id)
    assert job is not None
    assert (job.status, job.attempts) == ("queued", 1)
    assert "refused" in job.last_error
    assert job.next_attempt_at == clock.now + timedelta(seconds=5)
    assert _sale_is_committed(database, sale_row)

    fake_printer.resume()
    assert worker.run_once() == 0  # not due yet
    clock.advance(5)
    assert worker.run_once() == 1
    job = queue.job(job_id)
    assert job is not None and job.status == "done" and job.attempts == 2
    assert decode(fake_printer.printed(), columns=48).codes == [("QR", receipt_data().receipt_code)]
    assert _sale_is_committed(database, sale_row)


def test_paper_out_holds_the_job_and_prints_nothing(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    queue, worker = _setup(database, fake_printer, clock)
    fake_printer.replies = dict(PAPER_OUT_REPLIES)
    job_id = queue.enqueue_receipt(receipt_data())

    worker.run_once()
    job = queue.job(job_id)
    assert job is not None and job.status == "queued"
    assert "paper" in job.last_error
    assert fake_printer.printed() == b""

    fake_printer.replies = dict(READY_REPLIES)
    clock.advance(5)
    worker.run_once()
    job = queue.job(job_id)
    assert job is not None and job.status == "done"
    assert fake_printer.printed() != b""


@pytest.mark.parametrize("behaviour", ["silent", "stall"])
def test_a_silent_or_stalled_printer_never_blocks_the_worker(
    database: Database, fake_printer: FakePrinter, clock: Clock, behaviour: str
) -> None:
    queue, worker = _setup(database, fake_printer, clock)
    fake_printer.behaviour = behaviour
    job_id = queue.enqueue_receipt(receipt_data())
    worker.run_once()
    job = queue.job(job_id)
    assert job is not None
    # Status unknown is not "not ready": the job was sent (the printer may still print it).
    assert job.status == "done"


def test_back_off_doubles_and_gives_up_as_failed_then_retry_and_cancel(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    printers = _printers(fake_printer)
    queue = PrintQueue(database, printers, clock=clock)
    worker = PrintWorker(
        database, printers, clock=clock, backoff=Backoff(first_s=5, longest_s=15, max_attempts=4)
    )
    fake_printer.refuse()
    job_id = queue.enqueue_receipt(receipt_data())
    delays = []
    for _ in range(4):
        started = clock.now
        worker.run_once()
        job = queue.job(job_id)
        assert job is not None
        if job.status == "queued":
            delays.append((job.next_attempt_at - started).total_seconds())
            clock.now = job.next_attempt_at
    assert delays == [5, 10, 15]
    job = queue.job(job_id)
    assert job is not None and job.status == "failed" and job.attempts == 4

    assert queue.retry(job_id)
    job = queue.job(job_id)
    assert job is not None and (job.status, job.attempts) == ("queued", 0)
    assert queue.cancel(job_id)
    assert worker.run_once() == 0
    job = queue.job(job_id)
    assert job is not None and job.status == "cancelled"
    assert not queue.cancel(job_id)  # already cancelled


def test_reprint_copies_the_document_marked_as_a_reprint(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    queue, worker = _setup(database, fake_printer, clock)
    first = queue.enqueue_receipt(receipt_data())
    worker.run_once()
    again = queue.reprint(first)
    worker.run_once()

    job = queue.job(again)
    assert job is not None and job.status == "done" and job.reprint_of == first
    assert [j.id for j in queue.jobs(reference="S-T01-20261125-0042")] == [again, first]
    second_print = fake_printer.connections[-1]
    lines = [text for text, _s, _b in decode(second_print, columns=48).lines]
    assert REPRINT_MARK in lines[0]


def test_cash_drawer_kick_is_a_job_of_its_own(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    queue, worker = _setup(database, fake_printer, clock)
    job_id = queue.kick_drawer()
    worker.run_once()
    job = queue.job(job_id)
    assert job is not None and job.status == "done"
    transcript = decode(fake_printer.printed(), columns=48)
    assert transcript.drawer_kicks == 1 and transcript.lines == []


def test_unprintable_text_prints_a_substitute_and_names_the_character_in_the_log(
    database: Database,
    fake_printer: FakePrinter,
    clock: Clock,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A title never stops a receipt (security point 10): the emoji prints as a visible box.
    monkeypatch.setattr(printable, "_logged", set())
    queue, worker = _setup(database, fake_printer, clock)
    job_id = queue.enqueue("receipt", Document("gift", (Text("礼物🎁"),)), printer="receipt")
    worker.run_once()
    job = queue.job(job_id)
    assert job is not None and job.status == "done" and job.attempts == 1
    assert "礼物□".encode("gbk") in fake_printer.received
    assert "U+1F381" in caplog.text


def test_unknown_printer_name_fails_visibly(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    queue, worker = _setup(database, fake_printer, clock)
    job_id = queue.enqueue_receipt(receipt_data(), printer="kitchen")
    worker.run_once()
    job = queue.job(job_id)
    assert job is not None and job.status == "failed" and "kitchen" in job.last_error
    assert [j.id for j in queue.jobs(statuses=("failed",))] == [job_id]


def test_one_broken_printer_does_not_hold_up_another(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    label = DummyTransport("label")
    printers = {
        **_printers(fake_printer),
        "label": PrinterProfile(name="label", language="tspl", transport="dummy"),
    }
    fake_printer.refuse()

    def transports(profile: PrinterProfile) -> Transport:
        return label if profile.name == "label" else open_transport(profile)

    queue = PrintQueue(database, printers, clock=clock)
    worker = PrintWorker(database, printers, clock=clock, transports=transports)
    receipts = [queue.enqueue_receipt(receipt_data()) for _ in range(3)]
    parcel = queue.enqueue_parcel_label(parcel_data())
    assert worker.run_once() == 2  # one receipt tried (then its printer skipped), one label
    assert queue.job(parcel).status == "done"  # type: ignore[union-attr]
    assert label.sent and label.sent[0].startswith(b"SIZE 60 mm,40 mm")
    assert [queue.job(r).attempts for r in receipts] == [1, 0, 0]  # type: ignore[union-attr]


def test_jobs_left_printing_by_a_stopped_program_are_queued_again(
    database: Database, clock: Clock
) -> None:
    queue = PrintQueue(database, {}, clock=clock)
    job_id = queue.enqueue("receipt", Document("x", (Text("x"),)), printer="receipt")
    with database.unit_of_work() as uow:
        PrintJobRepository(uow.session).claim(job_id, clock())
        uow.commit()
    assert PrintWorker(database, {}, clock=clock).recover() == 1
    job = queue.job(job_id)
    assert job is not None and job.status == "queued"


def test_print_job_commits_with_the_sale_in_one_transaction(
    database: Database, clock: Clock
) -> None:
    """A counter may queue the receipt inside the sale's own unit of work: both or neither."""
    with database.unit_of_work() as uow:
        OutboxRepository(uow.session).add("sale", "S-1", {})
        PrintJobRepository(uow.session).add(
            kind="receipt", printer="receipt", document={}, now=clock()
        )
        # no commit: the sale is abandoned
    assert PrintQueue(database, {}, clock=clock).jobs() == []


def test_worker_thread_prints_a_job_soon_after_it_is_queued(
    database: Database, fake_printer: FakePrinter
) -> None:
    printers = _printers(fake_printer)
    queue = PrintQueue(database, printers)
    worker = PrintWorker(database, printers, idle_wait_s=0.2)
    queue.on_enqueue(worker.wake)
    worker.start()
    try:
        job_id = queue.enqueue_receipt(receipt_data())
        done = threading.Event()
        for _ in range(200):
            job = queue.job(job_id)
            if job is not None and job.status == "done":
                done.set()
                break
            done.wait(0.05)
        assert done.is_set()
    finally:
        worker.stop()


def test_each_terminal_prints_only_its_own_jobs(
    database: Database, fake_printer: FakePrinter, clock: Clock
) -> None:
    """Counters sharing one database all call their printer "receipt"."""
    printers = _printers(fake_printer)
    counter_one = PrintQueue(database, printers, terminal_id="T1", clock=clock)
    job_id = counter_one.enqueue_receipt(receipt_data())
    other = PrintWorker(database, printers, terminal_id="T2", clock=clock)
    assert other.run_once() == 0
    assert other.recover() == 0
    assert fake_printer.received == b""
    assert PrintWorker(database, printers, terminal_id="T1", clock=clock).run_once() == 1
    job = counter_one.job(job_id)
    assert job is not None and job.status == "done" and job.terminal_id == "T1"


def test_printing_built_from_the_configuration(
    database: Database, fake_printer: FakePrinter, tmp_path: Path
) -> None:
    base = default_config(AppPaths.demo())
    printers = {
        "receipt": PrinterConfig(
            name="receipt", transport="network", host=fake_printer.host, port=fake_printer.port
        ),
        "screen": PrinterConfig(name="screen", transport="preview"),
    }
    paths = AppPaths(
        *(tmp_path / part for part in ("c.toml", "data", "logs", "backups", "previews"))
    )
    config = replace(base, terminal_id="T9", printers=printers, paths=paths)
    printing = printing_from_config(config, database)
    assert printing.profiles["screen"].path == str(tmp_path / "previews" / "screen.png")
    job_id = printing.queue.enqueue_receipt(receipt_data())
    assert printing.worker.run_once() == 1
    job = printing.queue.job(job_id)
    assert job is not None and job.status == "done" and job.terminal_id == "T9"
