"""Promotions for managers and the counter: the book a counter prices with, and creating,
editing, copying and ending rules (manager only, each change audited), with a preview of what
a cart would get."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta

from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from redhome_pos.domain.audit import AuditAction
from redhome_pos.domain.cart import Cart, CartItem, PromotionContext
from redhome_pos.domain.catalog import SkuView
from redhome_pos.domain.promotions.engine import Pricing, PromotionBook
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
from redhome_pos.domain.staff import Permission, StaffSession
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.persistence.repositories.promotions import PromotionRepository
from redhome_pos.services import audit
from redhome_pos.services.counter import Till
from redhome_pos.services.sessions import acting

# Checkout prices every sale again with the rules as stored (``check_cart``). The book last
# read for a database and store is kept here with the stamp it was read at, so a checkout
# whose rules have not changed reads one number, not every rule.
_BOOKS: dict[tuple[URL, str, str], PromotionBook] = {}
# A cart is priced at the moment its sale began; checkout prices it at that moment again if
# it is this recent (else at the moment of checkout).
SALE_PRICED_WITHIN = timedelta(hours=2)


def _book_key(session: Session, till: Till) -> tuple[URL, str, str]:
    return (session.get_bind().engine.url, till.store_code, till.timezone)


def book_in(session: Session, till: Till) -> PromotionBook:
    """The rules not ended and the member prices as stored now (read inside ``session``),
    the book already read when the stamp says nothing changed since."""
    repository = PromotionRepository(session)
    stamp = repository.stamp()
    key = _book_key(session, till)
    book = _BOOKS.get(key)
    if book is not None and book.version == stamp:
        return book
    book = PromotionBook(
        repository.all(include_ended=False),
        member_prices=repository.member_prices(),
        store_code=till.store_code,
        timezone=till.timezone,
        version=stamp,
    )
    _BOOKS[key] = book
    return book


def load_book(database: Database, till: Till) -> PromotionBook:
    """The rules not ended and the member prices, for the counter to price carts with."""
    with database.reading() as session:
        return book_in(session, till)


def _savings(
    pricing: Pricing,
) -> tuple[tuple[int, tuple[int, ...], tuple[tuple[str, int], ...]], ...]:
    return tuple(
        (line.key, line.unit_amounts, tuple((s.code, s.amount_fen) for s in line.savings))
        for line in pricing.lines
    )


def check_cart(session: Session, till: Till, cart: Cart) -> None:
    """Inside a checkout's transaction: price ``cart`` again with the rules stored now, at
    the moment its sale began (if recent), for a member only if the sale has one; refuse the
    sale with ``PromotionsChangedError`` when its promotion savings differ from that."""
    book = book_in(session, till)
    now = till.now()
    at = cart.promotions.at if cart.promotions is not None else now
    if not now - SALE_PRICED_WITHIN <= at <= now:
        at = now
    context, member = cart.promotions, cart.member is not None
    if context is not None and (context.book, context.at, context.member) == (book, at, member):
        return  # priced by this very book, at this moment, for this customer: the same result
    if context is None and not book.promotions and not book.member_prices:
        return
    given = book.price(cart.pricing_lines(), at, member=member)
    if _savings(given) != _savings(cart.pricing()):
        raise PromotionsChangedError(
            "The promotions changed since this sale was priced: it is priced again with "
            "the promotions in force now; take the payment again"
        )


def list_promotions(database: Database, *, include_ended: bool = True) -> list[Promotion]:
    with database.reading() as session:
        return PromotionRepository(session).all(include_ended=include_ended)


@acting(Permission.MANAGE_PROMOTIONS)
def save_promotion(
    database: Database, till: Till, staff: StaffSession, rule: Promotion
) -> Promotion:
    """Create a rule, or change the one with its code."""
    with database.unit_of_work() as uow:
        promotion_id, new = PromotionRepository(uow.session).save(rule, staff.id, till.now())
        audit.record(
            uow.session,
            till,
            AuditAction.PROMOTION_CHANGE,
            staff.id,
            code=rule.code,
            change="created" if new else "edited",
            label=rule.label,
        )
        uow.commit()
    return replace(rule, id=promotion_id)


def copy_promotion(
    database: Database, till: Till, staff: StaffSession, code: str, new_code: str
) -> Promotion:
    """A new rule like ``code`` under ``new_code`` (not ended), to edit from there."""
    with database.reading() as session:
        repository = PromotionRepository(session)
        original = repository.by_code(code)
        taken = repository.by_code(new_code) is not None
    if original is None:
        raise PromotionError("No promotion with code {code}", code=code)
    if taken:
        raise PromotionError("A promotion with code {code} exists already", code=new_code)
    return save_promotion(
        database, till, staff, replace(original, code=new_code, id=None, ended=False)
    )


@acting(Permission.MANAGE_PROMOTIONS)
def end_promotion(database: Database, till: Till, staff: StaffSession, code: str) -> None:
    """Stop a rule now; it stays on record for the reports."""
    with database.unit_of_work() as uow:
        if not PromotionRepository(uow.session).end(code, till.now()):
            raise PromotionError("No promotion with code {code}", code=code)
        audit.record(
            uow.session, till, AuditAction.PROMOTION_CHANGE, staff.id, code=code, change="ended"
        )
        uow.commit()


@acting(Permission.MANAGE_PROMOTIONS)
def set_member_price(
    database: Database, till: Till, staff: StaffSession, sku_code: str, price_fen: int | None
) -> None:
    with database.unit_of_work() as uow:
        sku = CatalogRepository(uow.session).sku_by_code(sku_code)
        if sku is None or sku.id is None:
            raise PromotionError("No SKU with code {code}", code=sku_code)
        if price_fen is not None and price_fen < 0:
            raise PromotionError("Impossible special price")
        PromotionRepository(uow.session).set_member_price(sku.id, price_fen)
        audit.record(
            uow.session,
            till,
            AuditAction.PROMOTION_CHANGE,
            staff.id,
            sku=sku_code,
            member_price_fen=price_fen,
        )
        uow.commit()


def cart_item(view: SkuView, *, english: bool = False) -> CartItem:
    """What a scanned SKU puts in the cart, with what promotions are scoped by."""
    return CartItem(
        sku_id=view.sku_id,
        sku_code=view.code,
        title=view.title_en if english and view.title_en else view.title_zh,
        price_fen=view.price_fen,
        vat_rate_bp=view.vat_rate_bp,
        variant=view.variant_text,
        product_id=view.product_id,
        brand=view.brand,
        category=view.category,
    )


@dataclass(frozen=True, slots=True)
class Preview:
    """What a sample cart gets with a draft rule among the store's rules, and without it."""

    cart: Cart
    total_fen: int
    without_fen: int

    @property
    def rule_saves_fen(self) -> int:
        return self.without_fen - self.total_fen


