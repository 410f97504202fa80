"""Sales, returns, voids and receipt numbers: written once, read back as domain objects."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.promotions.engine import Saving
from redhome_pos.domain.sale import Sale, SaleLine, StaffRef
from redhome_pos.domain.tax import VatAmount
from redhome_pos.domain.tender import PROVIDER_OF_KIND, SettledTender, TenderKind
from redhome_pos.persistence.models.base import Base
from redhome_pos.persistence.models.counter import (
    ReturnLineRow,
    ReturnRow,
    SaleLineRow,
    SaleRow,
    SaleVoidRow,
    TenderRow,
)
from redhome_pos.persistence.models.promotions import SaleRewardRow
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.repositories.counter_sql import Prepared, written_columns
from redhome_pos.persistence.repositories.lots import LotRepository

# Plain table statements on the checkout path: the ORM's bulk machinery costs more than the
# handful of rows a sale writes.
_SEQUENCES = Base.metadata.tables["receipt_sequences"]
_SALES = Base.metadata.tables["sales"]
_LINES = Base.metadata.tables["sale_lines"]
_TENDERS = Base.metadata.tables["tenders"]
_NEXT_SEQ = Prepared(
    update(_SEQUENCES)
    .where(
        _SEQUENCES.c.terminal_id == bindparam("terminal"),
        _SEQUENCES.c.business_date == bindparam("day"),
        _SEQUENCES.c.series == bindparam("of_series"),
    )
    .values(last_seq=_SEQUENCES.c.last_seq + 1)
    .returning(_SEQUENCES.c.last_seq)
)
_FIRST_SEQ = Prepared(
    insert(_SEQUENCES).values(
        terminal_id=bindparam("terminal"),
        business_date=bindparam("day"),
        series=bindparam("of_series"),
        last_seq=1,
    )
)
_ADD_SALE = Prepared(insert(_SALES).returning(_SALES.c.id), columns=written_columns(_SALES))
_ADD_LINES = Prepared(insert(_LINES), columns=written_columns(_LINES))
_ADD_TENDERS = Prepared(insert(_TENDERS), columns=written_columns(_TENDERS))


def unit_runs(amounts: tuple[int, ...]) -> list[list[int]]:
    """Unit amounts as [amount, count] runs: a line of 999 alike units is one pair."""
    runs: list[list[int]] = []
    for amount in amounts:
        if runs and runs[-1][0] == amount:
            runs[-1][1] += 1
        else:
            runs.append([amount, 1])
    return runs


def units_of_runs(runs: Any) -> tuple[int, ...]:
    return tuple(int(amount) for amount, count in runs for _ in range(int(count)))


class SaleRepository:
    """Sales on one session; the caller's unit of work commits."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- receipt numbers -------------------------------------------------------------------
    def next_seq(self, terminal_id: str, day: date, series: str) -> int:
        """The next number of a series, taken inside the caller's transaction: if the
        transaction rolls back the number is not used, so numbers have no gaps."""
        key = {"terminal": terminal_id, "day": day, "of_series": series}
        row = _NEXT_SEQ.first(self._session, key)
        if row is None:
            _FIRST_SEQ.run(self._session, key)
            return 1
        return int(row.last_seq)

    # -- writing ---------------------------------------------------------------------------
    def add(self, sale: Sale, seq: int) -> int:
        """Store a completed sale with its lines and tenders; returns its id."""
        session = self._session
        added = _ADD_SALE.first(
            session,
            {
                "receipt_no": sale.receipt_no,
                "terminal_id": sale.terminal_id,
                "business_date": sale.business_date,
                "seq": seq,
                "shift_id": sale.shift_id,
                "staff_id": sale.staff.id,
                "created_at": sale.created_at,
                "subtotal_fen": sale.subtotal_fen,
                "discount_fen": sale.discount_fen,
                "total_fen": sale.total_fen,
                "change_fen": sale.change_fen,
                "vat": [
                    {"rate_bp": v.rate_bp, "gross_fen": v.gross_fen, "vat_fen": v.vat_fen}
                    for v in sale.vat
                ],
                "promotion_fen": sale.promotion_fen,
                "member_id": sale.member_id,
            },
        )
        assert added is not None
        sale_id = added.id
        _ADD_LINES.run_many(
            session,
            [
                {
                    "sale_id": sale_id,
                    "line_no": line.line_no,
                    "sku_id": line.sku_id,
                    "sku_code": line.sku_code,
                    "title": line.title,
                    "variant": line.variant,
                    "quantity": line.quantity,
                    "list_price_fen": line.list_price_fen,
                    "unit_price_fen": line.unit_price_fen,
                    "discount_fen": line.discount_fen,
                    "amount_fen": line.amount_fen,
                    "vat_rate_bp": line.vat_rate_bp,
                    "note_id": line.note_id,
                    "voided": line.voided,
                    "override_approval_id": line.override_approval_id,
                    "discount_approval_id": line.discount_approval_id,
                    "promotion_fen": line.promotion_fen,
                    "savings": [[s.code, s.label, s.amount_fen] for s in line.savings] or None,
                    "unit_amounts": unit_runs(line.unit_amounts) or None,
                }
                for line in sale.lines
            ],
        )
        lots = [(line.line_no, take) for line in sale.lines for take in line.lots]
        if lots:
            LotRepository(session).add_sale_lots(int(sale_id), lots)
        if sale.tenders:
            self.add_tenders(sale.shift_id, sale.tenders, sale_id=sale_id)
        return int(sale_id)

    def add_tenders(
        self,
        shift_id: int,
        tenders: tuple[SettledTender, ...],
        *,
        sale_id: int | None = None,
        return_id: int | None = None,
    ) -> None:
        """Money in (positive amounts) or paid back (negative) during a shift."""
        _ADD_TENDERS.run_many(
            self._session,
            [
                {
                    "sale_id": sale_id,
                    "return_id": return_id,
                    "shift_id": shift_id,
                    "kind": t.kind.value,
                    "amount_fen": t.amount_fen,
                    "tendered_fen": t.tendered_fen,
                    "reference": t.reference,
                    "payment_code": t.payment_code,
                    "provider": PROVIDER_OF_KIND.get(t.kind, ""),
                    "out_trade_no": t.out_trade_no,
                }
                for t in tenders
            ],
        )

    def add_return(
        self,
        *,
        return_no: str,
        sale_id: int,
        terminal_id: str,
        shift_id: int,
        staff_id: int,
        approval_id: int | None,
        reason: str,
        refund_fen: int,
        at: datetime,
        lines: list[tuple[int, int, int, bool]],  # sale_line_id, quantity, refund, damaged
    ) -> int:
        return_id = self._session.execute(
            insert(ReturnRow)
            .values(
                return_no=return_no,
                sale_id=sale_id,
                terminal_id=terminal_id,
                shift_id=shift_id,
                staff_id=staff_id,
                approval_id=approval_id,
                reason=reason,
                refund_fen=refund_fen,
                created_at=at,
            )
            .returning(ReturnRow.id)
        ).scalar_one()
        self._session.execute(
            insert(ReturnLineRow),
            [
                {
                    "return_id": return_id,
                    "sale_line_id": line_id,
                    "quantity": qty,
                    "refund_fen": refund,
                    "damaged": damaged,
                }
                for line_id, qty, refund, damaged in lines
            ],
        )
        return int(return_id)

    def add_void(
        self, sale_id: int, staff_id: int, approval_id: int | None, reason: str, at: datetime
    ) -> None:
        self._session.add(
            SaleVoidRow(
                sale_id=sale_id,
                staff_id=staff_id,
                approval_id=approval_id,
                reason=reason,
                created_at=at,
            )
        )
        self._session.flush()

    # -- reading ---------------------------------------------------------------------------
    def by_receipt(self, receipt_no: str) -> Sale | None:
        sale_id = self._session.scalar(select(SaleRow.id).where(SaleRow.receipt_no == receipt_no))
        return self.get(sale_id) if sale_id is not None else None

    def get(self, sale_id: int) -> Sale | None:
        session = self._session
        row = session.get(SaleRow, sale_id)
        if row is None:
            return None
        staff = session.get(StaffRow, row.staff_id)
        assert staff is not None
        lines = session.scalars(
            select(SaleLineRow).where(SaleLineRow.sale_id == sale_id).order_by(SaleLineRow.line_no)
        ).all()
        tenders = session.scalars(
            select(TenderRow)
            .where(TenderRow.sale_id == sale_id, TenderRow.amount_fen > 0)
            .order_by(TenderRow.id)
        ).all()
        voided = session.get(SaleVoidRow, sale_id) is not None
        lots = LotRepository(session).sale_lots(sale_id)
        return Sale(
            receipt_no=row.receipt_no,
            terminal_id=row.terminal_id,
            staff=StaffRef(staff.id, staff.code, staff.name),
            created_at=row.created_at,
            business_date=row.business_date,
            lines=tuple(
                SaleLine(
                    line_no=r.line_no,
                    sku_id=r.sku_id,
                    sku_code=r.sku_code,
                    title=r.title,
                    variant=r.variant,
                    quantity=r.quantity,
                    list_price_fen=r.list_price_fen,
                    unit_price_fen=r.unit_price_fen,
                    discount_fen=r.discount_fen,
                    amount_fen=r.amount_fen,
                    vat_rate_bp=r.vat_rate_bp,
                    note_id=r.note_id,
                    voided=r.voided,
                    id=r.id,
                    override_approval_id=r.override_approval_id,
                    discount_approval_id=r.discount_approval_id,
                    promotion_fen=r.promotion_fen,
                    savings=tuple(Saving(c, label, fen) for c, label, fen in r.savings or ()),
                    unit_amounts=units_of_runs(r.unit_amounts or ()),
                    lots=lots.get(r.line_no, ()),
                )
                for r in lines
            ),
            tenders=tuple(
                SettledTender(
                    TenderKind(t.kind),
                    t.amount_fen,
                    t.tendered_fen,
                    t.reference,
                    t.payment_code,
                    t.out_trade_no,
                )
                for t in tenders
            ),
            subtotal_fen=row.subtotal_fen,
            discount_fen=row.discount_fen,
            total_fen=row.total_fen,
            vat=tuple(VatAmount(v["rate_bp"], v["gross_fen"], v["vat_fen"]) for v in row.vat),
            change_fen=row.change_fen,
            shift_id=row.shift_id,
            id=row.id,
            voided=voided,
            promotion_fen=row.promotion_fen,
            member_id=row.member_id,
            rewards=self._rewards(row.id) if row.member_id is not None else (),
        )

    def _rewards(self, sale_id: int) -> tuple[tuple[str, int, int], ...]:
        """Points rewards taken in a sale (words, fen off, points), for its receipt."""
        rows = self._session.execute(
            select(SaleRewardRow.label, SaleRewardRow.value_fen, SaleRewardRow.points)
            .where(SaleRewardRow.sale_id == sale_id)
            .order_by(SaleRewardRow.id)
        ).all()
        return tuple((label, int(fen), int(points)) for label, fen, points in rows)

    def returned_quantities(self, sale_id: int) -> dict[int, int]:
        """Units returned so far per line number of a sale."""
        rows = self._session.execute(
            select(SaleLineRow.line_no, func.sum(ReturnLineRow.quantity))
            .join(ReturnLineRow, ReturnLineRow.sale_line_id == SaleLineRow.id)
            .where(SaleLineRow.sale_id == sale_id)
            .group_by(SaleLineRow.line_no)
        ).all()
        return {int(no): int(qty) for no, qty in rows}

    def refunded_by_kind(self, sale_id: int) -> dict[TenderKind, int]:
        """What was paid back so far per tender kind (positive amounts)."""
        rows = self._session.execute(
            select(TenderRow.kind, func.sum(TenderRow.amount_fen))
            .join(ReturnRow, ReturnRow.id == TenderRow.return_id)
            .where(ReturnRow.sale_id == sale_id)
            .group_by(TenderRow.kind)
        ).all()
        return {TenderKind(kind): -int(total) for kind, total in rows}

    def has_returns(self, sale_id: int) -> bool:
        return (
            self._session.scalar(select(ReturnRow.id).where(ReturnRow.sale_id == sale_id).limit(1))
            is not None
        )

    def last_sale_id(self, shift_id: int) -> int | None:
        return self._session.scalar(
            select(SaleRow.id)
            .where(SaleRow.shift_id == shift_id)
            .order_by(SaleRow.id.desc())
            .limit(1)
        )

    def receipt_numbers(self, terminal_id: str) -> list[tuple[date, int]]:
        """Business day and number of every sale of a terminal, in order (for gap checks)."""
        rows = self._session.execute(
            select(SaleRow.business_date, SaleRow.seq)
            .where(SaleRow.terminal_id == terminal_id)
            .order_by(SaleRow.business_date, SaleRow.seq)
        ).all()
        return [(d, int(s)) for d, s in rows]
