"""Returns and exchanges.

A return names the sale by its receipt number and, per line, how many units come back. Each
unit is refunded at the price actually paid (the order discount was spread over the lines at
checkout), and never more units than were sold less those already returned. The refund goes
back to the sale's own tenders, last tender first, or all to cash.

Returned goods go back on hand. Damaged goods are booked as a ``return`` movement followed by an
``adjust`` movement with reason ``damaged``: the ledger shows both that the item came back and
that it was written off, and on-hand does not rise.

An exchange is a return and a new sale in one transaction: the refund is paid out as cash and
taken straight back as the first (cash) tender of the new sale, so the drawer only sees the
difference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from redhome_pos.domain import approvals, signed_codes
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.cart import Cart, CartError
from redhome_pos.domain.errors import PermissionDenied
from redhome_pos.domain.lots import give_back
from redhome_pos.domain.payments import ProviderRefund, RefundError
from redhome_pos.domain.promotions.returns import kept_back
from redhome_pos.domain.sale import (
    RETURN_SERIES,
    ReturnError,
    ReturnRequest,
    Sale,
    SaleLine,
    business_date,
    check_return,
    receipt_number,
)
from redhome_pos.domain.staff import Permission, Role, StaffSession
from redhome_pos.domain.stock import MovementKind
from redhome_pos.domain.tender import (
    WALLETS,
    Refund,
    Tender,
    TenderKind,
    plan_refund,
    settle,
)
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.sales import SaleRepository
from redhome_pos.persistence.repositories.staff import ApprovalRepository
from redhome_pos.services import audit, points, rewards
from redhome_pos.services.checkout import complete_sale_in, move_stock, open_shift_of
from redhome_pos.services.counter import Till
from redhome_pos.services.promotion_sales import record_kept_back, sale_deals
from redhome_pos.services.sessions import acting
from redhome_pos.services.staff import use_approval
from redhome_pos.services.wallet_tenders import settle_provider_refunds, wallet_refunds

if TYPE_CHECKING:
    from redhome_pos.services.payments import (
        CancelSignal,
        Payments,
        ProgressCallback,
        WalletPayment,
    )

DAMAGED_REASON = "damaged"


@dataclass(frozen=True, slots=True)
class ReturnedLine:
    line_no: int
    sku_code: str
    quantity: int
    refund_fen: int
    damaged: bool


@dataclass(frozen=True, slots=True)
class ReturnResult:
    """What a return did: its number, the lines, and how the money went back."""

    return_no: str
    receipt_no: str
    refund_fen: int
    lines: tuple[ReturnedLine, ...]
    refunds: tuple[Refund, ...]
    kept_back_fen: int = 0  # a broken 第N件/买赠 deal's saving, kept back from the refund
    # Money sent back through WeChat Pay / Alipay: each refund's state after the provider was
    # asked (success, processing: still on its way, refused: a manager must settle it).
    provider_refunds: tuple[ProviderRefund, ...] = ()
    credited_fen: int = 0  # an exchange: the part of the refund the new sale takes as cash


def _by_number_alone(till: Till, receipt: str) -> bool:
    """True when the sale was named by its plain number, not by the receipt's signed code."""
    return not (till.code_secret and signed_codes.looks_signed(receipt.strip()))


