"""The promotions' and members' scenes for ``redhome-pos screenshots`` (called by
ui/screenshots.py and ui/backoffice/scenes.py), on the demo store's promotions and members
(services.demo_promotions): the cart explaining each saving, a member found by phone, points
paying at the tender after a member code was scanned; the promotion editor with its preview,
the member list with points history, the promotions report."""

from __future__ import annotations

from typing import Any

from redhome_pos.services import members as member_service
from redhome_pos.services.demo_picks import stocked_in
from redhome_pos.services.demo_promotions import DEMO_MEMBERS
from ui.dialogs.member import MemberDialog
from ui.dialogs.tender import TenderDialog


def _picks(shell: Any) -> tuple[list[Any], list[Any]]:
    database = shell.counter.database
    return (
        stocked_in(database, "彩妆", min_on_hand=5, limit=2),
        stocked_in(database, "护肤", min_on_hand=5, limit=3),
    )


def _pay(director: Any, settle: Any, *, points: bool, name: str = "") -> None:
    shell = director.shell
    shell.sale.pay()
    settle()
    tender = shell.actions.dialog
    if not isinstance(tender, TenderDialog):
        return
    if points:
        tender.add_points()
        settle()
    if name:
        director.picture(name)
    tender.add_exact_cash()
    tender.enter_pressed()
    settle(lambda: tender.sale is not None)
    tender.accept()
    settle(lambda: shell.actions.dialog is None)


def counter_promotion_scenes(director: Any, settle: Any) -> None:
    shell = director.shell
    sale = shell.sale
    makeup, skincare = _picks(shell)
    if not makeup or len(skincare) < 3:
        return
    settle(lambda: sale.promotions.book is not None)
    sale.new_sale()
    for pick in (makeup[0], makeup[0], *skincare):
        director.scan(pick.barcode)
    settle(lambda: sum(line.quantity for line in sale.cart.lines) >= 5)
    director.picture("sale-promotions")

    phone = DEMO_MEMBERS[0][0]
    shell.actions.ask_member()
    settle()
    dialog = shell.actions.dialog
    if not isinstance(dialog, MemberDialog):
        return
    dialog.field.setText(phone)
    director.picture("member-find")
    dialog.find_member()
    settle(lambda: sale.cart.member is not None)
    director.picture("sale-member")
    _pay(director, settle, points=False)  # the member earns points

    counter = shell.counter
    member = member_service.find_by_phone(counter.database, counter.till, phone)
    if member is None:
        return
    director.scan(makeup[1].barcode)
    director.scan(member_service.member_code(counter.till, member))
    settle(lambda: sale.cart.member is not None)
    _pay(director, settle, points=True, name="tender-points")


def backoffice_promotion_scenes(director: Any, settle: Any) -> None:
    from ui.backoffice.screens import show_manager_tab

    shell = director.shell
    screen = shell.promotions
    show_manager_tab(shell, "promotions")
    settle(lambda: bool(screen.rules))
    screen.choose("DEMO-HALF")
    settle(lambda: screen.code.text() == "DEMO-HALF")
    makeup, skincare = _picks(shell)
    if makeup and skincare:
        screen.sample.setText(f"{makeup[0].code}*2; {skincare[0].code}")
        screen.preview()
        settle(lambda: bool(screen.preview_text.text()))
    director.picture("backoffice-promotions")

    members = shell.members
    show_manager_tab(shell, "members")
    settle(lambda: bool(members.members))
    if members.members:
        members.choose(members.members[0].member_no)
        settle(lambda: bool(members.history))
    director.picture("backoffice-members")

    reports = shell.reports
    show_manager_tab(shell, "reports")
    reports.report = None
    reports.choose("promotions")
    reports.make()
    settle(lambda: reports.report is not None)
    director.picture("backoffice-report-promotions")
