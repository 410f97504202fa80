"""Errors of the domain: each carries a message a person can act on.

The message is English with ``{placeholders}``; ``params`` fills them. The UI translates the
template before formatting, so every error reaches the clerk in the clerk's language.
"""

from __future__ import annotations

from typing import Any


class DomainError(Exception):
    """A rule of the shop was broken; ``str(error)`` is the message in English."""

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


class MoneyError(DomainError, ValueError):
    """An amount typed by a person could not be read as money."""


class BarcodeError(DomainError, ValueError):
    """A barcode is malformed or its check digit is wrong."""


class CatalogError(DomainError):
    """A product, SKU or barcode breaks a catalog rule."""


class StockError(DomainError):
    """A stock movement breaks a ledger rule (for example, stock below zero)."""


class PermissionDenied(DomainError):
    """The person logged in may not do this without approval."""


class TextError(DomainError, ValueError):
    """Text holds a character that must never be stored (NUL or another control character)."""