def _return_in(
    session: Session,
    till: Till,
    staff: StaffSession,
    receipt: str,
    requests: Sequence[ReturnRequest],
    *,
    reason: str,
    approval_id: int | None,
    refund_to_cash: bool,
    payments: Payments | None = None,
    credit_limit_fen: int | None = None,
) -> tuple[dict[str, Any], ReturnResult]:
    """The return written in the caller's transaction; the caller appends the returned
    refund event to the audit log after all its stock movements (audit head locked last).
    ``credit_limit_fen`` (an exchange: the new sale's total) is how much of the refund is
    credited to the new sale as cash; of a wallet-paid sale what goes beyond it is refunded
    to the original payments (through ``payments``) instead of as cash change."""
    credit_new_sale = credit_limit_fen is not None
    if not reason.strip():
        raise ReturnError("A return needs a reason")
    shift = open_shift_of(session, till)
    sales = SaleRepository(session)
    receipt_no = till.receipt_no_of(receipt)
    sale: Sale | None = sales.by_receipt(receipt_no)
    if sale is None or sale.id is None:
        raise ReturnError("No sale with receipt number {receipt}", receipt=receipt_no)
    if sale.voided:
        raise ReturnError("Sale {receipt} was voided; nothing to return", receipt=sale.receipt_no)
    returned = sales.returned_quantities(sale.id)
    returned_before = dict(returned)
    planned = check_return(sale, requests, returned)
    refund_fen = sum(refund for _, _, refund in planned)
    # A half-price or free unit kept while the goods that earned it come back: its saving
    # is kept back from the refund (domain.promotions.returns states the rule).
    for _, request, _ in planned:
        returned[request.line_no] = returned.get(request.line_no, 0) + request.quantity
    kept = kept_back(sale_deals(session, sale.id), returned, refund_fen)
    refund_fen -= sum(k.amount_fen for k in kept)
    wallet_paid = {t.kind for t in sale.tenders if t.kind in WALLETS}
    credited = refund_fen if credit_new_sale else 0
    if credit_limit_fen is not None and wallet_paid and payments is not None:
        credited = min(refund_fen, credit_limit_fen)
        refunds = plan_refund(credited, sale.tenders, {}, to_cash=True) + plan_refund(
            refund_fen - credited, sale.tenders, sales.refunded_by_kind(sale.id)
        )
    else:
        refunds = plan_refund(
            refund_fen, sale.tenders, sales.refunded_by_kind(sale.id), to_cash=refund_to_cash
        )
    scope = approvals.refund(sale.receipt_no, refund_fen)
    if _by_number_alone(till, receipt) and staff.role is not Role.MANAGER:
        # Anyone can read a receipt number off a screen or a bin: without the signed code
        # printed on the receipt, a manager takes the return or approves it.
        if approval_id is None:
            raise PermissionDenied(
                "A return by the receipt number alone needs a manager: scan the code on the "
                "receipt, or ask a manager to approve"
            )
        approval = use_approval(
            session, till, staff, Permission.REFUND, approval_id, within=scope, alone=False
        )
        if ApprovalRepository(session).approver_role(approval_id) is not Role.MANAGER:
            raise PermissionDenied(
                "A return by the receipt number alone needs a manager's approval, not a "
                "supervisor's: scan the code on the receipt, or ask a manager"
            )
    else:
        approval = use_approval(session, till, staff, Permission.REFUND, approval_id, within=scope)
    now = till.now()
    day = business_date(now, till.timezone)
    seq = sales.next_seq(till.terminal_id, day, RETURN_SERIES)
    return_no = receipt_number(till.store_code, till.terminal_id, day, seq, RETURN_SERIES)
    return_id = sales.add_return(
        return_no=return_no,
        sale_id=sale.id,
        terminal_id=till.terminal_id,
        shift_id=shift.id,
        staff_id=staff.id,
        approval_id=approval,
        reason=reason,
        refund_fen=refund_fen,
        at=now,
        lines=[
            (line.id or 0, request.quantity, refund, request.damaged)
            for line, request, refund in planned
        ],
    )
    record_kept_back(session, return_id, kept)
    cash_instead = {}
    change_in_cash = credit_new_sale and payments is None and refund_fen > (credit_limit_fen or 0)
    if refund_to_cash and wallet_paid and (not credit_new_sale or change_in_cash):
        _manager_approved(session, staff, approval)
        cash_instead = sales.refunded_by_kind(sale.id)  # for the audit: what the wallets had
    refunds, paid_back = wallet_refunds(
        session, staff, payments, sale.id, refunds, return_id=return_id, reason=reason
    )
    if refunds:
        sales.add_tenders(shift.id, paid_back, return_id=return_id)
    points.settle_return(session, till, staff.id, sale, return_id, return_no, refund_fen, refunds)
    rewards.give_back_for_return(session, till, staff.id, sale, return_id, return_no)
    # Stock rows are locked in SKU order, so terminals sharing a server never deadlock.
    for line, request, _ in sorted(planned, key=lambda p: p[0].sku_id):
        for lot, expiry, quantity in _lots_back(line, request.quantity, returned_before):
            move_stock(
                session, till, staff, line.sku_id, line.sku_code, MovementKind.RETURN,
                quantity, return_no, now, reason=reason, allow_negative=True,
                lot=lot, expiry=expiry,
            )  # fmt: skip
            if request.damaged:
                move_stock(
                    session, till, staff, line.sku_id, line.sku_code, MovementKind.ADJUST,
                    -quantity, return_no, now, reason=DAMAGED_REASON, allow_negative=True,
                    lot=lot, expiry=expiry,
                )  # fmt: skip
    refund_event = {
        "return_no": return_no,
        "receipt_no": sale.receipt_no,
        "refund_fen": refund_fen,
        **({"promotion_kept_back_fen": sum(k.amount_fen for k in kept)} if kept else {}),
        **(
            {"cash_instead_of": sorted(k.value for k in wallet_paid), "already": cash_instead}
            if refund_to_cash and wallet_paid and (not credit_new_sale or change_in_cash)
            else {}
        ),
        "approval_id": approval,
        "reason": reason,
    }
    return refund_event, ReturnResult(
        return_no=return_no,
        receipt_no=sale.receipt_no,
        refund_fen=refund_fen,
        lines=tuple(
            ReturnedLine(line.line_no, line.sku_code, request.quantity, refund, request.damaged)
            for line, request, refund in planned
        ),
        refunds=refunds,
        kept_back_fen=sum(k.amount_fen for k in kept),
        credited_fen=credited,
    )


