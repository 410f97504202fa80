"""The one rule every sale writer keeps: a WeChat Pay / Alipay tender is a confirmed payment.

A wallet tender must name a charge attempt (``out_trade_no``) that the provider confirmed
(state ``paid``) for this very provider, amount and transaction id; the sale's transaction
marks it ``attached`` to the sale, so the payment is in exactly one sale and the sale never
holds an unpaid wallet tender (rule 7 of payments.md). Nothing else marks a wallet tender paid.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from redhome_pos.domain.payments import AttemptState, ProviderRefund, RefundError
from redhome_pos.domain.staff import StaffSession
from redhome_pos.domain.tender import WALLETS, Refund, SettledTender, TenderError
from redhome_pos.persistence.repositories.payments import PaymentRepository

if TYPE_CHECKING:
    from redhome_pos.services.payments import Payments


def attach_wallet_tenders(
    session: Session, sale_id: int, tenders: Iterable[SettledTender], at: datetime
) -> None:
    """Mark the sale's wallet payments attached to it, in the caller's transaction; raises
    ``TenderError`` (the caller rolls back) for a wallet tender with no confirmed payment."""
    payments = PaymentRepository(session)
    for tender in tenders:
        if tender.kind not in WALLETS:
            continue
        attempt = (
            payments.get(tender.out_trade_no, for_update=True, totals=False)
            if tender.out_trade_no
            else None
        )
        if (
            attempt is None
            or attempt.state is not AttemptState.PAID
            or attempt.provider.value != tender.kind.value
            or attempt.amount_fen != tender.amount_fen
            or attempt.transaction_id != tender.reference
        ):
            raise TenderError(
                "A WeChat Pay or Alipay payment counts only once the provider has confirmed "
                "it: scan the customer's payment code to charge it"
            )
        payments.move(attempt.out_trade_no, AttemptState.ATTACHED, at, sale_id=sale_id)


def wallet_refunds(
    session: Session,
    staff: StaffSession,
    payments: Payments | None,
    sale_id: int,
    refunds: tuple[Refund, ...],
    *,
    reason: str,
    return_id: int | None = None,
    void_of: int | None = None,
) -> tuple[tuple[Refund, ...], tuple[SettledTender, ...]]:
    """The refunds as paid back: wallet ones become one refund through the provider per
    original payment (a ``payment_refunds`` row each, reference = its ``out_refund_no``)."""
    shown: list[Refund] = []
    tenders: list[SettledTender] = []
    for refund in refunds:
        if refund.kind not in WALLETS:
            shown.append(refund)
            tenders.append(
                SettledTender(refund.kind, -refund.amount_fen, -refund.amount_fen, refund.reference)
            )
            continue
        if payments is None:
            raise RefundError(
                "This sale was paid by WeChat Pay or Alipay and its refund goes back the same "
                "way, but this counter is not connected to the provider. A manager may approve "
                "a cash refund instead"
            )
        rows = payments.plan_wallet_refunds(
            session, staff, sale_id, refund.kind, refund.amount_fen,
            reason=reason, return_id=return_id, void_of=void_of,
        )  # fmt: skip
        for out_trade_no, out_refund_no, fen in rows:
            shown.append(Refund(refund.kind, fen, out_refund_no))
            tenders.append(
                SettledTender(refund.kind, -fen, -fen, out_refund_no, out_trade_no=out_trade_no)
            )
    return tuple(shown), tuple(tenders)


def settle_provider_refunds(
    payments: Payments | None, refunds: Sequence[Refund]
) -> tuple[ProviderRefund, ...]:
    """After the commit: ask the providers to pay back the wallet refunds (retried until
    confirmed, or left on their way for ``Payments.resolve_unfinished``)."""
    numbers = [r.reference for r in refunds if r.kind in WALLETS]
    if payments is None or not numbers:
        return ()
    return tuple(payments.settle_refunds(numbers))
