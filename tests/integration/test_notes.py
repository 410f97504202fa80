"""Scanning against a real store database: products, RED notes, links, attribution."""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from redhome_pos.config import AppPaths, load_config
from redhome_pos.domain.barcodes import make_ean13
from redhome_pos.domain.catalog import Product, Sku
from redhome_pos.domain.errors import CatalogError
from redhome_pos.domain.scan import (
    Measure,
    ScanError,
    ScanKind,
    ScanSettings,
    VariableMeasureLayout,
)
from redhome_pos.domain.signed_codes import sign_pickup_code
from redhome_pos.persistence.database import Database
from redhome_pos.persistence.models.counter import (
    ReturnLineRow,
    ReturnRow,
    SaleLineRow,
    SaleRow,
    SaleVoidRow,
    ShiftRow,
)
from redhome_pos.persistence.models.staff import StaffRow
from redhome_pos.persistence.repositories.catalog import CatalogRepository
from redhome_pos.services.scanning import NoteLinkDraft, ScanService, scan_settings

ALSO_ON_POSTGRES = True  # runs on PostgreSQL too when REDHOME_TEST_POSTGRES_URL is set

NOTE = "6756a3f1000000000b03a5d2"
OTHER_NOTE = "66f0c2aa000000001e01b7c4"
LIPSTICK = make_ean13("690123456789")
SERUM = make_ean13("690123456790")
OLD_MASK = make_ean13("690123456791")
SCALE_TEA = make_ean13("200012300000")  # the scale item 00123 with a zero price
SETTINGS = ScanSettings(store_code="SH001", code_secret="secret-sh001")


def note_url(note_id: str) -> str:
    return f"https://www.xiaohongshu.com/explore/{note_id}?xsec_token=AB12&xsec_source=app_share"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 25, 2, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@pytest.fixture
def skus(database: Database) -> dict[str, int]:
    with database.unit_of_work() as uow:
        catalog = CatalogRepository(uow.session)
        beauty = catalog.add_product(Product(None, "丝绒口红", "RED Beauty", "彩妆"))
        care = catalog.add_product(Product(None, "修护精华", "RED Beauty", "护肤"))
        tea = catalog.add_product(Product(None, "散装乌龙茶", "茶铺", "食品"))
        ids = {
            "lipstick": catalog.add_sku(
                Sku(
                    None, beauty, "RH-LIP-520", 12800, 15800, {"色号": "#520"}, barcodes=(LIPSTICK,)
                )
            ),
            "serum": catalog.add_sku(Sku(None, care, "RH-SER-30", 29900, 29900, barcodes=(SERUM,))),
            "old_mask": catalog.add_sku(
                Sku(None, care, "RH-MASK-OLD", 9900, 9900, active=False, barcodes=(OLD_MASK,))
            ),
            "tea": catalog.add_sku(Sku(None, tea, "TEA-OOLONG", 0, 0, barcodes=(SCALE_TEA,))),
        }
        staff = StaffRow(code="S001", name="小王", role="clerk")
        uow.session.add(staff)
        uow.session.flush()
        ids["staff"] = staff.id
        uow.commit()
    return ids


@pytest.fixture
def service(database: Database) -> ScanService:
    return ScanService(database, SETTINGS, clock=Clock())


def test_a_barcode_finds_its_product(service: ScanService, skus: dict[str, int]) -> None:
    outcome = service.scan(LIPSTICK + "\r\n")
    assert outcome.result.kind is ScanKind.PRODUCT_BARCODE
    assert outcome.sku is not None
    assert (outcome.sku.sku_id, outcome.sku.price_fen) == (skus["lipstick"], 12800)


def test_a_sku_code_and_full_width_digits_find_the_product(
    service: ScanService, skus: dict[str, int]
) -> None:
    by_code = service.scan("rh-ser-30".upper())
    assert by_code.sku is not None and by_code.sku.sku_id == skus["serum"]
    full_width = service.scan("".join(chr(ord(c) + 0xFEE0) for c in SERUM))
    assert full_width.sku is not None and full_width.sku.sku_id == skus["serum"]


