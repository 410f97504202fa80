"""Shifts, cash movements, shift reports and parked carts."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.shift import (
    ProviderFigures,
    Shift,
    ShiftFigures,
    ShiftReport,
    StaffFigures,
)
from redhome_pos.domain.tender import PROVIDER_OF_KIND
from redhome_pos.persistence.models.counter import (
    CashMovementRow,
    ParkedCartRow,
    ReturnRow,
    SaleRow,
    SaleVoidRow,
    ShiftReportRow,
    ShiftRow,
    TenderRow,
)
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.repositories.counter_sql import Prepared

# The open shift is read at every sale: plain columns from a statement built once.
_SHIFTS = ShiftRow.metadata.tables[ShiftRow.__tablename__]
_OPEN_SHIFT = Prepared(
    select(
        _SHIFTS.c.id,
        _SHIFTS.c.terminal_id,
        _SHIFTS.c.opened_by,
        _SHIFTS.c.opened_at,
        _SHIFTS.c.float_fen,
        _SHIFTS.c.closed_by,
        _SHIFTS.c.closed_at,
    ).where(_SHIFTS.c.open_terminal == bindparam("terminal"))
)


def _shift(row: Any) -> Shift:
    return Shift(
        id=row.id,
        terminal_id=row.terminal_id,
        opened_by=row.opened_by,
        opened_at=row.opened_at,
        float_fen=row.float_fen,
        closed_by=row.closed_by,
        closed_at=row.closed_at,
    )


class ShiftRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def open(self, terminal_id: str, staff_id: int, float_fen: int, at: datetime) -> Shift:
        row = ShiftRow(
            terminal_id=terminal_id,
            open_terminal=terminal_id,
            opened_by=staff_id,
            opened_at=at,
            float_fen=float_fen,
        )
        self._session.add(row)
        self._session.flush()
        return _shift(row)

    def current(self, terminal_id: str) -> Shift | None:
        session = self._session
        if session.new or session.dirty or session.deleted:
            session.flush()
        row = _OPEN_SHIFT.first(session, {"terminal": terminal_id})
        return _shift(row) if row else None

    def get(self, shift_id: int) -> Shift | None:
        row = self._session.get(ShiftRow, shift_id)
        return _shift(row) if row else None

    def close(self, shift_id: int, staff_id: int, at: datetime) -> None:
        self._session.execute(
            update(ShiftRow)
            .where(ShiftRow.id == shift_id)
            .values(open_terminal=None, closed_by=staff_id, closed_at=at)
        )

    def add_cash_movement(
        self,
        shift_id: int,
        kind: str,
        amount_fen: int,
        reason: str,
        staff_id: int,
        approval_id: int | None,
        at: datetime,
    ) -> int:
        row = CashMovementRow(
            shift_id=shift_id,
            kind=kind,
            amount_fen=amount_fen,
            reason=reason,
            staff_id=staff_id,
            approval_id=approval_id,
            created_at=at,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def figures(self, shift: Shift) -> ShiftFigures:
        """Everything the X and Z reports show, from the shift's rows."""
        s = self._session
        sales, sales_fen, discount_fen = s.execute(
            select(
                func.count(SaleRow.id),
                func.coalesce(func.sum(SaleRow.total_fen), 0),
                func.coalesce(func.sum(SaleRow.discount_fen), 0),
            )
            .outerjoin(SaleVoidRow, SaleVoidRow.sale_id == SaleRow.id)
            .where(SaleRow.shift_id == shift.id, SaleVoidRow.sale_id.is_(None))
        ).one()
        voids, voided_fen = s.execute(
            select(func.count(SaleRow.id), func.coalesce(func.sum(SaleRow.total_fen), 0))
            .join(SaleVoidRow, SaleVoidRow.sale_id == SaleRow.id)
            .where(SaleRow.shift_id == shift.id)
        ).one()
        returns, refunds_fen = s.execute(
            select(
                func.count(ReturnRow.id), func.coalesce(func.sum(ReturnRow.refund_fen), 0)
            ).where(ReturnRow.shift_id == shift.id)
        ).one()
        tenders = {
            kind: int(total)
            for kind, total in s.execute(
                select(TenderRow.kind, func.sum(TenderRow.amount_fen))
                .where(TenderRow.shift_id == shift.id)
                .group_by(TenderRow.kind)
            ).all()
        }
        cash: dict[str, tuple[int, int]] = {
            kind: (int(n), int(total))
            for kind, n, total in s.execute(
                select(
                    CashMovementRow.kind,
                    func.count(CashMovementRow.id),
                    func.coalesce(func.sum(CashMovementRow.amount_fen), 0),
                )
                .where(CashMovementRow.shift_id == shift.id)
                .group_by(CashMovementRow.kind)
            ).all()
        }
        return ShiftFigures(
            shift_id=shift.id,
            float_fen=shift.float_fen,
            sales=int(sales),
            sales_fen=int(sales_fen),
            discount_fen=int(discount_fen),
            voids=int(voids),
            voided_fen=int(voided_fen),
            returns=int(returns),
            refunds_fen=int(refunds_fen),
            cash_in_fen=cash.get("cash_in", (0, 0))[1],
            cash_out_fen=cash.get("cash_out", (0, 0))[1],
            drawer_opens=cash.get("drawer_open", (0, 0))[0],
            tenders_fen=tenders,
            by_staff=self._by_staff(shift.id),
            by_provider=self._by_provider(shift.id),
        )

    def _by_provider(self, shift_id: int) -> tuple[ProviderFigures, ...]:
        """WeChat Pay and Alipay money of the shift per tender kind: taken (sale tenders) and
        paid back (refund tenders of returns and voids, stored negative)."""
        taken = TenderRow.amount_fen > 0
        rows = self._session.execute(
            select(
                TenderRow.kind,
                func.coalesce(func.sum(case((taken, TenderRow.amount_fen), else_=0)), 0),
                func.coalesce(func.sum(case((taken, 0), else_=-TenderRow.amount_fen)), 0),
                func.coalesce(func.sum(case((taken, 1), else_=0)), 0),
                func.coalesce(func.sum(case((taken, 0), else_=1)), 0),
            )
            .where(
                TenderRow.shift_id == shift_id,
                TenderRow.kind.in_([kind.value for kind in PROVIDER_OF_KIND]),
            )
            .group_by(TenderRow.kind)
        ).all()
        found = {
            kind: ProviderFigures(kind, int(paid), int(back), int(n_paid), int(n_back))
            for kind, paid, back, n_paid, n_back in rows
        }
        return tuple(found[kind.value] for kind in PROVIDER_OF_KIND if kind.value in found)

    def _by_staff(self, shift_id: int) -> tuple[StaffFigures, ...]:
        s = self._session
        sold = {
            staff_id: (int(n), int(total))
            for staff_id, n, total in s.execute(
                select(SaleRow.staff_id, func.count(SaleRow.id), func.sum(SaleRow.total_fen))
                .outerjoin(SaleVoidRow, SaleVoidRow.sale_id == SaleRow.id)
                .where(SaleRow.shift_id == shift_id, SaleVoidRow.sale_id.is_(None))
                .group_by(SaleRow.staff_id)
            ).all()
        }
        refunded = {
            staff_id: int(total)
            for staff_id, total in s.execute(
                select(ReturnRow.staff_id, func.sum(ReturnRow.refund_fen))
                .where(ReturnRow.shift_id == shift_id)
                .group_by(ReturnRow.staff_id)
            ).all()
        }
        ids = sorted(set(sold) | set(refunded))
        names = dict(
            s.execute(select(StaffRow.id, StaffRow.name).where(StaffRow.id.in_(ids))).all()
        )
        return tuple(
            StaffFigures(
                staff_id=i,
                name=names.get(i, ""),
                sales=sold.get(i, (0, 0))[0],
                sales_fen=sold.get(i, (0, 0))[1],
                refunds_fen=refunded.get(i, 0),
            )
            for i in ids
        )

    def add_report(self, report: ShiftReport) -> int:
        return int(
            self._session.execute(
                insert(ShiftReportRow)
                .values(
                    shift_id=report.shift_id,
                    kind=report.kind,
                    staff_id=report.staff_id,
                    created_at=report.created_at,
                    report=report.to_dict(),
                )
                .returning(ShiftReportRow.id)
            ).scalar_one()
        )

    def report(self, report_id: int) -> ShiftReport | None:
        row = self._session.get(ShiftReportRow, report_id)
        return ShiftReport.from_dict(row.report, row.id) if row else None

    def z_report_of(self, shift_id: int) -> ShiftReport | None:
        row = self._session.scalar(
            select(ShiftReportRow).where(
                ShiftReportRow.shift_id == shift_id, ShiftReportRow.kind == "Z"
            )
        )
        return ShiftReport.from_dict(row.report, row.id) if row else None

    def z_audit_anchors(self) -> list[tuple[int, int, str]]:
        """(shift id, audit seq, audit hash) recorded by every Z report."""
        rows = self._session.execute(
            select(ShiftReportRow.shift_id, ShiftReportRow.report).where(ShiftReportRow.kind == "Z")
        ).all()
        return [
            (int(shift_id), int(report.get("audit_seq", 0)), str(report.get("audit_hash", "")))
            for shift_id, report in rows
        ]


