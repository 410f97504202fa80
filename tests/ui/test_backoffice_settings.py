"""Store settings in the back office: a manager's change is written to the configuration file
(readable by its owner only) and audited with what changed; a clerk does not see the screen."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

from ui_helpers import log_in, type_chinese

from redhome_pos.config import load_config
from redhome_pos.config.settings import AppPaths, default_config
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit


def test_settings_changes_persist_and_are_audited(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    paths = AppPaths(
        tmp_path / "config.toml", tmp_path, tmp_path / "log", tmp_path / "bak", tmp_path / "pv"
    )
    config = default_config(paths)
    config = replace(config, store=replace(config.store, code="SH001", name="REDHOME 上海静安店"))
    shell.context.config = config

    log_in(qtbot, shell)  # a clerk: no store settings
    assert not shell.window.entries["store-settings"].button.isVisible()
    shell.counter.session.lock()
    log_in(qtbot, shell, "3001", "3333")
    assert shell.window.entries["store-settings"].button.isVisible()

    screen = shell.store_settings
    shell.window.show_screen("store-settings")
    assert screen.name.text() == "REDHOME 上海静安店"
    screen.footer.clear()
    type_chinese(screen.footer, "感谢光临，欢迎再来")
    screen.negative.setChecked(True)
    with qtbot.waitSignal(screen.saved):
        screen.save_button.click()

    written = load_config(paths.config_file, env={})
    assert written.store.receipt_footer == "感谢光临，欢迎再来"
    assert written.store.allow_negative_stock is True
    assert written.store.name == "REDHOME 上海静安店"
    assert stat.S_IMODE(paths.config_file.stat().st_mode) == 0o600

    with store.database.reading() as session:
        [event] = AuditRepository(session).of_action("settings_change")
    assert event.staff_id == store.staff["3001"].id
    assert event.detail["changes"] == {
        "receipt_footer": ["", "感谢光临，欢迎再来"],
        "allow_negative_stock": [False, True],
    }
    assert audit.verify(store.database) == []