def test_a_wrong_check_digit_finds_nothing(service: ScanService, skus: dict[str, int]) -> None:
    wrong = LIPSTICK[:-1] + str((int(LIPSTICK[-1]) + 1) % 10)
    with pytest.raises(ScanError, match="Check digit wrong"):
        service.scan(wrong)


def test_an_unknown_product_and_an_inactive_one_are_clear_errors(
    service: ScanService, skus: dict[str, int]
) -> None:
    with pytest.raises(ScanError, match="No product has the code 6901234567991"):
        service.scan(make_ean13("690123456799"))
    with pytest.raises(ScanError, match="no longer sold") as raised:
        service.scan(OLD_MASK)
    assert raised.value.params["sku"] == "RH-MASK-OLD"


def test_a_scale_label_finds_the_item_and_carries_the_price(
    service: ScanService, skus: dict[str, int]
) -> None:
    outcome = service.scan(make_ean13("200012301580"))
    assert outcome.result.kind is ScanKind.VARIABLE_MEASURE
    assert outcome.sku is not None and outcome.sku.sku_id == skus["tea"]
    assert getattr(outcome.result, "price_fen", None) == 1580


def test_a_weight_label_when_the_store_weighs(database: Database, skus: dict[str, int]) -> None:
    weighing = ScanSettings(variable_measure=VariableMeasureLayout(measure=Measure.WEIGHT))
    outcome = ScanService(database, weighing).scan(make_ean13("200012300250"))
    assert outcome.sku is not None and outcome.sku.sku_id == skus["tea"]
    assert getattr(outcome.result, "weight_g", None) == 250


def test_link_a_note_then_scanning_it_shows_the_products(
    service: ScanService, skus: dict[str, int], database: Database
) -> None:
    first = service.scan(note_url(NOTE))
    assert first.note_id == NOTE and first.note_products == ()
    assert "No products are linked" in first.hint_text

    draft = service.start_linking(note_url(NOTE))
    assert draft == NoteLinkDraft(NOTE, [])
    draft.add(skus["lipstick"])
    draft.add(skus["serum"])
    assert not draft.add(skus["serum"])
    assert service.save_note_links(draft, staff_id=skus["staff"]) == (2, 0)

    # Another till (a new service on the same database) sees the links.
    other_till = ScanService(database, SETTINGS)
    outcome = other_till.scan(f"https://www.xiaohongshu.com/discovery/item/{NOTE}?source=webshare")
    assert [p.sku_id for p in outcome.note_products] == [skus["lipstick"], skus["serum"]]
    assert outcome.hint == ""


def test_unlinking_and_saving_a_smaller_draft(service: ScanService, skus: dict[str, int]) -> None:
    service.link_note(NOTE, [skus["lipstick"], skus["serum"]], staff_id=None)
    assert service.unlink_note(NOTE, skus["lipstick"])
    assert not service.unlink_note(NOTE, skus["lipstick"])
    assert [p.sku_id for p in service.note_products(NOTE)] == [skus["serum"]]

    draft = service.start_linking(note_url(NOTE))
    assert draft.sku_ids == [skus["serum"]]
    draft.remove(skus["serum"])
    draft.add(skus["tea"])
    assert service.save_note_links(draft, staff_id=skus["staff"]) == (1, 1)
    assert [p.sku_id for p in service.note_products(NOTE)] == [skus["tea"]]


def test_linking_needs_a_note_first(service: ScanService, skus: dict[str, int]) -> None:
    with pytest.raises(ScanError, match="Scan a RED note first"):
        service.start_linking(LIPSTICK)


