"""Tenders: how a customer pays (cash, bank card, WeChat Pay, Alipay), split or whole.

A sale completes only when the tenders cover the total. Change comes only from cash: a card or
wallet payment can never be more than what is still due, so change is never negative and never
more than the cash given.

Money taken on a separate device (a bank-card terminal, a WeChat Pay or Alipay terminal, a
static QR code) is an *external terminal* tender: its own kind, confirmed by the clerk with the
reference the device printed (参考号). An external wallet tender is never a ``WECHAT``/``ALIPAY``
tender, which only a charge through the provider may pay.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from redhome_pos.domain.errors import DomainError

QUICK_CASH_NOTES_FEN = (10_000, 5_000, 2_000, 1_000)  # ￥100 / ￥50 / ￥20 / ￥10


class TenderError(DomainError):
    """Payment does not add up (short, overpaid by card, unknown tender)."""


class TenderKind(enum.StrEnum):
    CASH = "cash"
    CARD = "card"
    WECHAT = "wechat"
    ALIPAY = "alipay"
    POINTS = "points"  # a member's points (100 = ￥1): nothing to count in a drawer
    EXTERNAL_WECHAT = "ext_wechat"  # WeChat Pay taken on a separate terminal or a static QR
    EXTERNAL_ALIPAY = "ext_alipay"  # Alipay taken on a separate terminal or a static QR


DRAWERLESS = frozenset({TenderKind.POINTS})  # tenders a shift does not count
#: Taken on a device of its own and confirmed with the reference it printed (a bank card is
#: always taken on the card terminal).
EXTERNAL_TERMINAL = frozenset(
    {TenderKind.CARD, TenderKind.EXTERNAL_WECHAT, TenderKind.EXTERNAL_ALIPAY}
)
#: Tenders a shift's report and reconciliation count per provider (integrated or on a terminal).
PROVIDER_OF_KIND = {
    TenderKind.WECHAT: "wechat",
    TenderKind.EXTERNAL_WECHAT: "wechat",
    TenderKind.ALIPAY: "alipay",
    TenderKind.EXTERNAL_ALIPAY: "alipay",
}
_REFERENCE = re.compile(r"[0-9A-Za-z_\-]{4,32}")
#: Tenders paid through a provider: only a confirmed charge attempt may pay with them.
WALLETS = frozenset({TenderKind.WECHAT, TenderKind.ALIPAY})


@dataclass(frozen=True, slots=True)
class Tender:
    """One payment as offered: for cash ``amount_fen`` is the cash handed over."""

    kind: TenderKind
    amount_fen: int
    reference: str = ""  # card slip / the provider's transaction id of a wallet payment
    payment_code: str = ""  # the customer's WeChat Pay / Alipay code, masked when stored
    out_trade_no: str = ""  # a wallet payment's charge attempt (services.payments)

    @staticmethod
    def cash(given_fen: int) -> Tender:
        return Tender(TenderKind.CASH, given_fen)


@dataclass(frozen=True, slots=True)
class SettledTender:
    """A tender as recorded: ``amount_fen`` went to the sale, ``tendered_fen`` was handed over."""

    kind: TenderKind
    amount_fen: int
    tendered_fen: int
    reference: str = ""
    payment_code: str = ""
    out_trade_no: str = ""


@dataclass(frozen=True, slots=True)
class Settlement:
    total_fen: int
    tenders: tuple[SettledTender, ...]
    change_fen: int

    @property
    def paid_fen(self) -> int:
        return sum(t.amount_fen for t in self.tenders)


def mask_payment_code(code: str) -> str:
    """Keep only the last four digits of a customer's payment code."""
    return ("*" * max(0, len(code) - 4)) + code[-4:] if code else ""


def clean_reference(text: str) -> str:
    """A terminal's reference as typed or scanned from its slip: spaces dropped, 4–32 letters,
    digits, ``-`` or ``_``; anything else is refused (``TenderError``)."""
    reference = "".join(text.split())
    if not _REFERENCE.fullmatch(reference):
        raise TenderError(
            "A terminal reference is 4 to 32 letters or digits, as printed on the slip"
        )
    return reference


