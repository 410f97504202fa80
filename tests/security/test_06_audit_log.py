"""Point 6: the audit log cannot be rewritten quietly.

The chain is an HMAC with the store's key, which is not in the database; at every Z report its
head is written, sealed, to a file beside the backups and printed on the Z receipt as a short
code. Each case below is what someone who can edit the database file (but has neither the key
nor the anchor file) would do to hide something, done as thoroughly as they could: the head
row and the Z reports kept in the database are made to agree with the forgery. Before the key
and the anchors, ``audit verify`` found none of these.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from security_store import Store, make_store
from sqlalchemy import text

from redhome_pos.cli import main
from redhome_pos.config import AppPaths
from redhome_pos.config.keys import ANCHOR_FILE_NAME, AUDIT_KEY, store_key
from redhome_pos.domain.audit import GENESIS_HASH, event_hash
from redhome_pos.domain.cart import Cart
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit, shifts
from redhome_pos.services.staff import login


def _paths(tmp_path: Path) -> AppPaths:
    return AppPaths.under(tmp_path / "app", tmp_path / "app" / "config.toml")


@pytest.fixture
def store(database: Database, tmp_path: Path) -> Store:
    """A keyed store with a day closed (Z report anchored) and a few sales after it."""
    paths = _paths(tmp_path)
    key = store_key(paths, AUDIT_KEY, use_keyring=False)
    s = make_store(database, audit_key=key, anchor_file=paths.backup_dir / ANCHOR_FILE_NAME)
    for _ in range(3):
        cart = Cart()
        cart.add(s.items["MASK-10"])
        s.sell(cart)
    shifts.close_shift(database, s.till, s.manager, {"cash": 39_700})
    shifts.open_shift(database, s.till, s.clerk, 10_000)
    cart = Cart()
    cart.add(s.items["LIP-520"])
    s.sell(cart)
    return s


# --- what someone with the database file (and no key) does --------------------------------


def _events(db: Database) -> list[Any]:
    with db.engine.connect() as c:
        return list(c.execute(text("SELECT * FROM audit_events ORDER BY seq")).mappings())


def _rechain_without_key(db: Database, start_seq: int = 1) -> None:
    """Recompute every hash from ``start_seq`` as the chain was written before the key (the
    published algorithm), then make the head row and the Z reports agree."""
    events = _events(db)
    with db.engine.begin() as c:
        prev = GENESIS_HASH
        for row in events:
            if row["seq"] >= start_seq:
                detail = json.loads(row["detail"])
                created = datetime.fromisoformat(row["created_at"]).replace(tzinfo=UTC)
                digest = event_hash(
                    prev, row["seq"], created, row["action"], row["staff_id"],
                    row["terminal_id"], detail,
                )  # fmt: skip
                c.execute(
                    text("UPDATE audit_events SET prev_hash = :p, hash = :h WHERE seq = :s"),
                    {"p": prev, "h": digest, "s": row["seq"]},
                )
                prev = digest
            else:
                prev = row["hash"]
    _agree_head_and_z_reports(db)


def _agree_head_and_z_reports(db: Database) -> None:
    with db.engine.begin() as c:
        newest = c.execute(
            text("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1")
        ).first()
        seq, digest = (newest[0], newest[1]) if newest else (0, GENESIS_HASH)
        c.execute(text("UPDATE audit_head SET seq = :s, hash = :h"), {"s": seq, "h": digest})
        # The Z reports in the database name the head: make them name nothing.
        c.execute(
            text(
                "UPDATE shift_reports SET report = json_set(report, '$.audit_seq', 0, "
                "'$.audit_hash', '')"
            )
        )


def _rewrite_a_sale(store: Store) -> None:
    db = store.database
    with db.reading() as session:
        sale = AuditRepository(session).of_action("sale")[-1]
    with db.engine.begin() as c:
        c.execute(
            text("UPDATE audit_events SET detail = json_set(detail, '$.total_fen', 1) "
                 "WHERE seq = :s"),
            {"s": sale.seq},
        )  # fmt: skip
    _rechain_without_key(db, sale.seq)


def _rewrite_everything(store: Store) -> None:
    with store.database.engine.begin() as c:
        c.execute(text("UPDATE audit_events SET staff_id = NULL WHERE action = 'refund'"))
    _rechain_without_key(store.database, 1)


def _truncate(store: Store) -> None:
    """Remove the newest events, the day's close and the sales before it among them."""
    with store.database.engine.begin() as c:
        c.execute(text("DELETE FROM audit_events WHERE seq > 5"))
    _agree_head_and_z_reports(store.database)


