"""Every visible string is translated: the .ts holds all tr() strings with a Chinese
translation, and no English is left on the Chinese screens."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTableView, QWidget
from ui_helpers import log_in

from ui.app import install_language

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "translations" / "redhome_zh_CN.ts"
BACKOFFICE_TS = ROOT / "ui" / "translations" / "backoffice_zh_CN.ts"  # the back office's own
# What may stay in Latin letters on a Chinese screen: keys, the brand, codes and units.
ALLOWED = re.compile(
    r"REDHOME|English|Asia/Shanghai|Ctrl\+[\dM]|F\d{1,2}|Esc|Enter|Del|SH001|T1|ml|LIP|CLN|MASK|SKU|RED|X|Z|#\d+"
)


def _messages(path: Path) -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            unfinished = translation is not None and translation.get("type") == "unfinished"
            text = "" if translation is None or unfinished else (translation.text or "")
            if translation is not None and not unfinished and message.get("numerus") == "yes":
                text = "|".join(form.text or "" for form in translation.iter("numerusform"))
            found[(name, message.findtext("source", ""))] = text
    return found


def test_every_tr_string_has_a_chinese_translation(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py") if "translations" not in p.parts)
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = _messages(TS) | {k: v for k, v in _messages(BACKOFFICE_TS).items() if v}
    missing = [key for key in _messages(fresh) if not committed.get(key)]
    assert missing == [], f"untranslated (run the steps in ui/translations/README.md): {missing}"
    qm = TS.with_suffix(".qm")
    assert qm.stat().st_mtime >= TS.stat().st_mtime - 1, "redhome_zh_CN.qm is older than the .ts"
    back_office_qm = BACKOFFICE_TS.with_suffix(".qm")
    assert back_office_qm.stat().st_mtime >= BACKOFFICE_TS.stat().st_mtime - 1


def test_every_string_that_counts_has_its_english_plural_forms(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py") if "translations" not in p.parts)
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    counting = [
        message.findtext("source", "")
        for message in ET.parse(fresh).getroot().iter("message")
        if message.get("numerus") == "yes"
    ]
    assert "%n item(s)" in counting
    english = {}
    for name in ("redhome_en.ts", "backoffice_en.ts"):
        for message in ET.parse(ROOT / "ui" / "translations" / name).getroot().iter("message"):
            forms = [f.text or "" for f in message.iter("numerusform")]
            if forms:
                english[message.findtext("source", "")] = forms
    for source in counting:
        one, other = english.get(source, ["", ""])
        assert one and other and one != other and "%n" in one and "%n" in other, source
        assert "(s)" not in one + other, source


def test_english_counts_read_as_english() -> None:
    from PySide6.QtCore import QCoreApplication

    from ui.app import application

    qapp = application()
    install_language(qapp, "en")
    said = [QCoreApplication.translate("CustomerDisplay", "%n item(s)", "", n) for n in (1, 3)]
    assert said == ["1 item", "3 items"]
    install_language(qapp, "zh_CN")
    try:
        said = QCoreApplication.translate("CustomerDisplay", "%n item(s)", "", 3)
        assert said == "共 3 件"
    finally:
        install_language(qapp, "en")


def _visible_texts(root: QWidget) -> list[str]:
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QTableView):
            model = widget.model()
            texts.extend(
                str(model.headerData(c, widget.horizontalHeader().orientation()))
                for c in range(model.columnCount())
            )
    return texts


def test_no_english_left_on_the_chinese_screens(qtbot: Any, shell: Any) -> None:
    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    log_in(qtbot, shell)
    leftovers = []
    for key in shell.window.entries:
        shell.window.show_screen(key)
        for text in _visible_texts(shell.window):
            rest = ALLOWED.sub("", text)
            if re.search(r"[A-Za-z]{2,}", rest):
                leftovers.append((key, text))
    assert leftovers == []


def _english(texts: list[str]) -> list[str]:
    return [text for text in texts if re.search(r"[A-Za-z]{2,}", ALLOWED.sub("", text))]


def test_stored_codes_are_shown_in_chinese(qtbot: Any, shell: Any) -> None:
    """Tender kinds, roles, permissions and reasons are stored as codes and translated on
    display, also inside the core's messages (a refusal names a role and an action)."""
    from redhome_pos.domain.errors import DomainError
    from redhome_pos.domain.staff import Permission, Role
    from redhome_pos.domain.tender import TenderKind
    from ui import words
    from ui.errors import describe_error

    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shown = [words.tender_kind(kind.value) for kind in TenderKind]
    shown += [words.role(role.value) for role in Role]
    shown += [words.permission(permission.value) for permission in Permission]
    for table in (words.VOID_REASONS, words.CASH_IN_REASONS, words.CASH_OUT_REASONS):
        shown += [words.reason(code) for code in table]
    shown.append(
        describe_error(
            DomainError(
                "{name} ({role}) cannot approve {action}",
                name="王小红",
                role="clerk",
                action="discount above limit",
            )
        )
    )
    assert _english(shown) == []
    assert words.role("manager") == "店长"