def preview(
    database: Database,
    till: Till,
    draft: Promotion | None,
    items: Sequence[tuple[str, int]],
    *,
    member: bool = False,
) -> Preview:
    """ "This cart would get…": ``items`` (SKU code, quantity) priced now with the store's
    rules, ``draft`` standing in for the rule of its code."""
    book = load_book(database, till)
    rules = [p for p in book.promotions if draft is None or p.code != draft.code]
    with database.reading() as session:
        catalog = CatalogRepository(session)
        views = []
        for code, quantity in items:
            view = catalog.view_by_code(code)
            if view is None:
                raise PromotionError("No SKU with code {code}", code=code)
            views.append((view, quantity))
    now = till.now()

    def priced(with_rules: list[Promotion]) -> Cart:
        trial = PromotionBook(
            with_rules,
            member_prices=book.member_prices,
            store_code=till.store_code,
            timezone=till.timezone,
        )
        cart = Cart(promotions=PromotionContext(trial, now, member))
        for view, quantity in views:
            cart.add(cart_item(view), quantity)
        return cart

    with_draft = priced(rules + ([draft] if draft is not None else []))
    without = priced(rules)
    return Preview(with_draft, with_draft.totals().total_fen, without.totals().total_fen)


@dataclass(frozen=True, slots=True)
class RuleForm:
    """A rule as the back office's editor holds it: SKUs by their codes, not their ids."""

    code: str
    kind: PromotionKind
    name: str = ""
    scope: ScopeKind = ScopeKind.STORE
    scope_values: tuple[str, ...] = ()  # SKU codes, product ids, brands or categories
    schedule: Schedule = field(default_factory=Schedule)
    member_only: bool = False
    priority: int = 100
    stacking: Stacking = Stacking.STACK
    group: str = ""
    threshold_fen: int = 0
    off_fen: int = 0
    repeat: bool = True
    min_qty: int = 0
    pay_bp: int = 10_000
    nth: int = 0
    buy_qty: int = 0
    get_qty: int = 0
    gift_sku: str = ""
    bundle: tuple[tuple[str, int], ...] = ()  # (SKU code, quantity)
    price_fen: int | None = None
    ended: bool = False