def _delete_everything(store: Store) -> None:
    with store.database.engine.begin() as c:
        c.execute(text("DELETE FROM audit_events"))
    _agree_head_and_z_reports(store.database)


def _reset_head_and_carry_on(store: Store) -> None:
    """Delete the log, reset the head, and let the program write a fresh (keyed) log."""
    _delete_everything(store)
    for _ in range(30):
        login(store.database, store.till, "1001", "1111")


def _edit_the_anchor_file(store: Store) -> None:
    anchors = store.till.anchor_file
    assert anchors is not None
    anchors.write_text(anchors.read_text().replace('"T1",', '"T2",'))


TAMPERING: list[tuple[str, Callable[[Store], None], str]] = [
    ("a sale rewritten, the chain after it recomputed", _rewrite_a_sale, "was changed"),
    ("the whole log rewritten without the key", _rewrite_everything, "without the store's key"),
    ("the newest events deleted (truncation)", _truncate, "events after 5 are gone"),
    ("every event deleted", _delete_everything, "every event is gone"),
    ("the head reset and a new log begun", _reset_head_and_carry_on, "started again"),
    ("the anchor file edited", _edit_the_anchor_file, "anchor file were changed"),
]


def _check(store: Store) -> audit.AuditCheck:
    till = store.till
    return audit.verify_log(store.database, till.audit_key, till.anchor_file, till.store_code)


def test_the_untouched_log_verifies_against_its_anchor(store: Store) -> None:
    check = _check(store)
    assert check.breaks == [] and check.anchors == 1 and check.unkeyed == 0
    assert check.count >= 10


@pytest.mark.parametrize(
    ("case", "tamper", "found"), TAMPERING, ids=[case for case, _, _ in TAMPERING]
)
def test_tampering_is_found(
    store: Store, case: str, tamper: Callable[[Store], None], found: str
) -> None:
    tamper(store)
    problems = [b.problem for b in _check(store).breaks]
    assert any(found in p for p in problems), (case, problems)


@pytest.mark.parametrize(
    ("case", "tamper"),
    [(case, tamper) for case, tamper, _ in TAMPERING if tamper is not _edit_the_anchor_file],
)
def test_the_key_alone_or_the_anchors_alone_would_not_do(
    store: Store, case: str, tamper: Callable[[Store], None]
) -> None:
    """Without the anchors (only the database), rewriting after a keyed event is still caught
    by the key; deleting from the end, and rewriting from the very first event (which looks
    like a log written before the store had a key), only with the anchors."""
    tamper(store)
    keyed_only = audit.verify_log(store.database, store.till.audit_key).breaks
    assert bool(keyed_only) is (tamper is _rewrite_a_sale), case


def test_the_z_receipt_code_and_the_command(
    store: Store, tmp_path: Path, db_path: Path, capsys: Any
) -> None:
    z = shifts.z_report(store.database, 1)
    assert z is not None and z.audit_code.startswith(f"{z.audit_seq}-")
    assert audit.code_matches(store.database, store.till.audit_key, z.audit_code)
    paths = _paths(tmp_path)
    config = paths.config_file
    config.write_text(
        f'terminal_id = "T1"\n[store]\ncode = "{store.till.store_code}"\n'
        f'[database]\nurl = "sqlite:///{db_path}"\n'
        f'[paths]\ndata_dir = "{paths.data_dir}"\nlog_dir = "{paths.log_dir}"\n'
        f'backup_dir = "{paths.backup_dir}"\n'
        f'[scanning]\ncode_secret = "9fK2-xQ7mL4pZ8wR1tB6yN0cH3vJ5sD-aE"\n'
    )
    run = ["--config", str(config), "audit", "verify", "--code", z.audit_code]
    assert main(run) == 0, capsys.readouterr()
    assert "checked against 1 Z report anchor" in capsys.readouterr().out
    _truncate(store)
    assert main(run) == 1
    out = capsys.readouterr().out
    assert "events after 5 are gone" in out and "does not match the log" in out