def _manager_approved(session: Session, staff: StaffSession, approval_id: int | None) -> None:
    """Cash instead of the wallet a sale was paid with: a manager does it or approved it."""
    if staff.role is Role.MANAGER:
        return
    if approval_id is not None:
        from redhome_pos.persistence.models.counter import ApprovalRow
        from redhome_pos.persistence.models.staff import StaffRow

        role = session.scalar(
            select(StaffRow.role)
            .join(ApprovalRow, ApprovalRow.approver_id == StaffRow.id)
            .where(ApprovalRow.id == approval_id)
        )
        if role == Role.MANAGER.value:
            return
    raise RefundError(
        "This sale was paid by WeChat Pay or Alipay: a refund in cash instead needs a "
        "manager's approval"
    )


def _lots_back(
    line: SaleLine, quantity: int, returned_before: dict[int, int]
) -> list[tuple[str | None, date | None, int]]:
    """Returned units go back to the lots the line took (none named for untracked goods)."""
    if not line.lots:
        return [(None, None, quantity)]
    before = returned_before.get(line.line_no, 0)
    return [
        (take.lot_code, take.expiry, take.quantity)
        for take in give_back(line.lots, quantity, returned_before=before)
    ]


@acting(Permission.REFUND, approvable=True)
def return_items(
    database: Database,
    till: Till,
    staff: StaffSession,
    receipt: str,
    requests: Sequence[ReturnRequest],
    *,
    reason: str,
    approval_id: int | None = None,
    refund_to_cash: bool = False,
    payments: Payments | None = None,
) -> ReturnResult:
    """Take back goods from the sale with receipt number (or receipt code) ``receipt`` and
    refund them.

    Needs the refund permission or an approval for it (``services.staff.approve``); raises
    ``PermissionDenied`` otherwise, ``ReturnError`` for more than can still be returned.
    What a WeChat Pay / Alipay payment paid goes back through ``payments`` to that payment
    (committed with the return, then sent: ``provider_refunds`` says how each went);
    ``refund_to_cash`` instead needs a manager (or a manager's approval) and is audited.
    """
    with database.unit_of_work() as uow:
        refund_event, result = _return_in(
            uow.session,
            till,
            staff,
            receipt,
            requests,
            reason=reason,
            approval_id=approval_id,
            refund_to_cash=refund_to_cash,
            payments=payments,
        )
        audit.record(uow.session, till, AuditAction.REFUND, staff.id, **refund_event)
        uow.commit()
    sent = settle_provider_refunds(payments, result.refunds)
    return replace(result, provider_refunds=sent) if sent else result


