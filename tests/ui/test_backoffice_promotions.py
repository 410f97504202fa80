"""Promotions and members in the back office, as a manager uses them: a rule typed into the
editor with a preview of what a sample cart would get, saved, copied and ended; the rules
exported and imported as CSV; the member list (masked) with a member's points history and
erasure; the promotion, member and points reports shown. A clerk sees none of it."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QApplication
from ui_helpers import log_in, open_shift

from redhome_pos.domain.cart import Cart, PromotionContext
from redhome_pos.domain.promotions import PromotionKind
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.repositories.audit import AuditRepository
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services import checkout, members, promotions
from ui.app import install_language
from ui.backoffice.screens import show_manager_tab

PHONE = "13812341234"


def _open(qtbot: Any, shell: Any, key: str, signal: str) -> Any:
    screen = {"promotions": shell.promotions, "members": shell.members}[key]
    with qtbot.waitSignal(getattr(screen, signal)):
        show_manager_tab(shell, key)
    return screen


def test_a_clerk_sees_neither_promotions_nor_members(qtbot: Any, shell: Any) -> None:
    log_in(qtbot, shell)
    assert not shell.manager.allowed("promotions")
    assert not shell.manager.allowed("members")


def test_a_rule_typed_previewed_saved_copied_and_ended(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell, "3001", "3333")
    screen = _open(qtbot, shell, "promotions", "loaded")
    assert screen.rules == []

    screen.code.setText("LIP-HALF")
    screen.kind.setCurrentIndex(screen.kind.findData(PromotionKind.NTH_ITEM.value))
    assert screen.pay.isVisibleTo(screen) and not screen.off.isVisibleTo(screen)
    screen.scope.setCurrentIndex(screen.scope.findData("sku"))
    screen.scope_values.setText("LIP-520")
    screen.nth.setValue(2)
    screen.pay.setText("50")
    screen.sample.setText("LIP-520*2; CLN-120")
    with qtbot.waitSignal(screen.previewed) as previewed:
        screen.preview_button.click()
    preview = previewed.args[0]
    assert (preview.rule_saves_fen, preview.total_fen) == (6_400, 2 * 12_800 + 6_900 - 6_400)
    assert "￥64.00" in screen.preview_text.text()
    assert "第二件半价 -￥64.00" in screen.preview_text.text()

    screen.scope_values.setText("NO-SUCH-SKU")
    with qtbot.waitSignal(screen.failed) as failed:
        screen.save_button.click()
    assert failed.args[0] == "No SKU with code NO-SUCH-SKU"
    screen.scope_values.setText("LIP-520")
    screen.first_day.setText("2026-13-01")
    with qtbot.waitSignal(screen.failed) as failed:
        screen.save_button.click()
    assert "2026-13-01" in failed.args[0]
    screen.first_day.clear()

    with qtbot.waitSignal(screen.saved) as saved:
        screen.save_button.click()
    assert saved.args[0].label == "第二件半价"
    qtbot.waitUntil(lambda: [r.code for r in screen.rules] == ["LIP-HALF"])
    # The counter prices with it at its next sale.
    qtbot.waitUntil(lambda: len(shell.sale.promotions.book or ()) == 1)

    with qtbot.waitSignal(screen.saved) as copied:
        screen.copy_button.click()
    assert copied.args[0].code == "LIP-HALF-2"
    qtbot.waitUntil(lambda: screen.code.text() == "LIP-HALF-2")
    assert screen.scope_values.text() == "LIP-520"  # the copy is in the editor, SKUs by code
    screen.pay.setText("70")
    with qtbot.waitSignal(screen.saved) as edited:
        screen.save_button.click()
    assert edited.args[0].pay_bp == 7_000 and edited.args[0].label == "第二件7折"

    screen.choose("LIP-HALF")
    qtbot.waitUntil(lambda: screen.code.text() == "LIP-HALF")
    with qtbot.waitSignal(screen.saved) as ended:
        screen.end_button.click()
    assert ended.args[0].ended
    qtbot.waitUntil(lambda: any(r.ended for r in screen.rules))
    states = {screen.table.item(r, 0).text(): screen.table.item(r, 2).text() for r in range(2)}
    assert states == {"LIP-HALF": "Ended", "LIP-HALF-2": "On now"}
    with store.database.reading() as session:
        changes = [
            e.detail.get("change")
            for e in AuditRepository(session).events()
            if e.action == "promotion_change"
        ]
    assert changes == ["created", "created", "edited", "ended"]


def test_promotions_exported_and_imported_from_the_screen(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    shell.counter.context.preview_dir = tmp_path
    log_in(qtbot, shell, "3001", "3333")
    screen = _open(qtbot, shell, "promotions", "loaded")
    source = tmp_path / "in.csv"
    source.write_text(
        "code,kind,scope,scope_values,threshold,off\n"
        "OFF300,threshold_off,store,,300,50\n"
        "MASK-OFF,threshold_off,sku,MASK-10,99,10\n",
        encoding="utf-8",
    )
    screen.csv_path.setText(str(source))
    screen.import_button.click()
    qtbot.waitUntil(lambda: {r.code for r in screen.rules} == {"OFF300", "MASK-OFF"})
    assert "2 promotions imported" in screen.banner.text()

    bad = tmp_path / "bad.csv"
    bad.write_text("code,kind,threshold,off\nX1,threshold_off,abc,5\n", encoding="utf-8")
    screen.csv_path.setText(str(bad))
    with qtbot.waitSignal(screen.failed) as failed:
        screen.import_button.click()
    assert "nothing was imported" in failed.args[0]

    screen.export_button.click()
    qtbot.waitUntil(lambda: "Saved as" in screen.banner.text())
    exported = next((tmp_path / "exports").glob("promotions-*.csv"))
    text = exported.read_text(encoding="utf-8-sig")
    assert "OFF300,threshold_off" in text and "MASK-10" in text


def test_members_listed_masked_with_points_history_and_erased(
    qtbot: Any, shell: Any, store: Any
) -> None:
    counter = shell.counter
    member = members.enrol(
        counter.database, counter.till, store.staff["1001"], PHONE, consent=True, name="林"
    )
    members.enrol(counter.database, counter.till, store.staff["1001"], "13900001111", consent=True)
    log_in(qtbot, shell, "3001", "3333")
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    cart = Cart(
        promotions=PromotionContext(
            promotions.load_book(counter.database, counter.till), counter.till.now()
        )
    )
    with store.database.reading() as session:
        view = CatalogRepository(session).sku_view(store.sku_ids["LIP-520"])
    assert view is not None
    cart.add(promotions.cart_item(view))
    cart.set_member(member)
    checkout.checkout(
        counter.database, counter.till, counter.session.clerk, cart, [Tender.cash(12_800)]
    )

    screen = _open(qtbot, shell, "members", "loaded")
    cells = {
        screen.table.item(r, c).text() for r in range(screen.table.rowCount()) for c in range(5)
    }
    assert {"138****1234", "139****1111", "林", "128"} <= cells
    assert not any(PHONE in cell or "13900001111" in cell for cell in cells)

    with qtbot.waitSignal(screen.history_shown):
        screen.choose(member.member_no)
    assert [(e.kind, e.points) for e in screen.history] == [("earn", 128)]
    assert screen.history_table.item(0, 1).text() == "Earned"
    assert "128 points" in screen.who.text()
    assert screen.code.pixmap() is not None and not screen.code.pixmap().isNull()

    screen.erase_button.click()  # asks first
    assert "again" in screen.erase_button.text()
    with qtbot.waitSignal(screen.erased):
        screen.erase_button.click()
    assert members.find_by_phone(counter.database, counter.till, PHONE) is None
    qtbot.waitUntil(lambda: "(erased)" in {screen.table.item(r, 1).text() for r in range(2)})


def test_promotion_member_and_points_reports_shown(qtbot: Any, shell: Any, store: Any) -> None:
    counter = shell.counter
    promotions.save_promotion(
        counter.database,
        counter.till,
        store.staff["3001"],
        promotions.rule_of(
            counter.database,
            promotions.RuleForm("LIP-HALF", PromotionKind.NTH_ITEM, scope=promotions.ScopeKind.SKU,
                                scope_values=("LIP-520",), nth=2, pay_bp=5_000),
        ),
    )  # fmt: skip
    member = members.enrol(counter.database, counter.till, store.staff["1001"], PHONE, consent=True)
    log_in(qtbot, shell, "3001", "3333")
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    book = promotions.load_book(counter.database, counter.till)
    cart = Cart(promotions=PromotionContext(book, counter.till.now()))
    with store.database.reading() as session:
        view = CatalogRepository(session).sku_view(store.sku_ids["LIP-520"])
    assert view is not None
    cart.add(promotions.cart_item(view), 2)
    cart.set_member(member)
    checkout.checkout(
        counter.database, counter.till, counter.session.clerk, cart, [Tender.cash(19_200)]
    )

    reports = shell.reports
    show_manager_tab(shell, "reports")
    today = datetime.now(ZoneInfo(counter.context.timezone)).date()
    reports.set_period(today - timedelta(days=1), today)
    shown = {}
    for name in ("promotions", "members", "points"):
        reports.choose(name)
        with qtbot.waitSignals([reports.shown], raising=False) as done:
            reports.make()
        assert done.signal_triggered, reports.banner.text()
        table = reports.table
        shown[name] = [
            [table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]
    assert shown["promotions"][0][:3] == ["LIP-HALF", "第二件半价", "1"]
    assert "￥64.00" in shown["promotions"][0]
    assert shown["members"][0][:3] == ["Members", "1", "￥192.00"]
    assert ["Earned", "192", "￥1.92"] in shown["points"]
    assert shown["points"][-1][0] == "Held now by 1 members"


def test_a_rule_saved_with_nobody_logged_in_is_refused_before_any_work(
    qtbot: Any, shell: Any
) -> None:
    log_in(qtbot, shell, "3001", "3333")
    screen = _open(qtbot, shell, "promotions", "loaded")
    screen.code.setText("LIP-HALF")
    screen.kind.setCurrentIndex(screen.kind.findData(PromotionKind.NTH_ITEM.value))
    screen.scope.setCurrentIndex(screen.scope.findData("sku"))
    screen.scope_values.setText("LIP-520")
    screen.nth.setValue(2)
    screen.pay.setText("50")
    shell.counter.session.clerk = None  # the session ended while the screen stayed open
    with qtbot.waitSignal(screen.failed) as failed:
        screen.save_button.click()
    assert failed.args[0] == "Only a staff member who has logged in may do this"
    assert promotions.list_promotions(shell.counter.database) == []


def test_a_bad_row_of_an_imported_file_is_told_in_chinese(
    qtbot: Any, shell: Any, tmp_path: Path
) -> None:
    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    try:
        log_in(qtbot, shell, "3001", "3333")
        screen = _open(qtbot, shell, "promotions", "loaded")
        bad = tmp_path / "bad.csv"
        bad.write_text("code,kind,threshold,off,ended\nX1,threshold_off,300,5,maybe\n")
        screen.csv_path.setText(str(bad))
        with qtbot.waitSignal(screen.failed) as failed:
            screen.import_button.click()
        assert failed.args[0] == (
            "bad.csv 有 1 行错误，未导入任何内容；第一处：第 2 行，ended 列：请写 yes 或 no"
        )
    finally:
        install_language(QApplication.instance(), "en")  # type: ignore[arg-type]
        shell.switch_language("en")
