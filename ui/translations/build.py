"""Builds the translation files from the sources and the Chinese in ``ui/translations/zh/``.

From the repository root:  .venv/bin/python ui/translations/build.py

1. lists the core's error messages in ``ui/error_texts.py`` (collect_errors.py), formatted;
2. runs pyside6-lupdate: ``redhome_*.ts`` from every module under ``ui/`` but the back office,
   ``backoffice_*.ts`` from ``ui/backoffice/``;
3. fills the Chinese from the ``ZH`` dicts of the modules in ``zh/`` (English source → Chinese).
   A catalog's own module (``counter`` for redhome, ``backoffice`` for the back office) wins
   where it says something else; two other modules disagreeing on a string is an error. A
   string that counts (``tr(text, "", n)`` with ``%n``) gets its English plural forms from
   ``en.py``; the English catalog holds those only;
4. runs pyside6-lrelease.

The ``.ts`` and ``.qm`` files are outputs: never edit them by hand; after a merge, run this
again. It exits 1 and lists what has no Chinese yet (tests/ui/test_ui_translations.py fails too).
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from ui.translations import collect_errors  # noqa: E402
from ui.translations.en import PLURALS  # noqa: E402

CATALOGS: dict[str, tuple[str, Callable[[], list[str]]]] = {
    # catalog name: (its own zh module, the source files)
    "redhome": (
        "counter",
        lambda: sorted(
            str(p)
            for p in (ROOT / "ui").rglob("*.py")
            if "translations" not in p.parts and "backoffice" not in p.parts
        ),
    ),
    "backoffice": (
        "backoffice",
        lambda: sorted(str(p) for p in (ROOT / "ui" / "backoffice").rglob("*.py")),
    ),
}


def chinese_by_module() -> dict[str, dict[str, str]]:
    """Every ``zh/`` module's ``ZH`` dict, by module name."""
    package = importlib.import_module("ui.translations.zh")
    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"ui.translations.zh.{info.name}")
        found[info.name] = dict(module.ZH)
    return found


def shared_chinese(modules: dict[str, dict[str, str]], own: str) -> dict[str, str]:
    """The strings of every module but ``own``; a disagreement between two of them is an error."""
    merged: dict[str, str] = {}
    origin: dict[str, str] = {}
    clashes = []
    for name, entries in sorted(modules.items()):
        if name == own:
            continue
        for source, chinese in entries.items():
            if source in merged and merged[source] != chinese:
                clashes.append(
                    f"{source!r}: {origin[source]}={merged[source]!r}, {name}={chinese!r}"
                )
                continue
            merged.setdefault(source, chinese)
            origin.setdefault(source, name)
    if clashes:
        raise SystemExit("zh modules disagree:\n  " + "\n  ".join(clashes))
    return merged


def _set(message: ET.Element, forms: list[str] | None) -> None:
    """The message's translation: ``forms`` (one text; a counting message, one per plural
    form), or unfinished."""
    translation = message.find("translation")
    assert translation is not None
    for old in list(translation):
        translation.remove(old)
    translation.text = None
    if not forms:
        translation.set("type", "unfinished")
        return
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for form in forms:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = forms[0]


def fill(ts: Path, chinese: dict[str, str]) -> list[str]:
    """The Chinese of every message (a counting one has one form: Chinese has no plural)."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        text = chinese.get(source)
        _set(message, [text] if text else None)
        if not text:
            missing.append(source)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def fill_english(ts: Path) -> list[str]:
    """The English catalog holds the plural forms of the counting messages (``PLURALS``) and
    nothing else: the sources are English."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source", "")
        counting = message.get("numerus") == "yes"
        _set(message, list(PLURALS[source]) if counting and source in PLURALS else None)
        if counting and source not in PLURALS:
            missing.append(f"{source} (English plural forms, ui/translations/en.py)")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main() -> int:
    collect_errors.main()
    bin_dir = Path(sys.executable).parent
    subprocess.run(  # the generated list is kept in the project's format (ruff format --check)
        [str(bin_dir / "ruff"), "format", "-q", str(collect_errors.OUT)], check=False
    )
    modules = chinese_by_module()
    missing: list[str] = []
    for catalog, (own, sources) in CATALOGS.items():
        chinese = shared_chinese(modules, own) | modules.get(own, {})
        targets = [HERE / f"{catalog}_zh_CN.ts", HERE / f"{catalog}_en.ts"]
        for ts in targets:
            subprocess.run(
                [str(bin_dir / "pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete"],
                check=True,
                capture_output=True,
            )
        missing += fill(targets[0], chinese)
        missing += fill_english(targets[1])
        subprocess.run(
            [str(bin_dir / "pyside6-lrelease"), *map(str, targets)],
            check=True,
            capture_output=True,
        )
    for source in sorted(set(missing)):
        print("untranslated:", source)
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