class ParkedCartRepository:
    """Carts put aside at a terminal; they survive a restart until recalled."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def park(
        self, terminal_id: str, staff_id: int, label: str, at: datetime, cart: dict[str, Any]
    ) -> int:
        row = ParkedCartRow(
            terminal_id=terminal_id, staff_id=staff_id, label=label, parked_at=at, cart=cart
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def parked(self, terminal_id: str) -> list[tuple[int, str, datetime, int, dict[str, Any]]]:
        """(id, label, parked_at, staff_id, cart) of every cart parked at the terminal, oldest
        first."""
        rows = self._session.execute(
            select(
                ParkedCartRow.id,
                ParkedCartRow.label,
                ParkedCartRow.parked_at,
                ParkedCartRow.staff_id,
                ParkedCartRow.cart,
            )
            .where(ParkedCartRow.terminal_id == terminal_id)
            .order_by(ParkedCartRow.id)
        ).all()
        return [
            (int(i), str(label), at, int(staff), dict(cart)) for i, label, at, staff, cart in rows
        ]

    def take(self, cart_id: int, terminal_id: str) -> dict[str, Any] | None:
        """The parked cart, removed from the parked list (None when it is not there)."""
        row = self._session.get(ParkedCartRow, cart_id)
        if row is None or row.terminal_id != terminal_id:
            return None
        cart = dict(row.cart)
        self._session.delete(row)
        self._session.flush()
        return cart
