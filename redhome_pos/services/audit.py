"""The audit log: services append sensitive actions in their own transaction; ``verify`` walks
the whole chain with the store's key and reports every row that was changed or removed, and
what the anchors written outside the database at each Z report say is gone."""

from __future__ import annotations

import hmac
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from redhome_pos.domain.audit import (
    GENESIS_HASH,
    Anchor,
    AuditAction,
    AuditEvent,
    ChainBreak,
    anchor_break,
    anchor_code,
    check_chain,
    hash_of,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.persistence.repositories.shifts import ShiftRepository
from redhome_pos.services.counter import Till

log = logging.getLogger(__name__)


def record(
    session: Session,
    till: Till,
    action: AuditAction,
    staff_id: int | None,
    **detail: Any,
) -> AuditEvent:
    """Append an event in the caller's unit of work (it commits with the action itself)."""
    return AuditRepository(session).append(
        action.value, staff_id, till.terminal_id, till.now(), detail, till.audit_key
    )


def record_action(
    database: Database, till: Till, action: AuditAction, staff_id: int | None, **detail: Any
) -> AuditEvent:
    """Append one event in its own transaction, for actions recorded by other areas (a
    settings change, a drawer kicked by the printer)."""
    with database.unit_of_work() as uow:
        event = record(uow.session, till, action, staff_id, **detail)
        uow.commit()
    return event


@dataclass
class AuditCheck:
    """What ``audit verify`` found."""

    breaks: list[ChainBreak] = field(default_factory=list)
    count: int = 0  # events in the log
    unkeyed: int = 0  # events at its start written before the store had a key
    anchors: int = 0  # anchors (Z reports) checked from the anchor file


def read_anchors(anchor_file: Path | None, key: bytes, store_code: str) -> tuple[list[Anchor], int]:
    """The store's sealed anchors in the file, and how many lines in it were changed."""
    if anchor_file is None or not anchor_file.exists():
        return [], 0
    anchors: list[Anchor] = []
    changed = 0
    for line in anchor_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        anchor = Anchor.from_line(line, key)
        if anchor is None:
            changed += 1
        elif anchor.store_code == store_code:
            anchors.append(anchor)
    return anchors, changed


def verify_log(
    database: Database, key: bytes = b"", anchor_file: Path | None = None, store_code: str = ""
) -> AuditCheck:
    """Walk the chain with ``key``, compare its head with the head row and the Z reports in
    the database, and with every anchor in ``anchor_file`` (outside the database)."""
    anchors, changed_lines = read_anchors(anchor_file, key, store_code)
    restores = [i for i, anchor in enumerate(anchors) if anchor.shift_id == RESTORE_ANCHOR]
    if restores:  # a restore (by a manager, audited) began the log again from a backup
        anchors = anchors[restores[-1] :]
    with database.reading() as session:
        repo = AuditRepository(session)
        chain = check_chain(repo.events(), key)
        check = AuditCheck(chain.breaks, chain.count, chain.unkeyed, len(anchors))
        breaks = check.breaks
        newest = repo.head()
        seq, digest = repo.recorded_head()
        if (newest.seq if newest else 0, newest.hash if newest else GENESIS_HASH) != (
            seq,
            digest,
        ):
            breaks.append(
                ChainBreak(seq, "the newest events are missing or changed (the head says so)")
            )
        for shift_id, seq, digest in ShiftRepository(session).z_audit_anchors():
            if seq and repo.hash_of(seq) != digest:
                breaks.append(
                    ChainBreak(
                        seq, f"is missing or changed; the Z report of shift {shift_id} names it"
                    )
                )
        newest_seq = newest.seq if newest else 0
        for anchor in anchors:
            found = anchor_break(anchor, repo.hash_of(anchor.seq), newest_seq)
            if found is not None:
                breaks.append(found)
    if anchors and chain.unkeyed > max(a.unkeyed for a in anchors):
        breaks.append(
            ChainBreak(
                chain.unkeyed,
                "events from the start were rewritten without the store's key",
            )
        )
    if changed_lines:
        breaks.append(ChainBreak(0, f"{changed_lines} line(s) of the anchor file were changed"))
    return check


def verify(database: Database, key: bytes = b"") -> list[ChainBreak]:
    """Every break in the audit chain (empty when no row was edited or deleted).

    Besides the chain itself, the head row and every Z report name the newest event at their
    time: if that event is gone or different, the newest events were deleted or rewritten.
    """
    return verify_log(database, key).breaks


def unkeyed_start(session: Session, key: bytes, newest: int) -> int:
    """How many events at the start of the log were written before the store had a key (the
    keyed ones all come after them: found by halving, a few reads)."""
    repo = AuditRepository(session)

    def keyed(seq: int) -> bool:
        event = repo.event(seq)
        return event is not None and hmac.compare_digest(hash_of(event, key), event.hash)

    low, high = 1, newest + 1  # the first keyed event is in [low, high]
    while low < high:
        middle = (low + high) // 2
        if keyed(middle):
            high = middle
        else:
            low = middle + 1
    return low - 1


def z_anchor_code(till: Till, seq: int, digest: str) -> str:
    """The short code the Z receipt prints for the head (seq, digest); empty without a key."""
    return anchor_code(till.audit_key, seq, digest) if till.audit_key and seq else ""


def write_anchor(till: Till, shift_id: int, seq: int, digest: str, unkeyed: int) -> None:
    """Write the head of the chain at a Z report beside the backups, sealed with the audit
    key (nothing without a key or a file)."""
    if till.anchor_file is None or not till.audit_key:
        return
    anchor = Anchor(till.store_code, till.terminal_id, shift_id, till.now(), seq, digest, unkeyed)
    try:
        till.anchor_file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(till.anchor_file, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with os.fdopen(descriptor, "a", encoding="utf-8") as out:
            out.write(anchor.to_line(till.audit_key) + "\n")
            out.flush()
            os.fsync(out.fileno())
    except OSError as error:  # the Z report stands; the code on its receipt still anchors it
        log.error("the audit anchor could not be written to %s: %s", till.anchor_file, error)


RESTORE_ANCHOR = 0  # the "shift" of an anchor written when a backup is restored


def anchor_restore(database: Database, till: Till) -> None:
    """After a backup is restored: anchor the restored log's head, so the anchors of the
    Z reports made since that backup was taken are not taken for a truncation."""
    with database.reading() as session:
        head = AuditRepository(session).head()
        seq, digest = (head.seq, head.hash) if head else (0, GENESIS_HASH)
        unkeyed = unkeyed_start(session, till.audit_key, seq) if till.audit_key else 0
    write_anchor(till, RESTORE_ANCHOR, seq, digest, unkeyed)


def code_matches(database: Database, key: bytes, code: str) -> bool:
    """True when a short code printed on a Z receipt matches the log as it is now."""
    seq_text = code.strip().split("-", 1)[0]
    if not seq_text.isdigit():
        return False
    with database.reading() as session:
        digest = AuditRepository(session).hash_of(int(seq_text))
    if digest is None:
        return False
    return anchor_code(key, int(seq_text), digest) == code.strip().upper()


def head(database: Database) -> AuditEvent | None:
    with database.reading() as session:
        return AuditRepository(session).head()
