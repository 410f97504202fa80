"""Manager reports: sales by day, hour, category, brand, staff and tender; top SKUs; returns
and discounts; note-attributed sales; stock value; slow movers. CSV export.

Days are the store's business days in its time zone (a sale's ``business_date``; returns and
hours are placed by their time read in the store's time zone). Voided sales and voided lines
are left out. Every figure of money is int fen. A report is a plain table, so the command line,
the back office and the CSV export show the same thing.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from redhome_pos.domain.catalog import variant_text
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import format_fen
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import ProductRow, SkuRow
from redhome_pos.persistence.models.counter import (
    ReturnLineRow,
    ReturnRow,
    SaleLineRow,
    SaleRow,
    SaleVoidRow,
    TenderRow,
)
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.models.stock import StockLevelRow
from redhome_pos.persistence.models.sync import OnlineOrderRow
from redhome_pos.persistence.repositories.lots import LotRepository
from redhome_pos.persistence.repositories.notes import NotesRepository
from redhome_pos.services import promotion_reports


class ReportError(DomainError):
    """A report cannot be made as asked."""


@dataclass(frozen=True, slots=True)
class ReportPeriod:
    first_day: date
    last_day: date
    timezone: str = "Asia/Shanghai"

    def utc_bounds(self) -> tuple[datetime, datetime]:
        """[start, end) in UTC of the store's days first_day..last_day."""
        zone = ZoneInfo(self.timezone)
        start = datetime.combine(self.first_day, time(0), zone).astimezone(UTC)
        end = datetime.combine(self.last_day + timedelta(days=1), time(0), zone).astimezone(UTC)
        return start, end


@dataclass(frozen=True, slots=True)
class Report:
    """A table: ``columns`` names; columns whose name ends in ``_fen`` hold money."""

    name: str
    period: ReportPeriod
    columns: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def column(self, name: str) -> list[Any]:
        at = self.columns.index(name)
        return [row[at] for row in self.rows]


def _counted_sales(period: ReportPeriod) -> tuple[Any, ...]:
    voided = select(SaleVoidRow.sale_id).where(SaleVoidRow.sale_id == SaleRow.id).exists()
    return (
        ~voided,
        SaleRow.business_date >= period.first_day,
        SaleRow.business_date <= period.last_day,
    )


def _line_figures(session: Session, period: ReportPeriod, key: Any, *extra: Any) -> list[Any]:
    query: Select[Any] = (
        select(
            key,
            *extra,
            func.count(func.distinct(SaleLineRow.sale_id)),
            func.sum(SaleLineRow.quantity),
            func.sum(SaleLineRow.discount_fen),
            func.sum(SaleLineRow.amount_fen),
        )
        .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
        .join(SkuRow, SkuRow.id == SaleLineRow.sku_id)
        .join(ProductRow, ProductRow.id == SkuRow.product_id)
        .where(SaleLineRow.voided.is_(False), *_counted_sales(period))
        .group_by(key, *extra)
    )
    return list(session.execute(query).all())


SALES_COLUMNS = ("sales", "units", "discount_fen", "revenue_fen")


def _by_line_key(name: str, key: Any) -> Callable[[Session, ReportPeriod], Report]:
    def build(session: Session, period: ReportPeriod) -> Report:
        rows = [
            (str(k or ""), int(s), int(u or 0), int(d or 0), int(r or 0))
            for k, s, u, d, r in _line_figures(session, period, key)
        ]
        rows.sort(key=lambda row: (-row[4], row[0]))
        return Report(name, period, (name.removeprefix("sales_by_"), *SALES_COLUMNS), rows)

    return build


def sales_by_day(session: Session, period: ReportPeriod) -> Report:
    rows = session.execute(
        select(
            SaleRow.business_date,
            func.count(SaleRow.id),
            func.sum(SaleRow.discount_fen),
            func.sum(SaleRow.total_fen),
        )
        .where(*_counted_sales(period))
        .group_by(SaleRow.business_date)
        .order_by(SaleRow.business_date)
    ).all()
    return Report(
        "sales_by_day",
        period,
        ("day", "sales", "discount_fen", "revenue_fen"),
        [(d.isoformat(), int(n), int(disc or 0), int(t or 0)) for d, n, disc, t in rows],
    )


def sales_by_hour(session: Session, period: ReportPeriod) -> Report:
    zone = ZoneInfo(period.timezone)
    hours: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for created_at, total in session.execute(
        select(SaleRow.created_at, SaleRow.total_fen).where(*_counted_sales(period))
    ):
        figures = hours[created_at.astimezone(zone).hour]
        figures[0] += 1
        figures[1] += int(total)
    rows = [(f"{h:02d}:00", n, t) for h, (n, t) in sorted(hours.items())]
    return Report("sales_by_hour", period, ("hour", "sales", "revenue_fen"), rows)