def test_unlinked_notes_are_listed_with_their_scan_counts(
    service: ScanService, skus: dict[str, int]
) -> None:
    for _ in range(3):
        service.scan(note_url(OTHER_NOTE))
    service.scan(note_url(NOTE))
    service.scan(note_url(NOTE))
    listed = service.unlinked_notes()
    assert [(n.note_id, n.scan_count) for n in listed] == [(OTHER_NOTE, 3), (NOTE, 2)]
    assert listed[0].first_scanned_at < listed[0].last_scanned_at

    service.link_note(OTHER_NOTE, [skus["serum"]], staff_id=skus["staff"])
    assert [n.note_id for n in service.unlinked_notes()] == [NOTE]


def test_a_short_link_offline_is_kept_and_the_clerk_asked_to_scan_the_product(
    service: ScanService, skus: dict[str, int]
) -> None:
    outcome = service.scan("http://xhslink.com/a/Ab3dEfGh1Jk")
    assert outcome.result.kind is ScanKind.SHORT_LINK
    assert outcome.note_id is None
    assert "scan the product" in outcome.hint_text


def test_a_short_link_resolved_once_needs_no_network_again(
    database: Database, skus: dict[str, int]
) -> None:
    calls: list[str] = []

    def resolver(url: str) -> str | None:
        calls.append(url)
        return note_url(NOTE)

    service = ScanService(database, SETTINGS, resolve_short_link=resolver)
    service.link_note(NOTE, [skus["lipstick"]], staff_id=None)
    first = service.scan("https://xhslink.com/a/Ab3dEfGh1Jk")
    second = service.scan("xhslink.com/a/Ab3dEfGh1Jk")
    assert first.note_id == second.note_id == NOTE
    assert [p.sku_id for p in second.note_products] == [skus["lipstick"]]
    assert calls == ["https://xhslink.com/a/Ab3dEfGh1Jk"]


def test_a_short_link_leading_elsewhere_is_not_a_note(
    database: Database, skus: dict[str, int]
) -> None:
    service = ScanService(
        database, SETTINGS, resolve_short_link=lambda url: "https://evil.example.com/explore/x"
    )
    outcome = service.scan("https://xhslink.com/a/Zz9")
    assert outcome.note_id is None


def test_store_codes_come_back_verified(service: ScanService, skus: dict[str, int]) -> None:
    outcome = service.scan(sign_pickup_code("secret-sh001", "SH001", "P7865432198", "482913"))
    assert outcome.result.kind is ScanKind.PICKUP_CODE
    with pytest.raises(ScanError, match="belongs to store BJ002"):
        service.scan(sign_pickup_code("bj", "BJ002", "P1", "1"))


def _sale(
    database: Database,
    staff_id: int,
    day: date,
    receipt_no: str,
    lines: list[tuple[int, str | None, int, int, bool]],
) -> int:
    """A sale straight into the counter's tables: lines of (sku, note, qty, amount, voided)."""
    with database.unit_of_work() as uow:
        session = uow.session
        shift = session.query(ShiftRow).filter_by(terminal_id="T1").first()
        if shift is None:
            shift = ShiftRow(terminal_id="T1", opened_by=staff_id, float_fen=0)
            session.add(shift)
            session.flush()
        total = sum(amount for *_, amount, voided in lines if not voided)
        sale = SaleRow(
            receipt_no=receipt_no,
            terminal_id="T1",
            business_date=day,
            seq=int(receipt_no[-4:]),
            shift_id=shift.id,
            staff_id=staff_id,
            subtotal_fen=total,
            discount_fen=0,
            total_fen=total,
            change_fen=0,
            vat=[],
        )
        session.add(sale)
        session.flush()
        for n, (sku_id, note_id, qty, amount, voided) in enumerate(lines, start=1):
            session.add(
                SaleLineRow(
                    sale_id=sale.id,
                    line_no=n,
                    sku_id=sku_id,
                    sku_code="X",
                    title="X",
                    quantity=qty,
                    list_price_fen=amount // qty,
                    unit_price_fen=amount // qty,
                    discount_fen=0,
                    amount_fen=amount,
                    vat_rate_bp=1300,
                    note_id=note_id,
                    voided=voided,
                )
            )
        uow.commit()
        return sale.id


