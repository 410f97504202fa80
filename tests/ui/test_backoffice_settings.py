"""Store settings in the back office: a manager's change is written to the configuration file
(readable by its owner only) and audited with what changed; a clerk does not see the screen."""

from __future__ import annotations

import stat
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication
from ui_helpers import log_in, type_chinese

from redhome_pos.config import load_config
from redhome_pos.config.settings import AppPaths, default_config
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.services import audit
from ui.app import install_language
from ui.backoffice.screens import show_manager_tab


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
    assert not shell.window.entries["manager"].button.isVisible()
    shell.counter.session.lock()
    log_in(qtbot, shell, "3001", "3333")
    assert shell.manager.allowed("store-settings")

    screen = shell.store_settings
    show_manager_tab(shell, "store-settings")
    assert screen.name.text() == "REDHOME 上海静安店"
    screen.footer.clear()
    type_chinese(screen.footer, "感谢光临，欢迎再来")
    screen.negative.setChecked(True)
    assert not shell.context.card_reference_required
    screen.card_reference.setChecked(True)
    with qtbot.waitSignal(screen.saved):
        screen.save_button.click()

    written = load_config(paths.config_file, env={})
    assert written.store.card_reference_required is True and written.store.external_terminal
    assert shell.context.card_reference_required  # the counter asks for the slip from now on
    assert shell.counter.till.card_reference_required
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
        "card_reference_required": [False, True],
    }
    assert audit.verify(store.database) == []

    # A test page on every configured printer goes to the print queue.
    assert "receipt" in screen.printers.text()
    with qtbot.waitSignal(screen.printed) as printed:
        screen.print_button.click()
    jobs = [shell.context.print_queue.job(job_id) for job_id in printed.args[0]]
    assert [(job.kind, job.printer) for job in jobs] == [("test_page", "receipt")]


def test_the_store_connects_to_the_online_store_with_the_approval_code(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    from datetime import UTC, datetime, timedelta

    from sync.red_sandbox import start_sandbox
    from ui.backoffice.online_jobs import Connection

    with start_sandbox(port=0, seed=1, skus=20) as sandbox:
        paths = AppPaths(
            tmp_path / "config.toml", tmp_path, tmp_path / "log", tmp_path / "bak", tmp_path / "pv"
        )
        config = default_config(paths)
        online = replace(
            config.online_store,
            base_url=sandbox.base_url,
            app_id=sandbox.app_id,
            app_secret=sandbox.app_secret,
            warehouse_code=sandbox.warehouse_code,
            enabled=True,
        )
        shell.context.config = replace(config, online_store=online)
        log_in(qtbot, shell, "3001", "3333")
        screen = shell.store_settings
        with qtbot.waitSignal(screen.connection_shown) as shown:
            show_manager_tab(shell, "store-settings")
        assert not shown.args[0].connected
        assert "Not connected" in screen.connection_state.text()

        with qtbot.waitSignal(screen.approval_page_shown) as page:
            screen.page_button.click()
        assert page.args[0].startswith(sandbox.base_url) and sandbox.app_id in page.args[0]

        screen.code.setText(sandbox.authorization_code())
        with qtbot.waitSignal(screen.connection_shown, timeout=10_000) as shown:
            screen.connect_button.click()
        state = shown.args[0]
        assert state.connected and state.expires_at is not None
        assert "Connected to" in screen.connection_state.text()
        with store.database.reading() as session:
            events = AuditRepository(session).of_action("settings_change")
        assert [e.detail["section"] for e in events] == ["online_store"]
        assert "code" not in str(events[0].detail)

    # Close to its end, the authorisation warns; after it, it says so.
    soon = Connection(True, "RED 店铺", datetime.now(UTC) + timedelta(days=3, hours=1))
    assert "runs out in 3 days" in screen.connection_words(soon)
    gone = Connection(True, "RED 店铺", datetime.now(UTC) - timedelta(hours=1))
    assert "expired" in screen.connection_words(gone)


def test_the_sync_log_reads_in_the_clerks_language(shell: Any) -> None:
    from datetime import UTC, datetime

    from PySide6.QtWidgets import QApplication

    from redhome_pos.persistence.repositories.sync import SyncLogEntry
    from ui.app import install_language
    from ui.backoffice.sync_words import log_words

    entry = SyncLogEntry(
        1,
        datetime.now(UTC),
        "deliveries",
        "info",
        "Online order {order} delivered",
        {"order": "P1"},
    )
    app = QApplication.instance()
    try:
        install_language(app, "zh_CN")  # type: ignore[arg-type]
        assert log_words(entry) == "线上订单 P1 已交付"
    finally:
        install_language(app, "en")  # type: ignore[arg-type]
    assert log_words(entry) == "Online order P1 delivered"


def test_a_setting_the_configuration_refuses_is_told_in_chinese(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    paths = AppPaths(
        tmp_path / "config.toml", tmp_path, tmp_path / "log", tmp_path / "bak", tmp_path / "pv"
    )
    shell.context.config = default_config(paths)
    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    try:
        log_in(qtbot, shell, "3001", "3333")
        screen = shell.store_settings
        show_manager_tab(shell, "store-settings")
        screen.terminal.setText("T 1")
        with qtbot.waitSignal(screen.failed) as failed:
            screen.save_button.click()
        assert failed.args[0] == (
            "设置 terminal_id：须为 1 到 16 个字母、数字或“-”（它会写入小票号）"
        )
        assert not paths.config_file.exists()  # nothing was written
    finally:
        install_language(QApplication.instance(), "en")  # type: ignore[arg-type]
        shell.switch_language("en")
