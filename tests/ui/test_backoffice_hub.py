"""The manager's screens at 1024×768: every choice of screen is in sight (whole, none over
another, none scrolled away), in English and in Chinese; the keyboard steps through them; a
clerk sees only what the role may use."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import log_in

from redhome_pos.domain.staff import PERMISSIONS, Role
from ui.app import install_language
from ui.backoffice.screens import show_manager_tab


def _shown_choices(shell: Any) -> dict[str, QRect]:
    hub = shell.manager
    return {
        key: entry.button.geometry()
        for key, entry in hub.entries.items()
        if entry.button.isVisible()
    }


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_screen_choice_is_in_sight_at_1024_by_768(
    qtbot: Any, shell: Any, language: str
) -> None:
    install_language(QApplication.instance(), language)  # type: ignore[arg-type]
    shell.switch_language(language)
    log_in(qtbot, shell, "3001", "3333")  # a manager may use every screen
    show_manager_tab(shell, "reports")
    qtbot.wait(100)
    hub = shell.manager
    shown = _shown_choices(shell)
    assert set(shown) == set(hub.entries)
    area = hub.choices.rect()
    for key, box in shown.items():
        assert area.contains(box), f"{key} is cut off: {box} outside {area}"
        button = hub.entries[key].button
        assert box.width() >= button.sizeHint().width(), f"{key}'s title is cut"
        assert box.height() >= 44  # a finger can hit it
    for (one, a), (other, b) in zip(shown.items(), list(shown.items())[1:], strict=False):
        assert not a.intersects(b), f"{one} and {other} overlap"
    # The screen below starts under the last row of choices.
    assert hub.stack.geometry().top() >= max(box.bottom() for box in shown.values())
    assert hub.entries["reports"].button.isChecked()


def test_the_keyboard_steps_through_the_screens_a_person_may_use(qtbot: Any, shell: Any) -> None:
    log_in(qtbot, shell, "3001", "3333")
    show_manager_tab(shell, "reconciliation")
    hub = shell.manager
    order = [key for key in hub.entries if hub.allowed(key)]
    qtbot.keyClick(
        hub.stack.currentWidget(), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier
    )
    assert hub.current_key() == order[1]
    assert hub.entries[order[1]].button.isChecked()
    qtbot.keyClick(
        hub.stack.currentWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.keyClick(
        hub.stack.currentWidget(), Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier
    )
    assert hub.current_key() == order[-1]  # round from the first to the last


def test_a_supervisor_sees_only_the_screens_the_role_may_use(qtbot: Any, shell: Any) -> None:
    log_in(qtbot, shell, "2001", "2222")
    shell.window.show_screen("manager")
    qtbot.wait(100)
    hub = shell.manager
    may = PERMISSIONS[Role.SUPERVISOR]
    expected = {key for key, entry in hub.entries.items() if entry.permission in may}
    assert set(_shown_choices(shell)) == expected
    assert "staff" not in expected and expected  # only a manager manages staff
