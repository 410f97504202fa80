"""Hypothesis at the boundaries that take outside input and had no fuzzing of their own:
the configuration file (and its environment overrides), catalog and stock CSV files,
scans resolved against the store, and printer status bytes.

No input crashes anything (only the boundary's own error escapes) and a refused input
changes nothing in the store. The scan router alone and RED's answers are fuzzed in
tests/unit/test_scan_router.py and tests/sync/test_red_hostile.py.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_stores import fingerprint
from terminal_child import STORE, setup

from printers.status import (
    DLE_EOT_OFFLINE_CAUSE,
    DLE_EOT_PAPER,
    DLE_EOT_PRINTER,
    TSPL_STATUS,
    ZPL_HOST_STATUS,
    PrinterState,
    PrinterStatus,
    escpos_status,
    tspl_status,
    zpl_status,
)
from printers.transports import DummyTransport
from redhome_pos.config import AppPaths, Config, default_config, load_config
from redhome_pos.config.settings import ConfigError, as_toml_data
from redhome_pos.domain.errors import DomainError
from redhome_pos.persistence import dialect
from redhome_pos.persistence.database import Database
from redhome_pos.services.catalog_csv import CsvImportError, import_catalog, import_stock
from redhome_pos.services.counter import Till
from redhome_pos.services.scanning import ScanService, ScanSettings
from redhome_pos.services.staff import login

FUZZ = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def store() -> Iterator[Database]:
    with tempfile.TemporaryDirectory() as folder:
        database = Database(dialect.sqlite_url(Path(folder) / "store.db"))
        setup(database, skus=3, stock=100)
        yield database
        database.dispose()


# --- the configuration file --------------------------------------------------------------

VALID = as_toml_data(default_config(AppPaths.demo()))
ANY_TOML_VALUE = st.recursive(
    st.one_of(
        st.booleans(),
        st.integers(min_value=-(2**63), max_value=2**63 - 1),
        st.floats(allow_nan=False),
        st.text(max_size=30),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def _load(text: bytes, folder: Path, env: dict[str, str] | None = None) -> Config | None:
    file = folder / "redhome.toml"
    file.write_bytes(text)
    try:
        config = load_config(file, env=env or {}, paths=AppPaths.demo())
    except ConfigError as error:
        assert str(error)  # says what is wrong
        return None
    finally:
        assert file.read_bytes() == text  # reading never rewrites the file
    assert isinstance(config, Config)
    return config


@FUZZ
@given(data=st.binary(max_size=300))
def test_any_bytes_as_configuration_load_or_are_a_config_error(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _load(data, Path(folder))


def _sections() -> list[tuple[str, ...]]:
    keys: list[tuple[str, ...]] = []
    for name, value in VALID.items():
        if isinstance(value, dict):
            keys += [(name, key) for key in value if not isinstance(value[key], dict)]
        else:
            keys.append((name,))
    return keys


@FUZZ
@given(
    where=st.sampled_from(_sections()) | st.tuples(st.text(max_size=10), st.text(max_size=10)),
    value=ANY_TOML_VALUE,
)
def test_a_valid_configuration_with_one_value_changed_loads_or_names_the_problem(
    where: tuple[str, ...], value: Any
) -> None:
    data: dict[str, Any] = {k: dict(v) if isinstance(v, dict) else v for k, v in VALID.items()}
    if len(where) == 1:
        data[where[0]] = value
    else:
        section = data.setdefault(where[0], {})
        if not isinstance(section, dict):
            data[where[0]] = section = {}
        section[where[1]] = value
    with tempfile.TemporaryDirectory() as folder:
        _load(tomli_w.dumps(data).encode(), Path(folder))


@FUZZ
@given(
    env=st.dictionaries(
        st.sampled_from(
            [
                "REDHOME_DATABASE_URL",
                "REDHOME_TERMINAL_ID",
                "REDHOME_STORE_CODE",
                "REDHOME_LANGUAGE",
                "REDHOME_DATA_DIR",
                "REDHOME_LOG_DIR",
                "REDHOME_TIMEZONE",
                "REDHOME_ONLINE_STORE_ENABLED",
                "REDHOME_ONLINE_STORE_BASE_URL",
            ]
        ),
        st.text(max_size=40).filter(lambda t: "\x00" not in t),
        max_size=4,
    )
)
def test_environment_overrides_load_or_are_a_config_error(env: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _load(tomli_w.dumps(VALID).encode(), Path(folder), env)


# --- CSV files -------------------------------------------------------------------------------

CELL = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    max_size=12,
) | st.sampled_from(["", "12.5", "-3", "1e9", "￥9.90", "=1+1", "yes", "SKU-0", "6901234567892"])
CATALOG_HEADER = [
    "sku_code",
    "title_zh",
    "title_en",
    "brand",
    "category",
    "variant",
    "price",
    "original_price",
    "vat_rate",
    "barcodes",
    "active",
]
STOCK_HEADER = ["sku_code", "title_zh", "variant", "barcode", "on_hand"]


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def _import(store: Database, data: bytes, kind: str) -> None:
    """Import ``data``; when it is refused, the store must be exactly as it was."""
    manager = login(store, Till(STORE, "T1"), "3001", "3333")
    before = fingerprint(store)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "in.csv"
        file.write_bytes(data)
        try:
            if kind == "catalog":
                import_catalog(store, file, staff=manager)
            else:
                import_stock(store, file, terminal_id="T1", staff=manager)
        except CsvImportError as error:
            assert str(error)
            assert fingerprint(store) == before
        except DomainError:
            raise AssertionError("only CsvImportError may escape an import") from None


@FUZZ
@given(data=st.binary(max_size=300), kind=st.sampled_from(["catalog", "stock"]))
def test_any_bytes_as_a_csv_file_are_refused_whole_or_imported(
    store: Database, data: bytes, kind: str
) -> None:
    _import(store, data, kind)


@FUZZ
@given(
    rows=st.lists(st.lists(CELL, min_size=0, max_size=12), min_size=1, max_size=5),
    kind=st.sampled_from(["catalog", "stock"]),
)
def test_rows_of_any_text_under_a_good_header_are_refused_whole_or_imported(
    store: Database, rows: list[list[str]], kind: str
) -> None:
    header = CATALOG_HEADER if kind == "catalog" else STOCK_HEADER
    _import(store, _csv(header, rows), kind)


# --- scans resolved against the store ----------------------------------------------------


@FUZZ
@given(
    text=st.text(max_size=60)
    | st.from_regex(r"(RH1\.|https?://(www\.)?xiaohongshu\.com/|xhslink\.com/)[ -~]{0,40}")
    | st.from_regex(r"[0-9]{6,14}", fullmatch=True)
)
def test_any_scan_is_found_or_refused_and_changes_nothing(store: Database, text: str) -> None:
    scanner = ScanService(store, ScanSettings(store_code=STORE, code_secret="fuzz-secret-0123456"))
    before = fingerprint(store)
    try:
        scanner.scan(text, record=False)
    except DomainError as error:
        assert str(error)
    assert fingerprint(store) == before


# --- printer status bytes --------------------------------------------------------------------

REPLY = st.none() | st.binary(max_size=40)


@FUZZ
@given(printer=REPLY, paper=REPLY, cause=REPLY, tspl=REPLY, zpl=REPLY)
def test_any_status_bytes_give_a_printer_state(
    printer: bytes | None,
    paper: bytes | None,
    cause: bytes | None,
    tspl: bytes | None,
    zpl: bytes | None,
) -> None:
    replies = {
        DLE_EOT_PRINTER: printer,
        DLE_EOT_PAPER: paper,
        DLE_EOT_OFFLINE_CAUSE: cause,
        TSPL_STATUS: tspl,
        ZPL_HOST_STATUS: zpl,
    }
    transport = DummyTransport("fuzz", {k: v for k, v in replies.items() if v is not None})
    for status in (escpos_status(transport), tspl_status(transport), zpl_status(transport)):
        assert isinstance(status, PrinterStatus) and isinstance(status.state, PrinterState)
    if not printer:
        assert escpos_status(transport).state is PrinterState.UNKNOWN  # silence is not ready


@FUZZ
@given(
    zpl=st.lists(st.text(alphabet="0123456789,\x02\x03 ", max_size=30), min_size=0, max_size=5).map(
        lambda parts: "\x03".join(parts).encode()
    )
)
def test_zpl_host_status_strings_of_any_shape_give_a_state(zpl: bytes) -> None:
    status = zpl_status(DummyTransport("fuzz", {ZPL_HOST_STATUS: zpl}))
    assert isinstance(status.state, PrinterState)
