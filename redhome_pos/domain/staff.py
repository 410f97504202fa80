"""Staff at the counter: roles, what each role may do, PINs and lockout.

A PIN is 4–8 digits, stored as a salted scrypt hash (``scrypt$n$r$p$salt$hash``) and compared
in constant time. Five wrong PINs in a row lock the account for five minutes; after a lockout,
until the right PIN is given, each wrong PIN locks it again and for longer (15 minutes, an
hour, four hours, a day), so guessing never gets five fresh tries. A manager can unlock.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from redhome_pos.domain.errors import DomainError, PermissionDenied

MAX_FAILED_PINS = 5
LOCKOUT = timedelta(minutes=5)
# The first lockout, then each one after a further wrong PIN (the last one repeats).
LOCKOUTS = (
    LOCKOUT,
    timedelta(minutes=15),
    timedelta(hours=1),
    timedelta(hours=4),
    timedelta(hours=24),
)
PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8


class StaffError(DomainError):
    """A login or staff record problem (wrong PIN, locked account, bad PIN format)."""


class BadgeNeedsPinError(StaffError):
    """A badge was read, and the store wants this person's PIN as well (``params["code"]``
    is their staff code, for the login screen to fill in)."""


class Role(enum.StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    MANAGER = "manager"


class Permission(enum.StrEnum):
    SELL = "sell"
    OPEN_SHIFT = "open_shift"
    DISCOUNT_ABOVE_LIMIT = "discount_above_limit"
    PRICE_OVERRIDE = "price_override"
    REFUND = "refund"
    VOID = "void"
    OPEN_DRAWER = "open_drawer"
    CASH_IN_OUT = "cash_in_out"
    CLOSE_SHIFT = "close_shift"
    RECONCILE = "reconcile"
    POST_COUNT = "post_count"
    RECEIVE_STOCK = "receive_stock"
    SETTINGS = "settings"
    MANAGE_STAFF = "manage_staff"
    MANAGE_PROMOTIONS = "manage_promotions"  # promotions, member prices, member erasure
    COUNT_STOCK = "count_stock"  # count units and scan a delivery in (floor work)
    ADJUST_STOCK = "adjust_stock"  # correct stock by hand, import stock figures
    EDIT_CATALOG = "edit_catalog"  # import products and prices
    SELL_EXPIRED = "sell_expired"  # allow goods past their expiry date to be sold (a reason)


_CLERK = frozenset({Permission.SELL, Permission.OPEN_SHIFT, Permission.COUNT_STOCK})
_SUPERVISOR = _CLERK | {
    Permission.DISCOUNT_ABOVE_LIMIT,
    Permission.PRICE_OVERRIDE,
    Permission.REFUND,
    Permission.VOID,
    Permission.OPEN_DRAWER,
    Permission.CASH_IN_OUT,
    Permission.CLOSE_SHIFT,
}
PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.CLERK: _CLERK,
    Role.SUPERVISOR: frozenset(_SUPERVISOR),
    Role.MANAGER: frozenset(Permission),
}

# The largest discount (basis points of the line or order) a role gives without approval.
DISCOUNT_LIMIT_BP: dict[Role, int] = {
    Role.CLERK: 1000,
    Role.SUPERVISOR: 3000,
    Role.MANAGER: 10_000,
}


@dataclass(frozen=True, slots=True)
class Staff:
    """A person who logs in at the counter (never carries the PIN hash)."""

    id: int
    code: str
    name: str
    role: Role
    active: bool = True
    badge_code: str | None = None

    def may(self, permission: Permission) -> bool:
        return self.active and permission in PERMISSIONS[self.role]


@dataclass(frozen=True, slots=True, kw_only=True)
class StaffSession(Staff):
    """A staff member who has logged in: what every service that changes the store is given.

    Only the login services issue sessions; ``seal`` proves it (a session built by hand, or a
    copy with a field changed, does not pass the services' check).
    """

    method: str  # "pin", "badge" or "command line"
    started_at: datetime
    seal: bytes = field(repr=False, compare=False)


def require(staff: Staff, permission: Permission) -> None:
    """Raise ``PermissionDenied`` unless ``staff`` may do ``permission`` on their own."""
    if not staff.may(permission):
        raise PermissionDenied(
            "{name} ({role}) may not {action} without approval",
            name=staff.name,
            role=staff.role.value,
            action=permission.value.replace("_", " "),
        )


BADGE_PIN_RULES = ("everyone", "managers", "nobody")


def badge_needs_pin(rule: str, role: Role) -> bool:
    """Whether a badge of someone in ``role`` logs in only with their PIN, by the store's rule
    (unknown rules ask for the PIN)."""
    if rule == "nobody":
        return False
    return rule != "managers" or role is Role.MANAGER


def may_discount(staff: Staff, basis_points: int) -> bool:
    """True when ``staff`` may give a discount of ``basis_points`` without approval."""
    return staff.active and basis_points <= DISCOUNT_LIMIT_BP[staff.role]


@dataclass(frozen=True, slots=True)
class ScryptCost:
    """scrypt work factors. Production uses ``PIN_COST``; tests pass a cheaper one."""

    n: int = 2**15
    r: int = 8
    p: int = 1


PIN_COST = ScryptCost()


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit() and PIN_MIN_DIGITS <= len(pin) <= PIN_MAX_DIGITS):
        raise StaffError("A PIN is {low} to {high} digits", low=PIN_MIN_DIGITS, high=PIN_MAX_DIGITS)


def _scrypt(pin: str, salt: bytes, cost: ScryptCost) -> bytes:
    return hashlib.scrypt(
        pin.encode(), salt=salt, n=cost.n, r=cost.r, p=cost.p, maxmem=2**27, dklen=32
    )


def hash_pin(pin: str, *, cost: ScryptCost = PIN_COST) -> str:
    """A salted scrypt hash of ``pin``, with its cost, as one string."""
    check_pin_format(pin)
    salt = secrets.token_bytes(16)
    digest = _scrypt(pin, salt, cost)
    return f"scrypt${cost.n}${cost.r}${cost.p}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    """True when ``pin`` hashes to ``stored`` (constant-time comparison)."""
    try:
        scheme, n, r, p, salt_hex, digest_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        cost = ScryptCost(int(n), int(r), int(p))
        expected = bytes.fromhex(digest_hex)
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    actual = _scrypt(pin, salt, cost)
    return hmac.compare_digest(actual, expected)


@dataclass(frozen=True, slots=True)
class PinState:
    """Failed-PIN counter and lock of one account."""

    failed_pins: int = 0
    locked_until: datetime | None = None
    lockouts: int = 0  # lockouts in a row, with no good PIN since

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def after_failure(self, now: datetime) -> PinState:
        if self.lockouts:  # locked before and no good PIN since: locked again, for longer
            lockouts = self.lockouts + 1
            return PinState(0, now + LOCKOUTS[min(lockouts, len(LOCKOUTS)) - 1], lockouts)
        failed = self.failed_pins + 1
        if failed >= MAX_FAILED_PINS:
            return PinState(0, now + LOCKOUTS[0], 1)
        return PinState(failed, None)

    def after_success(self) -> PinState:
        return PinState()
