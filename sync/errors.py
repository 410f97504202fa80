"""Errors of talking to an online store, each with a message a person can act on.

Like the domain's errors, the message is an English template with ``{placeholders}`` filled from
``params``, so the UI can translate the template before formatting it.
"""

from __future__ import annotations

from typing import Any

from redhome_pos.domain.errors import DomainError


class SyncError(DomainError):
    """Something went wrong between the store and the online store."""

    template = "The online store could not be reached: {detail}"


class AuthError(SyncError):
    """The online store refused our credentials; the manager must connect the store again."""

    template = "The online store refused the connection ({detail}). Connect the store again."


class HttpError(SyncError):
    """The online store answered with an HTTP error, or did not answer at all."""

    template = "The online store answered HTTP {status} to {method}."

    def __init__(self, template: str | None = None, **params: Any) -> None:
        self.status: int | None = params.get("status")
        super().__init__(template, **params)


class Unreachable(HttpError):
    """No answer: the network is down, the connection was reset, or the call timed out."""

    template = "The online store did not answer {method} ({detail}). Will try again."


class RateLimited(SyncError):
    """The online store asked us to slow down and retrying did not help in time."""

    template = "The online store is limiting requests ({method}). Will try again later."


class ParseError(SyncError):
    """The online store's answer was not what its documentation describes; nothing was applied."""

    template = "The online store sent an answer that cannot be read ({method}): {detail}"


class PlatformError(SyncError):
    """The online store understood the call and refused it, with its own code and message."""

    template = "The online store refused {method}: {error_msg} (code {error_code})"

    def __init__(self, template: str | None = None, **params: Any) -> None:
        self.error_code: int = int(params.get("error_code", 0))
        self.error_msg: str = str(params.get("error_msg", ""))
        super().__init__(template, **params)


class UnknownRefusal(PlatformError):
    """The online store refused with a code its documents do not name: its own words are shown."""

    template = "The platform refused: {error_msg}"


class NotSent(PlatformError):
    """The connector did not send a call the online store's rules would refuse."""

    template = "Not sent to the online store ({method}): {error_msg}"


class DecryptRefused(PlatformError):
    """The online store would not open a sealed receiver field (its quota is used up, or the
    quota service failed): the label prints with the masked values and the manager is told."""

    template = "The online store would not reveal the receiver ({error_msg}, code {error_code})"
