"""A printer's profile is its configuration, checked, with the font to draw with."""

from __future__ import annotations

from dataclasses import fields

import pytest

from printers.errors import PrinterSetupError
from printers.profile import profile_from_config
from redhome_pos.config import PrinterConfig


def test_every_configured_field_reaches_the_profile() -> None:
    config = PrinterConfig(
        name="label",
        transport="network",
        host="10.0.0.9",
        port=9101,
        usb_vendor=0x0416,
        usb_product=0x5011,
        serial_device="/dev/ttyS1",
        baudrate=19200,
        path="/tmp/out",
        language="tspl",
        profile="XP-365B",
        columns=32,
        dot_width=384,
        encoding="gb18030",
        cutter=False,
        qr_native=True,
        cash_drawer=False,
        label_width_mm=50,
        label_height_mm=30,
        timeout_s=2.5,
    )
    profile = profile_from_config(config, font_path="/fonts/x.ttc")
    assert isinstance(profile, PrinterConfig)
    for field in fields(PrinterConfig):
        assert getattr(profile, field.name) == getattr(config, field.name), field.name
    assert profile.font_path == "/fonts/x.ttc"
    assert profile.is_label_printer


def test_hex_usb_ids_from_the_file_and_a_checked_profile() -> None:
    config = PrinterConfig(name="receipt", usb_vendor="0416", usb_product="")  # type: ignore[arg-type]
    profile = profile_from_config(config)
    assert (profile.usb_vendor, profile.usb_product) == (0x0416, 0)
    with pytest.raises(PrinterSetupError, match="columns"):
        profile_from_config(PrinterConfig(name="receipt", columns=200))
