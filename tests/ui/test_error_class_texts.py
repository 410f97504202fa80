"""Every error class's own message (its ``template``, shown when it is raised without one), every
message of a bad row in an imported CSV file and every configuration message is in the
translation files with Chinese, so no such error reaches a Chinese screen in English."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from redhome_pos.config import load_config
from redhome_pos.config.errors import ConfigError
from redhome_pos.domain.errors import DomainError
from redhome_pos.services.csv_files import CsvImportError, read_rows
from sync.errors import HttpError, PlatformError
from ui.errors import describe_error
from ui.translations import collect_errors

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "ui" / "translations" / "redhome_zh_CN.ts"
PACKAGES = ("redhome_pos", "sync", "payments", "printers", "ui")
FIELD = re.compile(r"\{[^{}]*\}")
ROW_CALLS = ("CsvRowError", "BadCell", "EntryProblem")


def _import_everything() -> None:
    for name in PACKAGES:
        package = importlib.import_module(name)
        for info in pkgutil.walk_packages(package.__path__, f"{name}."):
            if "sandbox" in info.name or ".migrations" in info.name:
                continue
            importlib.import_module(info.name)


def _subclasses(cls: type) -> list[type]:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _class_templates() -> dict[str, str]:
    """Each error class's own template -> the class that defines it."""
    _import_everything()
    found = {}
    for cls in _subclasses(DomainError):
        template = cls.__dict__.get("template")
        if isinstance(template, str) and any(c.isalpha() for c in template):
            found[template] = f"{cls.__module__}.{cls.__qualname__}"
    return found


def _chinese_errors() -> dict[str, str]:
    found = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") != "Errors":
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                continue
            found[message.findtext("source", "")] = translation.text or ""
    return found


def test_every_error_class_template_has_chinese() -> None:
    templates = _class_templates()
    assert "The online store answered HTTP {status} to {method}." in templates  # HttpError's
    assert len(templates) >= 15
    _assert_chinese(templates)


def test_an_error_raised_with_its_class_template_shows_in_chinese(qapp: Any) -> None:
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        shown = describe_error(HttpError(status=502, method="order.list"))
        assert shown == "线上店铺对 order.list 应答 HTTP 502。"
        refused = PlatformError(method="order.list", error_msg="签名错误", error_code=7)
        shown = describe_error(refused)
        assert "online store" not in shown and "签名错误" in shown
    finally:
        QCoreApplication.removeTranslator(translator)


def _assert_chinese(templates: dict[str, str]) -> None:
    chinese = _chinese_errors()
    missing = sorted(f"{where}: {t!r}" for t, where in templates.items() if not chinese.get(t))
    assert missing == [], "no Chinese (ui/translations/zh/, then build.py):\n" + "\n".join(missing)
    for template in templates:
        assert sorted(FIELD.findall(chinese[template])) == sorted(FIELD.findall(template)), template
        assert re.search(r"[\u4e00-\u9fff]", chinese[template]), template


def _computed_templates(calls: tuple[str, ...]) -> list[str]:
    """Where a call of ``calls`` is given its message as an f-string or a sum: such a message
    is English only (only a template with ``{fields}`` is translated)."""
    found = []
    for folder in collect_errors.SOURCES:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Call) and collect_errors._called(node) in calls:
                    for value in collect_errors._message_values(node):
                        if isinstance(value, ast.JoinedStr | ast.BinOp):
                            found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_csv_row_message_has_chinese() -> None:
    templates = {t: "a CSV row" for t in collect_errors.templates(ROW_CALLS)}
    assert "a SKU code is required" in templates
    assert "SKU code {code} is already on line {line}" in templates
    assert len(templates) >= 30
    assert _computed_templates(ROW_CALLS) == []
    _assert_chinese(templates)


def test_a_bad_header_shows_its_row_message_in_chinese(qapp: Any, tmp_path: Path) -> None:
    source = tmp_path / "stock.csv"
    source.write_text("sku_code,on_hand,colour\nLIP-520,3,red\n", encoding="utf-8")
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        with pytest.raises(CsvImportError) as refused:
            read_rows(source, ("sku_code", "on_hand"), ("sku_code",))
        assert str(refused.value.params["first"]) == "line 1, column colour: unknown column"
        shown = describe_error(refused.value)
        assert shown == f"{source} 的表头不对：第 1 行，colour 列：未知的列"
    finally:
        QCoreApplication.removeTranslator(translator)


def test_every_configuration_message_has_chinese() -> None:
    calls = ("ConfigError", "bad_setting")
    templates = {t: "the configuration" for t in collect_errors.templates(calls)}
    assert "must not be empty" in templates
    assert "must be from {low} to {high}, not {value}" in templates
    assert len(templates) >= 35
    assert _computed_templates(calls) == []
    _assert_chinese(templates)


def test_a_setting_the_configuration_cannot_take_shows_in_chinese(
    qapp: Any, tmp_path: Path
) -> None:
    source = tmp_path / "config.toml"
    source.write_text('terminal_id = "T1"\n[store]\nexpiry_warning_days = 9000\n', encoding="utf-8")
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    QCoreApplication.installTranslator(translator)
    try:
        with pytest.raises(ConfigError) as refused:
            load_config(source, env={})
        assert refused.value.problem == "must be from 0 to 3650, not 9000"
        shown = describe_error(refused.value)
        assert shown == "设置 store.expiry_warning_days：须为 0 到 3650，不能是 9000"
    finally:
        QCoreApplication.removeTranslator(translator)
