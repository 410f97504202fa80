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
