"""Checkout: turn a paid cart into a completed sale, in one transaction.

``checkout`` writes the sale, its lines (voided ones too), its tenders, one stock movement per
line (which also moves the cached level and queues the new on-hand in the outbox), an audit
event and the receipt number, then commits once: after a crash the sale is either all there or
not there at all, and its receipt number is taken only if the sale is. Printing the receipt is
the caller's next step, after the commit (a printer fault never loses a sale).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from redhome_pos.domain.approvals import ApprovedScope
from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.cart import Cart, CartError, CartTotals, discount_bp
from redhome_pos.domain.lots import LotTake
from redhome_pos.domain.sale import (
    SALE_SERIES,
    ReturnError,
    Sale,
    SaleLine,
    StaffRef,
    business_date,
    receipt_number,
)
from redhome_pos.domain.shift import Shift, ShiftError
from redhome_pos.domain.staff import Permission, StaffSession, may_discount
from redhome_pos.domain.stock import MovementKind, StockMovement
from redhome_pos.domain.tender import Refund, Settlement, Tender, settle
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.persistence.repositories.sales import SaleRepository
from redhome_pos.persistence.repositories.shifts import ShiftRepository
from redhome_pos.persistence.repositories.stock import StockRepository
from redhome_pos.services import audit, points, rewards
from redhome_pos.services.counter import Till
from redhome_pos.services.lots import sale_lots
from redhome_pos.services.promotion_sales import record_sale_promotions
from redhome_pos.services.promotions import check_cart
from redhome_pos.services.sessions import acting
from redhome_pos.services.staff import use_approval
from redhome_pos.services.stock import new_movement_id
from redhome_pos.services.wallet_tenders import (
    attach_wallet_tenders,
    settle_provider_refunds,
    wallet_refunds,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from redhome_pos.services.payments import Payments


def open_shift_of(session: Session, till: Till) -> Shift:
    shift = ShiftRepository(session).current(till.terminal_id)
    if shift is None:
        raise ShiftError(
            "No shift is open at {terminal}: open a shift first", terminal=till.terminal_id
        )
    return shift


def _check_approvals(
    session: Session, till: Till, staff: StaffSession, cart: Cart, totals: CartTotals
) -> list[tuple[AuditAction, dict[str, Any]]]:
    """Price overrides and discounts above the seller's limit need an approval each, covering
    the line's SKU, its quantity and the value used; returns the audit events for every
    override, and every discount that needed approval."""
    events: list[tuple[AuditAction, dict[str, Any]]] = []
    for priced in totals.lines:
        line = priced.line
        if line.price_overridden:
            approval = use_approval(
                session, till, staff, Permission.PRICE_OVERRIDE, line.override_approval_id,
                within=ApprovedScope(
                    sku=line.sku_code, quantity=line.quantity, price_fen=line.unit_price_fen
                ),
            )  # fmt: skip
            events.append(
                (
                    AuditAction.PRICE_OVERRIDE,
                    {
                        "sku": line.sku_code,
                        "list_price_fen": line.list_price_fen,
                        "price_fen": line.unit_price_fen,
                        "quantity": line.quantity,
                        "approval_id": approval,
                    },
                )
            )
        # Manual discounts are weighed against what promotions left (they apply after them).
        share = discount_bp(priced.line_discount_fen, priced.after_promotion_fen)
        if priced.line_discount_fen and not may_discount(staff, share):
            approval = use_approval(
                session, till, staff, Permission.DISCOUNT_ABOVE_LIMIT, line.discount_approval_id,
                within=ApprovedScope(
                    sku=line.sku_code, quantity=line.quantity,
                    discount_fen=priced.line_discount_fen, percent_bp=share,
                ),
                alone=False,
            )  # fmt: skip
            events.append(
                (
                    AuditAction.DISCOUNT,
                    {
                        "sku": line.sku_code,
                        "quantity": line.quantity,
                        "discount_fen": priced.line_discount_fen,
                        "approval_id": approval,
                    },
                )
            )
    after_line = totals.subtotal_fen - totals.promotion_fen - totals.line_discount_fen
    share = discount_bp(totals.order_discount_fen, after_line)
    if totals.order_discount_fen and not may_discount(staff, share):
        approval = use_approval(
            session, till, staff, Permission.DISCOUNT_ABOVE_LIMIT, cart.order_discount_approval_id,
            within=ApprovedScope(discount_fen=totals.order_discount_fen, percent_bp=share),
            alone=False,
        )  # fmt: skip
        events.append(
            (
                AuditAction.DISCOUNT,
                {"discount_fen": totals.order_discount_fen, "approval_id": approval},
            )
        )
    return events


def _sale_lines(
    cart: Cart, totals: CartTotals, lots: dict[int, tuple[LotTake, ...]]
) -> tuple[SaleLine, ...]:
    """The sale's lines (voided ones too); ``lots``: the lots each line takes, by line number."""
    priced = {p.line.line_no: p for p in totals.lines}
    lines = []
    for line in cart.lines:
        p = priced.get(line.line_no)
        lines.append(
            SaleLine(
                line_no=line.line_no,
                sku_id=line.sku_id,
                sku_code=line.sku_code,
                title=line.title,
                variant=line.variant,
                quantity=line.quantity,
                list_price_fen=line.list_price_fen,
                unit_price_fen=line.unit_price_fen,
                discount_fen=p.discount_fen + p.reward_fen if p else 0,  # points rewards too
                amount_fen=p.amount_fen if p else 0,
                vat_rate_bp=line.vat_rate_bp,
                note_id=line.note_id,
                voided=line.voided,
                override_approval_id=line.override_approval_id,
                discount_approval_id=line.discount_approval_id,
                promotion_fen=p.promotion_fen if p else 0,
                savings=p.savings if p else (),
                unit_amounts=p.unit_amounts if p else (),
                lots=lots.get(line.line_no, ()),
            )
        )
    return tuple(lines)


