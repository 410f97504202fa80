"""Reconciliation: the store's catalog and stock beside the online store's, difference by
difference.

Pure comparison of plain figures. The online store's stock total leaves out the units of paid
orders (it takes them off when the order is paid; unpaid orders' units stay in it as
"occupied"), so the store pushes its on-hand less the units of its paid online orders still
on the shelf, and stock is compared the same way: that figure against the online total of
the store's warehouse. Units held back on each side (the store's reservations for online
orders not yet picked, the online store's units occupied by unpaid orders) are carried on the
line so a manager sees what is free to sell on both sides; a stock change still waiting in the
outbox is not drift (the next push sets the online figure) and is left out.

Barcodes: every barcode the online store lists for a SKU must be known here; barcodes the store
added itself (its own shelf labels) are not a difference.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from redhome_pos.domain.errors import DomainError


class ReconciliationError(DomainError):
    """A reconciliation run or decision cannot be done as asked."""


class DifferenceKind(enum.StrEnum):
    STOCK_DRIFT = "stock_drift"
    PRICE_MISMATCH = "price_mismatch"
    BARCODE_MISMATCH = "barcode_mismatch"
    MISSING_HERE = "missing_here"  # listed online, unknown in the store
    MISSING_ONLINE = "missing_online"  # active in the store, not listed online
    INACTIVE_BUT_STOCKED = "inactive_but_stocked"  # not for sale on one side, yet on hand


class Resolution(enum.StrEnum):
    PUSH_STORE_STOCK = "push_store_stock"
    ACCEPT_ONLINE_STOCK = "accept_online_stock"
    RECOUNT = "recount"
    TAKE_ONLINE_PRICE = "take_online_price"
    FLAG_HEAD_OFFICE = "flag_head_office"


# Which decisions make sense for which difference.
ALLOWED: dict[DifferenceKind, frozenset[Resolution]] = {
    DifferenceKind.STOCK_DRIFT: frozenset(
        {
            Resolution.PUSH_STORE_STOCK,
            Resolution.ACCEPT_ONLINE_STOCK,
            Resolution.RECOUNT,
            Resolution.FLAG_HEAD_OFFICE,
        }
    ),
    DifferenceKind.PRICE_MISMATCH: frozenset(
        {Resolution.TAKE_ONLINE_PRICE, Resolution.FLAG_HEAD_OFFICE}
    ),
    DifferenceKind.BARCODE_MISMATCH: frozenset({Resolution.FLAG_HEAD_OFFICE}),
    DifferenceKind.MISSING_HERE: frozenset({Resolution.FLAG_HEAD_OFFICE}),
    DifferenceKind.MISSING_ONLINE: frozenset({Resolution.RECOUNT, Resolution.FLAG_HEAD_OFFICE}),
    DifferenceKind.INACTIVE_BUT_STOCKED: frozenset(
        {Resolution.RECOUNT, Resolution.FLAG_HEAD_OFFICE}
    ),
}


class StoreSkuFigures(NamedTuple):
    """A store SKU as the reconciliation sees it (a named tuple: a run builds 200,000)."""

    sku_id: int
    code: str
    title: str
    red_sku_id: str | None
    price_fen: int
    original_price_fen: int
    active: bool
    on_hand: int
    reserved: int = 0  # held for online orders not yet picked
    barcodes: frozenset[str] = frozenset()
    push_pending: bool = False  # a stock change not yet sent online
    expired: int = 0  # units on hand in lots past their date (never offered online)
    held_online: int = 0  # units of paid online orders still here (off the online total)

    @property
    def sellable(self) -> int:
        """What the online store's total should be: on hand, less expired units and units of
        paid online orders not yet handed over."""
        return self.on_hand - self.expired - self.held_online


class OnlineSkuFigures(NamedTuple):
    """An online SKU and its stock in the store's warehouse (None: stock not read)."""

    red_sku_id: str
    title: str
    price_fen: int
    original_price_fen: int
    buyable: bool
    barcodes: tuple[str, ...] = ()
    erp_code: str = ""
    total: int | None = None
    available: int | None = None
    occupied: int | None = None


