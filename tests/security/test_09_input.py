"""Point 9: input that must not slip through. A CSV file in an encoding other than UTF-8 or
GB18030/GBK is refused instead of read as nonsense (GB18030 decodes almost any bytes); NUL
and control characters are refused in CSV cells; absurd quantities are refused in words,
not by a database overflow; the configuration's store code, code secret, printer paths and
terminal id are checked; a configuration file others can read is warned about."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from security_store import Store, make_store

from redhome_pos.cli import main
from redhome_pos.config import ConfigError, load_config
from redhome_pos.domain.stock import StockError
from redhome_pos.persistence.database import Database
from redhome_pos.services import stock as stock_service
from redhome_pos.services.catalog_csv import import_catalog
from redhome_pos.services.csv_files import CsvImportError, decode

HEADER = "sku_code,title_zh,price\n"
ROWS = {
    "gbk": (
        "LIP-520,小红书限定丝绒雾面口红 #520 烂番茄,128.00\nMASK-10,补水面膜 10片装,99.00\n",
        "gbk",
    ),
    "big5": ("LIP-520,小紅書限定絲絨霧面口紅 #520,128.00\nMASK-10,補水面膜 10片裝,99.00\n", "big5"),
    "shift_jis": (
        "LIP-520,限定ベルベットマットリップ #520,128.00\nMASK-10,保湿マスク 10枚,99\n",
        "shift_jis",
    ),
    "euc_kr": (
        "LIP-520,한정 벨벳 매트 립스틱 #520,128.00\nMASK-10,수분 마스크 10매,99.00\n",
        "euc_kr",
    ),
    "cp1252": ("LIP-520,Crème brûlée lipstick,128.00\nMASK-10,Façade masque été,99.00\n", "cp1252"),
    "utf-16": ("LIP-520,口红,128.00\n", "utf-16"),
}


@pytest.fixture
def store(database: Database) -> Store:
    return make_store(database, open_shift=False)


def test_gbk_and_gb18030_are_read() -> None:
    text, encoding = ROWS["gbk"]
    assert decode((HEADER + text).encode(encoding)) == HEADER + text
    rare = HEADER + "A1,口红𠀀\n"  # a character GBK lacks
    assert decode(rare.encode("gb18030")) == rare


@pytest.mark.parametrize("name", ["big5", "shift_jis", "euc_kr", "cp1252", "utf-16"])
def test_other_encodings_are_refused_and_nothing_is_imported(
    store: Store, tmp_path: Path, name: str
) -> None:
    text, encoding = ROWS[name]
    file = tmp_path / f"{name}.csv"
    file.write_bytes((HEADER + text).encode(encoding))
    # Refused by the detection, or (no GB18030 reading at all) by the decoder itself.
    with pytest.raises(CsvImportError, match=r"encoding is not recognised|neither UTF-8 nor GBK"):
        import_catalog(store.database, file, staff=store.manager)
    with store.database.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM skus").scalar() == 3  # the store's own


@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b[2J", "\x7f", "\u0085"])
def test_control_characters_in_a_cell_are_refused(
    store: Store, tmp_path: Path, control: str
) -> None:
    file = tmp_path / "catalog.csv"
    file.write_text(f'{HEADER}NEW-1,"口红{control}520",99.00\n', encoding="utf-8")
    with pytest.raises(CsvImportError) as refused:
        import_catalog(store.database, file, staff=store.manager)
    assert "column title_zh has a control character" in str(refused.value.errors[0])


@pytest.mark.parametrize("quantity", [10**19, 2**62, 1_000_001, -(10**12)])
def test_absurd_quantities_are_refused_in_words(store: Store, quantity: int) -> None:
    sku = store.items["MASK-10"].sku_id
    with pytest.raises(StockError, match="beyond what a store handles"):
        stock_service.adjust(
            store.database, sku, quantity, reason="found", terminal_id="T1", staff=store.manager
        )
    with pytest.raises(StockError, match="beyond what a store handles"):
        stock_service.receive(
            store.database, sku, abs(quantity), terminal_id="T1", staff=store.manager
        )


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ('[store]\ncode = "rh 01"', "capital letters, digits or '-'"),
        ('[store]\ncode = "RH01-EXTRA-LONG-STORE"', "capital letters, digits or '-'"),
        ('[scanning]\ncode_secret = "secret"', "at least 32 random characters"),
        ('[scanning]\ncode_secret = "' + "ab" * 20 + '"', "at least 32 random characters"),
        ('[printers.receipt]\ntransport = "file"\npath = "/etc/passwd"', "not a system file"),
        ('[printers.receipt]\ntransport = "file"\npath = "/usr/lib/../bin/x"', "not a system file"),
        ('terminal_id = "T 1"', "1 to 16 letters, digits or '-'"),
    ],
)
def test_configuration_values_are_checked(tmp_path: Path, setting: str, words: str) -> None:
    file = tmp_path / "config.toml"
    file.write_text(setting + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=words):
        load_config(file, env={})


def test_good_configuration_values_pass(tmp_path: Path) -> None:
    file = tmp_path / "config.toml"
    file.write_text(
        'terminal_id = "POS-07"\n[store]\ncode = "SH-JINGAN"\n'
        '[scanning]\ncode_secret = "9fK2-xQ7mL4pZ8wR1tB6yN0cH3vJ5sD-aE"\n'
        f'[printers.receipt]\ntransport = "file"\npath = "{tmp_path / "receipts.bin"}"\n'
        '[printers.label]\ntransport = "serial"\nserial_device = "/dev/ttyUSB0"\n',
        encoding="utf-8",
    )
    config = load_config(file, env={})
    assert config.store.code == "SH-JINGAN" and config.terminal_id == "POS-07"


def test_a_configuration_file_others_can_read_is_warned_about(tmp_path: Path, capsys: Any) -> None:
    file = tmp_path / "config.toml"
    file.write_text(
        f'[paths]\ndata_dir = "{tmp_path / "data"}"\nlog_dir = "{tmp_path / "logs"}"\n',
        encoding="utf-8",
    )
    file.chmod(0o644)
    assert main(["--config", str(file), "config", "show"]) == 0
    assert "can be read by other users" in capsys.readouterr().err
    file.chmod(0o600)
    assert main(["--config", str(file), "config", "show"]) == 0
    assert "can be read by other users" not in capsys.readouterr().err


def test_a_bad_value_is_never_written_over_a_good_configuration(tmp_path: Path) -> None:
    from dataclasses import replace

    from redhome_pos.config import AppPaths, default_config, write_config

    paths = AppPaths.under(tmp_path, tmp_path / "config.toml")
    good = write_config(default_config(paths))
    before = paths.config_file.read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match="terminal_id"):
        write_config(replace(good, terminal_id="T 1 ; rm -rf"))
    assert paths.config_file.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".config-")] == []


@pytest.mark.parametrize("control", ["\x00", "\x1b[2J", "\x07", "\x7f"])
def test_no_text_with_a_control_character_is_ever_stored(store: Store, control: str) -> None:
    """Whatever the path (the ORM, a prepared statement on the driver's cursor), the database
    refuses text with NUL or another control character; line breaks and tabs pass."""
    from acting_staff import CHEAP_PIN_COST

    from redhome_pos.domain.errors import TextError
    from redhome_pos.domain.staff import Role
    from redhome_pos.services.staff import add_staff

    db, till, sku = store.database, store.till, store.items["MASK-10"].sku_id
    with pytest.raises(TextError, match=r"control character \(U\+00"):
        add_staff(db, till, "5001", f"王{control}五", Role.CLERK, "5555",
                  actor=store.manager, cost=CHEAP_PIN_COST)  # fmt: skip
    with pytest.raises(TextError):
        stock_service.adjust(
            db, sku, -1, reason=f"damaged{control}", terminal_id="T1", staff=store.manager
        )
    with db.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM staff WHERE code = '5001'").scalar() == 0
        assert c.exec_driver_sql("SELECT min(on_hand) FROM stock_levels").scalar() == 50
    adjusted = stock_service.adjust(
        db, sku, -1, reason="damaged\tbox\ncorner", terminal_id="T1", staff=store.manager
    )
    assert adjusted.on_hand == 99


def test_the_online_stores_text_reaches_the_store_without_control_characters() -> None:
    from sync.red.reading import Reader

    reader = Reader("order.getOrderDetail")
    assert reader.text({"remark": "请\x00尽快\x1b发货\n谢谢"}, "remark") == "请尽快发货\n谢谢"