def sales_by_staff(session: Session, period: ReportPeriod) -> Report:
    rows = session.execute(
        select(
            StaffRow.code,
            StaffRow.name,
            func.count(SaleRow.id),
            func.sum(SaleRow.discount_fen),
            func.sum(SaleRow.total_fen),
        )
        .join(StaffRow, StaffRow.id == SaleRow.staff_id)
        .where(*_counted_sales(period))
        .group_by(StaffRow.code, StaffRow.name)
    ).all()
    table = [(c, n, int(s), int(d or 0), int(t or 0)) for c, n, s, d, t in rows]
    table.sort(key=lambda row: (-row[4], row[0]))
    return Report(
        "sales_by_staff",
        period,
        ("staff", "name", "sales", "discount_fen", "revenue_fen"),
        table,
    )


def sales_by_tender(session: Session, period: ReportPeriod) -> Report:
    taken = dict(
        (kind, (int(n), int(a or 0)))
        for kind, n, a in session.execute(
            select(TenderRow.kind, func.count(), func.sum(TenderRow.amount_fen))
            .join(SaleRow, SaleRow.id == TenderRow.sale_id)
            .where(*_counted_sales(period))
            .group_by(TenderRow.kind)
        )
    )
    start, end = period.utc_bounds()
    refunded = dict(
        (kind, int(a or 0))
        for kind, a in session.execute(
            select(TenderRow.kind, func.sum(TenderRow.amount_fen))
            .join(ReturnRow, ReturnRow.id == TenderRow.return_id)
            .where(ReturnRow.created_at >= start, ReturnRow.created_at < end)
            .group_by(TenderRow.kind)
        )
    )
    rows = []
    for kind in sorted(set(taken) | set(refunded)):
        count, amount = taken.get(kind, (0, 0))
        refund = -abs(refunded.get(kind, 0))
        rows.append((kind, count, amount, refund, amount + refund))
    return Report(
        "sales_by_tender",
        period,
        ("tender", "payments", "taken_fen", "refunded_fen", "net_fen"),
        rows,
    )


def _variants(session: Session, codes: list[str]) -> dict[str, str]:
    """Each SKU code's variant as the shelf says it (色号：#520), for the lists of SKUs."""
    found: dict[str, str] = {}
    for start in range(0, len(codes), 500):
        for code, variant in session.execute(
            select(SkuRow.code, SkuRow.variant).where(SkuRow.code.in_(codes[start : start + 500]))
        ):
            found[code] = variant_text(dict(variant or {}))
    return found


def top_skus(session: Session, period: ReportPeriod, limit: int = 20) -> Report:
    figures = [
        (str(code), str(title), int(s), int(u or 0), int(d or 0), int(r or 0))
        for code, title, s, u, d, r in _line_figures(
            session, period, SaleLineRow.sku_code, SaleLineRow.title
        )
    ]
    figures.sort(key=lambda row: (-row[5], -row[3], row[0]))
    figures = figures[:limit]
    variants = _variants(session, [row[0] for row in figures])
    rows = [(code, title, variants.get(code, ""), *rest) for code, title, *rest in figures]
    return Report("top_skus", period, ("sku", "title", "variant", *SALES_COLUMNS), rows)


def returns(session: Session, period: ReportPeriod) -> Report:
    start, end = period.utc_bounds()
    zone = ZoneInfo(period.timezone)
    units = dict(
        session.execute(
            select(ReturnLineRow.return_id, func.sum(ReturnLineRow.quantity)).group_by(
                ReturnLineRow.return_id
            )
        ).all()
    )
    rows = [
        (
            ret.return_no,
            receipt,
            ret.created_at.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            staff,
            int(units.get(ret.id, 0) or 0),
            ret.refund_fen,
            ret.reason,
        )
        for ret, receipt, staff in session.execute(
            select(ReturnRow, SaleRow.receipt_no, StaffRow.code)
            .join(SaleRow, SaleRow.id == ReturnRow.sale_id)
            .join(StaffRow, StaffRow.id == ReturnRow.staff_id)
            .where(ReturnRow.created_at >= start, ReturnRow.created_at < end)
            .order_by(ReturnRow.created_at)
        )
    ]
    return Report(
        "returns",
        period,
        ("return", "receipt", "time", "staff", "units", "refund_fen", "reason"),
        rows,
    )