@dataclass(frozen=True, slots=True)
class Difference:
    """One difference found; ``here``/``online`` are the figures compared (units or fen)."""

    kind: DifferenceKind
    sku_id: int | None
    red_sku_id: str
    sku_code: str
    title: str
    here: int | None
    online: int | None
    value_fen: int  # what is at stake, always >= 0
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Summary:
    skus_here: int
    skus_online: int
    count_by_kind: dict[str, int]
    value_by_kind_fen: dict[str, int]

    @property
    def differences(self) -> int:
        return sum(self.count_by_kind.values())

    @property
    def value_fen(self) -> int:
        return sum(self.value_by_kind_fen.values())


def _stock_differences(here: StoreSkuFigures, online: OnlineSkuFigures) -> list[Difference]:
    found: list[Difference] = []
    red = online.red_sku_id
    if online.total is not None and not here.push_pending and online.total != here.sellable:
        # Expired units are on the shelf but not for sale: they are counted apart.
        drift = here.sellable - online.total
        found.append(
            Difference(
                DifferenceKind.STOCK_DRIFT, here.sku_id, red, here.code, here.title,
                here.sellable, online.total, abs(drift) * here.price_fen,
                {
                    "reserved_here": here.reserved,
                    "held_for_paid_orders_here": here.held_online,
                    "occupied_online": online.occupied,
                    "free_here": here.sellable,
                    "available_online": online.available,
                    **({"expired_here": here.expired, "on_hand_here": here.on_hand}
                       if here.expired else {}),
                },
            )
        )  # fmt: skip
    if not (here.active and online.buyable) and here.on_hand > 0:
        found.append(
            Difference(
                DifferenceKind.INACTIVE_BUT_STOCKED, here.sku_id, red, here.code, here.title,
                here.on_hand, online.total, here.on_hand * here.price_fen,
                {"active_here": here.active, "buyable_online": online.buyable},
            )
        )  # fmt: skip
    return found


def compare_sku(here: StoreSkuFigures, online: OnlineSkuFigures) -> list[Difference]:
    """Every difference between one store SKU and the online SKU it is linked to."""
    found = _stock_differences(here, online)
    red = online.red_sku_id
    if (here.price_fen, here.original_price_fen) != (online.price_fen, online.original_price_fen):
        found.append(
            Difference(
                DifferenceKind.PRICE_MISMATCH, here.sku_id, red, here.code, here.title,
                here.price_fen, online.price_fen,
                abs(here.price_fen - online.price_fen) * max(here.on_hand, 0),
                {
                    "original_here_fen": here.original_price_fen,
                    "original_online_fen": online.original_price_fen,
                },
            )
        )  # fmt: skip
    unknown = sorted(code for code in online.barcodes if code and code not in here.barcodes)
    if unknown:
        found.append(
            Difference(
                DifferenceKind.BARCODE_MISMATCH, here.sku_id, red, here.code, here.title,
                None, None, 0,
                {"online_barcodes": list(online.barcodes), "store_barcodes": sorted(here.barcodes),
                 "unknown_here": unknown},
            )
        )  # fmt: skip
    return found


def _missing_here(online: OnlineSkuFigures) -> Difference:
    return Difference(
        DifferenceKind.MISSING_HERE, None, online.red_sku_id, online.erp_code, online.title,
        None, online.total, 0, {"price_online_fen": online.price_fen},
    )  # fmt: skip


def _missing_online(here: StoreSkuFigures) -> Difference:
    return Difference(
        DifferenceKind.MISSING_ONLINE, here.sku_id, here.red_sku_id or "", here.code, here.title,
        here.on_hand, None, max(here.on_hand, 0) * here.price_fen, {},
    )  # fmt: skip


