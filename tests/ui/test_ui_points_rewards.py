"""Points rewards driven as the staff use them: a manager defines them in the back office; at
the counter a member takes one (更多功能 → 积分兑换), the total drops at once, the sale spends
the points and the member's points history says so. Screenshots of both screens."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import log_in, open_shift, scan

from redhome_pos.domain.points import PointsKind
from redhome_pos.persistence.repositories.members import MemberRepository
from redhome_pos.services import members, rewards
from ui.app import install_language
from ui.backoffice.screens import show_manager_tab
from ui.counter_actions import MoreDialog
from ui.dialogs.rewards import RewardsDialog
from ui.dialogs.tender import TenderDialog

PHONE = "13812341234"


def _shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("REDHOME_SHOT_DIR", str(tmp_path)))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _more(qtbot: Any, shell: Any) -> None:
    """更多功能 (Ctrl+M), then 7: points rewards."""
    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    menu = shell.actions.dialog
    assert isinstance(menu, MoreDialog)
    menu.activateWindow()
    qtbot.waitUntil(menu.isActiveWindow)
    qtbot.keyClick(menu, Qt.Key.Key_7)
    qtbot.waitUntil(lambda: shell.actions.dialog is not menu)


def test_a_manager_defines_rewards_in_the_back_office(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    screen = shell.points_rewards
    with qtbot.waitSignal(screen.loaded):
        show_manager_tab(shell, "points-rewards")
    screen.code.setText("R10")
    screen.points.setValue(1_000)
    screen.amount.setText("10")
    with qtbot.waitSignal(screen.saved):
        screen.save_button.click()
    screen.new()
    screen.code.setText("GIFT")
    screen.name.setText("积分换旅行手帐")
    screen.points.setValue(800)
    screen.gift.setText("CLN-120")
    with qtbot.waitSignal(screen.saved):
        screen.save_button.click()
    qtbot.waitUntil(lambda: screen.table.rowCount() == 2)
    rows = [[screen.table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert rows == [
        ["GIFT", "积分换旅行手帐", "800", "Offered"],
        ["R10", "积分抵扣10.00 (￥10.00)", "1000", "Offered"],
    ]
    screen.table.selectRow(0)
    assert screen.gift.text() == "CLN-120" and screen.points.value() == 800
    screen.new()
    screen.code.setText("BAD")
    screen.gift.setText("CLN-120")
    screen.amount.setText("5")
    with qtbot.waitSignal(screen.failed) as failed:
        screen.save_button.click()
    assert "either a gift" in failed.args[0]
    assert shell.window.grab().save(str(_shots(tmp_path) / "backoffice-points-rewards-en.png"))
    screen.code.setText("GIFT")
    with qtbot.waitSignal(screen.saved):
        screen.end_button.click()
    qtbot.waitUntil(lambda: screen.table.item(0, 3).text() == "Ended")
    assert [r.code for r in rewards.list_rewards(store.database)] == ["R10"]


def test_a_member_takes_a_reward_at_the_counter(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    counter = shell.counter
    manager = store.staff["3001"]
    for code, points in (("R10", 1_000), ("R99", 9_900)):
        rewards.save_reward(
            counter.database, counter.till, manager, code=code, points=points, amount_fen=points
        )
    member = members.enrol(counter.database, counter.till, store.staff["1001"], PHONE, consent=True)
    with counter.database.unit_of_work() as uow:
        MemberRepository(uow.session).move(
            member.id, PointsKind.EARN, 1_500, "adjust:test", counter.till.now(), terminal_id="T1"
        )
        uow.commit()
    log_in(qtbot, shell)
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    sale = shell.sale
    qtbot.waitUntil(lambda: sale.promotions.book is not None)

    _more(qtbot, shell)  # no member yet: refused
    qtbot.waitUntil(lambda: "members" in sale.banner.text())

    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    scan(qtbot, shell, members.member_code(counter.till, member))
    qtbot.waitUntil(lambda: sale.cart.member is not None)
    _more(qtbot, shell)
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, RewardsDialog))
    dialog = shell.actions.dialog
    assert isinstance(dialog, RewardsDialog)
    qtbot.waitUntil(lambda: dialog.list.count() == 2)
    enabled = [bool(dialog.list.item(r).flags() & Qt.ItemFlag.ItemIsEnabled) for r in range(2)]
    assert enabled == [True, False]  # 9,900 points: more than the member has
    assert "1500 points left" in dialog.who.text()
    dialog.list.setCurrentRow(0)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert sale.due_label.text() == "￥118.00"  # 128 - 10
    assert "Points rewards: -￥10.00" in sale.discount_label.text()
    assert dialog.list.item(0).text().startswith("Taken:")
    assert "500 points left" in dialog.who.text()
    assert dialog.grab().save(str(_shots(tmp_path) / "counter-points-reward-en.png"))
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)

    shell.window.activateWindow()
    qtbot.waitUntil(shell.window.isActiveWindow)
    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    assert tender.total_fen == 11_800
    qtbot.mouseClick(tender.quick["exact"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tender.sale_completed) as done:
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    sold = done.args[0]
    assert sold.rewards == (("积分抵扣10.00", 1_000, 1_000),)
    assert sold.points_balance == 1_500 - 1_000 + 118
    history = members.points_history(counter.database, member.id)
    assert ("reward", -1_000) in [(e.kind, e.points) for e in history]


def test_rewards_in_chinese(qtbot: Any, shell: Any, store: Any, tmp_path: Path) -> None:
    counter = shell.counter
    rewards.save_reward(
        counter.database, counter.till, store.staff["3001"], code="GIFT", points=300,
        gift_sku="CLN-120", name="积分换洁面乳",
    )  # fmt: skip
    member = members.enrol(counter.database, counter.till, store.staff["1001"], PHONE, consent=True)
    with counter.database.unit_of_work() as uow:
        MemberRepository(uow.session).move(
            member.id, PointsKind.EARN, 800, "adjust:test", counter.till.now(), terminal_id="T1"
        )
        uow.commit()
    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    log_in(qtbot, shell)
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    sale = shell.sale
    qtbot.waitUntil(lambda: sale.promotions.book is not None)
    for code in ("LIP-520", "CLN-120"):
        with qtbot.waitSignal(sale.line_added):
            scan(qtbot, shell, store.barcodes[code])
    scan(qtbot, shell, members.member_code(counter.till, member))
    qtbot.waitUntil(lambda: sale.cart.member is not None)
    _more(qtbot, shell)
    qtbot.waitUntil(lambda: isinstance(shell.actions.dialog, RewardsDialog))
    dialog = shell.actions.dialog
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert dialog.windowTitle() == "积分兑换"
    assert "可用于兑换 800 积分" in dialog.who.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.list.item(0).text() == "已兑换：积分换洁面乳 · 300 积分"
    assert sale.due_label.text() == "￥128.00"  # the cleanser free
    assert "积分兑换：-￥69.00" in sale.discount_label.text()
    folder = _shots(tmp_path)
    assert dialog.grab().save(str(folder / "counter-points-reward-zh.png"))
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    qtbot.wait(100)
    assert shell.window.grab().save(str(folder / "counter-points-reward-sale-zh.png"))
