"""Manager reports checked against known sales: business days and hours in the store's time
zone (a sale at 00:30 local belongs to the new day), staff, tenders with refunds, top SKUs,
returns, discounts, notes, stock value, slow movers and the CSV export."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from counter_store import Store, make_store
from wallet_double import instant_payments, wallet_checkout

from redhome_pos.domain.cart import Cart, Discount
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.staff import Staff
from redhome_pos.domain.tender import Tender, TenderKind
from redhome_pos.persistence.database import Database
from redhome_pos.services import checkout, returns, shifts
from redhome_pos.services.reports import (
    REPORTS,
    ReportError,
    ReportPeriod,
    make_report,
    text_lines,
    write_csv,
)

DAY1, DAY2 = date(2026, 11, 25), date(2026, 11, 26)


def _sell(
    store: Store,
    staff: Staff,
    at: datetime,
    codes: list[str],
    *,
    tender: TenderKind = TenderKind.CASH,
    discount_fen: int = 0,
    note: str | None = None,
) -> str:
    store.clock.now = at
    cart = Cart()
    for code in codes:
        cart.add(store.items[code], note_id=note)
    if discount_fen:
        cart.discount_order(Discount(amount_fen=discount_fen))
    total = cart.totals().total_fen
    if tender is TenderKind.CASH:
        return checkout.checkout(
            store.database, store.till, staff, cart, [Tender.cash(total)]
        ).receipt_no
    payments = instant_payments(store.database, store.till)
    return wallet_checkout(payments, staff, cart, tender, total).receipt_no


@pytest.fixture
def store(database: Database) -> Store:
    """Four sales over two business days (Shanghai time) and one return."""
    store = make_store(database)
    shifts.open_shift(database, store.till, store.clerk, 10_000)
    first = _sell(store, store.clerk, datetime(2026, 11, 25, 3, 0, tzinfo=UTC), ["LIP-520"] * 2)
    _sell(
        store, store.supervisor, datetime(2026, 11, 25, 7, 0, tzinfo=UTC), ["BOOK-01"],
        tender=TenderKind.WECHAT, note="note-1",
    )  # fmt: skip
    # 23:30 and 00:30 in Shanghai: the second is the next business day.
    _sell(
        store, store.clerk, datetime(2026, 11, 25, 15, 30, tzinfo=UTC), ["MASK-10"],
        discount_fen=900,
    )  # fmt: skip
    _sell(store, store.clerk, datetime(2026, 11, 25, 16, 30, tzinfo=UTC), ["BAG-RED"])
    store.clock.now = datetime(2026, 11, 26, 2, 30, tzinfo=UTC)
    returns.return_items(
        database,
        store.till,
        store.supervisor,
        store.till.receipt_code(first),
        [ReturnRequest(1, 1)],
        reason="colour",
    )
    return store


def report(
    store: Store, name: str, first: date = DAY1, last: date = DAY2
) -> list[tuple[object, ...]]:
    return make_report(store.database, name, ReportPeriod(first, last, "Asia/Shanghai")).rows


def test_sales_by_day_hour_category_brand_staff(store: Store) -> None:
    assert report(store, "sales_by_day") == [
        ("2026-11-25", 3, 900, 51_800 + 4_500 + 9_000),
        ("2026-11-26", 1, 0, 12_800),
    ]
    assert report(store, "sales_by_day", DAY2, DAY2) == [("2026-11-26", 1, 0, 12_800)]
    assert report(store, "sales_by_hour") == [
        ("00:00", 1, 12_800),
        ("11:00", 1, 51_800),
        ("15:00", 1, 4_500),
        ("23:00", 1, 9_000),
    ]
    assert report(store, "sales_by_category") == [("test", 4, 5, 900, 78_100)]
    assert report(store, "sales_by_brand") == [("RED", 4, 5, 900, 78_100)]
    assert report(store, "sales_by_staff") == [
        ("1001", store.clerk.name, 3, 900, 73_600),
        ("2001", store.supervisor.name, 1, 0, 4_500),
    ]


def test_tenders_returns_discounts_and_top_skus(store: Store) -> None:
    assert report(store, "sales_by_tender") == [
        ("cash", 3, 73_600, -25_900, 47_700),
        ("wechat", 1, 4_500, 0, 4_500),
    ]
    [(_, receipt, when, staff, units, refund, reason)] = report(store, "returns")
    assert (receipt, when, staff, units, refund, reason) == (
        "RH01-T1-20261125-0001", "2026-11-26 10:30", "2001", 1, 25_900, "colour",
    )  # fmt: skip
    assert report(store, "returns", DAY1, DAY1) == []
    assert report(store, "discounts") == [("1001", 1, 900)]
    assert [(row[0], row[4], row[6]) for row in report(store, "top_skus")] == [
        ("LIP-520", 2, 51_800),
        ("BAG-RED", 1, 12_800),
        ("MASK-10", 1, 9_000),
        ("BOOK-01", 1, 4_500),
    ]
    assert report(store, "notes") == [("2026-11-25", "note-1", 1, 1, 4_500, 0, 0, 4_500)]


def test_stock_value_and_slow_movers(store: Store) -> None:
    value = 19 * 25_900 + 29 * 9_900 + 9 * 4_500 + 4 * 12_800
    assert report(store, "stock_value") == [("test", 4, 61, value)]
    slow = report(store, "slow_movers", DAY2, DAY2)
    assert [(row[0], row[3], row[4]) for row in slow] == [
        ("LIP-520", 19, 19 * 25_900),
        ("MASK-10", 29, 29 * 9_900),
        ("BOOK-01", 9, 9 * 4_500),
    ]


def test_csv_export_and_text(store: Store, tmp_path: Path) -> None:
    made = make_report(store.database, "top_skus", ReportPeriod(DAY1, DAY2))
    path = tmp_path / "top.csv"
    write_csv(made, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows[0] == ["sku", "title", "variant", "sales", "units", "discount_fen", "revenue_fen"]
    assert rows[1] == ["LIP-520", "口红 #520", "", "1", "2", "0.00", "518.00"]
    assert "￥518.00" in "\n".join(text_lines(made))
    for name in REPORTS:  # every report runs on an empty period
        assert make_report(store.database, name, ReportPeriod(date(2020, 1, 1), date(2020, 1, 2)))
    with pytest.raises(ReportError):
        make_report(store.database, "nonsense", ReportPeriod(DAY1, DAY2))
    with pytest.raises(ReportError):
        make_report(store.database, "sales_by_day", ReportPeriod(DAY2, DAY1))
