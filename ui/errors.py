"""Errors to words a clerk can act on, in the clerk's language."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen

log = logging.getLogger(__name__)

CONTEXT = "Errors"


def shown_params(params: dict[str, Any]) -> dict[str, Any]:
    """Amounts (``*_fen``) in yuan, as everywhere a person reads money."""
    return {
        key: format_fen(value)
        if key.endswith("_fen") and isinstance(value, int) and not isinstance(value, bool)
        else value
        for key, value in params.items()
    }


def describe_error(error: object) -> str:
    """A domain error's template is translated, then filled; anything else is a plain fault."""
    if isinstance(error, DomainError):
        template = QCoreApplication.translate(CONTEXT, error.template)
        try:
            return template.format(**shown_params(error.params))
        except (KeyError, IndexError, ValueError):
            return error.message
    log.error("unexpected error shown to the clerk: %r", error)
    return QCoreApplication.translate(CONTEXT, "Something went wrong: {detail}").format(
        detail=str(error) or type(error).__name__
    )