def _by_sku(line: SaleLine) -> int:
    return line.sku_id


def _by_lot(
    lines: Sequence[SaleLine],
) -> list[tuple[SaleLine, str | None, date | None, int]]:
    """A stock movement per lot a line took (one, lot None, for untracked goods)."""
    parts: list[tuple[SaleLine, str | None, date | None, int]] = []
    for line in lines:
        if line.lots:
            parts += [(line, t.lot_code, t.expiry, t.quantity) for t in line.lots]
        else:
            parts.append((line, None, None, line.quantity))
    return parts


def _lots_taken(
    session: Session, till: Till, staff: StaffSession, cart: Cart
) -> tuple[dict[int, tuple[LotTake, ...]], list[tuple[AuditAction, dict[str, Any]]]]:
    """The lots each line sold takes (by line number; none when no lot-tracked SKU is sold),
    and the audit events of expired goods sold with a manager's approval (refused without
    one). Whether any SKU is tracked, and the levels of those that are, take one read each."""
    sold = [line for line in cart.lines if not line.voided]
    repository = LotRepository(session)
    tracked = repository.tracked_among([line.sku_id for line in sold])
    if not tracked and all(line.lot is None for line in sold):
        return {}, []
    levels = repository.levels_among(sorted(tracked))  # every tracked line's, in one read
    taken: dict[int, tuple[LotTake, ...]] = {}
    events: list[tuple[AuditAction, dict[str, Any]]] = []
    for line in sold:
        takes, sold_expired = sale_lots(session, till, staff, line, levels.get(line.sku_id))
        events += sold_expired
        if takes:
            taken[line.line_no] = takes
    return taken, events


