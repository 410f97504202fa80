"""Point 5: guessing PINs. The lockout escalates instead of handing out five fresh tries;
an unknown code is refused with the same words and the same work (one PIN hash at the
program's cost) as a known code with a wrong PIN; a manager can unlock."""

from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from security_store import Store, make_store

from redhome_pos.cli import main
from redhome_pos.domain import staff as staff_domain
from redhome_pos.domain.staff import LOCKOUTS, MAX_FAILED_PINS, PIN_COST, StaffError
from redhome_pos.persistence.database import Database
from redhome_pos.services import staff as staff_service
from redhome_pos.services.staff import login
from redhome_pos.services.staff_admin import StaffChange, change_staff


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database, open_shift=False)


def _wrong(store: Store, code: str = "1001") -> str:
    with pytest.raises(StaffError) as refused:
        login(store.database, store.till, code, "0000")
    return str(refused.value)


def test_after_a_lockout_each_wrong_pin_locks_again_for_longer(store: Store) -> None:
    for _ in range(MAX_FAILED_PINS):
        _wrong(store)
    assert "locked" in _wrong(store)
    for lockout in LOCKOUTS[:4]:
        store.clock.advance(seconds=lockout.total_seconds())
        # Not five fresh tries: one wrong PIN and the account is locked again, for longer.
        assert "wrong PIN" in _wrong(store)
        store.clock.advance(seconds=lockout.total_seconds())
        assert "locked" in _wrong(store), f"not locked {lockout} after the lock before"
    store.clock.advance(hours=4)
    assert "locked" in _wrong(store)  # the fifth lockout lasts a day
    store.clock.advance(hours=20, seconds=1)
    assert login(store.database, store.till, "1001", "1111").code == "1001"
    assert "wrong PIN" in _wrong(store)  # a good PIN starts the count afresh
    for _ in range(MAX_FAILED_PINS - 2):
        _wrong(store)
    assert "wrong PIN" in _wrong(store)


def test_unknown_codes_cost_and_read_the_same_as_wrong_pins(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked: list[str] = []
    real = staff_domain.pin_matches

    def counting(pin: str, stored: str) -> bool:
        checked.append(stored.split("$")[1])  # the scrypt n of the hash checked
        return real(pin, stored)

    monkeypatch.setattr(staff_service, "pin_matches", counting)
    known = _wrong(store, "1001")
    unknown = _wrong(store, "9999")
    inactive_code = "2001"
    change_staff(
        store.database, store.till, store.manager, StaffChange(store.supervisor.id, active=False)
    )
    inactive = _wrong(store, inactive_code)
    assert known == unknown == inactive == "Unknown staff code or wrong PIN"
    # One PIN hash checked each time; for unknown and inactive codes at the program's cost.
    assert len(checked) == 3 and checked[1:] == [str(PIN_COST.n)] * 2


def test_a_manager_unlocks_at_the_counter_and_from_the_command_line(
    store: Store, tmp_path: Path, db_path: Path, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _ in range(MAX_FAILED_PINS):
        _wrong(store)
    db, till = store.database, store.till
    with pytest.raises(StaffError, match="ask a manager"):
        login(db, till, "1001", "1111")
    with pytest.raises(Exception, match="may not manage staff"):
        change_staff(db, till, store.supervisor, StaffChange(store.clerk.id, unlock=True))
    change_staff(db, till, store.manager, StaffChange(store.clerk.id, unlock=True))
    assert login(db, till, "1001", "1111").code == "1001"

    for _ in range(MAX_FAILED_PINS):
        _wrong(store)
    store.clock.advance(seconds=timedelta(minutes=5).total_seconds())
    _wrong(store)  # locked again, 15 minutes now
    config = tmp_path / "config.toml"
    config.write_text(
        f'terminal_id = "T1"\n[store]\ncode = "RH01"\n[database]\nurl = "sqlite:///{db_path}"\n'
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\nlog_dir = "{tmp_path / "logs"}"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    unlock = ["staff", "unlock", "1001", "--staff", "3001", "--pin-stdin"]
    assert main(["--config", str(config), *unlock]) == 0
    assert "can log in again" in capsys.readouterr().out
    assert login(db, till, "1001", "1111").code == "1001"
