"""Errors of printing, each with a message a clerk can act on.

Like the domain's errors, the message is an English template with ``{placeholders}`` filled
from ``params``, so the UI can translate the template before formatting it.
"""

from __future__ import annotations

from typing import Any


class PrintError(Exception):
    """Something kept a document from reaching paper; ``str(error)`` is the English message."""

    template: str = "{detail}"

    def __init__(self, template: str | None = None, **params: Any) -> None:
        if template is not None:
            self.template = template
        self.params = params
        super().__init__(self.message)

    @property
    def message(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError):
            return self.template


class UnprintableCharacter(PrintError):
    """The printer's encoding has no code for a character of the document."""

    template = (
        "The printer cannot print the character {character!r} (U+{codepoint:04X}) in"
        " {encoding}; change the text or the printer encoding"
    )


class PrinterSetupError(PrintError):
    """A printer setting is missing or wrong (profile, transport, font)."""


class PrinterUnreachable(PrintError):
    """The printer could not be reached or stopped answering."""

    template = "Printer {printer} cannot be reached: {detail}"


class PrinterNotReady(PrintError):
    """The printer answered that it cannot print now (paper out, cover open, offline)."""

    template = "Printer {printer} is not ready: {state}"
