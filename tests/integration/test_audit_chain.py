"""The audit chain finds an edited or deleted row, and ``audit verify`` says so."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from counter_store import Store, make_store, write_config
from sqlalchemy import text, update

from redhome_pos.cli import main
from redhome_pos.domain.audit import AuditAction, AuditEvent, event_hash
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import AuditEventRow
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit, checkout, shifts
from redhome_pos.services.counter import Till
from redhome_pos.services.staff import login

ALSO_ON_POSTGRES = True  # run on PostgreSQL too when a server is configured


@pytest.fixture
def store(database: Database) -> Store:
    s = make_store(database)
    shifts.open_shift(database, s.till, s.clerk, 0)
    login(database, s.till, "1001", "1111")
    for _ in range(3):
        cart = Cart()
        cart.add(s.items["MASK-10"])
        checkout.checkout(database, s.till, s.clerk, cart, [Tender.cash(10_000)])
    return s


def _seqs(db: Database) -> list[int]:
    with db.engine.connect() as c:
        return [r[0] for r in c.execute(text("SELECT seq FROM audit_events ORDER BY seq"))]


def test_an_intact_chain_verifies(store: Store) -> None:
    assert len(_seqs(store.database)) >= 8
    assert audit.verify(store.database) == []


def _first_sale_event(db: Database) -> AuditEvent:
    with db.reading() as session:
        return AuditRepository(session).of_action("sale")[-1]


def test_an_edited_detail_is_found(store: Store) -> None:
    db = store.database
    row = _first_sale_event(db)
    with db.unit_of_work() as uow:
        uow.session.execute(
            update(AuditEventRow)
            .where(AuditEventRow.seq == row.seq)
            .values(detail={**row.detail, "total_fen": 1})
        )
        uow.commit()
    assert [(b.seq, b.problem) for b in audit.verify(db)] == [
        (row.seq, "was changed after it was written")
    ]


def test_an_edit_with_its_own_hash_recomputed_breaks_the_next_link(store: Store) -> None:
    db = store.database
    row = _first_sale_event(db)
    detail = {**row.detail, "total_fen": 1}
    forged = event_hash(
        row.prev_hash, row.seq, row.created_at, row.action, row.staff_id, row.terminal_id, detail
    )
    with db.unit_of_work() as uow:
        uow.session.execute(
            update(AuditEventRow)
            .where(AuditEventRow.seq == row.seq)
            .values(detail=detail, hash=forged)
        )
        uow.commit()
    assert [(b.seq, b.problem) for b in audit.verify(db)] == [
        (row.seq + 1, "does not follow the event before it")
    ]


def test_events_appended_from_two_terminals_at_once_keep_one_chain(store: Store) -> None:
    db = store.database
    tills = [replace(store.till, terminal_id=t) for t in ("T1", "T2")]

    def append(till: Till) -> None:
        for n in range(15):
            audit.record_action(db, till, AuditAction.DRAWER_OPEN, store.clerk.id, n=n)

    threads = [threading.Thread(target=append, args=(till,)) for till in tills]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert audit.verify(db) == []
    seqs = _seqs(db)
    assert seqs == list(range(1, len(seqs) + 1))


def test_a_deleted_row_is_found(store: Store) -> None:
    db = store.database
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_events WHERE seq = 4"))
    breaks = audit.verify(db)
    assert breaks and breaks[0].seq == 5
    assert "missing" in breaks[0].problem


def test_deleting_the_newest_events_is_found_through_the_z_report(store: Store) -> None:
    db = store.database
    z = shifts.close_shift(db, store.till, store.manager, {"cash": 30_000})
    assert z.audit_seq > 0
    assert audit.verify(db) == []
    with db.engine.begin() as c:  # remove the newest events, the shift close among them
        c.execute(text("DELETE FROM audit_events WHERE seq >= :seq"), {"seq": z.audit_seq})
    problems = {(b.seq, b.problem) for b in audit.verify(db)}
    assert (
        z.audit_seq,
        f"is missing or changed; the Z report of shift {z.shift_id} names it",
    ) in problems


def test_deleting_the_newest_event_is_found_through_the_head(store: Store) -> None:
    db = store.database
    with db.engine.begin() as c:
        c.execute(text("DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)"))
    breaks = audit.verify(db)
    assert len(breaks) == 1 and "newest events are missing" in breaks[0].problem


def test_audit_verify_command(store: Store, db_path: Path, tmp_path: Path, capsys: Any) -> None:
    if not store.database.is_sqlite:
        pytest.skip("the command is run here on the SQLite file")
    config = write_config(tmp_path, db_path)
    assert main(["--config", str(config), "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    with store.database.engine.begin() as c:
        c.execute(text("UPDATE audit_events SET staff_id = 3 WHERE seq = 3"))
    assert main(["--config", str(config), "audit", "verify"]) == 1
    assert "event 3: was changed after it was written" in capsys.readouterr().out
