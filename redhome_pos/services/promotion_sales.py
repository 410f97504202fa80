"""What a sale records about its promotions: one row per promotion with what it saved and its
第N件/买赠 pairings (returns read them back), written in the sale's own transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from redhome_pos.domain.promotions.engine import Deal, Pricing
from redhome_pos.domain.promotions.returns import KeptBack, SaleDeal
from redhome_pos.persistence.models.promotions import PromotionClawbackRow, SalePromotionRow


def deal_json(deal: Deal) -> dict[str, Any]:
    return {"earners": [list(e) for e in deal.earners], "given": [list(g) for g in deal.given]}


def record_sale_promotions(session: Session, sale_id: int, pricing: Pricing) -> None:
    """One ``sale_promotions`` row per promotion the sale got."""
    if not pricing.applied:
        return
    session.execute(
        insert(SalePromotionRow),
        [
            {
                "sale_id": sale_id,
                "promotion_id": saving.promotion_id,
                "code": saving.code,
                "label": saving.label,
                "saving_fen": saving.amount_fen,
                "deals": [deal_json(d) for d in pricing.deals if d.code == saving.code],
            }
            for saving in pricing.applied
        ],
    )


def sale_deals(session: Session, sale_id: int) -> list[SaleDeal]:
    """A sale's 第N件/买赠 pairings, with what returns kept back from each so far."""
    rows = session.scalars(
        select(SalePromotionRow)
        .where(SalePromotionRow.sale_id == sale_id)
        .order_by(SalePromotionRow.id)
    ).all()
    if not any(row.deals for row in rows):
        return []
    kept = {
        (int(record), int(no)): int(total)
        for record, no, total in session.execute(
            select(
                PromotionClawbackRow.sale_promotion_id,
                PromotionClawbackRow.deal_no,
                func.sum(PromotionClawbackRow.amount_fen),
            )
            .where(PromotionClawbackRow.sale_promotion_id.in_([row.id for row in rows]))
            .group_by(PromotionClawbackRow.sale_promotion_id, PromotionClawbackRow.deal_no)
        )
    }
    found = []
    for row in rows:
        for n, raw in enumerate(row.deals or ()):
            deal = Deal(
                row.code,
                tuple((int(k), int(s)) for k, s in raw["earners"]),
                tuple((int(k), int(s), int(f)) for k, s, f in raw["given"]),
            )
            found.append(SaleDeal(row.id, n, deal, kept.get((row.id, n), 0)))
    return found


def record_kept_back(session: Session, return_id: int, kept: list[KeptBack]) -> None:
    if kept:
        session.execute(
            insert(PromotionClawbackRow),
            [
                {
                    "return_id": return_id,
                    "sale_promotion_id": k.record_id,
                    "deal_no": k.deal_no,
                    "amount_fen": k.amount_fen,
                }
                for k in kept
            ],
        )