def move_stock(
    session: Session,
    till: Till,
    staff: StaffSession,
    sku_id: int,
    sku_code: str,
    kind: MovementKind,
    quantity: int,
    reference: str,
    at: datetime,
    *,
    reason: str,
    allow_negative: bool,
    lot: str | None = None,
    expiry: date | None = None,
) -> int:
    """One ledger movement for a counter action (the ledger also queues the outbox row);
    ``lot``/``expiry`` name the lot moved for lot-tracked goods."""
    movement = StockMovement(
        id=new_movement_id(),
        sku_id=sku_id,
        kind=kind,
        quantity=quantity,
        reason=reason,
        staff_id=staff.id,
        terminal_id=till.terminal_id,
        created_at=at,
        reference=reference,
        lot=lot,
        expiry=expiry,
    )
    return StockRepository(session).record(
        movement, allow_negative=allow_negative, sku_code=sku_code
    )


@acting(Permission.SELL)
def complete_sale_in(
    session: Session,
    till: Till,
    staff: StaffSession,
    cart: Cart,
    settlement: Settlement,
    totals: CartTotals | None = None,
) -> Sale:
    """Write a sale inside the caller's transaction (``checkout`` and exchanges use it);
    ``totals``: the cart's, when the caller has just worked them out."""
    check_cart(session, till, cart)  # the promotions as stored now give what the cart took
    totals = cart.totals() if totals is None else totals
    shift = open_shift_of(session, till)
    now = till.now()
    day = business_date(now, till.timezone)
    sales = SaleRepository(session)
    seq = sales.next_seq(till.terminal_id, day, SALE_SERIES)
    receipt_no = receipt_number(till.store_code, till.terminal_id, day, seq)
    approved = _check_approvals(session, till, staff, cart, totals)
    lots, lot_events = _lots_taken(session, till, staff, cart)
    approved += lot_events
    lines = _sale_lines(cart, totals, lots)
    sale = Sale(
        receipt_no=receipt_no,
        terminal_id=till.terminal_id,
        staff=StaffRef(staff.id, staff.code, staff.name),
        created_at=now,
        business_date=day,
        lines=lines,
        tenders=settlement.tenders,
        subtotal_fen=totals.subtotal_fen,
        discount_fen=totals.discount_fen,
        total_fen=totals.total_fen,
        vat=totals.vat,
        change_fen=settlement.change_fen,
        shift_id=shift.id,
        promotion_fen=totals.promotion_fen,
        member_id=cart.member.id if cart.member is not None else None,
    )
    sale_id = sales.add(sale, seq)
    attach_wallet_tenders(session, sale_id, sale.tenders, now)
    record_sale_promotions(session, sale_id, totals.pricing)
    shown = rewards.spend_for_rewards(
        session, till, staff.id, sale, sale_id, sale.member_id, totals.rewards
    )
    sale = points.settle_sale(session, till, staff.id, sale, sale_id, sale.member_id)
    # Stock rows are locked in SKU order, so terminals sharing a server never deadlock.
    parts = _by_lot(sorted(sale.sold_lines, key=_by_sku))
    StockRepository(session).record_all(
        [
            StockMovement(
                id=new_movement_id(),
                sku_id=line.sku_id,
                kind=MovementKind.SALE,
                quantity=-quantity,
                reason="sale",
                staff_id=staff.id,
                terminal_id=till.terminal_id,
                created_at=now,
                reference=sale.receipt_no,
                lot=lot,
                expiry=expiry,
            )
            for line, lot, expiry, quantity in parts
        ],
        allow_negative=till.allow_negative_stock,
        sku_codes=[line.sku_code for line, _, _, _ in parts],
    )
    # The audit chain is appended last: its head row is then locked only for the commit, and
    # always after the stock rows, in every use case (no lock-order deadlock on a server).
    for action, detail in approved:
        audit.record(session, till, action, staff.id, receipt_no=receipt_no, **detail)
    audit.record(
        session,
        till,
        AuditAction.SALE,
        staff.id,
        receipt_no=sale.receipt_no,
        total_fen=sale.total_fen,
    )
    return replace(sale, id=sale_id, rewards=shown)


