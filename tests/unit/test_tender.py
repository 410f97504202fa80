"""Tenders: split payments add up, change is never negative and only from cash, refunds
never exceed what was paid."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redhome_pos.domain.tender import (
    QUICK_CASH_NOTES_FEN,
    SettledTender,
    Tender,
    TenderError,
    TenderKind,
    amount_due,
    clean_reference,
    mask_payment_code,
    plan_refund,
    settle,
)

kinds = st.sampled_from(list(TenderKind))
# Terminal tenders carry the terminal's reference (one without is refused, tested below).
tenders = st.lists(
    st.builds(Tender, kind=kinds, amount_fen=st.integers(1, 10**6), reference=st.just("REF-0001")),
    max_size=6,
)


@given(st.integers(0, 10**6), tenders)
def test_settlement_adds_up_or_is_refused(total: int, offered: list[Tender]) -> None:
    try:
        s = settle(total, offered)
    except TenderError:
        non_cash = sum(t.amount_fen for t in offered if t.kind is not TenderKind.CASH)
        assert non_cash > total or sum(t.amount_fen for t in offered) < total
        return
    assert s.paid_fen == total
    assert s.change_fen >= 0
    cash_given = sum(t.amount_fen for t in offered if t.kind is TenderKind.CASH)
    assert s.change_fen <= cash_given
    assert s.change_fen == sum(t.amount_fen for t in offered) - total
    assert all(t.amount_fen > 0 for t in s.tenders)
    assert all(t.amount_fen <= t.tendered_fen for t in s.tenders)
    assert amount_due(total, offered) == 0


def test_cash_with_quick_notes_and_card_split() -> None:
    hundred, fifty, *_ = QUICK_CASH_NOTES_FEN
    s = settle(23_450, [Tender.cash(hundred), Tender.cash(fifty), Tender.cash(hundred)])
    assert s.change_fen == 1_550
    # the change comes off the last cash tender
    assert [t.amount_fen for t in s.tenders] == [10_000, 5_000, 8_450]
    with pytest.raises(TenderError, match="still to pay"):
        settle(23_450, [Tender.cash(20_000)])
    s = settle(23_450, [Tender(TenderKind.CARD, 10_000, "slip-1"), Tender.cash(20_000)])
    assert s.change_fen == 6_550
    assert [(t.kind, t.amount_fen, t.tendered_fen) for t in s.tenders] == [
        (TenderKind.CARD, 10_000, 10_000),
        (TenderKind.CASH, 13_450, 20_000),
    ]


def test_card_and_wallets_never_give_change() -> None:
    with pytest.raises(TenderError, match="change comes only from cash"):
        settle(5_000, [Tender(TenderKind.WECHAT, 6_000)])
    with pytest.raises(TenderError):
        settle(5_000, [Tender(TenderKind.CARD, 0)])


def test_payment_codes_are_masked() -> None:
    s = settle(100, [Tender(TenderKind.ALIPAY, 100, "ali-1", "284612345678901234")])
    assert s.tenders[0].payment_code == "**************1234"
    assert mask_payment_code("") == ""


@st.composite
def paid_and_refunds(draw: st.DrawFn) -> tuple[list[SettledTender], list[int]]:
    paid = draw(
        st.lists(
            st.builds(lambda k, a: SettledTender(k, a, a), kinds, st.integers(1, 10**5)),
            min_size=1,
            max_size=4,
        )
    )
    total = sum(t.amount_fen for t in paid)
    refunds = draw(st.lists(st.integers(0, total), max_size=5))
    return paid, refunds


@given(paid_and_refunds(), st.booleans())
def test_refunds_never_exceed_what_was_paid(
    case: tuple[list[SettledTender], list[int]], to_cash: bool
) -> None:
    paid, requests = case
    total = sum(t.amount_fen for t in paid)
    refunded: dict[TenderKind, int] = {}
    for request in requests:
        left = total - sum(refunded.values())
        if request > left and not to_cash:
            with pytest.raises(TenderError):
                plan_refund(request, paid, refunded)
            continue
        if to_cash:
            request = min(request, left)
        plan = plan_refund(request, paid, refunded, to_cash=to_cash)
        assert sum(r.amount_fen for r in plan) == request
        for r in plan:
            refunded[r.kind] = refunded.get(r.kind, 0) + r.amount_fen
        if not to_cash:
            for kind, amount in refunded.items():
                assert amount <= sum(t.amount_fen for t in paid if t.kind is kind)
    assert sum(refunded.values()) <= total


def test_a_terminal_payment_needs_the_terminals_reference() -> None:
    for kind in (TenderKind.EXTERNAL_WECHAT, TenderKind.EXTERNAL_ALIPAY):
        with pytest.raises(TenderError, match="needs the terminal's reference"):
            settle(5_000, [Tender(kind, 5_000)])
        settled = settle(5_000, [Tender(kind, 5_000, "4200002288202611258841")])
        assert settled.tenders[0].reference == "4200002288202611258841"
    with pytest.raises(TenderError, match="4 to 32 letters or digits"):
        settle(5_000, [Tender(TenderKind.EXTERNAL_ALIPAY, 5_000, "12<3>")])


def test_a_card_slip_reference_only_when_the_store_requires_it() -> None:
    assert settle(5_000, [Tender(TenderKind.CARD, 5_000)]).tenders[0].reference == ""
    with pytest.raises(TenderError, match="card slip's reference"):
        settle(5_000, [Tender(TenderKind.CARD, 5_000)], card_reference_required=True)
    settled = settle(
        5_000, [Tender(TenderKind.CARD, 5_000, "123456789012")], card_reference_required=True
    )
    assert settled.tenders[0].reference == "123456789012"


def test_references_are_cleaned_or_refused() -> None:
    assert clean_reference(" 1234 5678 9012 ") == "123456789012"
    for bad in ("", "12", "False" * 7, "参考号1234", "12;34"):
        with pytest.raises(TenderError):
            clean_reference(bad)
