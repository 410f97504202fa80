"""Errors to words a clerk can act on, in the clerk's language."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from redhome_pos.domain.errors import DomainError

log = logging.getLogger(__name__)

CONTEXT = "Errors"


def describe_error(error: object) -> str:
    """A domain error's template is translated, then filled; anything else is a plain fault."""
    if isinstance(error, DomainError):
        template = QCoreApplication.translate(CONTEXT, error.template)
        try:
            return template.format(**error.params)
        except (KeyError, IndexError, ValueError):
            return error.message
    log.error("unexpected error shown to the clerk: %r", error)
    return QCoreApplication.translate(CONTEXT, "Something went wrong: {detail}").format(
        detail=str(error) or type(error).__name__
    )
