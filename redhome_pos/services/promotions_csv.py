"""Promotions as CSV files: one row per rule (header in English, columns in any order; only
``code`` and ``kind`` are required). A known code updates that rule.

===============  ==========================================================================
``code``         the rule's code (letters, digits, ``-``)
``kind``         threshold_off, threshold_percent, nth_item, buy_get, bundle, special_price
``name``         the words the receipt shows (empty: made from the rule, 满300减50 …)
``scope``        store, sku, product, brand or category (empty: store)
``scope_values`` what the scope names, separated by ``;``: SKU codes, product ids, brands …
``first_day``    ``last_day``: YYYY-MM-DD (empty: open)
``start``        ``end``: daily hours HH:MM in the store's time (empty: all day)
``weekdays``     1 (Monday) to 7, separated by ``;`` (empty: every day)
``member_only``  yes/no
``priority``     lower first (empty: 100)
``stacking``     stack, exclusive_items or exclusive_sale (empty: stack)
``group``        rules of one group exclude each other
``stores``       store codes separated by ``;`` (empty: every store)
``threshold``    yuan spent (满300 → 300); ``off``: yuan off; ``repeat``: yes/no
``min_qty``      items needed (满2件); ``pay_percent``: percent paid (9折 → 90, 半价 → 50)
``nth``          第N件; ``buy``/``get``: 买X赠Y; ``gift_sku``: the gift's SKU code
``bundle``       ``SKU-A*1;SKU-B*2``; ``price``: bundle or special price in yuan
``ended``        yes: the rule is over
===============  ==========================================================================

Files may be UTF-8 (with or without BOM) or GBK. A file imports whole or not at all: every bad
cell is reported with its line and column.
"""

from __future__ import annotations

import csv
from datetime import date, time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.errors import DomainError
from redhome_pos.domain.money import fen_to_yuan_text, parse_fen
from redhome_pos.domain.promotions.rules import (
    Promotion,
    PromotionKind,
    Schedule,
    Scope,
    ScopeKind,
    Stacking,
)
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.catalog import SkuRow
from redhome_pos.persistence.repositories.promotions import PromotionRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.csv_files import (
    BadCell,
    CsvRow,
    CsvRowError,
    cell_text,
    read_rows,
    refused,
    row_error,
    safe_cells,
)
from redhome_pos.services.sessions import acting

COLUMNS = (
    "code", "kind", "name", "scope", "scope_values", "first_day", "last_day", "start", "end",
    "weekdays", "member_only", "priority", "stacking", "group", "stores", "threshold", "off",
    "repeat", "min_qty", "pay_percent", "nth", "buy", "get", "gift_sku", "bundle", "price",
    "ended",
)  # fmt: skip
_Choice = TypeVar("_Choice", PromotionKind, ScopeKind, Stacking)
_YES = {"yes", "y", "1", "true", "是"}
_NO = {"no", "n", "0", "false", "否", ""}


