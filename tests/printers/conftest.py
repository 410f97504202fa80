"""Fixtures of the printer tests: the fake network printer (golden files: ``goldens.py``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fake_printer import FakePrinter


@pytest.fixture
def fake_printer() -> Iterator[FakePrinter]:
    printer = FakePrinter()
    printer.start()
    yield printer
    printer.stop()