def _sku_ids(session: Session, codes: set[str]) -> dict[str, int]:
    catalog = CatalogRepository(session)
    found = {}
    for code in sorted(codes):
        sku = catalog.sku_by_code(code)
        if sku is None or sku.id is None:
            raise PromotionError("No SKU with code {code}", code=code)
        found[code] = sku.id
    return found


def rule_of(database: Database, form: RuleForm) -> Promotion:
    """The rule an editor's form states (``PromotionError`` when it cannot be applied)."""
    codes = {c for c, _ in form.bundle} | ({form.gift_sku} if form.gift_sku else set())
    if form.scope is ScopeKind.SKU:
        codes |= set(form.scope_values)
    with database.reading() as session:
        ids = _sku_ids(session, codes)
    values = form.scope_values
    if form.scope is ScopeKind.SKU:
        values = tuple(str(ids[code]) for code in values)
    if form.scope is ScopeKind.PRODUCT and any(not v.isdigit() for v in values):
        raise PromotionError("Products are named by their number")
    return Promotion(
        code=form.code.strip(),
        kind=form.kind,
        name=form.name.strip(),
        scope=Scope(form.scope, frozenset(values)),
        schedule=form.schedule,
        member_only=form.member_only,
        priority=form.priority,
        stacking=form.stacking,
        group=form.group.strip(),
        threshold_fen=form.threshold_fen,
        off_fen=form.off_fen,
        repeat=form.repeat,
        min_qty=form.min_qty,
        pay_bp=form.pay_bp,
        nth=form.nth,
        buy_qty=form.buy_qty,
        get_qty=form.get_qty,
        gift_sku_id=ids[form.gift_sku] if form.gift_sku else None,
        bundle=tuple((ids[code], qty) for code, qty in form.bundle),
        price_fen=form.price_fen,
        ended=form.ended,
    )


def form_of(database: Database, rule: Promotion) -> RuleForm:
    """The editor's form of a stored rule."""
    ids = {sku for sku, _ in rule.bundle} | ({rule.gift_sku_id} if rule.gift_sku_id else set())
    if rule.scope.kind is ScopeKind.SKU:
        ids |= {int(v) for v in rule.scope.values if v.isdigit()}
    with database.reading() as session:
        catalog = CatalogRepository(session)
        codes = {}
        for sku_id in ids:
            sku = catalog.sku(sku_id)
            codes[sku_id] = sku.code if sku is not None else str(sku_id)
    values = sorted(rule.scope.values)
    if rule.scope.kind is ScopeKind.SKU:
        values = sorted(codes.get(int(v), v) for v in values)
    return RuleForm(
        code=rule.code,
        kind=rule.kind,
        name=rule.name,
        scope=rule.scope.kind,
        scope_values=tuple(values),
        schedule=rule.schedule,
        member_only=rule.member_only,
        priority=rule.priority,
        stacking=rule.stacking,
        group=rule.group,
        threshold_fen=rule.threshold_fen,
        off_fen=rule.off_fen,
        repeat=rule.repeat,
        min_qty=rule.min_qty,
        pay_bp=rule.pay_bp,
        nth=rule.nth,
        buy_qty=rule.buy_qty,
        get_qty=rule.get_qty,
        gift_sku=codes.get(rule.gift_sku_id, "") if rule.gift_sku_id else "",
        bundle=tuple((codes.get(sku, str(sku)), qty) for sku, qty in rule.bundle),
        price_fen=rule.price_fen,
        ended=rule.ended,
    )


def free_code(database: Database, code: str) -> str:
    """``code`` with the first number after it that no rule has (a copy's code)."""
    with database.reading() as session:
        repository = PromotionRepository(session)
        for n in range(2, 1000):
            candidate = f"{code}-{n}"
            if repository.by_code(candidate) is None:
                return candidate
    raise PromotionError("A promotion with code {code} exists already", code=code)