class _Reader:
    """Reads one row's cells into a rule, naming the column of anything wrong."""

    def __init__(self, row: CsvRow, sku_ids: dict[str, int]) -> None:
        self.row = row
        self.sku_ids = sku_ids

    def text(self, column: str) -> str:
        return cell_text(self.row, column)

    def whole(self, column: str, default: int = 0) -> int:
        value = self.text(column)
        if not value:
            return default
        if not value.lstrip("-").isdigit():
            raise BadCell(column, "not a whole number", value)
        return int(value)

    def yes(self, column: str, default: bool = False) -> bool:
        value = self.text(column).lower()
        if not value:
            return default
        if value in _YES:
            return True
        if value in _NO:
            return False
        raise BadCell(column, "write yes or no", value)

    def fen(self, column: str) -> int:
        value = self.text(column)
        if not value:
            return 0
        try:
            return parse_fen(value)
        except DomainError as error:
            raise BadCell.of(column, error, value) from None

    def day(self, column: str) -> date | None:
        value = self.text(column)
        try:
            return date.fromisoformat(value) if value else None
        except ValueError:
            raise BadCell(column, "not a date (YYYY-MM-DD)", value) from None

    def hour(self, column: str) -> time | None:
        value = self.text(column)
        try:
            return time.fromisoformat(value) if value else None
        except ValueError:
            raise BadCell(column, "not a time (HH:MM)", value) from None

    def percent_bp(self, column: str) -> int:
        value = self.text(column).rstrip("%")
        if not value:
            return 10_000
        try:
            basis = Decimal(value) * 100
        except InvalidOperation:
            raise BadCell(column, "not a percentage", value) from None
        if basis != basis.to_integral_value():
            raise BadCell(column, "at most two decimals", value)
        return int(basis)

    def sku(self, column: str, code: str) -> int:
        sku_id = self.sku_ids.get(code)
        if sku_id is None:
            raise BadCell(column, "no SKU with this code", code)
        return sku_id

    def listed(self, column: str) -> list[str]:
        return [v.strip() for v in self.text(column).split(";") if v.strip()]

    def enum(self, column: str, kind: type[_Choice], default: str) -> _Choice:
        value = self.text(column).lower() or default
        try:
            return kind(value)
        except ValueError:
            names = ", ".join(k.value for k in kind if k.value != "member_price")
            raise BadCell(column, "one of {names}", value, names=names) from None

    def promotion(self) -> Promotion:
        code = self.text("code")
        if not code:
            raise BadCell("code", "a rule needs a code")
        kind = self.enum("kind", PromotionKind, "")
        if kind is PromotionKind.MEMBER_PRICE:
            raise BadCell("kind", "member prices are set per SKU, not as a rule", kind.value)
        scope_kind = self.enum("scope", ScopeKind, "store")
        values = self.listed("scope_values")
        if scope_kind is ScopeKind.SKU:
            values = [str(self.sku("scope_values", v)) for v in values]
        bundle = []
        for item in self.listed("bundle"):
            sku_code, _, qty = item.partition("*")
            if qty and not qty.strip().isdigit():
                raise BadCell("bundle", "write SKU*quantity", item)
            bundle.append((self.sku("bundle", sku_code.strip()), int(qty or 1)))
        gift = self.text("gift_sku")
        weekdays = []
        for day in self.listed("weekdays"):
            if not day.isdigit():
                raise BadCell("weekdays", "days are 1 (Monday) to 7", day)
            weekdays.append(int(day))
        try:
            return Promotion(
                code=code,
                kind=kind,
                name=self.text("name"),
                scope=Scope(scope_kind, frozenset(values)),
                schedule=Schedule(
                    self.day("first_day"),
                    self.day("last_day"),
                    self.hour("start"),
                    self.hour("end"),
                    frozenset(weekdays),
                ),
                member_only=self.yes("member_only"),
                priority=self.whole("priority", 100),
                stacking=self.enum("stacking", Stacking, "stack"),
                group=self.text("group"),
                stores=frozenset(self.listed("stores")),
                threshold_fen=self.fen("threshold"),
                off_fen=self.fen("off"),
                repeat=self.yes("repeat", True),
                min_qty=self.whole("min_qty"),
                pay_bp=self.percent_bp("pay_percent"),
                nth=self.whole("nth"),
                buy_qty=self.whole("buy"),
                get_qty=self.whole("get"),
                gift_sku_id=self.sku("gift_sku", gift) if gift else None,
                bundle=tuple(bundle),
                price_fen=self.fen("price") if self.text("price") else None,
                ended=self.yes("ended"),
            )
        except DomainError as error:
            raise BadCell.of("", error) from None


def _sku_ids(session: Session, codes: set[str]) -> dict[str, int]:
    if not codes:
        return {}
    rows = session.query(SkuRow.code, SkuRow.id).filter(SkuRow.code.in_(codes))
    return {code: int(sku_id) for code, sku_id in rows}


