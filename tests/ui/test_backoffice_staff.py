"""Staff management in the back office: a manager adds a person, changes the role, resets
the PIN and issues a badge; each change is audited without the PIN; a clerk cannot see it."""

from __future__ import annotations

from typing import Any

import pytest
from ui_helpers import CHEAP, log_in, type_chinese

from redhome_pos.domain.staff import Role, StaffError
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import staff as staff_service
from redhome_pos.services.counter import Till
from ui.backoffice.screens import show_manager_tab


def test_a_manager_adds_a_person_changes_role_pin_and_badge(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)
    assert not shell.window.entries["manager"].button.isVisible()
    shell.counter.session.lock()
    log_in(qtbot, shell, "3001", "3333")
    assert shell.manager.allowed("staff")
    screen = shell.staff_screen
    screen.pin_cost = CHEAP
    with qtbot.waitSignal(screen.loaded):
        show_manager_tab(shell, "staff")
    assert {p.code for p in screen.people} == {"1001", "2001", "3001"}

    screen.code.setText("4001")
    type_chinese(screen.name, "赵小店")
    screen.pin.setText("4444")
    with qtbot.waitSignal(screen.changed) as changed:
        screen.add_button.click()
    assert (changed.args[0].name, changed.args[0].role) == ("赵小店", Role.CLERK)
    qtbot.waitUntil(lambda: len(screen.people) == 4)

    screen.choose("4001")
    screen.role.setCurrentIndex(screen.role.findData(Role.SUPERVISOR.value))
    with qtbot.waitSignal(screen.changed) as changed:
        screen.role_button.click()
    assert changed.args[0].role is Role.SUPERVISOR
    qtbot.waitUntil(lambda: screen.chosen() is not None and screen.chosen().code == "4001")
    screen.pin.setText("5555")
    with qtbot.waitSignal(screen.changed):
        screen.pin_button.click()
    qtbot.waitUntil(lambda: screen.chosen() is not None and screen.chosen().code == "4001")
    with qtbot.waitSignal(screen.changed) as changed:
        screen.badge_button.click()
    badge = changed.args[0].badge_code
    assert badge and badge.startswith("RH") and screen.badge.pixmap() is not None

    till = Till("SH001", "T1", code_secret=shell.context.code_secret)
    with pytest.raises(StaffError):
        staff_service.login(store.database, till, "4001", "4444")
    assert staff_service.login(store.database, till, "4001", "5555").role is Role.SUPERVISOR
    assert staff_service.login_badge(store.database, till, badge).code == "4001"

    # The badge is lost: revoked, it logs nobody in (security point 4).
    with qtbot.waitSignal(screen.changed) as changed:
        screen.revoke_button.click()
    assert changed.args[0].badge_code is None
    with pytest.raises(StaffError, match="revoked"):
        staff_service.login_badge(store.database, till, badge)

    # A manager cannot deactivate their own account.
    screen.choose("3001")
    with qtbot.waitSignal(screen.failed):
        screen.active_button.click()

    with store.database.reading() as session:
        events = AuditRepository(session).of_action("staff_change")
    mine = [e.detail for e in events if e.detail.get("staff_code") == "4001"]
    assert len(mine) == 5 and all("5555" not in str(d) and "4444" not in str(d) for d in mine)
    assert mine[0]["badge"] == "revoked"  # the newest: who revoked which badge
    assert any(d.get("role") == ["clerk", "supervisor"] for d in mine)