def test_no_english_in_the_chinese_counter_dialogs(qtbot: Any, shell: Any, store: Any) -> None:
    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    log_in(qtbot, shell)
    more = shell.counter_actions
    leftovers = []
    for name, open_dialog in (
        ("more", more.show_more),
        ("journal", more.show_journal),
        ("price check", more.check_price),
        ("cash in", lambda: more.move_cash("cash_in")),
        ("cash out", lambda: more.move_cash("cash_out")),
        ("discount", shell.actions.ask_discount),
    ):
        open_dialog()
        dialog = shell.actions.dialog
        assert dialog is not None, name
        leftovers += [(name, text) for text in _english(_visible_texts(dialog))]
        dialog.reject()
        qtbot.waitUntil(lambda: shell.actions.dialog is None)
    display = shell.customer_display
    for page in range(display.pages.count()):
        display.pages.setCurrentIndex(page)
        leftovers += [("customer display", text) for text in _english(_visible_texts(display))]
    assert leftovers == []


def _half_width_label_colons(text: str) -> bool:
    """A ':' used as a label's colon in Chinese (after a Chinese word, or before a space or
    the end): Chinese takes '：'. Times (14:30), HH:MM and a quoted ':' are not labels."""
    bare = re.sub(r"\{[^{}]*\}", "{}", text)
    return bool(re.search(r"[\u3000-\u9fff\uff00-\uffef]:|:(\s|$)", bare))


def test_chinese_labels_take_the_full_width_colon() -> None:
    import importlib
    import pkgutil

    import ui.translations.zh as zh

    assert _half_width_label_colons("金额: {amount}") and _half_width_label_colons("{a}: {b}")
    assert not _half_width_label_colons("按时间（14:30）查找") and not _half_width_label_colons(
        "此处应为 ':'"
    )
    found = []
    for info in pkgutil.iter_modules(zh.__path__):
        module = importlib.import_module(f"ui.translations.zh.{info.name}")
        found += [(info.name, s, c) for s, c in module.ZH.items() if _half_width_label_colons(c)]
    for path in (TS, BACKOFFICE_TS):
        found += [
            (path.name, s, c) for s, c in _messages(path).items() if _half_width_label_colons(c)
        ]
    assert found == []


def test_no_half_width_label_colon_on_the_chinese_screens(
    qtbot: Any, shell: Any, store: Any
) -> None:
    """What the screens show in Chinese, data included (a scanned lipstick's 色号)."""
    from ui_helpers import scan

    install_language(QApplication.instance(), "zh_CN")  # type: ignore[arg-type]
    shell.switch_language("zh_CN")
    log_in(qtbot, shell)
    with qtbot.waitSignal(shell.sale.line_added):
        scan(qtbot, shell, store.barcodes["LIP-520"])
    from ui.cart_table import VARIANT_ROLE

    model = shell.sale.table.model()
    variant = str(model.index(0, 1).data(VARIANT_ROLE))
    assert variant == "色号：#520 烂番茄"
    found = [variant] if _half_width_label_colons(variant) else []
    for key in shell.window.entries:
        shell.window.show_screen(key)
        found += [t for t in _visible_texts(shell.window) if _half_width_label_colons(t)]
    found += [t for t in _visible_texts(shell.window.statusBar()) if _half_width_label_colons(t)]
    assert found == []