def check_references(tenders: Sequence[Tender], *, card_reference_required: bool) -> None:
    """External terminal tenders need the terminal's reference; a card needs its slip's
    reference when the store requires it. A reference given must look like one."""
    for tender in tenders:
        if tender.kind not in EXTERNAL_TERMINAL:
            continue
        if tender.reference:
            clean_reference(tender.reference)
        elif tender.kind is not TenderKind.CARD:
            raise TenderError("A payment on the external terminal needs the terminal's reference")
        elif card_reference_required:
            raise TenderError("This store records the card slip's reference number: enter it")


def amount_due(total_fen: int, tenders: Sequence[Tender]) -> int:
    """What is still to pay (never below zero)."""
    return max(0, total_fen - sum(t.amount_fen for t in tenders))


def settle(
    total_fen: int, tenders: Sequence[Tender], *, card_reference_required: bool = False
) -> Settlement:
    """Check that ``tenders`` pay ``total_fen`` exactly and work out the change from cash."""
    check_references(tenders, card_reference_required=card_reference_required)
    if total_fen < 0:
        raise TenderError("A sale total cannot be negative")
    for tender in tenders:
        if tender.amount_fen <= 0:
            raise TenderError("A payment must be more than zero")
    non_cash = sum(t.amount_fen for t in tenders if t.kind is not TenderKind.CASH)
    if non_cash > total_fen:
        raise TenderError(
            "Card and wallet payments cannot exceed the amount due; change comes only from cash"
        )
    paid = sum(t.amount_fen for t in tenders)
    if paid < total_fen:
        raise TenderError("{due_fen} still to pay", due_fen=total_fen - paid)
    change = paid - total_fen
    # Take the change off the cash tenders, last first.
    remaining_change = change
    settled: list[SettledTender] = []
    for tender in reversed(tenders):
        applied = tender.amount_fen
        if tender.kind is TenderKind.CASH and remaining_change:
            taken = min(applied, remaining_change)
            applied -= taken
            remaining_change -= taken
        settled.append(
            SettledTender(
                tender.kind,
                applied,
                tender.amount_fen,
                tender.reference,
                mask_payment_code(tender.payment_code),
                tender.out_trade_no,
            )
        )
    settled.reverse()
    return Settlement(total_fen, tuple(t for t in settled if t.amount_fen > 0), change)


@dataclass(frozen=True, slots=True)
class Refund:
    kind: TenderKind
    amount_fen: int
    reference: str = ""


def plan_refund(
    refund_fen: int,
    paid: Sequence[SettledTender],
    already_refunded: dict[TenderKind, int],
    *,
    to_cash: bool = False,
) -> tuple[Refund, ...]:
    """Split a refund over the sale's original tenders (last tender first), or all to cash.

    No tender gets back more than was paid with it minus what was already refunded to it.
    """
    if refund_fen < 0:
        raise TenderError("A refund cannot be negative")
    if to_cash:
        return (Refund(TenderKind.CASH, refund_fen),) if refund_fen else ()
    left: dict[TenderKind, int] = {}
    for tender in paid:
        left[tender.kind] = left.get(tender.kind, 0) + tender.amount_fen
    for kind, amount in already_refunded.items():
        left[kind] = left.get(kind, 0) - amount
    refunds: list[Refund] = []
    due = refund_fen
    seen: set[TenderKind] = set()
    for tender in reversed(paid):
        if due == 0:
            break
        if tender.kind in seen:
            continue
        seen.add(tender.kind)
        portion = min(due, max(0, left[tender.kind]))
        if portion:
            refunds.append(Refund(tender.kind, portion, tender.reference))
            due -= portion
    if due:
        raise TenderError("The refund is more than what was paid")
    return tuple(refunds)
