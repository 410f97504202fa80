"""Layout and colour as a clerk meets them: at 1920×1080 the cart and the tender dialog use the
space; the brand red marks the one primary action of a screen and never an error."""

from __future__ import annotations

import itertools
from io import BytesIO
from typing import Any

from PIL import Image, ImageChops
from PySide6.QtCore import QBuffer, QIODevice, QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from ui_helpers import log_in, scan

from redhome_pos.domain.tender import TenderKind
from ui.app import install_language
from ui.backoffice.screens import show_manager_tab
from ui.dialogs.tender import TenderDialog

PRIMARY = ("pay", "complete")  # object names of a screen's primary action (ui/theme.py)
NOT_A_PRODUCT = "6900000000000"


def _large(qtbot: Any, shell: Any) -> None:
    shell.window.resize(1920, 1080)
    qtbot.waitUntil(lambda: QApplication.instance().font().pixelSize() == 20)


def test_the_cart_grows_on_a_large_screen(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    sale = shell.sale
    with qtbot.waitSignal(sale.line_added):
        scan(qtbot, shell, store.barcodes["MASK-10"])  # one line of text: the row's least height
    table = sale.table
    small_font, small_row = table.font().pixelSize(), table.rowHeight(0)
    _large(qtbot, shell)
    qtbot.waitUntil(lambda: table.font().pixelSize() > 20)
    qtbot.waitUntil(lambda: table.rowHeight(0) >= 60 and table.rowHeight(0) > small_row)
    # Larger than the rest of the screen's text, which grew by a quarter.
    assert table.font().pixelSize() >= small_font * 1.35
    assert table.columnWidth(table.model().AMOUNT) > 0


def _open_tender(qtbot: Any, shell: Any, store: Any) -> TenderDialog:
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    dialog = shell.actions.dialog
    assert isinstance(dialog, TenderDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_the_tender_dialog_is_sized_to_the_screen(qtbot: Any, shell: Any, store: Any) -> None:
    log_in(qtbot, shell)
    _large(qtbot, shell)
    dialog = _open_tender(qtbot, shell, store)
    window = shell.window.size()
    assert dialog.width() >= window.width() * 0.5 - 1
    assert dialog.height() >= window.height() * 0.75
    assert dialog.height() <= window.height() and dialog.width() <= window.width()
    dialog.activateWindow()  # offscreen, a new dialog is not always the active window
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: shell.actions.dialog is None)

    shell.window.resize(1024, 768)
    qtbot.waitUntil(lambda: QApplication.instance().font().pixelSize() == 16)
    dialog = _open_tender(qtbot, shell, store)
    assert dialog.width() <= 1024 and dialog.height() <= 768
    assert dialog.width() >= 720


def test_a_wrapped_message_in_the_tender_squeezes_no_row(
    qtbot: Any, shell: Any, store: Any
) -> None:
    """In Chinese at 1024×768, ￥100 in cash and the rest on the terminal by WeChat: the
    two-line instruction and the reference field appear, and every row keeps its full height."""
    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    shell.window.setFixedSize(1024, 768)
    log_in(qtbot, shell)
    for code in ("LIP-520", "CLN-120"):
        with qtbot.waitSignal(shell.sale.line_added):
            scan(qtbot, shell, store.barcodes[code])
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    dialog = shell.actions.dialog
    assert isinstance(dialog, TenderDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.mouseClick(dialog.quick["10000"], Qt.MouseButton.LeftButton)
    wechat = dialog.external_buttons[TenderKind.EXTERNAL_WECHAT]
    qtbot.mouseClick(wechat, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.reference_field.isVisible() and dialog.message.isVisible())
    qtbot.wait(50)
    rows = [dialog.message, dialog.reference_field, dialog.undo_button, wechat]
    rows.append(dialog.cancel_button)
    # A widget's least height: its own minimum if set, else its minimum size hint (as Qt).
    squeezed = [
        (type(w).__name__, w.height())
        for w in [*rows[1:], dialog.inputs]  # inputs: the box of the payment rows
        if w.height() < (w.minimumHeight() or w.minimumSizeHint().height())
    ]
    assert squeezed == []
    edges = [(w.mapTo(dialog, QPoint(0, 0)).y(), w.height()) for w in rows]
    for (top, height), (next_top, _) in itertools.pairwise(edges):
        assert top + height <= next_top
    assert dialog.height() <= 768
    dialog.reject()  # Esc leaves the reference first, then the payment
    dialog.reject()
    qtbot.waitUntil(lambda: shell.actions.dialog is None)


# -- the brand red ----------------------------------------------------------------------------
def _image(widget: QWidget) -> Image.Image:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    return Image.open(BytesIO(bytes(buffer.data()))).convert("RGB")


def _brand_red_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """Where the brand red (#FF2442, pressed #D91A35) is painted; error reds (#9E0F24,
    #B3261E) and the disabled pay button's pink are not it."""
    r, g, b = image.split()
    mask = ImageChops.multiply(
        ImageChops.multiply(
            r.point(lambda v: 255 if v >= 200 else 0), g.point(lambda v: 255 if v <= 60 else 0)
        ),
        b.point(lambda v: 255 if 40 <= v <= 90 else 0),
    )
    return mask.getbbox()


def _primary_rects(root: QWidget) -> list[QRect]:
    found = []
    for button in root.findChildren(QPushButton):
        if button.objectName() in PRIMARY and button.isVisibleTo(root) and button.isEnabled():
            top_left = button.mapTo(root, QPoint(0, 0))
            found.append(QRect(top_left, button.size()))
    return found


def _check_red(root: QWidget, state: str, problems: list[str]) -> None:
    box = _brand_red_box(_image(root))
    primaries = _primary_rects(root)
    if len(primaries) > 1:
        problems.append(f"{state}: {len(primaries)} primary actions")
    if box is None:
        return
    left, top, right, bottom = box
    inside = any(
        r.left() <= left and r.top() <= top and right <= r.right() + 1 and bottom <= r.bottom() + 1
        for r in primaries
    )
    if not inside:
        problems.append(f"{state}: brand red at {box} outside the primary action {primaries}")


def _errors_shown(root: QWidget) -> list[str]:
    return [
        w.text()
        for w in root.findChildren(QWidget)
        if w.objectName() == "banner" and w.isVisibleTo(root) and hasattr(w, "text")
    ]


def test_the_brand_red_marks_one_primary_action_and_never_an_error(
    qtbot: Any, shell: Any, store: Any
) -> None:
    problems: list[str] = []
    # A wrong PIN: an error on the login screen, which has no red action.
    login = shell.login
    qtbot.keyClicks(login.staff_code, "1001")
    qtbot.keyClick(login.staff_code, Qt.Key.Key_Return)
    qtbot.keyClicks(login.pin, "9999")
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(_errors_shown(shell.window)))
    _check_red(shell.window, "login error", problems)

    log_in(qtbot, shell, "3001", "3333")  # a manager sees every screen
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    scan(qtbot, shell, NOT_A_PRODUCT)
    qtbot.waitUntil(lambda: shell.sale.banner.is_error)
    _check_red(shell.window, "sale with a scan error", problems)

    # Every screen and manager tab, with what a stray scan there says.
    keys = [k for k in shell.window.entries if k != "manager"]
    for key in keys:
        shell.window.show_screen(key)
        shell.route_scan(NOT_A_PRODUCT)
        qtbot.wait(150)
        _check_red(shell.window, key, problems)
    for key in shell.manager.entries:
        if shell.manager.allowed(key):
            show_manager_tab(shell, key)
            shell.route_scan(NOT_A_PRODUCT)
            qtbot.wait(150)
            _check_red(shell.window, f"manager/{key}", problems)

    # The tender dialog refusing to complete with nothing paid.
    shell.window.show_screen("sale")
    qtbot.keyClick(shell.sale.table, Qt.Key.Key_F12)
    dialog = shell.actions.dialog
    assert isinstance(dialog, TenderDialog)
    qtbot.keyClicks(dialog.cash_field, "abc")
    qtbot.keyClick(dialog.cash_field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.message.isVisible())
    assert dialog.message.objectName() == "banner"
    _check_red(dialog, "tender with an error", problems)
    assert problems == []
