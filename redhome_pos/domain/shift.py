"""Shifts at a till: the cash float, cash in and out, and the X and Z reports.

Expected money per tender is what the shift took in that tender less what it paid back; for
cash it also counts the float and cash put in or taken out of the drawer. The Z report sets what
was counted beside what was expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.tender import DRAWERLESS, TenderKind


class ShiftError(DomainError):
    """No shift open, a shift already open, or a closed shift asked to take a sale."""


@dataclass(frozen=True, slots=True)
class Shift:
    id: int
    terminal_id: str
    opened_by: int
    opened_at: datetime
    float_fen: int
    closed_by: int | None = None
    closed_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


@dataclass(frozen=True, slots=True)
class StaffFigures:
    staff_id: int
    name: str
    sales: int
    sales_fen: int
    refunds_fen: int


@dataclass(frozen=True, slots=True)
class ProviderFigures:
    """A wallet's money in a shift, per tender kind (charged through the provider, or taken on
    the store's own terminal): ``paid_fen`` taken, ``refunded_fen`` paid back (positive)."""

    kind: str
    paid_fen: int
    refunded_fen: int
    payments: int = 0
    refunds: int = 0

    @property
    def net_fen(self) -> int:
        return self.paid_fen - self.refunded_fen


@dataclass(frozen=True, slots=True)
class ShiftFigures:
    """What a shift did, as read from its sales, returns, tenders and cash movements."""

    shift_id: int
    float_fen: int
    sales: int
    sales_fen: int  # totals of sales not voided
    discount_fen: int
    voids: int
    voided_fen: int
    returns: int
    refunds_fen: int
    cash_in_fen: int
    cash_out_fen: int
    drawer_opens: int
    tenders_fen: dict[str, int]  # net per tender kind (taken less paid back)
    by_staff: tuple[StaffFigures, ...] = ()
    by_provider: tuple[ProviderFigures, ...] = ()  # WeChat Pay / Alipay, paid and refunded

    def expected_fen(self) -> dict[str, int]:
        expected = {
            kind.value: self.tenders_fen.get(kind.value, 0)
            for kind in TenderKind
            if kind not in DRAWERLESS
        }
        expected[TenderKind.CASH.value] += self.float_fen + self.cash_in_fen - self.cash_out_fen
        return expected


@dataclass(frozen=True, slots=True)
class ShiftReport:
    """An X (mid-shift) or Z (closing) report; ``counted_fen`` is empty for an X report."""

    kind: str
    shift_id: int
    terminal_id: str
    created_at: datetime
    staff_id: int
    figures: ShiftFigures
    counted_fen: dict[str, int] = field(default_factory=dict)
    id: int | None = None
    # The newest audit event when the report was made: deleting audit events up to here is
    # found by ``audit verify`` even if the deleted events were the newest of the chain.
    audit_seq: int = 0
    audit_hash: str = ""
    # The short code of that head printed on the Z receipt (``audit verify --code``).
    audit_code: str = ""

    @property
    def expected_fen(self) -> dict[str, int]:
        return self.figures.expected_fen()

    @property
    def difference_fen(self) -> dict[str, int]:
        """Counted less expected per tender (positive: over, negative: short)."""
        expected = self.expected_fen
        return {kind: self.counted_fen.get(kind, 0) - expected[kind] for kind in expected}

    def to_dict(self) -> dict[str, Any]:
        figures = self.figures
        return {
            "kind": self.kind,
            "shift_id": self.shift_id,
            "terminal_id": self.terminal_id,
            "created_at": self.created_at.isoformat(),
            "staff_id": self.staff_id,
            "counted_fen": dict(self.counted_fen),
            "audit_seq": self.audit_seq,
            "audit_hash": self.audit_hash,
            "audit_code": self.audit_code,
            "figures": {
                "shift_id": figures.shift_id,
                "float_fen": figures.float_fen,
                "sales": figures.sales,
                "sales_fen": figures.sales_fen,
                "discount_fen": figures.discount_fen,
                "voids": figures.voids,
                "voided_fen": figures.voided_fen,
                "returns": figures.returns,
                "refunds_fen": figures.refunds_fen,
                "cash_in_fen": figures.cash_in_fen,
                "cash_out_fen": figures.cash_out_fen,
                "drawer_opens": figures.drawer_opens,
                "tenders_fen": dict(figures.tenders_fen),
                "by_staff": [
                    [s.staff_id, s.name, s.sales, s.sales_fen, s.refunds_fen]
                    for s in figures.by_staff
                ],
                "by_provider": [
                    [p.kind, p.paid_fen, p.refunded_fen, p.payments, p.refunds]
                    for p in figures.by_provider
                ],
            },
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], report_id: int | None = None) -> ShiftReport:
        raw = dict(data["figures"])
        raw["by_staff"] = tuple(StaffFigures(*row) for row in raw["by_staff"])
        # Reports stored before wallets were counted per provider have none.
        raw["by_provider"] = tuple(ProviderFigures(*row) for row in raw.get("by_provider", ()))
        return cls(
            kind=data["kind"],
            shift_id=data["shift_id"],
            terminal_id=data["terminal_id"],
            created_at=datetime.fromisoformat(data["created_at"]),
            staff_id=data["staff_id"],
            figures=ShiftFigures(**raw),
            counted_fen=dict(data["counted_fen"]),
            id=report_id,
            audit_seq=int(data.get("audit_seq", 0)),
            audit_hash=str(data.get("audit_hash", "")),
            audit_code=str(data.get("audit_code", "")),
        )
