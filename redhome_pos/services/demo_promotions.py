"""Promotions and members of the demo store, so the counter, the receipts and the back office
have something to show: store-wide 满减 tiers, 第二件半价 on make-up, 买二赠一 on skin care, a
bundle, a lunchtime 限时价, a members-only 满2件9折, member prices on a few SKUs, and two
members who agreed to join. Added once (a store with promotions is left as it is), through
the same services a manager uses."""

from __future__ import annotations

from datetime import time

from redhome_pos.domain.members import MemberError
from redhome_pos.domain.promotions import (
    Promotion,
    PromotionKind,
    Schedule,
    Scope,
    ScopeKind,
)
from redhome_pos.domain.staff import StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.services import members, promotions
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_picks import stocked_skus

# (mobile number, name): members enrolled with their consent
DEMO_MEMBERS = (("13800138000", "林小姐"), ("13900139000", ""))


def _category(scope: str) -> Scope:
    return Scope(ScopeKind.CATEGORY, frozenset({scope}))


def add_demo_promotions(database: Database, till: Till, manager: StaffSession) -> bool:
    """True when the demo's promotions were added (False: the store had some already)."""
    if promotions.list_promotions(database):
        return False
    picks = stocked_skus(database, min_on_hand=5, limit=12)
    rules = [
        Promotion("DEMO-MJ199", PromotionKind.THRESHOLD_OFF, threshold_fen=19_900,
                  off_fen=2_000, group="满减"),
        Promotion("DEMO-MJ399", PromotionKind.THRESHOLD_OFF, threshold_fen=39_900,
                  off_fen=5_000, group="满减"),
        Promotion("DEMO-HALF", PromotionKind.NTH_ITEM, scope=_category("彩妆"), nth=2,
                  pay_bp=5_000),
        Promotion("DEMO-B2G1", PromotionKind.BUY_GET, scope=_category("护肤"), buy_qty=2,
                  get_qty=1),
        Promotion("DEMO-NOON", PromotionKind.SPECIAL_PRICE, name="午间限时8折",
                  scope=_category("服饰"), pay_bp=8_000,
                  schedule=Schedule(start=time(12, 0), end=time(14, 0))),
        Promotion("DEMO-VIP", PromotionKind.THRESHOLD_PERCENT, member_only=True, min_qty=2,
                  pay_bp=9_500, priority=200),
    ]  # fmt: skip
    if len(picks) >= 8:
        pair = (picks[5], picks[7])
        rules.append(
            Promotion(
                "DEMO-SET",
                PromotionKind.BUNDLE,
                bundle=tuple((p.sku_id, 1) for p in pair),
                price_fen=sum(p.price_fen for p in pair) * 85 // 100,
            )
        )
    for rule in rules:
        promotions.save_promotion(database, till, manager, rule)
    for pick in picks[:3]:
        promotions.set_member_price(database, till, manager, pick.code, pick.price_fen * 9 // 10)
    for phone, name in DEMO_MEMBERS:
        try:
            if members.find_by_phone(database, till, phone) is None:
                members.enrol(database, till, manager, phone, consent=True, name=name)
        except MemberError:  # no code secret configured: the demo runs without members
            break
    return True
