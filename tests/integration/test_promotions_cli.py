"""The commands: ``promotions list|import|export``, ``members find PHONE`` (masked) and the
reports ``promotions``, ``members`` and ``points``; the CSV round trip and its errors."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest
from counter_store import make_store, write_config

from redhome_pos.cli import main
from redhome_pos.domain.cart import Cart, PromotionContext
from redhome_pos.domain.sale import ReturnRequest
from redhome_pos.domain.tender import Tender
from redhome_pos.persistence.database import Database
from redhome_pos.services import checkout, members, promotions, returns, shifts

CSV_TEXT = """code,kind,name,scope,scope_values,threshold,off,repeat,nth,pay_percent,buy,get,\
gift_sku,bundle,price,first_day,last_day,start,end,member_only
M300,threshold_off,,store,,300,50,yes,,,,,,,,2026-11-01,2026-12-31,,,no
LIP2,nth_item,口红第二件半价,sku,LIP-520,,,,2,50,,,,,,,,,,no
GIFT,buy_get,,sku,LIP-520,,,,,,2,1,BOOK-01,,,,,,,no
SET,bundle,,store,,,,,,,,,,MASK-10*1;BAG-RED*1,199,,,,,no
FLASH,special_price,,sku,MASK-10,,,,,,,,,,79,,,10:00,12:00,yes
"""


def run(capsys: Any, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_promotions_import_list_export_and_reports(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    store = make_store(database)
    config = str(write_config(tmp_path, db_path))
    source = tmp_path / "promotions.csv"
    source.write_text(CSV_TEXT, encoding="utf-8-sig")

    monkeypatch.setattr("sys.stdin", io.StringIO("1111\n"))
    code, _, err = run(
        capsys,
        "--config",
        config,
        "promotions",
        "import",
        str(source),
        "--staff",
        "1001",
        "--pin-stdin",
    )
    assert code == 1 and "may not" in err  # a clerk may not
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    code, out, _ = run(
        capsys,
        "--config",
        config,
        "promotions",
        "import",
        str(source),
        "--staff",
        "3001",
        "--pin-stdin",
    )
    assert code == 0 and "5 promotion(s) imported" in out

    code, out, _ = run(capsys, "--config", config, "promotions", "list")
    assert code == 0
    assert "满300减50" in out and "口红第二件半价" in out and "买二赠一" in out
    assert "组合价199" in out and "会员限时价79" in out and "10:00-12:00" in out

    exported = tmp_path / "out.csv"
    assert run(capsys, "--config", config, "promotions", "export", str(exported))[0] == 0
    with exported.open(encoding="utf-8-sig", newline="") as file:
        rows = {row["code"]: row for row in csv.DictReader(file)}
    assert rows["LIP2"]["scope_values"] == "LIP-520" and rows["LIP2"]["pay_percent"] == "50"
    assert (
        rows["SET"]["bundle"] == "BAG-RED*1;MASK-10*1"
        or rows["SET"]["bundle"] == "MASK-10*1;BAG-RED*1"
    )
    assert rows["GIFT"]["gift_sku"] == "BOOK-01" and rows["M300"]["threshold"] == "300.00"
    # What was exported imports again unchanged.
    before = promotions.list_promotions(database)
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    assert (
        run(
            capsys,
            "--config",
            config,
            "promotions",
            "import",
            str(exported),
            "--staff",
            "3001",
            "--pin-stdin",
        )[0]
        == 0
    )
    after = promotions.list_promotions(database)
    assert [(p.code, p.label, p.scope, p.schedule, p.bundle) for p in after] == [
        (p.code, p.label, p.scope, p.schedule, p.bundle) for p in before
    ]

    # A sale with promotions and a member, then the reports and the member command.
    shifts.open_shift(database, store.till, store.clerk, 0)
    member = members.enrol(database, store.till, store.clerk, "13812341234", consent=True)
    book = promotions.load_book(database, store.till)
    cart = Cart(promotions=PromotionContext(book, store.till.now()))
    cart.set_member(member)
    cart.add(store.items["LIP-520"], 2)
    due = cart.totals().total_fen
    assert due == 25_900 + 12_950 - 5_000
    sale = checkout.checkout(database, store.till, store.clerk, cart, [Tender.cash(due)])
    returns.return_items(
        database,
        store.till,
        store.supervisor,
        store.till.receipt_code(sale.receipt_no),
        [ReturnRequest(1, 1)],
        reason="x",
    )

    period = ["--from", "2026-11-25", "--to", "2026-11-25"]
    code, out, _ = run(capsys, "--config", config, "report", "promotions", *period)
    assert code == 0 and "LIP2" in out and "￥129.50" in out and "M300" in out
    code, out, _ = run(capsys, "--config", config, "report", "members", *period)
    assert code == 0 and "100.0%" in out
    code, out, _ = run(capsys, "--config", config, "report", "points", *period)
    assert code == 0 and "held now by 1 members" in out

    code, out, _ = run(capsys, "--config", config, "members", "find", "138 1234 1234")
    assert code == 0 and "138****1234" in out and "13812341234" not in out
    assert "earn" in out and "take_back" in out
    code, out, _ = run(capsys, "--config", config, "members", "find", "13900000000")
    assert code == 1 and "139****0000" in out


def test_a_bad_file_imports_nothing_and_names_each_bad_cell(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any, monkeypatch: Any
) -> None:
    make_store(database)
    config = str(write_config(tmp_path, db_path))
    source = tmp_path / "bad.csv"
    source.write_text(
        "code,kind,scope,scope_values,threshold,off,nth,pay_percent\n"
        "OK1,threshold_off,store,,100,10,,\n"
        "BAD1,threshold_off,store,,abc,10,,\n"
        "BAD2,nth_item,sku,NO-SUCH-SKU,,,2,50\n"
        "BAD3,gift,store,,,,,\n",
        encoding="utf-8",
    )
    monkeypatch.setattr("sys.stdin", io.StringIO("3333\n"))
    code, _, err = run(
        capsys,
        "--config",
        config,
        "promotions",
        "import",
        str(source),
        "--staff",
        "3001",
        "--pin-stdin",
    )
    assert code == 1 and "3 rows" in err and "line 3, column threshold" in err
    assert promotions.list_promotions(database) == []


@pytest.mark.parametrize("phone", ["12345", "abc"])
def test_members_find_refuses_what_is_not_a_phone(
    database: Database, db_path: Path, tmp_path: Path, capsys: Any, phone: str
) -> None:
    make_store(database)
    config = str(write_config(tmp_path, db_path))
    code, _, err = run(capsys, "--config", config, "members", "find", phone)
    assert code == 1 and "Not a mobile number" in err
