"""The counter's payment edges, driven as a clerk does: a payment code scanned at a counter
without the wallet's provider is refused in words and never paid; money taken on a separate
terminal is its own tender kind confirmed with the terminal's reference; the card's slip
reference is asked for when the store requires it, and printed whole on the receipt."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from ui_helpers import log_in, open_shift, scan

from printers.templates.data import StoreHeader
from printers.templates.from_sale import receipt_from_sale
from redhome_pos.domain.tender import TenderKind
from redhome_pos.services.checkout import find_sale
from ui.app import install_language
from ui.dialogs.tender import TenderDialog

WECHAT_CODE = "134567890123456789"  # 18 digits starting 13: a WeChat Pay payment code
ALIPAY_CODE = "284612345678901234"  # 18 digits starting 28: an Alipay payment code
SLIP = "4200002288202611258841"  # the reference a WeChat Pay terminal printed


def _cart_and_pay(qtbot: Any, shell: Any, store: Any) -> TenderDialog:
    log_in(qtbot, shell)
    open_shift(shell)
    qtbot.waitUntil(lambda: shell.counter.session.shift is not None)
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    dialog = shell.actions.dialog
    assert isinstance(dialog, TenderDialog)
    return dialog


def _stored_sale(shell: Any, dialog: TenderDialog) -> Any:
    assert dialog.sale is not None
    return find_sale(shell.counter.database, dialog.sale.receipt_no)


def test_a_payment_code_without_a_provider_is_refused_in_words_and_never_paid(
    qtbot: Any, shell: Any, store: Any
) -> None:
    dialog = _cart_and_pay(qtbot, shell, store)
    qtbot.mouseClick(dialog.wechat_button, Qt.MouseButton.LeftButton)
    scan(qtbot, shell, WECHAT_CODE)
    assert dialog.message.isVisible()
    assert dialog.message.text() == (
        "This counter is not connected to WeChat Pay: use the payment terminal"
    )
    scan(qtbot, shell, ALIPAY_CODE)
    assert "not connected to Alipay" in dialog.message.text()
    assert dialog.tenders == [] and dialog.due_fen == 12_800
    # Enter right after the scans completes nothing with a wallet: only exact cash would.
    assert all(t.kind not in (TenderKind.WECHAT, TenderKind.ALIPAY) for t in dialog.tenders)


def test_the_chinese_counter_says_so_in_chinese(qtbot: Any, shell: Any, store: Any) -> None:
    dialog = _cart_and_pay(qtbot, shell, store)
    app = shell.app if hasattr(shell, "app") else None
    from PySide6.QtWidgets import QApplication

    install_language(app or QApplication.instance(), "zh_CN")
    try:
        scan(qtbot, shell, WECHAT_CODE)
        assert dialog.message.text() == "本收银台未接入微信支付，请使用收款终端"
        scan(qtbot, shell, ALIPAY_CODE)
        assert dialog.message.text() == "本收银台未接入支付宝，请使用收款终端"
    finally:
        install_language(app or QApplication.instance(), "en")
    assert dialog.tenders == []


def test_a_payment_code_scanned_on_the_sale_screen_is_not_dropped(
    qtbot: Any, shell: Any, store: Any
) -> None:
    log_in(qtbot, shell)
    open_shift(shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    with qtbot.waitSignal(sale.scan_failed) as failed:
        scan(qtbot, shell, WECHAT_CODE)
    assert failed.args[0] == "This counter is not connected to WeChat Pay: use the payment terminal"
    assert sale.banner.is_error
    assert shell.actions.dialog is None and len(sale.cart.lines) == 1


def test_wechat_on_the_external_terminal_is_confirmed_with_the_slips_reference(
    qtbot: Any, shell: Any, store: Any
) -> None:
    dialog = _cart_and_pay(qtbot, shell, store)
    qtbot.mouseClick(dialog.quick["5000"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.external_buttons[TenderKind.EXTERNAL_WECHAT], Qt.MouseButton.LeftButton)
    assert dialog.reference_field.isVisible()
    assert "take ￥78.00 on the terminal" in dialog.message.text()
    # Enter without a reference: nothing is paid.
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert dialog.due_fen == 7_800 and "4 to 32 letters or digits" in dialog.message.text()
    # The customer's payment code is not a reference.
    scan(qtbot, shell, WECHAT_CODE)
    assert dialog.due_fen == 7_800 and "payment code, not the terminal" in dialog.message.text()
    scan(qtbot, shell, SLIP)  # the slip's barcode
    assert dialog.due_fen == 0 and not dialog.reference_field.isVisible()
    assert dialog.list.item(1).text() == f"WeChat Pay on the terminal  ￥78.00  ref. {SLIP}"
    with qtbot.waitSignal(dialog.sale_completed):
        qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)
    stored = _stored_sale(shell, dialog)
    assert [(t.kind, t.amount_fen, t.reference) for t in stored.tenders] == [
        (TenderKind.CASH, 5_000, ""),
        (TenderKind.EXTERNAL_WECHAT, 7_800, SLIP),
    ]
    receipt = receipt_from_sale(stored, store=StoreHeader("REDHOME", code="SH001"), code_secret="s")
    assert [(t.label, t.reference, t.reference_label) for t in receipt.tenders] == [
        ("现金", "", "参考号"),
        ("外部收款：微信", SLIP, "参考号"),
    ]


def test_alipay_on_the_terminal_typed_reference_and_esc_goes_back(
    qtbot: Any, shell: Any, store: Any
) -> None:
    dialog = _cart_and_pay(qtbot, shell, store)
    button = dialog.external_buttons[TenderKind.EXTERNAL_ALIPAY]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # Back (Esc) while the reference is asked for leaves the reference, not the payment.
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.reference_field.isVisible()
    assert dialog.isVisible() and shell.actions.dialog is dialog and dialog.tenders == []
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.reference_field, "2026112522001")
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert dialog.due_fen == 0
    with qtbot.waitSignal(dialog.sale_completed):
        qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)
    stored = _stored_sale(shell, dialog)
    assert [(t.kind, t.reference) for t in stored.tenders] == [
        (TenderKind.EXTERNAL_ALIPAY, "2026112522001")
    ]


def test_card_stores_no_false_reference_and_asks_for_it_when_the_store_requires(
    qtbot: Any, shell: Any, store: Any
) -> None:
    dialog = _cart_and_pay(qtbot, shell, store)
    # Not required: Enter without a reference gives a card tender with none (never "False").
    qtbot.mouseClick(dialog.card_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert [(t.kind, t.reference) for t in dialog.tenders] == [(TenderKind.CARD, "")]
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)

    shell.counter.context.card_reference_required = True
    qtbot.mouseClick(dialog.card_button, Qt.MouseButton.LeftButton)
    assert "type or scan the reference" in dialog.message.text()
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    assert dialog.tenders == [] and "4 to 32 letters or digits" in dialog.message.text()
    qtbot.keyClicks(dialog.reference_field, "123456789012")
    qtbot.keyClick(dialog.reference_field, Qt.Key.Key_Return)
    with qtbot.waitSignal(dialog.sale_completed):
        qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)
    stored = _stored_sale(shell, dialog)
    assert [(t.kind, t.reference) for t in stored.tenders] == [(TenderKind.CARD, "123456789012")]
    receipt = receipt_from_sale(stored, store=StoreHeader("REDHOME", code="SH001"), code_secret="s")
    assert [(t.label, t.reference) for t in receipt.tenders] == [("银行卡", "123456789012")]


def test_the_store_setting_is_kept_by_checkout_too(qtbot: Any, shell: Any, store: Any) -> None:
    """A card tender without its reference is refused by the sale itself when required."""
    from redhome_pos.domain.tender import Tender

    shell.counter.context.card_reference_required = True
    dialog = _cart_and_pay(qtbot, shell, store)
    dialog.tenders.append(Tender(TenderKind.CARD, 12_800))
    dialog.complete()
    qtbot.waitUntil(lambda: "card slip's reference" in dialog.message.text())
    assert dialog.sale is None
