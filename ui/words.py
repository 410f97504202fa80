"""Codes stored in the database (tender kinds, roles, permissions, reasons) said in the
person's language. What is stored stays a code; only the screen translates it."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Words"

TENDER_KINDS = {
    "cash": QT_TRANSLATE_NOOP("Words", "Cash"),
    "card": QT_TRANSLATE_NOOP("Words", "Bank card"),
    "wechat": QT_TRANSLATE_NOOP("Words", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Words", "Alipay"),
    "points": QT_TRANSLATE_NOOP("Words", "Points"),
    "ext_wechat": QT_TRANSLATE_NOOP("Words", "WeChat Pay (terminal)"),
    "ext_alipay": QT_TRANSLATE_NOOP("Words", "Alipay (terminal)"),
}

ROLES = {
    "clerk": QT_TRANSLATE_NOOP("Words", "Cashier"),
    "supervisor": QT_TRANSLATE_NOOP("Words", "Supervisor"),
    "manager": QT_TRANSLATE_NOOP("Words", "Store manager"),
}

PERMISSIONS = {
    "sell": QT_TRANSLATE_NOOP("Words", "selling"),
    "open_shift": QT_TRANSLATE_NOOP("Words", "opening a shift"),
    "discount_above_limit": QT_TRANSLATE_NOOP("Words", "a discount above the limit"),
    "price_override": QT_TRANSLATE_NOOP("Words", "a price change"),
    "refund": QT_TRANSLATE_NOOP("Words", "a refund"),
    "void": QT_TRANSLATE_NOOP("Words", "voiding a sale"),
    "open_drawer": QT_TRANSLATE_NOOP("Words", "opening the drawer"),
    "cash_in_out": QT_TRANSLATE_NOOP("Words", "cash in or out"),
    "close_shift": QT_TRANSLATE_NOOP("Words", "closing the shift"),
    "reconcile": QT_TRANSLATE_NOOP("Words", "reconciliation"),
    "post_count": QT_TRANSLATE_NOOP("Words", "posting a stock count"),
    "receive_stock": QT_TRANSLATE_NOOP("Words", "receiving stock"),
    "settings": QT_TRANSLATE_NOOP("Words", "settings"),
    "manage_staff": QT_TRANSLATE_NOOP("Words", "managing staff"),
    "manage_promotions": QT_TRANSLATE_NOOP("Words", "managing promotions"),
    "count_stock": QT_TRANSLATE_NOOP("Words", "counting stock"),
    "adjust_stock": QT_TRANSLATE_NOOP("Words", "adjusting stock"),
    "edit_catalog": QT_TRANSLATE_NOOP("Words", "editing the catalog"),
    "sell_expired": QT_TRANSLATE_NOOP("Words", "selling expired goods"),
}

# Why a sale was voided or cash moved: stored as the code, shown in words.
VOID_REASONS = {
    "customer_cancelled": QT_TRANSLATE_NOOP("Words", "Customer cancelled"),
    "wrong_entry": QT_TRANSLATE_NOOP("Words", "Rung up wrongly"),
    "paid_twice": QT_TRANSLATE_NOOP("Words", "Paid twice"),
    "other": QT_TRANSLATE_NOOP("Words", "Other"),
}
CASH_IN_REASONS = {
    "change_float": QT_TRANSLATE_NOOP("Words", "Change for the drawer"),
    "from_safe": QT_TRANSLATE_NOOP("Words", "From the safe"),
    "other": QT_TRANSLATE_NOOP("Words", "Other"),
}
CASH_OUT_REASONS = {
    "to_safe": QT_TRANSLATE_NOOP("Words", "To the safe"),
    "bank_deposit": QT_TRANSLATE_NOOP("Words", "Bank deposit"),
    "supplier": QT_TRANSLATE_NOOP("Words", "Paid a supplier"),
    "other": QT_TRANSLATE_NOOP("Words", "Other"),
}
OTHER_REASONS = {
    "no sale": QT_TRANSLATE_NOOP("Words", "Drawer opened without a sale"),
    "void": QT_TRANSLATE_NOOP("Words", "Sale voided"),
}


def _say(table: Mapping[str, object], code: str) -> str:
    # The tables hold QT_TRANSLATE_NOOP's results: the English text, though typed ``object``.
    source = table.get(code)
    return QCoreApplication.translate(CONTEXT, str(source)) if source else code


def tender_kind(code: str) -> str:
    return _say(TENDER_KINDS, code)


def role(code: str) -> str:
    return _say(ROLES, code)


def permission(code: str) -> str:
    return _say(PERMISSIONS, code)


def reason(code: str) -> str:
    """A stored reason code in words; a reason typed by a person is shown as typed."""
    for table in (VOID_REASONS, CASH_IN_REASONS, CASH_OUT_REASONS, OTHER_REASONS):
        if code in table:
            return _say(table, code)
    return code
