"""What the store recorded of wallet money, for settlement reconciliation: charge attempts
(``payment_attempts``) and refunds through the providers (``payment_refunds``), with the sale
or return they belong to."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased

from redhome_pos.domain.payments import AttemptState, BillLineKind, RefundState, WalletProvider
from redhome_pos.domain.settlement import Recorded, RecordState
from redhome_pos.persistence.models.counter import ReturnRow, SaleRow
from redhome_pos.persistence.models.payments import PaymentAttemptRow, PaymentRefundRow

ATTEMPT_STATES = {
    AttemptState.PAID: RecordState.MOVED,
    AttemptState.ATTACHED: RecordState.MOVED,
    AttemptState.REFUNDED: RecordState.MOVED,  # paid, then paid back by a refund of its own
    AttemptState.REVERSED: RecordState.REVERSED,
    AttemptState.REFUSED: RecordState.NOT_MOVED,
}
REFUND_STATES = {
    RefundState.SUCCESS: RecordState.MOVED,
    RefundState.REFUSED: RecordState.NOT_MOVED,
    RefundState.CASH: RecordState.NOT_MOVED,
}


class SettlementRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def recorded(
        self, start: datetime, end: datetime, numbers: Iterable[str] = ()
    ) -> list[Recorded]:
        """Attempts and refunds created from ``start`` to ``end`` (UTC), and any other whose
        ``out_trade_no`` / ``out_refund_no`` is in ``numbers``."""
        wanted = sorted(set(numbers))
        attempts = self._session.execute(
            select(PaymentAttemptRow, SaleRow.receipt_no)
            .outerjoin(SaleRow, SaleRow.id == PaymentAttemptRow.sale_id)
            .where(
                or_(
                    PaymentAttemptRow.created_at.between(start, end),
                    PaymentAttemptRow.out_trade_no.in_(wanted),
                )
            )
        ).all()
        found = [
            Recorded(
                provider=WalletProvider(row.provider),
                kind=BillLineKind.PAYMENT,
                out_trade_no=row.out_trade_no,
                amount_fen=row.amount_fen,
                at=row.paid_at,
                state=ATTEMPT_STATES.get(AttemptState(row.state), RecordState.PENDING),
                transaction_id=row.transaction_id or "",
                receipt_no=receipt_no or ("test" if row.purpose == "test" else ""),
                status=row.state,
            )
            for row, receipt_no in attempts
        ]
        attempt = aliased(PaymentAttemptRow)
        voided = aliased(SaleRow)
        refunds = self._session.execute(
            select(PaymentRefundRow, attempt, ReturnRow.return_no, voided.receipt_no)
            .join(attempt, attempt.id == PaymentRefundRow.attempt_id)
            .outerjoin(ReturnRow, ReturnRow.id == PaymentRefundRow.return_id)
            .outerjoin(voided, voided.id == PaymentRefundRow.sale_id)
            .where(
                or_(
                    PaymentRefundRow.created_at.between(start, end),
                    PaymentRefundRow.out_refund_no.in_(wanted),
                )
            )
        ).all()
        found += [
            Recorded(
                provider=WalletProvider(paid.provider),
                kind=BillLineKind.REFUND,
                out_trade_no=paid.out_trade_no,
                amount_fen=row.amount_fen,
                at=row.created_at,
                state=REFUND_STATES.get(RefundState(row.state), RecordState.PENDING),
                out_refund_no=row.out_refund_no,
                transaction_id=row.refund_id or "",
                receipt_no=return_no or receipt_no or "",
                status=row.state,
            )
            for row, paid, return_no, receipt_no in refunds
        ]
        return found