def _exchange_in(
    session: Session,
    till: Till,
    staff: StaffSession,
    receipt: str,
    requests: Sequence[ReturnRequest],
    new_cart: Cart,
    tenders: Sequence[Tender],
    *,
    reason: str,
    approval_id: int | None,
    payments: Payments | None,
) -> tuple[ReturnResult, Sale]:
    """The return and the new sale written in the caller's transaction (see ``exchange``)."""
    new_total = new_cart.totals().total_fen
    refund_event, returned = _return_in(
        session,
        till,
        staff,
        receipt,
        requests,
        reason=reason,
        approval_id=approval_id,
        refund_to_cash=True,
        payments=payments,
        credit_limit_fen=new_total,
    )
    credited = returned.credited_fen
    credit = [Tender(TenderKind.CASH, credited)] if credited else []
    settlement = settle(
        new_total,
        [*credit, *tenders],
        card_reference_required=till.card_reference_required,
    )
    non_cash = sum(t.amount_fen for t in tenders if t.kind is not TenderKind.CASH)
    if non_cash and credited + non_cash > new_total:
        # The new goods paid by card or wallet beyond what was left to pay would hand the
        # refund out as cash change: not for goods paid by WeChat Pay / Alipay (rule 6).
        original = SaleRepository(session).by_receipt(returned.receipt_no)
        if original is not None and any(t.kind in WALLETS for t in original.tenders):
            raise RefundError(
                "This sale was paid by WeChat Pay or Alipay and its refund goes back the same "
                "way: pay only what is left to pay for the new goods"
            )
    sale = complete_sale_in(session, till, staff, new_cart, settlement)
    audit.record(
        session,
        till,
        AuditAction.REFUND,
        staff.id,
        exchange=sale.receipt_no,
        **refund_event,
    )
    return returned, sale


@acting(Permission.REFUND, approvable=True)
def exchange(
    database: Database,
    till: Till,
    staff: StaffSession,
    receipt: str,
    requests: Sequence[ReturnRequest],
    new_cart: Cart,
    tenders: Sequence[Tender],
    *,
    reason: str,
    approval_id: int | None = None,
    payments: Payments | None = None,
) -> tuple[ReturnResult, Sale]:
    """Return goods and sell others in one transaction; ``tenders`` pay what the refund
    does not cover (empty when the refund covers it). What the refund leaves over comes back
    as cash change — or, for goods paid by WeChat Pay / Alipay, through ``payments`` to the
    original payment (sent after the commit; without the provider, cash change needs a
    manager)."""
    if new_cart.is_empty:
        raise CartError("An exchange needs something new in the cart")
    with database.unit_of_work() as uow:
        returned, sale = _exchange_in(
            uow.session, till, staff, receipt, requests, new_cart, tenders,
            reason=reason, approval_id=approval_id, payments=payments,
        )  # fmt: skip
        uow.commit()
    sent = settle_provider_refunds(payments, returned.refunds)
    return (replace(returned, provider_refunds=sent) if sent else returned), sale


@acting(Permission.REFUND, approvable=True)
def exchange_paid_by_wallet(
    database: Database,
    till: Till,
    staff: StaffSession,
    receipt: str,
    requests: Sequence[ReturnRequest],
    new_cart: Cart,
    tenders: Sequence[Tender],
    wallet: WalletPayment,
    *,
    reason: str,
    payments: Payments,
    approval_id: int | None = None,
    on_progress: ProgressCallback | None = None,
    cancel: CancelSignal | None = None,
) -> tuple[ReturnResult, Sale]:
    """An exchange whose difference (what the refund and ``tenders`` leave) is paid by the
    customer's WeChat Pay / Alipay payment code, charged now through ``payments`` by the same
    state machine as a sale (``Payments.pay``): the return and the new sale are first written
    with the wallet's part stood in and rolled back, so whatever would refuse the exchange
    refuses it before the customer is charged; then the attempt is committed and charged; only
    a confirmed payment writes the return and the new sale, in the transaction that attaches
    the payment. Refused, cancelled or unclear: neither is written (``PaymentDeclinedError``,
    ``PaymentCancelledError``, ``PaymentUnresolvedError``); paid but not written: the payment
    waits for a manager (``PaidWithoutSaleError``)."""
    if new_cart.is_empty:
        raise CartError("An exchange needs something new in the cart")

    def write(session: Session, paid: tuple[Tender, ...]) -> tuple[ReturnResult, Sale]:
        return _exchange_in(
            session, till, staff, receipt, requests, new_cart, paid,
            reason=reason, approval_id=approval_id, payments=payments,
        )  # fmt: skip

    returned, sale = payments.pay(
        staff, tenders, wallet, write, on_progress=on_progress, cancel=cancel
    )
    sent = settle_provider_refunds(payments, returned.refunds)
    return (replace(returned, provider_refunds=sent) if sent else returned), sale
