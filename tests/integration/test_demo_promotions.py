"""The demo store's promotions and members: added once, through the managers' services, and
they price a cart of the demo's goods."""

from __future__ import annotations

from counter_store import CHEAP_PIN_COST as CHEAP

from redhome_pos.domain.cart import Cart, PromotionContext
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services import members, promotions
from redhome_pos.services.counter import Till
from redhome_pos.services.demo_catalog import load_demo_store
from redhome_pos.services.demo_picks import stocked_in
from redhome_pos.services.demo_promotions import DEMO_MEMBERS, add_demo_promotions
from redhome_pos.services.demo_staff import add_demo_staff


def test_demo_promotions_and_members_added_once_and_applied(database: Database) -> None:
    till = Till("SH001", "T1", code_secret="demo-secret")
    load_demo_store(database, skus=600, seed=7)
    manager = add_demo_staff(database, till, cost=CHEAP)["3001"]
    assert add_demo_promotions(database, till, manager)
    assert not add_demo_promotions(database, till, manager)  # a second run changes nothing
    codes = {rule.code for rule in promotions.list_promotions(database)}
    assert {"DEMO-MJ199", "DEMO-MJ399", "DEMO-HALF", "DEMO-B2G1", "DEMO-VIP"} <= codes
    for phone, name in DEMO_MEMBERS:
        found = members.find_by_phone(database, till, phone)
        assert found is not None and found.name == name and found.consent_at is not None

    makeup = stocked_in(database, "彩妆", min_on_hand=2, limit=1)
    assert makeup
    cart = Cart(promotions=PromotionContext(promotions.load_book(database, till), till.now()))
    with database.reading() as session:
        view = CatalogRepository(session).sku_view(makeup[0].sku_id)
    assert view is not None
    cart.add(promotions.cart_item(view), 2)
    labels = {s.label for p in cart.totals().lines for s in p.savings}
    assert "第二件半价" in labels
