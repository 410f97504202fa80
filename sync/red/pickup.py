"""How the store tells an order its customer collects at the counter: decided here, only here.

The platform's documents have no order-level "pickup" or "express" field. What they give is,
per order line, ``deliveryMode``: 1 when the line may be delivered without a courier
(无物流发货, registered with the ``selfdelivery`` company code), 0 when it may not. So:

    an order is a counter pickup when EVERY line has deliveryMode 1 AND the store hands such
    orders over at its counter (``[online_store] pickup_at_counter``, on by default).

Anything else is shipped with a courier chosen from the platform's express companies. The
store's own orders are the ones whose ``whcode`` is its warehouse code; that is decided by the
order pull, not here. A change of this rule is one edit of :func:`fulfilment_of`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sync.connector import FulfilmentKind
from sync.red import api


def may_go_without_courier(delivery_mode: int) -> bool:
    """One line's ``deliveryMode``: whether it may leave without a courier."""
    return delivery_mode == api.DELIVERY_MODE_NO_LOGISTICS


def fulfilment_of(delivery_modes: Iterable[int], *, pickup_at_counter: bool) -> FulfilmentKind:
    """The rule above, from the ``deliveryMode`` of each line of the order."""
    modes = list(delivery_modes)
    if pickup_at_counter and modes and all(may_go_without_courier(m) for m in modes):
        return FulfilmentKind.PICKUP
    return FulfilmentKind.SHIP