@acting(Permission.SELL, read_by=complete_sale_in)
def checkout(
    database: Database, till: Till, staff: StaffSession, cart: Cart, tenders: Sequence[Tender]
) -> Sale:
    """Complete the sale of ``cart`` paid by ``tenders`` (cash given may exceed; change is
    worked out). Raises ``CartError`` for an empty cart, ``TenderError`` when not fully paid,
    ``ShiftError`` with no open shift, ``PermissionDenied`` for a missing approval and
    ``StockError`` when stock would go below zero and the store does not allow it."""
    if cart.is_empty:
        raise CartError("The cart is empty")
    totals = cart.totals()
    settlement = settle(
        totals.total_fen, tenders, card_reference_required=till.card_reference_required
    )
    with database.unit_of_work() as uow:
        sale = complete_sale_in(uow.session, till, staff, cart, settlement, totals)
        uow.commit()
    return sale


def find_sale(database: Database, receipt: str, *, till: Till | None = None) -> Sale:
    """A sale by its receipt number; with ``till``, the signed receipt code scanned from a
    receipt works too. Raises ``ReturnError`` when there is none."""
    receipt_no = till.receipt_no_of(receipt) if till is not None else receipt.strip()
    with database.reading() as session:
        sale = SaleRepository(session).by_receipt(receipt_no)
    if sale is None:
        raise ReturnError("No sale with receipt number {receipt}", receipt=receipt_no)
    return sale


@acting(Permission.VOID, approvable=True)
def void_last_sale(
    database: Database,
    till: Till,
    staff: StaffSession,
    *,
    reason: str,
    approval_id: int | None = None,
    payments: Payments | None = None,
) -> Sale:
    """Cancel the last sale of the open shift (needs approval unless ``staff`` may void):
    its tenders are paid back (WeChat Pay / Alipay through ``payments`` to the original
    payment, sent after the commit), its stock comes back, the sale itself stays unchanged
    with a void recorded beside it."""
    with database.unit_of_work() as uow:
        session = uow.session
        shift = open_shift_of(session, till)
        approval = use_approval(session, till, staff, Permission.VOID, approval_id)
        sales = SaleRepository(session)
        sale_id = sales.last_sale_id(shift.id)
        sale = sales.get(sale_id) if sale_id is not None else None
        if sale is None or sale.id is None:
            raise ShiftError("This shift has no sale to void")
        if sale.voided:
            raise ShiftError("Sale {receipt} is already voided", receipt=sale.receipt_no)
        if sales.has_returns(sale.id):
            raise ShiftError(
                "Sale {receipt} has returns; it cannot be voided", receipt=sale.receipt_no
            )
        now = till.now()
        sales.add_void(sale.id, staff.id, approval, reason, now)
        paid_back, tenders = wallet_refunds(
            session, staff, payments, sale.id,
            tuple(Refund(t.kind, t.amount_fen, t.reference) for t in sale.tenders),
            reason=f"void: {reason}", void_of=sale.id,
        )  # fmt: skip
        sales.add_tenders(shift.id, tenders, sale_id=sale.id)
        points.settle_void(session, till, staff.id, sale)
        for line, lot, expiry, quantity in _by_lot(sorted(sale.sold_lines, key=_by_sku)):
            move_stock(
                session,
                till,
                staff,
                line.sku_id,
                line.sku_code,
                MovementKind.RETURN,
                quantity,
                sale.receipt_no,
                now,
                reason="void",
                allow_negative=True,
                lot=lot,
                expiry=expiry,
            )
        audit.record(
            session,
            till,
            AuditAction.VOID,
            staff.id,
            receipt_no=sale.receipt_no,
            total_fen=sale.total_fen,
            approval_id=approval,
            reason=reason,
        )
        uow.commit()
    settle_provider_refunds(payments, paid_back)
    return replace(sale, voided=True)