def test_attribution_report_per_note_per_day(
    service: ScanService, skus: dict[str, int], database: Database
) -> None:
    staff, lip, serum = skus["staff"], skus["lipstick"], skus["serum"]
    day1, day2 = date(2026, 11, 24), date(2026, 11, 25)
    first = _sale(
        database,
        staff,
        day1,
        "T1-0001",
        [(lip, NOTE, 2, 25600, False), (serum, None, 1, 29900, False)],
    )
    _sale(
        database,
        staff,
        day1,
        "T1-0002",
        [(lip, NOTE, 1, 12800, False), (serum, NOTE, 1, 29900, False)],
    )
    _sale(database, staff, day1, "T1-0003", [(serum, OTHER_NOTE, 1, 29900, True)])
    _sale(database, staff, day2, "T1-0004", [(serum, OTHER_NOTE, 1, 29900, False)])
    voided = _sale(database, staff, day2, "T1-0005", [(lip, NOTE, 1, 12800, False)])
    with database.unit_of_work() as uow:
        uow.session.add(SaleVoidRow(sale_id=voided, staff_id=staff))
        uow.commit()

    # One lipstick of the first sale comes back two days later; it counts against day 1.
    with database.unit_of_work() as uow:
        session = uow.session
        line = session.query(SaleLineRow).filter_by(sale_id=first, sku_id=lip).one()
        shift = session.query(ShiftRow).one()
        session.add(
            ReturnRow(
                return_no="R-0001",
                sale_id=first,
                terminal_id="T1",
                shift_id=shift.id,
                staff_id=staff,
                refund_fen=12800,
                created_at=datetime(2026, 11, 26, 3, tzinfo=UTC),
            )
        )
        session.flush()
        return_id = session.query(ReturnRow.id).scalar()
        session.add(
            ReturnLineRow(return_id=return_id, sale_line_id=line.id, quantity=1, refund_fen=12800)
        )
        uow.commit()

    report = service.attribution(day1, day2)
    assert [
        (r.business_date, r.note_id, r.sales, r.units, r.revenue_fen, r.returned_units)
        for r in report
    ] == [
        (day1, NOTE, 2, 4, 25600 + 12800 + 29900, 1),
        (day2, OTHER_NOTE, 1, 1, 29900, 0),
    ]
    assert report[0].net_revenue_fen == 25600 + 12800 + 29900 - 12800
    assert service.attribution(day2, day2)[0].note_id == OTHER_NOTE
    assert service.attribution(date(2026, 1, 1), date(2026, 1, 2)) == []


def test_linking_a_sku_that_does_not_exist_is_refused(
    service: ScanService, skus: dict[str, int]
) -> None:
    with pytest.raises(CatalogError, match="No SKU 999999"):
        service.link_note(NOTE, [skus["lipstick"], 999_999], staff_id=None)
    assert service.note_products(NOTE) == ()  # nothing of the failed save was kept


def test_two_tills_scanning_the_same_note_lose_no_count(
    database: Database, skus: dict[str, int]
) -> None:
    def till() -> None:
        own = ScanService(database, SETTINGS)
        for _ in range(15):
            own.scan(note_url(OTHER_NOTE))

    threads = [threading.Thread(target=till) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counts = {n.note_id: n.scan_count for n in ScanService(database, SETTINGS).unlinked_notes()}
    assert counts == {OTHER_NOTE: 45}


def test_scan_settings_come_from_the_store_configuration(tmp_path: Path) -> None:
    secret = "from-config-8fJ2kQ9xLm4Tz7Wv1Rb6Y"
    (tmp_path / "config.toml").write_text(
        f'[store]\ncode = "SH001"\n[scanning]\ncode_secret = "{secret}"\n'
        'gs1_variable_layout = "weight"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path / "config.toml", env={}, paths=AppPaths.under(tmp_path))
    settings = scan_settings(config)
    assert (settings.store_code, settings.code_secret) == ("SH001", secret)
    assert settings.variable_measure.measure is Measure.WEIGHT
