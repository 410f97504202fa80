"""Promotions and members at the counter, driven as a clerk does: each line says what each
promotion saved; a member is found by typed phone number or by a scanned member code (or
enrolled with consent); member prices apply; points pay at the tender."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from sqlalchemy import func, select
from ui_helpers import log_in, open_shift, scan

from redhome_pos.domain.promotions import Promotion, PromotionKind, Scope, ScopeKind
from redhome_pos.domain.tender import TenderKind
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.models.promotions import PointsMovementRow
from redhome_pos.services import members, promotions
from ui.cart_table import SAVINGS_ROLE, CartModel
from ui.dialogs.member import MemberDialog
from ui.dialogs.tender import TenderDialog

PHONE = "13812341234"


def _ready(qtbot: Any, shell: Any) -> Any:
    log_in(qtbot, shell)
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    qtbot.waitUntil(lambda: shell.sale.promotions.book is not None)
    return shell.sale


def _add(qtbot: Any, shell: Any, code: str) -> None:
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, code)


def _save(shell: Any, store: Any, rule: Promotion) -> None:
    counter = shell.counter
    promotions.save_promotion(counter.database, counter.till, store.staff["3001"], rule)


def test_each_line_says_what_each_promotion_saved(qtbot: Any, shell: Any, store: Any) -> None:
    lipstick = store.sku_ids["LIP-520"]
    _save(
        shell,
        store,
        Promotion(
            "HALF2",
            PromotionKind.NTH_ITEM,
            scope=Scope(ScopeKind.SKU, frozenset({str(lipstick)})),
            nth=2,
            pay_bp=5000,
        ),
    )
    _save(
        shell,
        store,
        Promotion("OFF300", PromotionKind.THRESHOLD_OFF, threshold_fen=30_000, off_fen=5_000),
    )
    sale = _ready(qtbot, shell)
    _add(qtbot, shell, store.barcodes["LIP-520"])
    model = sale.model
    assert model.index(0, CartModel.PRODUCT).data(SAVINGS_ROLE) == ""
    height_before = sale.table.rowHeight(0)

    _add(qtbot, shell, store.barcodes["LIP-520"])  # the second lipstick is half price
    row = model.index(0, CartModel.PRODUCT)
    assert row.data(SAVINGS_ROLE) == "第二件半价 -￥64.00"
    assert model.index(0, CartModel.DISCOUNT).data() == "-￥64.00"
    assert model.index(0, CartModel.AMOUNT).data() == "￥192.00"
    assert sale.table.rowHeight(0) > height_before  # the saving's words are not clipped
    assert sale.due_label.text() == "￥192.00"

    _add(qtbot, shell, store.barcodes["MASK-10"])  # 192 + 99 = 291: no 满300 yet
    assert "满300减50" not in str(row.data(SAVINGS_ROLE))
    _add(qtbot, shell, store.barcodes["CLN-120"])  # 360 after the half price: 满300减50
    totals = sale.cart.totals()
    assert totals.promotion_fen == 6_400 + 5_000
    assert totals.total_fen == 25_600 + 9_900 + 6_900 - 11_400
    words = [model.index(r, CartModel.PRODUCT).data(SAVINGS_ROLE) for r in range(3)]
    assert all("满300减50" in text for text in words)  # spread over every line it covers
    assert "第二件半价 -￥64.00" in words[0]
    assert "Promotions: -￥114.00" in sale.discount_label.text()
    assert sale.due_label.text() == "￥310.00"
    _rows_as_tall_as_qt_measures(sale.table)
    shell.window.resize(700, 700)  # a narrow cart wraps the savings onto more lines
    qtbot.waitUntil(lambda: sale.table.rowHeight(0) > height_before + 20)
    _rows_as_tall_as_qt_measures(sale.table)


def _rows_as_tall_as_qt_measures(table: Any) -> None:
    """The cart measures only the product cell of a row; Qt's own measure of every cell of it
    gives the same height (so nothing in another column is cut)."""
    rows = table.model().rowCount()
    assert rows
    assert [table.rowHeight(r) for r in range(rows)] == [
        table.sizeHintForRow(r) for r in range(rows)
    ]


def test_a_member_found_by_typed_phone_gets_member_prices(
    qtbot: Any, shell: Any, store: Any
) -> None:
    counter = shell.counter
    promotions.set_member_price(
        counter.database, counter.till, store.staff["3001"], "LIP-520", 9_900
    )
    members.enrol(
        counter.database, counter.till, store.staff["1001"], PHONE, consent=True, name="林"
    )
    sale = _ready(qtbot, shell)
    _add(qtbot, shell, store.barcodes["LIP-520"])
    assert sale.due_label.text() == "￥128.00"

    qtbot.keyClick(sale.table, Qt.Key.Key_F7)
    dialog = shell.actions.dialog
    assert isinstance(dialog, MemberDialog)
    qtbot.keyClicks(dialog.field, "138 1234 1234")
    with qtbot.waitSignal(dialog.member_chosen):
        qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)
    assert sale.cart.member is not None and sale.cart.member.phone_masked == "138****1234"
    assert sale.due_label.text() == "￥99.00"
    assert sale.model.index(0, CartModel.PRODUCT).data(SAVINGS_ROLE) == "会员价 -￥29.00"
    assert "林" in sale.member_label.text()
    assert PHONE not in sale.member_label.text()


def test_a_stranger_is_enrolled_only_with_consent(qtbot: Any, shell: Any, store: Any) -> None:
    sale = _ready(qtbot, shell)
    qtbot.keyClick(sale.table, Qt.Key.Key_F7)
    dialog = shell.actions.dialog
    assert isinstance(dialog, MemberDialog)
    qtbot.keyClicks(dialog.field, "13900001111")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.enrol_box.isVisible())
    assert dialog.message.text() == "No member with phone 139****1111"
    qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    assert "consent" in dialog.message.text()
    assert members.find_by_phone(shell.counter.database, shell.counter.till, "13900001111") is None

    dialog.consent.setChecked(True)
    with qtbot.waitSignal(dialog.member_chosen):
        qtbot.mouseClick(dialog.enrol_button, Qt.MouseButton.LeftButton)
    found = members.find_by_phone(shell.counter.database, shell.counter.till, "13900001111")
    assert found is not None and found.consent_at is not None
    assert sale.cart.member is not None and sale.cart.member.member_no == found.member_no


def test_a_scanned_member_code_finds_the_member_and_points_pay(
    qtbot: Any, shell: Any, store: Any
) -> None:
    counter = shell.counter
    member = members.enrol(counter.database, counter.till, store.staff["1001"], PHONE, consent=True)
    code = members.member_code(counter.till, member)
    sale = _ready(qtbot, shell)

    # A first sale for the member earns points (1 a yuan).
    _add(qtbot, shell, store.barcodes["LIP-520"])
    scan(qtbot, shell, code)
    qtbot.waitUntil(lambda: sale.cart.member is not None)
    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    assert tender.points_button.isVisible() and not tender.points_button.isEnabled()
    with qtbot.waitSignal(tender.sale_completed) as first:
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    assert first.args[0].points_earned == 128
    qtbot.keyClick(tender, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)

    # The next sale: the member code again, and the points pay ￥1.28 of it.
    _add(qtbot, shell, store.barcodes["CLN-120"])
    scan(qtbot, shell, code)
    qtbot.waitUntil(lambda: sale.cart.member is not None)
    assert sale.cart.member.points_balance == 128
    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    qtbot.mouseClick(tender.points_button, Qt.MouseButton.LeftButton)
    assert tender.due_fen == 6_900 - 128
    assert "128" in tender.list.item(0).text()
    assert not tender.points_button.isEnabled()  # nothing left to spend
    qtbot.mouseClick(tender.quick["exact"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tender.sale_completed) as second:
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    sold = second.args[0]
    assert {(t.kind, t.amount_fen) for t in sold.tenders} == {
        (TenderKind.POINTS, 128),
        (TenderKind.CASH, 6_900 - 128),
    }
    assert sold.points_earned == 67 and sold.points_balance == 67
    with counter.database.reading() as session:
        moved = session.scalars(
            select(PointsMovementRow.points).order_by(PointsMovementRow.id)
        ).all()
    assert list(moved) == [128, -128, 67]


def test_a_forged_member_code_finds_nobody(qtbot: Any, shell: Any, store: Any) -> None:
    counter = shell.counter
    member = members.enrol(counter.database, counter.till, store.staff["1001"], PHONE, consent=True)
    code = members.member_code(counter.till, member)
    sale = _ready(qtbot, shell)
    forged = code[:-2] + ("AA" if not code.endswith("AA") else "BB")
    with qtbot.waitSignal(sale.scan_failed):
        scan(qtbot, shell, forged)
    assert sale.cart.member is None


def test_a_rule_changed_under_the_sale_is_priced_again_at_payment(
    qtbot: Any, shell: Any, store: Any, tmp_path: Path
) -> None:
    lipstick = store.sku_ids["LIP-520"]
    half = Promotion(
        "HALF2",
        PromotionKind.NTH_ITEM,
        scope=Scope(ScopeKind.SKU, frozenset({str(lipstick)})),
        nth=2,
        pay_bp=5000,
    )
    _save(shell, store, half)
    sale = _ready(qtbot, shell)
    _add(qtbot, shell, store.barcodes["LIP-520"])
    _add(qtbot, shell, store.barcodes["LIP-520"])
    assert sale.due_label.text() == "￥192.00"
    _save(shell, store, replace(half, pay_bp=8000))  # a manager changes it in the back office

    qtbot.keyClick(sale.table, Qt.Key.Key_F12)
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    qtbot.mouseClick(tender.quick["exact"], Qt.MouseButton.LeftButton)
    qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)  # refused: nothing was sold
    qtbot.waitUntil(lambda: sale.due_label.text() == "￥230.40")  # 256 - 25.60 (第二件8折)
    assert "￥230.40" in sale.banner.text() and "priced again" in sale.banner.text()
    assert sale.model.index(0, CartModel.PRODUCT).data(SAVINGS_ROLE) == "第二件8折 -￥25.60"
    with shell.counter.database.reading() as session:
        assert session.scalar(select(func.count()).select_from(SaleRow)) == 0
    folder = Path(os.environ.get("REDHOME_SHOT_DIR", str(tmp_path)))
    assert shell.window.grab().save(str(folder / "counter-promotions-repriced-en.png"))

    qtbot.keyClick(sale.table, Qt.Key.Key_F12)  # paid again at the new total: sold
    tender = shell.actions.dialog
    assert isinstance(tender, TenderDialog)
    assert tender.total_fen == 23_040
    qtbot.mouseClick(tender.quick["exact"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(tender.sale_completed) as done:
        qtbot.keyClick(tender.cash_field, Qt.Key.Key_Return)
    assert done.args[0].promotion_fen == 2_560
