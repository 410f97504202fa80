"""Staff sessions: the acting person, proven by having logged in, checked by every service.

A service that changes money, stock, staff, settings or the online-store link is given a
``StaffSession``, never a bare ``Staff``. Only ``issue`` makes one (the login services call
it): its seal is a MAC made with a key drawn when the program starts, so a session built by
hand, or a copy with its role changed, does not pass. Every check then reads the person's role
and state from the database, so a deactivated or demoted account stops at once, on every
terminal, whatever session it still holds.

``acting(permission)`` puts the check in front of a service function: it finds the actor (the
``staff`` or ``actor`` parameter), refuses a forged or stale one, refuses one whose role lacks
the permission (unless the action takes an approval and one is given: the service then consumes
it in its own transaction), and hands the function a session carrying the current role.

While a guarded function runs, the session it was handed counts as read: a guarded call it makes
in turn checks the permission against that role without reading the person again. The read is
per service call, not cached across calls, so a deactivation still stops the very next action.

A service whose whole work is one guarded step in its own transaction names that step:
``acting(Permission.SELL, read_by=complete_sale_in)`` on ``checkout``. It refuses a forged
session, or a role sealed in it that lacks the permission, before anything else, and leaves the
reading of the person to the step, inside the transaction that writes: no separate read
transaction for every sale, and a deactivation committed before the sale's write lock was
taken is seen by it. The seal is worked out once per call: the step is handed the very
session just checked.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import inspect
import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

from sqlalchemy.orm import Session

from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.staff import PERMISSIONS, Permission, Staff, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.staff import StaffRepository

_SEAL_KEY = secrets.token_bytes(32)

P = ParamSpec("P")
R = TypeVar("R")

# Every service function guarded by ``acting``, by qualified name (the layer test walks it).
GUARDED: dict[str, tuple[Permission, bool]] = {}

# Sessions read from the database by a service call still running in this thread or task.
_READ: ContextVar[tuple[StaffSession, ...]] = ContextVar("staff_sessions_read", default=())
# The session whose seal a running ``read_by`` service has just checked: its guarded step is
# handed that very (frozen) object, and need not work the seal out again.
_PROVEN: ContextVar[StaffSession | None] = ContextVar("staff_session_proven", default=None)


def _seal(staff: Staff, method: str, started_at: datetime) -> bytes:
    body = "\x1f".join(
        (
            str(staff.id),
            staff.code,
            staff.role.value,
            str(staff.active),
            method,
            started_at.isoformat(),
        )
    )
    return hmac.new(_SEAL_KEY, body.encode(), hashlib.sha256).digest()


def issue(staff: Staff, *, method: str, at: datetime) -> StaffSession:
    """A session for ``staff``, who has just proven who they are (PIN, badge)."""
    return StaffSession(
        id=staff.id,
        code=staff.code,
        name=staff.name,
        role=staff.role,
        active=staff.active,
        badge_code=staff.badge_code,
        method=method,
        started_at=at,
        seal=_seal(staff, method, at),
    )


def genuine(actor: object) -> bool:
    """True when ``actor`` is a session issued by this program and not altered since."""
    return isinstance(actor, StaffSession) and hmac.compare_digest(
        actor.seal, _seal(actor, actor.method, actor.started_at)
    )


def not_logged_in() -> PermissionDenied:
    """The refusal of a change asked for while nobody is logged in."""
    return PermissionDenied("Only a staff member who has logged in may do this")


def current(target: Database | Session, actor: object) -> StaffSession:
    """``actor`` checked (genuine, still active) and carrying the role the database holds now."""
    proven = actor is not None and actor is _PROVEN.get()
    if not proven and not genuine(actor):
        raise not_logged_in()
    assert isinstance(actor, StaffSession)
    if any(actor is read for read in _READ.get()):
        return actor
    if isinstance(target, Session):
        standing = StaffRepository(target).standing(actor.id)
    else:
        with target.reading() as session:
            standing = StaffRepository(session).standing(actor.id)
    if standing is None or not standing[1]:
        raise PermissionDenied("{name}'s account is not active", name=actor.name)
    role = standing[0]
    if role is actor.role:
        return actor
    return issue(replace(actor, role=role), method=actor.method, at=actor.started_at)


def refusal(staff: Staff, permission: Permission) -> PermissionDenied:
    return PermissionDenied(
        "{name} ({role}) may not {action} without approval",
        name=staff.name,
        role=staff.role.value,
        action=permission.value.replace("_", " "),
    )


def sealed(actor: object, permission: Permission) -> StaffSession:
    """``actor`` when it is genuine and the role sealed in it has ``permission`` (the role the
    database holds now is read later, by the guarded step that writes)."""
    if not genuine(actor):
        raise not_logged_in()
    assert isinstance(actor, StaffSession)
    if permission not in PERMISSIONS[actor.role]:
        raise refusal(actor, permission)
    return actor


def authorize(
    target: Database | Session,
    actor: object,
    permission: Permission,
    *,
    approval_given: bool = False,
) -> StaffSession:
    """The actor's current session when they may do ``permission`` (or, ``approval_given``,
    may ask for it); ``PermissionDenied`` otherwise."""
    session = current(target, actor)
    if permission in PERMISSIONS[session.role] or approval_given:
        return session
    raise refusal(session, permission)


@contextmanager
def acting_as(
    target: Database | Session,
    actor: object,
    permission: Permission,
    *,
    approval_given: bool = False,
) -> Iterator[StaffSession]:
    """``authorize`` for a block of work: the session it yields counts as read until the block
    ends, so the guarded services the block calls with it do not read the person again."""
    session = authorize(target, actor, permission, approval_given=approval_given)
    token = _READ.set((*_READ.get(), session))
    try:
        yield session
    finally:
        _READ.reset(token)


def acting(
    permission: Permission,
    *,
    approvable: bool = False,
    read_by: Callable[..., Any] | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Guard a service function: its ``staff`` (or ``actor``) must be a genuine session whose
    current role has ``permission``; with ``approvable``, an ``approval_id`` stands in for it
    (the function consumes the approval). With ``read_by``, the guarded step (taking a
    ``session``, guarded for the same permission) the function does its work through: the
    person's current standing is read by that step, inside the function's transaction."""

    def guard(function: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(function)
        actor_name = "staff" if "staff" in signature.parameters else "actor"
        target_name = "database" if "database" in signature.parameters else "session"
        if actor_name not in signature.parameters or target_name not in signature.parameters:
            raise TypeError(f"{function.__qualname__} has no actor or database to check")
        if read_by is not None and (
            guarded(read_by) is not permission
            or "session" not in inspect.signature(read_by).parameters
            or approvable
        ):
            raise TypeError(f"{function.__qualname__}: {read_by} cannot read the actor for it")

        # Where each argument the check needs is given (a position, or by name only): reading
        # them directly costs a fraction of binding the whole signature on every call.
        actor_at = _position(signature, actor_name)
        target_at = _position(signature, target_name)
        approval_at = _position(signature, "approval_id")

        @functools.wraps(function)
        def checked(*args: P.args, **kwargs: P.kwargs) -> R:
            actor = _argument(args, kwargs, actor_name, actor_at)
            if read_by is not None:
                proven = _PROVEN.set(sealed(actor, permission))
                try:
                    return function(*args, **kwargs)
                finally:
                    _PROVEN.reset(proven)
            given = approvable and _argument(args, kwargs, "approval_id", approval_at) is not None
            with acting_as(
                _argument(args, kwargs, target_name, target_at),
                actor,
                permission,
                approval_given=given,
            ) as session:
                if actor_at is not None and actor_at < len(args):
                    args = (*args[:actor_at], session, *args[actor_at + 1 :])  # type: ignore[assignment]
                else:
                    kwargs[actor_name] = session
                return function(*args, **kwargs)

        checked.__dict__["required_permission"] = permission
        GUARDED[f"{function.__module__}.{function.__qualname__}"] = (permission, approvable)
        return checked

    return guard


def _position(signature: inspect.Signature, name: str) -> int | None:
    """The position ``name`` may be given at (None when it can only be given by name)."""
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    for index, parameter in enumerate(signature.parameters.values()):
        if parameter.name == name:
            return index if parameter.kind in positional else None
    return None


def _argument(args: Any, kwargs: dict[str, Any], name: str, position: int | None) -> Any:
    """The value given for ``name`` (None when not given: its default, for the guarded
    services, or a refusal for a missing actor)."""
    if position is not None and position < len(args):
        return args[position]
    return kwargs.get(name)


def guarded(function: Callable[..., Any]) -> Permission | None:
    """The permission ``acting`` put in front of ``function`` (None when unguarded)."""
    return getattr(function, "required_permission", None)
