"""Charge attempts and provider refunds: written before each request, moved as answers come.

The caller's unit of work commits. Every state change goes through here so that the charge
service (``services.payments``) is the only writer of what the providers said.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from redhome_pos.domain.payments import (
    UNFINISHED,
    AttemptState,
    PaymentAttempt,
    ProviderRefund,
    RefundState,
    WalletProvider,
)
from redhome_pos.persistence.models.base import Base
from redhome_pos.persistence.models.counter import SaleRow
from redhome_pos.persistence.models.payments import PaymentAttemptRow, PaymentRefundRow
from redhome_pos.persistence.repositories.counter_sql import Prepared, written_columns

#: Refund states that count against what is left to refund (money gone or on its way).
_OWED = (RefundState.CREATED, RefundState.PROCESSING, RefundState.SUCCESS)


def _clip(text: str | None, size: int) -> str:
    return (text or "")[:size]


# Plain table statements on the charge path (before the request, paid, attached): the ORM's
# machinery costs more than these one-row statements themselves.
_ATTEMPTS = Base.metadata.tables["payment_attempts"]
_ADD_ATTEMPT = Prepared(
    insert(_ATTEMPTS).returning(_ATTEMPTS.c.id), columns=written_columns(_ATTEMPTS)
)
_HAS_UNFINISHED = Prepared(
    select(_ATTEMPTS.c.id)
    .where(
        _ATTEMPTS.c.terminal_id == bindparam("terminal"),
        # one fixed parameter each (an expanding IN list cannot be compiled once)
        _ATTEMPTS.c.state.in_(
            [bindparam(f"unfinished_{i}", s.value) for i, s in enumerate(sorted(UNFINISHED))]
        ),
    )
    .limit(1)
)
_BY_NUMBER = select(_ATTEMPTS).where(_ATTEMPTS.c.out_trade_no == bindparam("number"))
_GET = Prepared(_BY_NUMBER)
_GET_FOR_UPDATE = Prepared(_BY_NUMBER.with_for_update())
_MOVES: dict[tuple[str, ...], Prepared] = {}


def _move_statement(columns: tuple[str, ...]) -> Prepared:
    """The UPDATE of an attempt's ``columns`` (one prepared statement per set of them)."""
    found = _MOVES.get(columns)
    if found is None:
        found = _MOVES[columns] = Prepared(
            update(_ATTEMPTS)
            .where(_ATTEMPTS.c.out_trade_no == bindparam("number"))
            .values({name: bindparam(f"new_{name}") for name in columns})
        )
    return found


class PaymentRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # -- attempts ---------------------------------------------------------------------------
    def add_attempt(
        self,
        *,
        out_trade_no: str,
        provider: WalletProvider,
        amount_fen: int,
        terminal_id: str,
        staff_id: int,
        masked_code: str,
        purpose: str,
        at: datetime,
    ) -> int:
        added = _ADD_ATTEMPT.first(
            self._session,
            {
                "out_trade_no": out_trade_no,
                "provider": provider.value,
                "amount_fen": amount_fen,
                "terminal_id": terminal_id,
                "staff_id": staff_id,
                "purpose": purpose,
                "state": AttemptState.CREATED.value,
                "transaction_id": None,
                "masked_code": masked_code,
                "reason_code": "",
                "reason": "",
                "created_at": at,
                "updated_at": at,
                "paid_at": None,
                "sale_id": None,
            },
        )
        assert added is not None  # an INSERT … RETURNING gives its row
        return int(added.id)

    def has_unfinished(self, terminal_id: str) -> bool:
        """Whether the terminal has an attempt still waiting for its provider (one indexed
        look-up: the checkout path asks it before every charge)."""
        return _HAS_UNFINISHED.first(self._session, {"terminal": terminal_id}) is not None

    def move(
        self,
        out_trade_no: str,
        state: AttemptState,
        at: datetime,
        *,
        transaction_id: str | None = None,
        paid_at: datetime | None = None,
        reason_code: str | None = None,
        reason: str | None = None,
        sale_id: int | None = None,
    ) -> None:
        values: dict[str, object] = {"state": state.value, "updated_at": at}
        if transaction_id is not None:
            values["transaction_id"] = transaction_id[:64]
        if paid_at is not None:
            values["paid_at"] = paid_at
        if reason_code is not None:
            values["reason_code"] = _clip(reason_code, 64)
        if reason is not None:
            values["reason"] = _clip(reason, 200)
        if sale_id is not None:
            values["sale_id"] = sale_id
        statement = _move_statement(tuple(values))
        statement.run(
            self._session,
            {"number": out_trade_no, **{f"new_{name}": v for name, v in values.items()}},
        )

    def get(
        self, out_trade_no: str, *, for_update: bool = False, totals: bool = True
    ) -> PaymentAttempt | None:
        """One attempt; ``totals=False`` skips what was refunded and the sale's receipt number
        (``refunded_fen`` 0, ``receipt_no`` None) for the checkout path."""
        statement = _GET_FOR_UPDATE if for_update else _GET
        row = statement.first(self._session, {"number": out_trade_no})
        return self._attempts([row], totals=totals)[0] if row is not None else None

    def in_states(
        self,
        states: Iterable[AttemptState],
        *,
        terminal_id: str | None = None,
        totals: bool = True,
    ) -> list[PaymentAttempt]:
        query = select(PaymentAttemptRow).where(
            PaymentAttemptRow.state.in_([s.value for s in states])
        )
        if terminal_id is not None:
            query = query.where(PaymentAttemptRow.terminal_id == terminal_id)
        rows = self._session.scalars(query.order_by(PaymentAttemptRow.id))
        return self._attempts(rows, totals=totals)

    def recent(self, limit: int) -> list[PaymentAttempt]:
        rows = self._session.scalars(
            select(PaymentAttemptRow).order_by(PaymentAttemptRow.id.desc()).limit(limit)
        )
        return self._attempts(rows)

    def of_sale(self, sale_id: int) -> list[PaymentAttempt]:
        rows = self._session.scalars(
            select(PaymentAttemptRow)
            .where(PaymentAttemptRow.sale_id == sale_id)
            .order_by(PaymentAttemptRow.id)
        )
        return self._attempts(rows)

    def _attempts(self, rows: Iterable[Any], *, totals: bool = True) -> list[PaymentAttempt]:
        """Attempts from rows (ORM rows, or the prepared statements' rows: same names)."""
        rows = list(rows)
        if not rows:
            return []
        ids = [r.id for r in rows] if totals else []
        refunded = (
            {}
            if not totals
            else dict(
                self._session.execute(
                    select(PaymentRefundRow.attempt_id, func.sum(PaymentRefundRow.amount_fen))
                    .where(
                        PaymentRefundRow.attempt_id.in_(ids),
                        PaymentRefundRow.state.in_([s.value for s in _OWED]),
                    )
                    .group_by(PaymentRefundRow.attempt_id)
                ).all()
            )
        )
        sale_ids = [r.sale_id for r in rows if r.sale_id is not None and totals]
        receipts = (
            dict(
                self._session.execute(
                    select(SaleRow.id, SaleRow.receipt_no).where(SaleRow.id.in_(sale_ids))
                ).all()
            )
            if sale_ids
            else {}
        )
        return [
            PaymentAttempt(
                id=r.id,
                out_trade_no=r.out_trade_no,
                provider=WalletProvider(r.provider),
                amount_fen=r.amount_fen,
                terminal_id=r.terminal_id,
                staff_id=r.staff_id,
                purpose=r.purpose,
                state=AttemptState(r.state),
                transaction_id=r.transaction_id,
                masked_code=r.masked_code,
                reason_code=r.reason_code,
                reason=r.reason,
                created_at=r.created_at,
                updated_at=r.updated_at,
                paid_at=r.paid_at,
                sale_id=r.sale_id,
                receipt_no=receipts.get(r.sale_id) if r.sale_id is not None else None,
                refunded_fen=int(refunded.get(r.id) or 0),
            )
            for r in rows
        ]

    # -- refunds ----------------------------------------------------------------------------
    def refund_count(self, attempt_id: int) -> int:
        return int(
            self._session.scalar(
                select(func.count())
                .select_from(PaymentRefundRow)
                .where(PaymentRefundRow.attempt_id == attempt_id)
            )
            or 0
        )

    def add_refund(
        self,
        *,
        attempt: PaymentAttempt,
        out_refund_no: str,
        amount_fen: int,
        staff_id: int,
        terminal_id: str,
        at: datetime,
        reason: str = "",
        return_id: int | None = None,
        sale_id: int | None = None,
    ) -> int:
        row = PaymentRefundRow(
            out_refund_no=out_refund_no,
            attempt_id=attempt.id,
            amount_fen=amount_fen,
            state=RefundState.CREATED.value,
            return_id=return_id,
            sale_id=sale_id,
            staff_id=staff_id,
            terminal_id=terminal_id,
            reason_code="",
            reason=_clip(reason, 200),
            created_at=at,
            updated_at=at,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def move_refund(
        self,
        out_refund_no: str,
        state: RefundState,
        at: datetime,
        *,
        refund_id: str | None = None,
        reason_code: str | None = None,
        reason: str | None = None,
    ) -> None:
        values: dict[str, object] = {"state": state.value, "updated_at": at}
        if refund_id is not None:
            values["refund_id"] = refund_id[:64]
        if reason_code is not None:
            values["reason_code"] = _clip(reason_code, 64)
        if reason is not None:
            values["reason"] = _clip(reason, 200)
        self._session.execute(
            update(PaymentRefundRow)
            .where(PaymentRefundRow.out_refund_no == out_refund_no)
            .values(**values)
        )

    def refunds(
        self,
        *,
        states: Iterable[RefundState] | None = None,
        out_refund_nos: Iterable[str] | None = None,
        return_id: int | None = None,
        terminal_id: str | None = None,
    ) -> list[ProviderRefund]:
        query = (
            select(PaymentRefundRow, PaymentAttemptRow, SaleRow.receipt_no)
            .join(PaymentAttemptRow, PaymentAttemptRow.id == PaymentRefundRow.attempt_id)
            .outerjoin(SaleRow, SaleRow.id == PaymentAttemptRow.sale_id)
        )
        if states is not None:
            query = query.where(PaymentRefundRow.state.in_([s.value for s in states]))
        if out_refund_nos is not None:
            query = query.where(PaymentRefundRow.out_refund_no.in_(list(out_refund_nos)))
        if return_id is not None:
            query = query.where(PaymentRefundRow.return_id == return_id)
        if terminal_id is not None:
            query = query.where(PaymentRefundRow.terminal_id == terminal_id)
        return [
            ProviderRefund(
                id=r.id,
                out_refund_no=r.out_refund_no,
                out_trade_no=a.out_trade_no,
                provider=WalletProvider(a.provider),
                amount_fen=r.amount_fen,
                state=RefundState(r.state),
                refund_id=r.refund_id,
                reason_code=r.reason_code,
                reason=r.reason,
                return_id=r.return_id,
                sale_id=r.sale_id,
                created_at=r.created_at,
                receipt_no=receipt_no,
            )
            for r, a, receipt_no in self._session.execute(query.order_by(PaymentRefundRow.id))
        ]
