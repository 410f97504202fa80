"""Errors of printing, each with a message a clerk can act on.

Like the domain's errors, the message is an English template with ``{placeholders}`` filled
from ``params``, so the UI can translate the template before formatting it.
"""

from __future__ import annotations

from redhome_pos.domain.errors import DomainError


class PrintError(DomainError):
    """Something kept a document from reaching paper; ``str(error)`` is the English message.

    A domain error, so the screens translate it and the commands report it like any other.
    """


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