def discounts(session: Session, period: ReportPeriod) -> Report:
    rows = session.execute(
        select(StaffRow.code, func.count(SaleRow.id), func.sum(SaleRow.discount_fen))
        .join(StaffRow, StaffRow.id == SaleRow.staff_id)
        .where(SaleRow.discount_fen > 0, *_counted_sales(period))
        .group_by(StaffRow.code)
        .order_by(StaffRow.code)
    ).all()
    return Report(
        "discounts",
        period,
        ("staff", "sales_discounted", "discount_fen"),
        [(c, int(n), int(d or 0)) for c, n, d in rows],
    )


def note_sales(session: Session, period: ReportPeriod) -> Report:
    rows = [
        (
            a.business_date.isoformat(),
            a.note_id,
            a.sales,
            a.units,
            a.revenue_fen,
            a.returned_units,
            a.refunded_fen,
            a.net_revenue_fen,
        )
        for a in NotesRepository(session).attribution(period.first_day, period.last_day)
    ]
    return Report(
        "notes",
        period,
        ("day", "note", "sales", "units", "revenue_fen", "returned_units", "refunded_fen",
         "net_revenue_fen"),
        rows,
    )  # fmt: skip


def stock_value(session: Session, period: ReportPeriod) -> Report:
    """Units on hand and their value at the selling price, per category (as of now)."""
    rows = session.execute(
        select(
            ProductRow.category,
            func.count(SkuRow.id),
            func.sum(StockLevelRow.on_hand),
            func.sum(StockLevelRow.on_hand * SkuRow.price_fen),
        )
        .join(ProductRow, ProductRow.id == SkuRow.product_id)
        .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
        .where(StockLevelRow.on_hand > 0)
        .group_by(ProductRow.category)
        .order_by(ProductRow.category)
    ).all()
    return Report(
        "stock_value",
        period,
        ("category", "skus", "units", "value_fen"),
        [(c, int(n), int(u or 0), int(v or 0)) for c, n, u, v in rows],
    )


def slow_movers(session: Session, period: ReportPeriod, limit: int = 100) -> Report:
    """Stocked SKUs that sold nothing in the period, the most value on the shelf first."""
    sold = (
        select(SaleLineRow.sku_id)
        .join(SaleRow, SaleRow.id == SaleLineRow.sale_id)
        .where(SaleLineRow.voided.is_(False), *_counted_sales(period))
        .distinct()
    )
    rows = session.execute(
        select(
            SkuRow.code,
            ProductRow.title_zh,
            SkuRow.variant,
            StockLevelRow.on_hand,
            SkuRow.price_fen,
        )
        .join(ProductRow, ProductRow.id == SkuRow.product_id)
        .join(StockLevelRow, StockLevelRow.sku_id == SkuRow.id)
        .where(StockLevelRow.on_hand > 0, SkuRow.id.not_in(sold))
        .order_by((StockLevelRow.on_hand * SkuRow.price_fen).desc(), SkuRow.code)
        .limit(limit)
    ).all()
    return Report(
        "slow_movers",
        period,
        ("sku", "title", "variant", "on_hand", "value_fen"),
        [(c, t, variant_text(dict(v or {})), int(q), int(q) * int(p)) for c, t, v, q, p in rows],
    )


def stock_by_expiry(session: Session, period: ReportPeriod) -> Report:
    """Lot-tracked stock on hand by the month its lots expire (as of now; "" for lots with no
    date): units and their value at the selling price."""
    rows = LotRepository(session).stock_by_expiry_month()
    return Report("stock_by_expiry", period, ("month", "units", "value_fen"), rows)


def expiring_lots(session: Session, period: ReportPeriod) -> Report:
    """Lots on hand that have expired or expire by the period's last day, the soonest first,
    with the value at stake."""
    rows = [
        (lot.sku_code, lot.title, lot.lot_code, lot.expiry.isoformat(), lot.on_hand, lot.value_fen)
        for lot in LotRepository(session).expiring(period.last_day)
    ]
    columns = ("sku", "title", "lot", "expiry", "on_hand", "value_fen")
    return Report("expiring_lots", period, columns, rows)


def promotions(session: Session, period: ReportPeriod) -> Report:
    """Sales by promotion: what each cost (its savings, less what returns kept back)."""
    rows = promotion_reports.promotions_rows(session, period.first_day, period.last_day)
    columns = ("promotion", "label", "sales", "units", "cost_fen", "revenue_fen")
    return Report("promotions", period, columns, rows)


