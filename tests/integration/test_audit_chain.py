"""The audit chain finds an edited or deleted row, and ``audit verify`` says so."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from counter_store import Store, make_store, write_config
from sqlalchemy import text

from redhome_pos.cli import main
from redhome_pos.domain.cart import Cart
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.services import audit, checkout, shifts
from redhome_pos.services.staff import login


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


def test_an_edited_detail_is_found(store: Store) -> None:
    db = store.database
    with db.engine.begin() as c:
        c.execute(
            text(
                "UPDATE audit_events SET detail = json_set(detail, '$.total_fen', 1) "
                "WHERE action = 'sale' AND seq = (SELECT min(seq) FROM audit_events "
                "WHERE action = 'sale')"
            )
        )
    breaks = audit.verify(db)
    assert [b.problem for b in breaks] == ["was changed after it was written"]


def test_an_edited_row_with_its_hash_recomputed_breaks_the_next_link(store: Store) -> None:
    db = store.database
    with db.engine.begin() as c:
        c.execute(text("UPDATE audit_events SET hash = 'f' || substr(hash, 2) WHERE seq = 2"))
    problems = {(b.seq, b.problem) for b in audit.verify(db)}
    assert (2, "was changed after it was written") in problems
    assert (3, "does not follow the event before it") in problems


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
    breaks = audit.verify(db)
    assert [b.seq for b in breaks] == [z.audit_seq]
    assert "Z report" in breaks[0].problem


def test_audit_verify_command(store: Store, db_path: Path, tmp_path: Path, capsys: Any) -> None:
    config = write_config(tmp_path, db_path)
    assert main(["--config", str(config), "audit", "verify"]) == 0
    assert "intact" in capsys.readouterr().out
    with store.database.engine.begin() as c:
        c.execute(text("UPDATE audit_events SET staff_id = 3 WHERE seq = 3"))
    assert main(["--config", str(config), "audit", "verify"]) == 1
    assert "event 3: was changed after it was written" in capsys.readouterr().out