def reconcile(
    store: Iterable[StoreSkuFigures],
    online: Iterable[OnlineSkuFigures],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[list[Difference], Summary]:
    """Compare the store's SKUs with the online store's; returns the differences (store SKUs
    in the order given, then online-only SKUs by online id) and their summary.

    Store SKUs are linked to online SKUs by the online SKU id. An inactive store SKU that is
    not listed online (and has nothing on hand) is retired, not a difference.
    """
    unlinked = {sku.red_sku_id: sku for sku in online}
    skus_online = len(unlinked)
    store_skus = store if isinstance(store, Sequence) else list(store)
    total = len(store_skus)
    differences: list[Difference] = []
    for done, here in enumerate(store_skus, start=1):
        match = unlinked.pop(here.red_sku_id, None) if here.red_sku_id else None
        if match is not None:
            # The common case, checked inline without building anything: nothing differs.
            if (
                (match.total is None or match.total == here.sellable or here.push_pending)
                and here.price_fen == match.price_fen
                and here.original_price_fen == match.original_price_fen
                and ((here.active and match.buyable) or here.on_hand <= 0)
                and here.barcodes.issuperset(match.barcodes)
            ):
                pass
            else:
                differences += compare_sku(here, match)
        elif here.active:
            differences.append(_missing_online(here))
        elif here.on_hand > 0:
            differences.append(
                Difference(
                    DifferenceKind.INACTIVE_BUT_STOCKED, here.sku_id, here.red_sku_id or "",
                    here.code, here.title, here.on_hand, None, here.on_hand * here.price_fen,
                    {"active_here": False, "listed_online": False},
                )
            )  # fmt: skip
        if progress is not None and done % 20_000 == 0:
            progress(done, total)
    for red in sorted(unlinked):
        differences.append(_missing_here(unlinked[red]))
    if progress is not None:
        progress(total, total)
    return differences, summarize(differences, skus_here=total, skus_online=skus_online)


def summarize(differences: Sequence[Difference], *, skus_here: int, skus_online: int) -> Summary:
    counts = {kind.value: 0 for kind in DifferenceKind}
    values = {kind.value: 0 for kind in DifferenceKind}
    for item in differences:
        counts[item.kind.value] += 1
        values[item.kind.value] += item.value_fen
    return Summary(skus_here, skus_online, counts, values)


SORT_KEYS: dict[str, Callable[[Difference], object]] = {
    "code": lambda d: (d.sku_code, d.kind.value),
    "kind": lambda d: (d.kind.value, d.sku_code),
    "value": lambda d: (-d.value_fen, d.sku_code),
    "title": lambda d: (d.title, d.sku_code),
}


def filter_and_sort(
    differences: Iterable[Difference],
    *,
    kinds: Iterable[DifferenceKind] | None = None,
    text: str = "",
    min_value_fen: int = 0,
    sort: str = "code",
) -> list[Difference]:
    """The differences of the given kinds whose code, online id or title contains ``text``,
    worth at least ``min_value_fen``, sorted by ``code``, ``kind``, ``value`` or ``title``."""
    if sort not in SORT_KEYS:
        raise ReconciliationError("Cannot sort differences by {sort}", sort=sort)
    wanted = set(kinds) if kinds is not None else set(DifferenceKind)
    needle = text.strip().lower()
    chosen = [
        d
        for d in differences
        if d.kind in wanted
        and d.value_fen >= min_value_fen
        and (
            not needle
            or needle in d.sku_code.lower()
            or needle in d.red_sku_id.lower()
            or needle in d.title.lower()
        )
    ]
    return sorted(chosen, key=SORT_KEYS[sort])  # type: ignore[arg-type]


def check_resolution(kind: DifferenceKind, resolution: Resolution) -> None:
    if resolution not in ALLOWED[kind]:
        raise ReconciliationError(
            "A {kind} cannot be resolved by {resolution}",
            kind=kind.value.replace("_", " "),
            resolution=resolution.value.replace("_", " "),
        )
