"""Errors to words a clerk can act on, in the clerk's language."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTranslator

from redhome_pos.config.errors import ConfigError
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen
from redhome_pos.services.csv_files import CsvRowError
from ui import words
from ui.i18n import TRANSLATIONS_DIR

log = logging.getLogger(__name__)

CONTEXT = "Errors"

# What a message's {what} names, translated before it is filled in (the payment key slots).
WHAT = (
    QT_TRANSLATE_NOOP("Errors", "WeChat Pay merchant private key"),
    QT_TRANSLATE_NOOP("Errors", "WeChat Pay API client key"),
    QT_TRANSLATE_NOOP("Errors", "WeChat Pay API v3 key"),
    QT_TRANSLATE_NOOP("Errors", "WeChat Pay API v2 key"),
    QT_TRANSLATE_NOOP("Errors", "Alipay app private key"),
)


def shown_params(params: dict[str, Any]) -> dict[str, Any]:
    """Amounts (``*_fen``) in yuan, as everywhere a person reads money; roles, actions and
    reasons (stored as codes) in the person's words."""
    shown = {}
    for key, value in params.items():
        if key.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool):
            value = format_fen(value)
        elif key == "role" and isinstance(value, str):
            value = words.role(value)
        elif key == "action" and isinstance(value, str):
            value = words.permission(value.replace(" ", "_"))
        elif key == "reason" and isinstance(value, str):
            value = words.reason(value)
        elif key == "what" and isinstance(value, str):
            value = QCoreApplication.translate(CONTEXT, value)
        elif isinstance(value, CsvRowError):
            value = describe_row(value)
        shown[key] = value
    return shown


def describe_setting(error: ConfigError) -> str:
    """A setting the configuration cannot take, in the person's language (the setting keeps its
    name: it is how the configuration file spells it)."""
    template = QCoreApplication.translate(CONTEXT, error.template)
    try:
        problem = template.format(**error.params)
    except (KeyError, IndexError, ValueError):
        problem = error.problem
    if not error.key:
        return problem
    shown = QCoreApplication.translate(
        CONTEXT, str(QT_TRANSLATE_NOOP("Errors", "Setting {key}: {problem}"))
    )
    return shown.format(key=error.key, problem=problem)


def describe_row(error: CsvRowError) -> str:
    """What is wrong in a row of an imported file, in the person's language (the column keeps
    its name: it is the file's header)."""
    template = QCoreApplication.translate(CONTEXT, error.template)
    try:
        problem = template.format(**shown_params(dict(error.params)))
    except (KeyError, IndexError, ValueError):
        problem = error.message
    if error.column:
        where = QT_TRANSLATE_NOOP("Errors", "line {line}, column {column}: {problem}")
    else:
        where = QT_TRANSLATE_NOOP("Errors", "line {line}: {problem}")
    shown = QCoreApplication.translate(CONTEXT, str(where))
    return shown.format(line=error.line, column=error.column, problem=problem)


def describe_error(error: object) -> str:
    """A domain error's template is translated, then filled; anything else is a plain fault."""
    if isinstance(error, DomainError):
        template = QCoreApplication.translate(CONTEXT, error.template)
        try:
            return template.format(**shown_params(error.params))
        except (KeyError, IndexError, ValueError):
            return error.message
    if isinstance(error, ConfigError):
        return describe_setting(error)
    log.error("unexpected error shown to the clerk: %r", error)
    return QCoreApplication.translate(CONTEXT, "Something went wrong: {detail}").format(
        detail=str(error) or type(error).__name__
    )


def in_language(error: DomainError, language: str) -> str:
    """A domain error in ``language`` where no screen is running (the command line tells a
    problem that stops the counter from opening in Chinese as well as English)."""
    translator = QTranslator()
    if not translator.load(str(TRANSLATIONS_DIR / f"redhome_{language}.qm")):
        return error.message
    template = translator.translate(CONTEXT, error.template) or error.template
    params = {
        key: (translator.translate(CONTEXT, value) or value)
        if key == "what" and isinstance(value, str)
        else value
        for key, value in error.params.items()
    }
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return error.message