def member_share(session: Session, period: ReportPeriod) -> Report:
    rows = promotion_reports.member_share_rows(session, period.first_day, period.last_day)
    return Report("members", period, ("customers", "sales", "revenue_fen", "share"), rows)


def points(session: Session, period: ReportPeriod) -> Report:
    """Points moved in the period, and the points members hold now (what the store owes)."""
    rows = promotion_reports.points_rows(session, *period.utc_bounds())
    return Report("points", period, ("points", "count", "value_fen"), rows)


def online_orders(session: Session, period: ReportPeriod) -> Report:
    """The store's online orders created in the period; the receiver as the platform masks it
    (the store keeps nothing else of it in clear)."""
    start, end = period.utc_bounds()
    found = session.execute(
        select(
            OnlineOrderRow.order_id,
            OnlineOrderRow.online_created_at,
            OnlineOrderRow.status,
            OnlineOrderRow.fulfilment,
            OnlineOrderRow.cancel_requested,
            OnlineOrderRow.receiver_name_masked,
            OnlineOrderRow.receiver_phone_masked,
            OnlineOrderRow.receiver_region,
            OnlineOrderRow.receiver_address_masked,
            OnlineOrderRow.paid_fen,
        )
        .where(
            OnlineOrderRow.ours.is_(True),
            OnlineOrderRow.online_created_at >= start,
            OnlineOrderRow.online_created_at < end,
        )
        .order_by(OnlineOrderRow.online_created_at)
    ).all()
    zone = ZoneInfo(period.timezone)
    rows = [
        (
            order_id,
            created.astimezone(zone).strftime("%Y-%m-%d %H:%M"),
            status,
            fulfilment,
            "yes" if cancel else "",
            " ".join(p for p in (name, phone, region, address) if p),
            paid,
        )
        for (
            order_id,
            created,
            status,
            fulfilment,
            cancel,
            name,
            phone,
            region,
            address,
            paid,
        ) in found
    ]
    columns = ("order", "created", "status", "fulfilment", "cancel_requested", "receiver",
               "paid_fen")  # fmt: skip
    return Report("online_orders", period, columns, rows)


REPORTS: dict[str, Callable[[Session, ReportPeriod], Report]] = {
    "sales_by_day": sales_by_day,
    "sales_by_hour": sales_by_hour,
    "sales_by_category": _by_line_key("sales_by_category", ProductRow.category),
    "sales_by_brand": _by_line_key("sales_by_brand", ProductRow.brand),
    "sales_by_staff": sales_by_staff,
    "sales_by_tender": sales_by_tender,
    "top_skus": top_skus,
    "returns": returns,
    "discounts": discounts,
    "notes": note_sales,
    "stock_value": stock_value,
    "slow_movers": slow_movers,
    "stock_by_expiry": stock_by_expiry,
    "expiring_lots": expiring_lots,
    "promotions": promotions,
    "members": member_share,
    "points": points,
    "online_orders": online_orders,
}


def make_report(database: Database, name: str, period: ReportPeriod) -> Report:
    """The report called ``name`` (one of ``REPORTS``) for the period."""
    build = REPORTS.get(name)
    if build is None:
        raise ReportError(
            "No report called {name}; reports: {names}", name=name, names=", ".join(REPORTS)
        )
    if period.last_day < period.first_day:
        raise ReportError("A report period ends on or after its first day")
    with database.reading() as session:
        return build(session, period)


def write_csv(report: Report, path: Path) -> None:
    """The report as CSV, UTF-8 with a BOM so spreadsheet programs show Chinese; money as
    yuan with two decimals."""
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(report.columns)
        for row in report.rows:
            writer.writerow(_csv_cells(report.columns, row))


def yuan(fen: int) -> str:
    """Fen as a plain decimal of yuan for spreadsheets: -1234 -> "-12.34"."""
    sign = "-" if fen < 0 else ""
    return f"{sign}{abs(fen) // 100}.{abs(fen) % 100:02d}"


def _csv_cells(columns: tuple[str, ...], row: tuple[Any, ...]) -> list[Any]:
    return [
        yuan(value) if name.endswith("_fen") and isinstance(value, int) else value
        for name, value in zip(columns, row, strict=True)
    ]


def text_lines(report: Report) -> list[str]:
    """The report as aligned plain-text lines (money formatted as ￥)."""
    cells = [list(report.columns)] + [
        [
            format_fen(v) if n.endswith("_fen") and isinstance(v, int) else str(v)
            for n, v in zip(report.columns, row, strict=True)
        ]
        for row in report.rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(report.columns))]
    title = f"{report.name}  {report.period.first_day} .. {report.period.last_day}"
    return [title] + [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in cells
    ]