def _codes_in(rows: list[CsvRow]) -> set[str]:
    codes: set[str] = set()
    for row in rows:
        if cell_text(row, "scope").lower() == "sku":
            codes.update(v.strip() for v in cell_text(row, "scope_values").split(";"))
        codes.update(i.partition("*")[0].strip() for i in cell_text(row, "bundle").split(";"))
        codes.add(cell_text(row, "gift_sku"))
    return {c for c in codes if c}


@acting(Permission.MANAGE_PROMOTIONS)
def import_promotions(database: Database, till: Till, staff: StaffSession, path: Path) -> int:
    """Create or update the rules of a CSV file, all or none; returns the rows imported."""
    _, rows = read_rows(path, COLUMNS, ("code", "kind"))
    with database.unit_of_work() as uow:
        sku_ids = _sku_ids(uow.session, _codes_in(rows))
        rules: list[Promotion] = []
        errors: list[CsvRowError] = []
        seen: set[str] = set()
        for row in rows:
            try:
                if row.problem:
                    raise row.problem
                rule = _Reader(row, sku_ids).promotion()
                if rule.code in seen:
                    raise BadCell("code", "the same code twice in the file", rule.code)
                seen.add(rule.code)
                rules.append(rule)
            except BadCell as bad:
                errors.append(row_error(row, bad))
        if errors:
            raise refused(path, errors)
        repository = PromotionRepository(uow.session)
        for rule in rules:
            repository.save(rule, staff.id, till.now())
        audit.record(
            uow.session,
            till,
            AuditAction.PROMOTION_CHANGE,
            staff.id,
            change="imported",
            file=path.name,
            codes=sorted(seen),
        )
        uow.commit()
    return len(rules)


def _yuan(fen: int | None) -> str:
    return fen_to_yuan_text(fen) if fen else ""


def export_promotions(database: Database, path: Path) -> int:
    """Every rule (ended ones too) as a CSV file the import reads back; returns the rows."""
    with database.reading() as session:
        rules = PromotionRepository(session).all()
        ids = {
            int(sku_id): code
            for sku_id, code in session.query(SkuRow.id, SkuRow.code).filter(
                SkuRow.id.in_(_sku_ids_of(rules))
            )
        }
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        for rule in rules:
            values = sorted(rule.scope.values)
            if rule.scope.kind is ScopeKind.SKU:
                values = sorted(ids.get(int(v), v) for v in values)
            schedule = rule.schedule
            cells = [
                rule.code, rule.kind.value, rule.name, rule.scope.kind.value, ";".join(values),
                schedule.first_day.isoformat() if schedule.first_day else "",
                schedule.last_day.isoformat() if schedule.last_day else "",
                schedule.start.strftime("%H:%M") if schedule.start else "",
                schedule.end.strftime("%H:%M") if schedule.end else "",
                ";".join(str(d) for d in sorted(schedule.weekdays)),
                "yes" if rule.member_only else "no", str(rule.priority), rule.stacking.value,
                rule.group, ";".join(sorted(rule.stores)), _yuan(rule.threshold_fen),
                _yuan(rule.off_fen), "yes" if rule.repeat else "no",
                str(rule.min_qty or ""), f"{Decimal(rule.pay_bp) / 100:g}",
                str(rule.nth or ""), str(rule.buy_qty or ""), str(rule.get_qty or ""),
                ids.get(rule.gift_sku_id, "") if rule.gift_sku_id else "",
                ";".join(f"{ids.get(sku, sku)}*{qty}" for sku, qty in rule.bundle),
                fen_to_yuan_text(rule.price_fen) if rule.price_fen is not None else "",
                "yes" if rule.ended else "no",
            ]  # fmt: skip
            writer.writerow(safe_cells([str(c) for c in cells]))
    return len(rules)


def _sku_ids_of(rules: list[Promotion]) -> set[int]:
    found: set[int] = set()
    for rule in rules:
        if rule.scope.kind is ScopeKind.SKU:
            found.update(int(v) for v in rule.scope.values if v.isdigit())
        found.update(sku for sku, _ in rule.bundle)
        if rule.gift_sku_id is not None:
            found.add(rule.gift_sku_id)
    return found
