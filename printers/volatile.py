"""Documents held in this process's memory only, for jobs whose stored copy is masked.

A parcel label with the receiver in clear must never be written down (the online store's
rules: only ciphertexts and masked values are kept). Such a job is queued with its masked
document in the database, and the clear document is held here under the job's id; the print
worker prints the clear one while the process lives and forgets it once the job is finished.
After a restart, or for a reprint, the masked label prints.
"""

from __future__ import annotations

import threading

from printers.document import Document
from redhome_pos.persistence.database import Database

_held: dict[tuple[str, int], Document] = {}
_lock = threading.Lock()


def _key(database: Database, job_id: int) -> tuple[str, int]:
    # Job ids are per database; a process may open more than one (tests, tools).
    return str(database.engine.url), job_id


def hold(database: Database, job_id: int, document: Document) -> None:
    with _lock:
        _held[_key(database, job_id)] = document


def held(database: Database, job_id: int) -> Document | None:
    with _lock:
        return _held.get(_key(database, job_id))


def forget(database: Database, job_id: int) -> None:
    with _lock:
        _held.pop(_key(database, job_id), None)
