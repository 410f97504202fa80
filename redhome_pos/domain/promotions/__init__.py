"""Promotions: the rules a manager states (``rules``), what each kind takes off (``kinds``)
and the engine that picks the best allowed combination for a cart (``engine``)."""

from redhome_pos.domain.promotions.engine import (
    NO_PRICING,
    Deal,
    LinePricing,
    Pricing,
    PricingLine,
    PromotionBook,
    Saving,
)
from redhome_pos.domain.promotions.rules import (
    Promotion,
    PromotionError,
    PromotionKind,
    PromotionsChangedError,
    Schedule,
    Scope,
    ScopeKind,
    Stacking,
)

__all__ = [
    "NO_PRICING",
    "Deal",
    "LinePricing",
    "Pricing",
    "PricingLine",
    "Promotion",
    "PromotionBook",
    "PromotionError",
    "PromotionKind",
    "PromotionsChangedError",
    "Saving",
    "Schedule",
    "Scope",
    "ScopeKind",
    "Stacking",
]
